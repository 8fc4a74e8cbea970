import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/peer-directory/define.js';
import type { PeerDirectory } from '../../src/elements/peer-directory/peer-directory.js';
import { formatSlot, zoneName } from '../../src/internal/format.js';
import { startMockBackend } from '../../src/mocks/browser.js';
import { createMockStore } from '../../src/mocks/store.js';
import { createSeedSupporters } from '../../src/mocks/data.js';
import { until } from '../support/until.js';

/**
 * R6 from the seeker's side: this file runs in a browser whose zone is America/New_York. The
 * program works in Pacific time and the wire carries offsets; the seeker must see Eastern times,
 * named, on both sides of the change to daylight time on Sunday 2026-03-08.
 */

// Friday morning before the change: the soonest slots fall on Friday (EST) and Monday (EDT).
const now = new Date('2026-03-06T08:00:00-08:00');
const store = createMockStore({ supporters: createSeedSupporters(64), now: () => now });
const { worker } = await startMockBackend({ quiet: true, store });
const changeToDaylight = Date.parse('2026-03-08T07:00:00Z');

after(() => worker.resetHandlers());

describe('in the seeker’s zone (America/New_York), across a DST change', () => {
  it('runs in the emulated zone', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('America/New_York');
  });

  it('formats Pacific slots as Eastern times, with the zone named on each side of the change', () => {
    expect(formatSlot('2026-03-06T09:00:00-08:00', 'en')).to.equal('Fri, Mar 6, 12:00 PM EST');
    expect(formatSlot('2026-03-09T09:00:00-07:00', 'en')).to.equal('Mon, Mar 9, 12:00 PM EDT');
    expect(zoneName('en', new Date('2026-03-06T12:00:00Z'))).to.equal('Eastern Time');
    expect(zoneName('en', new Date('2026-03-09T12:00:00Z'))).to.equal('Eastern Time');
  });

  it('shows each card’s next session in Eastern time, EST before the change and EDT after', async () => {
    const el = await fixture<PeerDirectory>(
      html`<peer-directory api-base="/api" page-size="64"></peer-directory>`,
    );
    const list = await until(() => el.shadowRoot!.querySelector('[part=list]'));
    const page = await store.listSupporters({ limit: 64 });
    if (!page.ok) throw new Error('mock store refused the query');
    const starts = new Map(page.body.items.map((s) => [s.name, s.nextAvailable]));
    const seen = { EST: 0, EDT: 0 };
    for (const card of list.querySelectorAll('[part=card]')) {
      const name = card.querySelector('h3')!.textContent!.trim();
      const iso = starts.get(name);
      const slot = card.querySelector('.next button.slot');
      if (!iso || !slot) continue;
      const zone = Date.parse(iso) < changeToDaylight ? 'EST' : 'EDT';
      const eastern = new Intl.DateTimeFormat('en-US', {
        timeZone: 'America/New_York',
        hour: 'numeric',
        minute: '2-digit',
      }).format(new Date(iso));
      const shown = slot.textContent!.trim();
      expect(shown, name).to.contain(eastern);
      expect(shown, name).to.match(new RegExp(`${zone}$`));
      seen[zone]++;
    }
    expect(seen.EST, 'cards before the change').to.be.greaterThan(0);
    expect(seen.EDT, 'cards after the change').to.be.greaterThan(0);
    expect(el.shadowRoot!.querySelector('.count')!.textContent).to.contain(
      'Times are shown in Eastern Time.',
    );
  });
});
