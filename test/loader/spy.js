// Loaded first by the loader test pages: records console warnings and errors, and every
// peer-error with the tag of the element it was fired on, for the test to read.
window.consoleCalls = [];
for (const level of ['warn', 'error']) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    window.consoleCalls.push({ level, text: args.map(String).join(' ') });
    original(...args);
  };
}
window.peerErrors = [];
document.addEventListener('peer-error', (event) => {
  window.peerErrors.push({
    on: event.target.localName,
    detail: event.detail,
    // The class the page reaches through the script tag's global (README): one class, one copy.
    isPeerErrorEvent: event instanceof (window.PeerSupportWidgets?.PeerErrorEvent ?? Object),
  });
});
