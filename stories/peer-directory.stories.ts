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
import { appearAll, appears, button, expectButton, normalize, shadow } from './support/dom.js';
import { storyMakers, type Lang } from './support/story.js';
import { loadingDelayMs, settled, slowMs } from './support/timing.js';
import { startMockBackend } from '../src/mocks/browser.js';
import { createHandlers } from '../src/mocks/handlers.js';
import { createMockStore } from '../src/mocks/store.js';

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
    giftActive: 'Your gift: 3 sessions of 60 minutes, booked free with any supporter.',
    giftUsed: 'Your gift card has no sessions left: sessions are booked at the normal price.',
    giftUnknown: 'We could not find the gift code from your link. Check the link in your email.',
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
    giftActive: 'Tu regalo: 3 sesiones de 60 minutos, gratis con cualquier compañero de apoyo.',
    giftUsed: 'A tu tarjeta de regalo no le quedan sesiones: las sesiones tienen el precio normal.',
    giftUnknown:
      'No encontramos el código de regalo de tu enlace. Revisa el enlace de tu correo electrónico.',
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

type Says = (typeof says)[Lang];

/** The supporter cards on screen, once the results have arrived. */
const cards = (el: PeerDirectory) =>
  appearAll(shadow(el), '[part="list"] [part="card"]', 'supporter cards', settled);

/** The error state: a clear message, and a retry button (R1). */
async function expectErrorState(el: PeerDirectory, t: Says, message: string): Promise<void> {
  const error = await appears(shadow(el), '[part="error"]', 'error state', settled);
  await expect(error).toBeVisible();
  await expect(error).toHaveTextContent(message);
  // The element's one live region says the same (A4).
  await waitFor(() =>
    expect(shadow(el).querySelector('[role="status"]')).toHaveTextContent(message),
  );
  await expectButton(error, t.retry);
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

/** Stories in one language, or in both: the element found, the crisis line checked at the end. */
const { story, both } = storyMakers<DirectoryArgs, PeerDirectory, Says>('peer-directory', says);

// ---- Loading: a skeleton with reserved size, and the crisis line already there (P7, C1) ----

const slowList = { scenario: 'slow', only: ['listSupporters'], delayMs: loadingDelayMs };

const loading = both({ parameters: { mockScenario: slowList } }, async ({ root, t }) => {
  const skeleton = root.querySelector('ul[aria-busy="true"]');
  await expect(skeleton, 'a busy skeleton list').not.toBeNull();
  await expect(skeleton).toBeVisible();
  await expect(skeleton).toHaveAttribute('aria-label', t.loading);
  await expect(skeleton!.getBoundingClientRect().height).toBeGreaterThan(100);
  await expect(root.querySelector('h2')).toHaveTextContent(t.title);
});

export const Loading = loading.en;
export const LoadingSpanish = loading.es;

/** A slow backend: the skeleton first, then the cards in its place, and the count said. */
const slow = both(
  { parameters: { mockScenario: { scenario: 'slow', only: ['listSupporters'], delayMs: slowMs } } },
  async ({ el, root, t }) => {
    await expect(root.querySelector('ul[aria-busy="true"]')).toBeVisible();
    const found = await cards(el);
    await expect(found[0]).toBeVisible();
    await expect(root.querySelector('ul[aria-busy="true"]')).toBeNull();
    await expect(root.querySelector('.count')).toHaveTextContent(t.count);
  },
);

export const Slow = slow.en;
export const SlowSpanish = slow.es;

// ---- Results: cards with headings, a count, and paging (P6) ----

const results = both({}, async ({ el, root, t }) => {
  const found = await cards(el);
  await expect(found.length).toBeLessThanOrEqual(24);
  for (const card of found.slice(0, 3)) {
    await expect(card).toBeVisible();
    await expect(card.querySelector('h3')?.textContent?.trim()).toBeTruthy();
    await expect(button(card, t.choose)).toBeDefined();
    await expect(button(card, t.viewProfile)).toBeDefined();
  }
  await expect(root.querySelector('.count')).toHaveTextContent(t.count);
  await expect(button(root, t.showMore)).toBeVisible();
});

export const Results = results.en;
export const ResultsSpanish = results.es;

/** The toolbar's locale wins over the story's own: the English story, rendered and read in Spanish. */
export const ResultsToolbarSpanish: Story = { ...results.en, globals: { locale: 'es' } };

// ---- Empty: the default message and "clear filters" one step away ----

const empty = both({ parameters: { mockScenario: 'empty' } }, async ({ root, t }) => {
  const state = await appears(root, '[part="empty"]', 'empty state', settled);
  await expect(state).toBeVisible();
  await expect(state).toHaveTextContent(t.empty);
  await expect(button(state, t.clearFilters)).toBeVisible();
});

export const Empty = empty.en;
export const EmptySpanish = empty.es;

// ---- Error, offline, malformed: a clear message and a retry button (R1, R5) ----

function failure(
  lang: Lang,
  scenario: 'error' | 'offline' | 'malformed',
  message: (t: Says) => string,
): Story {
  return story(lang, { parameters: { mockScenario: scenario } }, async ({ el, t }) => {
    await expectErrorState(el, t, message(t));
  });
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

const presets = both({ args: { languages: 'es' } }, async ({ el, root, lang, t }) => {
  const found = await cards(el);
  const spanish = new Intl.DisplayNames([lang], { type: 'language' }).of('es')!;
  const select = [...root.querySelectorAll('select')].find(
    (s) => s.closest('label')?.querySelector('span')?.textContent === t.language,
  );
  await expect(select, 'the language filter').toBeDefined();
  await expect(select).toHaveValue('es');
  for (const card of found) {
    await expect(card).toHaveTextContent(new RegExp(spanish, 'i'));
  }
});

export const Presets = presets.en;
export const PresetsSpanish = presets.es;

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

const insideProvider = both({ render: withProvider }, async ({ el, root, lang, t }) => {
  // The provider's client and locale: the element has neither api-base nor lang.
  await cards(el);
  await expect(root.querySelector('h2')).toHaveTextContent(t.title);
  await expect(providedConfig(el)?.locale).toBe(lang);
});

export const InsideProvider = insideProvider.en;
export const InsideProviderSpanish = insideProvider.es;

/** Choosing a supporter: announced, and kept in the provider's context for the other elements. */
const choosingInsideProvider = both({ render: withProvider }, async ({ el, root, t }) => {
  const [first] = await cards(el);
  const name = first!.querySelector('h3')!.textContent!.trim();
  const choose = button(first!, t.choose)!;
  await userEvent.click(choose);
  await waitFor(() => expect(choose).toHaveAttribute('aria-pressed', 'true'));
  await waitFor(() => expect(first!.querySelector('.badge')).toHaveTextContent(t.selected));
  await waitFor(() =>
    expect(root.querySelector('[role="status"]')).toHaveTextContent(t.selectedAnnouncement(name)),
  );
  // The provider keeps the choice for the other elements inside it (the booking element).
  const id = first!.getAttribute('aria-labelledby')!.replace(/^name-/, '');
  await expect(providedConfig(el)?.selection).toEqual({ supporterId: id });
});

export const ChoosingInsideProvider = choosingInsideProvider.en;
export const ChoosingInsideProviderSpanish = choosingInsideProvider.es;

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
  const content = await appears(panel.shadowRoot!, '.profile', 'loaded profile', settled);
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
        t.chooseSlot(name, `${label}, ${normalize(time.textContent)}`),
      );
    }
    slots += times.length;
  }
  return { bio, slots };
}

const profileOpen = both({}, async ({ el, lang }) => {
  const [first] = await cards(el);
  const panel = await openProfile(el, first!, lang);
  await expectProfile(panel, cardName(first!), lang);
});

export const ProfileOpen = profileOpen.en;
export const ProfileOpenSpanish = profileOpen.es;

const twoProfilesCompared = both({}, async ({ el, root, lang, t }) => {
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
  await expect(root.querySelectorAll('peer-supporter-profile')).toHaveLength(2);
});

export const TwoProfilesCompared = twoProfilesCompared.en;
export const TwoProfilesComparedSpanish = twoProfilesCompared.es;

const profileFails = { mockScenario: { scenario: 'error', only: ['getSupporter'] } };

/** The profile panel's own error: the directory's list stays, the panel offers "Try again". */
const profileError = both({ parameters: profileFails }, async ({ el, root, lang, t }) => {
  const [first] = await cards(el);
  const panel = await openProfile(el, first!, lang);
  const alert = await appears(panel.shadowRoot!, '.error', 'profile error', settled);
  await expect(alert).toBeVisible();
  await expect(alert).toHaveTextContent(t.loadFailed);
  // Announced in the directory's one live region, not in a second one of the panel's (A4).
  await expect(panel.shadowRoot!.querySelector('[role]')).toBeNull();
  await waitFor(() =>
    expect(root.querySelector('[role="status"]')).toHaveTextContent(t.loadFailed),
  );
  const retry = await expectButton(alert, t.retry);
  await expect(retry).toBeEnabled();
  // Only the panel failed: the cards are still there.
  await expect(first).toBeVisible();
});

export const ProfileError = profileError.en;
export const ProfileErrorSpanish = profileError.es;

// ---- Help me choose: a short questionnaire, then ranked matches with their reasons ----

/** A checkbox in a fieldset, by the text next to it. */
function checkbox(fieldset: Element, label?: string): HTMLInputElement | undefined {
  const chip = [...fieldset.querySelectorAll('label')].find(
    (l) => label === undefined || l.textContent?.trim() === label,
  );
  return chip?.querySelector<HTMLInputElement>('input[type="checkbox"]') ?? undefined;
}

const matches = both({}, async ({ el, root, t }) => {
  // The questionnaire offers the topics of the results: wait for them.
  await cards(el);
  const opener = button(root, t.matchOpen);
  await expect(opener, `a "${t.matchOpen}" button`).toBeDefined();
  await userEvent.click(opener!);
  await waitFor(() => expect(opener).toHaveAttribute('aria-expanded', 'true'));
  const panel = root.querySelector<HTMLElement>('[part="match"]');
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
    await expect(normalize(reasons!.textContent).startsWith(sharesPrefix)).toBe(true);
  }
  // The best match shares the topic that was ticked.
  await expect(ranked[0]!.querySelector('.reasons')).toHaveTextContent(topicLabel);
  await waitFor(() =>
    expect(root.querySelector('[role="status"]')).toHaveTextContent(t.matchCount(ranked.length)),
  );
  await expect(button(panel!, t.matchClose)).toBeVisible();
});

export const Matches = matches.en;
export const MatchesSpanish = matches.es;

// ---- The soonest session across everyone who matches, chosen in one step ----

const soonestSession = both({}, async ({ el, root, t }) => {
  await cards(el);
  const find = button(root, t.findNext);
  await expect(find, `a "${t.findNext}" button`).toBeDefined();
  await userEvent.click(find!);
  const line = await appears(root, '.selection', 'soonest session', settled);
  await expect(line).toBeVisible();
  // The supporter it chose is marked on their card, whose next session is the one named.
  const chosen = await waitFor(() => {
    const found = [...root.querySelectorAll<HTMLElement>('[part="list"] [part="card"]')]
      .filter((card) => card.querySelector('[aria-pressed="true"]'))
      .at(0);
    if (!found) throw new Error('no card chosen');
    return found;
  });
  await expect(chosen.querySelector('.badge')).toHaveTextContent(t.selected);
  const time = normalize(chosen.querySelector('.next button.slot')?.textContent);
  await expect(time, 'the next session on the chosen card').toBeTruthy();
  const expected = t.nextFound(cardName(chosen), time);
  await expect(line).toHaveTextContent(expected);
  await waitFor(() => expect(root.querySelector('[role="status"]')).toHaveTextContent(expected));
});

export const SoonestSession = soonestSession.en;
export const SoonestSessionSpanish = soonestSession.es;

// ---- A gift from the recipient's link, kept by the provider: what it covers, or why not ----

/** Its own backend (the seeded cards, no lookups counted yet: they are rate-limited). */
async function freshStore(): Promise<Record<string, never>> {
  const { worker } = await startMockBackend({ baseUrl: '/api' });
  worker.use(...createHandlers(createMockStore(), { baseUrl: '/api' }));
  return {};
}

function giftStory(code: string, said: 'giftActive' | 'giftUsed' | 'giftUnknown') {
  return both(
    {
      loaders: [freshStore],
      render: (args) =>
        html`<peer-support-provider api-base="/api" locale=${args.lang} gift-code=${code}>
          <peer-directory page-size=${args.pageSize}></peer-directory>
        </peer-support-provider>`,
    },
    async ({ el, root, t }) => {
      await cards(el);
      const note = await appears(root, '.gift-note', 'the gift note', settled);
      await waitFor(() => expect(normalize(note.textContent)).toBe(t[said]));
    },
  );
}

const giftActive = giftStory('GIFT-DEMO-2026-0003', 'giftActive');
export const GiftFromLink = giftActive.en;
export const GiftFromLinkSpanish = giftActive.es;
const giftUsed = giftStory('GIFT-USED-2025-0000', 'giftUsed');
export const GiftUsedUp = giftUsed.en;
export const GiftUsedUpSpanish = giftUsed.es;
const giftUnknown = giftStory('GIFT-NOPE-1234-5678', 'giftUnknown');
export const GiftUnknown = giftUnknown.en;
export const GiftUnknownSpanish = giftUnknown.es;
