/**
 * Test doubles for the server shell: a fake API (`handle`) and control surface that record what
 * reached them, a logger that keeps its lines, and a configuration from a few variables.
 */
import type { Booking } from '../../src/api/index.js';
import { createApp, type AppDeps } from '../../demo/server/app.js';
import { loadConfig } from '../../demo/server/config.js';
import { createClock } from '../../demo/server/deps.js';
import { createLogger } from '../../demo/server/log.js';

export const ADMIN_TOKEN = 'admin-token-for-tests-0123456789abcdef';
export const PARTNER = 'https://partner.example';

export interface Harness {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  /** Every log line, parsed. */
  logs: Record<string, unknown>[];
  /** The raw log lines. */
  lines: string[];
  /** Requests that reached the API double, as `METHOD /path`. */
  handled: string[];
  /** Calls of the control double, as `name(arg)`. */
  calls: string[];
  /** Resolves the slow route's answer (`/api/slow` waits for it). */
  release(): void;
  /** Resolves when the slow route has started. */
  slowStarted: Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  ready?: () => Promise<boolean>;
  handle?: AppDeps['handle'];
}

const booking = (id: string, status: Booking['status']) => ({ id, status }) as unknown as Booking;

export function harness(options: HarnessOptions = {}): Harness {
  const lines: string[] = [];
  const handled: string[] = [];
  const calls: string[] = [];
  let release = () => {};
  let started = () => {};
  const slowStarted = new Promise<void>((resolve) => (started = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const bookings = [booking('bk-requested', 'requested'), booking('bk-confirmed', 'confirmed')];
  const config = loadConfig({
    ADMIN_TOKEN,
    CORS_ORIGINS: `${PARTNER},https://other-partner.example`,
    RATE_LIMIT_POSTS_PER_MINUTE: '3',
    ...options.env,
  });
  const record =
    (name: string, result: (id: string) => boolean) =>
    async (id: string): Promise<boolean> => {
      calls.push(`${name}(${id})`);
      return result(id);
    };
  const deps: AppDeps = {
    async handle(request, context) {
      const { pathname } = new URL(request.url);
      handled.push(`${request.method} ${pathname}`);
      if (pathname === '/api/program') return Response.json({ name: 'Program' });
      if (pathname === '/api/bookings' && request.method === 'POST') {
        const body = (await request.json()) as { seeker?: { name?: string } };
        return Response.json({ id: 'bk-new', named: Boolean(body.seeker?.name) }, { status: 201 });
      }
      if (pathname.startsWith('/api/bookings/')) return Response.json({ id: 'bk-1' });
      if (pathname === '/api/gift-cards' && request.method === 'POST') {
        return Response.json({ id: 'gp-1' }, { status: 201 });
      }
      if (pathname === '/api/gift-cards/lookup') {
        return Response.json(
          { error: { code: 'not-found', message: 'No such card.' } },
          { status: 404 },
        );
      }
      if (pathname === '/api/slow') {
        started();
        await released;
        return Response.json({ slow: true });
      }
      if (pathname === '/api/failed') {
        // As handleApiRequest does with an operation that throws: a 500, and the error told.
        context?.onError?.(new Error('connection to ada.lovelace@example.org terminated'));
        return Response.json(
          { error: { code: 'internal', message: 'Something went wrong.' } },
          { status: 500 },
        );
      }
      if (pathname === '/api/boom') {
        throw new Error('duplicate key: Key (email)=(ada.lovelace@example.org) already exists');
      }
      return undefined;
    },
    control: {
      confirmBooking: record('confirmBooking', (id) => id === 'bk-requested'),
      declineBooking: record('declineBooking', (id) => id === 'bk-requested'),
      cancelAsSupporter: record('cancelAsSupporter', (id) => id !== 'bk-unknown'),
      markPaid: record('markPaid', (id) => id === 'bk-requested'),
      markGiftCardPaid: record('markGiftCardPaid', (id) => id === 'gp-1'),
      async emailedCode(id) {
        calls.push(`emailedCode(${id})`);
        return id === 'gp-1' ? 'ABCD-EFGH-JKLM-NPQR' : undefined;
      },
      async bookings() {
        return bookings;
      },
      async giftCodes() {
        return [];
      },
      async reset() {
        calls.push('reset()');
      },
      async setProgram(program) {
        calls.push(`setProgram(${program.id})`);
      },
    },
    clock: createClock(),
    ready: options.ready ?? (async () => true),
    async portrait(id) {
      return id === 'sup-001' ? '<svg xmlns="http://www.w3.org/2000/svg"/>' : undefined;
    },
    config,
    log: createLogger({ level: 'debug', write: (line) => lines.push(line) }),
  };
  if (options.handle) deps.handle = options.handle;
  const app = createApp(deps);
  return {
    app,
    deps,
    get logs() {
      return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    lines,
    handled,
    calls,
    release: () => release(),
    slowStarted,
  };
}

/** The environment Node's adapter passes: the client's address. */
export const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
