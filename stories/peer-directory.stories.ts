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

/**
 * The texts a person reads, per locale, written out here: the stories check them in both
 * languages. Literals, never imported from `src/i18n`: a check that reads the translation it
 * checks cannot catch a wrong one.
 */
const says = {
  en: {
    title: 'Find a peer supporter',
    loading: 'Loading…',
    retry: 'Try again',
    loadFailed: 'Something went wrong while loading. Please try again.',
    offline: 'You appear to be offline. Check your connection and try again.',
    invalidData: 'We received information we could not read. Please try again later.',
    count: /\b\d+ supporters match\./,
    matchCount: (n: number) => (n === 1 ? '1 supporter matches.' : `${n} supporters match.`),
    showMore: 'Show more supporters',
    empty: 'No supporters match these filters. Try clearing some of them.',
    clearFilters: 'Clear filters',
    language: 'Language',
    choose: 'Choose',
    selected: 'Selected',
    selectedAnnouncement: (name: string) => `${name} selected.`,
    viewProfile: 'View profile',
    hideProfile: 'Hide profile',
    about: 'About',
    availability: 'Open sessions, next 14 days',
    noSlots: 'No open sessions in the next 14 days.',
    chooseSlot: (name: string, time: string) => `Choose ${name}, ${time}`,
    matchOpen: 'Help me choose',
    matchTitle: 'Tell us what matters to you',
    matchTopics: 'What would you like to talk about?',
    matchTimes: 'Times of day that suit you',
    evening: 'Evening',
    matchSubmit: 'Show my matches',
    matchResults: 'Your matches',
    sharesPrefix: 'Shares: ',
    matchClose: 'Back to all supporters',
    findNext: 'Find the soonest session',
    nextFound: (name: string, time: string) => `Soonest session: ${name}, ${time}. Selected.`,
    call988: 'Call 988',
    text988: 'Text 988',
    call911: 'Call 911',
  },
  es: {
    title: 'Encuentra un compañero de apoyo',
    loading: 'Cargando…',
    retry: 'Intentar de nuevo',
    loadFailed: 'Algo salió mal al cargar. Inténtalo de nuevo.',
    offline: 'Parece que no tienes conexión. Revisa tu conexión e inténtalo de nuevo.',
    invalidData: 'Recibimos información que no pudimos leer. Inténtalo más tarde.',
    count: /\b\d+ compañeros coinciden\./,
    matchCount: (n: number) => (n === 1 ? '1 compañero coincide.' : `${n} compañeros coinciden.`),
    showMore: 'Mostrar más compañeros',
    empty: 'Ningún compañero coincide con estos filtros. Prueba a quitar algunos.',
    clearFilters: 'Borrar filtros',
    language: 'Idioma',
    choose: 'Elegir',
    selected: 'Seleccionado',
    selectedAnnouncement: (name: string) => `${name} seleccionado.`,
    viewProfile: 'Ver perfil',
    hideProfile: 'Ocultar perfil',
    about: 'Sobre mí',
    availability: 'Sesiones disponibles, próximos 14 días',
    noSlots: 'No hay sesiones disponibles en los próximos 14 días.',
    chooseSlot: (name: string, time: string) => `Elegir a ${name}, ${time}`,
    matchOpen: 'Ayúdame a elegir',
    matchTitle: 'Cuéntanos qué es importante para ti',
    matchTopics: '¿De qué te gustaría hablar?',
    matchTimes: 'Momentos del día que te convienen',
    evening: 'Noche',
    matchSubmit: 'Ver mis coincidencias',
    matchResults: 'Tus coincidencias',
    sharesPrefix: 'En común: ',
    matchClose: 'Volver a todos los compañeros',
    findNext: 'Buscar la sesión más próxima',
    nextFound: (name: string, time: string) =>
      `Sesión más próxima: ${name}, ${time}. Seleccionada.`,
    call988: 'Llamar al 988',
    text988: 'Enviar texto al 988',
    call911: 'Llamar al 911',
  },
} as const satisfies Record<Lang, Record<string, unknown>>;

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

/** Whitespace as a person reads it (and as `toHaveTextContent` compares it). */
const normalize = (value: string): string => value.replace(/\s+/g, ' ').trim();

/** Links inside `root`, descending into open shadow roots. */
function deepLinks(root: Element): HTMLAnchorElement[] {
  const found: HTMLAnchorElement[] = [];
  const visit = (scope: ParentNode): void => {
    for (const el of scope.querySelectorAll('*')) {
      if (el instanceof HTMLAnchorElement) found.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  if (root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return found;
}

/**
 * C1, A3: the directory shows 988 (call and text) and 911 as visible links in its language, each
 * at least 44x44 CSS px. Found anywhere in its shadow tree, whatever renders them.
 */
async function expectCrisisLine(el: PeerDirectory, lang: Lang): Promise<void> {
  const t = says[lang];
  for (const [href, label] of [
    ['tel:988', t.call988],
    ['sms:988', t.text988],
    ['tel:911', t.call911],
  ] as const) {
    const link = await waitFor(() => {
      const found = deepLinks(el).find(
        (a) => a.getAttribute('href') === href && a.checkVisibility(),
      );
      if (!found) throw new Error(`no visible link to ${href} yet`);
      return found;
    });
    await expect(link).toBeVisible();
    await expect(normalize(link.textContent ?? ''), `text of the ${href} link`).toBe(label);
    const { width, height } = link.getBoundingClientRect();
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
  const retry = button(error, says[lang].retry);
  await expect(retry, `a "${says[lang].retry}" button`).toBeDefined();
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
      await expect(skeleton).toHaveAttribute('aria-label', says[lang].loading);
      await expect(skeleton!.getBoundingClientRect().height).toBeGreaterThan(100);
      await expect(shadow(el).querySelector('h2')).toHaveTextContent(says[lang].title);
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
      const t = says[lang];
      const found = await cards(el);
      await expect(found.length).toBeLessThanOrEqual(24);
      for (const card of found.slice(0, 3)) {
        await expect(card).toBeVisible();
        await expect(card.querySelector('h3')?.textContent?.trim()).toBeTruthy();
        await expect(button(card, t.choose)).toBeDefined();
        await expect(button(card, t.viewProfile)).toBeDefined();
      }
      const count = shadow(el).querySelector('.count');
      await expect(count).toHaveTextContent(t.count);
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
      const t = says[lang];
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
  message: (t: (typeof says)[Lang]) => string,
): Story {
  return {
    args: { lang },
    parameters: { mockScenario: scenario },
    play: async ({ canvasElement }) => {
      const el = await directory(canvasElement);
      await expectErrorState(el, lang, message(says[lang]));
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
        (s) => s.closest('label')?.querySelector('span')?.textContent === says[lang].language,
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
      await expect(shadow(el).querySelector('h2')).toHaveTextContent(says[lang].title);
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
      const t = says[lang];
      const [first] = await cards(el);
      const name = first!.querySelector('h3')!.textContent!.trim();
      const choose = button(first!, t.choose)!;
      await userEvent.click(choose);
      await waitFor(() => expect(choose).toHaveAttribute('aria-pressed', 'true'));
      await waitFor(() => expect(first!.querySelector('.badge')).toHaveTextContent(t.selected));
      await waitFor(() =>
        expect(shadow(el).querySelector('[role="status"]')).toHaveTextContent(
          t.selectedAnnouncement(name),
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
  const t = says[lang];
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

/**
 * A loaded profile: "About" and the bio, then "Open sessions, next 14 days" with the sessions
 * grouped by day as time buttons (or the plain "No open sessions" line).
 */
async function expectProfile(panel: PeerSupporterProfile, name: string, lang: Lang) {
  const t = says[lang];
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
        t.chooseSlot(name, `${label}, ${normalize(time.textContent ?? '')}`),
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
      const t = says[lang];
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
      const common = says[lang];
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
      const t = says[lang];
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
      const sharesPrefix = t.sharesPrefix;
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
          t.matchCount(ranked.length),
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
      const t = says[lang];
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
      const expected = t.nextFound(cardName(chosen), time);
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
