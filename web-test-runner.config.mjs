import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve as resolvePath } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { buildDemoPages } from './scripts/build-demo.mjs';
import { chromiumArgs, executablePath } from './test/chromium.mjs';

/** Serves MSW's worker script at the root scope so that it can intercept every request. */
const mswWorker = {
  name: 'msw-worker',
  serve(context) {
    if (context.path === '/mockServiceWorker.js') {
      return { body: mswWorkerSource, type: 'js', headers: { 'Service-Worker-Allowed': '/' } };
    }
    return undefined;
  },
};
/**
 * The script-tag folder served from other paths, as partners do: `/cdn-copy/` is dist/cdn/ as it
 * is (a second copy of the loader, for the loaded-twice test), `/broken-cdn/` is the same but for the
 * directory's chunk, which `brokenChunk` answers with a 404 (a chunk that fails to load).
 */
const cdnCopies = {
  name: 'cdn-copies',
  serve(context) {
    const match = /^\/(cdn-copy|broken-cdn)\/([\w.-]+\.js)$/.exec(context.path);
    if (!match) return undefined;
    const file = match[2];
    try {
      return {
        body: readFileSync(new URL(`./dist/cdn/${file}`, import.meta.url), 'utf8'),
        type: 'js',
      };
    } catch {
      return { status: 404, body: 'Not found', type: 'text' };
    }
  },
};
/**
 * The framework host pages (demo/react.html, demo/vue.html) as a partner's Vite app ships them:
 * built with the project's vite.config.ts into a temporary folder on the first request for
 * `/demo-build/` (React is CommonJS, which this server cannot serve as it is), then served from
 * there. Only test/framework-hosts.test.ts asks for them, so no other run pays for the build.
 */
let hostBuild;
const hostPages = {
  name: 'host-pages',
  async serve(context) {
    if (!context.path.startsWith('/demo-build/')) return undefined;
    hostBuild ??= buildHostPages();
    const dir = await hostBuild;
    const file = resolvePath(dir, `.${context.path.slice('/demo-build'.length)}`);
    if (!file.startsWith(dir)) return { status: 404, body: 'Not found', type: 'text' };
    try {
      return { body: readFileSync(file, 'utf8'), type: extname(file).slice(1) };
    } catch {
      return { status: 404, body: 'Not found', type: 'text' };
    }
  },
  async serverStop() {
    if (hostBuild) rmSync(await hostBuild, { recursive: true, force: true });
  },
};
async function buildHostPages() {
  const outDir = mkdtempSync(join(tmpdir(), 'peer-hosts-'));
  await buildDemoPages({ outDir, base: '/demo-build/', pages: ['react', 'vue'] });
  return outDir;
}

const mswWorkerSource = readFileSync(
  new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url),
  'utf8',
);

/**
 * The Content-Security-Policy header that the README gives partners, read from the README itself
 * (its one `Content-Security-Policy:` line), so that the page the strict-CSP walk loads is served
 * with exactly what partners copy, and the two cannot drift apart.
 */
const partnerPolicy = (() => {
  const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
  const lines = readme.match(/^Content-Security-Policy: .+$/gm) ?? [];
  if (lines.length !== 1) {
    throw new Error(`README.md must hold one Content-Security-Policy line, found ${lines.length}`);
  }
  return lines[0].slice('Content-Security-Policy: '.length).trim();
})();
/** Pages served with that header: a response header, not a meta tag, as partners deploy it. */
const partnerPolicyPages = new Set([
  '/test/csp/flows.html',
  '/test/csp/control.html',
  '/test/csp/own-lit.html',
]);
async function partnerCsp(context, next) {
  await next();
  if (partnerPolicyPages.has(context.path)) {
    context.set('Content-Security-Policy', partnerPolicy);
  }
}

/** Test files that run in an emulated zone, in a group of their own. */
const zoneTests = 'test/time-zone/*.test.ts';
/**
 * Tests that run in Node, not in a browser: the API contract suite (`npm run test:contract`), the
 * reference server's (`npm run test:server`) and the end-to-end walk (`npm run test:e2e`, which
 * drives its own browser).
 */
const nodeTests = 'test/{contract,server,e2e}/**';

const chromium = (contextOptions) =>
  playwrightLauncher({
    product: 'chromium',
    launchOptions: { executablePath, headless: true, args: chromiumArgs },
    ...(contextOptions
      ? { createBrowserContext: ({ browser }) => browser.newContext(contextOptions) }
      : {}),
  });

/** The broken folder's directory chunk answers 404, as a missing or blocked file does. */
function brokenChunk(context, next) {
  if (/^\/broken-cdn\/peer-directory-[\w-]+\.js$/.test(context.path)) {
    context.status = 404;
    context.body = 'Not found';
    return undefined;
  }
  return next();
}

export default {
  middleware: [brokenChunk, partnerCsp],
  files: ['src/**/*.test.ts', 'test/**/*.test.ts', `!${zoneTests}`, `!${nodeTests}`],
  // A seeker in New York, ahead of the program's Pacific hours, across a DST change (R6).
  groups: [
    {
      name: 'new-york',
      files: zoneTests,
      browsers: [chromium({ timezoneId: 'America/New_York', locale: 'en-US' })],
    },
  ],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  plugins: [
    mswWorker,
    cdnCopies,
    hostPages,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
  ],
  browsers: [chromium()],
};
