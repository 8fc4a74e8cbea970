/**
 * The typed client of the backend contract. One generic `call()` reads the endpoint table (method,
 * path, schemas) and does timeouts, retries, idempotency keys and validation once; the methods of
 * `ApiClient` are thin typed wrappers around it.
 *
 * Only fetch, AbortSignal, Headers, URL and crypto are used, so this module also runs in Node.
 */
import * as z from 'zod/mini';
import type { Endpoint, EndpointName, endpoints } from './endpoints.js';
import { coreEndpoints } from './core-endpoints.js';
import { ApiError, formatIssues, toApiIssues, type ApiIssue } from './errors.js';
import {
  FieldErrorSchema,
  SupporterSummarySchema,
  type Facets,
  type MatchRequest,
  type MatchResult,
  type NextAvailable,
  type Program,
  type SessionLength,
  type SlotList,
  type SupporterFilters,
  type SupporterProfile,
  type SupporterQuery,
  type SupporterSummary,
} from './schemas.js';
import type {
  Booking,
  BookingRequest,
  Cancellation,
  CancellationRequest,
  CreatedBooking,
  RescheduleRequest,
} from './booking-schemas.js';
import type {
  GiftCardBalance,
  GiftCardPurchase,
  GiftCardPurchaseRequest,
} from './gift-card-schemas.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_RETRIES = 3;
/** Full-jitter exponential backoff: attempt n waits random() * min(cap, base * 2^n). */
export const BACKOFF_BASE_MS = 300;
export const BACKOFF_CAP_MS = 4_000;

export interface ApiClientOptions {
  /** API root, e.g. `https://partner.example/api`; a relative URL resolves against the page. */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** Per attempt, in milliseconds. */
  timeoutMs?: number;
  /**
   * For the whole call, retries and waits included, in milliseconds: past it the call fails with
   * its last error, so that an element can show its error state in time (QUALITY R1).
   */
  deadlineMs?: number;
  /** Retries after the first attempt, on network errors, timeouts, 429 and 5xx only. */
  retries?: number;
  /** Sent as `Accept-Language`; the server localises tag labels. */
  locale?: string;
  /** Injected for tests; defaults to Math.random. */
  random?: () => number;
  /** Injected for tests; must reject when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injected for tests: a clock in milliseconds; defaults to performance.now. */
  now?: () => number;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /**
   * For this call instead of the client's `deadlineMs`: what is left of a budget that several
   * calls share, so that a view waiting on a chain of calls still fails in time (QUALITY R1).
   */
  deadlineMs?: number;
  /** POSTs only: reuse a key, e.g. across a user's repeated submissions of the same form. */
  idempotencyKey?: string;
}

export interface SlotQuery {
  /** ISO 8601 instant. */
  from?: string;
  /** ISO 8601 instant. */
  to?: string;
  lengthMinutes?: SessionLength;
}

/** The filters `nextAvailable` understands (no paging or order). */
export type { SupporterFilters };

export interface RejectedSupporter {
  /** Position in the page's `items`. */
  index: number;
  /** The record's id, when it had a string one. */
  id?: string;
  /** `path: message` lines. */
  issues: string[];
}

export interface SupporterPage {
  /** The records that matched SupporterSummarySchema, in server order. */
  items: SupporterSummary[];
  /** The records that did not; one bad record must not hide the others. */
  rejected: RejectedSupporter[];
  total: number;
  offset: number;
  limit: number;
  facets: Facets;
}

export interface ApiClient {
  /** The resolved base URL, without a trailing slash. */
  readonly baseUrl: string;
  /** The deadline of each call, retries included, in milliseconds (optional for wrappers). */
  readonly deadlineMs?: number;
  getProgram(opts?: RequestOptions): Promise<Program>;
  listSupporters(query?: SupporterQuery, opts?: RequestOptions): Promise<SupporterPage>;
  getSupporter(supporterId: string, opts?: RequestOptions): Promise<SupporterProfile>;
  listSlots(supporterId: string, query?: SlotQuery, opts?: RequestOptions): Promise<SlotList>;
  nextAvailable(filters?: SupporterFilters, opts?: RequestOptions): Promise<NextAvailable>;
  match(request: MatchRequest, opts?: RequestOptions): Promise<MatchResult>;
  /**
   * Requests a session. The answer carries the booking's `manageToken`, the only time the API
   * sends it: keep it (with the id) to read, cancel or reschedule the booking later.
   */
  createBooking(request: BookingRequest, opts?: RequestOptions): Promise<CreatedBooking>;
  /**
   * The booking, given its manage token (sent in the `X-Manage-Token` header, never in the URL
   * nor in an error message). A wrong token fails as an unknown booking does: HTTP 404.
   */
  getBooking(bookingId: string, manageToken: string, opts?: RequestOptions): Promise<Booking>;
  /** Cancels the booking; `manageToken` as for `getBooking`. */
  cancelBooking(
    bookingId: string,
    manageToken: string,
    request: CancellationRequest,
    opts?: RequestOptions,
  ): Promise<Cancellation>;
  /** Moves the booking to another open slot; `manageToken` as for `getBooking`. */
  rescheduleBooking(
    bookingId: string,
    manageToken: string,
    request: RescheduleRequest,
    opts?: RequestOptions,
  ): Promise<Booking>;
  purchaseGiftCard(
    request: GiftCardPurchaseRequest,
    opts?: RequestOptions,
  ): Promise<GiftCardPurchase>;
  getGiftCard(code: string, opts?: RequestOptions): Promise<GiftCardBalance>;
}

/** Thrown by `createApiClient` for unusable options, above all a refused base URL (QUALITY S5). */
export class ApiConfigError extends Error {
  override readonly name = 'ApiConfigError';
}

export type ApiBaseCheck = { ok: true; url: URL } | { ok: false; reason: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether `url` may serve the API: `https:`, or `http:` on a loopback host for development.
 * Pure, so the config layer can print the same reason in its console error (QUALITY S5).
 */
export function checkApiBase(
  url: string,
  pageOrigin: string | undefined = globalThis.location?.href,
): ApiBaseCheck {
  const shown = JSON.stringify(url);
  let resolved: URL;
  try {
    resolved = new URL(url, pageOrigin);
  } catch {
    const relative = !/^[a-z][a-z0-9+.-]*:/i.test(url.trim());
    return {
      ok: false,
      reason:
        relative && pageOrigin === undefined
          ? `API base URL ${shown} is relative and there is no page URL to resolve it against; use an absolute https: URL.`
          : `API base URL ${shown} is not a valid URL.`,
    };
  }
  const where = resolved.href === url ? '' : ` (resolved to ${resolved.href})`;
  if (resolved.protocol !== 'https:' && resolved.protocol !== 'http:') {
    return {
      ok: false,
      reason: `API base URL ${shown}${where} is refused: it must use https: (http: only on localhost, 127.0.0.1 or [::1]).`,
    };
  }
  if (resolved.protocol === 'http:' && !LOOPBACK_HOSTS.has(resolved.hostname)) {
    return {
      ok: false,
      reason: `API base URL ${shown}${where} is refused: plain http: would expose the seeker's data in transit; use https: (http: only on localhost, 127.0.0.1 or [::1]).`,
    };
  }
  if (resolved.username || resolved.password) {
    return {
      ok: false,
      reason: `API base URL ${shown} is refused: it must not contain credentials.`,
    };
  }
  if (resolved.search || resolved.hash) {
    return {
      ok: false,
      reason: `API base URL ${shown} is refused: it must not have a query string or fragment.`,
    };
  }
  return { ok: true, url: resolved };
}

// ---------------------------------------------------------------------------------------------

type Endpoints = typeof endpoints;
type QueryValue = string | number | boolean | readonly (string | number)[] | null | undefined;

interface CallParams {
  path?: Record<string, string>;
  query?: object;
  body?: unknown;
  /** Sent as `X-Manage-Token` by the operations whose table entry says `manageToken`. */
  manageToken?: string;
  opts?: RequestOptions | undefined;
}

type ResponseOf<N extends EndpointName> = z.output<Endpoints[N]['response']>;

const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** `crypto.randomUUID` exists only in secure contexts; a partner page may still be plain http. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // A version 4 UUID from the template: every 0 and 1 a random hex digit, the 8 one of 8, 9, a, b.
  const random = crypto.getRandomValues(new Uint8Array(31));
  let n = 0;
  return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
    (+c ^ (random[n++]! & (15 >> (+c / 4)))).toString(16),
  );
}

/** `AbortSignal.any`, with a fallback for browsers before it (Safari < 17.4, Chrome < 116). */
function anySignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([a, b]);
  const controller = new AbortController();
  for (const signal of [a, b]) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}

/** Seconds or an HTTP date, per RFC 9110; undefined when absent or unreadable. */
function parseRetryAfter(value: string | null): number | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** What an Idempotency-Key or manage token header may hold: 1 to 255 visible ASCII characters. */
const HEADER_TOKEN = /^[\x21-\x7e]{1,255}$/;

/** Longest delay timers take as asked: setTimeout fires at once past 2^31 - 1 ms. */
const TIMER_MAX_MS = 2_147_483_647;

/**
 * A delay timers accept everywhere: whole milliseconds, at least 1. Node throws
 * ERR_OUT_OF_RANGE for a fractional `AbortSignal.timeout`, and limits computed from
 * performance.now() are fractional; Chromium alone would hide that.
 */
function timerMs(ms: number): number {
  return Math.min(TIMER_MAX_MS, Math.max(1, Math.round(ms)));
}

/**
 * Error bodies as the client reads them: `ErrorBodySchema`, but with the code as any string. A
 * server a minor version ahead may send a code added since (additions are minor); its body,
 * field errors and code still reach the element, which treats a code it does not know as a
 * generic failure. It also keeps the list of codes, which grows with every flow, off every page.
 */
const ErrorReplySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fieldErrors: z.optional(z.array(FieldErrorSchema)),
    requestId: z.optional(z.string()),
  }),
});

/**
 * The table entry of an operation. The booking and gift-card tables (and their schemas) are
 * imported on their first call, so a page that only browses never downloads them (QUALITY P1).
 * The booking operations, and only they, are named `…Booking` (a test keeps it so).
 */
async function endpointFor(name: EndpointName): Promise<Endpoint> {
  if (name in coreEndpoints) return coreEndpoints[name as keyof typeof coreEndpoints];
  let table: Record<string, Endpoint>;
  try {
    table = name.endsWith('Booking')
      ? (await import('./booking-endpoints.js')).bookingEndpoints
      : (await import('./gift-card-endpoints.js')).giftCardEndpoints;
  } catch (cause) {
    // Its module could not be downloaded (offline, say): a network failure, nothing was sent.
    throw new ApiError({
      kind: 'network',
      endpoint: name,
      cause,
      message: `${name}: the contract's ${name} module could not be loaded, nothing was sent.`,
    });
  }
  const endpoint = table[name];
  if (!endpoint) throw new Error(`${name} is in no endpoint table`);
  return endpoint;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const check = checkApiBase(options.baseUrl);
  if (!check.ok) throw new ApiConfigError(check.reason);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadlineMs = options.deadlineMs ?? DEFAULT_TIMEOUT_MS;
  const retries = options.retries ?? DEFAULT_RETRIES;
  for (const [label, value] of [
    ['timeoutMs', timeoutMs],
    ['deadlineMs', deadlineMs],
  ] as const) {
    if (!(Number.isFinite(value) && value > 0)) {
      throw new ApiConfigError(`${label} must be a positive number of milliseconds, got ${value}.`);
    }
  }
  if (!(Number.isInteger(retries) && retries >= 0)) {
    throw new ApiConfigError(`retries must be a whole number >= 0, got ${retries}.`);
  }
  const base = check.url.href.replace(/\/+$/, '');
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? (() => performance.now());
  // Looked up per call (not bound once) so the page's fetch, possibly patched later, is used, and
  // never called as a method of another object ("Illegal invocation").
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const extraHeaders = { ...options.headers };

  function buildUrl(name: EndpointName, endpoint: Endpoint, params: CallParams): string {
    const path = endpoint.path.replace(/\{(\w+)\}/g, (_, key: string) => {
      const value = params.path?.[key];
      if (typeof value !== 'string' || value === '') {
        throw invalidRequest(name, [{ path: key, message: 'expected a non-empty string' }]);
      }
      return encodeURIComponent(value);
    });
    // Only the parameters the table declares are sent, so nothing else can leak into a URL.
    const search = new URLSearchParams();
    const query = (params.query ?? {}) as Record<string, QueryValue>;
    for (const param of endpoint.query ?? []) {
      const value = query[param.name];
      if (value === undefined || value === null) continue;
      const values = Array.isArray(value) ? (value as readonly unknown[]) : [value];
      for (const v of values) {
        const bad =
          (param.type === 'integer' && !Number.isInteger(v)) ||
          (param.type !== 'integer' && typeof v !== 'string') ||
          (param.type !== 'string[]' && Array.isArray(value));
        if (bad) {
          const expected =
            param.type === 'integer'
              ? 'an integer'
              : param.type === 'string[]'
                ? 'an array of strings'
                : 'a string';
          throw invalidRequest(name, [
            { path: `query.${param.name}`, message: `expected ${expected}` },
          ]);
        }
        search.append(param.name, String(v));
      }
    }
    const qs = search.toString();
    return `${base}${path}${qs ? `?${qs}` : ''}`;
  }

  function invalidRequest(name: EndpointName, issues: readonly ApiIssue[]): ApiError {
    return new ApiError({
      kind: 'validation',
      endpoint: name,
      issues,
      message: `${name}: the request is invalid, nothing was sent (${summarise(issues)}).`,
    });
  }

  async function call<N extends EndpointName>(
    name: N,
    params: CallParams = {},
  ): Promise<ResponseOf<N>> {
    const endpoint = await endpointFor(name);
    const route = `${endpoint.method} ${endpoint.path}`;
    const callerSignal = params.opts?.signal;
    const aborted = (cause?: unknown) =>
      new ApiError({
        kind: 'aborted',
        endpoint: name,
        message: `${name}: aborted by the caller (${route}).`,
        cause,
      });
    if (callerSignal?.aborted) throw aborted(callerSignal.reason);

    const url = buildUrl(name, endpoint, params);
    const headers = new Headers({ Accept: 'application/json' });
    if (options.locale) headers.set('Accept-Language', options.locale);
    for (const [key, value] of Object.entries(extraHeaders)) headers.set(key, value);
    // Header secrets are checked before anything is sent, and no message ever shows them.
    const secret = (header: string, path: string, value: string | undefined) => {
      if (!HEADER_TOKEN.test(value ?? '')) {
        throw invalidRequest(name, [
          { path, message: 'expected 1 to 255 visible ASCII characters' },
        ]);
      }
      headers.set(header, value!);
    };
    // A header, never the URL: URLs end up in logs, proxies and browser history.
    if (endpoint.manageToken) secret('X-Manage-Token', 'manageToken', params.manageToken);
    let body: string | undefined;
    if (endpoint.method === 'POST') {
      const parsed = endpoint.request ? z.safeParse(endpoint.request, params.body) : undefined;
      if (parsed && !parsed.success) throw invalidRequest(name, toApiIssues(parsed.error.issues));
      // The parsed value, not the caller's object: keys outside the contract are never sent.
      body = JSON.stringify(parsed ? parsed.data : (params.body ?? {}));
      headers.set('Content-Type', 'application/json');
      // Set once per call, outside the retry loop: every retry carries the same key (QUALITY R3).
      secret(
        'Idempotency-Key',
        'idempotencyKey',
        params.opts?.idempotencyKey ?? newIdempotencyKey(),
      );
    }

    const callDeadline = params.opts?.deadlineMs ?? deadlineMs;
    if (typeof callDeadline !== 'number' || Number.isNaN(callDeadline)) {
      throw invalidRequest(name, [{ path: 'deadlineMs', message: 'expected a number' }]);
    }
    if (callDeadline <= 0) {
      // A shared deadline already spent: fail as a timeout, sending nothing.
      throw new ApiError({
        kind: 'timeout',
        endpoint: name,
        message: `${name}: no time left of the deadline, nothing was sent (${route}).`,
      });
    }
    const started = now();
    const remaining = () => callDeadline - (now() - started);

    const attempt = async (): Promise<ResponseOf<N>> => {
      // Each attempt gets its own timeout, cut short by what is left of the call's deadline.
      const limit = timerMs(Math.min(timeoutMs, remaining()));
      const timeout = AbortSignal.timeout(limit);
      const signal = callerSignal ? anySignal(callerSignal, timeout) : timeout;
      let response: Response;
      let text: string;
      try {
        response = await doFetch(url, { method: endpoint.method, headers, body, signal });
        text = await response.text();
      } catch (cause) {
        if (callerSignal?.aborted) throw aborted(cause);
        if (timeout.aborted) {
          throw new ApiError({
            kind: 'timeout',
            endpoint: name,
            cause,
            message: `${name}: no response within ${limit} ms (${route}).`,
          });
        }
        throw new ApiError({
          kind: 'network',
          endpoint: name,
          cause,
          message: `${name}: network error, the API could not be reached (${route}).`,
        });
      }
      const { status } = response;
      let json: unknown;
      let jsonOk = true;
      try {
        json = JSON.parse(text);
      } catch {
        jsonOk = false;
      }
      if (status < 200 || status > 299) {
        const errorBody = jsonOk ? z.safeParse(ErrorReplySchema, json) : undefined;
        const code = errorBody?.success ? ` ${errorBody.data.error.code}` : '';
        // The server's free-text message stays in `body`: it may echo the seeker's input.
        throw new ApiError({
          kind: 'http',
          endpoint: name,
          status,
          body: errorBody?.success ? errorBody.data : undefined,
          retryAfterMs:
            status === 429 || status === 503
              ? parseRetryAfter(response.headers.get('Retry-After'))
              : undefined,
          message: `${name}: the server answered HTTP ${status}${code} (${route}).`,
        });
      }
      if (!jsonOk) {
        throw new ApiError({
          kind: 'validation',
          endpoint: name,
          status,
          issues: [{ path: '(root)', message: 'expected a JSON document' }],
          message: `${name}: the response is not valid JSON (HTTP ${status}, ${route}).`,
        });
      }
      const parsed = z.safeParse(endpoint.response, json);
      if (!parsed.success) {
        const issues = toApiIssues(parsed.error.issues);
        throw new ApiError({
          kind: 'validation',
          endpoint: name,
          status,
          issues,
          message: `${name}: the response does not match the API contract (${summarise(issues)}; ${route}).`,
        });
      }
      return parsed.data as ResponseOf<N>;
    };

    for (let n = 0; ; n++) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof ApiError) || !error.retryable || n >= retries) throw error;
        // A Retry-After is honoured as given; a longer wait than the cap ends the call, so the
        // element can say so instead of retrying early. Otherwise full jitter.
        const delay = timerMs(
          error.retryAfterMs !== undefined
            ? error.retryAfterMs
            : random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** n),
        );
        // No retry that could not finish inside the deadline (QUALITY R1).
        if (delay > BACKOFF_CAP_MS || delay >= remaining()) throw error;
        try {
          await sleep(delay, callerSignal);
        } catch (cause) {
          throw aborted(cause);
        }
        if (callerSignal?.aborted) throw aborted(callerSignal.reason);
      }
    }
  }

  async function listSupporters(
    query: SupporterQuery = {},
    opts?: RequestOptions,
  ): Promise<SupporterPage> {
    // In the body, never the URL: the filters are the seeker's personal data (QUALITY S4).
    const page = await call('listSupporters', { body: query, opts });
    const items: SupporterSummary[] = [];
    const rejected: RejectedSupporter[] = [];
    page.items.forEach((item, index) => {
      const parsed = z.safeParse(SupporterSummarySchema, item);
      if (parsed.success) {
        items.push(parsed.data);
        return;
      }
      const id = (item as { id?: unknown } | null)?.id;
      rejected.push({
        index,
        ...(typeof id === 'string' ? { id } : {}),
        issues: formatIssues(toApiIssues(parsed.error.issues)),
      });
    });
    // The page as validated (no other keys), its items replaced by the records that passed.
    return { ...page, items, rejected };
  }

  const client = {
    baseUrl: base,
    deadlineMs,
    getProgram: (opts) => call('getProgram', { opts }),
    listSupporters,
    getSupporter: (supporterId, opts) => call('getSupporter', { path: { supporterId }, opts }),
    listSlots: (supporterId, query = {}, opts) =>
      call('listSlots', { path: { supporterId }, query, opts }),
    nextAvailable: (filters = {}, opts) => call('nextAvailable', { body: filters, opts }),
    match: (request, opts) => call('match', { body: request, opts }),
    createBooking: (request, opts) => call('createBooking', { body: request, opts }),
    getBooking: (bookingId, manageToken, opts) =>
      call('getBooking', { path: { bookingId }, manageToken, opts }),
    cancelBooking: (bookingId, manageToken, request, opts) =>
      call('cancelBooking', { path: { bookingId }, manageToken, body: request, opts }),
    rescheduleBooking: (bookingId, manageToken, request, opts) =>
      call('rescheduleBooking', { path: { bookingId }, manageToken, body: request, opts }),
    purchaseGiftCard: (request, opts) => call('purchaseGiftCard', { body: request, opts }),
    // The code is a bearer secret: in the body, never the URL. Codes are case-insensitive, as
    // seekers type them; the contract spells them in capitals.
    getGiftCard: (code, opts) =>
      call('getGiftCard', {
        body: { code: typeof code === 'string' ? code.trim().toUpperCase() : code },
        opts,
      }),
  } satisfies ApiClient & Record<EndpointName, unknown>;
  return client;
}

/**
 * One deadline for a chain of calls (a list that first waits for the program, say): each call
 * made through the returned options gets what is left of the client's deadline, so the chain
 * fails within it as one call would (QUALITY R1).
 */
export function sharedDeadline(
  client: Pick<ApiClient, 'deadlineMs'>,
  signal?: AbortSignal,
): () => RequestOptions {
  const started = performance.now();
  const total = client.deadlineMs;
  return () => ({
    ...(signal ? { signal } : {}),
    // A call past the deadline fails at once as a timeout. A client without a deadline of its own
    // (a host's wrapper) keeps its own timing.
    ...(total !== undefined && total > 0 && Number.isFinite(total)
      ? { deadlineMs: total - (performance.now() - started) }
      : {}),
  });
}

function summarise(issues: readonly ApiIssue[]): string {
  const lines = formatIssues(issues);
  const shown = lines.slice(0, 3).join('; ');
  return lines.length > 3 ? `${shown}; and ${lines.length - 3} more` : shown;
}
