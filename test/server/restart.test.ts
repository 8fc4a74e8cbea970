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

it('keeps a booking across a restart on the same PGlite folder', { timeout: 120_000 }, async () => {
  let server = await startServer(env());
  let created: { id: string; manageToken: string; supporterId: string; start: string };
  try {
    const next = await fetch(`${server.origin}/api/slots/next`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ lengthMinutes: 60, states: ['WA'] }),
    });
    const { slot } = (await next.json()) as { slot: Slot };
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
    created = (await booked.json()) as typeof created;
  } finally {
    await server.stop();
  }

  server = await startServer(env());
  try {
    const read = await fetch(`${server.origin}/api/bookings/${created.id}`, {
      headers: { 'X-Manage-Token': created.manageToken },
    });
    assert.equal(read.status, 200);
    const booking = (await read.json()) as { id: string; status: string; start: string };
    assert.deepEqual(
      { id: booking.id, status: booking.status, start: Date.parse(booking.start) },
      { id: created.id, status: 'requested', start: Date.parse(created.start) },
    );
    const slots = await fetch(
      `${server.origin}/api/supporters/${created.supporterId}/slots?lengthMinutes=60`,
    );
    const { slots: open } = (await slots.json()) as { slots: { start: string }[] };
    assert.ok(
      !open.some((s) => Date.parse(s.start) === Date.parse(created.start)),
      'the booked slot is not offered again',
    );
  } finally {
    await server.stop();
  }
});
