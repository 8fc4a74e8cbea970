/**
 * The demo pages' start-up: the in-page mock backend first (so the first API request already
 * reaches it), then the one script tag, exactly as a partner page writes it:
 * `<script type="module" src=".../peer-support-widgets.js">`. The loader defines the crisis banner
 * at once and every other tag on the page when it sees it.
 */
import { startMockBackend } from '../src/mocks/browser.js';
import { programVariants } from '../src/mocks/data.js';
import { createMockStore } from '../src/mocks/store.js';

await startMockBackend({
  quiet: true,
  store: createMockStore({ program: programVariants.campusCrisisLine }),
});

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
