/**
 * The shared backend service in Node, where the reference server runs it: the TypeScript sources
 * of src/backend (loaded with tsx), over memory storage with the server's cryptographic tokens,
 * answering web-standard Requests through handleApiRequest. The browser tests cover the rules;
 * this covers what only Node can tell (its crypto.subtle, Response.json, structuredClone).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { URL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

// Node's own Fetch API classes, the ones the server's framework hands over.
const { Request } = globalThis;
const load = (path) => tsImport(new URL(path, import.meta.url).href, import.meta.url);
const { createBackend } = await load('../../src/backend/service.ts');
const { createMemoryStorage } = await load('../../src/backend/memory-storage.ts');
const { handleApiRequest } = await load('../../src/backend/http.ts');
const { cryptoTokens } = await load('../../src/backend/tokens.ts');
const { createSeedSupporters, referenceProgram, seedGiftCards } =
  await load('../../src/mocks/data.ts');

const NOW = new Date('2026-03-05T08:00:00-08:00');
const ORIGIN = 'http://127.0.0.1:8787';

function backend() {
  return createBackend({
    storage: createMemoryStorage({ supporters: createSeedSupporters(8), giftCards: seedGiftCards }),
    program: referenceProgram,
    now: () => NOW,
    tokens: cryptoTokens(),
  });
}

async function send(b, method, path, body, headers = {}) {
  const init = { method, headers: { 'Content-Type': 'application/json', ...headers } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await handleApiRequest(b, new Request(`${ORIGIN}/api${path}`, init), {
    baseUrl: '/api',
  });
  assert.ok(response, `${method} ${path} is an API route`);
  return { status: response.status, body: await response.json() };
}

describe('the backend service in Node', () => {
  it('books a slot once, hashes the manage token, and replays a key', async () => {
    const b = backend();
    const search = await send(b, 'POST', '/supporters/search', {
      states: ['CA'],
      lengthMinutes: 60,
    });
    assert.equal(search.status, 200);
    let slot;
    for (const item of search.body.items) {
      const profile = await send(b, 'GET', `/supporters/${item.id}`);
      if (!profile.body.modalities.includes('video')) continue;
      const slots = await send(b, 'GET', `/supporters/${item.id}/slots?lengthMinutes=60`);
      slot = slots.body.slots[0];
      if (slot) break;
    }
    assert.ok(slot, 'an open slot');
    const request = {
      supporterId: slot.supporterId,
      slotStart: slot.start,
      lengthMinutes: 60,
      modality: 'video',
      seeker: { name: 'Sam Seeker', email: 'sam@example.org', age: 22, state: 'CA' },
      policies: { notTherapy: true, cancellation: true, privacy: true },
      payment: { kind: 'sliding-scale', amount: 4500 },
      timeZone: 'America/New_York',
    };
    const [first, second] = await Promise.all([
      send(b, 'POST', '/bookings', request, { 'Idempotency-Key': 'a' }),
      send(b, 'POST', '/bookings', request, { 'Idempotency-Key': 'b' }),
    ]);
    assert.deepEqual([first.status, second.status].sort(), [201, 409]);
    const created = first.status === 201 ? first.body : second.body;
    assert.match(created.manageToken, /^[0-9a-f]{32}$/);
    const replay = await send(b, 'POST', '/bookings', request, {
      'Idempotency-Key': first.status === 201 ? 'a' : 'b',
    });
    assert.deepEqual(replay, { status: 201, body: created });
    const read = await send(b, 'GET', `/bookings/${created.id}`, undefined, {
      'X-Manage-Token': created.manageToken,
    });
    assert.equal(read.status, 200);
    assert.equal(read.body.id, created.id);
    const wrong = await send(b, 'GET', `/bookings/${created.id}`, undefined, {
      'X-Manage-Token': '0'.repeat(32),
    });
    assert.equal(wrong.status, 404);
    assert.equal((await b.bookings()).length, 1);
  });
});
