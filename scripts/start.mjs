#!/usr/bin/env node
/**
 * `npm start`: the demo on the reference server, with nothing else installed.
 *
 * 1. Builds dist/ when it is missing or older than the sources (the pages load the real script
 *    tag, `/dist/cdn/peer-support-widgets.js`, and the framework hosts import the package).
 * 2. Starts the API server (`demo/server/main.ts`, through tsx) on a free loopback port, on the
 *    embedded PGlite in `.data/pglite` (so bookings survive a restart), with an admin token made
 *    for this run.
 * 3. Starts Vite's dev server with `VITE_DEMO_BACKEND=server`, so the pages skip the in-page mock
 *    (demo/backend.ts), and a proxy to the API server for the API base path, `/admin/` (the proxy
 *    adds the admin token: it is never in the page) and `/mock-portraits/`. The pages are then
 *    same-origin with everything they call.
 *
 * Ctrl-C (or SIGTERM) stops both: Vite at once, the API server gracefully. The server's request
 * lines are left out of this terminal unless LOG_LEVEL is set; its warnings, errors, start and
 * stop are shown. Variables the server reads (README, "Running the reference server") pass
 * through, e.g. `DATABASE_URL=postgres://… npm start`.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = resolve(root, 'dist/cdn/peer-support-widgets.js');

await buildIfStale();

const pagePort = await firstFreePort(Number(process.env.DEMO_PORT ?? 5173));
const pageOrigin = `http://localhost:${pagePort}`;
const adminToken = randomBytes(32).toString('base64url');
const basePath = process.env.API_BASE_PATH ?? '/api';

const api = await startApiServer({
  HOST: '127.0.0.1',
  PORT: process.env.PORT ?? '0',
  DATA_DIR: process.env.DATA_DIR ?? '.data/pglite',
  PUBLIC_ORIGIN: pageOrigin,
  CORS_ORIGINS: process.env.CORS_ORIGINS ?? pageOrigin,
  ADMIN_TOKEN: adminToken,
  API_BASE_PATH: basePath,
});

process.env.VITE_DEMO_BACKEND = 'server';
const { createServer: createViteServer } = await import('vite');
const escaped = basePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Vite closes itself and exits on SIGTERM or when stdin ends; this script stops both servers
// itself instead, so that the API server is never left running (its listeners come off below).
const viteOwn = { sigterm: process.listeners('SIGTERM'), end: process.stdin.listeners('end') };
const vite = await createViteServer({
  root,
  server: {
    port: pagePort,
    strictPort: true,
    open: '/demo/',
    proxy: {
      [`^${escaped}(/|$)`]: { target: api.url },
      '^/mock-portraits/': { target: api.url },
      '^/admin/': {
        target: api.url,
        headers: { Authorization: `Bearer ${adminToken}` },
        // The token goes only with the demo's own requests: a page on another site (a form
        // posted across sites) must not reset, confirm or cancel through this proxy.
        bypass: (req) => (sameSite(req) ? undefined : false),
      },
    },
  },
});
for (const listener of process.listeners('SIGTERM')) {
  if (!viteOwn.sigterm.includes(listener)) process.off('SIGTERM', listener);
}
for (const listener of process.stdin.listeners('end')) {
  if (!viteOwn.end.includes(listener)) process.stdin.off('end', listener);
}
await vite.listen();
vite.printUrls();
console.log(`  ➜  API:     ${api.url} (through ${pageOrigin}${basePath}), data in ${api.storage}`);

/**
 * A request from the demo's own pages, or from a tool that is no browser (no `Sec-Fetch-Site`,
 * no `Origin`): never one a page of another site made the browser send.
 */
function sameSite(req) {
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  return origin === undefined || origin === pageOrigin;
}

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  // Both at once, and the API server stopped even if Vite fails to close.
  const closed = await Promise.allSettled([vite.close(), api.stop()]);
  for (const { reason } of closed.filter((result) => result.status === 'rejected')) {
    console.error(reason);
  }
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
api.exited.then((exitCode) => {
  if (stopping) return;
  console.error(`The API server stopped (exit code ${exitCode}); stopping the demo.`);
  void stop(exitCode || 1);
});

/** Runs the build when dist/ is missing or any source is newer than the script-tag bundle. */
async function buildIfStale() {
  const built = await stat(bundle).then(
    (info) => info.mtimeMs,
    () => 0,
  );
  const sources = [
    await newest(resolve(root, 'src')),
    ...(await Promise.all(
      ['package.json', 'scripts/build.mjs'].map((file) => stat(resolve(root, file))),
    ).then((infos) => infos.map((info) => info.mtimeMs))),
  ];
  if (built > Math.max(...sources)) return;
  console.log(built ? 'Sources changed: building dist/ …' : 'Building dist/ …');
  const code = await new Promise((done) => {
    spawn(process.execPath, [resolve(root, 'scripts/build.mjs')], {
      cwd: root,
      stdio: 'inherit',
    }).once('exit', done);
  });
  if (code !== 0) process.exit(code ?? 1);
}

async function newest(dir) {
  let latest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? await newest(path) : (await stat(path)).mtimeMs;
    if (time > latest) latest = time;
  }
  return latest;
}

/** The first port from `port` on that nothing listens on (as Vite picks its own). */
async function firstFreePort(port) {
  for (let candidate = port; candidate < port + 50; candidate++) {
    const free = await new Promise((done) => {
      const probe = createServer();
      probe.once('error', () => done(false));
      probe.listen(candidate, 'localhost', () => probe.close(() => done(true)));
    });
    if (free) return candidate;
  }
  throw new Error(`No free port from ${port} to ${port + 49}`);
}

/**
 * Starts `demo/server/main.ts` and resolves once it logs `listening` (its storage is open and
 * migrated by then) with its URL.
 */
function startApiServer(env) {
  const explicitLogs = process.env.LOG_LEVEL !== undefined;
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // 'close': the process has exited and its last log lines have been read.
  const exited = new Promise((done) => child.once('close', (code) => done(code ?? 1)));
  return new Promise((resolveStart, rejectStart) => {
    exited.then((code) => rejectStart(new Error(`The API server exited (code ${code})`)));
    createInterface({ input: child.stdout }).on('line', (text) => {
      let line;
      try {
        line = JSON.parse(text);
      } catch {
        console.log(`[server] ${text}`);
        return;
      }
      if (line.msg === 'listening') {
        resolveStart({
          url: line.url,
          storage: line.storage === 'postgresql' ? 'PostgreSQL (DATABASE_URL)' : env.DATA_DIR,
          exited,
          async stop() {
            if (child.exitCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
      }
      const shown =
        explicitLogs || line.level === 'warn' || line.level === 'error' || line.msg !== 'request';
      if (shown && line.msg !== 'listening') console.log(`[server] ${text}`);
    });
  }).catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
