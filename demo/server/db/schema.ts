/**
 * The reference server's tables, for PGlite and PostgreSQL alike. drizzle-kit generates the
 * versioned migrations in `migrations/` from this file (`npm run db:generate`); what Drizzle's
 * schema language cannot say (the btree_gist extension and the exclusion constraint that keeps
 * two active bookings of one supporter from overlapping) is a custom migration beside them.
 *
 * Contract documents (a supporter, a booking, a purchase, an answer) are stored as `json`, kept
 * as written (key order included) so that an answer read back or replayed is the one first sent;
 * what the database decides on (ids, codes, times, status, balances) has a typed column and a
 * constraint of its own.
 */
import type { Booking, GiftCardPurchase } from '../../../src/api/index.js';
import type { StoredAnswer } from '../../../src/backend/storage.js';
import type { SupporterRecord } from '../../../src/mocks/data.js';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  json,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** The statuses that hold a supporter's time: the exclusion constraint applies to these only. */
export const ACTIVE_STATUSES = ['requested', 'confirmed'] as const;

export const supporters = pgTable(
  'supporters',
  {
    id: text('id').primaryKey(),
    /** The seed's order, which `supporters()` keeps. */
    position: integer('position').notNull(),
    record: json('record').$type<SupporterRecord>().notNull(),
  },
  (t) => [
    uniqueIndex('supporters_position_key').on(t.position),
    check('supporters_record_id', sql`${t.record}->>'id' = ${t.id}`),
  ],
);

export const giftCards = pgTable(
  'gift_cards',
  {
    /** Upper case, `XXXX-XXXX-XXXX-XXXX`. */
    code: text('code').primaryKey(),
    /** Creation order: seeded cards first, then purchases. */
    seq: integer('seq').generatedAlwaysAsIdentity().notNull(),
    /** Null: any length. */
    lengthMinutes: integer('length_minutes'),
    sessionsTotal: integer('sessions_total').notNull(),
    sessionsRemaining: integer('sessions_remaining').notNull(),
    expiresOn: date('expires_on', { mode: 'string' }),
    /** The ISO 8601 instant as the rules wrote it (its offset kept). */
    usedUpAt: text('used_up_at'),
    paid: boolean('paid').notNull(),
    deliverOn: date('deliver_on', { mode: 'string' }),
    timeZone: text('time_zone'),
  },
  (t) => [
    uniqueIndex('gift_cards_seq_key').on(t.seq),
    check('gift_cards_code_upper', sql`${t.code} = upper(${t.code})`),
    check('gift_cards_sessions_total', sql`${t.sessionsTotal} > 0`),
    check(
      'gift_cards_balance',
      sql`${t.sessionsRemaining} >= 0 AND ${t.sessionsRemaining} <= ${t.sessionsTotal}`,
    ),
    check('gift_cards_length', sql`${t.lengthMinutes} IS NULL OR ${t.lengthMinutes} > 0`),
    // The last session's time, only on a card with none left.
    check('gift_cards_used_up', sql`${t.usedUpAt} IS NULL OR ${t.sessionsRemaining} = 0`),
  ],
);

export const bookings = pgTable(
  'bookings',
  {
    id: text('id').primaryKey(),
    /** Creation order, which `bookings()` keeps. */
    seq: integer('seq').generatedAlwaysAsIdentity().notNull(),
    supporterId: text('supporter_id')
      .notNull()
      .references(() => supporters.id),
    status: text('status').$type<Booking['status']>().notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The booking as the contract answers it, without the manage token. */
    record: json('record').$type<Booking>().notNull(),
    /** SHA-256 of the manage token; the token itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    /** The gift card that paid for it. */
    giftCode: text('gift_code').references(() => giftCards.code),
  },
  (t) => [
    uniqueIndex('bookings_seq_key').on(t.seq),
    check(
      'bookings_status',
      sql`${t.status} IN ('requested', 'confirmed', 'declined', 'cancelled')`,
    ),
    check('bookings_span', sql`${t.endsAt} > ${t.startsAt}`),
    // The document and the columns the constraints read must say the same.
    check(
      'bookings_record',
      sql`${t.record}->>'id' = ${t.id} AND ${t.record}->>'status' = ${t.status} AND ${t.record}->>'supporterId' = ${t.supporterId}`,
    ),
  ],
);

export const purchases = pgTable(
  'purchases',
  {
    id: text('id').primaryKey(),
    /** The card the purchase made (one card per purchase). */
    code: text('code')
      .notNull()
      .references(() => giftCards.code),
    record: json('record').$type<GiftCardPurchase>().notNull(),
  },
  (t) => [
    uniqueIndex('purchases_code_key').on(t.code),
    check('purchases_record_id', sql`${t.record}->>'id' = ${t.id}`),
  ],
);

/**
 * One row per Idempotency-Key scope (SHA-256 of `createBooking:<key>`, its record sealed with the
 * key: src/backend/sealed-key.ts). A transaction claims a scope by inserting its row with no
 * answer yet (a concurrent claimer waits on that uncommitted row) and fills it in before it
 * commits. Rows are purged after `KEY_RETENTION` (the contract keeps keys at least 24 hours).
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').primaryKey(),
    fingerprint: text('fingerprint'),
    answer: json('answer').$type<StoredAnswer>(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    check('idempotency_keys_saved', sql`(${t.fingerprint} IS NULL) = (${t.answer} IS NULL)`),
    index('idempotency_keys_created_at').on(t.createdAt),
  ],
);
