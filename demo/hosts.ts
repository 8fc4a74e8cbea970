/**
 * What the framework host pages (react.html, vue.html) share: the demo's backend (`backend.ts`:
 * the reference server under `npm start`, else the in-page mock, started before the app renders
 * its first element, as main.ts starts it before the script tag), and the demo's stand-in for a
 * checkout.
 */
import { startDemoBackend as start, type DemoBackend } from './backend.js';

let backend: DemoBackend | undefined;

export async function startDemoBackend(): Promise<void> {
  backend = await start();
}

/** What `peer-payment-required` says is due (its `detail`). */
interface PaymentDue {
  bookingId?: string;
  giftCardId?: string;
}

/**
 * A real host lets the element go to the program's checkout (or runs its own, having called
 * `preventDefault()`). The demo has no checkout: it tells the backend the session was paid, as a
 * checkout would tell the API, and the host page says so.
 */
export function skipCheckout({ bookingId, giftCardId }: PaymentDue): void {
  if (bookingId) void backend?.markPaid(bookingId);
  else if (giftCardId) void backend?.markGiftCardPaid(giftCardId);
}
