/**
 * A newcomer's machine: the browser tests find a browser in the documented order
 * (test/chromium.mjs), and without one `npm test` stops at once with how to install one, instead
 * of failing with a launcher error after a minute of lint and build.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import process from 'node:process';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const check = join(root, 'scripts/check-browser.mjs');

/** This environment without CHROMIUM_PATH, with `overrides`. */
function env(overrides) {
  const environment = { ...process.env, ...overrides };
  if (!('CHROMIUM_PATH' in overrides)) delete environment.CHROMIUM_PATH;
  return environment;
}

/** Runs `command` and says how long it took. */
function run(command, args, environment) {
  const start = performance.now();
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    env: environment,
    timeout: 60_000,
  });
  return { ...result, ms: performance.now() - start };
}

let dir, first, second;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'peer-browsers-'));
  first = join(dir, 'first-chrome');
  second = join(dir, 'second-chrome');
  await writeFile(first, '');
  await writeFile(second, '');
});
after(() => rm(dir, { recursive: true, force: true }));

/** What a machine with no browser anywhere says. */
function assertInstallMessage(output) {
  assert.match(output, /No browser for the tests/);
  assert.match(output, /npx playwright install chromium/);
  assert.match(output, /sudo apt-get install chromium/);
  assert.match(output, /macOS, Windows: +install Google Chrome/);
  assert.match(output, /CHROMIUM_PATH/);
}

describe('the browser for the tests', () => {
  it('stops with how to install one when there is none', () => {
    const result = run(process.execPath, [check], env({ PEER_TEST_BROWSERS: '' }));
    assert.equal(result.status, 1);
    assertInstallMessage(result.stderr);
    assert.equal(result.stdout, '');
    assert.ok(result.ms < 5000, `took ${Math.round(result.ms)} ms`);
  });

  it('names a CHROMIUM_PATH that does not exist, without looking further', () => {
    const missing = join(dir, 'no-such-chrome');
    const result = run(process.execPath, [check], env({ CHROMIUM_PATH: missing }));
    assert.equal(result.status, 1);
    assert.ok(result.stderr.includes(`CHROMIUM_PATH is ${missing}, which does not exist`));
    assertInstallMessage(result.stderr);
  });

  it('takes CHROMIUM_PATH first', () => {
    const result = run(
      process.execPath,
      [check],
      env({ CHROMIUM_PATH: second, PEER_TEST_BROWSERS: first }),
    );
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout.trim(), `✓ browser for the tests: ${second} (CHROMIUM_PATH)`);
  });

  it('then the first candidate that exists, in order', () => {
    const candidates = [join(dir, 'missing'), first, second].join(delimiter);
    const result = run(process.execPath, [check], env({ PEER_TEST_BROWSERS: candidates }));
    assert.equal(result.status, 0, result.stderr);
    assert.ok(result.stdout.includes(first), result.stdout);
  });

  // Skipped inside the npm test it starts, should that one ever get this far: no recursion.
  const nested = process.env.PEER_NESTED_NPM_TEST === '1';
  it('npm test stops before lint and build when there is none', { skip: nested }, () => {
    // Under `npm run`, npm_execpath is the npm that runs us; elsewhere, npm from the PATH.
    const npm = process.env.npm_execpath;
    const [command, args] = npm?.endsWith('.js')
      ? [process.execPath, [npm]]
      : [process.platform === 'win32' ? 'npm.cmd' : 'npm', []];
    const result = run(
      command,
      [...args, 'test', '--silent'],
      env({ PEER_TEST_BROWSERS: '', PEER_NESTED_NPM_TEST: '1' }),
    );
    assert.notEqual(result.status, 0);
    assertInstallMessage(result.stderr);
    // Prettier's "Checking formatting..." would be the next step.
    assert.doesNotMatch(result.stdout + result.stderr, /Checking formatting/);
    assert.ok(result.ms < 10000, `took ${Math.round(result.ms)} ms`);
  });
});
