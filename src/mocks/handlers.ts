/**
 * MSW request handlers for the mock backend: one `http` handler per operation of the endpoint
 * table, each handing the request to `handleApiRequest` (`backend/http.ts`), the same
 * request-to-response code the reference server runs, over the mock store's backend.
 *
 * Besides the API, the handlers serve the supporters' portraits on the store's origin (the
 * page's), at `/mock-portraits/<id>.svg`, so photos need no other origin (QUALITY S3).
 */
import { http, HttpResponse, passthrough, type HttpHandler } from 'msw';
import { endpoints, type Endpoint } from '../api/endpoints.js';
import { handleApiRequest } from '../backend/http.js';
import { PORTRAIT_PATH, portraitIdOf } from './portraits.js';
import type { MockStore } from './store.js';

export { idempotentOperations, parseQuery } from '../backend/http.js';

export interface HandlerOptions {
  /** Base URL of the API, relative to the page (`/api`) or absolute. */
  baseUrl?: string;
}

/** MSW path of an endpoint: `{supporterId}` becomes `:supporterId`, below the base URL. */
export function endpointUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path.replace(/\{(\w+)\}/g, ':$1')}`;
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
  const api = (Object.values(endpoints) as Endpoint[]).map((endpoint) => {
    const method = endpoint.method === 'GET' ? http.get : http.post;
    return method(
      endpointUrl(baseUrl, endpoint.path),
      async ({ request }) => (await handleApiRequest(store, request, { baseUrl })) ?? passthrough(),
    );
  });
  return [...api, portraitHandler(store)];
}
