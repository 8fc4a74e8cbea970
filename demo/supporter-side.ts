/**
 * The supporter's side of a request, on the demo's find-and-book page: a real supporter accepts
 * or declines in the program's own tools; here the person trying the demo does it for them,
 * through the demo's backend (the reference server's admin routes, or the mock's store), and sees
 * what the booking became. It hears the booking's id from `peer-booking-requested`, as any host
 * page does: nothing personal.
 */
import type { DemoBackend } from './backend.js';

export function showSupporterSide(backend: DemoBackend): void {
  const section = document.querySelector<HTMLElement>('#supporter-side');
  if (!section) return;
  const about = section.querySelector('#supporter-request');
  const result = section.querySelector('#supporter-result');
  const buttons = [...section.querySelectorAll<HTMLButtonElement>('button[data-answer]')];
  let bookingId = '';

  document.addEventListener('peer-booking-requested', ({ detail }) => {
    if (detail.status !== 'requested') return;
    bookingId = detail.bookingId;
    section.hidden = false;
    if (about) about.textContent = `Booking ${bookingId} waits for the supporter's answer.`;
    if (result) result.textContent = '';
    for (const button of buttons) button.disabled = false;
  });

  for (const button of buttons) {
    button.addEventListener('click', async () => {
      const answer = button.dataset['answer'] === 'decline' ? 'decline' : 'confirm';
      const id = bookingId;
      for (const each of buttons) each.disabled = true;
      const status = await backend.answerRequest(id, answer).catch(() => undefined);
      if (!result) return;
      if (status === 'confirmed') {
        result.textContent = `The supporter accepted: booking ${id} is now confirmed. The seeker hears of it by email, and the booking's link shows it confirmed.`;
      } else if (status === 'declined') {
        result.textContent = `The supporter declined: booking ${id} is declined, and anything paid or used is given back.`;
      } else {
        result.textContent = `Booking ${id} could not be answered (it may have been cancelled meanwhile).`;
        for (const each of buttons) each.disabled = false;
      }
    });
  }
}
