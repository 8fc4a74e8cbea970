/**
 * The reference server's `Storage` on PostgreSQL: embedded PGlite by default (in a folder on
 * disk, or in memory for tests), or a PostgreSQL server through `DATABASE_URL`. The same Drizzle
 * queries and the same migrations run on both; the database, not this code, decides what must
 * hold across server processes (one active booking per supporter time, a gift balance never below
 * zero, one answer per Idempotency-Key).
 *
 * Concurrency, as verified by test/server/storage.test.ts:
 * - PostgreSQL (a pool of connections, READ COMMITTED): transactions really run at once. Two
 *   overlapping bookings: the second insert waits for the first transaction, then fails on the
 *   exclusion constraint (23P01) if it committed. Two claims of one Idempotency-Key scope: the
 *   second `INSERT … ON CONFLICT DO NOTHING` waits on the first's uncommitted row, then finds the
 *   saved record (commit) or inserts its own (rollback).
 * - PGlite (one connection): PGlite's own transaction mutex runs one `transaction()` at a time,
 *   and queries outside a transaction wait for it too, so nothing interleaves on the connection.
 *   A PGlite folder is for one process at a time: several server processes need PostgreSQL.
 * - Inside a transaction, `booking`, `giftCard` and `purchase` lock the row they read until the
 *   end (SELECT … FOR UPDATE): a read-modify-write (a cancellation, a payment) in one process
 *   waits for the same in another, then reads the changed row.
 * - A transaction PostgreSQL aborts to end a deadlock (40P01) runs again, up to 3 times.
 *
 * Inside `transaction(work)`, `work` must use the `tx` it is given: a call to the storage itself
 * there throws (on PGlite it would wait forever for the transaction it runs in), except
 * `supporters()`, which never change and are read through the transaction. Updating a
 * booking, card or purchase that does not exist throws too: the service reads it first.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { SessionLength } from '../../../src/api/index.js';
import type {
  BookingSpan,
  IdempotencyRecord,
  InsertResult,
  Storage,
  StoredBooking,
  StoredGiftCard,
  StoredPurchase,
  Transaction,
} from '../../../src/backend/storage.js';
import type { SeedGiftCard, SupporterRecord } from '../../../src/mocks/data.js';
import { createSeedSupporters, seedGiftCards } from '../../../src/mocks/data.js';
import {
  ACTIVE_STATUSES,
  bookings,
  giftCards,
  idempotencyKeys,
  purchases,
  supporters,
} from './schema.js';

export interface SqlStorageOptions {
  /** A PostgreSQL server (`postgres://user:password@host:port/database`); absent: PGlite. */
  databaseUrl?: string;
  /** PGlite's folder, created if missing; data survives restarts. Absent: in memory. */
  dataDir?: string;
  /** The seed, written once into an empty database and again by `reset()`. */
  supporters?: readonly SupporterRecord[];
  giftCards?: readonly SeedGiftCard[];
  /** Connections in the pool (PostgreSQL only); default 10. */
  maxConnections?: number;
}

/** Both drivers' databases and transactions, as far as the queries here are concerned. */
type Db = PgDatabase<PgQueryResultHKT>;

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** One lock for migrating, seeding and resetting, so that two processes never do them at once. */
const setupLock = sql`hashtext('peer-support-widgets:storage-setup')`;

/** Rows per INSERT when seeding: far below PostgreSQL's 65,535 parameters. */
const SEED_CHUNK = 500;

/** Opens (and migrates, and seeds if empty) the server's storage. */
/** The server's storage: the one interface, and the upkeep only a database needs. */
export interface SqlStorage extends Storage {
  /**
   * Deletes the Idempotency-Key records saved before `before`; their number. The storage does it
   * itself every hour for records older than `KEY_RETENTION_MS`.
   */
  purgeKeys(before: Date): Promise<number>;
}

/** How long a key's record is kept: a week, well past the 24 hours the contract promises. */
export const KEY_RETENTION_MS = 7 * 24 * 3600_000;

export async function openSqlStorage(options: SqlStorageOptions = {}): Promise<SqlStorage> {
  const driver = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.maxConnections)
    : await openPglite(options.dataDir);
  const seed = {
    supporters: options.supporters ?? createSeedSupporters(),
    giftCards: options.giftCards ?? seedGiftCards,
  };
  try {
    await driver.setUp(async (db) => {
      await seedIfEmpty(db, seed);
    });
  } catch (error) {
    await driver.close();
    throw error;
  }
  const storage = createStorage(driver, seed);
  try {
    await storage.supporters();
  } catch (error) {
    await driver.close();
    throw error;
  }
  return storage;
}

// ---------------------------------------------------------------------------------------------
// Drivers: how to reach the database, migrate it and close it. Everything else is shared.

interface Driver {
  db: Db;
  /** Migrates, then runs `then`, holding the setup lock on one connection. */
  setUp(then: (db: Db) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

async function openPglite(dataDir: string | undefined): Promise<Driver> {
  // A fresh clone has no `.data/`: PGlite makes only the last folder of the path.
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, { extensions: { btree_gist } });
  const db = drizzlePglite({ client });
  return {
    db,
    // One connection and one process: the lock changes nothing here, and keeps the two drivers'
    // set-up the same.
    async setUp(then) {
      await db.execute(sql`select pg_advisory_lock(${setupLock})`);
      try {
        await migratePglite(db, { migrationsFolder });
        await then(db);
      } finally {
        await db.execute(sql`select pg_advisory_unlock(${setupLock})`);
      }
    },
    close: () => client.close(),
  };
}

async function openPostgres(databaseUrl: string, max = 10): Promise<Driver> {
  // A connection not had within 10 s is an error (a 500), never a request that hangs.
  const pool = new pg.Pool({ connectionString: databaseUrl, max, connectionTimeoutMillis: 10_000 });
  // An idle connection that fails (a server restart) must not crash the process: the pool drops
  // it and the next query opens another.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool });
  return {
    db,
    async setUp(then) {
      // A session lock lives on one connection: migrate and seed on that same connection, so
      // that a second process opening the database at the same moment waits, then finds the
      // migrations applied and the seed written.
      const connection = await pool.connect();
      let failed: Error | undefined;
      try {
        const locked = drizzlePg({ client: connection });
        await locked.execute(sql`select pg_advisory_lock(${setupLock})`);
        try {
          await migratePg(locked, { migrationsFolder });
          await then(locked);
        } finally {
          await locked.execute(sql`select pg_advisory_unlock(${setupLock})`);
        }
      } catch (error) {
        failed = error as Error;
        throw error;
      } finally {
        // A connection that failed is closed rather than returned (its lock goes with it).
        connection.release(failed);
      }
    },
    close: () => pool.end(),
  };
}

// ---------------------------------------------------------------------------------------------
// Seed.

interface Seed {
  supporters: readonly SupporterRecord[];
  giftCards: readonly SeedGiftCard[];
}

async function seedIfEmpty(db: Db, seed: Seed): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ id: supporters.id }).from(supporters).limit(1);
    if (!row) await writeSeed(tx, seed);
  });
}

async function writeSeed(db: Db, seed: Seed): Promise<void> {
  for (let i = 0; i < seed.supporters.length; i += SEED_CHUNK) {
    const chunk = seed.supporters.slice(i, i + SEED_CHUNK);
    await db
      .insert(supporters)
      .values(chunk.map((record, j) => ({ id: record.id, position: i + j, record })));
  }
  if (seed.giftCards.length > 0) {
    await db
      .insert(giftCards)
      .values(
        seed.giftCards.map(({ pending, ...card }) =>
          giftCardRow({ ...card, paid: !pending } satisfies StoredGiftCard),
        ),
      );
  }
}

// ---------------------------------------------------------------------------------------------
// Rows <-> records.

function giftCardRow(card: StoredGiftCard): typeof giftCards.$inferInsert {
  return {
    code: card.code.toUpperCase(),
    lengthMinutes: card.lengthMinutes ?? null,
    sessionsTotal: card.sessionsTotal,
    sessionsRemaining: card.sessionsRemaining,
    expiresOn: card.expiresOn ?? null,
    usedUpAt: card.usedUpAt ?? null,
    paid: card.paid,
    deliverOn: card.deliverOn ?? null,
    timeZone: card.timeZone ?? null,
  };
}

function toGiftCard(row: typeof giftCards.$inferSelect): StoredGiftCard {
  const card: StoredGiftCard = {
    code: row.code,
    sessionsTotal: row.sessionsTotal,
    sessionsRemaining: row.sessionsRemaining,
    paid: row.paid,
  };
  if (row.lengthMinutes !== null) card.lengthMinutes = row.lengthMinutes as SessionLength;
  if (row.expiresOn !== null) card.expiresOn = row.expiresOn;
  if (row.usedUpAt !== null) card.usedUpAt = row.usedUpAt;
  if (row.deliverOn !== null) card.deliverOn = row.deliverOn;
  if (row.timeZone !== null) card.timeZone = row.timeZone;
  return card;
}

function bookingRow(record: StoredBooking): typeof bookings.$inferInsert {
  const { booking } = record;
  return {
    id: booking.id,
    supporterId: booking.supporterId,
    status: booking.status,
    startsAt: new Date(booking.start),
    endsAt: new Date(booking.end),
    record: booking,
    tokenHash: record.tokenHash,
    giftCode: record.giftCode ?? null,
  };
}

const bookingColumns = {
  record: bookings.record,
  tokenHash: bookings.tokenHash,
  giftCode: bookings.giftCode,
};

function toBooking(row: {
  record: StoredBooking['booking'];
  tokenHash: string;
  giftCode: string | null;
}): StoredBooking {
  const stored: StoredBooking = { booking: row.record, tokenHash: row.tokenHash };
  if (row.giftCode !== null) stored.giftCode = row.giftCode;
  return stored;
}

const purchaseColumns = { purchase: purchases.record, code: purchases.code };

// ---------------------------------------------------------------------------------------------
// Errors the database answers with.

/** The SQLSTATE of a database error, through Drizzle's wrapper (`cause`). */
function sqlState(error: unknown): { code?: string; constraint?: string } {
  for (let e: unknown = error; e instanceof Object; e = (e as { cause?: unknown }).cause) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      return { code, constraint: typeof constraint === 'string' ? constraint : undefined };
    }
  }
  return {};
}

const EXCLUSION_VIOLATION = '23P01';
const UNIQUE_VIOLATION = '23505';
const DEADLOCK_DETECTED = '40P01';
/** How many times a transaction runs when PostgreSQL keeps choosing it to end a deadlock. */
const DEADLOCK_ATTEMPTS = 3;

// ---------------------------------------------------------------------------------------------
// Queries, on the pool or inside a transaction.

function reader(
  db: Db,
  cachedSupporters: () => Promise<readonly SupporterRecord[]>,
  lock: boolean,
) {
  // Inside a transaction a row read is locked until commit (SELECT … FOR UPDATE): the service
  // reads a booking, a card or a purchase to decide how to change it, and a second process doing
  // the same waits, then reads the changed row, instead of both deciding on the old one.
  const forUpdate = <T extends { for: (strength: 'update') => unknown }>(query: T) =>
    (lock ? query.for('update') : query) as T;
  return {
    // Read once, when the storage opened (or reset): no connection is needed here.
    supporters: () => cachedSupporters(),

    async activeSpans(query: {
      supporterId?: string;
      fromMs: number;
      toMs: number;
    }): Promise<BookingSpan[]> {
      if (!(query.toMs > query.fromMs)) return [];
      const from = new Date(query.fromMs).toISOString();
      const to = new Date(query.toMs).toISOString();
      const rows = await db
        .select({
          bookingId: bookings.id,
          supporterId: bookings.supporterId,
          startsAt: bookings.startsAt,
          endsAt: bookings.endsAt,
        })
        .from(bookings)
        .where(
          and(
            inArray(bookings.status, [...ACTIVE_STATUSES]),
            // The exclusion constraint's own expression, so that its GiST index serves the query.
            sql`tstzrange(${bookings.startsAt}, ${bookings.endsAt}, '[)') && tstzrange(${from}::timestamptz, ${to}::timestamptz, '[)')`,
            query.supporterId === undefined
              ? undefined
              : eq(bookings.supporterId, query.supporterId),
          ),
        )
        .orderBy(asc(bookings.startsAt), asc(bookings.seq));
      return rows.map((row) => ({
        bookingId: row.bookingId,
        supporterId: row.supporterId,
        startMs: row.startsAt.getTime(),
        endMs: row.endsAt.getTime(),
      }));
    },

    async booking(bookingId: string): Promise<StoredBooking | undefined> {
      const [row] = await forUpdate(
        db.select(bookingColumns).from(bookings).where(eq(bookings.id, bookingId)),
      );
      return row && toBooking(row);
    },

    async giftCard(code: string): Promise<StoredGiftCard | undefined> {
      const [row] = await forUpdate(
        db.select().from(giftCards).where(eq(giftCards.code, code.toUpperCase())),
      );
      return row && toGiftCard(row);
    },

    async purchase(purchaseId: string): Promise<StoredPurchase | undefined> {
      const [row] = await forUpdate(
        db.select(purchaseColumns).from(purchases).where(eq(purchases.id, purchaseId)),
      );
      return row && { purchase: row.purchase, code: row.code };
    },

    async bookings(): Promise<StoredBooking[]> {
      const rows = await db.select(bookingColumns).from(bookings).orderBy(asc(bookings.seq));
      return rows.map(toBooking);
    },

    async giftCodes(): Promise<string[]> {
      const rows = await db
        .select({ code: giftCards.code })
        .from(giftCards)
        .orderBy(asc(giftCards.seq));
      return rows.map((row) => row.code);
    },
  };
}

/**
 * Runs `write` in a savepoint: when the database refuses it, only the savepoint is rolled back
 * and the transaction goes on (a failed statement would otherwise abort the whole transaction).
 */
async function inSavepoint(db: Db, write: (db: Db) => Promise<unknown>): Promise<void> {
  await db.transaction(async (savepoint) => {
    await write(savepoint);
  });
}

function writer(db: Db) {
  return {
    async insertBooking(record: StoredBooking): Promise<InsertResult> {
      try {
        await inSavepoint(db, (sp) => sp.insert(bookings).values(bookingRow(record)));
        return 'ok';
      } catch (error) {
        const { code, constraint } = sqlState(error);
        if (code === EXCLUSION_VIOLATION) return 'slot-taken';
        if (code === UNIQUE_VIOLATION && constraint === 'bookings_pkey') return 'id-taken';
        throw error;
      }
    },

    async updateBooking(record: StoredBooking): Promise<'ok' | 'slot-taken'> {
      const { id, ...changes } = bookingRow(record);
      let updated = 0;
      try {
        await inSavepoint(db, async (sp) => {
          const rows = await sp
            .update(bookings)
            .set(changes)
            .where(eq(bookings.id, id))
            .returning({ id: bookings.id });
          updated = rows.length;
        });
      } catch (error) {
        if (sqlState(error).code === EXCLUSION_VIOLATION) return 'slot-taken';
        throw error;
      }
      if (updated === 0) throw new Error(`updateBooking: no booking ${id}`);
      return 'ok';
    },

    async takeGiftSession(code: string, at: string): Promise<StoredGiftCard | undefined> {
      // One conditional update: a concurrent one waits for this row, then re-checks the WHERE
      // on the new balance (READ COMMITTED), so two takers never both get the last session.
      const [row] = await db
        .update(giftCards)
        .set({
          sessionsRemaining: sql`${giftCards.sessionsRemaining} - 1`,
          usedUpAt: sql`CASE WHEN ${giftCards.sessionsRemaining} = 1 THEN ${at}::text ELSE ${giftCards.usedUpAt} END`,
        })
        .where(and(eq(giftCards.code, code.toUpperCase()), gt(giftCards.sessionsRemaining, 0)))
        .returning();
      return row && toGiftCard(row);
    },

    async returnGiftSession(code: string): Promise<StoredGiftCard | undefined> {
      const [row] = await db
        .update(giftCards)
        .set({
          sessionsRemaining: sql`least(${giftCards.sessionsRemaining} + 1, ${giftCards.sessionsTotal})`,
          usedUpAt: null,
        })
        .where(eq(giftCards.code, code.toUpperCase()))
        .returning();
      return row && toGiftCard(row);
    },

    async insertGiftCard(
      card: StoredGiftCard,
      purchase?: StoredPurchase,
    ): Promise<'ok' | 'id-taken'> {
      try {
        await inSavepoint(db, async (sp) => {
          await sp.insert(giftCards).values(giftCardRow(card));
          if (purchase) {
            await sp.insert(purchases).values({
              id: purchase.purchase.id,
              code: purchase.code.toUpperCase(),
              record: purchase.purchase,
            });
          }
        });
        return 'ok';
      } catch (error) {
        if (sqlState(error).code === UNIQUE_VIOLATION) return 'id-taken';
        throw error;
      }
    },

    async updateGiftCard(card: StoredGiftCard): Promise<void> {
      const { code, ...changes } = giftCardRow(card);
      const rows = await db
        .update(giftCards)
        .set(changes)
        .where(eq(giftCards.code, code))
        .returning({ code: giftCards.code });
      if (rows.length === 0) throw new Error('updateGiftCard: no such card');
    },

    async updatePurchase(stored: StoredPurchase): Promise<void> {
      const rows = await db
        .update(purchases)
        .set({ code: stored.code.toUpperCase(), record: stored.purchase })
        .where(eq(purchases.id, stored.purchase.id))
        .returning({ id: purchases.id });
      if (rows.length === 0) throw new Error(`updatePurchase: no purchase ${stored.purchase.id}`);
    },
  };
}

/** The Idempotency-Key scopes of one transaction. */
function keys(db: Db) {
  /** Claimed by this transaction and not saved yet. */
  const unsaved = new Set<string>();
  return {
    unsaved,

    async claimKey(scope: string): Promise<IdempotencyRecord | undefined> {
      for (;;) {
        // Waits while another transaction holds an uncommitted row for the scope; then inserts
        // (it rolled back, or released its claim) or does nothing (it committed).
        const inserted = await db
          .insert(idempotencyKeys)
          .values({ scope })
          .onConflictDoNothing({ target: idempotencyKeys.scope })
          .returning({ scope: idempotencyKeys.scope });
        if (inserted.length > 0) {
          unsaved.add(scope);
          return undefined;
        }
        const [row] = await db
          .select({ fingerprint: idempotencyKeys.fingerprint, answer: idempotencyKeys.answer })
          .from(idempotencyKeys)
          .where(eq(idempotencyKeys.scope, scope))
          .for('update');
        // Deleted since the insert looked (a claim released without an answer): try again.
        if (!row) continue;
        if (row.fingerprint === null || row.answer === null) {
          // Claimed earlier by this same transaction: still this transaction's.
          unsaved.add(scope);
          return undefined;
        }
        return { fingerprint: row.fingerprint, answer: row.answer };
      }
    },

    async saveKey(scope: string, record: IdempotencyRecord): Promise<void> {
      await db
        .insert(idempotencyKeys)
        .values({ scope, fingerprint: record.fingerprint, answer: record.answer })
        .onConflictDoUpdate({
          target: idempotencyKeys.scope,
          set: { fingerprint: sql`excluded.fingerprint`, answer: sql`excluded.answer` },
        });
      unsaved.delete(scope);
    },

    /** Before commit: a scope claimed but never answered is given up, not kept empty. */
    async releaseUnsaved(): Promise<void> {
      if (unsaved.size === 0) return;
      await db
        .delete(idempotencyKeys)
        .where(and(inArray(idempotencyKeys.scope, [...unsaved]), isNull(idempotencyKeys.answer)));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The storage.

function createStorage(driver: Driver, seed: Seed): SqlStorage {
  const { db } = driver;
  /** Set while a transaction's `work` runs, to catch a call to the storage from inside it. */
  const insideTransaction = new AsyncLocalStorage<{ open: boolean; tx: Transaction }>();
  let closed = false;

  const guard = (method: string) => {
    if (closed) throw new Error(`storage.${method}: the storage is closed`);
    if (insideTransaction.getStore()?.open) {
      throw new Error(`storage.${method} inside transaction(): use the transaction's own methods`);
    }
  };

  // Supporters do not change while a backend runs: read them once, before the storage is handed
  // out (openSqlStorage awaits it), and again inside a reset. Never lazily: a first read waiting
  // for a connection (PGlite's one, or a full pool) while a transaction that needs the supporters
  // holds it would wait for ever.
  const readSupporters = (through: Db) =>
    through
      .select({ record: supporters.record })
      .from(supporters)
      .orderBy(asc(supporters.position))
      .then((rows): readonly SupporterRecord[] => rows.map((row) => row.record));
  let supporterList = readSupporters(db);
  supporterList.catch(() => {});
  const cachedSupporters = () => supporterList;

  const top = reader(db, cachedSupporters, false);
  // Hourly upkeep; never keeps the process alive, and a failed round waits for the next.
  const purging = setInterval(() => {
    if (!closed) void storage.purgeKeys(new Date(Date.now() - KEY_RETENTION_MS)).catch(() => {});
  }, 3600_000);
  purging.unref();
  const guarded =
    <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      guard(name);
      return fn(...args);
    };

  const storage: SqlStorage = {
    // Supporters never change and are read already, so reading them inside a transaction is
    // harmless.
    supporters: async () => {
      if (closed) throw new Error('storage.supporters: the storage is closed');
      const inside = insideTransaction.getStore();
      return inside?.open ? inside.tx.supporters() : top.supporters();
    },
    activeSpans: guarded('activeSpans', top.activeSpans),
    booking: guarded('booking', top.booking),
    giftCard: guarded('giftCard', top.giftCard),
    purchase: guarded('purchase', top.purchase),
    bookings: guarded('bookings', top.bookings),
    giftCodes: guarded('giftCodes', top.giftCodes),

    async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
      guard('transaction');
      const attempt = () =>
        db.transaction(async (dtx) => {
          const scopes = keys(dtx);
          const tx = createTransaction(dtx, cachedSupporters, scopes);
          // Closed at the end, for callbacks `work` leaves behind that run later.
          const context = { open: true, tx: tx.api };
          try {
            const result = await insideTransaction.run(context, () => work(tx.api));
            await tx.serial(() => scopes.releaseUnsaved());
            return result;
          } finally {
            // A statement `work` started and did not wait for ends before COMMIT or ROLLBACK.
            await tx.end();
            context.open = false;
          }
        });
      // PostgreSQL ends a deadlock by aborting one of its transactions, which kept nothing: run
      // that one again (its work only reads and writes through `tx`). On PGlite there is none.
      for (let attempts = 1; ; attempts++) {
        try {
          return await attempt();
        } catch (error) {
          if (attempts >= DEADLOCK_ATTEMPTS || sqlState(error).code !== DEADLOCK_DETECTED) {
            throw error;
          }
        }
      }
    },

    async ready() {
      if (closed) return false;
      try {
        await db.execute(sql`select 1`);
        return true;
      } catch {
        return false;
      }
    },

    async reset() {
      guard('reset');
      let fresh: readonly SupporterRecord[] = [];
      await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${setupLock})`);
        await tx.execute(
          sql`truncate ${bookings}, ${purchases}, ${idempotencyKeys}, ${giftCards}, ${supporters} restart identity`,
        );
        await writeSeed(tx, seed);
        fresh = await readSupporters(tx);
      });
      supporterList = Promise.resolve(fresh);
    },

    async purgeKeys(before) {
      guard('purgeKeys');
      // Saved records only: a claim in flight is not committed, so not seen here anyway.
      const gone = await db
        .delete(idempotencyKeys)
        .where(and(lt(idempotencyKeys.createdAt, before), isNotNull(idempotencyKeys.answer)))
        .returning({ scope: idempotencyKeys.scope });
      return gone.length;
    },

    async close() {
      if (closed) return;
      closed = true;
      clearInterval(purging);
      await driver.close();
    },
  };
  return storage;
}

/**
 * A transaction's methods. Its statements run one after another even when `work` starts several
 * at once (`Promise.all`): savepoints nest, they cannot interleave on one connection.
 */
function createTransaction(
  db: Db,
  cachedSupporters: () => Promise<readonly SupporterRecord[]>,
  scopes: ReturnType<typeof keys>,
) {
  let queue: Promise<unknown> = Promise.resolve();
  let ended = false;
  const serial = <R>(fn: () => Promise<R>): Promise<R> => {
    if (ended) return Promise.reject(new Error('the transaction has ended'));
    const run = queue.then(fn, fn);
    queue = run.catch(() => {});
    return run;
  };
  const wrap =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      serial(() => fn(...args));

  const read = reader(db, cachedSupporters, true);
  const write = writer(db);
  const api: Transaction = {
    supporters: wrap(read.supporters),
    activeSpans: wrap(read.activeSpans),
    booking: wrap(read.booking),
    giftCard: wrap(read.giftCard),
    purchase: wrap(read.purchase),
    bookings: wrap(read.bookings),
    giftCodes: wrap(read.giftCodes),
    insertBooking: wrap(write.insertBooking),
    updateBooking: wrap(write.updateBooking),
    takeGiftSession: wrap(write.takeGiftSession),
    returnGiftSession: wrap(write.returnGiftSession),
    insertGiftCard: wrap(write.insertGiftCard),
    updateGiftCard: wrap(write.updateGiftCard),
    updatePurchase: wrap(write.updatePurchase),
    claimKey: wrap(scopes.claimKey),
    saveKey: wrap(scopes.saveKey),
  };
  return {
    api,
    serial,
    async end() {
      await queue;
      ended = true;
    },
  };
}
