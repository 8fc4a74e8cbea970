/**
 * The demo as a partner would host it, for the end-to-end test: its pages built by Vite for the
 * reference server (`VITE_DEMO_BACKEND=server`, as `npm start` runs them), the one script tag from
 * dist/cdn (`npm test` builds it first), every answer with the README's Content-Security-Policy
 * header, and the API, the portraits and the admin route passed to a reference-server process on
 * PGlite in a temp folder. The admin token is added here, so it is never in the page.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/bench-server.mjs';
import { buildDemoPages } from '../../scripts/build-demo.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ADMIN_TOKEN = 'end-to-end-admin-token-0123456789abcdef';

export interface RunningDemo {
  /** `http://127.0.0.1:<port>`: pages under /demo/. */
  origin: string;
  /** The policy every answer carries. */
  policy: string;
  /** A call of the reference server's admin route; the answer's JSON. */
  admin(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

/** The README's header, with this server's origin for the API and the photos. */
async function partnerPolicy(origin: string): Promise<string> {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const line = /^Content-Security-Policy: (.+)$/m.exec(readme)?.[1];
  if (!line) throw new Error('README.md gives no Content-Security-Policy line');
  return line
    .replace(/connect-src [^;]+/, `connect-src ${origin}`)
    .replace(/img-src [^;]+/, `img-src ${origin}`);
}

const buildPages = (outDir: string) =>
  buildDemoPages({ outDir, base: '/', pages: ['index', 'directory', 'gift'], backend: 'server' });

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** A file under `dir`, or undefined (nothing outside it is served). */
async function fileIn(dir: string, path: string): Promise<string | undefined> {
  const file = resolve(dir, `.${decodeURIComponent(path)}`);
  if (!file.startsWith(dir + sep)) return undefined;
  try {
    return (await stat(file)).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startDemo(): Promise<RunningDemo> {
  const pages = await mkdtemp(join(tmpdir(), 'peer-e2e-pages-'));
  const data = await mkdtemp(join(tmpdir(), 'peer-e2e-pglite-'));
  const built = buildPages(pages);
  let apiOrigin = '';
  let policy = '';

  const passOn = async (request: IncomingMessage, response: ServerResponse, admin: boolean) => {
    const headers = new Headers();
    for (const name of [
      'content-type',
      'accept',
      'accept-language',
      'idempotency-key',
      'x-manage-token',
    ]) {
      const value = request.headers[name];
      if (typeof value === 'string') headers.set(name, value);
    }
    if (admin) headers.set('Authorization', `Bearer ${ADMIN_TOKEN}`);
    const body = request.method === 'GET' ? undefined : await readBody(request);
    const answer = await fetch(`${apiOrigin}${request.url}`, {
      method: request.method ?? 'GET',
      headers,
      ...(body ? { body: new Uint8Array(body) } : {}),
    });
    const out: Record<string, string> = { 'Content-Security-Policy': policy };
    answer.headers.forEach((value, name) => {
      if (
        !['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name)
      ) {
        out[name] = value;
      }
    });
    response.writeHead(answer.status, out);
    response.end(Buffer.from(await answer.arrayBuffer()));
  };

  const server = createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      try {
        if (/^\/(api|mock-portraits)\//.test(path)) return await passOn(request, response, false);
        if (path.startsWith('/admin/')) return await passOn(request, response, true);
        const file = path.startsWith('/dist/')
          ? await fileIn(join(root, 'dist'), path.slice('/dist'.length))
          : await fileIn(pages, path.endsWith('/') ? `${path}index.html` : path);
        if (!file) {
          response.writeHead(404, { 'Content-Security-Policy': policy }).end('Not found');
          return;
        }
        response.writeHead(200, {
          'Content-Type': types[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': policy,
          'Cache-Control': 'no-store',
        });
        createReadStream(file).pipe(response);
      } catch (error) {
        response.writeHead(502).end(String(error));
      }
    })();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  policy = await partnerPolicy(origin);

  const api = await startServer({
    DATA_DIR: data,
    DATABASE_URL: '',
    ADMIN_TOKEN,
    PUBLIC_ORIGIN: origin,
    CORS_ORIGINS: origin,
    RATE_LIMIT_POSTS_PER_MINUTE: '0',
  });
  apiOrigin = api.origin;
  await built;

  return {
    origin,
    policy,
    async admin(method, path, body) {
      const answer = await fetch(`${apiOrigin}/admin${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${ADMIN_TOKEN}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!answer.ok)
        throw new Error(`admin ${method} ${path}: ${answer.status} ${await answer.text()}`);
      return answer.json() as Promise<unknown>;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      await api.stop();
      await rm(pages, { recursive: true, force: true });
      await rm(data, { recursive: true, force: true });
    },
  };
}
