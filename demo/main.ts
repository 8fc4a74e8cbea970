/**
 * The demo pages' start-up: the demo's backend first (`backend.ts`: the reference server under
 * `npm start`, or the in-page mock, started so that the first API request already reaches it),
 * then the one script tag's file, the module a partner's
 * `<script type="module" src=".../peer-support-widgets.js">` runs. The loader defines the crisis banner
 * at once and every other tag on the page when it sees it.
 */
import { startDemoBackend } from './backend.js';
import { showSupporterSide } from './supporter-side.js';
// The example themes (README, Configuration), as a host page links them; the switch below puts
// one's class on <html>.
import '../src/styles/themes/dark.css';
import '../src/styles/themes/campus.css';
import '../src/styles/themes/high-contrast.css';

// Gift cards bought on the demo's gift page are carried to its other pages (`keepGiftCard`).
const backend = await startDemoBackend({ carryGiftCards: true });

// The script tag's own file, as that tag would run it. Not a <script> made here: its `src` set
// from a string is what Trusted Types refuse under the README's policy (the end-to-end test
// serves the demo with it), while a dynamic import() of a 'self' URL is allowed.
const scriptTag = '/dist/cdn/peer-support-widgets.js';
await import(/* @vite-ignore */ scriptTag);

// The theme switch: a theme's class on <html>, kept for the demo's other pages in this tab.
const themeKey = 'peer-demo:theme';
const theme = document.querySelector<HTMLSelectElement>('#theme');
function applyTheme(chosen: string): void {
  for (const { value } of theme?.options ?? []) {
    if (value) document.documentElement.classList.toggle(value, value === chosen);
  }
}
if (theme) {
  const saved = sessionStorage.getItem(themeKey) ?? '';
  if ([...theme.options].some((option) => option.value === saved)) theme.value = saved;
  applyTheme(theme.value);
  theme.addEventListener('change', () => {
    applyTheme(theme.value);
    sessionStorage.setItem(themeKey, theme.value);
  });
}

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
showSupporterSide(backend);

// Payment: a real page lets the element go to the program's checkout (or runs its own). The
// demo's checkout host does not exist, so it keeps the seeker here and tells the demo's backend
// the session was paid, as a real checkout would tell the API.
const paymentNote = document.querySelector('#payment-note');
document.addEventListener('peer-payment-required', (event) => {
  event.preventDefault();
  const { bookingId, giftCardId } = event.detail;
  if (bookingId) void backend.markPaid(bookingId);
  else if (giftCardId) showGiftLink(giftCardId, backend.markGiftCardPaid(giftCardId));
  if (paymentNote) {
    paymentNote.textContent =
      'Demo: payment is skipped. A partner page would now go to its checkout; card details never pass through the widget.';
  }
});

// A gift card: the page hears its id and the number of sessions, never the code. The demo shows
// the link the demo's backend "emailed" the recipient (a real API emails it on the delivery date).
const giftEvents = document.querySelector('#gift-events');
const giftLink = document.querySelector('#gift-link');
document.addEventListener('peer-gift-card-purchased', ({ detail }) => {
  if (giftEvents) {
    giftEvents.textContent = `Gift card ${detail.giftCardId} bought (${detail.sessions} sessions).`;
  }
  showGiftLink(detail.giftCardId);
});

/**
 * The recipient's link, as the backend emailed it; the card carried to the demo's other pages.
 * One at a time, in the order asked (a purchase, then its payment), each after `after`.
 */
let giftLinkShown = Promise.resolve();
function showGiftLink(giftCardId: string, after?: Promise<void>): void {
  giftLinkShown = giftLinkShown.then(async () => {
    await after;
    const code = await backend.emailedCode(giftCardId);
    if (code) await writeGiftLink(code);
  });
  // A failed step must not stop the next ones.
  giftLinkShown = giftLinkShown.catch((error: unknown) => console.warn('Demo: gift link', error));
}

async function writeGiftLink(code: string): Promise<void> {
  await backend.keepGiftCard(code);
  if (!giftLink) return;
  const link = document.createElement('a');
  link.href = `./directory.html?gift=${encodeURIComponent(code)}`;
  link.textContent = 'the recipient’s gift link';
  giftLink.replaceChildren(
    `Demo: ${backend.label} emailed `,
    link,
    `. Following it, the booking applies gift card ${code}.`,
  );
}
