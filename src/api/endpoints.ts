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
  GiftCardPurchaseRequestSchema,
  GiftCardPurchaseSchema,
  MatchRequestSchema,
  MatchResultSchema,
  NextAvailableSchema,
  ProgramSchema,
  RescheduleRequestSchema,
  SlotListSchema,
  SupporterPageSchema,
  SupporterProfileSchema,
} from './schemas.js';

export interface Endpoint {
  method: 'GET' | 'POST';
  /** Path below the API base; `{name}` marks a path parameter. */
  path: string;
  summary: string;
  request?: z.ZodMiniType;
  response: z.ZodMiniType;
  /** HTTP status of success. */
  status: 200 | 201;
  /** Query parameters (GET only), documented for the OpenAPI document. */
  query?: readonly QueryParam[];
  /** Error statuses this operation documents besides 400, 429 and 5xx. */
  errors?: readonly number[];
  /**
   * Changes state, so it requires an `Idempotency-Key` header: a repeated key is performed once
   * and answered with the first result (QUALITY R3).
   */
  idempotent?: true;
}

export interface QueryParam {
  name: string;
  type: 'string' | 'integer' | 'string[]';
  description: string;
  enum?: readonly string[];
}

const supporterFilters: readonly QueryParam[] = [
  { name: 'q', type: 'string', description: 'Free text over name, bio and tags.' },
  {
    name: 'topics',
    type: 'string[]',
    description: 'Topic ids; a supporter matches if they have any.',
  },
  {
    name: 'identities',
    type: 'string[]',
    description: 'Identity ids; a supporter matches if they have any.',
  },
  {
    name: 'languages',
    type: 'string[]',
    description: 'BCP 47 tags; a supporter matches if they speak any.',
  },
  {
    name: 'states',
    type: 'string[]',
    description: 'State codes; a supporter matches if certified in any.',
  },
  { name: 'lengthMinutes', type: 'integer', description: 'Session length the supporter offers.' },
  { name: 'availableWithinDays', type: 'integer', description: 'Open slot within this many days.' },
];

export const endpoints = {
  getProgram: {
    method: 'GET',
    path: '/program',
    summary: "The partner's settings: eligibility, pricing, session lengths, hours, crisis line.",
    response: ProgramSchema,
    status: 200,
  },
  listSupporters: {
    method: 'GET',
    path: '/supporters',
    summary: 'Supporters matching the filters, one page at a time, with the facets to filter by.',
    response: SupporterPageSchema,
    status: 200,
    query: [
      ...supporterFilters,
      {
        name: 'sort',
        type: 'string',
        description: 'Order of results.',
        enum: ['next-available', 'name'],
      },
      { name: 'offset', type: 'integer', description: 'Index of the first result.' },
      { name: 'limit', type: 'integer', description: 'Page size, 1 to 5000.' },
    ],
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
    method: 'GET',
    path: '/slots/next',
    summary: 'The soonest open slot across every supporter matching the filters.',
    response: NextAvailableSchema,
    status: 200,
    query: supporterFilters,
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
    method: 'GET',
    path: '/gift-cards/{code}',
    summary: "A gift card's remaining sessions.",
    response: GiftCardBalanceSchema,
    status: 200,
    errors: [404],
  },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof endpoints;
