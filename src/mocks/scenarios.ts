/**
 * Failure scenarios, switchable per story and per test: handlers to put in front of the mock
 * backend with `worker.use(...scenarioHandlers('error', { only: ['listSupporters'] }))` and to
 * take away with `worker.resetHandlers()`.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { endpoints, type Endpoint, type EndpointName } from '../api/endpoints.js';
import type { ErrorBody, Facets } from '../api/schemas.js';
import { endpointUrl } from './handlers.js';

export type Scenario = 'slow' | 'error' | 'offline' | 'malformed' | 'empty' | 'rate-limited';

export const scenarios: readonly Scenario[] = [
  'slow',
  'error',
  'offline',
  'malformed',
  'empty',
  'rate-limited',
];

export interface ScenarioOptions {
  /** Base URL of the API, as given to `createHandlers`. */
  baseUrl?: string;
  /** Affect only these operations; all of them by default. */
  only?: readonly EndpointName[];
  /** `slow`: how long each response waits, in ms. */
  delayMs?: number;
  /** `rate-limited`: value of the Retry-After header, in seconds. */
  retryAfterSeconds?: number;
}

const emptyFacets: Facets = { topics: [], identities: [], languages: [], states: [] };

/**
 * 'empty': no supporters anywhere. Operations that do not depend on supporters (the program,
 * gift cards, existing bookings) are left to the normal handlers.
 */
const emptyResponses: Partial<Record<EndpointName, () => Response>> = {
  listSupporters: () =>
    HttpResponse.json({ items: [], total: 0, offset: 0, limit: 20, facets: emptyFacets }),
  nextAvailable: () => HttpResponse.json({ slot: null }),
  match: () => HttpResponse.json({ results: [] }),
  getSupporter: () => notFound('No such supporter.'),
  listSlots: () => notFound('No such supporter.'),
  createBooking: () => notFound('No such supporter.'),
};

function notFound(message: string): Response {
  const body: ErrorBody = { error: { code: 'not-found', message } };
  return HttpResponse.json(body, { status: 404 });
}

/**
 * 'malformed': a 200 whose body breaks the operation's response schema in the ways real
 * backends do: missing fields, wrong types, `null` where a list belongs, impossible values.
 */
const malformedBodies: Record<EndpointName, unknown> = {
  getProgram: { id: 'reference', name: 42, eligibility: null, sessionLengths: '30,60' },
  listSupporters: {
    // The page is well formed; every supporter in it is not (the client validates items one
    // by one, so this is the case it has to survive).
    items: [
      { id: 'sup-001', name: null, topics: 'anxiety' },
      { id: 7, name: 'Ana', headline: 'Hi', languages: [], states: ['California'] },
      { name: 'No id', nextAvailable: 'tomorrow-ish', sessionLengths: [45] },
    ],
    total: 3,
    offset: 0,
    limit: 20,
    facets: emptyFacets,
  },
  getSupporter: {
    id: 'sup-001',
    name: 'Ana',
    bio: null,
    photoUrl: 'http://insecure.example/a.jpg',
  },
  listSlots: {
    supporterId: 'sup-001',
    timeZone: 'America/Los_Angeles',
    slots: [{ start: '2026-03-09 09:00', end: 'later', lengthMinutes: 45 }],
  },
  nextAvailable: { slot: { supporterId: 'sup-001', start: 'soon' } },
  match: { results: [{ supporter: { id: 'sup-001' }, score: 7, reasons: null }] },
  createBooking: { id: 'bk-1', status: 'maybe', payment: { kind: 'cash' } },
  getBooking: { id: 'bk-1', status: 'maybe', start: 1741536000 },
  cancelBooking: { bookingId: 'bk-1', status: 'gone', outcome: 'who knows' },
  rescheduleBooking: { id: 'bk-1', status: 'requested', start: 'next week' },
  purchaseGiftCard: { id: 'gp-1', status: 'pending-payment', sessions: 0, total: '$45' },
  getGiftCard: { code: 'lowercase code', sessionsRemaining: -1 },
};

function errorResponse(
  status: number,
  code: ErrorBody['error']['code'],
  message: string,
  headers?: HeadersInit,
) {
  const body: ErrorBody = { error: { code, message, requestId: 'mock-scenario' } };
  return HttpResponse.json(body, headers ? { status, headers } : { status });
}

/** Handlers that make the chosen operations behave as `scenario` says. */
export function scenarioHandlers(scenario: Scenario, options: ScenarioOptions = {}): HttpHandler[] {
  const baseUrl = options.baseUrl ?? '/api';
  const delayMs = options.delayMs ?? 3000;
  const retryAfter = options.retryAfterSeconds ?? 30;
  const selected = (Object.entries(endpoints) as [EndpointName, Endpoint][]).filter(
    ([name]) => !options.only || options.only.includes(name),
  );
  return selected.map(([name, endpoint]) => {
    const method = endpoint.method === 'GET' ? http.get : http.post;
    return method(endpointUrl(baseUrl, endpoint.path), async () => {
      switch (scenario) {
        case 'slow':
          await delay(delayMs);
          // Nothing returned: MSW carries on to the normal handlers, which answer late.
          return undefined;
        case 'error':
          return errorResponse(500, 'internal', 'The server had a problem. Please try again.');
        case 'offline':
          return HttpResponse.error();
        case 'malformed':
          return HttpResponse.json(malformedBodies[name] as Record<string, unknown>);
        case 'empty':
          return emptyResponses[name]?.();
        case 'rate-limited':
          return errorResponse(429, 'rate-limited', 'Too many requests. Please wait a moment.', {
            'Retry-After': String(retryAfter),
          });
      }
    });
  });
}
