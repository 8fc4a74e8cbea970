/**
 * The reference server's storage (demo/server/db/storage.ts): what the database decides when
 * writes race (one active booking per supporter time, a gift balance never below zero, one answer
 * per Idempotency-Key), and that a transaction keeps nothing when it fails. The same cases run on
 * PGlite in memory and, where `DATABASE_URL` names a PostgreSQL server (`.ci/run` starts one), on
 * PostgreSQL, in a scratch database of its own beside that one (`<name>_storage`).
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import pg from 'pg';
import type {
  IdempotencyRecord,
  Storage,
  StoredBooking,
  StoredGiftCard,
} from '../../src/backend/storage.js';
import { createSeedSupporters, seedGiftCards } from '../../src/mocks/data.js';
import {
  openSqlStorage,
  type SqlStorage,
  type SqlStorageOptions,
} from '../../demo/server/db/storage.js';
import { scratchDatabase } from '../../scripts/bench-server.mjs';

const databaseUrl = process.env['DATABASE_URL'] || undefined;

if (!databaseUrl) {
  console.log('PostgreSQL: skipped, DATABASE_URL is not set (.ci/run sets it); PGlite only');
}

const SUPPORTER = 'sup-001';
const OTHER_SUPPORTER = 'sup-002';
const MINUTE = 60_000;
/** A Monday evening, far from any seeded data. */
const BASE = Date.parse('2030-03-04T18:00:00.000Z');

const at = (minutes: number) => new Date(BASE + minutes * MINUTE).toISOString();

let ids = 0;

/** A booking as the service would store it, `minutes` after BASE for `length` minutes. */
function bookingAt(
  minutes: number,
  length: 30 | 60,
  options: { id?: string; supporterId?: string; status?: StoredBooking['booking']['status'] } = {},
): StoredBooking {
  const id = options.id ?? `bkg-test-${++ids}`;
  return {
    booking: {
      id,
      status: options.status ?? 'requested',
      supporterId: options.supporterId ?? SUPPORTER,
      start: at(minutes),
      end: at(minutes + length),
      lengthMinutes: length,
      modality: 'video',
      payment: { kind: 'free', status: 'not-required', amount: { amount: 0, currency: 'USD' } },
      freeCancellationUntil: at(minutes - 24 * 60),
      createdAt: at(-7 * 24 * 60),
    },
    tokenHash: `hash-of-${id}`,
  };
}

function withStatus(
  stored: StoredBooking,
  status: StoredBooking['booking']['status'],
): StoredBooking {
  return { ...stored, booking: { ...stored.booking, status } };
}

function moved(stored: StoredBooking, minutes: number, length: 30 | 60 = 60): StoredBooking {
  return {
    ...stored,
    booking: { ...stored.booking, start: at(minutes), end: at(minutes + length) },
  };
}

const card = (code: string, sessions: number): StoredGiftCard => ({
  code,
  lengthMinutes: 60,
  sessionsTotal: sessions,
  sessionsRemaining: sessions,
  paid: true,
});

const record = (fingerprint: string, id: string): IdempotencyRecord => ({
  fingerprint,
  answer: { status: 201, body: { id, status: 'requested' } },
});

interface Deferred<T = void> {
  promise: Promise<T>;
  resolve(value: T): void;
}

function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Matches a database error raised by the constraint `name` (Drizzle wraps it as `cause`). */
function violates(name: string) {
  return (error: unknown) => {
    for (let e = error; e instanceof Object; e = (e as { cause?: unknown }).cause) {
      if ((e as { constraint?: unknown }).constraint === name) return true;
    }
    return false;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds, polling; fails after `ms`. */
async function until(check: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

interface Backend {
  name: 'PGlite' | 'PostgreSQL';
  /** Opens a storage on this backend's database (a new in-memory one each time on PGlite). */
  open(options?: SqlStorageOptions): Promise<SqlStorage>;
  /** On PostgreSQL, how many of the database's sessions wait for a lock right now. */
  waitingForLocks?(): Promise<number>;
  setUp?(): Promise<void>;
  tearDown?(): Promise<void>;
}

const pglite: Backend = { name: 'PGlite', open: (options) => openSqlStorage(options) };

function postgres(url: string): Backend {
  let db: Awaited<ReturnType<typeof scratchDatabase>> | undefined;
  let watcher: pg.Client | undefined;
  return {
    name: 'PostgreSQL',
    open: (options) => openSqlStorage({ ...options, databaseUrl: db!.url }),
    async waitingForLocks() {
      const { rows } = await watcher!.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return rows[0]!.n;
    },
    async setUp() {
      db = await scratchDatabase(url, 'storage');
      watcher = new pg.Client({ connectionString: db.url });
      await watcher.connect();
    },
    async tearDown() {
      await watcher?.end();
      await db?.drop();
    },
  };
}

const backends: Backend[] = [pglite];
if (databaseUrl) backends.push(postgres(databaseUrl));

describe('storage on PostgreSQL', { skip: databaseUrl ? false : 'DATABASE_URL is not set' }, () => {
  it('runs the cases below on PostgreSQL as well as on PGlite', () => {
    assert.equal(backends.length, 2);
  });
});

for (const backend of backends) {
  describe(`storage on ${backend.name}`, () => {
    let storage: SqlStorage;

    before(async () => {
      await backend.setUp?.();
      storage = await backend.open();
    });
    after(async () => {
      await storage?.close();
      await backend.tearDown?.();
    });
    beforeEach(() => storage.reset());

    it('is ready, and seeded with the mock generator', async () => {
      assert.equal(await storage.ready(), true);
      assert.deepEqual(await storage.supporters(), createSeedSupporters());
      assert.deepEqual(
        await storage.giftCodes(),
        seedGiftCards.map((seed) => seed.code),
      );
      assert.deepEqual(await storage.giftCard('gift-used-2025-0000'), {
        code: 'GIFT-USED-2025-0000',
        lengthMinutes: 60,
        sessionsTotal: 2,
        sessionsRemaining: 0,
        usedUpAt: '2025-11-20T10:00:00-05:00',
        paid: true,
      });
      assert.equal(await storage.giftCard('NONE-NONE-NONE-NONE'), undefined);
    });

    it('refuses an overlapping booking with slot-taken, and writes nothing for it', async () => {
      const hour = bookingAt(0, 60);
      const result = await storage.transaction(async (tx) => [
        await tx.insertBooking(hour),
        await tx.insertBooking(bookingAt(30, 60)),
        // 30 minutes inside the hour.
        await tx.insertBooking(bookingAt(15, 30)),
        // Starting as the hour ends: [start, end) ranges only touch.
        await tx.insertBooking(bookingAt(60, 60, { id: 'bkg-next' })),
        await tx.insertBooking(bookingAt(0, 60, { id: 'bkg-other', supporterId: OTHER_SUPPORTER })),
      ]);
      assert.deepEqual(result, ['ok', 'slot-taken', 'slot-taken', 'ok', 'ok']);
      // The refusals left the transaction usable: what was accepted was committed.
      assert.deepEqual(
        (await storage.bookings()).map((stored) => stored.booking.id),
        [hour.booking.id, 'bkg-next', 'bkg-other'],
      );
      assert.deepEqual(await storage.booking(hour.booking.id), hour);
    });

    it('refuses a booking whose id exists with id-taken', async () => {
      const first = bookingAt(0, 60, { id: 'bkg-same' });
      assert.equal(await storage.transaction((tx) => tx.insertBooking(first)), 'ok');
      const again = bookingAt(180, 60, { id: 'bkg-same' });
      assert.equal(await storage.transaction((tx) => tx.insertBooking(again)), 'id-taken');
      assert.deepEqual(await storage.booking('bkg-same'), first);
    });

    it('frees the time of a cancelled or declined booking', async () => {
      const cancelled = bookingAt(0, 60);
      const declined = bookingAt(120, 60);
      await storage.transaction(async (tx) => {
        await tx.insertBooking(cancelled);
        await tx.insertBooking(declined);
      });
      assert.equal(
        await storage.transaction((tx) => tx.insertBooking(bookingAt(0, 30))),
        'slot-taken',
      );
      await storage.transaction(async (tx) => {
        assert.equal(await tx.updateBooking(withStatus(cancelled, 'cancelled')), 'ok');
        assert.equal(await tx.updateBooking(withStatus(declined, 'declined')), 'ok');
      });
      const results = await storage.transaction(async (tx) => [
        await tx.insertBooking(bookingAt(0, 30)),
        await tx.insertBooking(bookingAt(120, 60)),
      ]);
      assert.deepEqual(results, ['ok', 'ok']);
    });

    it('refuses a reschedule onto another active booking with slot-taken', async () => {
      const first = bookingAt(0, 60);
      const second = bookingAt(120, 60);
      await storage.transaction(async (tx) => {
        await tx.insertBooking(first);
        await tx.insertBooking(second);
      });
      const onto = await storage.transaction((tx) => tx.updateBooking(moved(second, 30)));
      assert.equal(onto, 'slot-taken');
      assert.deepEqual(await storage.booking(second.booking.id), second);

      assert.equal(await storage.transaction((tx) => tx.updateBooking(moved(second, 240))), 'ok');
      assert.deepEqual(await storage.booking(second.booking.id), moved(second, 240));
      assert.deepEqual(
        await storage.activeSpans({
          supporterId: SUPPORTER,
          fromMs: BASE,
          toMs: BASE + 600 * MINUTE,
        }),
        [
          {
            bookingId: first.booking.id,
            supporterId: SUPPORTER,
            startMs: BASE,
            endMs: BASE + 60 * MINUTE,
          },
          {
            bookingId: second.booking.id,
            supporterId: SUPPORTER,
            startMs: BASE + 240 * MINUTE,
            endMs: BASE + 300 * MINUTE,
          },
        ],
      );
    });

    it('answers active spans overlapping a range, of one supporter or all', async () => {
      const mine = bookingAt(0, 60);
      const theirs = bookingAt(30, 30, { supporterId: OTHER_SUPPORTER });
      const gone = bookingAt(120, 60, { status: 'cancelled' });
      const later = bookingAt(24 * 60, 60);
      await storage.transaction(async (tx) => {
        for (const stored of [mine, theirs, gone, later]) await tx.insertBooking(stored);
      });
      const span = (stored: StoredBooking) => stored.booking.id;
      const spans = async (query: Parameters<Storage['activeSpans']>[0]) =>
        (await storage.activeSpans(query)).map((s) => s.bookingId);

      assert.deepEqual(await spans({ fromMs: BASE, toMs: BASE + 240 * MINUTE }), [
        span(mine),
        span(theirs),
      ]);
      assert.deepEqual(
        await spans({ supporterId: OTHER_SUPPORTER, fromMs: BASE, toMs: BASE + 240 * MINUTE }),
        [span(theirs)],
      );
      // [from, to) against [start, end): touching is not overlapping.
      assert.deepEqual(
        await spans({ fromMs: BASE + 60 * MINUTE, toMs: BASE + 24 * 60 * MINUTE }),
        [],
      );
      assert.deepEqual(await spans({ fromMs: BASE + 10 * MINUTE, toMs: BASE + 20 * MINUTE }), [
        span(mine),
      ]);
      assert.deepEqual(await spans({ fromMs: BASE + 59 * MINUTE, toMs: BASE + 60 * MINUTE }), [
        span(mine),
        span(theirs),
      ]);
      assert.deepEqual(await spans({ fromMs: BASE, toMs: BASE }), []);
    });

    it('makes exactly one of 50 concurrent bookings of one slot', async () => {
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          storage.transaction((tx) =>
            // Slightly different lengths and starts: all overlap the same hour.
            tx.insertBooking(i % 2 ? bookingAt(0, 60) : bookingAt(30, 30)),
          ),
        ),
      );
      assert.equal(results.filter((result) => result === 'ok').length, 1);
      assert.equal(results.filter((result) => result === 'slot-taken').length, 49);
      assert.equal((await storage.bookings()).length, 1);
    });

    it('gives the 3 sessions of a card to 3 of 20 concurrent takers, never going below zero', async () => {
      await storage.transaction((tx) => tx.insertGiftCard(card('RACE-RACE-RACE-0003', 3)));
      const taken = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          storage.transaction((tx) => tx.takeGiftSession('race-race-race-0003', at(i))),
        ),
      );
      const winners = taken.filter((result) => result !== undefined);
      assert.equal(winners.length, 3);
      assert.deepEqual(winners.map((won) => won.sessionsRemaining).sort(), [0, 1, 2]);
      const last = winners.find((won) => won.sessionsRemaining === 0)!;
      assert.ok(last.usedUpAt, 'the last session sets usedUpAt');
      assert.ok(
        winners
          .filter((won) => won.sessionsRemaining > 0)
          .every((won) => won.usedUpAt === undefined),
      );
      const after = await storage.giftCard('RACE-RACE-RACE-0003');
      assert.equal(after?.sessionsRemaining, 0);
      assert.equal(after?.usedUpAt, last.usedUpAt);
      assert.equal(
        await storage.transaction((tx) => tx.takeGiftSession('RACE-RACE-RACE-0003', at(99))),
        undefined,
      );
    });

    it('refuses a balance below zero or above the total (check constraint)', async () => {
      const code = 'GIFT-DEMO-2026-0003';
      const seeded = (await storage.giftCard(code))!;
      await assert.rejects(
        storage.transaction((tx) => tx.updateGiftCard({ ...seeded, sessionsRemaining: -1 })),
        violates('gift_cards_balance'),
      );
      await assert.rejects(
        storage.transaction((tx) => tx.updateGiftCard({ ...seeded, sessionsRemaining: 4 })),
        violates('gift_cards_balance'),
      );
      assert.deepEqual(await storage.giftCard(code), seeded);
    });

    it('gives a session back, never above the total, and clears usedUpAt', async () => {
      const back = await storage.transaction((tx) => tx.returnGiftSession('gift-used-2025-0000'));
      assert.deepEqual(back, {
        code: 'GIFT-USED-2025-0000',
        lengthMinutes: 60,
        sessionsTotal: 2,
        sessionsRemaining: 1,
        paid: true,
      });
      const full = await storage.transaction(async (tx) => {
        await tx.returnGiftSession('GIFT-USED-2025-0000');
        return tx.returnGiftSession('GIFT-USED-2025-0000');
      });
      assert.equal(full?.sessionsRemaining, 2);
      assert.equal(
        await storage.transaction((tx) => tx.returnGiftSession('NONE-NONE-NONE-NONE')),
        undefined,
      );
    });

    it('adds a card with its purchase, refusing a code or an id that exists', async () => {
      const bought: StoredGiftCard = {
        code: 'BUY0-BUY0-BUY0-0001',
        sessionsTotal: 2,
        sessionsRemaining: 2,
        paid: false,
        deliverOn: '2030-03-10',
        timeZone: 'America/Los_Angeles',
      };
      const purchase = {
        purchase: {
          id: 'gift-purchase-1',
          status: 'pending-payment' as const,
          sessions: 2,
          total: { amount: 9000, currency: 'USD' },
          deliverOn: '2030-03-10',
        },
        code: bought.code,
      };
      assert.equal(await storage.transaction((tx) => tx.insertGiftCard(bought, purchase)), 'ok');
      assert.equal(await storage.transaction((tx) => tx.insertGiftCard(bought)), 'id-taken');
      const other = { ...bought, code: 'BUY0-BUY0-BUY0-0002' };
      assert.equal(
        await storage.transaction((tx) =>
          tx.insertGiftCard(other, { ...purchase, code: other.code }),
        ),
        'id-taken',
      );
      // Nothing of a refused insert is kept: not the card either.
      assert.equal(await storage.giftCard(other.code), undefined);
      assert.deepEqual(await storage.giftCard(bought.code), bought);
      assert.deepEqual(await storage.purchase('gift-purchase-1'), purchase);
      assert.deepEqual(await storage.giftCodes(), [
        ...seedGiftCards.map((s) => s.code),
        bought.code,
      ]);

      const issued = { ...purchase, purchase: { ...purchase.purchase, status: 'issued' as const } };
      await storage.transaction(async (tx) => {
        await tx.updatePurchase(issued);
        await tx.updateGiftCard({ ...bought, paid: true });
      });
      assert.deepEqual(await storage.purchase('gift-purchase-1'), issued);
      assert.equal((await storage.giftCard(bought.code))?.paid, true);
    });

    it('keeps nothing of a transaction whose work throws, and throws its error on', async () => {
      const failure = new Error('the rules refused it');
      const booking = bookingAt(0, 60);
      await assert.rejects(
        storage.transaction(async (tx) => {
          assert.equal(await tx.insertBooking(booking), 'ok');
          assert.equal(
            (await tx.takeGiftSession('GIFT-DEMO-2026-0003', at(0)))?.sessionsRemaining,
            2,
          );
          assert.equal(await tx.claimKey('createBooking:thrown'), undefined);
          await tx.saveKey('createBooking:thrown', record('f', booking.booking.id));
          throw failure;
        }),
        (error) => error === failure,
      );
      assert.deepEqual(await storage.bookings(), []);
      assert.equal((await storage.giftCard('GIFT-DEMO-2026-0003'))?.sessionsRemaining, 3);
      assert.equal(
        await storage.transaction((tx) => tx.claimKey('createBooking:thrown')),
        undefined,
      );
    });

    it('never lets a transaction see another one’s uncommitted writes', async () => {
      const booking = bookingAt(0, 60);
      const written = deferred();
      const first = storage.transaction(async (tx) => {
        await tx.insertBooking(booking);
        written.resolve();
        await sleep(100);
        throw new Error('rolled back');
      });
      const rolledBack = assert.rejects(first, /rolled back/);
      await written.promise;
      const seen = await storage.transaction((tx) => tx.booking(booking.booking.id));
      await rolledBack;
      assert.equal(seen, undefined);
      assert.equal(await storage.booking(booking.booking.id), undefined);
    });

    it('answers a second claim of a scope with the first transaction’s saved record', async () => {
      const scope = 'createBooking:4b1f0b0e-0000-4000-8000-000000000001';
      const saved = record('fingerprint-1', 'bkg-claimed');
      const claimed = deferred();
      const release = deferred();
      const events: string[] = [];

      const first = storage.transaction(async (tx) => {
        assert.equal(await tx.claimKey(scope), undefined);
        claimed.resolve();
        await release.promise;
        await tx.saveKey(scope, saved);
        events.push('first saved');
      });
      await claimed.promise;
      const second = storage.transaction(async (tx) => {
        events.push('second started');
        const found = await tx.claimKey(scope);
        events.push('second claimed');
        return found;
      });

      if (backend.waitingForLocks) {
        // PostgreSQL: the second transaction runs, and its claim waits on the first's row.
        await until(async () => (await backend.waitingForLocks!()) > 0, 'the claim to wait');
        assert.deepEqual(events, ['second started']);
      } else {
        // PGlite: one transaction at a time; the second has not begun.
        await sleep(100);
        assert.deepEqual(events, []);
      }
      release.resolve();
      await first;
      assert.deepEqual(await second, saved);
      assert.equal(events.at(-1), 'second claimed');
      assert.ok(events.indexOf('first saved') < events.indexOf('second claimed'));
    });

    it('leaves a scope free when the transaction that claimed it rolls back', async () => {
      const scope = 'createBooking:4b1f0b0e-0000-4000-8000-000000000002';
      const claimed = deferred();
      const release = deferred();
      const first = storage.transaction(async (tx) => {
        assert.equal(await tx.claimKey(scope), undefined);
        await tx.saveKey(scope, record('fingerprint-2', 'bkg-rolled-back'));
        claimed.resolve();
        await release.promise;
        throw new Error('rolled back');
      });
      await claimed.promise;
      const second = storage.transaction(async (tx) => {
        const found = await tx.claimKey(scope);
        await tx.saveKey(scope, record('fingerprint-3', 'bkg-second'));
        return found;
      });
      if (backend.waitingForLocks) {
        await until(async () => (await backend.waitingForLocks!()) > 0, 'the claim to wait');
      }
      release.resolve();
      await assert.rejects(first, /rolled back/);
      assert.equal(await second, undefined, 'the second transaction holds the scope');
      assert.deepEqual(
        await storage.transaction((tx) => tx.claimKey(scope)),
        record('fingerprint-3', 'bkg-second'),
      );
    });

    it('releases a scope claimed by a transaction that commits without an answer', async () => {
      const scope = 'createBooking:4b1f0b0e-0000-4000-8000-000000000003';
      await storage.transaction(async (tx) => {
        assert.equal(await tx.claimKey(scope), undefined);
        // Claimed twice in one transaction: still this transaction's.
        assert.equal(await tx.claimKey(scope), undefined);
      });
      assert.equal(await storage.transaction((tx) => tx.claimKey(scope)), undefined);
    });

    it(
      'runs a transaction again when PostgreSQL aborts it to end a deadlock',
      { skip: backend.name === 'PGlite' && 'one transaction at a time: no deadlock to end' },
      async () => {
        const a = card('DEAD-LOCK-0000-000A', 5);
        const b = card('DEAD-LOCK-0000-000B', 5);
        await storage.transaction(async (tx) => {
          await tx.insertGiftCard(a);
          await tx.insertGiftCard(b);
        });
        // Each locks one card, waits for the other to lock the other, then takes it: a cycle.
        const locked = { a: deferred(), b: deferred() };
        let runs = 0;
        const crosswise = (
          first: StoredGiftCard,
          second: StoredGiftCard,
          mine: Deferred,
          theirs: Deferred,
        ) =>
          storage.transaction(async (tx) => {
            runs += 1;
            await tx.takeGiftSession(first.code, at(0));
            mine.resolve();
            await theirs.promise;
            await tx.takeGiftSession(second.code, at(0));
          });
        await Promise.all([
          crosswise(a, b, locked.a, locked.b),
          crosswise(b, a, locked.b, locked.a),
        ]);
        assert.equal(runs, 3, 'one of the two ran again');
        // Both committed once: two sessions off each card, not three.
        assert.equal((await storage.giftCard(a.code))?.sessionsRemaining, 3);
        assert.equal((await storage.giftCard(b.code))?.sessionsRemaining, 3);
      },
    );

    it(
      'refuses a call to the storage from inside its own transaction, but for supporters',
      // On PGlite a read on the storage's own connection would wait forever: a hang fails here.
      { timeout: 20_000 },
      async () => {
        await assert.rejects(
          storage.transaction(() => storage.bookings()),
          /use the transaction's own methods/,
        );
        // reset() (before each test) forgot the supporters: this reads them, inside the transaction.
        const counts = await storage.transaction(async (tx) => [
          (await storage.supporters()).length,
          (await tx.supporters()).length,
        ]);
        assert.deepEqual(counts, [64, 64]);
      },
    );

    it('goes back to the seed on reset', async () => {
      await storage.transaction(async (tx) => {
        await tx.insertBooking(bookingAt(0, 60, { id: 'bkg-before-reset' }));
        await tx.takeGiftSession('GIFT-DEMO-2026-0003', at(0));
        await tx.claimKey('createBooking:before-reset');
        await tx.saveKey('createBooking:before-reset', record('f', 'bkg-before-reset'));
        await tx.insertGiftCard(card('RSET-RSET-RSET-0001', 1));
      });
      await storage.reset();
      assert.deepEqual(await storage.bookings(), []);
      assert.deepEqual(
        await storage.giftCodes(),
        seedGiftCards.map((seed) => seed.code),
      );
      assert.equal((await storage.giftCard('GIFT-DEMO-2026-0003'))?.sessionsRemaining, 3);
      assert.equal(
        await storage.transaction((tx) => tx.claimKey('createBooking:before-reset')),
        undefined,
      );
      assert.equal((await storage.supporters()).length, 64);
    });

    it('purges saved Idempotency-Key records older than a cut-off, and only those', async () => {
      await storage.transaction(async (tx) => {
        await tx.claimKey('createBooking:kept-a-week');
        await tx.saveKey('createBooking:kept-a-week', record('f', 'bkg-kept'));
      });
      const claim = () => storage.transaction((tx) => tx.claimKey('createBooking:kept-a-week'));
      assert.equal(await storage.purgeKeys(new Date(Date.now() - 3600_000)), 0, 'a fresh record');
      assert.deepEqual(await claim(), record('f', 'bkg-kept'));
      assert.equal(await storage.purgeKeys(new Date(Date.now() + 60_000)), 1);
      assert.equal(await claim(), undefined, 'the scope is free again');
    });

    it('answers supporters at once inside a transaction while a read outside waits for it', async () => {
      // Just after a reset (or a start), as the first requests after a deploy: a search outside
      // any transaction asks for the supporters while a booking's transaction holds the
      // connection (PGlite's one, or the last of a pool), then the booking asks for them too.
      await storage.reset();
      const outside = deferred();
      const searched = outside.promise.then(() => storage.supporters());
      const inside = await storage.transaction(async (tx) => {
        await tx.claimKey('createBooking:cold-start');
        outside.resolve();
        await new Promise((resolve) => setTimeout(resolve, 50));
        const timeout = new Promise<'waited'>((resolve) => setTimeout(resolve, 3000, 'waited'));
        return Promise.race([storage.supporters().then((list) => list.length), timeout]);
      });
      assert.equal(inside, 64, 'the transaction got the supporters without waiting');
      assert.equal((await searched).length, 64);
    });
  });
}

describe('storage on a PGlite folder', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'peer-storage-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('keeps its data across close and reopen, seeding only once', async () => {
    const dataDir = join(dir, 'db');
    const supporters = createSeedSupporters(5, 7);
    const booking = bookingAt(0, 60, { supporterId: supporters[0]!.id });

    const first = await openSqlStorage({ dataDir, supporters });
    assert.equal(await first.transaction((tx) => tx.insertBooking(booking)), 'ok');
    await first.transaction((tx) => tx.takeGiftSession('GIFT-DEMO-2026-0003', at(0)));
    await first.close();
    assert.equal(await first.ready(), false);

    // Another seed would be ignored: the folder is not empty.
    const second = await openSqlStorage({ dataDir, supporters: createSeedSupporters(9, 3) });
    try {
      assert.deepEqual(await second.bookings(), [booking]);
      assert.deepEqual(await second.supporters(), supporters);
      assert.equal((await second.giftCard('GIFT-DEMO-2026-0003'))?.sessionsRemaining, 2);
    } finally {
      await second.close();
    }
  });
});

describe(
  'storage opened twice at once on one PostgreSQL database',
  { skip: databaseUrl ? false : 'DATABASE_URL is not set' },
  () => {
    let db: Awaited<ReturnType<typeof scratchDatabase>>;
    before(async () => {
      db = await scratchDatabase(databaseUrl!, 'storage_open');
    });
    after(() => db?.drop());

    it('migrates and seeds once, without error', async () => {
      const opened = await Promise.all([
        openSqlStorage({ databaseUrl: db.url }),
        openSqlStorage({ databaseUrl: db.url }),
        openSqlStorage({ databaseUrl: db.url }),
      ]);
      try {
        const client = new pg.Client({ connectionString: db.url });
        await client.connect();
        try {
          const migrations = await client.query('SELECT hash FROM drizzle.__drizzle_migrations');
          const journal = JSON.parse(
            await readFile(
              new URL('../../demo/server/db/migrations/meta/_journal.json', import.meta.url),
              'utf8',
            ),
          ) as { entries: unknown[] };
          assert.equal(migrations.rowCount, journal.entries.length);
          const supporters = await client.query('SELECT id FROM supporters');
          assert.equal(supporters.rowCount, 64);
        } finally {
          await client.end();
        }
        for (const storage of opened) assert.equal(await storage.ready(), true);
      } finally {
        await Promise.all(opened.map((storage) => storage.close()));
      }
    });
  },
);
