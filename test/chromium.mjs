/* global process */
/**
 * The browser every test runner launches (web-test-runner, the story tests, the bench scripts),
 * found in this order:
 *
 * 1. `CHROMIUM_PATH`, when set (an error if it names no file: a browser asked for by name is
 *    never silently replaced);
 * 2. `/usr/bin/chromium` (Debian's `chromium` package; what CI installs);
 * 3. the Chromium Playwright has installed (`npx playwright install chromium`);
 * 4. the system's Google Chrome (or Chromium), at its usual places on Linux, macOS and Windows.
 *
 * Importing this module with none of them present throws `BrowserNotFoundError`, whose message
 * says how to install one, so that every runner stops at once with the same words.
 * `node scripts/check-browser.mjs` (the first step of `npm test`) prints it.
 *
 * `PEER_TEST_BROWSERS` (paths separated by the platform's path delimiter) replaces steps 2 to 4;
 * the tests of this module use it to simulate a machine without a browser.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';

export class BrowserNotFoundError extends Error {
  name = 'BrowserNotFoundError';
}

/** Where Playwright's own Chromium is (or would be) installed; undefined without Playwright. */
function playwrightChromium() {
  try {
    const { chromium } = createRequire(import.meta.url)('playwright');
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** The system's Chrome or Chromium, at the usual places of each platform. */
function systemChrome(env, platform) {
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
    ];
    return [
      ...apps.map((app) => `/Applications/${app}`),
      ...(env.HOME ? apps.map((app) => join(env.HOME, 'Applications', app)) : []),
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(Boolean);
    return roots.map((root) => join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'));
  }
  return [
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
  ];
}

/** Steps 2 to 4, in order, each with what it is. */
export function candidates(env = process.env, platform = process.platform) {
  if (env.PEER_TEST_BROWSERS !== undefined) {
    return env.PEER_TEST_BROWSERS.split(delimiter)
      .filter(Boolean)
      .map((path) => ({ path, source: 'PEER_TEST_BROWSERS' }));
  }
  const playwright = playwrightChromium();
  return [
    { path: '/usr/bin/chromium', source: "Debian's chromium" },
    ...(playwright ? [{ path: playwright, source: "Playwright's Chromium" }] : []),
    ...systemChrome(env, platform).map((path) => ({ path, source: 'system Chrome' })),
  ];
}

const install = [
  'Install a browser for the tests:',
  '  any system:      npx playwright install chromium',
  '  Debian, Ubuntu:  sudo apt-get install chromium',
  '  macOS, Windows:  install Google Chrome, or run npx playwright install chromium',
  'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
].join('\n');

/**
 * The browser to launch, `{ path, source }`, or throws BrowserNotFoundError with what was tried
 * and how to install one.
 */
export function findBrowser(env = process.env, platform = process.platform) {
  if (env.CHROMIUM_PATH) {
    if (existsSync(env.CHROMIUM_PATH)) return { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
    throw new BrowserNotFoundError(
      `No browser for the tests: CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which does not exist.\n${install}`,
    );
  }
  const tried = candidates(env, platform);
  const found = tried.find(({ path }) => existsSync(path));
  if (found) return found;
  const list = tried.map(({ path, source }) => `  ${path} (${source})`).join('\n');
  throw new BrowserNotFoundError(
    `No browser for the tests. Tried CHROMIUM_PATH (not set), then:\n${list || '  (nothing)'}\n${install}`,
  );
}

/** The browser this machine runs the tests in: `{ path, source }`. */
export const browser = findBrowser();
export const executablePath = browser.path;

export const chromiumArgs = [
  // Root (containers, CI) needs --no-sandbox; without the network flags Chromium floods the log
  // with refused connections on machines without internet.
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
