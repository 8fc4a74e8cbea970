// The host page runs its own checkout (README, Payment): it cancels the widgets' hand-off to the
// checkout page, which would take the frame away from the test, and records what it was given.
window.checkouts = [];
document.addEventListener('peer-payment-required', (event) => {
  event.preventDefault();
  window.checkouts.push(event.detail);
});
