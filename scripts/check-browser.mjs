#!/usr/bin/env node
/**
 * `npm test`'s first step: is there a browser for the browser tests? Finds it as every runner
 * does (test/chromium.mjs: CHROMIUM_PATH, /usr/bin/chromium, Playwright's Chromium, the system's
 * Chrome) and, when there is none, stops with how to install one, before a minute of lint and
 * build ends in a launcher error.
 */
import process from 'node:process';

try {
  const { browser } = await import('../test/chromium.mjs');
  console.log(`✓ browser for the tests: ${browser.path} (${browser.source})`);
} catch (error) {
  if (error?.name !== 'BrowserNotFoundError') throw error;
  console.error(error.message);
  process.exitCode = 1;
}
