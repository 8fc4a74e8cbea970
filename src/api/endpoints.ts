/**
 * The endpoint table: method, path, request and response schema of every operation the widgets
 * use. The client, the mock backend and the OpenAPI generator all read this one table.
 */
import type * as z from 'zod/mini';
import {
  BookingRequestSchema,
  BookingSchema,
  CancellationRequestSchema,
  CancellationSchema,
  GiftCardBalanceSchema,
  GiftCardLookupRequestSchema,
  GiftCardPurchaseRequestSchema,
  GiftCardPurchaseSchema,
  MatchRequestSchema,
  MatchResultSchema,
  NextAvailableSchema,
  ProgramSchema,
  RescheduleRequestSchema,
  SlotListSchema,
  SupporterFiltersSchema,
  SupporterPageSchema,
  SupporterProfileSchema,
  SupporterQuerySchema,
} from './schemas.js';

export interface Endpoint {
  method: 'GET' | 'POST';
  /** Path below the API base; `{name}` marks a path parameter. */
  path: string;
  summary: string;
  /** Longer explanation for the OpenAPI document. */
  description?: string;
  request?: z.ZodMiniType;
  response: z.ZodMiniType;
  /** HTTP status of success. */
  status: 200 | 201;
  /**
   * Query parameters (GET only), documented for the OpenAPI document. Only ids and times belong
   * here: anything a seeker chooses or types travels in a request body (QUALITY S4).
   */
  query?: readonly QueryParam[];
  /** Error statuses this operation documents besides 400, 429 and 5xx. */
  errors?: readonly number[];
  /**
   * Changes state, so it requires an `Idempotency-Key` header: a repeated key is performed once
   * and answered with the first result (QUALITY R3). Not set on POSTs that only read (searches,
   * matching, gift card lookup), which are POSTs to keep their inputs out of URLs.
   */
  idempotent?: true;
}

export interface QueryParam {
  name: string;
  type: 'string' | 'integer' | 'string[]';
  description: string;
  enum?: readonly string[];
}

/** Why the searches are POSTs although they change nothing. */
const SEARCH_IN_BODY =
  "A POST only so that the seeker's filters (state, topics, identities, languages, free text) " +
  'travel in the body and never in a URL, where access logs, proxies and browser history would ' +
  'keep them. It changes nothing: no Idempotency-Key is required.';

export const endpoints = {
  getProgram: {
    method: 'GET',
    path: '/program',
    summary: "The partner's settings: eligibility, pricing, session lengths, hours, crisis line.",
    response: ProgramSchema,
    status: 200,
  },
  listSupporters: {
    method: 'POST',
    path: '/supporters/search',
    summary: 'Supporters matching the filters, one page at a time, with the facets to filter by.',
    description: SEARCH_IN_BODY,
    request: SupporterQuerySchema,
    response: SupporterPageSchema,
    status: 200,
  },
  getSupporter: {
    method: 'GET',
    path: '/supporters/{supporterId}',
    summary: "A supporter's full profile.",
    response: SupporterProfileSchema,
    status: 200,
    errors: [404],
  },
  listSlots: {
    method: 'GET',
    path: '/supporters/{supporterId}/slots',
    summary: "A supporter's open slots between two instants.",
    response: SlotListSchema,
    status: 200,
    query: [
      { name: 'from', type: 'string', description: 'ISO 8601 instant; default now.' },
      { name: 'to', type: 'string', description: 'ISO 8601 instant; default 14 days after from.' },
      {
        name: 'lengthMinutes',
        type: 'integer',
        description: 'Session length; default the shortest offered.',
      },
    ],
    errors: [404],
  },
  nextAvailable: {
    method: 'POST',
    path: '/slots/next',
    summary: 'The soonest open slot across every supporter matching the filters.',
    description: SEARCH_IN_BODY,
    request: SupporterFiltersSchema,
    response: NextAvailableSchema,
    status: 200,
  },
  match: {
    method: 'POST',
    path: '/matches',
    summary: 'Supporters ranked by fit to a short questionnaire, each with the reasons.',
    request: MatchRequestSchema,
    response: MatchResultSchema,
    status: 200,
  },
  createBooking: {
    method: 'POST',
    path: '/bookings',
    summary: 'Request a session. It stays `requested` until the supporter accepts.',
    request: BookingRequestSchema,
    response: BookingSchema,
    status: 201,
    errors: [404, 409, 422],
    idempotent: true,
  },
  getBooking: {
    method: 'GET',
    path: '/bookings/{bookingId}',
    summary: 'A booking and its status.',
    response: BookingSchema,
    status: 200,
    errors: [404],
  },
  cancelBooking: {
    method: 'POST',
    path: '/bookings/{bookingId}/cancellation',
    summary: 'Cancel a booking; the fee or refund follows the cancellation window.',
    request: CancellationRequestSchema,
    response: CancellationSchema,
    status: 200,
    errors: [404, 409, 422],
    idempotent: true,
  },
  rescheduleBooking: {
    method: 'POST',
    path: '/bookings/{bookingId}/reschedule',
    summary: 'Move a booking to another open slot of the same supporter.',
    request: RescheduleRequestSchema,
    response: BookingSchema,
    status: 200,
    errors: [404, 409, 422],
    idempotent: true,
  },
  purchaseGiftCard: {
    method: 'POST',
    path: '/gift-cards',
    summary: 'Buy sessions for someone; the recipient is emailed a link that applies them.',
    request: GiftCardPurchaseRequestSchema,
    response: GiftCardPurchaseSchema,
    status: 201,
    errors: [422],
    idempotent: true,
  },
  getGiftCard: {
    method: 'POST',
    path: '/gift-cards/lookup',
    summary: "A gift card's remaining sessions.",
    description:
      'A POST only so that the code, a bearer secret, travels in the body and never in a URL ' +
      '(access logs, proxies, browser history). It changes nothing: no Idempotency-Key is required.',
    request: GiftCardLookupRequestSchema,
    response: GiftCardBalanceSchema,
    status: 200,
    errors: [404],
  },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof endpoints;
