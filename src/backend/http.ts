/**
 * The API over HTTP with nothing but web-standard `Request` and `Response`: routing from the
 * endpoint table, query and path parameters, the JSON body validated with the operation's
 * request schema (400 with the contract's error body), the Idempotency-Key on the operations
 * that change state, the manage token, `Accept-Language` for labels and `Retry-After` on a 429.
 * The mock's MSW handlers and the reference server's routes both call `handleApiRequest`, so the
 * two cannot differ in how they read a request.
 *
 * Searches and gift card lookups are POSTs whose bodies carry the seeker's filters and the code,
 * so that none of it is ever in a URL (QUALITY S4); only ids and times are path or query values.
 */
import type * as z from 'zod/mini';
import { endpoints, type Endpoint, type EndpointName, type QueryParam } from '../api/endpoints.js';
import { localeOf } from '../mocks/labels.js';
import type { ApiFailure, ApiResult, BackendOperations, Locale, SlotQuery } from './backend.js';
import { MAX_IDEMPOTENCY_KEY, failure, keyRequired, keyTooLong, parseRequest } from './refusals.js';

export interface ApiRequestOptions {
  /**
   * Base URL of the API: a path (`/api`, on the request's own origin) or an absolute URL
   * (`https://api.example.org/v1`, whose origin must match too).
   */
  baseUrl: string;
  /**
   * Told of an operation that threw (a storage failure): the answer is then 500 `internal`,
   * and the transaction it ran in was rolled back. Log it here; no personal data is in it.
   */
  onError?: (error: unknown) => void;
  /**
   * Who sent the request, as far as rate limits go (the server: the client's address). Gift card
   * lookups are counted per client; without it, all requests count as one client (the mock).
   */
  client?: string;
}

/**
 * Operations that change state and therefore need an Idempotency-Key (QUALITY R3). `match`, the
 * searches and the gift card lookup are POSTs only because their inputs belong in a body, not in
 * a URL; they change nothing, so they need no key.
 */
export const idempotentOperations: ReadonlySet<EndpointName> = new Set(
  (Object.keys(endpoints) as EndpointName[]).filter(
    (name) => (endpoints[name] as Endpoint).idempotent,
  ),
);

type QueryValue = string | number | string[];
type RequestOf<K extends EndpointName> = (typeof endpoints)[K] extends {
  request: infer S extends z.ZodMiniType;
}
  ? z.infer<S>
  : undefined;

interface RouteInput<K extends EndpointName> {
  /** The language of labels in the answer, from `Accept-Language`. */
  locale: Locale;
  params: Record<string, string>;
  query: Record<string, QueryValue | undefined>;
  body: RequestOf<K>;
  idempotencyKey: string | undefined;
  /** The `X-Manage-Token` header, for the operations on one booking. */
  manageToken: string | undefined;
  client: string | undefined;
}

type Route<K extends EndpointName> = (
  backend: BackendOperations,
  input: RouteInput<K>,
) => Promise<ApiResult<unknown>>;

const str = (value: QueryValue | undefined) => (typeof value === 'string' ? value : undefined);
const int = (value: QueryValue | undefined) => (typeof value === 'number' ? value : undefined);

const param = (input: RouteInput<EndpointName>, name: string) => input.params[name] ?? '';

/** How each operation maps onto the backend; the HTTP plumbing is shared by all of them. */
const routes: { [K in EndpointName]: Route<K> } = {
  getProgram: (backend) => backend.getProgram(),
  listSupporters: (backend, input) => backend.listSupporters(input.body, input.locale),
  getSupporter: (backend, input) => backend.getSupporter(param(input, 'supporterId'), input.locale),
  listSlots: (backend, input) => {
    const query: SlotQuery = {};
    const from = str(input.query['from']);
    const to = str(input.query['to']);
    const lengthMinutes = int(input.query['lengthMinutes']);
    if (from !== undefined) query.from = from;
    if (to !== undefined) query.to = to;
    if (lengthMinutes !== undefined) query.lengthMinutes = lengthMinutes;
    return backend.listSlots(param(input, 'supporterId'), query);
  },
  nextAvailable: (backend, input) => backend.nextAvailable(input.body),
  match: (backend, input) => backend.match(input.body, input.locale),
  createBooking: (backend, input) => backend.createBooking(input.body, input.idempotencyKey),
  getBooking: (backend, input) => backend.getBooking(param(input, 'bookingId'), input.manageToken),
  cancelBooking: (backend, input) =>
    backend.cancelBooking(
      param(input, 'bookingId'),
      input.manageToken,
      input.body,
      input.idempotencyKey,
    ),
  rescheduleBooking: (backend, input) =>
    backend.rescheduleBooking(
      param(input, 'bookingId'),
      input.manageToken,
      input.body,
      input.idempotencyKey,
    ),
  purchaseGiftCard: (backend, input) => backend.purchaseGiftCard(input.body, input.idempotencyKey),
  getGiftCard: (backend, input) => backend.getGiftCard(input.body.code, input.client),
};

/**
 * Query parameters as the endpoint table declares them. Lists may be repeated
 * (`topics=a&topics=b`) or comma-separated (`topics=a,b`); both are common in clients.
 */
export function parseQuery(
  declared: readonly QueryParam[],
  search: URLSearchParams,
): { ok: true; value: Record<string, QueryValue> } | ApiFailure {
  const value: Record<string, QueryValue> = {};
  const errors: { field: string; code: string; message: string }[] = [];
  for (const p of declared) {
    const raw = search.getAll(p.name);
    if (raw.length === 0) continue;
    if (p.type === 'string[]') {
      value[p.name] = raw
        .flatMap((r) => r.split(','))
        .map((r) => r.trim())
        .filter(Boolean);
      continue;
    }
    const text = raw[raw.length - 1] ?? '';
    if (p.type === 'integer') {
      if (!/^-?\d+$/.test(text)) {
        errors.push({ field: p.name, code: 'invalid_type', message: 'Expected an integer.' });
        continue;
      }
      value[p.name] = Number(text);
      continue;
    }
    if (p.enum && !p.enum.includes(text)) {
      errors.push({
        field: p.name,
        code: 'invalid_value',
        message: `Expected one of: ${p.enum.join(', ')}.`,
      });
      continue;
    }
    value[p.name] = text;
  }
  if (errors.length > 0)
    return failure(400, 'invalid-request', 'Invalid query parameters.', errors);
  return { ok: true, value };
}

/** The answer as a JSON response, with Retry-After on a 429. */
export function respond(result: ApiResult<unknown>): Response {
  const retryAfter = result.ok ? undefined : result.retryAfter;
  return Response.json(result.body, {
    status: result.status,
    ...(retryAfter === undefined ? {} : { headers: { 'Retry-After': String(retryAfter) } }),
  });
}

async function readJson(request: Request): Promise<{ ok: true; value: unknown } | ApiFailure> {
  const text = await request.text();
  // An empty body counts as `{}`: a cancellation with no reason is often sent without one.
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return failure(400, 'invalid-request', 'The request body is not valid JSON.');
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each endpoint's path as a pattern below the base path, with its parameters' names. */
const patterns = (Object.entries(endpoints) as [EndpointName, Endpoint][]).map(
  ([name, endpoint]) => {
    const names: string[] = [];
    const source = endpoint.path
      .split(/(\{\w+\})/)
      .map((part) => {
        const match = /^\{(\w+)\}$/.exec(part);
        if (!match) return escapeRegExp(part);
        names.push(match[1]!);
        return '([^/]+)';
      })
      .join('');
    return { name, endpoint, names, pattern: new RegExp(`^${source}/?$`) };
  },
);

/** The operation a method and path below the base path name, with its path parameters. */
function route(method: string, path: string) {
  for (const { name, endpoint, names, pattern } of patterns) {
    if (endpoint.method !== method) continue;
    const match = pattern.exec(path);
    if (!match) continue;
    const params: Record<string, string> = {};
    for (const [i, key] of names.entries()) {
      const raw = match[i + 1] ?? '';
      try {
        params[key] = decodeURIComponent(raw);
      } catch {
        params[key] = raw;
      }
    }
    return { name, endpoint, params };
  }
  return undefined;
}

/**
 * Answers `request` when it is one of the contract's operations below `baseUrl`; undefined when
 * it is not (another path, or a method the path does not take), for the caller to pass on.
 */
export async function handleApiRequest(
  backend: BackendOperations,
  request: Request,
  options: ApiRequestOptions,
): Promise<Response | undefined> {
  const url = new URL(request.url);
  const base = new URL(options.baseUrl, url);
  if (base.origin !== url.origin) return undefined;
  const basePath = base.pathname.replace(/\/+$/, '');
  if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) return undefined;
  const found = route(request.method.toUpperCase(), url.pathname.slice(basePath.length));
  if (!found) return undefined;
  const { name, endpoint, params } = found;

  const query = parseQuery(endpoint.query ?? [], url.searchParams);
  if (!query.ok) return respond(query);

  let body: unknown = undefined;
  if (endpoint.request) {
    const json = await readJson(request);
    if (!json.ok) return respond(json);
    const parsed = parseRequest(endpoint.request, json.value);
    if (!parsed.ok) return respond(parsed);
    body = parsed.value;
  }

  const idempotencyKey = request.headers.get('Idempotency-Key') ?? undefined;
  if (idempotentOperations.has(name) && !idempotencyKey?.trim()) return respond(keyRequired());
  // The contract's IdempotencyKey parameter: at most 255 characters.
  if (idempotentOperations.has(name) && idempotencyKey!.length > MAX_IDEMPOTENCY_KEY) {
    return respond(keyTooLong());
  }

  const handle = routes[name] as Route<EndpointName>;
  try {
    return respond(
      await handle(backend, {
        locale: localeOf(request.headers.get('Accept-Language')),
        params,
        query: query.value,
        body: body as RequestOf<EndpointName>,
        idempotencyKey,
        manageToken: request.headers.get('X-Manage-Token') ?? undefined,
        client: options.client,
      }),
    );
  } catch (error) {
    options.onError?.(error);
    return respond(failure(500, 'internal', 'The request failed; nothing was done.'));
  }
}
