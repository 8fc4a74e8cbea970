/**
 * What the manage view says about a booking, pure: its status, what cancelling costs now, and
 * what a cancellation came to. The words follow the payment (a fee, a payment made, a gift
 * session, nothing to pay), never a generic "the fee is due".
 */
import type { Booking, BookingCancellation } from '../../api/booking-schemas.js';
import { format } from '../../i18n/locale.js';
import type { BookingStrings } from '../../i18n/booking-en.js';

type Money = (minor: number) => string;

/** What a cancellation came to, in the server's terms. */
export function cancelledText(t: BookingStrings, c: BookingCancellation, money: Money): string {
  switch (c.outcome) {
    case 'fee-due':
      // Already paid: the payment stands; nothing more is owed.
      return c.feeDue.amount > 0
        ? format(t.cancelledFeeDue, { fee: money(c.feeDue.amount) })
        : t.cancelledPaidKept;
    case 'refunded':
      return format(t.cancelledRefunded, { amount: money(c.refunded.amount) });
    case 'gift-session-used':
      return t.cancelledGiftUsed;
    default:
      return c.giftSessionRestored ? t.cancelledGiftRestored : t.cancelledFree;
  }
}

/** The status line: waiting, confirmed, declined, or cancelled (and by whom, and what it cost). */
export function statusText(t: BookingStrings, booking: Booking, name: string, money: Money) {
  if (booking.status === 'cancelled' && booking.cancellation) {
    return booking.cancellation.by === 'supporter'
      ? format(t.statusCancelledBySupporter, { name })
      : cancelledText(t, booking.cancellation, money);
  }
  return format(t.status[booking.status], { name });
}

/** Before confirming a cancellation: free until the deadline, or what a late one costs. */
export function cancelTerms(
  t: BookingStrings,
  booking: Booking,
  free: boolean,
  deadline: string,
  money: Money,
): string {
  const fee = booking.payment.amount.amount;
  if (free) return format(t.cancelFree, { deadline });
  if (booking.payment.kind === 'gift-card') return t.cancelLateGift;
  if (fee === 0) return t.cancelLateNoFee;
  const values = { fee: money(fee), deadline };
  return format(booking.payment.status === 'paid' ? t.cancelLatePaid : t.cancelLate, values);
}

/** The line under the status: free until the deadline, or what cancelling now means. */
export function windowText(t: BookingStrings, booking: Booking, free: boolean, deadline: string) {
  if (free) return format(t.freeUntil, { deadline });
  if (booking.payment.kind === 'gift-card') return t.feeNowGift;
  if (booking.payment.amount.amount === 0) return t.feeNowNone;
  return booking.payment.status === 'paid' ? t.feeNowPaid : t.feeNow;
}

/** "Monday, March 2, 4:00 PM Pacific Time": the exact deadline in the seeker's zone. */
export function formatDeadline(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'long',
  }).format(new Date(iso));
}
