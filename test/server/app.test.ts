/**
 * The reference server's HTTP shell (demo/server/app.ts) with test doubles for the API and the
 * control surface: CORS, the size limit, rate limits, security headers, admin, health, the
 * contract's error bodies, and logs that keep nothing a seeker sent.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorBodySchema } from '../../src/api/schemas.js';
import { programVariants } from '../../src/mocks/data.js';
import { ADMIN_TOKEN, PARTNER, from, harness } from './doubles.js';

const json = { 'Content-Type': 'application/json' };
const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

/** The contract's error body, checked against its schema; its code. */
async function errorCode(response: Response): Promise<string> {
  const parsed = ErrorBodySchema.safeParse(await response.json());
  assert.ok(parsed.success, 'the body is the contract error body');
  return parsed.data.error.code;
}

function corsHeaders(response: Response): string[] {
  return [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));
}

describe('CORS', () => {
  it('answers a configured origin, exposing Retry-After', async () => {
    const { app } = harness();
    const response = await app.request('/api/program', { headers: { Origin: PARTNER } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), PARTNER);
    assert.match(response.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
    assert.match(response.headers.get('vary') ?? '', /Origin/);
  });

  it('sends no CORS header at all to another origin', async () => {
    const { app } = harness();
    const response = await app.request('/api/program', {
      headers: { Origin: 'https://evil.example' },
    });
    assert.equal(response.status, 200);
    assert.deepEqual(corsHeaders(response), []);
    assert.match(response.headers.get('vary') ?? '', /Origin/);
  });

  it('allows the contract headers in a preflight from a configured origin', async () => {
    const { app, handled } = harness();
    const response = await app.request('/api/bookings', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://other-partner.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,idempotency-key',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(
      response.headers.get('access-control-allow-origin'),
      'https://other-partner.example',
    );
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
    const allowed = (response.headers.get('access-control-allow-headers') ?? '')
      .toLowerCase()
      .split(',');
    for (const header of ['content-type', 'idempotency-key', 'x-manage-token', 'accept-language']) {
      assert.ok(allowed.includes(header), `${header} is allowed`);
    }
    assert.deepEqual(handled, [], 'a preflight never reaches the API');
  });

  it('refuses a preflight from another origin: no CORS header, nothing handled', async () => {
    const { app, handled } = harness();
    const response = await app.request('/api/bookings', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    assert.deepEqual(corsHeaders(response), []);
    assert.deepEqual(handled, []);
  });

  it('is not offered on the admin routes', async () => {
    const { app } = harness();
    const response = await app.request('/admin/bookings', {
      headers: { ...admin, Origin: PARTNER },
    });
    assert.equal(response.status, 200);
    assert.deepEqual(corsHeaders(response), []);
  });
});

describe('the request size limit', () => {
  const big = JSON.stringify({ note: 'x'.repeat(16 * 1024) });

  it('answers 413 with the contract body, before the API reads it', async () => {
    const { app, handled } = harness();
    const response = await app.request('/api/bookings', {
      method: 'POST',
      headers: { ...json, Origin: PARTNER },
      body: big,
    });
    assert.equal(response.status, 413);
    assert.equal(await errorCode(response), 'invalid-request');
    assert.equal(response.headers.get('access-control-allow-origin'), PARTNER);
    assert.deepEqual(handled, []);
  });

  it('counts a streamed body without Content-Length too', async () => {
    const { app, handled } = harness();
    const bytes = new TextEncoder().encode(big);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 1024) controller.enqueue(bytes.slice(i, i + 1024));
        controller.close();
      },
    });
    const request = new Request('http://localhost/api/bookings', {
      method: 'POST',
      headers: json,
      body,
      duplex: 'half',
    } as RequestInit);
    assert.equal(request.headers.has('content-length'), false);
    const response = await app.request(request);
    assert.equal(response.status, 413);
    assert.deepEqual(handled, []);
  });

  it('lets a body within the limit through, readable by the API', async () => {
    const { app } = harness();
    const response = await app.request('/api/bookings', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ seeker: { name: 'Ada' }, note: 'x'.repeat(15 * 1024) }),
    });
    assert.equal(response.status, 201);
    assert.deepEqual(await response.json(), { id: 'bk-new', named: true });
  });

  it('applies BODY_LIMIT_BYTES', async () => {
    const { app } = harness({ env: { BODY_LIMIT_BYTES: '2048' } });
    const response = await app.request('/api/bookings', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ note: 'x'.repeat(3000) }),
    });
    assert.equal(response.status, 413);
  });
});

describe('rate limits on the POSTs', () => {
  const post = (path: string, address = '10.0.0.1', headers: Record<string, string> = {}) =>
    [
      path,
      { method: 'POST', headers: { ...json, ...headers }, body: '{}' },
      from(address),
    ] as const;

  it('answers 429 rate-limited with Retry-After once a client used its POSTs on a route', async () => {
    const { app, handled } = harness();
    for (let i = 0; i < 3; i++) {
      assert.equal((await app.request(...post('/api/bookings'))).status, 201);
    }
    const refused = await app.request(...post('/api/bookings', '10.0.0.1', { Origin: PARTNER }));
    assert.equal(refused.status, 429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `${retryAfter}`);
    assert.equal(await errorCode(refused), 'rate-limited');
    // A partner page can read the answer and its Retry-After.
    assert.equal(refused.headers.get('access-control-allow-origin'), PARTNER);
    assert.match(refused.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
    assert.equal(handled.length, 3, 'the refused request never reached the API');
  });

  it('counts each client address and each route apart, and never GETs', async () => {
    const { app } = harness();
    for (let i = 0; i < 3; i++) await app.request(...post('/api/bookings'));
    assert.equal((await app.request(...post('/api/bookings'))).status, 429);
    assert.equal((await app.request(...post('/api/bookings', '10.0.0.2'))).status, 201);
    assert.equal((await app.request(...post('/api/gift-cards'))).status, 201);
    for (let i = 0; i < 5; i++) {
      assert.equal((await app.request('/api/program', {}, from('10.0.0.1'))).status, 200);
    }
  });

  it('counts one route for every id in its path', async () => {
    const { app } = harness();
    for (const id of ['bk-1', 'bk-2', 'bk-3']) {
      await app.request(...post(`/api/bookings/${id}/cancellation`));
    }
    assert.equal((await app.request(...post('/api/bookings/bk-4/cancellation'))).status, 429);
  });

  it('are off with RATE_LIMIT_POSTS_PER_MINUTE=0', async () => {
    const { app } = harness({ env: { RATE_LIMIT_POSTS_PER_MINUTE: '0' } });
    for (let i = 0; i < 10; i++) {
      assert.equal((await app.request(...post('/api/bookings'))).status, 201);
    }
  });

  it('use the proxy’s X-Forwarded-For entry only with TRUST_PROXY', async () => {
    const trusting = harness({ env: { TRUST_PROXY: 'true' } }).app;
    const naive = harness().app;
    for (const app of [trusting, naive]) {
      for (let i = 0; i < 3; i++) {
        await app.request(
          ...post('/api/bookings', '10.0.0.9', { 'X-Forwarded-For': `1.1.1.${i}` }),
        );
      }
    }
    const next = post('/api/bookings', '10.0.0.9', { 'X-Forwarded-For': '1.1.1.7' });
    assert.equal((await trusting.request(...next)).status, 201, 'each forwarded client apart');
    assert.equal((await naive.request(...next)).status, 429, 'one proxy address for all');
  });
});

describe('security headers', () => {
  it('are on every answer; API answers are not stored', async () => {
    const { app } = harness();
    for (const path of ['/api/program', '/nowhere', '/healthz']) {
      const response = await app.request(path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer', path);
      assert.equal(response.headers.get('cache-control'), 'no-store', path);
      assert.match(response.headers.get('x-request-id') ?? '', /^[\w-]{8,}$/, path);
    }
  });
});

describe('admin', () => {
  it('refuses a missing, wrong or differently long token with 401', async () => {
    const { app, calls } = harness();
    for (const authorization of [
      undefined,
      `Bearer ${ADMIN_TOKEN.slice(0, -1)}x`,
      `Bearer ${ADMIN_TOKEN}x`,
      'Bearer ',
      ADMIN_TOKEN,
    ]) {
      const response = await app.request('/admin/bookings/bk-requested/confirm', {
        method: 'POST',
        headers: authorization === undefined ? {} : { Authorization: authorization },
      });
      assert.equal(response.status, 401, String(authorization));
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
    }
    assert.deepEqual(calls, []);
  });

  it('accepts, declines and cancels as the supporter, and records payments', async () => {
    const { app, calls } = harness();
    const actions: [string, string, string][] = [
      ['bk-requested', 'confirm', 'confirmBooking'],
      ['bk-requested', 'decline', 'declineBooking'],
      ['bk-confirmed', 'cancel', 'cancelAsSupporter'],
      ['bk-requested', 'paid', 'markPaid'],
    ];
    for (const [id, action, call] of actions) {
      const response = await app.request(`/admin/bookings/${id}/${action}`, {
        method: 'POST',
        headers: admin,
      });
      assert.equal(response.status, 200, action);
      assert.equal(((await response.json()) as { bookingId: string }).bookingId, id);
      assert.equal(calls.at(-1), `${call}(${id})`);
    }
  });

  it('answers 404 for an unknown booking and 409 where the change does not apply', async () => {
    const { app } = harness();
    const unknown = await app.request('/admin/bookings/bk-unknown/confirm', {
      method: 'POST',
      headers: admin,
    });
    assert.equal(unknown.status, 404);
    assert.equal(await errorCode(unknown), 'not-found');
    const done = await app.request('/admin/bookings/bk-confirmed/confirm', {
      method: 'POST',
      headers: admin,
    });
    assert.equal(done.status, 409);
  });

  it('lists bookings, marks a gift card paid and tells its emailed code', async () => {
    const { app, calls } = harness();
    const list = await app.request('/admin/bookings', { headers: admin });
    assert.deepEqual(
      ((await list.json()) as { bookings: { id: string }[] }).bookings.map((b) => b.id),
      ['bk-requested', 'bk-confirmed'],
    );
    const paid = await app.request('/admin/gift-cards/gp-1/paid', {
      method: 'POST',
      headers: admin,
    });
    assert.deepEqual(await paid.json(), { purchaseId: 'gp-1', paid: true });
    const code = await app.request('/admin/gift-cards/gp-1/code', { headers: admin });
    assert.deepEqual(await code.json(), { purchaseId: 'gp-1', code: 'ABCD-EFGH-JKLM-NPQR' });
    const unknown = await app.request('/admin/gift-cards/gp-9/code', { headers: admin });
    assert.equal(unknown.status, 404);
    assert.deepEqual(calls, ['markGiftCardPaid(gp-1)', 'emailedCode(gp-1)', 'emailedCode(gp-9)']);
  });

  it('resets the data and sets the clock', async () => {
    const { app, calls, deps } = harness();
    const reset = await app.request('/admin/reset', { method: 'POST', headers: admin });
    assert.equal(reset.status, 200);
    assert.deepEqual(calls, ['reset()']);

    const set = (body: string) =>
      app.request('/admin/clock', { method: 'POST', headers: { ...admin, ...json }, body });
    const fixed = await set('{"now":"2026-03-08T09:30:00-08:00"}');
    assert.deepEqual(await fixed.json(), { now: '2026-03-08T17:30:00.000Z', fixed: true });
    assert.equal(deps.clock.now().toISOString(), '2026-03-08T17:30:00.000Z');
    const shown = await app.request('/admin/clock', { headers: admin });
    assert.deepEqual(await shown.json(), { now: '2026-03-08T17:30:00.000Z' });

    for (const bad of ['{"now":"2026-03-08T09:30:00"}', '{"now":"yesterday"}', '{}', 'nope']) {
      const refused = await set(bad);
      assert.equal(refused.status, 400, bad);
      assert.equal(deps.clock.now().toISOString(), '2026-03-08T17:30:00.000Z');
    }

    const real = await set('{"now":null}');
    assert.equal(((await real.json()) as { fixed: boolean }).fixed, false);
    assert.notEqual(deps.clock.now().toISOString(), '2026-03-08T17:30:00.000Z');
  });

  it('serves another program (the contract suite’s setProgram), refusing one that is not', async () => {
    const { app, calls } = harness();
    const send = (body: string) =>
      app.request('/admin/program', { method: 'POST', headers: { ...admin, ...json }, body });
    const served = await send(JSON.stringify(programVariants.fixed));
    assert.equal(served.status, 200);
    assert.deepEqual(calls, [`setProgram(${programVariants.fixed.id})`]);
    const refused = await send(JSON.stringify({ ...programVariants.fixed, pricing: 'free' }));
    assert.equal(refused.status, 400);
    const body = ErrorBodySchema.parse(await refused.json());
    assert.ok(body.error.fieldErrors?.some((error) => error.field.startsWith('pricing')));
    assert.equal(calls.length, 1);
  });

  it('reset also forgets the rate-limit counts', async () => {
    const { app } = harness();
    const post = () =>
      app.request('/api/bookings', { method: 'POST', headers: json, body: '{}' }, from('10.0.0.1'));
    for (let i = 0; i < 3; i++) await post();
    assert.equal((await post()).status, 429);
    await app.request('/admin/reset', { method: 'POST', headers: admin });
    assert.equal((await post()).status, 201);
  });

  it('does not exist without ADMIN_TOKEN', async () => {
    const { app, calls } = harness({ env: { ADMIN_TOKEN: '' } });
    const response = await app.request('/admin/reset', { method: 'POST', headers: admin });
    assert.equal(response.status, 404);
    assert.equal(await errorCode(response), 'not-found');
    assert.deepEqual(calls, []);
  });
});

describe('health and readiness', () => {
  it('/healthz answers 200 while the process runs', async () => {
    const { app } = harness({ ready: async () => false });
    assert.equal((await app.request('/healthz')).status, 200);
  });

  it('/readyz answers 200 when the storage is ready, 503 when not or when it fails', async () => {
    assert.equal((await harness().app.request('/readyz')).status, 200);
    assert.equal((await harness({ ready: async () => false }).app.request('/readyz')).status, 503);
    const failing = harness({
      ready: async () => {
        throw new Error('connect ECONNREFUSED');
      },
    });
    assert.equal((await failing.app.request('/readyz')).status, 503);
  });
});

describe('portraits', () => {
  it('serves a supporter’s SVG, and 404 for anything else', async () => {
    const { app } = harness();
    const found = await app.request('/mock-portraits/sup-001.svg');
    assert.equal(found.status, 200);
    assert.equal(found.headers.get('content-type'), 'image/svg+xml');
    assert.match(await found.text(), /^<svg/);
    for (const path of ['/mock-portraits/sup-999.svg', '/mock-portraits/sup-001.png']) {
      assert.equal((await app.request(path)).status, 404, path);
    }
  });
});

describe('the contract’s error bodies', () => {
  it('404 not-found for unknown paths, outside and inside the API', async () => {
    const { app } = harness();
    for (const path of ['/nowhere', '/api/nowhere', '/api']) {
      const response = await app.request(path);
      assert.equal(response.status, 404, path);
      assert.equal(await errorCode(response), 'not-found', path);
    }
  });

  it('500 internal for an unhandled error, which stays in the log by name only', async () => {
    const h = harness();
    const response = await h.app.request('/api/boom', { headers: { Origin: PARTNER } });
    assert.equal(response.status, 500);
    const text = await response.clone().text();
    assert.equal(await errorCode(response), 'internal');
    assert.doesNotMatch(text, /ada\.lovelace|duplicate key|Error/);
    assert.equal(response.headers.get('access-control-allow-origin'), PARTNER);
    const logged = h.logs.find((line) => line.msg === 'unhandled error');
    assert.ok(logged, 'the error is logged');
    assert.equal((logged.error as { name: string }).name, 'Error');
    assert.doesNotMatch(h.lines.join('\n'), /ada\.lovelace|duplicate key/);
  });
});

describe('operation failures', () => {
  it('are logged with the request id, by name only, and answered 500', async () => {
    const h = harness();
    const response = await h.app.request('/api/failed', { method: 'GET' });
    assert.equal(response.status, 500);
    const logged = h.logs.find((line) => line.msg === 'operation failed');
    assert.ok(logged, 'the failure is logged');
    assert.equal(logged.requestId, response.headers.get('x-request-id'));
    assert.equal((logged.error as { name: string }).name, 'Error');
    assert.doesNotMatch(h.lines.join('\n'), /ada\.lovelace/);
  });
});

describe('logs', () => {
  it('one line per request: method, route template, status, duration, request id', async () => {
    const h = harness();
    const response = await h.app.request('/api/bookings/bk-12345?lang=es', {
      headers: { 'X-Manage-Token': 'tok-secret' },
    });
    const requests = h.logs.filter((line) => line.msg === 'request');
    assert.equal(requests.length, 1);
    const [line] = requests;
    assert.equal(line!.method, 'GET');
    assert.equal(line!.route, '/api/bookings/{bookingId}');
    assert.equal(line!.status, 200);
    assert.equal(typeof line!.durationMs, 'number');
    assert.equal(line!.requestId, response.headers.get('x-request-id'));
  });

  it('keep nothing of what a seeker sent: no name, email, age, gift code, token or query', async () => {
    const h = harness({ env: { RATE_LIMIT_POSTS_PER_MINUTE: '1' } });
    const secrets = {
      name: 'Zephyrine Quillfeather',
      email: 'zephyrine.q@example.org',
      giftCode: 'GIFT-ZQXW-7788-PLMN',
      token: 'mt_8f3a9c2e71d04b5aa6e1',
      query: 'qv-unique-7781',
      notes: 'I have been feeling low since March',
    };
    const booking = JSON.stringify({
      supporterId: 'sup-001',
      seeker: { name: secrets.name, email: secrets.email, age: 47, state: 'OR' },
      giftCode: secrets.giftCode,
      notes: secrets.notes,
    });
    const send = (path: string, body: string) =>
      h.app.request(path, {
        method: 'POST',
        headers: { ...json, 'Idempotency-Key': secrets.token, 'X-Manage-Token': secrets.token },
        body,
      });
    assert.equal((await send(`/api/bookings?q=${secrets.query}`, booking)).status, 201);
    assert.equal((await send('/api/bookings', booking)).status, 429);
    const padded = JSON.stringify({ ...JSON.parse(booking), pad: 'x'.repeat(20_000) });
    assert.equal((await send('/api/gift-cards/lookup', padded)).status, 413);
    await send('/api/gift-cards/lookup', JSON.stringify({ code: secrets.giftCode }));
    await h.app.request(`/api/boom?email=${secrets.email}`, {
      method: 'POST',
      headers: json,
      body: booking,
    });
    await h.app.request(`/admin/gift-cards/gp-1/code`, { headers: admin });

    assert.ok(h.lines.length >= 6);
    const all = h.lines.join('\n');
    for (const [what, value] of Object.entries(secrets)) {
      assert.ok(!all.includes(value), `no ${what} in the logs`);
    }
    assert.ok(!all.includes('ABCD-EFGH-JKLM-NPQR'), 'no emailed code in the logs');
    assert.ok(!all.includes('Zephyrine'), 'not even part of the name');
    for (const line of h.logs) {
      assert.deepEqual(
        Object.keys(line).filter((key) => /age|seeker|body|query|header/i.test(key)),
        [],
        JSON.stringify(line),
      );
    }
  });
});
