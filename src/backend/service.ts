/**
 * The backend's rules over a `Storage`: every operation of the contract and the supporter's
 * side, async, for the mock (memory storage) and the reference server (PostgreSQL) alike. The
 * decisions are the pure rules in `api/` (availability, search, matching, eligibility, prices,
 * gift cards, the cancellation window, idempotency); the operations (`search.ts`, `bookings.ts`,
 * `gift-cards.ts`) read what those need, and make every change inside one `storage.transaction`,
 * through the writes that say when a race was lost (`insertBooking` → `slot-taken`,
 * `takeGiftSession` → nothing left) rather than trusting a check made first.
 */
import type { Backend } from './backend.js';
import { bookingOperations } from './bookings.js';
import { clone, createContext, type BackendOptions } from './context.js';
import { giftCardOperations } from './gift-cards.js';
import { ok } from './refusals.js';
import { searchOperations } from './search.js';

export type { BackendOptions, ServiceContext } from './context.js';
export { GIFT_LOOKUPS_PER_MINUTE } from './gift-cards.js';

export function createBackend(options: BackendOptions): Backend {
  const c = createContext(options);
  return {
    now: c.now,
    getProgram: () => Promise.resolve(ok(clone(c.program))),
    ...searchOperations(c),
    ...bookingOperations(c),
    ...giftCardOperations(c),
  };
}
