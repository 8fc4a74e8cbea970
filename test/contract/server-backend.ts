/**
 * The reference server as a contract backend: a real process (`demo/server/main.ts`, started as
 * `npm start` starts it) on loopback, spoken to over HTTP only. `control` is its admin route, the
 * way the demo and a partner's other systems drive it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scratchDatabase, startServer, type RunningServer } from '../../scripts/bench-server.mjs';
import type { ContractBackend } from './control.js';

const ADMIN_TOKEN = 'contract-suite-admin-token-0123456789abcdef';

export interface ServerContractBackend extends ContractBackend {
  /** Starts the process; call once before the suite runs. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** `databaseUrl`: a PostgreSQL server to make a scratch database on; without it, PGlite. */
export function createServerContractBackend(options: {
  name: string;
  databaseUrl?: string;
}): ServerContractBackend {
  let server: RunningServer | undefined;
  let cleanUp: (() => Promise<void>) | undefined;
  const origin = () => {
    if (!server) throw new Error(`${options.name}: call start() first`);
    return server.origin;
  };

  async function admin(method: 'GET' | 'POST', path: string, body?: unknown) {
    const response = await fetch(`${origin()}/admin${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${ADMIN_TOKEN}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer = (await response.json()) as Record<string, unknown>;
    return { ok: response.ok, status: response.status, answer };
  }

  /** An admin change that answers 200 when it applied, 404 or 409 when it did not. */
  async function change(path: string): Promise<boolean> {
    const { ok, status, answer } = await admin('POST', path);
    if (!ok && status !== 404 && status !== 409) {
      throw new Error(`admin ${path}: ${status} ${JSON.stringify(answer)}`);
    }
    return ok;
  }

  async function must(method: 'POST', path: string, body?: unknown) {
    const { ok, status, answer } = await admin(method, path, body);
    if (!ok) throw new Error(`admin ${path}: ${status} ${JSON.stringify(answer)}`);
  }

  const id = encodeURIComponent;
  return {
    name: options.name,
    get baseUrl() {
      return `${origin()}/api`;
    },
    fetch: (input, init) => globalThis.fetch(input, init),
    async start() {
      const env: Record<string, string> = {
        ADMIN_TOKEN,
        PROGRAM: 'reference',
        // The suite sends far more POSTs a minute than a person would, from one address.
        RATE_LIMIT_POSTS_PER_MINUTE: '0',
        PUBLIC_ORIGIN: 'http://127.0.0.1',
      };
      if (options.databaseUrl) {
        const db = await scratchDatabase(options.databaseUrl, 'contract');
        env['DATABASE_URL'] = db.url;
        cleanUp = () => db.drop();
      } else {
        const dir = await mkdtemp(join(tmpdir(), 'peer-contract-pglite-'));
        env['DATA_DIR'] = dir;
        env['DATABASE_URL'] = '';
        cleanUp = () => rm(dir, { recursive: true, force: true });
      }
      server = await startServer(env);
    },
    async stop() {
      await server?.stop();
      await cleanUp?.();
    },
    control: {
      reset: () => must('POST', '/reset'),
      setProgram: (program) => must('POST', '/program', program),
      setNow: (now) => must('POST', '/clock', { now: now.toISOString() }),
      confirmBooking: (bookingId) => change(`/bookings/${id(bookingId)}/confirm`),
      declineBooking: (bookingId) => change(`/bookings/${id(bookingId)}/decline`),
      cancelAsSupporter: (bookingId) => change(`/bookings/${id(bookingId)}/cancel`),
      markPaid: (bookingId) => change(`/bookings/${id(bookingId)}/paid`),
      markGiftCardPaid: (purchaseId) => change(`/gift-cards/${id(purchaseId)}/paid`),
      async emailedCode(purchaseId) {
        const { ok, answer } = await admin('GET', `/gift-cards/${id(purchaseId)}/code`);
        return ok && typeof answer['code'] === 'string' ? answer['code'] : undefined;
      },
    },
  };
}
