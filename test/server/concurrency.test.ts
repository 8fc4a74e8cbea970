/**
 * Concurrency across processes (issue 11): two reference-server processes share one PostgreSQL
 * database, and 200 concurrent attempts to book one slot, spread over both, make exactly one
 * booking. Only the database can guarantee that (the exclusion constraint on a supporter's time
 * ranges, the idempotency key's row), so this runs where `DATABASE_URL` names a PostgreSQL server:
 * `.ci/run` starts one on loopback. It uses a database of its own beside that one.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scratchDatabase, startServer } from '../../scripts/bench-server.mjs';
import type { Slot } from '../../src/api/schemas.js';
import { otherSeekersRequest } from '../support/booking-fixtures.js';

const databaseUrl = process.env['DATABASE_URL'];
const ATTEMPTS = 200;
const ADMIN_TOKEN = 'concurrency-test-admin-token-0123456789abcdef';

interface Answer {
  status: number;
  text: string;
}

describe(
  `${ATTEMPTS} concurrent attempts on one slot, over two server processes and one PostgreSQL`,
  { skip: databaseUrl ? false : 'set DATABASE_URL to a PostgreSQL server (.ci/run does)' },
  () => {
    let db: Awaited<ReturnType<typeof scratchDatabase>>;
    let servers: Awaited<ReturnType<typeof startServer>>[] = [];

    before(async () => {
      db = await scratchDatabase(databaseUrl!, 'concurrency');
      const env = {
        DATABASE_URL: db.url,
        ADMIN_TOKEN,
        // The POST rate limit would refuse most of 200 attempts from one address: off here.
        RATE_LIMIT_POSTS_PER_MINUTE: '0',
      };
      // One after the other: the second meets a database the first has migrated and seeded.
      servers = [await startServer(env), await startServer(env)];
    });

    after(async () => {
      await Promise.all(servers.map((server) => server.stop()));
      await db?.drop();
    });

    const admin = async (origin: string, path: string) => {
      const response = await fetch(`${origin}/admin${path}`, {
        method: path === '/bookings' ? 'GET' : 'POST',
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      assert.equal(response.status, 200, `admin ${path}`);
      return response.json() as Promise<unknown>;
    };

    /** The soonest open 60-minute slot, as the API offers it. */
    async function openSlot(origin: string) {
      const response = await fetch(`${origin}/api/slots/next`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ lengthMinutes: 60, states: ['CA'] }),
      });
      assert.equal(response.status, 200);
      const { slot } = (await response.json()) as {
        slot: Slot | null;
      };
      assert.ok(slot, 'an open slot');
      return slot;
    }

    // One seeker's request for the slot, every attempt the same body.
    const request = (slot: Slot) => otherSeekersRequest(slot, { timeZone: 'America/Los_Angeles' });

    /** `ATTEMPTS` POSTs at once, alternating between the two processes. */
    async function race(body: unknown, key: (i: number) => string): Promise<Answer[]> {
      return Promise.all(
        Array.from({ length: ATTEMPTS }, async (_, i) => {
          const response = await fetch(`${servers[i % 2]!.origin}/api/bookings`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key(i) },
            body: JSON.stringify(body),
          });
          return { status: response.status, text: await response.text() };
        }),
      );
    }

    const count = (answers: Answer[], status: number) =>
      answers.filter((a) => a.status === status).length;

    async function bookingsAt(slot: { supporterId: string; start: string }) {
      const all = (await admin(servers[0]!.origin, '/bookings')) as {
        bookings: { supporterId: string; start: string; status: string }[];
      };
      return all.bookings.filter(
        (b) => b.supporterId === slot.supporterId && Date.parse(b.start) === Date.parse(slot.start),
      );
    }

    it('with a key each: exactly one 201, every other a 409 slot-taken, no 5xx', async () => {
      await admin(servers[0]!.origin, '/reset');
      const slot = await openSlot(servers[0]!.origin);
      const answers = await race(request(slot), () => randomUUID());

      assert.equal(count(answers, 201), 1, 'one booking made');
      assert.equal(count(answers, 409), ATTEMPTS - 1, 'the others told the slot is taken');
      for (const answer of answers.filter((a) => a.status === 409)) {
        assert.equal(
          (JSON.parse(answer.text) as { error: { code: string } }).error.code,
          'slot-taken',
        );
      }
      assert.equal((await bookingsAt(slot)).length, 1, 'one booking in the database');
    });

    it('with one key: one booking and 200 identical answers', async () => {
      await admin(servers[0]!.origin, '/reset');
      const slot = await openSlot(servers[1]!.origin);
      const key = randomUUID();
      const answers = await race(request(slot), () => key);

      assert.equal(count(answers, 201), ATTEMPTS, 'every attempt answered as the first was');
      assert.equal(new Set(answers.map((a) => a.text)).size, 1, 'one body, byte for byte');
      assert.equal((await bookingsAt(slot)).length, 1, 'one booking in the database');
    });
  },
);
