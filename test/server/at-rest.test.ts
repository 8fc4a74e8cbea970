/**
 * What the reference server's database holds after a booking (issue 11, QUALITY S4): no manage
 * token (only its hash), no Idempotency-Key, and nothing the seeker typed (name, email, age,
 * note), in any table, the idempotency records included. Read straight from PostgreSQL, as
 * someone with a backup would.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { scratchDatabase, startServer } from '../../scripts/bench-server.mjs';
import type { Slot } from '../../src/api/schemas.js';
import { otherSeekersRequest } from '../support/booking-fixtures.js';

const databaseUrl = process.env['DATABASE_URL'];

describe(
  'the database after a booking',
  { skip: databaseUrl ? false : 'set DATABASE_URL to a PostgreSQL server (.ci/run does)' },
  () => {
    let db: Awaited<ReturnType<typeof scratchDatabase>>;
    let server: Awaited<ReturnType<typeof startServer>>;
    before(async () => {
      db = await scratchDatabase(databaseUrl!, 'at_rest');
      server = await startServer({ DATABASE_URL: db.url });
    });
    after(async () => {
      await server?.stop();
      await db?.drop();
    });

    it('holds no manage token, no Idempotency-Key and nothing the seeker typed', async () => {
      const next = await fetch(`${server.origin}/api/slots/next`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ lengthMinutes: 60 }),
      });
      const { slot } = (await next.json()) as { slot: Slot };
      const key = randomUUID();
      const request = otherSeekersRequest(slot, {
        seeker: { name: 'Quinn Marlowe', email: 'quinn.marlowe@example.org', state: 'CA', age: 27 },
        note: 'I would like to talk about my sister',
      });
      const send = () =>
        fetch(`${server.origin}/api/bookings`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
          body: JSON.stringify(request),
        });
      const first = await send();
      assert.equal(first.status, 201);
      const created = (await first.json()) as { id: string; manageToken: string };
      // The key's answer is kept (a retry gets it, token included) ...
      const retry = await send();
      assert.equal(
        ((await retry.json()) as { manageToken: string }).manageToken,
        created.manageToken,
      );

      // ... and yet no table holds it in a form anyone could use or read.
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const { rows: tables } = await client.query<{ name: string }>(
          "select tablename as name from pg_tables where schemaname = 'public'",
        );
        assert.ok(
          tables.some((t) => t.name === 'idempotency_keys'),
          'the key table exists',
        );
        const secrets = {
          'manage token': created.manageToken,
          'Idempotency-Key': key,
          name: 'Quinn Marlowe',
          email: 'quinn.marlowe@example.org',
          note: 'talk about my sister',
        };
        for (const { name } of tables) {
          const { rows } = await client.query<{ dump: string | null }>(
            `select string_agg(t::text, E'\\n') as dump from "${name}" t`,
          );
          const dump = rows[0]?.dump ?? '';
          for (const [what, secret] of Object.entries(secrets)) {
            assert.ok(!dump.includes(secret), `table ${name} holds the ${what}`);
          }
        }
      } finally {
        await client.end();
      }
    });
  },
);
