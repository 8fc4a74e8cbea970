/**
 * The demo's start-up: the in-page mock backend first (so the first API request already reaches
 * it), then the script-tag bundle, exactly as a partner page loads it.
 */
import { startMockBackend } from '../src/mocks/browser.js';
import { programVariants } from '../src/mocks/data.js';
import { createMockStore } from '../src/mocks/store.js';

await startMockBackend({
  quiet: true,
  store: createMockStore({ program: programVariants.campusCrisisLine }),
});

const script = document.createElement('script');
script.src = '/dist/cdn/peer-support-widgets.js';
document.head.append(script);

const language = document.querySelector<HTMLSelectElement>('#language')!;
language.addEventListener('change', () => {
  document.documentElement.lang = language.value;
  document.querySelector('peer-support-provider')?.setAttribute('locale', language.value);
});
