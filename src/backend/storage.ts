/**
 * The one storage interface behind the backend's rules. Two implementations: the mock's, in
 * memory (`memory-storage.ts`), and the reference server's, on PostgreSQL (PGlite embedded, or a
 * server through `DATABASE_URL`). The service (`service.ts`) decides every answer with the pure
 * rules in `api/` and asks this interface only for data and for the writes that must hold under
 * concurrency; those writes say what the database decided (an overlapping slot, a spent gift
 * card) instead of the caller checking first and hoping nobody raced it.
 *
 * Records are the contract's own shapes where one exists (`Booking`, `GiftCardPurchase`), plus
 * what only the backend keeps (a manage token's hash, the gift code a booking used).
 */
import type { Booking, GiftCardPurchase } from '../api/index.js';
import type { SeedGiftCard, SupporterRecord } from '../mocks/data.js';

/** An active booking's time, all availability needs of it. */
export interface BookingSpan {
  bookingId: string;
  supporterId: string;
  /** Epoch ms; the span is [startMs, endMs). */
  startMs: number;
  endMs: number;
}

export interface StoredBooking {
  /** As the contract answers it, without the manage token. */
  booking: Booking;
  /** SHA-256 (server) or the mock's hash of the manage token; the token itself is never stored. */
  tokenHash: string;
  /** The gift card that paid for it, if one did. */
  giftCode?: string;
}

/**
 * A card: the seed's fields (code upper case, `XXXX-XXXX-XXXX-XXXX`; `sessionsRemaining` never
 * below zero, a check constraint on the server, nor above `sessionsTotal`), and its payment and
 * delivery.
 */
export interface StoredGiftCard extends Omit<SeedGiftCard, 'pending'> {
  /** Paid for: seeds are; a purchase once its checkout reports it. */
  paid: boolean;
  /** Delivery date (`YYYY-MM-DD`) in `timeZone`: the card is pending until then. */
  deliverOn?: string;
  timeZone?: string;
}

export interface StoredPurchase {
  purchase: GiftCardPurchase;
  /** The card the purchase made: what the backend emails, never what it answers. */
  code: string;
}

/** An answer as it was sent: status, body and, for a 429, Retry-After. */
export interface StoredAnswer {
  status: number;
  body: unknown;
  retryAfter?: number;
}

/** What an Idempotency-Key keeps: the request's fingerprint and its first answer. */
export interface IdempotencyRecord {
  fingerprint: string;
  answer: StoredAnswer;
}

export interface StorageReader {
  /** Every supporter, seeded; they do not change while a backend runs. */
  supporters(): Promise<readonly SupporterRecord[]>;
  /**
   * Active bookings (requested or confirmed) overlapping [fromMs, toMs), of one supporter or of
   * all of them.
   */
  activeSpans(query: {
    supporterId?: string;
    fromMs: number;
    toMs: number;
  }): Promise<BookingSpan[]>;
  booking(bookingId: string): Promise<StoredBooking | undefined>;
  /** `code` as given; implementations compare upper case. */
  giftCard(code: string): Promise<StoredGiftCard | undefined>;
  purchase(purchaseId: string): Promise<StoredPurchase | undefined>;
  /** Every booking, in creation order (for the supporter's side: admin and tests). */
  bookings(): Promise<StoredBooking[]>;
  /** Every gift code, seeded and purchased. */
  giftCodes(): Promise<string[]>;
}

/** Results of the writes that may lose a race. */
export type InsertResult = 'ok' | 'slot-taken' | 'id-taken';

export interface StorageWriter extends StorageReader {
  /**
   * Adds a booking. `slot-taken` when an active booking of the same supporter overlaps its
   * [start, end) (on the server an exclusion constraint decides it, so two processes cannot both
   * win); `id-taken` when its id exists. Nothing is written unless `ok`.
   */
  insertBooking(record: StoredBooking): Promise<InsertResult>;
  /**
   * Replaces a booking (status, times, payment, cancellation). `slot-taken` when its new times
   * overlap another active booking of the supporter; nothing is written unless `ok`.
   */
  updateBooking(record: StoredBooking): Promise<'ok' | 'slot-taken'>;
  /**
   * Takes one session off a card, only if one remains (a conditional update; a check constraint
   * keeps the balance from going below zero), setting `usedUpAt` to `at` when it was the last.
   * The card after the change, or undefined when none remained.
   */
  takeGiftSession(code: string, at: string): Promise<StoredGiftCard | undefined>;
  /** Gives one session back (never above the total) and clears `usedUpAt`. */
  returnGiftSession(code: string): Promise<StoredGiftCard | undefined>;
  /** Adds a card and the purchase that made it; `id-taken` when the code or the id exists. */
  insertGiftCard(card: StoredGiftCard, purchase?: StoredPurchase): Promise<'ok' | 'id-taken'>;
  updateGiftCard(card: StoredGiftCard): Promise<void>;
  updatePurchase(purchase: StoredPurchase): Promise<void>;
}

export interface Transaction extends StorageWriter {
  /**
   * Claims an Idempotency-Key scope (`createBooking:<key>`) for this transaction. Undefined when
   * the scope is new: this transaction now holds it, and another one claiming it waits until this
   * one ends (on the server, the key's row is locked until commit). Otherwise the record a
   * committed transaction saved for it.
   */
  claimKey(scope: string): Promise<IdempotencyRecord | undefined>;
  /** Saves the answer of the scope this transaction claimed; it is kept only if it commits. */
  saveKey(scope: string, record: IdempotencyRecord): Promise<void>;
}

export interface Storage extends StorageReader {
  /**
   * Runs `work` as one unit: a database transaction on the server, one unit at a time in memory.
   * If `work` throws, nothing it wrote is kept (and a claimed key is released), and the error is
   * thrown on.
   */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Ready to answer (the database reachable, migrations applied). */
  ready(): Promise<boolean>;
  /** Back to the seed: no bookings, purchases or keys; the seeded gift cards as seeded. */
  reset(): Promise<void>;
  close(): Promise<void>;
}
