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
  },
  getBooking: { summary: 'A booking and its status.' },
  cancelBooking: {
    summary: 'Cancel a booking; the fee or refund follows the cancellation window.',
  },
  rescheduleBooking: { summary: 'Move a booking to another open slot of the same supporter.' },
  purchaseGiftCard: {
    summary: 'Buy sessions for someone; the recipient is emailed a link that applies them.',
  },
  getGiftCard: {
    summary: "A gift card's remaining sessions.",
    description:
      'A POST only so that the code, a bearer secret, travels in the body and never in a URL ' +
      '(access logs, proxies, browser history). It changes nothing: no Idempotency-Key is required.',
  },
};
