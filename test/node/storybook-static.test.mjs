/* global console, fetch, navigator */
/**
 * The static Storybook works from a plain static server: `storybook build` (what
 * `npm run build-storybook` runs) into a temporary folder, served by a tiny node:http file
 * server that knows nothing of Storybook or MSW, then one story's iframe opened in Chromium.
 * The story only renders its cards if MSW's worker (copied to the site's root by `staticDirs`)
 * registered and answered the element's API requests: the static server has no API.
 *
 * Built here, never taken from an earlier storybook-static/: CI runs from a fresh clone, and a
 * stale build would hide a broken one. The build takes about 20 s on a shared 2-core machine.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import process from 'node:process';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { URL, fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { chromiumArgs, executablePath } from '../chromium.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
/** Storybook's CLI, as `npm run build-storybook` runs it (its `bin` is one file). */
const storybookPackage = require('storybook/package.json');
const storybookBin = join(
  dirname(require.resolve('storybook/package.json')),
  typeof storybookPackage.bin === 'string' ? storybookPackage.bin : storybookPackage.bin.storybook,
);

/** The story opened: the directory's results, which need the mock backend. */
const storyId = 'elements-peer-directory--results';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.map': 'application/json',
};

/** Files under `dir`, by path, and nothing else: no rewrites, no API, no Storybook. */
function staticServer(dir) {
  const requested = [];
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    requested.push(path);
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
  return { server, requested };
}

let out, site, base, buildMs, browser;
before(async () => {
  out = await mkdtemp(join(tmpdir(), 'peer-storybook-'));
  const start = performance.now();
  const result = spawnSync(
    process.execPath,
    [storybookBin, 'build', '--quiet', '--output-dir', out],
    { cwd: root, encoding: 'utf8', timeout: 300_000, env: { ...process.env, CI: 'true' } },
  );
  buildMs = performance.now() - start;
  assert.equal(result.status, 0, `storybook build failed:\n${result.stdout}\n${result.stderr}`);
  console.log(`# storybook build: ${(buildMs / 1000).toFixed(1)} s`);
  site = staticServer(out);
  await new Promise((resolve) => site.server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${site.server.address().port}`;
  browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
});
after(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.server.close(resolve) ?? resolve());
  await rm(out, { recursive: true, force: true });
});

describe('the static Storybook', { timeout: 360_000 }, () => {
  it('has the manager, the preview, the index and the MSW worker at the root', async () => {
    for (const path of ['/', '/iframe.html', '/index.json', '/mockServiceWorker.js']) {
      const response = await fetch(base + path);
      assert.equal(response.status, 200, path);
    }
    const worker = await (await fetch(`${base}/mockServiceWorker.js`)).text();
    assert.match(worker, /Mock Service Worker/);
    const index = await (await fetch(`${base}/index.json`)).json();
    assert.equal(index.entries[storyId]?.type, 'story', `${storyId} in index.json`);
  });

  it("renders a story's iframe, with the crisis line and the mock backend's supporters", async () => {
    const page = await browser.newPage();
    try {
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const fromWorker = [];
      page.on('response', (response) => {
        if (new URL(response.url()).pathname.startsWith('/api/') && response.fromServiceWorker())
          fromWorker.push(response.url());
      });
      await page.goto(`${base}/iframe.html?id=${storyId}&viewMode=story`);

      // C1: the crisis line, on screen (Playwright's CSS locators pierce open shadow roots).
      for (const href of ['tel:988', 'sms:988', 'tel:911']) {
        await page.locator(`peer-directory a[href="${href}"]`).first().waitFor({ timeout: 30_000 });
      }
      const call = page.locator('peer-directory a[href="tel:988"]').first();
      assert.equal((await call.textContent())?.trim(), 'Call 988');
      assert.ok(await call.isVisible(), 'the 988 link is visible');

      // Supporter cards: the element's requests reached MSW's worker, which answered them.
      const cards = page.locator('peer-directory [part="list"] [part="card"]');
      await cards.first().waitFor({ timeout: 30_000 });
      assert.ok((await cards.count()) > 0, 'supporter cards');
      assert.match((await cards.first().locator('h3').textContent())?.trim() ?? '', /\S/);
      const controlled = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
      assert.equal(controlled, `${base}/mockServiceWorker.js`);
      assert.ok(fromWorker.length > 0, 'API responses came from the service worker');
      assert.deepEqual(
        site.requested.filter((path) => path.startsWith('/api/')),
        [],
        'no API request reached the static server',
      );
      assert.deepEqual(errors, [], 'no uncaught errors on the page');
    } finally {
      await page.close();
    }
  });

  it("shows an element's docs page from the manifest, custom states included", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${base}/iframe.html?id=elements-peer-booking--docs&viewMode=docs`);
      const docs = page.locator('#storybook-docs');
      await docs.getByText(':state(requested)', { exact: true }).first().waitFor();
      const text = await docs.innerText();
      // One of each section's entries, as custom-elements.json documents <peer-booking>.
      for (const expected of [
        'gift-code', // an attribute
        'peer-booking-requested', // an event
        '--peer-booking-max-width', // a CSS property
        'slot-selected', // a part
        ':state(step-review)', // a custom state
      ]) {
        assert.ok(text.includes(expected), `the docs page lists ${expected}`);
      }
      for (const section of ['attributes', 'events', 'css custom properties', 'css shadow parts'])
        assert.match(text.toLowerCase(), new RegExp(section), `a "${section}" section`);
      assert.match(text.toLowerCase(), /custom states/);
    } finally {
      await page.close();
    }
  });
});
