import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/elements/peer-directory/define.js';
import '../src/elements/crisis-banner/define.js';
import type { PeerDirectory } from '../src/elements/peer-directory/peer-directory.js';
import { startMockBackend } from '../src/mocks/browser.js';
import { deepLinks } from './support/crisis.js';
import { until } from './support/until.js';

/**
 * "Always on screen" is literal (QUALITY C1, A6): wherever a data element is in view, its 988 and
 * 911 links are in the viewport, and the line that keeps them there never covers the focused
 * control. Checked on a long result list at desktop and phone widths, scrolling and tabbing.
 */
const { worker } = await startMockBackend({ quiet: true });

afterEach(() => {
  worker.resetHandlers();
  window.scrollTo(0, 0);
});

async function longList(): Promise<PeerDirectory> {
  const el = await fixture<PeerDirectory>(
    html`<peer-directory api-base="/api" page-size="24"></peer-directory>`,
  );
  await until(() => (el.shadowRoot?.querySelectorAll('article').length ?? 0) >= 24, 8000);
  return el;
}

const crisisLinks = (el: Element) =>
  deepLinks(el).filter((a) => ['tel:988', 'sms:988', 'tel:911'].includes(a.getAttribute('href')!));

const bar = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part=crisis]')!;

/** The focused element, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

for (const viewport of [
  { width: 1024, height: 768 },
  { width: 320, height: 640 },
]) {
  describe(`<peer-directory> at ${viewport.width} px wide: 988 and 911 stay in view`, () => {
    before(() => setViewport(viewport));

    it('at every scroll position where the directory is in view', async () => {
      const el = await longList();
      const top = el.getBoundingClientRect().top + window.scrollY;
      const height = el.getBoundingClientRect().height;
      expect(height, 'a list longer than the screen').to.be.greaterThan(viewport.height * 2);
      const barHeight = bar(el).getBoundingClientRect().height;
      let checked = 0;
      for (let y = 0; y <= top + height; y += Math.round(viewport.height / 3)) {
        window.scrollTo(0, y);
        await nextFrame();
        const box = el.getBoundingClientRect();
        // In view, with at least the line's own height of it showing.
        if (box.top >= viewport.height || box.bottom < barHeight) continue;
        checked++;
        const links = crisisLinks(el);
        expect(links, 'three crisis links').to.have.length(3);
        for (const link of links) {
          const rect = link.getBoundingClientRect();
          const where = `${link.getAttribute('href')} at scroll ${y}`;
          expect(rect.top, where).to.be.at.least(0);
          expect(rect.bottom, where).to.be.at.most(viewport.height);
        }
      }
      expect(checked, 'scroll positions checked').to.be.greaterThan(4);
    });

    it('never covers the control that has focus, tabbing forward and back', async () => {
      const el = await longList();
      el.shadowRoot!.querySelector<HTMLElement>('button')!.focus();
      const check = async (key: string) => {
        await sendKeys({ press: key });
        await nextFrame();
        const active = deepActive();
        if (!active || bar(el).contains(active) || !el.shadowRoot!.contains(active)) return 0;
        const line = bar(el).getBoundingClientRect();
        const rect = active.getBoundingClientRect();
        const covered = Math.min(rect.bottom, line.bottom) - Math.max(rect.top, line.top);
        expect(
          covered,
          `${active.localName} "${active.textContent?.trim()}" under the line`,
        ).to.be.at.most(0);
        return 1;
      };
      let focused = 0;
      for (let i = 0; i < 60; i++) focused += await check('Tab');
      for (let i = 0; i < 40; i++) focused += await check('Shift+Tab');
      expect(focused, 'controls focused inside the directory').to.be.greaterThan(60);
    });
  });
}

describe('<peer-directory> with a docked <crisis-banner> on the page', () => {
  it('leaves its own line in place, so two never stack, and the docked one is in view', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <peer-directory api-base="/api"></peer-directory>
        <crisis-banner variant="docked"></crisis-banner>
      </div>`,
    );
    const el = wrapper.querySelector('peer-directory')!;
    await until(() => el.shadowRoot?.querySelector('article'), 8000);
    await until(() => getComputedStyle(bar(el)).position === 'static');
    const docked = wrapper.querySelector('crisis-banner')!;
    for (const link of crisisLinks(docked)) {
      const rect = link.getBoundingClientRect();
      expect(rect.bottom).to.be.at.most(window.innerHeight);
    }
    docked.remove();
    await until(() => getComputedStyle(bar(el)).position === 'sticky');
  });
});
