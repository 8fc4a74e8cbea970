/**
 * The reference server under load (issue 11): requests per second and p50/p95 latency of the
 * directory search and of a supporter's slots, on a database of 5,000 supporters, on PGlite and
 * on PostgreSQL, in one run. The server runs in its own process (`demo/server/main.ts`), the load
 * generator (scripts/load.mjs) in this one, both on loopback.
 *
 * PostgreSQL needs `DATABASE_URL` (what `.ci/run` exports); the bench makes its own database
 * beside the one named there (`<name>_bench`), and drops it afterwards. Without it, the
 * PostgreSQL rows say so.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from './load.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const SUPPORTERS = 5000;
const DURATION_MS = Number(process.env.BENCH_SERVER_MS ?? 5000);
const CONNECTIONS = 16;

/** A free loopback port. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `demo/server/main.ts` with `env`, resolving once it is ready (`/readyz` answers 200).
 * `stop()` sends SIGTERM and waits for the exit.
 */
export async function startServer(env, { timeoutMs = 120_000 } = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'demo/server/main.ts')], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const origin = `http://127.0.0.1:${port}`;
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the server exited (${child.exitCode}):\n${stderr}`);
    try {
      if ((await fetch(`${origin}/readyz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > until) {
      child.kill('SIGTERM');
      throw new Error(`the server was not ready within ${timeoutMs / 1000} s:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    origin,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A database of its own beside the one `databaseUrl` names, dropped by `drop()`. */
export async function scratchDatabase(databaseUrl, suffix) {
  const { default: pg } = await import('pg');
  const url = new URL(databaseUrl);
  const name = `${url.pathname.slice(1) || 'postgres'}_${suffix}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

const scenarios = [
  {
    name: 'directory search',
    request: (origin) => ({
      url: `${origin}/api/supporters/search`,
      method: 'POST',
      body: { topics: ['anxiety'], sort: 'next-available', limit: 20 },
    }),
  },
  {
    name: 'slots of one supporter',
    request: (origin) => ({ url: `${origin}/api/supporters/sup-042/slots` }),
  },
];

async function measureBackend(label, env) {
  const rows = [];
  const started = Date.now();
  const server = await startServer({
    SEED_SUPPORTERS: String(SUPPORTERS),
    // The load comes from one address: the POST rate limit would refuse nearly all of it.
    RATE_LIMIT_POSTS_PER_MINUTE: '0',
    ...env,
  });
  const readyMs = Date.now() - started;
  try {
    for (const scenario of scenarios) {
      const result = await load({
        ...scenario.request(server.origin),
        connections: CONNECTIONS,
        durationMs: DURATION_MS,
      });
      rows.push({ backend: label, endpoint: scenario.name, ...result, readyMs });
    }
  } finally {
    await server.stop();
  }
  return rows;
}

export async function serverBench() {
  const rows = [];
  const dir = await mkdtemp(join(tmpdir(), 'peer-bench-pglite-'));
  try {
    rows.push(...(await measureBackend('PGlite', { DATA_DIR: dir, DATABASE_URL: '' })));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const db = await scratchDatabase(databaseUrl, 'bench');
    try {
      rows.push(...(await measureBackend('PostgreSQL', { DATABASE_URL: db.url })));
    } finally {
      await db.drop();
    }
  } else {
    for (const { name } of scenarios) {
      rows.push({ backend: 'PostgreSQL', endpoint: `${name}: skipped, no DATABASE_URL` });
    }
  }
  const number = (digits) => (value) => (typeof value === 'number' ? value.toFixed(digits) : '');
  return {
    about:
      `${SUPPORTERS} supporters, ${CONNECTIONS} connections, ${DURATION_MS / 1000} s per row, ` +
      'loopback; the server in its own process. Shared machines are noisy: compare rows of one run.',
    columns: [
      { key: 'backend', label: 'backend' },
      { key: 'endpoint', label: 'endpoint' },
      { key: 'rps', label: 'req/s', format: number(0) },
      { key: 'p50', label: 'p50 ms', format: number(1) },
      { key: 'p95', label: 'p95 ms', format: number(1) },
      { key: 'requests', label: 'requests', format: number(0) },
      { key: 'failed', label: 'non-2xx', format: number(0) },
      { key: 'readyMs', label: 'ready in ms', format: number(0) },
    ],
    rows,
  };
}
