import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { ContextEvent } from '@lit/context';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/elements/peer-directory/define.js';
import '../src/elements/peer-support-provider/define.js';
import type { SessionLength } from '../src/api/schemas.js';
import type { PeerDirectory } from '../src/elements/peer-directory/peer-directory.js';
import type { PeerSupporterProfile } from '../src/elements/peer-directory/supporter-profile.js';
import { peerConfigContext, type PeerConfig } from '../src/config/context.js';
import * as en from '../src/i18n/en.js';
import * as es from '../src/i18n/es.js';
import { format } from '../src/i18n/locale.js';

type Lang = 'en' | 'es';

interface DirectoryArgs {
  lang: Lang;
  topics?: string;
  identities?: string;
  languages?: string;
  states?: string;
  lengthMinutes?: SessionLength;
  availableWithin?: number;
  sort: 'next-available' | 'name';
  pageSize: number;
}

/** The texts a person sees, per locale: the stories check them in both languages. */
const text = { en, es } satisfies Record<Lang, unknown>;

/**
 * Long enough that the Loading story stays loading while its test runs. Open in Storybook, it
 * turns into the error state after the client's own deadline (10 s, QUALITY R1): by design.
 */
const loadingDelayMs = 60_000;

/** Error and offline states come after the client's retries (R2, at most ~2 s of backoff). */
const settled = { timeout: 10_000 };

/** The directory in the story, upgraded and rendered once (possibly still loading). */
async function directory(canvasElement: HTMLElement): Promise<PeerDirectory> {
  await customElements.whenDefined('peer-directory');
  const el = canvasElement.querySelector('peer-directory');
  if (!el?.shadowRoot) throw new Error('<peer-directory> did not render');
  await el.updateComplete;
  return el;
}

const shadow = (el: PeerDirectory): ShadowRoot => el.shadowRoot!;

/**
 * C1, A3: the compact crisis line in the directory's shadow root shows 988 (call and text) and
 * 911 as visible links in the directory's language, each at least 44x44 CSS px.
 */
async function expectCrisisLine(el: PeerDirectory, lang: Lang): Promise<void> {
  const t = text[lang].crisis;
  const banner = await waitFor(() => {
    const found = shadow(el).querySelector('crisis-banner');
    if (!found?.shadowRoot?.querySelector('a[href]')) throw new Error('no crisis line yet');
    return found;
  });
  await expect(banner).toBeVisible();
  const links = [...banner.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[href]')];
  for (const [href, label] of [
    ['tel:988', t.call988],
    ['sms:988', t.text988],
    ['tel:911', t.call911],
  ] as const) {
    const link = links.find((a) => a.getAttribute('href') === href && a.checkVisibility());
    await expect(link, `a visible link to ${href}`).toBeDefined();
    await expect(link).toBeVisible();
    await expect(link).toHaveTextContent(label);
    const { width, height } = link!.getBoundingClientRect();
    await expect(Math.min(width, height), `size of the ${href} link`).toBeGreaterThanOrEqual(44);
  }
}

/** The supporter cards on screen, once the results have arrived. */
async function cards(el: PeerDirectory): Promise<HTMLElement[]> {
  return waitFor(() => {
    const found = [...shadow(el).querySelectorAll<HTMLElement>('[part="list"] [part="card"]')];
    if (found.length === 0) throw new Error('no supporter cards yet');
    return found;
  }, settled);
}

/** A button in the directory's shadow root, by its visible text. */
function button(root: ParentNode, label: string): HTMLButtonElement | undefined {
  return [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
}

/** The error state: a clear message, and a retry button (R1). */
async function expectErrorState(el: PeerDirectory, lang: Lang, message: string): Promise<void> {
  const error = await waitFor(() => {
    const found = shadow(el).querySelector<HTMLElement>('[part="error"]');
    if (!found) throw new Error('no error state yet');
    return found;
  }, settled);
  await expect(error).toBeVisible();
  await expect(error).toHaveTextContent(message);
  // The element's one live region says the same (A4).
  await waitFor(() =>
    expect(shadow(el).querySelector('[role="status"]')).toHaveTextContent(message),
  );
  const retry = button(error, text[lang].common.retry);
  await expect(retry, `a "${text[lang].common.retry}" button`).toBeDefined();
  await expect(retry).toBeVisible();
}

/**
 * The element as a host page writes it: attributes only (presets are parsed from them), so the
 * story's source is the HTML to copy.
 */
function directoryElement(args: DirectoryArgs): HTMLElement {
  const el = document.createElement('peer-directory');
  const attributes: Record<string, string | number | undefined> = {
    'api-base': '/api',
    lang: args.lang,
    topics: args.topics,
    identities: args.identities,
    languages: args.languages,
    states: args.states,
    'length-minutes': args.lengthMinutes,
    'available-within': args.availableWithin,
    sort: args.sort,
    'page-size': args.pageSize,
  };
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== '') el.setAttribute(name, String(value));
  }
  return el;
}

const meta = {
  title: 'Elements/Peer directory',
  component: 'peer-directory',
  tags: ['autodocs'],
  args: { lang: 'en', sort: 'next-available', pageSize: 24 },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'es'] },
    sort: { control: 'inline-radio', options: ['next-available', 'name'] },
    lengthMinutes: { control: 'select', options: [undefined, 30, 50, 60] },
    availableWithin: { control: 'select', options: [undefined, 3, 7, 14] },
  },
  render: (args) => directoryElement(args),
} satisfies Meta<DirectoryArgs>;

export default meta;
type Story = StoryObj<DirectoryArgs>;

// ---- Loading: a skeleton with reserved size, and the crisis line already there (P7, C1) ----

function loading(lang: Lang): Story {
  return {
    args: { lang },
    parameters: {
      mockScenario: { scenario: 'slow', only: ['listSupporters'], delayMs: loadingDelayMs },
    },
    play: async ({ canvasElement }) => {
      const el = await directory(canvasElement);
      const skeleton = shadow(el).querySelector('ul[aria-busy="true"]');
      await expect(skeleton, 'a busy skeleton list').not.toBeNull();
      await expect(skeleton).toBeVisible();
      await expect(skeleton).toHaveAttribute('aria-label', text[lang].common.loading);
      await expect(skeleton!.getBoundingClientRect().height).toBeGreaterThan(100);
      await expect(shadow(el).querySelector('h2')).toHaveTextContent(text[lang].directory.title);
      await expectCrisisLine(el, lang);
    },
  };
}

export const Loading = loading('en');
export const LoadingSpanish = loading('es');

// ---- Results: cards with headings, a count, and paging (P6) ----

function results(lang: Lang): Story {
  return {
    args: { lang },
    play: async ({ canvasElement }) => {
      const el = await directory(canvasElement);
      const t = text[lang].directory;
      const found = await cards(el);
      await expect(found.length).toBeLessThanOrEqual(24);
      for (const card of found.slice(0, 3)) {
        await expect(card).toBeVisible();
        await expect(card.querySelector('h3')?.textContent?.trim()).toBeTruthy();
        await expect(button(card, t.choose)).toBeDefined();
        await expect(button(card, t.viewProfile)).toBeDefined();
      }
      const count = shadow(el).querySelector('.count');
      await expect(count).toHaveTextContent(
        new RegExp(format(t.countOther, { count: '\\d+' }).replace(/[.]/g, '\\.')),
      );
      await expect(button(shadow(el), t.showMore)).toBeVisible();
      await expectCrisisLine(el, lang);
    },
  };
}

export const Results = results('en');
export const ResultsSpanish = results('es');

// ---- Empty: the default message and "clear filters" one step away ----

function empty(lang: Lang): Story {
  return {
    args: { lang },
    parameters: { mockScenario: 'empty' },
    play: async ({ canvasElement }) => {
      const el = await directory(canvasElement);
      const t = text[lang].directory;
      const state = await waitFor(() => {
        const found = shadow(el).querySelector<HTMLElement>('[part="empty"]');
        if (!found) throw new Error('no empty state yet');
        return found;
      }, settled);
      await expect(state).toBeVisible();
      await expect(state).toHaveTextContent(t.empty);
      await expect(button(state, t.clearFilters)).toBeVisible();
      await expectCrisisLine(el, lang);
    },
  };
}

export const Empty = empty('en');
export const EmptySpanish = empty('es');

// ---- Error, offline, malformed: a clear message and a retry button (R1, R5) ----

function failure(
  lang: Lang,
  scenario: 'error' | 'offline' | 'malformed',
  message: (t: (typeof text)[Lang]['common']) => string,
): Story {
  return {
    args: { lang },
    parameters: { mockScenario: scenario },
    play: async ({ canvasElement }) => {
      const el = await directory(canvasElement);
      await expectErrorState(el, lang, message(text[lang].common));
      await expectCrisisLine(el, lang);
    },
  };
}

// Not `Error`: that would shadow the global in this module.
export const ErrorState: Story = { ...failure('en', 'error', (t) => t.loadFailed), name: 'Error' };
export const ErrorSpanish = failure('es', 'error', (t) => t.loadFailed);
export const Offline = failure('en', 'offline', (t) => t.offline);
export const OfflineSpanish = failure('es', 'offline', (t) => t.offline);

/** Every supporter in the page fails validation: the invalid-data message and a retry (R5). */
export const Malformed = failure('en', 'malformed', (t) => t.invalidData);
export const MalformedSpanish = failure('es', 'malformed', (t) => t.invalidData);

// ---- Presets: a host narrows the directory with attributes ----

function presets(lang: Lang): Story {
  return {
    args: { lang, languages: 'es' },
    play: async ({ canvasElement }) => {
      const el = await directory(canvasElement);
      const found = await cards(el);
      const spanish = new Intl.DisplayNames([lang], { type: 'language' }).of('es')!;
      const select = [...shadow(el).querySelectorAll('select')].find(
        (s) =>
          s.closest('label')?.querySelector('span')?.textContent === text[lang].directory.language,
      );
      await expect(select, 'the language filter').toBeDefined();
      await expect(select).toHaveValue('es');
      for (const card of found) {
        await expect(card).toHaveTextContent(new RegExp(spanish, 'i'));
      }
      await expectCrisisLine(el, lang);
    },
  };
}

export const Presets = presets('en');
export const PresetsSpanish = presets('es');

// ---- Inside a provider: no api-base on the element; the choice lands in the context ----

/** What the provider gives the elements inside it, asked for as any context consumer would. */
function providedConfig(from: Element): PeerConfig | undefined {
  let config: PeerConfig | undefined;
  from.dispatchEvent(new ContextEvent(peerConfigContext, from, (value) => (config = value)));
  return config;
}

function withProvider(args: DirectoryArgs) {
  return html`<peer-support-provider api-base="/api" locale=${args.lang}>
    <peer-directory page-size=${args.pageSize}></peer-directory>
  </peer-support-provider>`;
}

function insideProvider(lang: Lang): Story {
  return {
    args: { lang },
    render: withProvider,
    play: async ({ canvasElement }) => {
      const el = await directory(canvasElement);
      // The provider's client and locale: the element has neither api-base nor lang.
      await cards(el);
      await expect(shadow(el).querySelector('h2')).toHaveTextContent(text[lang].directory.title);
      await expect(providedConfig(el)?.locale).toBe(lang);
      await expectCrisisLine(el, lang);
    },
  };
}

export const InsideProvider = insideProvider('en');
export const InsideProviderSpanish = insideProvider('es');

/** Choosing a supporter: announced, and kept in the provider's context for the other elements. */
function choosingInsideProvider(lang: Lang): Story {
  return {
    args: { lang },
    render: withProvider,
    play: async ({ canvasElement }) => {
      const el = await directory(canvasElement);
      const t = text[lang].directory;
      const [first] = await cards(el);
      const name = first!.querySelector('h3')!.textContent!.trim();
      const choose = button(first!, t.choose)!;
      await userEvent.click(choose);
      await waitFor(() => expect(choose).toHaveAttribute('aria-pressed', 'true'));
      await waitFor(() => expect(first!.querySelector('.badge')).toHaveTextContent(t.selected));
      await waitFor(() =>
        expect(shadow(el).querySelector('[role="status"]')).toHaveTextContent(
          format(t.selectedAnnouncement, { name }),
        ),
      );
      // The provider keeps the choice for the other elements inside it (the booking element).
      const id = first!.getAttribute('aria-labelledby')!.replace(/^name-/, '');
      await expect(providedConfig(el)?.selection).toEqual({ supporterId: id });
      await expectCrisisLine(el, lang);
    },
  };
}

export const ChoosingInsideProvider = choosingInsideProvider('en');
export const ChoosingInsideProviderSpanish = choosingInsideProvider('es');

// ---- Profiles in place: opened under the card, several at once to compare ----

/** The name on a supporter card. */
function cardName(card: HTMLElement): string {
  return card.querySelector('h3')?.textContent?.trim() ?? '';
}

/**
 * Clicks "View profile" on a card: the toggle says it is expanded, reads "Hide profile", and
 * controls the profile panel (a `<peer-supporter-profile>` in the directory's shadow root).
 */
async function openProfile(
  el: PeerDirectory,
  card: HTMLElement,
  lang: Lang,
): Promise<PeerSupporterProfile> {
  const t = text[lang].directory;
  const toggle = button(card, t.viewProfile);
  await expect(toggle, `a "${t.viewProfile}" button`).toBeDefined();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await userEvent.click(toggle!);
  await waitFor(() => expect(toggle).toHaveAttribute('aria-expanded', 'true'));
  await expect(toggle).toHaveTextContent(t.hideProfile);
  const id = toggle!.getAttribute('aria-controls')!;
  return waitFor(() => {
    const found = shadow(el).getElementById(id);
    if (found?.localName !== 'peer-supporter-profile' || !found.shadowRoot) {
      throw new Error(`no profile panel #${id} yet`);
    }
    return found as PeerSupporterProfile;
  });
}

/** Whitespace as a person reads it (and as `toHaveTextContent` compares it). */
const normalize = (value: string): string => value.replace(/\s+/g, ' ').trim();

/**
 * A loaded profile: "About" and the bio, then "Open sessions, next 14 days" with the sessions
 * grouped by day as time buttons (or the plain "No open sessions" line).
 */
async function expectProfile(panel: PeerSupporterProfile, name: string, lang: Lang) {
  const t = text[lang].directory;
  const content = await waitFor(() => {
    const found = panel.shadowRoot!.querySelector<HTMLElement>('.profile');
    if (!found) throw new Error('the profile has not loaded yet');
    return found;
  }, settled);
  await expect(content).toBeVisible();
  const headings = [...content.querySelectorAll('h4')].map((h) => h.textContent?.trim());
  await expect(headings).toContain(t.about);
  await expect(headings).toContain(t.availability);
  // The bio the backend holds for this supporter is the one on screen.
  const { bio } = await panel.client!.getSupporter(panel.supporterId);
  for (const paragraph of bio.split(/\n\s*\n/).slice(0, 2)) {
    await expect(content).toHaveTextContent(normalize(paragraph));
  }
  const days = [...content.querySelectorAll<HTMLElement>('.day[role="group"]')];
  if (days.length === 0) {
    await expect(content).toHaveTextContent(t.noSlots);
    return { bio, slots: 0 };
  }
  let slots = 0;
  for (const day of days) {
    const label = day.getAttribute('aria-label') ?? '';
    await expect(label, 'a day group named by its date').toBeTruthy();
    await expect(day.querySelector('.day-name')).toHaveTextContent(label);
    const times = [...day.querySelectorAll<HTMLButtonElement>('button[part="slot"]')];
    await expect(times.length, `session buttons on ${label}`).toBeGreaterThan(0);
    for (const time of times.slice(0, 2)) {
      await expect(time).toBeVisible();
      await expect(time).toHaveAccessibleName(
        format(t.chooseSlotLabel, { name, time: `${label}, ${normalize(time.textContent ?? '')}` }),
      );
    }
    slots += times.length;
  }
  return { bio, slots };
}

function profileOpen(lang: Lang): Story {
  return {
    args: { lang },
    play: async ({ canvasElement }) => {
      const el = await directory(canvasElement);
      const [first] = await cards(el);
      const panel = await openProfile(el, first!, lang);
      await expectProfile(panel, cardName(first!), lang);
      await expectCrisisLine(el, lang);
    },
  };
}

export const ProfileOpen = profileOpen('en');
export const ProfileOpenSpanish = profileOpen('es');

function twoProfilesCompared(lang: Lang): Story {
  return {
    args: { lang },
    play: async ({ canvasElement }) => {
      const el = await directory(canvasElement);
      const t = text[lang].directory;
      const [first, second] = await cards(el);
      const panels = [
        await openProfile(el, first!, lang),
        await openProfile(el, second!, lang),
      ] as const;
      // Opening the second leaves the first open: both read side by side.
      const [a, b] = [
        await expectProfile(panels[0], cardName(first!), lang),
        await expectProfile(panels[1], cardName(second!), lang),
      ];
      await expect(panels[0].supporterId).not.toBe(panels[1].supporterId);
      await expect(a.bio).not.toBe(b.bio);
      for (const card of [first!, second!]) {
        const toggle = button(card, t.hideProfile);
        await expect(toggle, `"${t.hideProfile}" on ${cardName(card)}`).toBeDefined();
        await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      }
      await expect(shadow(el).querySelectorAll('peer-supporter-profile')).toHaveLength(2);
      await expectCrisisLine(el, lang);
    },
  };
}

export const TwoProfilesCompared = twoProfilesCompared('en');
export const TwoProfilesComparedSpanish = twoProfilesCompared('es');

/** The profile panel's own error: the directory's list stays, the panel offers "Try again". */
function profileError(lang: Lang): Story {
  return {
    args: { lang },
    parameters: { mockScenario: { scenario: 'error', only: ['getSupporter'] } },
    play: async ({ canvasElement }) => {
      const el = await directory(canvasElement);
      const common = text[lang].common;
      const [first] = await cards(el);
      const panel = await openProfile(el, first!, lang);
      const alert = await waitFor(() => {
        const found = panel.shadowRoot!.querySelector<HTMLElement>('.error');
        if (!found) throw new Error('no profile error yet');
        return found;
      }, settled);
      await expect(alert).toBeVisible();
      await expect(alert).toHaveTextContent(common.loadFailed);
      // Announced in the directory's one live region, not in a second one of the panel's (A4).
      await expect(panel.shadowRoot!.querySelector('[role]')).toBeNull();
      await waitFor(() =>
        expect(shadow(el).querySelector('[role="status"]')).toHaveTextContent(common.loadFailed),
      );
      const retry = button(alert, common.retry);
      await expect(retry, `a "${common.retry}" button`).toBeDefined();
      await expect(retry).toBeVisible();
      await expect(retry).toBeEnabled();
      // Only the panel failed: the cards are still there.
      await expect(first).toBeVisible();
      await expectCrisisLine(el, lang);
    },
  };
}

export const ProfileError = profileError('en');
export const ProfileErrorSpanish = profileError('es');

// ---- Help me choose: a short questionnaire, then ranked matches with their reasons ----

/** A checkbox in a fieldset, by the text next to it. */
function checkbox(fieldset: Element, label?: string): HTMLInputElement | undefined {
  const chip = [...fieldset.querySelectorAll('label')].find(
    (l) => label === undefined || l.textContent?.trim() === label,
  );
  return chip?.querySelector<HTMLInputElement>('input[type="checkbox"]') ?? undefined;
}

function matches(lang: Lang): Story {
  return {
    args: { lang },
    play: async ({ canvasElement }) => {
      const el = await directory(canvasElement);
      const t = text[lang].directory;
      // The questionnaire offers the topics of the results: wait for them.
      await cards(el);
      const opener = button(shadow(el), t.matchOpen);
      await expect(opener, `a "${t.matchOpen}" button`).toBeDefined();
      await userEvent.click(opener!);
      await waitFor(() => expect(opener).toHaveAttribute('aria-expanded', 'true'));
      const panel = shadow(el).querySelector<HTMLElement>('[part="match"]');
      await expect(panel).toBeVisible();
      await expect(panel!.querySelector('h3')).toHaveTextContent(t.matchTitle);

      const fieldsets = [...panel!.querySelectorAll('fieldset')];
      const byLegend = (legend: string) =>
        fieldsets.find((f) => f.querySelector('legend')?.textContent?.trim() === legend);
      const topics = byLegend(t.matchTopics);
      const times = byLegend(t.matchTimes);
      await expect(topics, `the "${t.matchTopics}" question`).toBeDefined();
      await expect(times, `the "${t.matchTimes}" question`).toBeDefined();
      const topic = checkbox(topics!);
      const evening = checkbox(times!, t.evening);
      await expect(topic, 'a topic to tick').toBeDefined();
      await expect(evening, `"${t.evening}"`).toBeDefined();
      const topicLabel = topic!.closest('label')!.textContent!.trim();
      await userEvent.click(topic!);
      await userEvent.click(evening!);
      await expect(topic).toBeChecked();
      await expect(evening).toBeChecked();

      await userEvent.click(button(panel!, t.matchSubmit)!);
      const heading = await waitFor(() => {
        const found = [...panel!.querySelectorAll('h3')].find(
          (h) => h.textContent?.trim() === t.matchResults,
        );
        if (!found) throw new Error('no matches yet');
        return found;
      }, settled);
      await expect(heading).toBeVisible();
      // Ranked: an ordered list, best match first, each with what the person shares with it.
      const ranked = [...panel!.querySelectorAll<HTMLElement>('ol.list > li')];
      await expect(ranked.length).toBeGreaterThan(0);
      await expect(ranked.length).toBeLessThanOrEqual(10);
      const sharesPrefix = format(t.shares, { list: '' });
      for (const item of ranked.slice(0, 3)) {
        await expect(item.querySelector('[part="card"] h3')?.textContent?.trim()).toBeTruthy();
        const reasons = item.querySelector('.reasons');
        await expect(reasons).toBeVisible();
        await expect(normalize(reasons!.textContent ?? '').startsWith(sharesPrefix)).toBe(true);
      }
      // The best match shares the topic that was ticked.
      await expect(ranked[0]!.querySelector('.reasons')).toHaveTextContent(topicLabel);
      await waitFor(() =>
        expect(shadow(el).querySelector('[role="status"]')).toHaveTextContent(
          format(ranked.length === 1 ? t.countOne : t.countOther, { count: ranked.length }),
        ),
      );
      await expect(button(panel!, t.matchClose)).toBeVisible();
      await expectCrisisLine(el, lang);
    },
  };
}

export const Matches = matches('en');
export const MatchesSpanish = matches('es');

// ---- The soonest session across everyone who matches, chosen in one step ----

function soonestSession(lang: Lang): Story {
  return {
    args: { lang },
    play: async ({ canvasElement }) => {
      const el = await directory(canvasElement);
      const t = text[lang].directory;
      await cards(el);
      const find = button(shadow(el), t.findNext);
      await expect(find, `a "${t.findNext}" button`).toBeDefined();
      await userEvent.click(find!);
      const line = await waitFor(() => {
        const found = shadow(el).querySelector<HTMLElement>('.selection');
        if (!found) throw new Error('no soonest session yet');
        return found;
      }, settled);
      await expect(line).toBeVisible();
      // The supporter it chose is marked on their card, whose next session is the one named.
      const chosen = await waitFor(() => {
        const found = [...shadow(el).querySelectorAll<HTMLElement>('[part="list"] [part="card"]')]
          .filter((card) => card.querySelector('[aria-pressed="true"]'))
          .at(0);
        if (!found) throw new Error('no card chosen');
        return found;
      });
      await expect(chosen.querySelector('.badge')).toHaveTextContent(t.selected);
      const time = normalize(chosen.querySelector('.next button.slot')?.textContent ?? '');
      await expect(time, 'the next session on the chosen card').toBeTruthy();
      const expected = format(t.nextFound, { name: cardName(chosen), time });
      await expect(line).toHaveTextContent(expected);
      await waitFor(() =>
        expect(shadow(el).querySelector('[role="status"]')).toHaveTextContent(expected),
      );
      await expectCrisisLine(el, lang);
    },
  };
}

export const SoonestSession = soonestSession('en');
export const SoonestSessionSpanish = soonestSession('es');
