/**
 * What a backend does, whatever stores it: every operation of the contract, answered as
 * `ApiResult` (status and body, valid against the operation's response schema, or the contract's
 * error body), and the supporter's side for the admin route, the demo and the tests.
 *
 * `createBackend` (`service.ts`) implements it over a `Storage`; the mock's MSW handlers and the
 * reference server's routes both turn HTTP into these calls through `handleApiRequest` (`http.ts`).
 */
import type {
  Booking,
  BookingRequest,
  Cancellation,
  CancellationRequest,
  CreatedBooking,
  ErrorBody,
  GiftCardBalance,
  GiftCardPurchase,
  GiftCardPurchaseRequest,
  MatchRequest,
  MatchResult,
  NextAvailable,
  Program,
  RescheduleRequest,
  SlotList,
  SupporterFilters,
  SupporterPageWire,
  SupporterProfile,
  SupporterQuery,
  SupporterSummary,
} from '../api/index.js';

/** A page of supporters, items in summary shape (the wire schema leaves them `unknown`). */
export interface SupporterPage extends Omit<SupporterPageWire, 'items'> {
  items: SupporterSummary[];
}

export type ErrorStatus = 400 | 404 | 409 | 413 | 422 | 429 | 500 | 503;

export interface ApiSuccess<T> {
  ok: true;
  status: 200 | 201;
  body: T;
}

export interface ApiFailure {
  ok: false;
  status: ErrorStatus;
  body: ErrorBody;
  /** Seconds for the Retry-After header of a 429. */
  retryAfter?: number;
}

export type ApiResult<T> = ApiSuccess<T> | ApiFailure;

/** The language of labels (tags, reasons, times of day) in an answer, from `Accept-Language`. */
export type Locale = 'en' | 'es';

export interface SlotQuery {
  /** ISO 8601 instant; default now. */
  from?: string;
  /** ISO 8601 instant; default 14 days after `from`. */
  to?: string;
  lengthMinutes?: number;
}

/** The operations that take an Idempotency-Key. */
export type IdempotentOperation =
  'createBooking' | 'cancelBooking' | 'rescheduleBooking' | 'purchaseGiftCard';

export interface BackendOperations {
  getProgram(): Promise<ApiResult<Program>>;
  listSupporters(query?: SupporterQuery, locale?: Locale): Promise<ApiResult<SupporterPage>>;
  getSupporter(supporterId: string, locale?: Locale): Promise<ApiResult<SupporterProfile>>;
  listSlots(supporterId: string, query?: SlotQuery): Promise<ApiResult<SlotList>>;
  nextAvailable(filters?: SupporterFilters): Promise<ApiResult<NextAvailable>>;
  match(request: MatchRequest, locale?: Locale): Promise<ApiResult<MatchResult>>;
  createBooking(
    request: BookingRequest,
    idempotencyKey?: string,
  ): Promise<ApiResult<CreatedBooking>>;
  /** A missing or wrong token is answered as an unknown booking is: the same 404. */
  getBooking(bookingId: string, manageToken: string | undefined): Promise<ApiResult<Booking>>;
  cancelBooking(
    bookingId: string,
    manageToken: string | undefined,
    request?: CancellationRequest,
    idempotencyKey?: string,
  ): Promise<ApiResult<Cancellation>>;
  rescheduleBooking(
    bookingId: string,
    manageToken: string | undefined,
    request: RescheduleRequest,
    idempotencyKey?: string,
  ): Promise<ApiResult<Booking>>;
  purchaseGiftCard(
    request: GiftCardPurchaseRequest,
    idempotencyKey?: string,
  ): Promise<ApiResult<GiftCardPurchase>>;
  /**
   * `client`: who asks (an address), for the lookup limit, which is counted per client; without
   * it, every lookup counts against one shared limit.
   */
  getGiftCard(code: string, client?: string): Promise<ApiResult<GiftCardBalance>>;
}

/**
 * The supporter's and the partner's side, which the contract leaves to other systems: what the
 * admin route exposes and the tests drive. Each returns false when the change does not apply
 * (unknown id, wrong status).
 */
export interface BackendControl {
  /** The supporter accepts the request; a video session gets its link. */
  confirmBooking(bookingId: string): Promise<boolean>;
  /** The supporter declines: a payment is refunded, a gift session restored. */
  declineBooking(bookingId: string): Promise<boolean>;
  /** The supporter cancels: free to the seeker whenever it happens. */
  cancelAsSupporter(bookingId: string): Promise<boolean>;
  /** The partner's checkout reports a booking's payment as done. */
  markPaid(bookingId: string): Promise<boolean>;
  /** The partner's checkout reports a gift card purchase as paid. */
  markGiftCardPaid(giftCardId: string): Promise<boolean>;
  /** The code a purchase made, which the backend emails; never in an answer. */
  emailedCode(giftCardId: string): Promise<string | undefined>;
  /** Every booking, in creation order. */
  bookings(): Promise<Booking[]>;
  /** Every gift code, seeded and purchased. */
  giftCodes(): Promise<string[]>;
}

export interface Backend extends BackendOperations, BackendControl {
  /** The clock every rule reads (the cancellation window is decided on it). */
  now(): Date;
}
