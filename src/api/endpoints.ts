/**
 * The endpoint table: method, path, request and response schema of every operation the widgets
 * use. The client, the mock backend and the OpenAPI generator all read this one table; its prose
 * for the OpenAPI document is in `endpoint-docs.ts`, out of the bundles.
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
  enum?: readonly string[];
}

export const endpoints = {
  getProgram: {
    method: 'GET',
    path: '/program',
    response: ProgramSchema,
    status: 200,
  },
  listSupporters: {
    method: 'POST',
    path: '/supporters/search',
    request: SupporterQuerySchema,
    response: SupporterPageSchema,
    status: 200,
  },
  getSupporter: {
    method: 'GET',
    path: '/supporters/{supporterId}',
    response: SupporterProfileSchema,
    status: 200,
    errors: [404],
  },
  listSlots: {
    method: 'GET',
    path: '/supporters/{supporterId}/slots',
    response: SlotListSchema,
    status: 200,
    query: [
      { name: 'from', type: 'string' },
      { name: 'to', type: 'string' },
      { name: 'lengthMinutes', type: 'integer' },
    ],
    errors: [404],
  },
  nextAvailable: {
    method: 'POST',
    path: '/slots/next',
    request: SupporterFiltersSchema,
    response: NextAvailableSchema,
    status: 200,
  },
  match: {
    method: 'POST',
    path: '/matches',
    request: MatchRequestSchema,
    response: MatchResultSchema,
    status: 200,
  },
  createBooking: {
    method: 'POST',
    path: '/bookings',
    request: BookingRequestSchema,
    response: BookingSchema,
    status: 201,
    errors: [404, 409, 422],
    idempotent: true,
  },
  getBooking: {
    method: 'GET',
    path: '/bookings/{bookingId}',
    response: BookingSchema,
    status: 200,
    errors: [404],
  },
  cancelBooking: {
    method: 'POST',
    path: '/bookings/{bookingId}/cancellation',
    request: CancellationRequestSchema,
    response: CancellationSchema,
    status: 200,
    errors: [404, 409, 422],
    idempotent: true,
  },
  rescheduleBooking: {
    method: 'POST',
    path: '/bookings/{bookingId}/reschedule',
    request: RescheduleRequestSchema,
    response: BookingSchema,
    status: 200,
    errors: [404, 409, 422],
    idempotent: true,
  },
  purchaseGiftCard: {
    method: 'POST',
    path: '/gift-cards',
    request: GiftCardPurchaseRequestSchema,
    response: GiftCardPurchaseSchema,
    status: 201,
    errors: [422],
    idempotent: true,
  },
  getGiftCard: {
    method: 'POST',
    path: '/gift-cards/lookup',
    request: GiftCardLookupRequestSchema,
    response: GiftCardBalanceSchema,
    status: 200,
    errors: [404],
  },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof endpoints;
