import type { Program } from '../../src/api/schemas.js';

/**
 * What the contract suite needs from a backend besides its HTTP API: the seed, the clock and the
 * supporter's and the partner's side (accept, decline, cancel, payments, the emailed gift code),
 * which the contract leaves to other systems. The mock adapts its store to it
 * (`mock-backend.ts`); the reference server, its admin route.
 */

export interface ContractControl {
  /**
   * Back to the seed: no bookings, purchases, Idempotency-Keys or rate-limit counts; the seeded
   * supporters and gift cards as seeded. The suite calls it before every test.
   */
  reset(): Promise<void>;
  /** The instant every rule reads from now on (slots, the cancellation window, gift expiry). */
  setNow(now: Date): Promise<void>;
  /** The supporter accepts a requested booking. False when it does not apply. */
  confirmBooking(id: string): Promise<boolean>;
  /** The supporter declines a requested booking. False when it does not apply. */
  declineBooking(id: string): Promise<boolean>;
  /** The supporter cancels an active booking. False when it does not apply. */
  cancelAsSupporter(id: string): Promise<boolean>;
  /** The partner's checkout reports a booking's payment as done. False when none is due. */
  markPaid(id: string): Promise<boolean>;
  /** The partner's checkout reports a gift card purchase as paid. False when it does not apply. */
  markGiftCardPaid(purchaseId: string): Promise<boolean>;
  /** The code a purchase made, which the backend emails and never answers with. */
  emailedCode(purchaseId: string): Promise<string | undefined>;
  /**
   * Optional: serve `program` instead of the seed's, starting from the seed's data again (as
   * `reset()` does); the next `reset()` brings the seed's program back. Without it, the tests of
   * rules the seed's program does not exercise (a fixed price, a free program, no age limit, a
   * maximum, gift cards of any length or none) are skipped.
   */
  setProgram?(program: Program): Promise<void>;
}

export interface ContractBackend {
  /** Shown as the suite's title: `mock`, `server on PGlite`, ... */
  name: string;
  /** Base URL of the API, without a trailing slash: `http://127.0.0.1:8787/api`. */
  baseUrl: string;
  /** How requests are sent: the global fetch, or one bound to a test server. */
  fetch: typeof fetch;
  control: ContractControl;
}
