/**
 * The events `<peer-booking>` fires, beside the shared `peer-error`. Each bubbles and is composed.
 * Payloads carry ids, times and flags only: never a name, email, age or state (QUALITY S4).
 */
import { PeerEvent } from '../../events.js';

export interface BookingRequestedDetail {
  /** Opaque booking id from the API. */
  bookingId: string;
  /** `requested` until the supporter accepts (a backend may confirm at once: `confirmed`). */
  status: 'requested' | 'confirmed' | 'declined' | 'cancelled';
  /** ISO 8601 start of the session, with offset. */
  start: string;
  durationMinutes: number;
}

/** The seeker sent a booking request and the API accepted it. */
export class PeerBookingRequestedEvent extends PeerEvent<BookingRequestedDetail> {
  static readonly eventName = 'peer-booking-requested';

  constructor(detail: BookingRequestedDetail) {
    super(PeerBookingRequestedEvent.eventName, detail);
  }
}

export interface BookingCancelledDetail {
  bookingId: string;
  /** Whether the full fee stays due (a cancellation later than the program's window). */
  feeApplies: boolean;
}

/** The seeker cancelled a booking and the API confirmed it. */
export class PeerBookingCancelledEvent extends PeerEvent<BookingCancelledDetail> {
  static readonly eventName = 'peer-booking-cancelled';

  constructor(detail: BookingCancelledDetail) {
    super(PeerBookingCancelledEvent.eventName, detail);
  }
}

export interface BookingRescheduledDetail {
  bookingId: string;
  /** ISO 8601 start of the new session. */
  start: string;
}

/** The seeker moved a booking to another time and the API accepted it. */
export class PeerBookingRescheduledEvent extends PeerEvent<BookingRescheduledDetail> {
  static readonly eventName = 'peer-booking-rescheduled';

  constructor(detail: BookingRescheduledDetail) {
    super(PeerBookingRescheduledEvent.eventName, detail);
  }
}

export interface PaymentRequiredDetail {
  /** The booking payment is due for (from `<peer-booking>`). */
  bookingId?: string;
  /** The gift card payment is due for (from `<gift-card-purchase>`); then there is no `bookingId`. */
  giftCardId?: string;
  /** The partner's checkout (https) for this booking. */
  checkoutUrl: string;
}

/**
 * Payment is due for a new booking or gift card. Unless a listener calls `preventDefault()`, the element then
 * sends the seeker to `checkoutUrl`; a host that runs its own checkout cancels the event. Card data
 * never passes through the widget.
 */
export class PeerPaymentRequiredEvent extends PeerEvent<PaymentRequiredDetail> {
  static readonly eventName = 'peer-payment-required';

  constructor(detail: PaymentRequiredDetail) {
    super(PeerPaymentRequiredEvent.eventName, detail, true);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'peer-booking-requested': PeerBookingRequestedEvent;
    'peer-booking-cancelled': PeerBookingCancelledEvent;
    'peer-booking-rescheduled': PeerBookingRescheduledEvent;
    'peer-payment-required': PeerPaymentRequiredEvent;
  }
}
