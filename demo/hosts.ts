/**
 * What the framework host pages (react.html, vue.html) share: the in-page mock backend, started
 * before the app renders its first element (as main.ts starts it before the script tag), and the
 * demo's stand-in for a checkout.
 */
import { startMockBackend } from '../src/mocks/browser.js';
import { programVariants } from '../src/mocks/data.js';
import { createMockStore } from '../src/mocks/store.js';

const store = createMockStore({ program: programVariants.campusCrisisLine });

export async function startDemoBackend(): Promise<void> {
  await startMockBackend({ quiet: true, store });
}

/** What `peer-payment-required` says is due (its `detail`). */
interface PaymentDue {
  bookingId?: string;
  giftCardId?: string;
}

/**
 * A real host lets the element go to the program's checkout (or runs its own, having called
 * `preventDefault()`). The demo has no checkout: it tells the mock the session was paid, as a
 * checkout would tell the API, and the host page says so.
 */
export async function skipCheckout({ bookingId, giftCardId }: PaymentDue): Promise<void> {
  if (bookingId) await store.markPaid(bookingId);
  else if (giftCardId) await store.markGiftCardPaid(giftCardId);
}
