/**
 * `npm start`'s promise (issue 11): on the embedded PGlite, data survives a restart. A booking
 * made through the API of one server process is there, with its manage token, in the next process
 * started on the same folder, and its slot is no longer offered. The folder need not exist.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { startServer } from '../../scripts/bench-server.mjs';
import type { Slot } from '../../src/api/schemas.js';
import { otherSeekersRequest } from '../support/booking-fixtures.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'peer-restart-'));
});
after(() => rm(dir, { recursive: true, force: true }));

// A folder inside folders that do not exist yet, as `.data/pglite` on a fresh clone.
const env = () => ({ DATA_DIR: join(dir, 'data', 'pglite'), DATABASE_URL: '' });

const json = <T>(response: Response) => response.json() as Promise<T>;

it('keeps a booking across a restart on the same PGlite folder', { timeout: 120_000 }, async () => {
  let server = await startServer(env());
  let created: { id: string; manageToken: string; supporterId: string; start: string };
  let later: Slot[];
  try {
    const next = await fetch(`${server.origin}/api/slots/next`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ lengthMinutes: 60, states: ['WA'] }),
    });
    const { slot } = await json<{ slot: Slot }>(next);
    const booked = await fetch(`${server.origin}/api/bookings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: JSON.stringify(
        otherSeekersRequest(slot, {
          seeker: { name: 'Kai Lee', email: 'kai@example.org', state: 'WA', age: 22 },
        }),
      ),
    });
    assert.equal(booked.status, 201, await booked.clone().text());
    created = await json<typeof created>(booked);
    const slots = await fetch(
      `${server.origin}/api/supporters/${created.supporterId}/slots?lengthMinutes=60`,
    );
    later = (await json<{ slots: Slot[] }>(slots)).slots.slice(-2);
    assert.equal(later.length, 2, 'two later slots of the supporter');
  } finally {
    await server.stop();
  }

  server = await startServer(env());
  try {
    const { origin } = server;
    // At once after the start, as after a deploy: writes that read the supporters inside their
    // transaction, among searches. Each is answered (a cold cache once made them wait for ever).
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${origin}/api${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(20_000),
      }).then((r) => r.status);
    const statuses = await Promise.all([
      post(
        `/bookings/${created.id}/reschedule`,
        { slotStart: later[1]!.start },
        { 'X-Manage-Token': created.manageToken, 'Idempotency-Key': randomUUID() },
      ),
      post('/bookings', otherSeekersRequest(later[0]!), { 'Idempotency-Key': randomUUID() }),
      ...Array.from({ length: 10 }, () => post('/supporters/search', { limit: 5 })),
    ]);
    assert.ok(
      statuses.every((status) => status < 500),
      `every request answered without a server error: ${statuses.join(', ')}`,
    );

    // The booking is there, with its token: at its time, or at the one it was moved to.
    const read = await fetch(`${origin}/api/bookings/${created.id}`, {
      headers: { 'X-Manage-Token': created.manageToken },
    });
    assert.equal(read.status, 200);
    const booking = await json<{ id: string; status: string; start: string }>(read);
    assert.equal(booking.id, created.id);
    assert.equal(booking.status, 'requested');
    const start = Date.parse(booking.start);
    assert.ok([created.start, later[1]!.start].map(Date.parse).includes(start), booking.start);
    const slots = await fetch(
      `${origin}/api/supporters/${created.supporterId}/slots?lengthMinutes=60`,
    );
    const { slots: open } = await json<{ slots: Slot[] }>(slots);
    assert.ok(
      !open.some((s) => Date.parse(s.start) === start),
      'the booked slot is not offered again',
    );
  } finally {
    await server.stop();
  }
});
