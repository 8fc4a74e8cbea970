/**
 * `peer-support-widgets/api` in Node, as a server or a script uses it: the built client (dist/,
 * so run `npm run build` first) makes real HTTP calls to a local node:http server. The browser
 * tests use a fake fetch or MSW and cannot see what only Node does (it rejects a fractional
 * `AbortSignal.timeout`, for one).
 */
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { after, before, beforeEach, describe, it } from 'node:test';

let api;
try {
  // The package's own export map, as a consumer resolves it.
  api = await import('peer-support-widgets/api');
} catch (error) {
  throw new Error(`could not import peer-support-widgets/api (run npm run build first)`, {
    cause: error,
  });
}
const { createApiClient, isApiError } = api;

const program = {
  id: 'campus',
  name: 'Campus peers',
  eligibility: { states: ['CA'], minAge: 18, maxAge: 30, ageQuestion: 'range' },
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
  nextAvailable: '2026-03-09T09:00:00-07:00',
};
const page = {
  items: [supporter],
  total: 1,
  offset: 0,
  limit: 20,
  facets: { topics: [], identities: [], languages: ['en'], states: ['CA'] },
};

/** What the server received, one entry per request. */
let requests = [];
/** How the server answers the n-th request (0-based) of the current test. */
let reply = () => ({ status: 404, body: { error: { code: 'not-found', message: 'No route.' } } });

const server = createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const n = requests.length;
  requests.push({
    method: req.method,
    url: req.url,
    headers: req.headers,
    body: Buffer.concat(chunks).toString('utf8'),
  });
  const answer = reply(n, req);
  if (answer === 'stall') return; // Never answers; the client has to give up on its own.
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  res.writeHead(answer.status ?? 200, {
    'Content-Type': 'application/json',
    ...answer.headers,
  });
  res.end(text);
});

let baseUrl;

before(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${server.address().port}/api`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

beforeEach(() => {
  requests = [];
});

/** The rejection of `promise`, which must be an ApiError. */
async function apiFailure(promise) {
  try {
    await promise;
  } catch (error) {
    assert.ok(isApiError(error), `expected an ApiError, got ${error?.stack ?? error}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

describe('peer-support-widgets/api in Node, over real HTTP', () => {
  it('gets the program', async () => {
    reply = () => ({ body: program });
    const client = createApiClient({ baseUrl });
    const result = await client.getProgram();
    assert.equal(result.name, 'Campus peers');
    assert.deepEqual(result.sessionLengths, [30, 50]);
    assert.equal(requests.length, 1);
    assert.equal(requests[0].method, 'GET');
    assert.equal(requests[0].url, '/api/program');
    assert.match(requests[0].headers.accept, /application\/json/);
  });

  it('searches supporters with a POST whose body carries the filters', async () => {
    reply = () => ({ body: page });
    const client = createApiClient({ baseUrl });
    const result = await client.listSupporters({ topics: ['grief'], languages: ['en'] });
    assert.deepEqual(
      result.items.map((s) => s.id),
      ['sam'],
    );
    assert.deepEqual(result.rejected, []);
    assert.equal(result.total, 1);
    const [sent] = requests;
    assert.equal(sent.method, 'POST');
    assert.equal(sent.url, '/api/supporters/search', 'the filters stay out of the URL');
    assert.match(sent.headers['content-type'], /application\/json/);
    const body = JSON.parse(sent.body);
    assert.deepEqual(body.topics, ['grief']);
    assert.deepEqual(body.languages, ['en']);
  });

  it('retries a GET answered 503, then succeeds', async () => {
    reply = (n) =>
      n === 0
        ? { status: 503, body: { error: { code: 'internal', message: 'Try again.' } } }
        : { body: program };
    const client = createApiClient({ baseUrl });
    const result = await client.getProgram();
    assert.equal(result.id, 'campus');
    assert.equal(requests.length, 2);
    assert.deepEqual(
      requests.map((r) => `${r.method} ${r.url}`),
      ['GET /api/program', 'GET /api/program'],
    );
  });

  it('reports a response outside the contract as a validation error', async () => {
    reply = () => ({ body: { ...program, sessionLengths: 'thirty' } });
    const client = createApiClient({ baseUrl, retries: 0 });
    const error = await apiFailure(client.getProgram());
    assert.equal(error.kind, 'validation');
    assert.equal(error.status, 200);
    assert.ok(
      error.issues.some((issue) => issue.path.includes('sessionLengths')),
      JSON.stringify(error.issues),
    );
    assert.equal(requests.length, 1, 'a malformed answer is not retried');

    reply = () => ({ body: '{"items": [' });
    const broken = await apiFailure(client.listSupporters());
    assert.equal(broken.kind, 'validation');
    assert.match(broken.message, /not valid JSON/);
  });

  it("sends a booking's manage token as X-Manage-Token only, and keeps it out of errors", async () => {
    const token = '0123456789abcdef0123456789abcdef';
    reply = () => ({
      status: 404,
      body: { error: { code: 'not-found', message: 'No such booking.' } },
    });
    const client = createApiClient({ baseUrl, retries: 0 });
    const error = await apiFailure(client.getBooking('bk-1', token));
    assert.equal(error.status, 404);
    assert.equal(error.body.error.code, 'not-found');
    assert.equal(requests.length, 1);
    assert.equal(requests[0].url, '/api/bookings/bk-1');
    assert.equal(requests[0].headers['x-manage-token'], token);
    assert.ok(!`${error.message}\n${error.stack}`.includes(token), error.message);
  });

  it('gives up on a stalled server with a timeout error within the deadline', async () => {
    reply = () => 'stall';
    // The default 10 s attempt timeout, cut short to what is left of a 500 ms deadline.
    const deadlineMs = 500;
    const client = createApiClient({ baseUrl, deadlineMs });
    const started = performance.now();
    const error = await apiFailure(client.getProgram());
    const elapsed = performance.now() - started;
    assert.equal(error.kind, 'timeout');
    assert.equal(error.retryable, true);
    assert.ok(elapsed >= deadlineMs - 50, `gave up after ${elapsed} ms, before the deadline`);
    assert.ok(elapsed < deadlineMs + 250, `took ${elapsed} ms for a ${deadlineMs} ms deadline`);
    assert.ok(requests.length >= 1);
  });
});
