import { expect, fixture, html } from '@open-wc/testing';
import { expectCrisisLine } from './support/crisis.js';
import { until } from './support/until.js';
import { startMockBackend } from '../src/mocks/browser.js';

/**
 * Another library on the page holds the global `crisis-banner` tag before ours loads. Our data
 * elements render their crisis line themselves, so 988 and 911 are still there, not the other
 * library's content.
 */
customElements.define(
  'crisis-banner',
  class ForeignBanner extends HTMLElement {
    connectedCallback(): void {
      this.textContent = 'Some other library’s banner';
    }
  },
);
await startMockBackend({ quiet: true });
await import('../src/elements/peer-directory/define.js');

describe('a foreign <crisis-banner> defined first', () => {
  it('does not take the directory’s crisis line', async () => {
    const el = await fixture(html`<peer-directory api-base="/api"></peer-directory>`);
    await until(() => el.shadowRoot?.querySelector('article'), 8000);
    expectCrisisLine(el);
    expect(el.shadowRoot!.textContent).to.not.contain('Some other library');
  });
});
