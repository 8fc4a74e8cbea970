/**
 * The demo pages' start-up: the in-page mock backend first (so the first API request already
 * reaches it), then the one script tag, exactly as a partner page writes it:
 * `<script type="module" src=".../peer-support-widgets.js">`. The loader defines the crisis banner
 * at once and every other tag on the page when it sees it.
 */
import { startMockBackend } from '../src/mocks/browser.js';
import { programVariants } from '../src/mocks/data.js';
import { createMockStore } from '../src/mocks/store.js';

const store = createMockStore({ program: programVariants.campusCrisisLine });
await startMockBackend({ quiet: true, store });

const script = document.createElement('script');
script.type = 'module';
script.src = '/dist/cdn/peer-support-widgets.js';
document.head.append(script);

const language = document.querySelector<HTMLSelectElement>('#language');
language?.addEventListener('change', () => {
  document.documentElement.lang = language.value;
  document.querySelector('peer-support-provider')?.setAttribute('locale', language.value);
});

// What a host page does with the selection (ids, times and lengths only: no personal data).
const selection = document.querySelector('#selection');
document.addEventListener('peer-supporter-selected', (event) => {
  const { supporterId, slotStart } = event.detail;
  if (selection) {
    selection.textContent = `Selected ${supporterId}${slotStart ? ` at ${slotStart}` : ''}.`;
  }
});

// What a host page does with a booking: the same ids and times, and nothing personal.
const bookingEvents = document.querySelector('#booking-events');
const show = (line: string) => {
  if (bookingEvents) bookingEvents.textContent = line;
};
document.addEventListener('peer-booking-requested', ({ detail }) => {
  show(`Booking ${detail.bookingId} requested (${detail.status}) for ${detail.start}.`);
});
document.addEventListener('peer-booking-rescheduled', ({ detail }) => {
  show(`Booking ${detail.bookingId} moved to ${detail.start}.`);
});
document.addEventListener('peer-booking-cancelled', ({ detail }) => {
  show(`Booking ${detail.bookingId} cancelled${detail.feeApplies ? ' (the fee applies)' : ''}.`);
});

// Payment: a real page lets the element go to the program's checkout (or runs its own). The
// demo's checkout host does not exist, so it keeps the seeker here and tells the mock backend the
// session was paid, as a real checkout would tell the API.
const paymentNote = document.querySelector('#payment-note');
document.addEventListener('peer-payment-required', (event) => {
  event.preventDefault();
  const { bookingId, giftCardId } = event.detail;
  if (bookingId) store.markPaid(bookingId);
  else if (giftCardId) store.markGiftCardPaid(giftCardId);
  if (paymentNote) {
    paymentNote.textContent =
      'Demo: payment is skipped. A partner page would now go to its checkout; card details never pass through the widget.';
  }
});
