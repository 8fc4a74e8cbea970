/**
 * The reference server's HTTP shell on Hono: what any deployment of the API needs around the
 * contract's operations. The operations themselves come in as `deps.handle` (the shared backend's
 * `handleApiRequest`), so this file decides no business rule; it adds, in this order:
 *
 * - a request id, security headers and one structured log line per request (route templates,
 *   never values: no bodies, query strings, tokens, gift codes or anything a seeker typed);
 * - health (`/healthz`) and readiness (`/readyz`) for a load balancer;
 * - the supporters' portraits (`/mock-portraits/{id}.svg`), which the seed's photo URLs point at;
 * - the admin routes under `/admin/`, only when an admin token is configured, behind
 *   `Authorization: Bearer <token>` compared in constant time;
 * - the API under the base path: CORS for the configured origins only, rate limits on the POSTs
 *   (429 `rate-limited` with Retry-After), the request size limit (413), then `deps.handle`;
 * - the contract's error body for unknown routes (404 `not-found`) and unhandled errors
 *   (500 `internal`, the error itself only in the log).
 *
 * Everything it needs is injected, so the tests drive it with doubles and `main.ts` with the real
 * backend and storage.
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { BackendControl } from '../../src/backend/backend.js';
import { toApiIssues } from '../../src/api/errors.js';
import {
  ProgramSchema,
  type ErrorBody,
  type ErrorCode,
  type Program,
} from '../../src/api/schemas.js';
import type { ServerConfig } from './config.js';
import { errorFields, type Logger } from './log.js';
import { createRateLimiter, type RateLimiter } from './rate-limit.js';
import { apiTemplates } from './routes.js';

/** The backend's clock, settable for the demo and the tests (`POST /admin/clock`). */
export interface Clock {
  /** A fixed instant from now on, or null to follow real time again. */
  set(now: Date | null): void;
  now(): Date;
}

/** What the shell knows of a request that the API may use. */
export interface RequestContext {
  /** The client's address (`TRUST_PROXY`: from `X-Forwarded-For`). */
  client?: string;
  onError?: (error: unknown) => void;
}

export interface AppDeps {
  /** The API: a Response for a contract route, undefined for any other. */
  /**
   * The API: an answer, or undefined for no such route. An operation that fails is answered
   * 500 there, and told to `context.onError` so that the log keeps it with the request's id;
   * `context.client` is the client's address, for the API's own per-client limits.
   */
  handle(request: Request, context?: RequestContext): Promise<Response | undefined>;
  /** The supporter's and the partner's side, and back to the seed, for the admin routes. */
  control: BackendControl & {
    /** Back to the seed: data, and the seed's program. */
    reset(): Promise<void>;
    /** Serve `program` from the seed's data again, until the next reset (the contract suite). */
    setProgram?(program: Program): Promise<void>;
  };
  clock: Clock;
  /** Whether the storage can answer (database reachable, migrations applied). */
  ready(): Promise<boolean>;
  /** A supporter's portrait as SVG text, or undefined. Without it, no portrait route. */
  portrait?(supporterId: string): Promise<string | undefined>;
  config: ServerConfig;
  log: Logger;
}

/** What Node's adapter passes as the environment; tests pass the same shape, or nothing. */
export interface ServerBindings {
  incoming?: { socket?: { remoteAddress?: string | undefined } };
}

export interface ServerEnv {
  Bindings: ServerBindings;
  Variables: { requestId: string; route: string };
}

/** The headers a partner page may send, and the one it may read besides the simple ones. */
export const CORS_ALLOW_HEADERS = [
  'Content-Type',
  'Idempotency-Key',
  'X-Manage-Token',
  'Accept-Language',
];
export const CORS_EXPOSE_HEADERS = ['Retry-After', 'X-Request-Id'];

/** The contract's error body (`ErrorBody`), with the request id a person can quote. */
export function errorBody(code: ErrorCode, message: string, requestId?: string): ErrorBody {
  return { error: { code, message, ...(requestId ? { requestId } : {}) } };
}

const quietRoutes = new Set(['/healthz', '/readyz']);

export function createApp(deps: AppDeps): Hono<ServerEnv> {
  const { config, log } = deps;
  const base = config.apiBasePath;
  const app = new Hono<ServerEnv>();
  const fail = (
    c: Context<ServerEnv>,
    status: 400 | 401 | 404 | 409 | 413 | 429 | 500 | 503,
    code: ErrorCode,
    message: string,
  ) => c.json(errorBody(code, message, c.get('requestId')), status);

  // Request id, security headers, the log line. Outermost, so every answer gets them.
  app.use('*', async (c, next) => {
    const started = performance.now();
    const given = config.trustProxy ? c.req.header('x-request-id') : undefined;
    c.set('requestId', given && /^[\w.:-]{8,128}$/.test(given) ? given : randomUUID());
    await next();
    let { headers } = c.res;
    try {
      headers.set('X-Request-Id', c.get('requestId'));
    } catch {
      // A Response with immutable headers (one straight from fetch): copy it once.
      c.res = new Response(c.res.body, c.res);
      headers = c.res.headers;
      headers.set('X-Request-Id', c.get('requestId'));
    }
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'no-referrer');
    // Nothing this server sends is a page: no script, no frame, no plugin may run from it.
    headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
    const route = c.get('route') ?? 'unmatched';
    const line = {
      requestId: c.get('requestId'),
      method: c.req.method,
      route,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    };
    if (quietRoutes.has(route)) log.debug('request', line);
    else log.info('request', line);
  });

  app.get('/healthz', (c) => {
    c.set('route', '/healthz');
    return c.json({ status: 'ok' });
  });
  app.get('/readyz', async (c) => {
    c.set('route', '/readyz');
    let ready = false;
    try {
      ready = await deps.ready();
    } catch (error) {
      log.warn('readiness check failed', { requestId: c.get('requestId'), ...errorFields(error) });
    }
    return ready ? c.json({ status: 'ready' }) : c.json({ status: 'not-ready' }, 503);
  });

  const portrait = deps.portrait?.bind(deps);
  if (portrait) {
    app.get('/mock-portraits/:file', async (c) => {
      c.set('route', '/mock-portraits/{supporterId}.svg');
      const match = /^([\w-]{1,64})\.svg$/.exec(c.req.param('file'));
      const svg = match ? await portrait(match[1]!) : undefined;
      if (svg === undefined) return fail(c, 404, 'not-found', 'No such portrait.');
      return c.body(svg, 200, {
        'Content-Type': 'image/svg+xml',
        'Cache-Control': 'public, max-age=86400',
      });
    });
  }

  const limitBody = bodyLimit({
    maxSize: config.bodyLimitBytes,
    onError: (c) => {
      // The rest of the body is never read, so this connection cannot carry another request:
      // say so, or a client's next request on it fails.
      c.header('Connection', 'close');
      return fail(
        c as Context<ServerEnv>,
        413,
        'invalid-request',
        `The request body is larger than ${config.bodyLimitBytes} bytes.`,
      );
    },
  });

  const { postsPerMinute } = config.rateLimit;
  const limiter =
    postsPerMinute > 0 ? createRateLimiter({ limit: postsPerMinute, windowMs: 60_000 }) : undefined;

  if (config.adminToken !== undefined) {
    app.route('/admin', adminRoutes(deps, { limitBody, fail, limiter }));
  }

  // The API. CORS first, so that a 413 or a 429 reaches a partner page readable.
  const templateOf = apiTemplates(base);
  const allowed = new Set(config.corsOrigins);
  const partnerCors = cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST'],
    allowHeaders: CORS_ALLOW_HEADERS,
    exposeHeaders: CORS_EXPOSE_HEADERS,
    maxAge: 600,
  });
  app.use(`${base}/*`, async (c, next) => {
    const method =
      c.req.method === 'OPTIONS'
        ? (c.req.header('access-control-request-method') ?? 'GET')
        : c.req.method;
    c.set('route', templateOf(method, c.req.path) ?? `${base}/*`);
    const origin = c.req.header('origin');
    if (origin !== undefined && allowed.has(origin)) return partnerCors(c, next);
    // Another origin (or none): no CORS header at all, so a browser keeps the answer from it.
    if (c.req.method === 'OPTIONS') {
      c.header('Vary', 'Origin');
      return c.body(null, 204);
    }
    await next();
    c.header('Vary', 'Origin', { append: true });
  });

  if (limiter) {
    app.use(`${base}/*`, async (c, next) => {
      if (c.req.method !== 'POST') return next();
      const verdict = limiter.hit(`${clientAddress(c, config.trustProxy)} ${c.get('route')}`);
      if (verdict.allowed) return next();
      c.header('Retry-After', String(verdict.retryAfterSeconds));
      return fail(
        c,
        429,
        'rate-limited',
        `Too many requests: try again in ${verdict.retryAfterSeconds} seconds.`,
      );
    });
  }

  app.use(`${base}/*`, limitBody);
  app.all(`${base}/*`, async (c) => {
    const answer = await deps.handle(c.req.raw, {
      client: clientAddress(c, config.trustProxy),
      onError: (error) =>
        log.error('operation failed', {
          requestId: c.get('requestId'),
          route: c.get('route') ?? 'unmatched',
          ...errorFields(error),
        }),
    });
    return answer ?? fail(c, 404, 'not-found', 'No such route.');
  });

  app.notFound((c) => fail(c, 404, 'not-found', 'No such route.'));
  app.onError((error, c) => {
    log.error('unhandled error', {
      requestId: c.get('requestId'),
      route: c.get('route') ?? 'unmatched',
      ...errorFields(error),
    });
    return fail(c, 500, 'internal', 'Something went wrong on our side. Try again later.');
  });
  return app;
}

type Fail = (
  c: Context<ServerEnv>,
  status: 400 | 401 | 404 | 409,
  code: ErrorCode,
  message: string,
) => Response;

/**
 * The supporter's and the partner's side, which the contract leaves to other systems: for the
 * demo (through its dev server's proxy, which adds the token) and for the tests.
 */
function adminRoutes(
  deps: AppDeps,
  shell: { limitBody: MiddlewareHandler; fail: Fail; limiter: RateLimiter | undefined },
): Hono<ServerEnv> {
  const { limitBody, fail } = shell;
  const { control, clock } = deps;
  const expected = digest(`Bearer ${deps.config.adminToken}`);
  const admin = new Hono<ServerEnv>();

  admin.use('*', async (c, next) => {
    c.set('route', '/admin/*');
    // Digests of equal length, compared in constant time: neither the token nor its length leaks.
    if (!timingSafeEqual(digest(c.req.header('authorization') ?? ''), expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="admin"');
      return c.json(
        { error: { code: 'unauthorized', message: 'The admin token is missing or wrong.' } },
        401,
      );
    }
    return next();
  });
  admin.use('*', limitBody);

  const bookingActions = {
    confirm: (id: string) => control.confirmBooking(id),
    decline: (id: string) => control.declineBooking(id),
    cancel: (id: string) => control.cancelAsSupporter(id),
    paid: (id: string) => control.markPaid(id),
  };
  admin.post('/bookings/:bookingId/:action{confirm|decline|cancel|paid}', async (c) => {
    const action = c.req.param('action') as keyof typeof bookingActions;
    c.set('route', `/admin/bookings/{bookingId}/${action}`);
    const bookingId = c.req.param('bookingId');
    const done = await bookingActions[action](bookingId);
    const booking = (await control.bookings()).find((b) => b.id === bookingId);
    if (!booking) return fail(c, 404, 'not-found', 'No such booking.');
    if (!done) {
      return fail(
        c,
        409,
        'invalid-request',
        `The booking is ${booking.status}: ${action} does not apply.`,
      );
    }
    return c.json({ bookingId, status: booking.status });
  });

  admin.get('/bookings', async (c) => {
    c.set('route', '/admin/bookings');
    return c.json({ bookings: await control.bookings() });
  });

  admin.post('/gift-cards/:purchaseId/paid', async (c) => {
    c.set('route', '/admin/gift-cards/{purchaseId}/paid');
    const purchaseId = c.req.param('purchaseId');
    if (!(await control.markGiftCardPaid(purchaseId))) {
      return fail(c, 404, 'not-found', 'No such gift card purchase.');
    }
    return c.json({ purchaseId, paid: true });
  });

  admin.get('/gift-cards/:purchaseId/code', async (c) => {
    c.set('route', '/admin/gift-cards/{purchaseId}/code');
    const purchaseId = c.req.param('purchaseId');
    const code = await control.emailedCode(purchaseId);
    if (code === undefined) return fail(c, 404, 'not-found', 'No such gift card purchase.');
    return c.json({ purchaseId, code });
  });

  admin.post('/reset', async (c) => {
    c.set('route', '/admin/reset');
    await control.reset();
    shell.limiter?.clear();
    return c.json({ reset: true });
  });

  const setProgram = control.setProgram?.bind(control);
  if (setProgram) {
    admin.post('/program', async (c) => {
      c.set('route', '/admin/program');
      const parsed = ProgramSchema.safeParse(await c.req.json().catch(() => undefined));
      if (!parsed.success) {
        const fieldErrors = toApiIssues(parsed.error.issues).map(({ path, message }) => ({
          field: path,
          code: 'invalid',
          message,
        }));
        return c.json(
          {
            error: { code: 'invalid-request', message: 'The body must be a Program.', fieldErrors },
          } satisfies ErrorBody,
          400,
        );
      }
      await setProgram(parsed.data);
      shell.limiter?.clear();
      return c.json({ program: parsed.data.id });
    });
  }

  admin.get('/clock', (c) => {
    c.set('route', '/admin/clock');
    return c.json({ now: clock.now().toISOString() });
  });
  admin.post('/clock', async (c) => {
    c.set('route', '/admin/clock');
    const body: unknown = await c.req.json().catch(() => undefined);
    const now =
      typeof body === 'object' && body !== null ? (body as { now?: unknown }).now : undefined;
    const instant = typeof now === 'string' && isInstant(now) ? new Date(now) : undefined;
    if (now !== null && instant === undefined) {
      return c.json(
        {
          error: {
            code: 'invalid-request',
            message: 'The body must be {"now": an ISO 8601 instant with an offset, or null}.',
            fieldErrors: [
              {
                field: 'now',
                code: 'invalid',
                message: 'expected an ISO 8601 instant with an offset, or null',
              },
            ],
          },
        } satisfies ErrorBody,
        400,
      );
    }
    clock.set(instant ?? null);
    return c.json({ now: clock.now().toISOString(), fixed: instant !== undefined });
  });

  return admin;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** `2026-03-08T09:30:00Z` or with `+01:00`: an instant a clock can be set to. */
function isInstant(text: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(text) &&
    !Number.isNaN(Date.parse(text))
  );
}

/**
 * The client's address: the socket's, or, behind a proxy that appends it (`TRUST_PROXY`), the
 * last `X-Forwarded-For` entry (the one that proxy wrote; earlier ones are the client's say).
 */
function clientAddress(c: Context<ServerEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
