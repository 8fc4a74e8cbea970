import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect } from 'storybook/test';
import '../src/elements/crisis-banner/define.js';
import type { CrisisBanner } from '../src/elements/crisis-banner/crisis-banner.js';
import { crisisHrefs, expectTapTarget } from './support/crisis.js';
import { normalize, rendered } from './support/dom.js';
import { shownLang } from './support/workbench.js';

interface CrisisBannerArgs {
  variant: 'inline' | 'compact' | 'docked';
  position: 'top' | 'bottom';
  expanded: boolean;
  lang: 'en' | 'es';
  extraLabel?: string;
  extraPhone?: string;
  extraSms?: string;
  extraUrl?: string;
}

/** A campus line as a partner would write it in its page: formatted number, https page. */
const campusLine = {
  extraLabel: 'Campus crisis line',
  extraPhone: '(541) 555-0100',
  extraSms: '541-555-0199',
  extraUrl: 'https://counseling.example.edu/crisis',
} satisfies Partial<CrisisBannerArgs>;

/** The story's arguments in the language it is shown in (a locale chosen in the toolbar wins). */
const asShown = (args: CrisisBannerArgs, globals: Record<string, unknown>): CrisisBannerArgs => ({
  ...args,
  lang: shownLang(globals, args.lang),
});

const upgradedBanner = (canvasElement: HTMLElement) =>
  rendered<CrisisBanner>(canvasElement, 'crisis-banner');

/** C1, A3: 988 (call and text) and 911 are links on screen, each at least 44x44 CSS px. */
async function expectCrisisLinksVisible(
  banner: CrisisBanner,
  hrefs: readonly string[],
): Promise<void> {
  await expect(banner).toBeVisible();
  for (const href of hrefs) {
    const link = [...banner.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[href]')].find(
      (a) => a.getAttribute('href') === href && a.checkVisibility(),
    );
    await expect(link, `a visible link to ${href}`).toBeDefined();
    await expect(link).toBeVisible();
    await expectTapTarget(link!, href);
  }
}

/**
 * The texts a person reads, per language, written out here. Literals, never imported from
 * `src/i18n`: a check that reads the translation it checks cannot catch a wrong one.
 */
const says = {
  en: {
    title: 'If you are in crisis, you can get help right now.',
    lead: 'In crisis?',
    call988: 'Call 988',
    text988: 'Text 988',
    /** The docked bar's shorter form. */
    text988Bar: 'Text 988',
    call911: 'Call 911',
    callExtra: (label: string) => `Call ${label}`,
  },
  es: {
    title: 'Si estás en crisis, puedes recibir ayuda ahora mismo.',
    lead: '¿En crisis?',
    call988: 'Llamar al 988',
    text988: 'Enviar texto al 988',
    text988Bar: 'Texto al 988',
    call911: 'Llamar al 911',
    callExtra: (label: string) => `Llamar a ${label}`,
  },
} as const;

/**
 * The banner speaks the story's language: its 988 and 911 links read as a person expects, the
 * opening sentence (or the one-line lead) is there, and nothing is left in the other language.
 */
async function expectBannerLanguage(banner: CrisisBanner, args: CrisisBannerArgs): Promise<void> {
  const t = says[args.lang];
  const other = says[args.lang === 'en' ? 'es' : 'en'];
  const visibleLinks = [...banner.shadowRoot!.querySelectorAll('a[href]')].filter((a) =>
    a.checkVisibility(),
  );
  const textsOf = (href: string) =>
    visibleLinks
      .filter((a) => a.getAttribute('href') === href)
      .map((a) => normalize(a.textContent));
  await expect(textsOf('tel:988')).toContain(t.call988);
  await expect(textsOf('sms:988')).toContain(args.variant === 'docked' ? t.text988Bar : t.text988);
  await expect(textsOf('tel:911')).toContain(t.call911);
  if (args.extraLabel && args.extraPhone) {
    await expect(textsOf(`tel:${args.extraPhone.replace(/\D/g, '')}`)).toContain(
      t.callExtra(args.extraLabel),
    );
  }
  const fullShown = args.variant === 'inline' || (args.variant === 'docked' && args.expanded);
  if (fullShown) {
    const title = banner.shadowRoot!.querySelector('[part="title"]');
    await expect(title).toBeVisible();
    await expect(normalize(title!.textContent)).toBe(t.title);
  } else {
    await expect(normalize(banner.shadowRoot!.textContent)).toContain(t.lead);
  }
  const shown = visibleLinks.map((a) => normalize(a.textContent)).join(' | ');
  for (const foreign of [other.call988, other.call911]) {
    await expect(shown, 'a link in the other language').not.toContain(foreign);
  }
}

/** Some page content, to show that a docked banner reserves its space instead of covering it. */
const pageBehindTheDock = html`<main>
  <h1>Partner page</h1>
  <p>Content of the page the banner is docked to.</p>
  <p><a href="#top">A link near the edge</a></p>
</main>`;

const meta = {
  title: 'Elements/Crisis banner',
  component: 'crisis-banner',
  tags: ['autodocs'],
  args: { variant: 'inline', position: 'bottom', expanded: false, lang: 'en' },
  argTypes: {
    variant: { control: 'inline-radio', options: ['inline', 'compact', 'docked'] },
    position: { control: 'inline-radio', options: ['top', 'bottom'] },
    lang: { control: 'inline-radio', options: ['en', 'es'] },
  },
  render: (args) =>
    html`<crisis-banner
        variant=${args.variant}
        position=${ifDefined(args.variant === 'docked' ? args.position : undefined)}
        ?expanded=${args.expanded}
        lang=${args.lang}
        extra-label=${ifDefined(args.extraLabel)}
        extra-phone=${ifDefined(args.extraPhone)}
        extra-sms=${ifDefined(args.extraSms)}
        extra-url=${ifDefined(args.extraUrl)}
      ></crisis-banner>
      ${args.variant === 'docked' ? pageBehindTheDock : nothing}`,
  play: async ({ canvasElement, args: own, globals }) => {
    const args = asShown(own, globals);
    const banner = await upgradedBanner(canvasElement);
    await expectCrisisLinksVisible(banner, crisisHrefs);
    await expectBannerLanguage(banner, args);
  },
} satisfies Meta<CrisisBannerArgs>;

export default meta;
type Story = StoryObj<CrisisBannerArgs>;

const docked = { layout: 'fullscreen' };

export const Inline: Story = {};
export const InlineSpanish: Story = { args: { lang: 'es' } };
export const Compact: Story = { args: { variant: 'compact' } };
export const CompactSpanish: Story = { args: { variant: 'compact', lang: 'es' } };
export const Docked: Story = { args: { variant: 'docked', expanded: true }, parameters: docked };
export const DockedSpanish: Story = {
  args: { variant: 'docked', expanded: true, lang: 'es' },
  parameters: docked,
};

/** Collapsed (the default): only the bar with 988 and 911 shows; the details are hidden. */
export const DockedCollapsed: Story = {
  args: { variant: 'docked', position: 'top' },
  parameters: docked,
  play: async ({ canvasElement, args: own, globals }) => {
    const args = asShown(own, globals);
    const banner = await upgradedBanner(canvasElement);
    await expectCrisisLinksVisible(banner, crisisHrefs);
    await expectBannerLanguage(banner, args);
    await expect(banner.shadowRoot!.querySelector('[part="details"]')).not.toBeVisible();
    await expect(banner.shadowRoot!.querySelector('[part="toggle"]')).toHaveAttribute(
      'aria-expanded',
      'false',
    );
  },
};

/** A partner's own line, shown in addition to 988 and 911, never instead of them. */
export const CampusExtraLine: Story = {
  args: { ...campusLine },
  play: async ({ canvasElement, args: own, globals }) => {
    const args = asShown(own, globals);
    const banner = await upgradedBanner(canvasElement);
    await expectCrisisLinksVisible(banner, [...crisisHrefs, 'tel:5415550100', 'sms:5415550199']);
    await expectBannerLanguage(banner, args);
    await expect(banner.shadowRoot!.querySelector('[part="extra"]')).toHaveTextContent(
      'Campus crisis line',
    );
  },
};

export const CampusExtraLineCompact: Story = {
  args: { ...campusLine, variant: 'compact', lang: 'es' },
  play: async ({ canvasElement, args: own, globals }) => {
    const args = asShown(own, globals);
    const banner = await upgradedBanner(canvasElement);
    await expectCrisisLinksVisible(banner, [...crisisHrefs, 'tel:5415550100']);
    await expectBannerLanguage(banner, args);
  },
};

/** The toolbar's locale wins over the story's own: the English story, shown in Spanish. */
export const InlineToolbarSpanish: Story = { globals: { locale: 'es' } };
