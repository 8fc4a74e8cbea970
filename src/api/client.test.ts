import { expect } from '@open-wc/testing';
import {
  ApiConfigError,
  checkApiBase,
  createApiClient,
  sharedDeadline,
  type ApiClient,
  type ApiClientOptions,
} from './client.js';
import { endpoints, type EndpointName } from './endpoints.js';
import { bookingEndpoints } from './booking-endpoints.js';
import { ApiError, isApiError, type ApiIssue } from './errors.js';
import type { MatchRequest, SupporterQuery } from './schemas.js';
import type { BookingRequest } from './booking-schemas.js';

// ---------------------------------------------------------------------------------------------
// Fixtures: one valid payload per schema.

const start = '2026-03-09T09:00:00-07:00';
const end = '2026-03-09T09:30:00-07:00';
const program = {
  id: 'campus',
  name: 'Campus peers',
  eligibility: { minAge: 18, maxAge: 30, states: ['CA'] },
  sessionLengths: [30, 50],
  modalities: ['video'],
  pricing: { model: 'free' },
  currency: 'USD',
  cancellation: { windowHours: 24 },
  hours: { timeZone: 'America/Los_Angeles', weekly: [{ day: 1, open: '09:00', close: '17:00' }] },
  giftCards: { enabled: false, pricePerSession: 0, maxSessions: 1 },
};
const supporter = {
  id: 'sam',
  name: 'Sam',
  headline: 'Peer supporter for students.',
  topics: [{ id: 'grief', label: 'Grief' }],
  identities: [],
  languages: ['en'],
  states: ['CA'],
  sessionLengths: [30],
  nextAvailable: start,
};
const profile = { ...supporter, bio: 'Bio.', certifications: [], modalities: ['video'] };
const slot = { supporterId: 'sam', start, end, lengthMinutes: 30 };
const slotList = { supporterId: 'sam', timeZone: 'America/Los_Angeles', slots: [slot] };
const facets = { topics: [], identities: [], languages: ['en'], states: ['CA'] };
const page = { items: [supporter], total: 1, offset: 0, limit: 20, facets };
const matchRequest = { topics: ['grief'], identities: [], languages: ['en'], timesOfDay: [] };
const matchResult = {
  results: [{ supporter, score: 0.9, reasons: [{ kind: 'topic', id: 'grief', label: 'Grief' }] }],
};
const money0 = { amount: 0, currency: 'USD' };
const bookingRequest: BookingRequest = {
  supporterId: 'sam',
  slotStart: start,
  lengthMinutes: 30,
  modality: 'video',
  seeker: { name: 'Alex Doe', email: 'alex.doe@example.com', age: 22, state: 'CA' },
  policies: { notTherapy: true, cancellation: true, privacy: true },
  payment: { kind: 'free' },
  timeZone: 'America/New_York',
};
const booking = {
  id: 'bk-1',
  status: 'requested',
  supporterId: 'sam',
  start,
  end,
  lengthMinutes: 30,
  modality: 'video',
  payment: { kind: 'free', status: 'not-required', amount: money0 },
  freeCancellationUntil: '2026-03-08T09:00:00-07:00',
  createdAt: '2026-03-01T10:00:00Z',
};
/** A manage token as the API issues it: 128 bits, 32 hex digits. */
const TOKEN = '0123456789abcdef0123456789abcdef';
const createdBooking = { ...booking, manageToken: TOKEN };
const cancellation = {
  bookingId: 'bk-1',
  status: 'cancelled',
  cancelledAt: '2026-03-02T10:00:00Z',
  by: 'seeker',
  withinFreeWindow: true,
  outcome: 'no-charge',
  feeDue: money0,
  refunded: money0,
  giftSessionRestored: false,
};
const giftRequest = {
  sessions: 2,
  lengthMinutes: 50 as const,
  purchaser: { name: 'Pat Lee', email: 'pat@example.com' },
  recipient: { name: 'Rae Lee', email: 'rae@example.com' },
  timeZone: 'America/New_York',
};
const giftPurchase = {
  id: 'gc-1',
  status: 'pending-payment',
  sessions: 2,
  lengthMinutes: 50,
  total: { amount: 10000, currency: 'USD' },
  checkoutUrl: 'https://pay.example/checkout/1',
  deliverOn: '2026-05-01',
};
const giftBalance = {
  code: 'GIFT-1234-ABCD-5678',
  status: 'active',
  lengthMinutes: 50,
  sessionsTotal: 2,
  sessionsRemaining: 2,
};
const errorBody = (code: string, message = 'Something went wrong.') => ({
  error: { code, message },
});

// ---------------------------------------------------------------------------------------------
// A fake fetch that records requests and plays replies in order (the last one repeats).

interface Sent {
  url: URL;
  method: string;
  headers: Headers;
  body: string | undefined;
  signal: AbortSignal;
}
type Reply = Response | Error | ((sent: Sent) => Response | Promise<Response>);

function fakeFetch(...replies: Reply[]) {
  const calls: Sent[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const sent: Sent = {
      url: new URL(String(input)),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : undefined,
      signal: init?.signal ?? new AbortController().signal,
    };
    calls.push(sent);
    const reply = replies[Math.min(calls.length, replies.length) - 1];
    if (reply === undefined) throw new Error('fakeFetch: no reply configured');
    if (reply instanceof Error) throw reply;
    if (typeof reply === 'function') return reply(sent);
    return reply.clone();
  }) as typeof globalThis.fetch;
  return { fetch: fetchFn, calls };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

/** Never settles until the request's signal aborts, like a real fetch to a silent server. */
const hang = (sent: Sent) =>
  new Promise<Response>((_, reject) => {
    if (sent.signal.aborted) reject(sent.signal.reason);
    sent.signal.addEventListener('abort', () => reject(sent.signal.reason));
  });

/** The attempt's limit a timeout names ("no response within 23 ms"). */
const limitIn = (message: string) => Number(/within (\d+) ms/.exec(message)?.[1]);
const networkError = () => new TypeError('Failed to fetch');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const BASE = 'https://api.example.test/v1';

function setup(replies: Reply[], options: Partial<ApiClientOptions> = {}) {
  const { fetch, calls } = fakeFetch(...replies);
  const delays: number[] = [];
  const sleep = async (ms: number, signal?: AbortSignal) => {
    delays.push(ms);
    if (signal?.aborted) throw signal.reason;
  };
  const client = createApiClient({ baseUrl: BASE, fetch, sleep, random: () => 1, ...options });
  return { client, calls, delays };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (isApiError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

// ---------------------------------------------------------------------------------------------

describe('checkApiBase', () => {
  it('accepts https: anywhere and http: only on loopback hosts', () => {
    for (const url of [
      'https://api.partner.org',
      'https://api.partner.org/v1/',
      'http://localhost:8787/api',
      'http://127.0.0.1:3000',
      'http://[::1]:3000',
    ]) {
      expect(checkApiBase(url).ok, url).to.equal(true);
    }
  });

  it('refuses plain http: on other hosts and other schemes, with a reason naming https', () => {
    for (const url of [
      'http://api.partner.org',
      'http://localhost.partner.org',
      'http://10.0.0.1',
      'ftp://api.partner.org',
      'javascript:alert(1)',
      'data:text/plain,x',
    ]) {
      const result = checkApiBase(url, 'https://partner.org/');
      expect(result.ok, url).to.equal(false);
      if (!result.ok) expect(result.reason, url).to.contain('https:').and.contain(url);
    }
  });

  it('refuses invalid URLs, credentials, query strings and fragments', () => {
    expect(checkApiBase('https://', 'https://partner.org/').ok).to.equal(false);
    expect(checkApiBase('https://user:pw@api.partner.org').ok).to.equal(false);
    expect(checkApiBase('https://api.partner.org/?key=1').ok).to.equal(false);
    expect(checkApiBase('https://api.partner.org/#x').ok).to.equal(false);
  });

  it('resolves relative URLs against the page and judges the result', () => {
    const https = checkApiBase('/api', 'https://partner.org/help/');
    expect(https.ok && https.url.href).to.equal('https://partner.org/api');
    expect(checkApiBase('/api', 'http://localhost:8000/demo/').ok).to.equal(true);
    const insecure = checkApiBase('/api', 'http://partner.org/help/');
    expect(insecure.ok).to.equal(false);
    if (!insecure.ok) expect(insecure.reason).to.contain('http://partner.org/api');
  });

  it('defaults the page URL to the current location', () => {
    // The test page itself is served from http://localhost.
    const result = checkApiBase('/api');
    expect(result.ok && result.url.origin).to.equal(location.origin);
  });
});

describe('createApiClient', () => {
  it('throws ApiConfigError with a clear message for a refused base URL', () => {
    let thrown: unknown;
    try {
      createApiClient({ baseUrl: 'http://api.partner.org' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(ApiConfigError);
    expect((thrown as Error).message)
      .to.contain('http://api.partner.org')
      .and.contain('https:');
  });

  it('throws ApiConfigError for nonsensical timeouts or retry counts', () => {
    expect(() => createApiClient({ baseUrl: BASE, timeoutMs: 0 })).to.throw(ApiConfigError);
    expect(() => createApiClient({ baseUrl: BASE, retries: -1 })).to.throw(ApiConfigError);
    expect(() => createApiClient({ baseUrl: BASE, retries: 1.5 })).to.throw(ApiConfigError);
  });

  it('joins the base URL and paths with exactly one slash', async () => {
    const { client, calls } = setup([json(program)], { baseUrl: `${BASE}/` });
    expect(client.baseUrl).to.equal(BASE);
    await client.getProgram();
    expect(calls[0]!.url.href).to.equal(`${BASE}/program`);
  });

  it('uses the global fetch when none is given, called without a receiver', async () => {
    const original = globalThis.fetch;
    const seen: string[] = [];
    globalThis.fetch = function (this: unknown, input: RequestInfo | URL) {
      // A real browser fetch throws "Illegal invocation" unless called on the global object.
      if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation');
      seen.push(String(input));
      return Promise.resolve(json(program));
    } as typeof fetch;
    try {
      await createApiClient({ baseUrl: BASE }).getProgram();
    } finally {
      globalThis.fetch = original;
    }
    expect(seen).to.deep.equal([`${BASE}/program`]);
  });
});

describe('ApiClient: one method per endpoint', () => {
  const cases: {
    name: EndpointName;
    invoke: (client: ApiClient) => Promise<unknown>;
    path: string;
    response: unknown;
    expected?: unknown;
    /** The JSON body sent, for POSTs. */
    body?: unknown;
  }[] = [
    { name: 'getProgram', invoke: (c) => c.getProgram(), path: '/program', response: program },
    {
      name: 'listSupporters',
      invoke: (c) => c.listSupporters({ topics: ['grief'], limit: 5 }),
      path: '/supporters/search',
      response: page,
      expected: { ...page, rejected: [] },
      body: { topics: ['grief'], limit: 5 },
    },
    {
      name: 'getSupporter',
      invoke: (c) => c.getSupporter('sam'),
      path: '/supporters/sam',
      response: profile,
    },
    {
      name: 'listSlots',
      invoke: (c) => c.listSlots('sam', {}),
      path: '/supporters/sam/slots',
      response: slotList,
    },
    {
      name: 'nextAvailable',
      invoke: (c) => c.nextAvailable({ states: ['CA'] }),
      path: '/slots/next',
      response: { slot },
      body: { states: ['CA'] },
    },
    {
      name: 'match',
      invoke: (c) => c.match(matchRequest),
      path: '/matches',
      response: matchResult,
    },
    {
      name: 'createBooking',
      invoke: (c) => c.createBooking(bookingRequest),
      path: '/bookings',
      response: createdBooking,
    },
    {
      name: 'getBooking',
      invoke: (c) => c.getBooking('bk-1', TOKEN),
      path: '/bookings/bk-1',
      response: booking,
    },
    {
      name: 'cancelBooking',
      invoke: (c) => c.cancelBooking('bk-1', TOKEN, { reason: 'feeling-better' }),
      path: '/bookings/bk-1/cancellation',
      response: cancellation,
    },
    {
      name: 'rescheduleBooking',
      invoke: (c) => c.rescheduleBooking('bk-1', TOKEN, { slotStart: end }),
      path: '/bookings/bk-1/reschedule',
      response: booking,
    },
    {
      name: 'purchaseGiftCard',
      invoke: (c) => c.purchaseGiftCard(giftRequest),
      path: '/gift-cards',
      response: giftPurchase,
    },
    {
      name: 'getGiftCard',
      invoke: (c) => c.getGiftCard('GIFT-1234-ABCD-5678'),
      path: '/gift-cards/lookup',
      response: giftBalance,
      body: { code: 'GIFT-1234-ABCD-5678' },
    },
  ];

  it('names the booking operations, and only those, …Booking (the client loads their table by it)', () => {
    expect(Object.keys(endpoints).filter((name) => name.endsWith('Booking'))).to.deep.equal(
      Object.keys(bookingEndpoints),
    );
  });

  it('covers every endpoint of the table', () => {
    expect(cases.map((c) => c.name).sort()).to.deep.equal(Object.keys(endpoints).sort());
    const { client } = setup([json({})]);
    for (const name of Object.keys(endpoints)) {
      expect(client[name as EndpointName], name).to.be.a('function');
    }
  });

  for (const { name, invoke, path, response, expected, body } of cases) {
    it(`${name} sends ${endpoints[name].method} ${endpoints[name].path} and returns the parsed response`, async () => {
      const { client, calls } = setup([json(response, endpoints[name].status)]);
      const result = await invoke(client);
      expect(calls).to.have.length(1);
      expect(calls[0]!.method).to.equal(endpoints[name].method);
      expect(calls[0]!.url.pathname).to.equal(`/v1${path}`);
      if (body !== undefined) expect(JSON.parse(calls[0]!.body!)).to.deep.equal(body);
      expect(result).to.deep.equal(expected ?? response);
    });
  }
});

describe('ApiClient: headers', () => {
  it('sends Accept, Accept-Language and the extra headers on GETs, no body headers', async () => {
    const { client, calls } = setup([json(program)], {
      locale: 'es-US',
      headers: { 'X-Partner': 'campus' },
    });
    await client.getProgram();
    const headers = calls[0]!.headers;
    expect(headers.get('Accept')).to.equal('application/json');
    expect(headers.get('Accept-Language')).to.equal('es-US');
    expect(headers.get('X-Partner')).to.equal('campus');
    expect(headers.has('Content-Type')).to.equal(false);
    expect(headers.has('Idempotency-Key')).to.equal(false);
    expect(calls[0]!.body).to.equal(undefined);
  });

  it('omits Accept-Language without a locale', async () => {
    const { client, calls } = setup([json(program)]);
    await client.getProgram();
    expect(calls[0]!.headers.has('Accept-Language')).to.equal(false);
  });

  it('sends Content-Type and a UUID Idempotency-Key on POSTs', async () => {
    const { client, calls } = setup([json(createdBooking, 201)], {
      headers: { 'X-Partner': 'campus' },
    });
    await client.createBooking(bookingRequest);
    const headers = calls[0]!.headers;
    expect(headers.get('Content-Type')).to.equal('application/json');
    expect(headers.get('Accept')).to.equal('application/json');
    expect(headers.get('X-Partner')).to.equal('campus');
    expect(headers.get('Idempotency-Key')).to.match(UUID);
  });
});

describe('ApiClient: manage token', () => {
  const calls: [string, (c: ApiClient, token: string) => Promise<unknown>, unknown][] = [
    ['getBooking', (c, t) => c.getBooking('bk-1', t), booking],
    ['cancelBooking', (c, t) => c.cancelBooking('bk-1', t, {}), cancellation],
    ['rescheduleBooking', (c, t) => c.rescheduleBooking('bk-1', t, { slotStart: end }), booking],
  ];

  for (const [name, invoke, response] of calls) {
    it(`${name} sends the token in X-Manage-Token, never in the URL`, async () => {
      const { client, calls: sent } = setup([json(response)]);
      await invoke(client, TOKEN);
      expect(sent[0]!.headers.get('X-Manage-Token')).to.equal(TOKEN);
      expect(sent[0]!.url.href).not.to.contain(TOKEN);
      expect(sent[0]!.body ?? '').not.to.contain(TOKEN);
    });

    it(`${name} refuses a missing or unusable token without sending anything or showing it`, async () => {
      const { client, calls: sent } = setup([json(response)]);
      for (const token of ['', 'has space', undefined as unknown as string]) {
        const error = await invoke(client, token).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error, JSON.stringify(token)).to.be.instanceOf(ApiError);
        expect((error as ApiError).kind).to.equal('validation');
        expect((error as ApiError).issues?.[0]?.path).to.equal('manageToken');
        if (token) expect((error as ApiError).message).not.to.contain(token);
      }
      expect(sent).to.have.length(0);
    });

    it(`${name} keeps the token out of the error of a 404`, async () => {
      const notFound = { error: { code: 'not-found', message: 'No such booking.' } };
      const { client } = setup([json(notFound, 404)]);
      const error = (await invoke(client, TOKEN).catch((e: unknown) => e)) as ApiError;
      expect(error).to.be.instanceOf(ApiError);
      expect(error.status).to.equal(404);
      expect(error.body?.error.code).to.equal('not-found');
      expect(error.message).to.contain('not-found');
      expect(`${error.message} ${error.stack ?? ''} ${JSON.stringify(error)}`).not.to.contain(
        TOKEN,
      );
    });
  }

  it('sends no X-Manage-Token on the other operations', async () => {
    const { client, calls: sent } = setup([json(createdBooking, 201), json(program)]);
    await client.createBooking(bookingRequest);
    await client.getProgram();
    for (const call of sent) expect(call.headers.has('X-Manage-Token')).to.equal(false);
  });

  it('returns the manage token of a new booking, and refuses an answer without one', async () => {
    const { client } = setup([json(createdBooking, 201), json(booking, 201)]);
    expect((await client.createBooking(bookingRequest)).manageToken).to.equal(TOKEN);
    const error = (await client.createBooking(bookingRequest).catch((e: unknown) => e)) as ApiError;
    expect(error.kind).to.equal('validation');
    expect(error.issues?.map((i) => i.path)).to.deep.equal(['manageToken']);
  });
});

describe('ApiClient: URLs and bodies', () => {
  it('sends a supporter search as a JSON body, without undefined filters, and no query string', async () => {
    const { client, calls } = setup([json(page)]);
    await client.listSupporters({
      q: 'first year',
      topics: ['grief', 'loss'],
      languages: [],
      states: undefined,
      lengthMinutes: 50,
      sort: 'name',
      offset: 0,
      limit: 20,
    });
    const sent = calls[0]!;
    expect(sent.method).to.equal('POST');
    expect(sent.url.href).to.equal(`${BASE}/supporters/search`);
    expect(sent.headers.get('Content-Type')).to.equal('application/json');
    expect(JSON.parse(sent.body!)).to.deep.equal({
      q: 'first year',
      topics: ['grief', 'loss'],
      languages: [],
      lengthMinutes: 50,
      sort: 'name',
      offset: 0,
      limit: 20,
    });
  });

  it('sends an empty search as an empty object', async () => {
    const { client, calls } = setup([json(page), json({ slot: null })]);
    await client.listSupporters();
    await client.nextAvailable();
    expect(calls.map((c) => c.url.href)).to.deep.equal([
      `${BASE}/supporters/search`,
      `${BASE}/slots/next`,
    ]);
    expect(calls.map((c) => c.body)).to.deep.equal(['{}', '{}']);
  });

  it('sends only the fields the request schema declares', async () => {
    const { client, calls } = setup([json({ slot: null })]);
    const query: SupporterQuery = { topics: ['grief'], sort: 'name', limit: 5 };
    const extra = { ...query, email: 'alex.doe@example.com' };
    await client.nextAvailable(extra);
    expect(JSON.parse(calls[0]!.body!)).to.deep.equal({ topics: ['grief'] });
    expect(calls[0]!.url.href).to.equal(`${BASE}/slots/next`);
  });

  it('looks up a gift card with the code in the body, as the contract spells it', async () => {
    const { client, calls } = setup([json(giftBalance)]);
    await client.getGiftCard(' gift-1234-abcd-5678 ');
    expect(calls[0]!.method).to.equal('POST');
    expect(calls[0]!.url.href).to.equal(`${BASE}/gift-cards/lookup`);
    expect(JSON.parse(calls[0]!.body!)).to.deep.equal({ code: 'GIFT-1234-ABCD-5678' });
  });

  it('sends an Idempotency-Key on the read-only POSTs too, where it is harmless', async () => {
    const { client, calls } = setup([json(page), json({ slot: null }), json(giftBalance)]);
    await client.listSupporters({ q: 'grief' });
    await client.nextAvailable({ q: 'grief' });
    await client.getGiftCard('GIFT-1234-ABCD-5678');
    for (const sent of calls) expect(sent.headers.get('Idempotency-Key')).to.match(UUID);
    for (const name of ['listSupporters', 'nextAvailable', 'getGiftCard'] as const) {
      expect(endpoints[name], name).not.to.have.property('idempotent');
    }
  });

  it('sends slot ranges as query parameters', async () => {
    const { client, calls } = setup([json(slotList)]);
    await client.listSlots('sam', { from: start, lengthMinutes: 30 });
    const params = calls[0]!.url.searchParams;
    expect(params.get('from')).to.equal(start);
    expect(params.get('lengthMinutes')).to.equal('30');
    expect(params.has('to')).to.equal(false);
  });

  it('URL-encodes path parameters', async () => {
    const { client, calls } = setup([json(profile)]);
    await client.getSupporter('a/b c?#');
    expect(calls[0]!.url.href).to.equal(`${BASE}/supporters/a%2Fb%20c%3F%23`);
  });

  it('refuses empty path parameters, mistyped query values and invalid searches without sending', async () => {
    const { client, calls } = setup([json(profile)]);
    const empty = await failure(client.getSupporter(''));
    expect(empty.kind).to.equal('validation');
    expect(empty.issues?.[0]?.path).to.equal('supporterId');
    const slots = await failure(
      client.listSlots('sam', { lengthMinutes: '30' } as unknown as { lengthMinutes: 30 }),
    );
    expect(slots.issues?.[0]?.path).to.equal('query.lengthMinutes');
    const mistyped = await failure(client.listSupporters({ limit: 2.5 }));
    expect(mistyped.kind).to.equal('validation');
    expect(mistyped.issues?.[0]?.path).to.equal('limit');
    const tooMany = await failure(client.listSupporters({ limit: 5001 }));
    expect(tooMany.issues?.[0]?.path).to.equal('limit');
    const longText = await failure(client.nextAvailable({ q: 'x'.repeat(201) }));
    expect(longText.issues?.[0]?.path).to.equal('q');
    const badState = await failure(client.nextAvailable({ states: ['Wyoming'] }));
    expect(badState.issues?.[0]?.path).to.equal('states.0');
    expect(badState.message).not.to.contain('Wyoming');
    const badCode = await failure(client.getGiftCard('no'));
    expect(badCode.issues?.[0]?.path).to.equal('code');
    expect(calls).to.have.length(0);
  });

  it('keeps personal data out of URLs: bookings and gift card purchases travel in the body', async () => {
    const { client, calls } = setup([json(createdBooking, 201), json(giftPurchase, 201)]);
    await client.createBooking(bookingRequest);
    await client.purchaseGiftCard(giftRequest);
    expect(calls[0]!.url.href).to.equal(`${BASE}/bookings`);
    expect(calls[1]!.url.href).to.equal(`${BASE}/gift-cards`);
    expect(JSON.parse(calls[0]!.body!)).to.deep.equal(bookingRequest);
    expect(JSON.parse(calls[1]!.body!)).to.deep.equal(giftRequest);
  });
});

describe('ApiClient: nothing a seeker chose or holds is in a URL (S4)', () => {
  // Distinctive values, none of which can occur in a URL by accident.
  const secret = {
    q: 'relapse after rehab',
    topic: 'substance-use-recovery',
    identity: 'trans-nonbinary',
    language: 'yue-Hant-HK',
    state: 'WY',
    code: 'GIFT-SECR-ET77-8899',
    name: 'Jordan Quill',
    email: 'jordan.quill@example.com',
  };
  const filters = {
    q: secret.q,
    topics: [secret.topic],
    identities: [secret.identity],
    languages: [secret.language],
    states: [secret.state],
    lengthMinutes: 50 as const,
    availableWithinDays: 7,
  };
  const questionnaire: MatchRequest = {
    topics: [secret.topic],
    identities: [secret.identity],
    languages: [secret.language],
    timesOfDay: ['evening'],
    states: [secret.state],
  };
  const seekerBooking: BookingRequest = {
    ...bookingRequest,
    seeker: { name: secret.name, email: secret.email, age: 22, state: secret.state },
    payment: { kind: 'gift-card', code: secret.code },
  };
  const everyCall: [EndpointName, unknown, (c: ApiClient) => Promise<unknown>][] = [
    ['getProgram', program, (c) => c.getProgram()],
    ['listSupporters', page, (c) => c.listSupporters({ ...filters, sort: 'name', limit: 50 })],
    ['getSupporter', profile, (c) => c.getSupporter('sam')],
    ['listSlots', slotList, (c) => c.listSlots('sam', { from: start, lengthMinutes: 50 })],
    ['nextAvailable', { slot }, (c) => c.nextAvailable(filters)],
    ['match', matchResult, (c) => c.match(questionnaire)],
    ['createBooking', createdBooking, (c) => c.createBooking(seekerBooking)],
    ['getBooking', booking, (c) => c.getBooking('bk-1', TOKEN)],
    ['cancelBooking', cancellation, (c) => c.cancelBooking('bk-1', TOKEN, {})],
    ['rescheduleBooking', booking, (c) => c.rescheduleBooking('bk-1', TOKEN, { slotStart: end })],
    [
      'purchaseGiftCard',
      giftPurchase,
      (c) =>
        c.purchaseGiftCard({
          ...giftRequest,
          recipient: { name: secret.name, email: secret.email },
        }),
    ],
    ['getGiftCard', giftBalance, (c) => c.getGiftCard(secret.code)],
  ];

  it('sends no filter value, gift code or seeker detail in any request URL', async () => {
    expect(everyCall.map(([name]) => name).sort()).to.deep.equal(Object.keys(endpoints).sort());
    const { client, calls } = setup(
      everyCall.map(([name, response]) => json(response, endpoints[name].status)),
    );
    for (const [, , invoke] of everyCall) await invoke(client);
    expect(calls).to.have.length(everyCall.length);

    const values = Object.values(secret).map((v) => v.toLowerCase());
    const leaks = calls.flatMap((sent) => {
      // As a log would show it, and decoded, with `+` read as a space.
      const raw = sent.url.href.toLowerCase();
      const decoded = decodeURIComponent(raw.replace(/\+/g, ' '));
      return values
        .filter((v) => raw.includes(v) || decoded.includes(v))
        .map((v) => `${v} in ${raw}`);
    });
    expect(leaks).to.deep.equal([]);

    // Not vacuous: the values did travel, in the bodies.
    const bodies = calls
      .map((sent) => sent.body ?? '')
      .join('\n')
      .toLowerCase();
    for (const value of values) expect(bodies, value).to.contain(value);
    // Only ids and times are ever in a query string.
    const queryKeys = calls.flatMap((sent) => [...sent.url.searchParams.keys()]);
    expect(queryKeys.sort()).to.deep.equal(['from', 'lengthMinutes']);
  });

  it('declares no seeker filter as a query parameter and no secret as a path parameter', () => {
    for (const [name, endpoint] of Object.entries(endpoints)) {
      const query = 'query' in endpoint ? endpoint.query.map((p) => p.name) : [];
      expect(query, name).to.satisfy((names: string[]) =>
        names.every((n) => ['from', 'to', 'lengthMinutes'].includes(n)),
      );
      if (endpoint.method === 'POST') expect(query, name).to.deep.equal([]);
      const params = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(params, name).to.satisfy((names: string[]) =>
        names.every((n) => ['supporterId', 'bookingId'].includes(n)),
      );
    }
  });
});

describe('ApiClient: request validation', () => {
  it('refuses an invalid body before sending, with paths and no data values', async () => {
    const { client, calls } = setup([json(createdBooking, 201)]);
    const invalid = {
      ...bookingRequest,
      seeker: { ...bookingRequest.seeker, email: 'alex-at-example', age: 200 },
    };
    const error = await failure(client.createBooking(invalid));
    expect(calls).to.have.length(0);
    expect(error.kind).to.equal('validation');
    expect(error.endpoint).to.equal('createBooking');
    expect(error.retryable).to.equal(false);
    expect(error.issues?.map((i) => i.path)).to.deep.equal(['seeker.email', 'seeker.age']);
    expect(error.issues?.[0]?.message).to.equal('expected an email address');
    expect(error.issues?.[1]?.message).to.equal('too big: at most 130');
    expect(error.message).to.contain('nothing was sent').and.contain('seeker.email');
    const everything = `${error.message} ${JSON.stringify(error.issues)}`;
    expect(everything).not.to.contain('alex-at-example');
    expect(everything).not.to.contain('Alex Doe');
  });

  it('sends a seeker without an age, or with a yes to the age range instead (contract 4)', async () => {
    const { client, calls } = setup([json(createdBooking, 201)]);
    const { age: _, ...ageless } = bookingRequest.seeker;
    await client.createBooking({ ...bookingRequest, seeker: ageless });
    await client.createBooking({ ...bookingRequest, seeker: { ...ageless, ageInRange: true } });
    const sent = calls.map((call) => (JSON.parse(call.body!) as BookingRequest).seeker);
    expect(sent).to.deep.equal([ageless, { ...ageless, ageInRange: true }]);
    // Only a yes travels: a no is refused before sending.
    const no = { ...ageless, ageInRange: false } as unknown as BookingRequest['seeker'];
    const error = await failure(client.createBooking({ ...bookingRequest, seeker: no }));
    expect(error.kind).to.equal('validation');
    expect(error.issues?.map((i) => i.path)).to.deep.equal(['seeker.ageInRange']);
    expect(calls).to.have.length(2);
  });

  it('sends the parsed body: keys outside the contract are dropped', async () => {
    const { client, calls } = setup([json(createdBooking, 201)]);
    const withExtra = { ...bookingRequest, ssn: '123-45-6789' } as BookingRequest;
    await client.createBooking(withExtra);
    expect(calls[0]!.body).not.to.contain('ssn');
  });

  it('describes union and literal mismatches', async () => {
    const { client } = setup([json(createdBooking, 201)]);
    const bad = {
      ...bookingRequest,
      lengthMinutes: 45,
      payment: { kind: 'cash' },
    } as unknown as BookingRequest;
    const error = await failure(client.createBooking(bad));
    expect(error.issues).to.deep.include({
      path: 'lengthMinutes',
      message: 'expected one of 30, 50, 60',
    });
    expect(error.issues).to.deep.include({
      path: 'payment.kind',
      message: 'expected one of "sliding-scale", "fixed", "free", "gift-card"',
    });
  });

  it("points into the union branch whose tag matched: that branch's own fields", async () => {
    const { client } = setup([json(createdBooking, 201)]);
    const cases: [unknown, ApiIssue][] = [
      [{ kind: 'gift-card' }, { path: 'payment.code', message: 'expected string' }],
      [
        { kind: 'sliding-scale', amount: 'x' },
        { path: 'payment.amount', message: 'expected number' },
      ],
      [
        { kind: 'gift-card', code: 'no' },
        { path: 'payment.code', message: 'does not match /^[A-Z0-9]{4}(?:-[A-Z0-9]{4}){3,7}$/' },
      ],
    ];
    for (const [payment, issue] of cases) {
      const error = await failure(
        client.createBooking({ ...bookingRequest, payment } as unknown as BookingRequest),
      );
      expect(error.issues, JSON.stringify(payment)).to.deep.equal([issue]);
    }
  });
});

describe('ApiClient: response validation (R5)', () => {
  it('gives kind validation with issues for a schema mismatch, and does not retry', async () => {
    const broken = { ...program, eligibility: { ...program.eligibility, minAge: '18' } };
    const { client, calls } = setup([json(broken)]);
    const error = await failure(client.getProgram());
    expect(error.kind).to.equal('validation');
    expect(error.status).to.equal(200);
    expect(error.issues).to.deep.equal([
      { path: 'eligibility.minAge', message: 'expected number' },
    ]);
    expect(error.message).to.contain('getProgram').and.contain('eligibility.minAge');
    expect(calls).to.have.length(1);
  });

  it('accepts a program without an age limit, with prices per length and a referral page', async () => {
    const allAges = {
      ...program,
      eligibility: { states: ['CA'], referralUrl: 'https://support.example.org/other-help' },
      pricing: {
        model: 'sliding-scale',
        suggested: 4500,
        minimum: 2000,
        byLength: [{ lengthMinutes: 30, suggested: 2500, minimum: 1000 }],
      },
    };
    const { client } = setup([json(allAges)]);
    expect(await client.getProgram()).to.deep.equal(allAges);
    const broken = {
      ...allAges,
      eligibility: { ...allAges.eligibility, ageQuestion: 'exact', referralUrl: 'http://x.org' },
    };
    const error = await failure(setup([json(broken)]).client.getProgram());
    expect(error.kind).to.equal('validation');
    expect(error.issues?.map((i) => i.path).sort()).to.deep.equal([
      'eligibility.ageQuestion',
      'eligibility.referralUrl',
    ]);
  });

  it('gives kind validation for malformed JSON and for an empty body', async () => {
    for (const text of ['{"id": "campus",', '', '<html>oops</html>']) {
      const { client } = setup([new Response(text, { status: 200 })]);
      const error = await failure(client.getProgram());
      expect(error.kind, text).to.equal('validation');
      expect(error.message, text).to.contain('not valid JSON');
    }
  });

  it('keeps the valid supporters of a page and reports the rejected ones', async () => {
    const other = { ...supporter, id: 'kai', name: 'Kai' };
    const malformed = { ...supporter, id: 'bad-one', name: '', languages: [] };
    const { client } = setup([
      json({ ...page, items: [supporter, malformed, 42, other], total: 4 }),
    ]);
    const result = await client.listSupporters({});
    expect(result.items.map((s) => s.id)).to.deep.equal(['sam', 'kai']);
    expect(result.total).to.equal(4);
    expect(result.facets).to.deep.equal(facets);
    expect(result.rejected).to.deep.equal([
      {
        index: 1,
        id: 'bad-one',
        issues: [
          'name: too small: at least 1 characters',
          'languages: too small: at least 1 items',
        ],
      },
      { index: 2, issues: ['(root): expected object'] },
    ]);
  });

  it('still fails the whole page when the page itself is malformed', async () => {
    const { client } = setup([json({ items: [supporter], total: 1, offset: 0, limit: 20 })]);
    const error = await failure(client.listSupporters({}));
    expect(error.kind).to.equal('validation');
    expect(error.issues?.[0]?.path).to.equal('facets');
  });
});

describe('ApiClient: HTTP errors', () => {
  it('gives kind http with the status and the parsed error body', async () => {
    const { client } = setup([json(errorBody('not-found', 'No supporter sam.'), 404)]);
    const error = await failure(client.getSupporter('sam'));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(404);
    expect(error.body?.error.code).to.equal('not-found');
    expect(error.message).to.contain('404').and.contain('not-found').and.contain('getSupporter');
  });

  it('leaves body undefined when the error response is not an ErrorBody', async () => {
    for (const response of [
      new Response('<h1>Bad gateway</h1>', { status: 502 }),
      json({ message: 'nope' }, 500),
    ]) {
      const { client } = setup([response], { retries: 0 });
      const error = await failure(client.getProgram());
      expect(error.kind).to.equal('http');
      expect(error.body).to.equal(undefined);
    }
  });

  it('keeps the body of a code this version does not know, with its field errors', async () => {
    const future = {
      error: {
        code: 'payment-currency-mismatch',
        message: 'Pay in USD.',
        fieldErrors: [{ field: 'payment.amount', code: 'currency', message: 'USD only.' }],
      },
    };
    const { client } = setup([json(future, 422)]);
    const error = await failure(client.createBooking(bookingRequest));
    expect(error.status).to.equal(422);
    expect(error.body).to.deep.equal(future);
    expect(error.message).to.contain('payment-currency-mismatch');
    // Still the shape of an error body: a code that is no string is no error body.
    const { client: other } = setup([json({ error: { code: 7, message: 'x' } }, 422)]);
    expect((await failure(other.createBooking(bookingRequest))).body).to.equal(undefined);
  });

  it('never retries 4xx other than 429', async () => {
    for (const status of [400, 401, 403, 404, 409, 410, 422]) {
      const { client, calls, delays } = setup([json(errorBody('invalid-request'), status)]);
      const error = await failure(client.getProgram());
      expect(error.status, String(status)).to.equal(status);
      expect(error.retryable, String(status)).to.equal(false);
      expect(calls, String(status)).to.have.length(1);
      expect(delays, String(status)).to.deep.equal([]);
    }
  });

  it('does not retry a 409 on a POST either', async () => {
    const { client, calls } = setup([json(errorBody('slot-taken'), 409)]);
    const error = await failure(client.createBooking(bookingRequest));
    expect(error.body?.error.code).to.equal('slot-taken');
    expect(calls).to.have.length(1);
  });
});

describe('ApiClient: retries (R2)', () => {
  it('retries a GET on network errors, then succeeds', async () => {
    const { client, calls, delays } = setup([networkError(), networkError(), json(program)]);
    const result = await client.getProgram();
    expect(result.id).to.equal('campus');
    expect(calls).to.have.length(3);
    expect(delays).to.deep.equal([300, 600]);
  });

  it('retries at most `retries` times on 5xx and reports the last error', async () => {
    for (const status of [500, 502, 503, 504]) {
      const { client, calls, delays } = setup([json(errorBody('internal'), status)]);
      const error = await failure(client.getProgram());
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(status);
      expect(error.retryable).to.equal(true);
      expect(calls, String(status)).to.have.length(4);
      expect(delays, String(status)).to.deep.equal([300, 600, 1200]);
    }
  });

  it('reports kind network after the last retry', async () => {
    const { client, calls } = setup([networkError()], { retries: 2 });
    const error = await failure(client.getProgram());
    expect(error.kind).to.equal('network');
    expect(error.cause).to.be.instanceOf(TypeError);
    expect(calls).to.have.length(3);
  });

  it('does not retry with retries: 0', async () => {
    const { client, calls } = setup([networkError()], { retries: 0 });
    await failure(client.getProgram());
    expect(calls).to.have.length(1);
  });

  it('uses full jitter: random() scales the exponential delay', async () => {
    const { client, delays } = setup([networkError()], { random: () => 0.5 });
    await failure(client.getProgram());
    expect(delays).to.deep.equal([150, 300, 600]);
  });

  it('caps the backoff', async () => {
    const { client, delays } = setup([networkError()], { retries: 6 });
    await failure(client.getProgram());
    expect(delays).to.deep.equal([300, 600, 1200, 2400, 4000, 4000]);
  });

  it('retries 429 after the Retry-After seconds, and gives up when asked to wait longer', async () => {
    const limited = (seconds: string) =>
      json(errorBody('rate-limited'), 429, { 'Retry-After': seconds });
    const short = setup([limited('2'), json(program)]);
    await short.client.getProgram();
    expect(short.delays).to.deep.equal([2000]);
    expect(short.calls).to.have.length(2);

    // Retrying before the server allows would only be refused again: report the wait instead.
    const long = setup([limited('120'), json(program)]);
    const error = await failure(long.client.getProgram());
    expect(error.status).to.equal(429);
    expect(error.retryAfterMs).to.equal(120_000);
    expect(long.delays).to.deep.equal([]);
    expect(long.calls).to.have.length(1);

    const none = setup([json(errorBody('rate-limited'), 429), json(program)]);
    await none.client.getProgram();
    expect(none.delays).to.deep.equal([300]);
  });

  it('fails within its deadline, retries and waits included (R1)', async () => {
    // A virtual clock: each attempt takes 3 s to answer 503, each wait takes its delay.
    let clock = 0;
    const { fetch, calls } = fakeFetch(() => {
      clock += 3000;
      return json(errorBody('internal'), 503);
    });
    const client = createApiClient({
      baseUrl: BASE,
      fetch,
      random: () => 1,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
      deadlineMs: 10_000,
    });
    const error = await failure(client.getProgram());
    expect(error.status).to.equal(503);
    expect(clock, 'time until the error').to.be.at.most(10_000);
    expect(calls.length, 'attempts that fit in 10 s').to.equal(3);
  });

  it('cuts an attempt short to what is left of the deadline', async () => {
    const { fetch, calls } = fakeFetch(hang);
    const client = createApiClient({ baseUrl: BASE, fetch, deadlineMs: 30, retries: 5 });
    const error = await failure(client.getProgram());
    expect(error.kind).to.equal('timeout');
    // The attempt's limit is what is left of the 30 ms when it starts (a busy machine takes a few).
    expect(limitIn(error.message), error.message).to.be.within(1, 30);
    expect(calls, 'no retry without time left for it').to.have.length(1);
  });

  it('takes a deadline per call, and sharedDeadline splits one deadline across a chain', async () => {
    const { fetch, calls } = fakeFetch(hang);
    const client = createApiClient({ baseUrl: BASE, fetch, deadlineMs: 10_000, retries: 0 });
    expect(client.deadlineMs).to.equal(10_000);
    const single = await failure(client.getProgram({ deadlineMs: 25 }));
    expect(limitIn(single.message), single.message).to.be.within(1, 25);

    const short = createApiClient({ baseUrl: BASE, fetch, deadlineMs: 120, retries: 0 });
    const opts = sharedDeadline(short);
    const first = await failure(short.getProgram(opts()));
    // What is left of the shared 120 ms when the call starts (a busy machine takes a few ms).
    expect(limitIn(first.message), first.message).to.be.within(60, 120);
    // The first call used the whole budget: the next one fails at once, as a timeout, unsent.
    const sent = calls.length;
    const second = await failure(short.getSupporter('sup-001', opts()));
    expect(second.kind).to.equal('timeout');
    expect(second.message).to.contain('no time left');
    expect(calls.length, 'nothing sent past the deadline').to.equal(sent);
  });

  it('sharedDeadline leaves a client without a deadline of its own to its own timing', () => {
    const signal = new AbortController().signal;
    expect(sharedDeadline({}, signal)()).to.deep.equal({ signal });
    expect(sharedDeadline({ deadlineMs: Number.NaN })()).to.deep.equal({});
  });

  it('refuses a deadline that is not a number, sending nothing', async () => {
    const { client, calls } = setup([json(program)]);
    const error = await failure(client.getProgram({ deadlineMs: Number.NaN }));
    expect(error.kind).to.equal('validation');
    expect(error.issues?.[0]?.path).to.equal('deadlineMs');
    for (const deadlineMs of [0, -5]) {
      expect((await failure(client.getProgram({ deadlineMs }))).kind).to.equal('timeout');
    }
    expect(calls).to.have.length(0);
  });

  it('exposes Retry-After on the final 429 error', async () => {
    const { client } = setup([json(errorBody('rate-limited'), 429, { 'Retry-After': '7' })], {
      retries: 0,
    });
    const error = await failure(client.getProgram());
    expect(error.retryAfterMs).to.equal(7000);
    expect(error.retryable).to.equal(true);
  });

  it('works with the default sleep', async () => {
    const { fetch, calls } = fakeFetch(networkError(), json(program));
    const client = createApiClient({ baseUrl: BASE, fetch, random: () => 0 });
    await client.getProgram();
    expect(calls).to.have.length(2);
  });
});

describe('ApiClient: POSTs and idempotency (R3)', () => {
  it('retries POSTs on 5xx, 429 and network errors with the same Idempotency-Key', async () => {
    const { client, calls } = setup([
      json(errorBody('internal'), 503),
      networkError(),
      json(errorBody('rate-limited'), 429),
      json(createdBooking, 201),
    ]);
    const result = await client.createBooking(bookingRequest);
    expect(result.id).to.equal('bk-1');
    expect(calls).to.have.length(4);
    const keys = calls.map((c) => c.headers.get('Idempotency-Key'));
    expect(keys[0]).to.match(UUID);
    expect(new Set(keys).size).to.equal(1);
    expect(new Set(calls.map((c) => c.body)).size).to.equal(1);
  });

  it('uses a new key for each call and the caller key when given', async () => {
    const { client, calls } = setup([json(errorBody('internal'), 500), json(createdBooking, 201)]);
    await client.createBooking(bookingRequest, { idempotencyKey: 'form-42' });
    await client.createBooking(bookingRequest);
    await client.createBooking(bookingRequest);
    const keys = calls.map((c) => c.headers.get('Idempotency-Key'));
    expect(keys.slice(0, 2)).to.deep.equal(['form-42', 'form-42']);
    expect(keys[2]).to.match(UUID);
    expect(keys[3]).to.match(UUID);
    expect(keys[2]).not.to.equal(keys[3]);
  });

  it('refuses an unusable caller key', async () => {
    const { client, calls } = setup([json(createdBooking, 201)]);
    const error = await failure(client.createBooking(bookingRequest, { idempotencyKey: 'a b\n' }));
    expect(error.kind).to.equal('validation');
    expect(calls).to.have.length(0);
  });
});

describe('ApiClient: timeouts and aborts (R1)', () => {
  it('passes a signal to every request', async () => {
    const { client, calls } = setup([json(program)]);
    await client.getProgram();
    expect(calls[0]!.signal).to.be.instanceOf(AbortSignal);
    expect(calls[0]!.signal.aborted).to.equal(false);
  });

  it('gives kind timeout when the server stays silent, and retries it', async () => {
    const once = setup([hang], { timeoutMs: 5, retries: 0 });
    const error = await failure(once.client.getProgram());
    expect(error.kind).to.equal('timeout');
    expect(error.retryable).to.equal(true);
    expect(error.message).to.contain('5 ms');
    expect(once.calls[0]!.signal.aborted).to.equal(true);

    const retried = setup([hang, hang, json(program)], { timeoutMs: 5 });
    await retried.client.getProgram();
    expect(retried.calls).to.have.length(3);
  });

  it('asks timers for whole milliseconds, as Node requires', async () => {
    // Node throws ERR_OUT_OF_RANGE for AbortSignal.timeout(9999.9); Chromium would accept it.
    const original = AbortSignal.timeout.bind(AbortSignal);
    const asked: number[] = [];
    AbortSignal.timeout = (ms: number) => {
      asked.push(ms);
      if (!Number.isInteger(ms) || ms < 1) throw new RangeError(`delay ${ms} is out of range`);
      return original(ms);
    };
    try {
      // A clock that moves by fractions, as performance.now() does.
      let clock = 0.25;
      const { client, calls, delays } = setup(
        [networkError(), json(errorBody('internal'), 503), json(program)],
        {
          now: () => (clock += 0.1),
          random: () => 0.123_456,
          timeoutMs: 2_500.7,
          deadlineMs: 9_999.9,
        },
      );
      await client.getProgram();
      expect(calls).to.have.length(3);
      expect(asked).to.have.length(3);
      for (const ms of [...asked, ...delays])
        expect(Number.isInteger(ms), String(ms)).to.equal(true);
      expect(asked[0]).to.equal(2_501);
      expect(delays).to.deep.equal([37, 74]);

      const almostSpent = setup([hang], { deadlineMs: 0.3, retries: 0 });
      const error = await failure(almostSpent.client.getProgram());
      expect(error.kind).to.equal('timeout');
      expect(asked.at(-1)).to.equal(1);
    } finally {
      AbortSignal.timeout = original;
    }
  });

  it('gives kind aborted when the caller aborts, and never retries', async () => {
    const controller = new AbortController();
    const { client, calls, delays } = setup([
      (sent) => {
        controller.abort();
        return hang(sent);
      },
    ]);
    const error = await failure(client.getProgram({ signal: controller.signal }));
    expect(error.kind).to.equal('aborted');
    expect(error.retryable).to.equal(false);
    expect(calls).to.have.length(1);
    expect(calls[0]!.signal.aborted).to.equal(true);
    expect(delays).to.deep.equal([]);
  });

  it('tells timeouts from caller aborts without AbortSignal.any (older Safari)', async () => {
    const original = AbortSignal.any;
    (AbortSignal as { any?: unknown }).any = undefined;
    try {
      const timedOut = setup([hang], { timeoutMs: 5, retries: 0 });
      expect(
        (await failure(timedOut.client.getProgram({ signal: new AbortController().signal }))).kind,
      ).to.equal('timeout');
      const controller = new AbortController();
      const cancelled = setup([
        (sent) => {
          controller.abort();
          return hang(sent);
        },
      ]);
      const error = await failure(cancelled.client.getProgram({ signal: controller.signal }));
      expect(error.kind).to.equal('aborted');
      expect(cancelled.calls).to.have.length(1);
    } finally {
      AbortSignal.any = original;
    }
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { client, calls } = setup([json(createdBooking, 201)]);
    const error = await failure(
      client.createBooking(bookingRequest, { signal: AbortSignal.abort() }),
    );
    expect(error.kind).to.equal('aborted');
    expect(calls).to.have.length(0);
  });

  it('stops retrying when the caller aborts during the backoff', async () => {
    const controller = new AbortController();
    const { fetch, calls } = fakeFetch(json(errorBody('internal'), 503));
    const client = createApiClient({
      baseUrl: BASE,
      fetch,
      random: () => 1,
      sleep: async (_ms, signal) => {
        controller.abort();
        if (signal?.aborted) throw signal.reason;
      },
    });
    const error = await failure(client.getProgram({ signal: controller.signal }));
    expect(error.kind).to.equal('aborted');
    expect(calls).to.have.length(1);
  });
});

describe('ApiError', () => {
  const make = (kind: ApiError['kind'], status?: number) =>
    new ApiError({ kind, status, endpoint: 'getProgram', message: 'x' });

  it('is retryable only for network, timeout, 429 and 5xx', () => {
    expect(make('network').retryable).to.equal(true);
    expect(make('timeout').retryable).to.equal(true);
    expect(make('http', 429).retryable).to.equal(true);
    expect(make('http', 500).retryable).to.equal(true);
    expect(make('http', 599).retryable).to.equal(true);
    expect(make('http', 404).retryable).to.equal(false);
    expect(make('http', 408).retryable).to.equal(false);
    expect(make('validation', 200).retryable).to.equal(false);
    expect(make('aborted').retryable).to.equal(false);
  });

  it('is recognised by isApiError and is an Error', () => {
    const error = make('network');
    expect(isApiError(error)).to.equal(true);
    expect(isApiError(new Error('x'))).to.equal(false);
    expect(isApiError({ kind: 'network' })).to.equal(false);
    expect(error).to.be.instanceOf(Error);
    expect(error.name).to.equal('ApiError');
  });
});
