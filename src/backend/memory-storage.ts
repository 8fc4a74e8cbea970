/**
 * The mock's storage: `Storage` in a page's memory. Transactions run one at a time (an async
 * mutex), each on copies of the maps, which replace the committed ones only when it succeeds: a
 * transaction that throws leaves nothing behind, a claimed key included. Records are copied in
 * and out, so no caller holds a reference into the store.
 */
import { returnGiftSession, takeGiftSession } from '../api/booking-rules.js';
import type { SeedGiftCard, SupporterRecord } from '../mocks/data.js';
import type {
  BookingSpan,
  IdempotencyRecord,
  InsertResult,
  Storage,
  StorageReader,
  StoredBooking,
  StoredGiftCard,
  StoredPurchase,
  Transaction,
} from './storage.js';

export interface MemoryStorageOptions {
  supporters: readonly SupporterRecord[];
  /** The cards the store starts with, and returns to on `reset`. */
  giftCards?: readonly SeedGiftCard[];
}

interface State {
  /** In creation order (a Map keeps insertion order). */
  bookings: Map<string, StoredBooking>;
  giftCards: Map<string, StoredGiftCard>;
  purchases: Map<string, StoredPurchase>;
  keys: Map<string, IdempotencyRecord>;
}

const copy = <T>(value: T): T => structuredClone(value);

const isActive = (record: StoredBooking) =>
  record.booking.status === 'requested' || record.booking.status === 'confirmed';

function spanOf(record: StoredBooking): BookingSpan {
  return {
    bookingId: record.booking.id,
    supporterId: record.booking.supporterId,
    startMs: Date.parse(record.booking.start),
    endMs: Date.parse(record.booking.end),
  };
}

/** Whether an active booking of the record's supporter, other than itself, overlaps it. */
function overlapsAnother(state: State, record: StoredBooking): boolean {
  if (!isActive(record)) return false;
  const mine = spanOf(record);
  for (const other of state.bookings.values()) {
    if (other.booking.id === record.booking.id || !isActive(other)) continue;
    if (other.booking.supporterId !== mine.supporterId) continue;
    const span = spanOf(other);
    if (span.startMs < mine.endMs && mine.startMs < span.endMs) return true;
  }
  return false;
}

function seedState(cards: readonly SeedGiftCard[]): State {
  const giftCards = new Map<string, StoredGiftCard>();
  for (const card of cards) {
    const { pending, ...seed } = card;
    giftCards.set(card.code.toUpperCase(), { ...copy(seed), paid: !pending });
  }
  return { bookings: new Map(), giftCards, purchases: new Map(), keys: new Map() };
}

function reader(state: () => State, supporters: readonly SupporterRecord[]): StorageReader {
  return {
    supporters: () => Promise.resolve(supporters),
    activeSpans({ supporterId, fromMs, toMs }) {
      const spans: BookingSpan[] = [];
      for (const record of state().bookings.values()) {
        if (!isActive(record)) continue;
        if (supporterId !== undefined && record.booking.supporterId !== supporterId) continue;
        const span = spanOf(record);
        if (span.startMs < toMs && fromMs < span.endMs) spans.push(span);
      }
      return Promise.resolve(spans);
    },
    booking: (id) => Promise.resolve(copy(state().bookings.get(id))),
    giftCard: (code) => Promise.resolve(copy(state().giftCards.get(code.toUpperCase()))),
    purchase: (id) => Promise.resolve(copy(state().purchases.get(id))),
    bookings: () => Promise.resolve(copy([...state().bookings.values()])),
    giftCodes: () => Promise.resolve([...state().giftCards.keys()]),
  };
}

export function createMemoryStorage(options: MemoryStorageOptions): Storage {
  const supporters = copy(options.supporters);
  const seedCards = copy(options.giftCards ?? []);
  let committed = seedState(seedCards);
  /** The end of the last transaction queued: the next one starts after it. */
  let queue: Promise<unknown> = Promise.resolve();
  function serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work);
    // The next one waits for this one, whether it commits or throws.
    queue = run.catch(() => undefined);
    return run;
  }

  function transactionOn(state: State): Transaction {
    return {
      ...reader(() => state, supporters),
      insertBooking(record): Promise<InsertResult> {
        if (state.bookings.has(record.booking.id)) return Promise.resolve('id-taken');
        if (overlapsAnother(state, record)) return Promise.resolve('slot-taken');
        state.bookings.set(record.booking.id, copy(record));
        return Promise.resolve('ok');
      },
      updateBooking(record) {
        if (overlapsAnother(state, record)) return Promise.resolve('slot-taken' as const);
        state.bookings.set(record.booking.id, copy(record));
        return Promise.resolve('ok' as const);
      },
      takeGiftSession(code, at) {
        const card = state.giftCards.get(code.toUpperCase());
        if (!card || card.sessionsRemaining <= 0) return Promise.resolve(undefined);
        const taken = takeGiftSession(card, at);
        state.giftCards.set(taken.code, taken);
        return Promise.resolve(copy(taken));
      },
      returnGiftSession(code) {
        const card = state.giftCards.get(code.toUpperCase());
        if (!card) return Promise.resolve(undefined);
        const returned = returnGiftSession(card);
        state.giftCards.set(returned.code, returned);
        return Promise.resolve(copy(returned));
      },
      insertGiftCard(card, purchase) {
        const code = card.code.toUpperCase();
        if (state.giftCards.has(code)) return Promise.resolve('id-taken' as const);
        if (purchase && state.purchases.has(purchase.purchase.id)) {
          return Promise.resolve('id-taken' as const);
        }
        state.giftCards.set(code, copy(card));
        if (purchase) state.purchases.set(purchase.purchase.id, copy(purchase));
        return Promise.resolve('ok' as const);
      },
      updateGiftCard(card) {
        state.giftCards.set(card.code.toUpperCase(), copy(card));
        return Promise.resolve();
      },
      updatePurchase(purchase) {
        state.purchases.set(purchase.purchase.id, copy(purchase));
        return Promise.resolve();
      },
      // One transaction at a time: a key's record, if any, was saved by a committed one.
      claimKey: (scope) => Promise.resolve(copy(state.keys.get(scope))),
      saveKey(scope, record) {
        state.keys.set(scope, copy(record));
        return Promise.resolve();
      },
    };
  }

  return {
    ...reader(() => committed, supporters),
    transaction: <T>(work: (tx: Transaction) => Promise<T>): Promise<T> =>
      serialized(async () => {
        const working: State = {
          bookings: new Map(committed.bookings),
          giftCards: new Map(committed.giftCards),
          purchases: new Map(committed.purchases),
          keys: new Map(committed.keys),
        };
        const result = await work(transactionOn(working));
        committed = working;
        return result;
      }),
    ready: () => Promise.resolve(true),
    reset: () =>
      serialized(() => {
        committed = seedState(seedCards);
        return Promise.resolve();
      }),
    close: () => Promise.resolve(),
  };
}
