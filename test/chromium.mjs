/* global process */
/**
 * Debian's Chromium, for every browser test runner: test tools cannot download browsers on these
 * machines (see the toolchain notes). Root needs --no-sandbox; without the network flags Chromium
 * floods the log with refused connections.
 */
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
