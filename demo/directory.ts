/** The directory demo: mock backend first, then the elements from source. */
import { startMockBackend } from '../src/mocks/browser.js';

await startMockBackend({ quiet: true });
await import('../src/define.js');
await import('../src/elements/peer-directory/define.js');

// What a host page does with the selection (without personal data: ids and times only).
document.addEventListener('peer-supporter-selected', (event) => {
  const { supporterId, slotStart } = event.detail;
  document.querySelector('#selection')!.textContent =
    `Selected ${supporterId}${slotStart ? ` at ${slotStart}` : ''}.`;
});
