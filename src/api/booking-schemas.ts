/**
 * Bookings: the request a seeker sends, the booking the API answers with, and
 * cancelling or rescheduling it. Part of the contract (`schemas.ts` has the rest, and the
 * conventions); a module of its own so that a page without that element never downloads these
 * schemas (QUALITY P1).
 */
import * as z from 'zod/mini';
import {
  DateTimeSchema,
  StateCodeSchema,
  IdSchema,
  HttpsUrlSchema,
  EmailSchema,
  MoneySchema,
  SessionLengthSchema,
  ModalitySchema,
  TimeZoneSchema,
} from './schemas.js';
import { nonNegativeInt, text } from './schema-helpers.js';

export const PaymentChoiceSchema = z.union([
  /** Pay what you can: the seeker's amount, between the program's minimum and maximum. */
  z.object({ kind: z.literal('sliding-scale'), amount: nonNegativeInt() }),
  z.object({ kind: z.literal('fixed') }),
  z.object({ kind: z.literal('free') }),
  z.object({
    kind: z.literal('gift-card'),
    code: z.string().check(z.regex(/^[A-Z0-9]{4}(?:-[A-Z0-9]{4}){3,7}$/)),
  }),
]);
export type PaymentChoice = z.infer<typeof PaymentChoiceSchema>;

export const BookingRequestSchema = z.object({
  supporterId: IdSchema,
  slotStart: DateTimeSchema,
  lengthMinutes: SessionLengthSchema,
  modality: ModalitySchema,
  /** The seeker's answers; sent to the partner's backend only, never kept by the widgets. */
  seeker: z.object({
    name: text(120),
    email: EmailSchema,
    pronouns: z.optional(z.string().check(z.maxLength(40))),
    /** Where the seeker lives; must be one of the program's `eligibility.states`. */
    state: StateCodeSchema,
    /**
     * The seeker's age, only when the program has an age limit (`eligibility.minAge` or
     * `maxAge`): required then unless `ageInRange` stands in for it; ignored without a limit.
     */
    age: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(130))),
    /**
     * The seeker's yes to "Are you between 18 and 30?", instead of an age, when the program's
     * `eligibility.ageQuestion` is `range`.
     */
    ageInRange: z.optional(z.literal(true)),
  }),
  /** The seeker read and agreed to each policy; each must be true. */
  policies: z.object({
    notTherapy: z.literal(true),
    cancellation: z.literal(true),
    privacy: z.literal(true),
  }),
  payment: PaymentChoiceSchema,
  /** Seeker's time zone, so that emails show their local time. */
  timeZone: TimeZoneSchema,
  /** Optional note for the supporter. */
  note: z.optional(z.string().check(z.maxLength(1000))),
});
export type BookingRequest = z.infer<typeof BookingRequestSchema>;

export const BookingStatusSchema = z.enum(['requested', 'confirmed', 'declined', 'cancelled']);
export type BookingStatus = z.infer<typeof BookingStatusSchema>;

export const PaymentStatusSchema = z.enum([
  'not-required',
  'due',
  'paid',
  'covered-by-gift',
  'refunded',
]);

/**
 * The secret that lets its holder read, cancel and reschedule one booking: at least 128 bits of
 * randomness from a cryptographic source (22 or more base64url characters, or 32 hex digits).
 * Sent only in the `X-Manage-Token` header, never in a path or query string.
 */
export const ManageTokenSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{22,256}$/));

const cancellationShape = {
  cancelledAt: DateTimeSchema,
  /** Who cancelled: the seeker (through the widget) or the supporter. */
  by: z.enum(['seeker', 'supporter']),
  /**
   * Whether the cancellation came at least the program's `windowHours` before the start: exactly
   * `windowHours` before counts as in time ("at least 24 hours before" is free).
   */
  withinFreeWindow: z.boolean(),
  /**
   * no-charge: nothing was paid; refunded: paid and refunded; fee-due: the full fee stands;
   * gift-session-used: a late cancellation of a gift session, which is not returned to the card.
   */
  outcome: z.enum(['no-charge', 'refunded', 'fee-due', 'gift-session-used']),
  /**
   * What the seeker still owes for the session: the full fee after a late cancellation of a
   * booking not yet paid; 0 when it was paid (the payment stands, nothing is refunded) or in time.
   */
  feeDue: MoneySchema,
  /** What is paid back to the seeker: the amount paid when cancelled in time, else 0. */
  refunded: MoneySchema,
  /** A gift session returned to the card's balance. */
  giftSessionRestored: z.boolean(),
};

/** A booking's cancellation, as the booking shows it once cancelled. */
export const BookingCancellationSchema = z.object(cancellationShape);
export type BookingCancellation = z.infer<typeof BookingCancellationSchema>;

const bookingShape = {
  id: IdSchema,
  status: BookingStatusSchema,
  supporterId: IdSchema,
  start: DateTimeSchema,
  end: DateTimeSchema,
  lengthMinutes: SessionLengthSchema,
  modality: ModalitySchema,
  payment: z.object({
    kind: z.enum(['sliding-scale', 'fixed', 'free', 'gift-card']),
    status: PaymentStatusSchema,
    /** What the seeker pays for this session: zero when free or covered by a gift card. */
    amount: MoneySchema,
    /** Partner's checkout to hand the seeker to when payment is due. */
    checkoutUrl: z.optional(HttpsUrlSchema),
  }),
  /** Last moment to cancel free of charge (this instant included). */
  freeCancellationUntil: DateTimeSchema,
  /** Video link, only once the supporter has confirmed. */
  joinUrl: z.optional(HttpsUrlSchema),
  createdAt: DateTimeSchema,
  /** Present once the booking is cancelled (status `cancelled`), by either side. */
  cancellation: z.optional(BookingCancellationSchema),
};
export const BookingSchema = z.object(bookingShape);
export type Booking = z.infer<typeof BookingSchema>;

/**
 * The answer to a new booking: the booking and its manage token, which only this answer (and its
 * idempotent replays) carries. The server keeps only a hash of the token.
 */
export const CreatedBookingSchema = z.object({ ...bookingShape, manageToken: ManageTokenSchema });
export type CreatedBooking = z.infer<typeof CreatedBookingSchema>;

export const CancellationRequestSchema = z.object({
  reason: z.optional(
    z.enum(['schedule-conflict', 'feeling-better', 'found-other-support', 'other']),
  ),
});
export type CancellationRequest = z.infer<typeof CancellationRequestSchema>;

export const CancellationSchema = z.object({
  bookingId: IdSchema,
  status: z.literal('cancelled'),
  ...cancellationShape,
});
export type Cancellation = z.infer<typeof CancellationSchema>;

export const RescheduleRequestSchema = z.object({
  slotStart: DateTimeSchema,
});
export type RescheduleRequest = z.infer<typeof RescheduleRequestSchema>;
