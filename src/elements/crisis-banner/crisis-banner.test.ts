import { expect, fixture, html, aTimeout } from '@open-wc/testing';
import { sendKeys, setViewport, emulateMedia } from '@web/test-runner-commands';
import './define.js';
import '../peer-support-provider/define.js';
import type { CrisisBanner } from './crisis-banner.js';
import { CrisisBanner as CrisisBannerClass } from './crisis-banner.js';
import { deepLinks, expectCrisisLine, isShown } from '../../../test/support/crisis.js';

function linkByHref(el: Element, href: string): HTMLAnchorElement | undefined {
  return deepLinks(el).find((a) => a.getAttribute('href') === href && isShown(a));
}

function captureWarnings(): { messages: string[]; restore: () => void } {
  const messages: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => messages.push(args.join(' '));
  return { messages, restore: () => (console.warn = original) };
}

afterEach(async () => {
  await setViewport({ width: 800, height: 600 });
  await emulateMedia({ colorScheme: 'light', forcedColors: 'none' } as never);
});

describe('<crisis-banner>', () => {
  for (const lang of ['en', 'es'] as const) {
    for (const variant of ['inline', 'compact', 'docked'] as const) {
      it(`is accessible and shows 988 and 911: ${variant}, ${lang}`, async () => {
        const el = await fixture<CrisisBanner>(
          html`<crisis-banner variant=${variant} lang=${lang}></crisis-banner>`,
        );
        await expect(el).to.be.accessible();
        expectCrisisLine(el);
        const region = el.shadowRoot!.querySelector('section')!;
        expect(region.getAttribute('aria-label') ?? region.getAttribute('aria-labelledby')).to.be
          .ok;
      });
    }
  }

  it('names its links for what they do, in English by default', async () => {
    const el = await fixture<CrisisBanner>(html`<crisis-banner></crisis-banner>`);
    expect(linkByHref(el, 'tel:988')!.textContent!.trim()).to.equal('Call 988');
    expect(linkByHref(el, 'sms:988')!.textContent!.trim()).to.equal('Text 988');
    expect(linkByHref(el, 'tel:911')!.textContent!.trim()).to.equal('Call 911');
    const chat = deepLinks(el).find((a) => a.href.startsWith('https://988lifeline.org'))!;
    expect(chat.textContent).to.contain('Chat at 988lifeline.org');
    expect(chat.target).to.equal('_blank');
    expect(chat.rel).to.contain('noopener');
    const text = el.shadowRoot!.textContent!;
    expect(text).to.contain('press 1');
    expect(text).to.contain('ASL videophone');
    expect(text).to.contain('nearest emergency room');
    expect(text).to.contain('Peer supporters are not a crisis service');
  });

  it('speaks Spanish from its own lang, an ancestor lang, or the provider', async () => {
    const own = await fixture<CrisisBanner>(html`<crisis-banner lang="es-MX"></crisis-banner>`);
    expect(linkByHref(own, 'tel:988')!.textContent!.trim()).to.equal('Llamar al 988');
    expect(own.shadowRoot!.textContent).to.contain('sala de emergencias');
    expect(deepLinks(own).some((a) => a.href.startsWith('https://988lineadevida.org'))).to.be.true;

    const ancestor = await fixture<HTMLElement>(
      html`<div lang="es"><crisis-banner></crisis-banner></div>`,
    );
    const inner = ancestor.querySelector('crisis-banner')!;
    await inner.updateComplete;
    expect(linkByHref(inner, 'tel:911')!.textContent!.trim()).to.equal('Llamar al 911');

    const provided = await fixture<HTMLElement>(
      html`<peer-support-provider locale="es"
        ><crisis-banner></crisis-banner
      ></peer-support-provider>`,
    );
    const banner = provided.querySelector('crisis-banner')!;
    await banner.updateComplete;
    expect(linkByHref(banner, 'sms:988')!.textContent!.trim()).to.equal('Enviar texto al 988');
  });

  it('keeps focus on its links when the provider config changes', async () => {
    const provider = await fixture<HTMLElement>(
      html`<peer-support-provider><crisis-banner></crisis-banner></peer-support-provider>`,
    );
    const banner = provider.querySelector('crisis-banner')!;
    const link = linkByHref(banner, 'tel:988')!;
    link.focus();
    // Compared as booleans: a failing DOM-node comparison makes the reporter diff whole nodes.
    expect(banner.shadowRoot!.activeElement === link).to.be.true;
    provider.setAttribute('theme', 'dark');
    await aTimeout(0);
    expect(banner.getAttribute('theme')).to.equal('dark');
    expect(banner.shadowRoot!.activeElement === link, 'focus stays on Call 988').to.be.true;
  });

  it('paints in the first frame after upgrade, with no network request', async () => {
    const fetches: unknown[] = [];
    const originalFetch = window.fetch;
    window.fetch = (...args: Parameters<typeof fetch>) => {
      fetches.push(args[0]);
      return originalFetch(...args);
    };
    const before = performance.getEntriesByType('resource').length;
    try {
      const host = document.createElement('div');
      document.body.append(host);
      const el = document.createElement('crisis-banner');
      host.append(el);
      // The next frame's callbacks run before that frame paints: the links must already be there.
      const painted = await new Promise<boolean>((resolve) =>
        requestAnimationFrame(() => resolve(Boolean(linkByHref(el, 'tel:988')))),
      );
      expect(painted, '988 link rendered before the first frame').to.be.true;
      await aTimeout(50);
      host.remove();
    } finally {
      window.fetch = originalFetch;
    }
    expect(fetches, 'fetch calls').to.deep.equal([]);
    expect(performance.getEntriesByType('resource').length, 'resource requests').to.equal(before);
  });

  it('adds a valid extra line and keeps 988 and 911', async () => {
    const el = await fixture<CrisisBanner>(
      html`<crisis-banner
        extra-label="Campus crisis line"
        extra-phone="(541) 555-0100"
        extra-sms="541-555-0101"
        extra-url="https://example.edu/crisis"
      ></crisis-banner>`,
    );
    const call = linkByHref(el, 'tel:5415550100');
    expect(call, 'extra call link').to.exist;
    expect(call!.textContent!.trim()).to.equal('Call Campus crisis line');
    expect(linkByHref(el, 'sms:5415550101')).to.exist;
    expect(deepLinks(el).some((a) => a.href === 'https://example.edu/crisis')).to.be.true;
    expectCrisisLine(el);
    await expect(el).to.be.accessible();
  });

  it('ignores an invalid extra phone number with a console warning', async () => {
    const warnings = captureWarnings();
    try {
      const el = await fixture<CrisisBanner>(
        html`<crisis-banner extra-label="Campus line" extra-phone="call us!"></crisis-banner>`,
      );
      expect(
        deepLinks(el)
          .filter((a) => a.href.startsWith('tel:'))
          .map((a) => a.getAttribute('href')),
      ).to.deep.equal(['tel:988', 'tel:911']);
      expect(el.shadowRoot!.textContent).not.to.contain('Campus line');
      expect(warnings.messages.join('\n')).to.match(/"call us!" is not a valid phone number/);
      expectCrisisLine(el);
    } finally {
      warnings.restore();
    }
  });

  it('ignores an extra line URL that is not https, keeping its phone', async () => {
    const warnings = captureWarnings();
    try {
      const el = await fixture<CrisisBanner>(
        html`<crisis-banner
          extra-label="Campus line"
          extra-phone="5415550100"
          extra-url="javascript:alert(1)"
        ></crisis-banner>`,
      );
      expect(deepLinks(el).some((a) => a.href.startsWith('javascript:'))).to.be.false;
      expect(linkByHref(el, 'tel:5415550100')).to.exist;
      expect(warnings.messages.join('\n')).to.contain('must be https');
    } finally {
      warnings.restore();
    }
  });

  describe('docked', () => {
    it('stays at most 56 px tall at 320 px wide, in both locales', async () => {
      await setViewport({ width: 320, height: 640 });
      for (const lang of ['en', 'es']) {
        const el = await fixture<CrisisBanner>(
          html`<crisis-banner variant="docked" lang=${lang}></crisis-banner>`,
        );
        await aTimeout(0);
        const dock = el.shadowRoot!.querySelector('.dock')!.getBoundingClientRect();
        expect(dock.height, `${lang} docked height`).to.be.at.most(56);
        expect(dock.bottom).to.equal(640);
        expect(dock.width).to.equal(320);
        expectCrisisLine(el);
      }
    });

    it('collapses and expands, keeping 988 and 911 visible, and cannot be dismissed', async () => {
      const el = await fixture<CrisisBanner>(
        html`<crisis-banner variant="docked"></crisis-banner>`,
      );
      const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!;
      const details = el.shadowRoot!.querySelector<HTMLElement>('#details')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(isShown(details)).to.be.false;
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(isShown(details)).to.be.true;
      expect(el.shadowRoot!.textContent).to.contain('press 1');
      await expect(el).to.be.accessible();
      toggle.click();
      await el.updateComplete;
      expect(isShown(details)).to.be.false;
      expectCrisisLine(el);
      const buttons = el.shadowRoot!.querySelectorAll('button');
      expect(buttons.length, 'only the expand toggle, no close button').to.equal(1);
    });

    it('never covers the focused element while tabbing through a long page', async () => {
      await setViewport({ width: 320, height: 480 });
      const page = await fixture<HTMLElement>(html`
        <div>
          ${Array.from(
            { length: 30 },
            (_, i) =>
              html`<p><a href="#item-${i}">Link number ${i}</a></p>
                <p>Some text between the links so that the page is long enough to scroll.</p>`,
          )}
          <crisis-banner variant="docked"></crisis-banner>
        </div>
      `);
      const banner = page.querySelector('crisis-banner')!;
      await banner.updateComplete;
      await aTimeout(50);
      const bar = () => banner.shadowRoot!.querySelector('.dock')!.getBoundingClientRect();
      let checked = 0;
      for (let i = 0; i < 40; i++) {
        await sendKeys({ press: 'Tab' });
        await aTimeout(0);
        const active = document.activeElement;
        if (!active || active === banner || !page.contains(active)) continue;
        const rect = active.getBoundingClientRect();
        const dock = bar();
        expect(rect.bottom, `${active.textContent} bottom vs dock top`).to.be.at.most(dock.top);
        checked++;
      }
      expect(checked, 'page links focused').to.be.at.least(20);
    });

    it('does not move the page when focus enters the banner itself', async () => {
      await setViewport({ width: 320, height: 480 });
      const page = await fixture<HTMLElement>(html`
        <div>
          ${Array.from({ length: 40 }, (_, i) => html`<p>Paragraph ${i} of a long page.</p>`)}
          <crisis-banner variant="docked"></crisis-banner>
        </div>
      `);
      const banner = page.querySelector('crisis-banner')!;
      await aTimeout(50);
      window.scrollTo(0, 400);
      const before = window.scrollY;
      linkByHref(banner, 'tel:988')!.focus();
      await aTimeout(0);
      expect(window.scrollY).to.equal(before);
    });

    it('never covers focus in an app-shell scroller that reserves the documented space', async () => {
      await setViewport({ width: 320, height: 480 });
      const page = await fixture<HTMLElement>(html`
        <div>
          <style>
            /* As the README tells pages that scroll in their own full-height container. */
            .shell {
              position: fixed;
              inset: 0;
              overflow: auto;
              padding-block-end: var(--peer-crisis-banner-docked-size, 0);
            }
          </style>
          <div class="shell">
            ${Array.from(
              { length: 30 },
              (_, i) =>
                html`<p><a href="#inner-${i}">Inner link ${i}</a></p>
                  <p>Text between the links of the inner scroller.</p>`,
            )}
          </div>
          <crisis-banner variant="docked"></crisis-banner>
        </div>
      `);
      const banner = page.querySelector('crisis-banner')!;
      const shell = page.querySelector<HTMLElement>('.shell')!;
      await aTimeout(50);
      shell.querySelector('a')!.focus();
      let checked = 0;
      for (let i = 0; i < 35; i++) {
        await sendKeys({ press: 'Tab' });
        await aTimeout(0);
        const active = document.activeElement;
        if (!active || !shell.contains(active)) continue;
        const dock = banner.shadowRoot!.querySelector('.dock')!.getBoundingClientRect();
        expect(active.getBoundingClientRect().bottom, `${active.textContent} bottom`).to.be.at.most(
          dock.top,
        );
        checked++;
      }
      expect(checked, 'inner links focused').to.be.at.least(20);
    });

    it('never covers focus when tabbing back up under a top dock', async () => {
      await setViewport({ width: 320, height: 480 });
      const page = await fixture<HTMLElement>(html`
        <div>
          <crisis-banner variant="docked" position="top"></crisis-banner>
          ${Array.from(
            { length: 30 },
            (_, i) =>
              html`<p><a href="#up-${i}">Link ${i}</a></p>
                <p>Text between the links so that the page scrolls.</p>`,
          )}
        </div>
      `);
      const banner = page.querySelector('crisis-banner')!;
      await aTimeout(50);
      const links = [...page.querySelectorAll(':scope > p a')];
      (links.at(-1) as HTMLElement).focus();
      let checked = 0;
      for (let i = 0; i < 35; i++) {
        await sendKeys({ press: 'Shift+Tab' });
        await aTimeout(0);
        const active = document.activeElement;
        if (!active || !links.includes(active)) continue;
        const dock = banner.shadowRoot!.querySelector('.dock')!.getBoundingClientRect();
        expect(active.getBoundingClientRect().top, `${active.textContent} top`).to.be.at.least(
          dock.bottom,
        );
        checked++;
      }
      expect(checked, 'links focused').to.be.at.least(20);
    });

    it('forgets the provider when moved out of it', async () => {
      const provider = await fixture<HTMLElement>(
        html`<peer-support-provider locale="es"
          ><crisis-banner variant="compact"></crisis-banner
        ></peer-support-provider>`,
      );
      const banner = provider.querySelector('crisis-banner')!;
      expect(linkByHref(banner, 'tel:988')!.textContent!.trim()).to.equal('Llamar al 988');
      provider.after(banner);
      expect(linkByHref(banner, 'tel:988')!.textContent!.trim()).to.equal('Call 988');
      banner.remove();
    });

    it('reserves its own space at the top of the page', async () => {
      const page = await fixture<HTMLElement>(html`
        <div>
          <p id="first"><a href="#a">First link</a></p>
          <crisis-banner variant="docked" position="top"></crisis-banner>
        </div>
      `);
      const banner = page.querySelector('crisis-banner')!;
      await banner.updateComplete;
      await aTimeout(50);
      window.scrollTo(0, 0);
      const dock = banner.shadowRoot!.querySelector('.dock')!.getBoundingClientRect();
      const first = page.querySelector('#first')!.getBoundingClientRect();
      expect(dock.top).to.equal(0);
      expect(first.top).to.be.at.least(dock.bottom);
      banner.remove();
      await aTimeout(0);
      expect(getComputedStyle(document.documentElement).paddingTop).to.equal('0px');
    });
  });

  it('stays usable in forced colors and dark mode', async () => {
    for (const media of [{ forcedColors: 'active' }, { colorScheme: 'dark' }]) {
      await emulateMedia(media as never);
      const el = await fixture<CrisisBanner>(html`<crisis-banner></crisis-banner>`);
      await expect(el).to.be.accessible();
      expectCrisisLine(el);
    }
  });

  it('lays out right to left with the page', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div dir="rtl" lang="es"><crisis-banner></crisis-banner></div>`,
    );
    const banner = wrapper.querySelector('crisis-banner')!;
    await banner.updateComplete;
    const section = banner.shadowRoot!.querySelector('section')!;
    expect(getComputedStyle(section).borderRightWidth).to.equal('4px');
    expect(getComputedStyle(section).borderLeftWidth).to.equal('0px');
    expectCrisisLine(banner);
  });

  it('fits 320 px without horizontal overflow', async () => {
    await setViewport({ width: 320, height: 640 });
    for (const variant of ['inline', 'compact'] as const) {
      const el = await fixture<CrisisBanner>(
        html`<crisis-banner variant=${variant} lang="es"></crisis-banner>`,
      );
      const section = el.shadowRoot!.querySelector('section')!;
      expect(section.scrollWidth, variant).to.be.at.most(section.clientWidth);
      expect(el.getBoundingClientRect().right).to.be.at.most(320);
    }
  });

  it('can be re-tagged by a host through a subclass, and never throws on a taken tag', async () => {
    class CampusBanner extends CrisisBannerClass {}
    CampusBanner.define('campus-crisis-banner');
    expect(customElements.get('campus-crisis-banner')).to.equal(CampusBanner);
    const warnings = captureWarnings();
    try {
      class Other extends CrisisBannerClass {}
      expect(() => Other.define('crisis-banner')).not.to.throw();
      expect(customElements.get('crisis-banner')).to.equal(CrisisBannerClass);
      expect(warnings.messages.join('\n')).to.contain('already defined');
      CrisisBannerClass.define();
      expect(warnings.messages.length, 'same class again is silent').to.equal(1);
    } finally {
      warnings.restore();
    }
  });

  it('shows the README fallback snippet before and without JavaScript', async () => {
    const readme = await (await fetch('/README.md')).text();
    const snippet = /<!-- crisis-banner-snippet:start -->\s*```html\n([\s\S]*?)```/.exec(
      readme,
    )?.[1];
    expect(snippet, 'README has the recommended snippet').to.be.a('string');
    expect(snippet).to.contain('<crisis-banner');
    const frame = document.createElement('iframe');
    // No script in the frame: only the page's HTML, as a browser shows it with JavaScript off.
    frame.sandbox.add('allow-same-origin');
    frame.srcdoc = `<!doctype html><html lang="en"><body>${snippet!.replace(/<script[\s\S]*?<\/script>/g, '')}</body></html>`;
    frame.width = '320';
    frame.height = '400';
    document.body.append(frame);
    try {
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const doc = frame.contentDocument!;
      const banner = doc.querySelector('crisis-banner')!;
      expect(doc.defaultView!.customElements.get('crisis-banner')).to.be.undefined;
      expect(banner.textContent).to.contain('988');
      expect(banner.textContent).to.contain('911');
      for (const href of ['tel:988', 'sms:988', 'tel:911']) {
        const link = banner.querySelector(`a[href="${href}"]`);
        expect(link, href).to.exist;
        expect(link!.getBoundingClientRect().height, `${href} visible`).to.be.greaterThan(0);
      }
    } finally {
      frame.remove();
    }
  });
});
