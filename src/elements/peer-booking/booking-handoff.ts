import type { CreatedBooking } from '../../api/booking-schemas.js';
import { PeerErrorEvent } from '../../events.js';
import { PeerBookingRequestedEvent, PeerPaymentRequiredEvent } from './booking-events.js';

/**
 * Tells the host page of a new booking (ids and times only), and when payment is due hands the
 * seeker to the partner's checkout: a cancelable `peer-payment-required` first, so that a host
 * with its own checkout can take over; then, unless cancelled, `navigate` to the https URL. Card
 * data never passes through the widget.
 */
export function announceBooking(
  host: HTMLElement,
  created: CreatedBooking,
  navigate: (url: string) => void,
): void {
  host.dispatchEvent(
    new PeerBookingRequestedEvent({
      bookingId: created.id,
      status: created.status,
      start: created.start,
      durationMinutes: created.lengthMinutes,
    }),
  );
  const { status, checkoutUrl } = created.payment;
  if (status !== 'due') return;
  if (!checkoutUrl || !/^https:\/\//i.test(checkoutUrl.trim())) {
    // Payment is due and there is nowhere safe to pay: the host page must hear of it.
    host.dispatchEvent(
      new PeerErrorEvent({
        kind: 'validation',
        endpoint: 'createBooking',
        message:
          'Payment is due but the booking has no https checkoutUrl; the seeker was not sent anywhere.',
      }),
    );
    return;
  }
  const event = new PeerPaymentRequiredEvent({ bookingId: created.id, checkoutUrl });
  if (host.dispatchEvent(event)) navigate(checkoutUrl);
}
