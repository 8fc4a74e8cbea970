/**
 * The prose of the endpoint table, for the OpenAPI document only. It lives apart from
 * `endpoints.ts` so that none of it reaches the script-tag bundle (QUALITY P1).
 */
import type { EndpointName } from './endpoints.js';

export interface EndpointDoc {
  summary: string;
  /** Longer explanation. */
  description?: string;
  /** A description per query parameter the endpoint declares. */
  query?: Record<string, string>;
}

/** Why the searches are POSTs although they change nothing. */
const SEARCH_IN_BODY =
  "A POST only so that the seeker's filters (state, topics, identities, languages, free text) " +
  'travel in the body and never in a URL, where access logs, proxies and browser history would ' +
  'keep them. It changes nothing: no Idempotency-Key is required.';

/** The operations on one booking. */
const MANAGED =
  "Requires the booking's manage token in the X-Manage-Token header; a missing or wrong token " +
  'is answered as an unknown booking is (404 `not-found`).';

export const endpointDocs: Record<EndpointName, EndpointDoc> = {
  getProgram: {
    summary: "The partner's settings: eligibility, pricing, session lengths, hours, crisis line.",
  },
  listSupporters: {
    summary: 'Supporters matching the filters, one page at a time, with the facets to filter by.',
    description: SEARCH_IN_BODY,
  },
  getSupporter: { summary: "A supporter's full profile." },
  listSlots: {
    summary: "A supporter's open slots between two instants.",
    query: {
      from: 'ISO 8601 instant; default now.',
      to: 'ISO 8601 instant; default 14 days after from.',
      lengthMinutes: 'Session length; default the shortest offered.',
    },
  },
  nextAvailable: {
    summary: 'The soonest open slot across every supporter matching the filters.',
    description: SEARCH_IN_BODY,
  },
  match: { summary: 'Supporters ranked by fit to a short questionnaire, each with the reasons.' },
  createBooking: {
    summary: 'Request a session. It stays `requested` until the supporter accepts.',
    description:
      'The answer carries `manageToken`, the secret the seeker needs to read, cancel or ' +
      'reschedule this booking: only this answer (and its idempotent replays) ever sends it. ' +
      'A time the supporter never offered is refused with 422 `slot-not-offered`; one taken ' +
      'meanwhile with 409 `slot-taken`. Eligibility asks the least: when the program has an age ' +
      'limit, `seeker.age` within it, or `seeker.ageInRange: true` where its `ageQuestion` is ' +
      '`range`; without a limit, no age (one sent is ignored). A seeker the program cannot serve ' +
      'is refused with 422 `not-eligible`. Prices are those of the session length (the ' +
      "pricing's `byLength` entry for it, else its top-level amounts).",
  },
  getBooking: {
    summary: 'A booking and its status; once cancelled, its `cancellation`.',
    description: MANAGED,
  },
  cancelBooking: {
    summary: 'Cancel a booking; the fee or refund follows the cancellation window.',
    description:
      `${MANAGED} Cancelling at least the program's \`cancellation.windowHours\` before the ` +
      'start is free, the exact boundary included (`freeCancellationUntil` is the last free ' +
      'instant); later, the full fee stands (`feeDue` is what is still owed: the fee, or 0 when it was already paid and is kept). A paid booking cancelled in time is ' +
      'refunded (`refunded`). A declined booking answers 409 `booking-declined`, a cancelled one ' +
      '409 `already-cancelled`, a session already started 422 `too-late`.',
  },
  rescheduleBooking: {
    summary: 'Move a booking to another open slot of the same supporter.',
    description:
      `${MANAGED} Allowed up to \`cancellation.windowHours\` before the start, the boundary ` +
      'included (later: 422 `too-late`); the booking becomes `requested` again. Refusals as for ' +
      'a new booking (`slot-taken`, `slot-not-offered`) and as for a cancellation ' +
      '(`booking-declined`, `already-cancelled`).',
  },
  purchaseGiftCard: {
    summary: 'Buy sessions for someone; the recipient is emailed a link that applies them.',
    description:
      'The answer never carries the code: the backend emails it to the recipient (or the ' +
      'purchaser, without a recipient) on deliverOn, once paid. Until then the card is ' +
      '`pending`. With a total above 0 the answer is `pending-payment` with a checkoutUrl; the ' +
      'card is issued once the payment succeeds. The total is sessions times the price of ' +
      'one gifted session (giftCards.pricePerSession, or priced from `pricing` for the ' +
      "card's length: see Program). Idempotent as bookings are: ten identical concurrent " +
      'submissions make one card. Refusals: 422 `gift-cards-disabled` where the program sells ' +
      'none; 422 `invalid-request` with fieldErrors (`sessions` `out_of_range`, `lengthMinutes` ' +
      '`required` or `not_offered`, `deliverOn` `in_past`, `timeZone` `invalid`).',
  },
  getGiftCard: {
    summary: "A gift card's remaining sessions.",
    description:
      'A POST only so that the code, a bearer secret, travels in the body and never in a URL ' +
      '(access logs, proxies, browser history). It changes nothing: no Idempotency-Key is ' +
      'required. An unknown code and a wrong one answer the same 404 `not-found`. Lookups are ' +
      'rate-limited (429 `rate-limited` with Retry-After; the reference mock allows 10 a minute).',
  },
};
