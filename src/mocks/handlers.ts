/**
 * MSW request handlers for the mock backend, generated from the endpoint table: one loop turns
 * every operation into an `http` handler that parses the query and path parameters the table
 * declares, validates the body with the operation's request schema, checks the Idempotency-Key,
 * and hands the typed request to the store, whose rules decide the answer.
 *
 * Labels (tags, match reasons, times of day) come in the language of `Accept-Language`, as the
 * contract asks (`labels.ts`).
 *
 * Searches and gift card lookups are POSTs whose bodies carry the seeker's filters and the code,
 * so that none of it is ever in a URL (QUALITY S4); only ids and times are path or query values.
 *
 * Besides the API, the handlers serve the supporters' portraits on the store's origin (the
 * page's), at `/mock-portraits/<id>.svg`, so photos need no other origin (QUALITY S3).
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type * as z from 'zod/mini';
import { endpoints, type Endpoint, type EndpointName, type QueryParam } from '../api/endpoints.js';
import { localeOf, type MockLocale } from './labels.js';
import { PORTRAIT_PATH, portraitIdOf } from './portraits.js';
import { failure, parseRequest, type ApiResult, type MockStore } from './store.js';

export interface HandlerOptions {
  /** Base URL of the API, relative to the page (`/api`) or absolute. */
  baseUrl?: string;
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

/** The longest Idempotency-Key the contract allows (its `maxLength`). */
const MAX_IDEMPOTENCY_KEY = 255;

/** MSW path of an endpoint: `{supporterId}` becomes `:supporterId`, below the base URL. */
export function endpointUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path.replace(/\{(\w+)\}/g, ':$1')}`;
}

type QueryValue = string | number | string[];
type RequestOf<K extends EndpointName> = (typeof endpoints)[K] extends {
  request: infer S extends z.ZodMiniType;
}
  ? z.infer<S>
  : undefined;

interface RouteInput<K extends EndpointName> {
  /** The language of labels in the answer, from `Accept-Language`. */
  locale: MockLocale;
  params: Record<string, string>;
  query: Record<string, QueryValue | undefined>;
  body: RequestOf<K>;
  idempotencyKey: string | undefined;
  /** The `X-Manage-Token` header, for the operations on one booking. */
  manageToken: string | undefined;
}

type Route<K extends EndpointName> = (store: MockStore, input: RouteInput<K>) => ApiResult<unknown>;

const str = (value: QueryValue | undefined) => (typeof value === 'string' ? value : undefined);
const int = (value: QueryValue | undefined) => (typeof value === 'number' ? value : undefined);

const param = (input: RouteInput<EndpointName>, name: string) => input.params[name] ?? '';

/** How each operation maps onto the store; the HTTP plumbing is shared by all of them. */
const routes: { [K in EndpointName]: Route<K> } = {
  getProgram: (store) => store.getProgram(),
  listSupporters: (store, input) => store.listSupporters(input.body, input.locale),
  getSupporter: (store, input) => store.getSupporter(param(input, 'supporterId'), input.locale),
  listSlots: (store, input) => {
    const query: Parameters<MockStore['listSlots']>[1] = {};
    const from = str(input.query['from']);
    const to = str(input.query['to']);
    const lengthMinutes = int(input.query['lengthMinutes']);
    if (from !== undefined) query.from = from;
    if (to !== undefined) query.to = to;
    if (lengthMinutes !== undefined) query.lengthMinutes = lengthMinutes;
    return store.listSlots(param(input, 'supporterId'), query);
  },
  nextAvailable: (store, input) => store.nextAvailable(input.body),
  match: (store, input) => store.match(input.body, input.locale),
  createBooking: (store, input) => store.createBooking(input.body, input.idempotencyKey),
  getBooking: (store, input) => store.getBooking(param(input, 'bookingId'), input.manageToken),
  cancelBooking: (store, input) =>
    store.cancelBooking(
      param(input, 'bookingId'),
      input.manageToken,
      input.body,
      input.idempotencyKey,
    ),
  rescheduleBooking: (store, input) =>
    store.rescheduleBooking(
      param(input, 'bookingId'),
      input.manageToken,
      input.body,
      input.idempotencyKey,
    ),
  purchaseGiftCard: (store, input) => store.purchaseGiftCard(input.body, input.idempotencyKey),
  getGiftCard: (store, input) => store.getGiftCard(input.body.code),
};

/**
 * Query parameters as the endpoint table declares them. Lists may be repeated
 * (`topics=a&topics=b`) or comma-separated (`topics=a,b`); both are common in clients.
 */
export function parseQuery(
  declared: readonly QueryParam[],
  search: URLSearchParams,
): { ok: true; value: Record<string, QueryValue> } | ReturnType<typeof failure> {
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

function respond(result: ApiResult<unknown>): Response {
  const retryAfter = result.ok ? undefined : result.retryAfter;
  return HttpResponse.json(result.body as Record<string, unknown>, {
    status: result.status,
    ...(retryAfter === undefined ? {} : { headers: { 'Retry-After': String(retryAfter) } }),
  });
}

async function readJson(
  request: Request,
): Promise<{ ok: true; value: unknown } | ReturnType<typeof failure>> {
  const text = await request.text();
  // An empty body counts as `{}`: a cancellation with no reason is often sent without one.
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return failure(400, 'invalid-request', 'The request body is not valid JSON.');
  }
}

/**
 * `GET <origin>/mock-portraits/<id>.svg`: the supporter's portrait from `store`, or 404. Not
 * cached (`no-store`), so a test that makes a photo fail is not undone by an earlier load.
 */
export function portraitHandler(store: MockStore): HttpHandler {
  return http.get(`${store.origin ?? ''}${PORTRAIT_PATH}:file`, ({ request }) => {
    const id = portraitIdOf(new URL(request.url).pathname);
    const svg = id === undefined ? undefined : store.portrait(id);
    if (svg === undefined) return new HttpResponse(null, { status: 404 });
    return new HttpResponse(svg, {
      headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'no-store' },
    });
  });
}

/** One MSW handler per endpoint, answering from `store`, and the portraits' handler. */
export function createHandlers(store: MockStore, options: HandlerOptions = {}): HttpHandler[] {
  const baseUrl = options.baseUrl ?? '/api';
  const api = (Object.entries(endpoints) as [EndpointName, Endpoint][]).map(([name, endpoint]) => {
    const method = endpoint.method === 'GET' ? http.get : http.post;
    return method(endpointUrl(baseUrl, endpoint.path), async ({ request, params }) => {
      const url = new URL(request.url);
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
      if (idempotentOperations.has(name) && !idempotencyKey?.trim()) {
        return respond(
          failure(400, 'invalid-request', 'This request needs an Idempotency-Key header.', [
            {
              field: 'Idempotency-Key',
              code: 'required',
              message: 'Send a UUID, and reuse it when retrying the same request.',
            },
          ]),
        );
      }
      // The contract's IdempotencyKey parameter: at most 255 characters.
      if (idempotentOperations.has(name) && (idempotencyKey?.length ?? 0) > MAX_IDEMPOTENCY_KEY) {
        return respond(
          failure(400, 'invalid-request', 'The Idempotency-Key header is too long.', [
            {
              field: 'Idempotency-Key',
              code: 'too_big',
              message: `At most ${MAX_IDEMPOTENCY_KEY} characters: send a UUID.`,
            },
          ]),
        );
      }

      const route = routes[name] as Route<EndpointName>;
      return respond(
        route(store, {
          locale: localeOf(request.headers.get('Accept-Language')),
          params: Object.fromEntries(
            Object.entries(params).map(([k, v]) => [
              k,
              Array.isArray(v) ? (v[0] ?? '') : (v ?? ''),
            ]),
          ),
          query: query.value,
          body: body as RequestOf<EndpointName>,
          idempotencyKey,
          manageToken: request.headers.get('X-Manage-Token') ?? undefined,
        }),
      );
    });
  });
  return [...api, portraitHandler(store)];
}
