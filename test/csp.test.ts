import { expect, aTimeout } from '@open-wc/testing';
import { startMockBackend } from '../src/mocks/browser.js';
import { deepLinks, expectCrisisLine } from './support/crisis.js';
import { until } from './support/until.js';

// The mock backend's service worker answers the frames' requests too.
await startMockBackend({ quiet: true });

/**
 * QUALITY S1: the script-tag bundles work on a page with a strict CSP and Trusted Types, with zero
 * violations. These load the built files from dist/ (`npm test` builds before it tests).
 */
async function load(page: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.src = page;
  frame.width = '800';
  frame.height = '600';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame;
}

for (const bundle of ['peer-support-widgets', 'crisis-banner']) {
  describe(`dist/cdn/${bundle}.js under a strict CSP`, () => {
    it('renders every banner variant with zero CSP violations', async () => {
      const probe = await fetch(`/dist/cdn/${bundle}.js`, { method: 'HEAD' });
      expect(probe.ok, `dist/cdn/${bundle}.js exists: run npm run build first`).to.be.true;
      const frame = await load(`/test/csp/${bundle}.html`);
      try {
        const win = frame.contentWindow as Window & { cspViolations: string[] };
        const banners = [...frame.contentDocument!.querySelectorAll('crisis-banner')];
        await aTimeout(100);
        expect(banners).to.have.length(3);
        for (const banner of banners) {
          expect(banner.shadowRoot, 'upgraded').to.exist;
          expectCrisisLine(banner);
        }
        expect(deepLinks(banners[1]!).some((a) => a.getAttribute('href') === 'tel:5415550100')).to
          .be.true;
        expect(win.cspViolations).to.deep.equal([]);
      } finally {
        frame.remove();
      }
    });
  });
}

describe('<peer-directory> through the loader under a strict CSP', () => {
  it('loads its chunks, shows results and the crisis line with zero CSP violations', async () => {
    const frame = await load('/test/csp/directory.html');
    try {
      const win = frame.contentWindow as Window & { cspViolations: string[] };
      const directory = frame.contentDocument!.querySelector('peer-directory')!;
      await until(() => (directory.shadowRoot?.querySelectorAll('article').length ?? 0) > 0, 8000);
      expectCrisisLine(directory);
      // Supporter text renders as text, photos load from the page's own origin (S2, S3).
      expect(directory.shadowRoot!.querySelector('h3')!.textContent!.trim()).to.not.equal('');
      expect(win.cspViolations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
