import { expect, fixture, html, aTimeout } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { ContextConsumer, ContextProvider } from '@lit/context';
import { LitElement } from 'lit';
import { http, HttpResponse } from 'msw';
import './define.js';
import '../peer-support-provider/define.js';
import type { PeerDirectory } from './peer-directory.js';
import { peerConfigContext, type PeerConfig } from '../../config/context.js';
import type { PeerErrorEvent, PeerSupporterSelectedEvent } from '../../events.js';
import type { SupporterQuery, SupporterSummary } from '../../api/schemas.js';
import { createApiClient } from '../../api/client.js';
import { startMockBackend } from '../../mocks/browser.js';
import { scenarioHandlers } from '../../mocks/scenarios.js';
import { MARKUP_SUPPORTER_ID, referenceProgram } from '../../mocks/data.js';
import type { ApiResult } from '../../mocks/store.js';
import { deepLinks, expectCrisisLine, isShown } from '../../../test/support/crisis.js';
import { until } from '../../../test/support/until.js';

// ---------------------------------------------------------------------------------------------
// Set-up: one mock backend for the file; every test starts from its default handlers.

const { worker, store } = await startMockBackend({ quiet: true });

/** The states the directory asks for by default: the program's service area. */
const STATES = referenceProgram.eligibility.states;

afterEach(async () => {
  worker.resetHandlers();
  await setViewport({ width: 800, height: 600 });
});

/** Reads the provided config the way any element inside a provider would. */
class DirectoryConfigProbe extends LitElement {
  consumer = new ContextConsumer(this, { context: peerConfigContext, subscribe: true });
  get value(): PeerConfig | undefined {
    return this.consumer.value;
  }
}
customElements.define('directory-config-probe', DirectoryConfigProbe);

/** Gives the elements inside it a client with a short deadline, as a host's own provider may. */
class ShortDeadlineHost extends LitElement {
  static deadlineMs = 800;
  provider = new ContextProvider(this, {
    context: peerConfigContext,
    initialValue: {
      client: createApiClient({ baseUrl: '/api', deadlineMs: ShortDeadlineHost.deadlineMs }),
    },
  });
  override render() {
    return html`<slot></slot>`;
  }
}
customElements.define('short-deadline-host', ShortDeadlineHost);

// ---------------------------------------------------------------------------------------------
// Helpers.

/** The body of a successful store answer: what the mock backend sends for the same request. */
function body<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`the mock refused: ${result.body.error.message}`);
  return result.body;
}

/** What the mock answers for a search with the directory's default state filter. */
async function expectedPage(query: SupporterQuery = {}) {
  return body(await store.listSupporters({ states: [...STATES], limit: 1000, ...query }));
}

const countText = (n: number) => (n === 1 ? '1 supporter matches.' : `${n} supporters match.`);

const root = (el: Element) => el.shadowRoot!;
const status = (el: PeerDirectory) => root(el).querySelector('[role=status]')!.textContent!.trim();
const text = (node: Element | ShadowRoot) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Cards of the result list (not of the match results), in order. */
function cards(el: PeerDirectory): HTMLElement[] {
  return [...root(el).querySelectorAll<HTMLElement>('[part=list] > li > [part=card]')];
}
const cardName = (card: Element) => text(card.querySelector('h3')!);

function button(scope: Element | ShadowRoot, label: string | RegExp): HTMLButtonElement {
  const found = [...scope.querySelectorAll('button')].find((b) =>
    typeof label === 'string' ? text(b) === label : label.test(text(b)),
  );
  if (!found) throw new Error(`no button ${label}`);
  return found;
}

/** A labelled form control of the filter form, found by its visible label. */
function control<T extends HTMLElement>(el: PeerDirectory, label: string): T {
  const labels = [...root(el).querySelectorAll('[part=filters] label')];
  const match = labels.find((l) => text(l.querySelector('span')!) === label);
  if (!match) throw new Error(`no control labelled ${label}`);
  return match.querySelector('input, select') as T;
}

function checkbox(scope: Element | ShadowRoot, label: string): HTMLInputElement {
  const match = [...scope.querySelectorAll('label')].find(
    (l) => l.querySelector('input[type=checkbox]') && text(l) === label,
  );
  if (!match) throw new Error(`no checkbox ${label}`);
  return match.querySelector('input')!;
}

function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Asserts that nothing in `scope` matches `selector`. (A failing chai assertion that prints a DOM
 * node hangs the reporter, so the node is never handed to chai.)
 */
function expectNone(scope: Element | ShadowRoot, selector: string, message = selector): void {
  const found = scope.querySelector(selector);
  expect(found === null, `${message}: found ${found?.outerHTML.slice(0, 200)}`).to.be.true;
}

/** The focused element, looking inside shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Events of one type fired anywhere in the page (they bubble and are composed). */
function collect<E extends Event>(type: string): { events: E[]; stop: () => void } {
  const events: E[] = [];
  const listener = (event: Event) => events.push(event as E);
  document.addEventListener(type, listener);
  return { events, stop: () => document.removeEventListener(type, listener) };
}

/** Records the bodies of every request to one POST endpoint; the normal handlers still answer. */
function recordPosts(path: string): unknown[] {
  const bodies: unknown[] = [];
  worker.use(
    http.post(path, async ({ request }) => {
      bodies.push(await request.clone().json());
      return undefined;
    }),
  );
  return bodies;
}

/** Renders a directory and waits for its first page of results (or empty, or error state). */
async function render(
  template = html`<peer-directory api-base="/api"></peer-directory>`,
): Promise<PeerDirectory> {
  const host = await fixture<HTMLElement>(template);
  const el = (
    host.localName === 'peer-directory' ? host : host.querySelector('peer-directory')!
  ) as PeerDirectory;
  await until(() => root(el)?.querySelector('[part=list], [part=empty], [part=error]'));
  return el;
}

/**
 * Renders a directory the way a host page's HTML does, attributes as strings, and waits for its
 * first results.
 */
async function renderWithAttributes(attributes: Record<string, string>): Promise<PeerDirectory> {
  const host = await fixture<HTMLElement>(html`<div></div>`);
  const el = document.createElement('peer-directory');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  host.append(el);
  await until(() => root(el).querySelector('[part=list], [part=empty], [part=error]'));
  return el;
}

const idOf = (card: Element) => card.getAttribute('aria-labelledby')!.replace(/^name-/, '');

/** Opens a card's profile in place and waits for it to load. */
async function openProfile(el: PeerDirectory, card: HTMLElement): Promise<HTMLElement> {
  button(card, 'View profile').click();
  const profile = await until(() => root(el).querySelector<HTMLElement>(`#profile-${idOf(card)}`));
  await until(() => profile.shadowRoot?.querySelector('h4'));
  return profile;
}

/** Console warnings while it runs; `stop()` puts console.warn back. */
function captureWarnings(): { messages: string[]; stop: () => void } {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  return { messages, stop: () => (console.warn = original) };
}

/** Whether the mock offers a session of `lengthMinutes` at `start` with this supporter. */
async function offered(
  supporterId: string,
  start: string,
  lengthMinutes: number | undefined,
): Promise<boolean> {
  if (lengthMinutes === undefined) return false;
  const slots = await store.listSlots(supporterId, { lengthMinutes: lengthMinutes as 30 | 60 });
  return slots.ok && slots.body.slots.some((s) => s.start === start);
}

async function pngBlob(): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 8;
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob!), 'image/png'));
}

// ---------------------------------------------------------------------------------------------

describe('<peer-directory>', () => {
  describe('states: accessible and with the crisis line in each', () => {
    it('loading: a skeleton that is busy, with the crisis line', async () => {
      worker.use(...scenarioHandlers('slow', { only: ['listSupporters'], delayMs: 1500 }));
      const el = await fixture<PeerDirectory>(
        html`<peer-directory api-base="/api"></peer-directory>`,
      );
      const skeleton = root(el).querySelector('[aria-busy=true]');
      expect(skeleton, 'a busy placeholder while loading').to.exist;
      expectNone(root(el), '[part=list]');
      expect(isShown(skeleton!)).to.be.true;
      expectCrisisLine(el);
      await expect(el).to.be.accessible();
      // And the slow answer still arrives.
      await until(() => cards(el).length > 0, 5000);
    });

    it('loading: the live region says so', async () => {
      worker.use(...scenarioHandlers('slow', { only: ['listSupporters'], delayMs: 1500 }));
      const el = await fixture<PeerDirectory>(
        html`<peer-directory api-base="/api"></peer-directory>`,
      );
      await until(() => status(el) === 'Loading…', 1000);
    });

    it('results: cards in a list, count announced, crisis line', async () => {
      const el = await render();
      const total = (await expectedPage()).total;
      expect(status(el)).to.equal(countText(total));
      expect(cards(el).length).to.equal(Math.min(24, total));
      expectCrisisLine(el);
      await expect(el).to.be.accessible();
    });

    it('empty (filters match nothing): a message, clear filters, crisis line', async () => {
      const el = await render();
      const search = control<HTMLInputElement>(el, 'Search by name, topic or words in a bio');
      search.focus();
      await sendKeys({ type: 'zzqx nobody' });
      const empty = await until(() => root(el).querySelector('[part=empty]'));
      expect(text(empty)).to.contain('No supporters match these filters');
      expect(status(el)).to.contain('No supporters match');
      expect(isShown(button(empty, 'Clear filters'))).to.be.true;
      expectCrisisLine(el);
      await expect(el).to.be.accessible();
    });

    it("empty ('empty' scenario): the host's empty slot, crisis line", async () => {
      worker.use(...scenarioHandlers('empty'));
      const el = await render(
        html`<peer-directory api-base="/api"
          ><p slot="empty">No one is on shift today.</p></peer-directory
        >`,
      );
      const empty = root(el).querySelector('[part=empty]')!;
      expect(empty).to.exist;
      const slot = empty.querySelector<HTMLSlotElement>('slot[name=empty]')!;
      expect(slot.assignedNodes().map((n) => n.textContent)).to.deep.equal([
        'No one is on shift today.',
      ]);
      expectCrisisLine(el);
      await expect(el).to.be.accessible();
    });

    it("error ('error' scenario): a message, a working retry, peer-error, crisis line", async function () {
      this.timeout(20000);
      worker.use(...scenarioHandlers('error'));
      const errors = collect<PeerErrorEvent>('peer-error');
      try {
        const el = await render();
        const alert = root(el).querySelector('[part=error]')!;
        expect(text(alert)).to.contain('Something went wrong while loading');
        expect(errors.events.map((e) => e.detail.endpoint)).to.include('listSupporters');
        expect(
          errors.events.find((e) => e.detail.endpoint === 'listSupporters')!.detail.status,
        ).to.equal(500);
        const retry = button(alert, 'Try again');
        expect(isShown(retry)).to.be.true;
        expectCrisisLine(el);
        await expect(el).to.be.accessible();

        worker.resetHandlers();
        retry.click();
        await until(() => cards(el).length > 0, 8000);
        expectNone(root(el), '[part=error]');
        expect(status(el)).to.match(/supporters match/);
      } finally {
        errors.stop();
      }
    });

    it("offline ('offline' scenario): says so, with a retry and the crisis line", async function () {
      this.timeout(20000);
      worker.use(...scenarioHandlers('offline'));
      const errors = collect<PeerErrorEvent>('peer-error');
      try {
        const el = await render();
        const alert = root(el).querySelector('[part=error]')!;
        expect(text(alert)).to.contain('You appear to be offline');
        expect(isShown(button(alert, 'Try again'))).to.be.true;
        expect(errors.events.some((e) => e.detail.kind === 'network')).to.be.true;
        expectCrisisLine(el);
        await expect(el).to.be.accessible();
      } finally {
        errors.stop();
      }
    });

    it('offline: the live region says the same as the alert', async function () {
      this.timeout(20000);
      worker.use(...scenarioHandlers('offline'));
      const el = await render();
      const alert = root(el).querySelector('[part=error] p')!;
      expect(status(el)).to.equal(text(alert));
    });

    it("malformed ('malformed' scenario): peer-error (validation), accessible, crisis line", async () => {
      worker.use(...scenarioHandlers('malformed'));
      const errors = collect<PeerErrorEvent>('peer-error');
      try {
        const el = await render();
        const event = await until(() =>
          errors.events.find((e) => e.detail.endpoint === 'listSupporters'),
        );
        expect(event.detail.kind).to.equal('validation');
        await el.updateComplete;
        expect(text(root(el).querySelector('section')!)).to.contain('Find a peer supporter');
        expectCrisisLine(el);
        await expect(el).to.be.accessible();
      } finally {
        errors.stop();
      }
    });

    it("malformed ('malformed' scenario): a clear error state, not an empty list", async () => {
      worker.use(...scenarioHandlers('malformed'));
      const el = await render();
      await el.updateComplete;
      const alert = root(el).querySelector('[part=error]');
      expect(alert, 'an error message').to.exist;
      expect(text(alert!)).to.contain('We received information we could not read');
      expect(isShown(button(alert!, 'Try again'))).to.be.true;
      expectNone(root(el), '[part=list]', 'no empty list');
      expect(status(el)).not.to.match(/supporters match/);
    });
  });

  describe('cards', () => {
    it('show name, pronouns, topics, languages, states and the next session in a named zone', async () => {
      const el = await render();
      const shown = cards(el);
      expect(shown.length).to.be.greaterThan(0);
      const localTime = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' });
      const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
      for (const card of shown.slice(0, 5)) {
        const id = idOf(card);
        const s: SupporterSummary = body(await store.getSupporter(id));
        const cardText = text(card);
        expect(cardName(card)).to.equal(s.name);
        if (s.pronouns) expect(cardText).to.contain(s.pronouns);
        const tags = [...card.querySelectorAll('.tags li')].map(text);
        expect(tags).to.deep.equal(s.topics.map((t) => t.label));
        for (const tag of s.languages) {
          if (tag !== 'ase') expect(cardText).to.contain(languageNames.of(tag)!);
        }
        expect(cardText).to.contain(`Serves: ${s.states.join(', ')}`);
        expect(s.nextAvailable, `${s.name} has a next session in the seed`).to.be.a('string');
        const slot = button(card, /\d/);
        expect(cardText).to.contain('Next available:');
        expect(text(slot)).to.match(/[A-Z]{2,5}T|GMT|UTC/);
        expect(text(slot)).to.contain(localTime.format(new Date(s.nextAvailable!)));
      }
      // The generic zone name (as "Pacific Time"), or the specific one where there is none (UTC).
      const named = (style: 'longGeneric' | 'long') =>
        new Intl.DateTimeFormat('en', { timeZoneName: style })
          .formatToParts(new Date())
          .find((p) => p.type === 'timeZoneName')!.value;
      const zone = /^GMT[+-]/.test(named('longGeneric')) ? named('long') : named('longGeneric');
      expect(text(root(el).querySelector('section')!)).to.contain(`Times are shown in ${zone}.`);
    });

    it('name American Sign Language in words, never as its code, in both languages', async () => {
      for (const [lang, name] of [
        ['en', 'American Sign Language'],
        ['es', 'lengua de señas americana'],
      ]) {
        const el = await renderWithAttributes({
          'api-base': '/api',
          lang: lang!,
          languages: 'ase',
        });
        const shown = cards(el);
        expect(shown.length, `ASL signers (${lang})`).to.be.greaterThan(0);
        for (const card of shown) {
          expect(text(card)).to.contain(name);
          expect(text(card)).not.to.match(/\base\b/);
        }
      }
    });

    it('show the photo with alt text naming the supporter', async () => {
      // One supporter's photo loads; the others fail. The last one with a photo on the first
      // page: the page keeps loaded images by URL, and the initials test below needs the first
      // one never to have loaded.
      const firstPage = body(await store.listSupporters({ states: [...STATES], limit: 24 })).items;
      const pictured = firstPage.findLast((s) => s.photoUrl)!;
      const png = await pngBlob();
      worker.use(
        http.get('*/mock-portraits/:file', ({ request }) =>
          request.url === pictured.photoUrl
            ? new HttpResponse(png, { headers: { 'Content-Type': 'image/png' } })
            : HttpResponse.error(),
        ),
      );
      const el = await render();
      const card = cards(el).find((c) => idOf(c) === pictured.id)!;
      card.scrollIntoView();
      const img = card.querySelector('img')!;
      expect(img.alt).to.equal(`Photo of ${pictured.name}`);
      await until(() => img.complete && img.naturalWidth > 0);
      expect(isShown(img)).to.be.true;
      expectNone(card, '[part=photo]:not(img)', 'no initials next to a photo');
    });

    it('show initials when the photo cannot be loaded', async () => {
      // Photo URLs this page has never loaded (it keeps loaded images by URL), and they fail.
      worker.use(
        http.post('/api/supporters/search', async ({ request }) => {
          const page = body(await store.listSupporters((await request.json()) as SupporterQuery));
          const items = page.items.map((s) =>
            s.photoUrl ? { ...s, photoUrl: `${s.photoUrl}?unseen=initials` } : s,
          );
          return HttpResponse.json({ ...page, items });
        }),
        http.get('*/mock-portraits/:file', () => HttpResponse.error()),
      );
      const el = await render();
      const card = cards(el).find((c) => store.supporters.find((s) => s.id === idOf(c))?.photoUrl);
      expect(card, 'a supporter with a photo URL on the first page').to.exist;
      card!.scrollIntoView();
      const name = cardName(card!);
      const words = name.split(/\s+/);
      const initials = `${words[0]![0]}${words.at(-1)![0]}`.toUpperCase();
      const fallback = await until(() => card!.querySelector('[part=photo]:not(img)'));
      expect(text(fallback)).to.equal(initials);
      expect(isShown(fallback)).to.be.true;
      expectNone(card!, 'img', 'no broken image left');
    });

    it('show supporter text containing markup as text (S2)', async () => {
      const supporter = store.supporters.find((s) => s.id === MARKUP_SUPPORTER_ID)!;
      const el = await render();
      const search = control<HTMLInputElement>(el, 'Search by name, topic or words in a bio');
      search.value = supporter.name;
      search.dispatchEvent(new Event('input'));
      const card = await until(() => cards(el).find((c) => idOf(c) === MARKUP_SUPPORTER_ID));
      const headline = [...card.querySelectorAll('p')].find((p) => text(p).includes('listen'))!;
      expect(text(headline)).to.equal(
        'I <b>really</b> listen. <i>No judgement</i>, just peer support.',
      );
      expect(headline.children.length, 'no element made from the text').to.equal(0);
      expectNone(card, 'b, i, img:not([part=photo])');

      const profile = await openProfile(el, card);
      const profileText = text(profile.shadowRoot!);
      expect(profileText).to.contain('P.S. <img src=x onerror=alert(1)> If you can read');
      expect(profileText).to.contain('as <b>plain text</b>');
      expectNone(profile.shadowRoot!, 'img, b');
    });

    it('skip a supporter that fails validation, report it with peer-error, and show the rest', async () => {
      worker.use(
        http.post('/api/supporters/search', async ({ request }) => {
          const page = body(await store.listSupporters((await request.json()) as SupporterQuery));
          const items: unknown[] = [...page.items];
          items.splice(1, 0, { id: 'sup-broken', name: 'Broken Record', states: 'California' });
          return HttpResponse.json({ ...page, items });
        }),
      );
      const errors = collect<PeerErrorEvent>('peer-error');
      try {
        const el = await render();
        const event = await until(() => errors.events[0]);
        expect(event.detail.kind).to.equal('validation');
        expect(event.detail.endpoint).to.equal('listSupporters');
        expect(event.detail.message).to.contain('1 supporter record');
        const expected = body(await store.listSupporters({ states: [...STATES], limit: 24 })).items;
        expect(cards(el).map(cardName)).to.have.members(expected.map((s) => s.name));
        expect(text(root(el).querySelector('[part=list]')!)).not.to.contain('Broken Record');
        expectNone(root(el), '[part=error]');
      } finally {
        errors.stop();
      }
    });
  });

  describe('filters, search and sort', () => {
    /** Waits for the search after `change` to be answered and shown. */
    async function afterSearch(el: PeerDirectory, bodies: unknown[], change: () => void) {
      const before = bodies.length;
      change();
      await until(() => bodies.length > before);
      await until(
        () =>
          root(el).querySelector('[part=list][aria-busy=false], [part=empty], [part=error]') &&
          status(el) !== '',
      );
      await el.updateComplete;
      return bodies.at(-1) as SupporterQuery;
    }

    it('a filter group the person opened stays open when its last box is unchecked', async () => {
      const el = await render();
      const group = [...root(el).querySelectorAll('details')].find((d) =>
        text(d.querySelector('summary')!).startsWith('Topics and experiences'),
      )!;
      expect(group.open, 'collapsed at first').to.be.false;
      group.querySelector('summary')!.click();
      await el.updateComplete;
      const box = group.querySelector<HTMLInputElement>('input[type=checkbox]')!;
      box.click();
      await el.updateComplete;
      box.click();
      await el.updateComplete;
      await aTimeout(0);
      expect(group.open, 'still open after unchecking').to.be.true;
    });

    it('search is debounced, keeps what was typed, and filters', async () => {
      const el = await render();
      const bodies = recordPosts('/api/supporters/search');
      const search = control<HTMLInputElement>(el, 'Search by name, topic or words in a bio');
      search.focus();
      await sendKeys({ type: 'grief' });
      expect(search.value).to.equal('grief');
      const expected = (await expectedPage({ q: 'grief' })).total;
      expect(expected).to.be.within(1, 63);
      await until(() => status(el) === countText(expected));
      expect(cards(el).length).to.equal(Math.min(24, expected));
      expect(search.value, 'the typed text stays').to.equal('grief');
      expect(deepActive() === search, 'focus stays in the search box').to.be.true;
      const queries = bodies.map((b) => (b as SupporterQuery).q).filter(Boolean);
      expect(queries, 'one search for the whole word, not one per key').to.deep.equal(['grief']);
    });

    it('topics, language, state, length and availability narrow the results', async () => {
      const el = await render();
      const bodies = recordPosts('/api/supporters/search');
      const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

      await afterSearch(el, bodies, () =>
        checkbox(root(el).querySelector('[part=filters]')!, 'Anxiety').click(),
      );
      let query: SupporterQuery = { topics: ['anxiety'] };
      expect(status(el)).to.equal(countText((await expectedPage(query)).total));
      for (const card of cards(el)) {
        expect([...card.querySelectorAll('.tags li')].map(text)).to.include('Anxiety');
      }

      await afterSearch(el, bodies, () => choose(control(el, 'Language'), 'es'));
      query = { ...query, languages: ['es'] };
      expect(status(el)).to.equal(countText((await expectedPage(query)).total));
      for (const card of cards(el)) expect(text(card)).to.contain(languageNames.of('es')!);

      await afterSearch(el, bodies, () =>
        checkbox(root(el).querySelector('[part=filters]')!, 'Anxiety').click(),
      );
      query = { languages: ['es'] };
      expect(status(el)).to.equal(countText((await expectedPage(query)).total));

      await afterSearch(el, bodies, () => choose(control(el, 'Language'), ''));
      await afterSearch(el, bodies, () => choose(control(el, 'State'), 'OR'));
      expect(status(el)).to.equal(
        countText(body(await store.listSupporters({ states: ['OR'] })).total),
      );
      for (const card of cards(el)) expect(text(card)).to.match(/Serves: [A-Z, ]*\bOR\b/);

      await afterSearch(el, bodies, () => choose(control(el, 'State'), ''));
      await afterSearch(el, bodies, () => choose(control(el, 'Session length'), '30'));
      expect(status(el)).to.equal(countText((await expectedPage({ lengthMinutes: 30 })).total));

      await afterSearch(el, bodies, () => choose(control(el, 'Available within'), '3'));
      expect(status(el)).to.equal(
        countText((await expectedPage({ lengthMinutes: 30, availableWithinDays: 3 })).total),
      );
    });

    it('"Clear filters" restores the full list, the search box and the controls', async () => {
      const el = await render();
      const total = (await expectedPage()).total;
      const bodies = recordPosts('/api/supporters/search');
      const search = control<HTMLInputElement>(el, 'Search by name, topic or words in a bio');
      search.value = 'family';
      search.dispatchEvent(new Event('input'));
      await until(() => bodies.length === 1);
      await afterSearch(el, bodies, () => choose(control(el, 'Language'), 'es'));
      const anxiety = checkbox(root(el).querySelector('[part=filters]')!, 'Anxiety');
      await afterSearch(el, bodies, () => anxiety.click());
      expect(status(el)).not.to.equal(countText(total));

      await afterSearch(el, bodies, () => button(root(el), 'Clear filters').click());
      expect(status(el)).to.equal(countText(total));
      expect(cards(el).length).to.equal(Math.min(24, total));
      expect(search.value).to.equal('');
      expect(control<HTMLSelectElement>(el, 'Language').value).to.equal('');
      expect(anxiety.checked).to.be.false;
      const cleared = bodies.at(-1) as SupporterQuery;
      expect(cleared.states, "the program's area again").to.deep.equal([...STATES]);
      expect(
        Object.keys(cleared).filter((key) => !['states', 'sort', 'offset', 'limit'].includes(key)),
        'no filter left in the request',
      ).to.deep.equal([]);
    });

    it('states="WA" preselects one state; states="CA OR" makes those two the area', async () => {
      const bodies = recordPosts('/api/supporters/search');
      const one = await renderWithAttributes({ 'api-base': '/api', states: 'WA' });
      expect((bodies[0] as SupporterQuery).states).to.deep.equal(['WA']);
      expect(control<HTMLSelectElement>(one, 'State').value).to.equal('WA');

      const two = await renderWithAttributes({ 'api-base': '/api', states: 'CA OR' });
      expect((bodies[1] as SupporterQuery).states).to.deep.equal(['CA', 'OR']);
      const select = control<HTMLSelectElement>(two, 'State');
      expect(select.value, '"Any state" of the area').to.equal('');
      expect([...select.options].map((o) => o.value)).to.deep.equal(['', 'CA', 'OR']);
      expect(status(two)).to.equal(countText((await expectedPage({ states: ['CA', 'OR'] })).total));
      for (const card of cards(two)) expect(text(card)).to.match(/Serves: .*\b(CA|OR)\b/);

      // States the program does not serve, and repeats, are left out of the area.
      const outside = await renderWithAttributes({ 'api-base': '/api', states: 'CA TX CA OR' });
      expect((bodies[2] as SupporterQuery).states).to.deep.equal(['CA', 'OR']);
      bodies.splice(2, 1);
      expect(control<HTMLSelectElement>(outside, 'State').options.length).to.equal(3);

      // Choosing one narrows to it; "Clear filters" goes back to the host's area, not the program's.
      choose(select, 'OR');
      await until(() => bodies.length === 3);
      expect((bodies[2] as SupporterQuery).states).to.deep.equal(['OR']);
      await until(() => root(two).querySelector('[part=list][aria-busy=false]'));
      button(root(two).querySelector('[part=filters]')!, 'Clear filters').click();
      await until(() => bodies.length === 4);
      expect((bodies[3] as SupporterQuery).states).to.deep.equal(['CA', 'OR']);
    });

    it('attribute presets apply on first load: languages="es", topics="first-gen"', async () => {
      const bodies = recordPosts('/api/supporters/search');
      const spanish = await renderWithAttributes({ 'api-base': '/api', languages: 'es' });
      expect(bodies.length, 'one search, already filtered').to.equal(1);
      expect((bodies[0] as SupporterQuery).languages).to.deep.equal(['es']);
      expect(status(spanish)).to.equal(
        countText((await expectedPage({ languages: ['es'] })).total),
      );
      expect(control<HTMLSelectElement>(spanish, 'Language').value).to.equal('es');

      const firstGen = await renderWithAttributes({ 'api-base': '/api', topics: 'first-gen' });
      expect(bodies.length, 'one search, already filtered').to.equal(2);
      expect((bodies[1] as SupporterQuery).topics).to.deep.equal(['first-gen']);
      expect(status(firstGen)).to.equal(
        countText((await expectedPage({ topics: ['first-gen'] })).total),
      );
      const filters = root(firstGen).querySelector('[part=filters]')!;
      expect(checkbox(filters, 'First-generation student').checked).to.be.true;
      for (const card of cards(firstGen)) {
        expect([...card.querySelectorAll('.tags li')].map(text)).to.include(
          'First-generation student',
        );
      }
    });

    it('sort by name orders the cards alphabetically', async () => {
      const el = await render();
      const bodies = recordPosts('/api/supporters/search');
      await afterSearch(el, bodies, () => choose(control(el, 'Sort by'), 'name'));
      const names = cards(el).map(cardName);
      const sorted = [...names].sort((a, b) => a.localeCompare(b, 'en'));
      expect(names).to.deep.equal(sorted);
      const first = (await expectedPage({ sort: 'name' })).items.slice(0, 24).map((s) => s.name);
      expect(names).to.deep.equal(first);
    });
  });

  describe('presets a host page may get wrong', () => {
    const W = '[peer-support-widgets] <peer-directory>';

    for (const [attributes, sent, warning] of [
      [{ states: 'ca' }, { states: ['CA'] }, undefined],
      [{ topics: 'First-Gen' }, { topics: ['first-gen'] }, undefined],
      [
        { sort: 'soonest' },
        { sort: 'next-available' },
        `${W} sort="soonest" is not one of: next-available, name. Ignoring it.`,
      ],
      [
        { 'page-size': '0' },
        { limit: 24 },
        `${W} page-size="0" is not one of: whole numbers from 1 to 5000. Ignoring it.`,
      ],
      [
        { 'available-within': '400' },
        { availableWithinDays: undefined },
        `${W} available-within="400" is not one of: whole numbers from 1 to 365. Ignoring it.`,
      ],
    ] as const) {
      const [name, raw] = Object.entries(attributes)[0]!;
      it(`${name}="${raw}" still lists supporters${warning ? ', with one warning' : ''}`, async () => {
        const bodies = recordPosts('/api/supporters/search');
        const warnings = captureWarnings();
        let el: PeerDirectory;
        try {
          el = await renderWithAttributes({ 'api-base': '/api', ...attributes });
          await aTimeout(50);
        } finally {
          warnings.stop();
        }
        expectNone(root(el), '[part=error]', 'an error state');
        expect(cards(el).length).to.be.greaterThan(0);
        expect(bodies.length, 'one search').to.equal(1);
        const query = bodies[0] as SupporterQuery;
        for (const [key, expected] of Object.entries(sent)) {
          expect(query[key as keyof SupporterQuery], key).to.deep.equal(expected);
        }
        const own = warnings.messages.filter((m) => m.includes('<peer-directory>'));
        expect(own).to.deep.equal(warning ? [warning] : []);
      });
    }

    it('a normalised preset shows in its control: states="ca" selects CA, topics="First-Gen" ticks it', async () => {
      const ca = await renderWithAttributes({ 'api-base': '/api', states: 'ca' });
      expect(control<HTMLSelectElement>(ca, 'State').value).to.equal('CA');
      expect(status(ca)).to.equal(countText((await expectedPage({ states: ['CA'] })).total));
      const firstGen = await renderWithAttributes({ 'api-base': '/api', topics: 'First-Gen' });
      const filters = root(firstGen).querySelector('[part=filters]')!;
      expect(checkbox(filters, 'First-generation student').checked).to.be.true;
    });

    it('available-within="5" (options 3, 7, 14) shows "5 days" in its control; Clear filters clears it', async () => {
      const bodies = recordPosts('/api/supporters/search');
      const el = await renderWithAttributes({ 'api-base': '/api', 'available-within': '5' });
      expect((bodies[0] as SupporterQuery).availableWithinDays).to.equal(5);
      const select = control<HTMLSelectElement>(el, 'Available within');
      expect(select.value).to.equal('5');
      expect(text(select.selectedOptions[0]!)).to.equal('5 days');
      button(root(el).querySelector('[part=filters]')!, 'Clear filters').click();
      await until(() => bodies.length === 2);
      expect(bodies[1]).not.to.have.property('availableWithinDays');
      await el.updateComplete;
      expect(select.value).to.equal('');
      expect([...select.options].map((o) => o.value)).to.deep.equal(['', '3', '7', '14']);
    });

    it('languages="fr" (no supporter speaks it) shows "French" in its control; Clear filters clears it', async () => {
      const bodies = recordPosts('/api/supporters/search');
      const el = await renderWithAttributes({ 'api-base': '/api', languages: 'fr' });
      expect((bodies[0] as SupporterQuery).languages).to.deep.equal(['fr']);
      const select = control<HTMLSelectElement>(el, 'Language');
      expect(select.value).to.equal('fr');
      expect(text(select.selectedOptions[0]!)).to.equal('French');
      button(root(el).querySelector('[part=filters]')!, 'Clear filters').click();
      await until(() => bodies.length === 2);
      expect(bodies[1]).not.to.have.property('languages');
      await until(() => cards(el).length > 0);
      expect(select.value).to.equal('');
      expect([...select.options].map((o) => o.value)).not.to.include('fr');
    });

    it('length-minutes="50" on a 30/60 program is ignored with one warning', async () => {
      const bodies = recordPosts('/api/supporters/search');
      const warnings = captureWarnings();
      let el: PeerDirectory;
      try {
        el = await renderWithAttributes({ 'api-base': '/api', 'length-minutes': '50' });
        await aTimeout(50);
      } finally {
        warnings.stop();
      }
      expect(bodies.map((b) => (b as SupporterQuery).lengthMinutes)).to.deep.equal([undefined]);
      expect(warnings.messages.filter((m) => m.includes('<peer-directory>'))).to.deep.equal([
        `${W} length-minutes="50" is not one of: 30, 60. Ignoring it.`,
      ]);
      const select = control<HTMLSelectElement>(el, 'Session length');
      expect(select.value).to.equal('');
      expect(text(select.selectedOptions[0]!)).to.equal('Any length');
      expect(status(el)).to.equal(countText((await expectedPage()).total));
    });

    it('one state the program does not serve (states="TX") is ignored with one warning', async () => {
      const bodies = recordPosts('/api/supporters/search');
      const warnings = captureWarnings();
      let el: PeerDirectory;
      try {
        el = await renderWithAttributes({ 'api-base': '/api', states: 'TX' });
        await aTimeout(50);
      } finally {
        warnings.stop();
      }
      expect(bodies.map((b) => (b as SupporterQuery).states)).to.deep.equal([['CA', 'OR', 'WA']]);
      expect(warnings.messages.filter((m) => m.includes('<peer-directory>'))).to.deep.equal([
        `${W} states="TX" is not one of: CA, OR, WA. Ignoring it.`,
      ]);
      expect(control<HTMLSelectElement>(el, 'State').value).to.equal('');
      expect(status(el)).to.equal(countText((await expectedPage()).total));
    });

    it('changing page-size after the first load asks again with the new limit', async () => {
      const bodies = recordPosts('/api/supporters/search');
      const el = await renderWithAttributes({ 'api-base': '/api', 'page-size': '5' });
      expect(cards(el).length).to.equal(5);
      el.setAttribute('page-size', '3');
      await until(() => bodies.length === 2);
      expect((bodies[1] as SupporterQuery).limit).to.equal(3);
      await until(() => cards(el).length === 3);
      expect(text(root(el).querySelector('.more')!)).to.contain(
        `Showing 3 of ${(await expectedPage()).total}.`,
      );
    });
  });

  describe('next available', () => {
    it('selects the soonest open session for the current filters and announces it', async () => {
      const el = await render();
      const bodies = recordPosts('/api/supporters/search');
      choose(control(el, 'Language'), 'es');
      await until(() => bodies.length === 1);
      await until(
        async () => status(el) === countText((await expectedPage({ languages: ['es'] })).total),
      );
      const { slot } = body(await store.nextAvailable({ languages: ['es'], states: [...STATES] }));
      expect(slot, 'the mock has a Spanish-speaking supporter with an open session').to.exist;
      const name = body(await store.getSupporter(slot!.supporterId)).name;
      const time = new Intl.DateTimeFormat('en', {
        weekday: 'short',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
      }).format(new Date(slot!.start));
      const said = `Soonest session: ${name}, ${time}. Selected.`;
      expectNone(root(el), '.selection', 'a soonest session before asking');
      expect(status(el)).not.to.equal(said);

      const nextBodies = recordPosts('/api/slots/next');
      const selected = collect<PeerSupporterSelectedEvent>('peer-supporter-selected');
      try {
        button(root(el), 'Find the soonest session').click();
        await until(() => status(el) === said);
        expect(nextBodies.length, 'one request for the soonest session').to.equal(1);
        expect((nextBodies[0] as SupporterQuery).languages).to.deep.equal(['es']);
        expect((nextBodies[0] as SupporterQuery).states).to.deep.equal([...STATES]);
        expect(text(root(el).querySelector('.selection')!), 'shown, not only said').to.equal(said);
        expect(selected.events.length, 'one selection').to.equal(1);
        expect(selected.events[0]!.detail).to.deep.equal({
          supporterId: slot!.supporterId,
          slotStart: slot!.start,
          lengthMinutes: slot!.lengthMinutes,
        });
        const card = cards(el).find((c) => idOf(c) === slot!.supporterId);
        if (card) expect(button(card, 'Choose').getAttribute('aria-pressed')).to.equal('true');
      } finally {
        selected.stop();
      }
    });

    it('a chosen session length is the length of the soonest session', async () => {
      const el = await render();
      const bodies = recordPosts('/api/supporters/search');
      choose(control(el, 'Session length'), '60');
      await until(() => bodies.length === 1);
      await until(() => root(el).querySelector('[part=list][aria-busy=false]'));
      const selected = collect<PeerSupporterSelectedEvent>('peer-supporter-selected');
      try {
        button(root(el), 'Find the soonest session').click();
        const event = await until(() => selected.events[0]);
        const { slot } = body(
          await store.nextAvailable({ lengthMinutes: 60, states: [...STATES] }),
        );
        expect(event.detail).to.deep.equal({
          supporterId: slot!.supporterId,
          slotStart: slot!.start,
          lengthMinutes: 60,
        });
      } finally {
        selected.stop();
      }
    });

    it('says so when no session matches', async () => {
      worker.use(...scenarioHandlers('empty', { only: ['nextAvailable'] }));
      const el = await render();
      const selected = collect<PeerSupporterSelectedEvent>('peer-supporter-selected');
      try {
        button(root(el), 'Find the soonest session').click();
        await until(() => status(el) === 'No open sessions match these filters.');
        expect(selected.events.length).to.equal(0);
      } finally {
        selected.stop();
      }
    });
  });

  describe('profiles', () => {
    /** The first cards whose supporters tell their lived experience and have open sessions. */
    async function storyCards(el: PeerDirectory): Promise<HTMLElement[]> {
      const found: HTMLElement[] = [];
      for (const c of cards(el)) {
        const record = store.supporters.find((s) => s.id === idOf(c));
        if (record?.livedExperience && body(await store.listSlots(idOf(c))).slots.length > 0) {
          found.push(c);
        }
      }
      return found;
    }

    it('"View profile" expands in place: bio, lived experience, sessions grouped by day', async () => {
      const el = await render();
      const card = (await storyCards(el))[0]!;
      const record = store.supporters.find((s) => s.id === idOf(card))!;
      const toggle = button(card, 'View profile');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      const profile = await openProfile(el, card);
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(text(toggle)).to.equal('Hide profile');
      expect(toggle.getAttribute('aria-controls')).to.equal(profile.id);
      expect(card.parentElement!.contains(profile), 'in place, under its card').to.be.true;

      const shadow = profile.shadowRoot!;
      const headings = [...shadow.querySelectorAll('h4')].map(text);
      expect(headings).to.include.members([
        'About',
        'Lived experience',
        'Open sessions, next 14 days',
      ]);
      const profileText = text(shadow);
      expect(profileText).to.contain(record.bio.split(/\n\s*\n/)[0]!.replace(/\s+/g, ' '));
      expect(profileText).to.contain(record.livedExperience!.replace(/\s+/g, ' '));

      const days = [...shadow.querySelectorAll<HTMLElement>('[role=group]')];
      expect(days.length).to.be.greaterThan(0);
      const labels = days.map((d) => d.getAttribute('aria-label')!);
      expect(new Set(labels).size, 'one group per day').to.equal(labels.length);
      for (const day of days) {
        const slots = [...day.querySelectorAll('button')];
        expect(slots.length).to.be.greaterThan(0);
        for (const slot of slots)
          expect(slot.getAttribute('aria-label')).to.contain(day.getAttribute('aria-label')!);
      }
      await expect(el).to.be.accessible();
      expectCrisisLine(el);
    });

    it('two profiles can be open at once, and choosing a session selects it', async () => {
      const el = await render();
      const [first, second] = await storyCards(el);
      await openProfile(el, first!);
      const profile = await openProfile(el, second!);
      expect(button(first!, 'Hide profile').getAttribute('aria-expanded')).to.equal('true');
      expect(button(second!, 'Hide profile').getAttribute('aria-expanded')).to.equal('true');
      expect(root(el).querySelectorAll('peer-supporter-profile').length).to.equal(2);

      const selected = collect<PeerSupporterSelectedEvent>('peer-supporter-selected');
      try {
        const slotButton =
          profile.shadowRoot!.querySelector<HTMLButtonElement>('[role=group] button')!;
        slotButton.click();
        const event = await until(() => selected.events[0]);
        expect(Object.keys(event.detail).sort()).to.deep.equal([
          'lengthMinutes',
          'slotStart',
          'supporterId',
        ]);
        expect(event.detail.supporterId).to.equal(idOf(second!));
        const open = body(await store.listSlots(idOf(second!))).slots;
        const chosen = open.find((s) => s.start === event.detail.slotStart);
        expect(chosen, 'one of the open sessions').to.exist;
        expect(event.detail.lengthMinutes, 'the length it is open for').to.equal(
          chosen!.lengthMinutes,
        );
        const time = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' });
        expect(text(slotButton)).to.equal(time.format(new Date(event.detail.slotStart!)));
        // The directory shows that supporter as the one chosen.
        await until(() => button(second!, 'Choose').getAttribute('aria-pressed') === 'true');
        expect(text(second!.querySelector('.badge')!)).to.equal('Selected');
      } finally {
        selected.stop();
      }
    });

    it('the toggle keeps focus when the profile closes', async () => {
      const el = await render();
      const card = cards(el)[0]!;
      const toggle = button(card, 'View profile');
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => root(el).querySelector(`#profile-${idOf(card)}`));
      await sendKeys({ press: 'Enter' });
      await until(() => toggle.getAttribute('aria-expanded') === 'false');
      expectNone(root(el), `#profile-${idOf(card)}`);
      expect(text(toggle)).to.equal('View profile');
      expect(deepActive() === toggle, 'focus is back on the toggle').to.be.true;
    });

    it('choosing a session in a profile is announced', async () => {
      const el = await render();
      const card = cards(el)[0]!;
      const profile = await openProfile(el, card);
      profile.shadowRoot!.querySelector<HTMLButtonElement>('[role=group] button')!.click();
      await until(() => status(el).includes(cardName(card)), 1000);
    });

    it('a profile that fails to load says so in place and in the one live region, and retries', async function () {
      this.timeout(20000);
      worker.use(...scenarioHandlers('error', { only: ['getSupporter'] }));
      const errors = collect<PeerErrorEvent>('peer-error');
      try {
        const el = await render();
        const card = cards(el)[0]!;
        button(card, 'View profile').click();
        const profile = await until(() =>
          root(el).querySelector<HTMLElement>(`#profile-${idOf(card)}`),
        );
        const error = await until(() => profile.shadowRoot!.querySelector('.error'), 8000);
        expect(text(error)).to.contain('Something went wrong while loading');
        expect(profile.shadowRoot!.querySelector('[role]') === null, 'no live region of its own').to
          .be.true;
        await until(() => status(el).startsWith('Something went wrong while loading'));
        expect(errors.events.map((e) => e.detail.endpoint)).to.include('getSupporter');
        expect(cards(el).length, 'the list stays').to.be.greaterThan(0);
        expectCrisisLine(el);

        // Failing again is said again: the region changes, so a screen reader reads it anew.
        const said: string[] = [];
        const region = root(el).querySelector('[role=status]')!;
        const watcher = new MutationObserver(() => said.push(text(region)));
        watcher.observe(region, { childList: true, characterData: true, subtree: true });
        button(error, 'Try again').click();
        await until(
          () => said.filter((s) => s.startsWith('Something went wrong')).length > 0,
          8000,
        );
        watcher.disconnect();
        expect(said[0], 'emptied first').to.equal('');

        worker.resetHandlers();
        button(profile.shadowRoot!.querySelector('.error')!, 'Try again').click();
        await until(() => profile.shadowRoot!.querySelector('h4'), 8000);
      } finally {
        errors.stop();
      }
    });
  });

  describe('robustness', () => {
    it('keeps focus in the directory when "Clear filters" leaves the empty state', async () => {
      const el = await renderWithAttributes({ 'api-base': '/api', languages: 'xx' });
      await until(() => root(el).querySelector('[part=empty]'));
      const clear = button(root(el).querySelector('[part=empty]')!, 'Clear filters');
      clear.focus();
      clear.click();
      await until(() => root(el).querySelector('[part=list]'));
      await until(() => root(el).activeElement?.classList.contains('count'));
      expect(text(root(el).activeElement!)).to.contain(countText((await expectedPage()).total));
    });

    it('says the service is unavailable, with the crisis line, when it has no API', async () => {
      const host = await fixture<HTMLElement>(html`<div><peer-directory></peer-directory></div>`);
      const el = host.querySelector('peer-directory')!;
      await el.updateComplete;
      const error = await until(() => root(el).querySelector('[part=error]'));
      expect(text(error)).to.equal('This service is not available right now.');
      expectNone(root(el), '.skeleton', 'an endless skeleton');
      expectCrisisLine(el);
      await expect(el).to.be.accessible();
    });

    it('shows the error state within one deadline when the program and the list both stall (R1)', async () => {
      worker.use(
        ...scenarioHandlers('slow', { only: ['getProgram', 'listSupporters'], delayMs: 60_000 }),
      );
      const errors = collect<PeerErrorEvent>('peer-error');
      try {
        const el = await render(
          html`<short-deadline-host><peer-directory></peer-directory></short-deadline-host>`,
        );
        const alert = root(el).querySelector('[part=error]')!;
        expect(text(alert)).to.contain('Something went wrong while loading');
        expectCrisisLine(el);
        // The list waited for the program's whole deadline, so it had almost nothing left: the
        // chain failed within one deadline, not one per call.
        const list = errors.events.find((e) => e.detail.endpoint === 'listSupporters')!.detail;
        expect(list.kind).to.equal('timeout');
        const limit = Number(/within (\d+) ms/.exec(list.message)?.[1]);
        expect(limit, list.message).to.be.below(ShortDeadlineHost.deadlineMs * 0.75);
      } finally {
        errors.stop();
      }
    });

    it('lists without the program when it is late, then again in its area when it comes', async () => {
      // The program answers after 3/4 of the deadline; the list waits for it only half of it.
      worker.use(
        ...scenarioHandlers('slow', {
          only: ['getProgram'],
          delayMs: ShortDeadlineHost.deadlineMs * 0.75,
        }),
      );
      const bodies = recordPosts('/api/supporters/search');
      const el = await render(
        html`<short-deadline-host><peer-directory></peer-directory></short-deadline-host>`,
      );
      expect(cards(el).length, 'results, not an error').to.be.greaterThan(0);
      expect((bodies[0] as SupporterQuery).states, 'not narrowed yet').to.equal(undefined);
      await until(() => bodies.length === 2, 3000);
      expect((bodies[1] as SupporterQuery).states).to.deep.equal([...STATES]);
      await until(async () => status(el) === countText((await expectedPage()).total));
    });

    it('drops a soonest-session answer that arrives after the filters changed', async () => {
      worker.use(...scenarioHandlers('slow', { only: ['nextAvailable'], delayMs: 400 }));
      const el = await render();
      const selected = collect<PeerSupporterSelectedEvent>('peer-supporter-selected');
      try {
        button(root(el), 'Find the soonest session').click();
        await aTimeout(50);
        choose(control<HTMLSelectElement>(el, 'Language'), 'es');
        await aTimeout(700);
        expect(selected.events, 'no selection from the stale search').to.have.length(0);
      } finally {
        selected.stop();
      }
    });

    it('gives every id once, even when a match is also in the list', async () => {
      const el = await render();
      button(root(el), 'Help me choose').click();
      const form = await until(() => root(el).querySelector<HTMLElement>('[part=match] form'));
      button(form, 'Show my matches').click();
      await until(() => root(el).querySelector('[part=match] ol'));
      const ids = [...root(el).querySelectorAll('[id]')].map((node) => node.id);
      expect(ids.length, 'some ids').to.be.greaterThan(10);
      expect(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        'duplicate ids',
      ).to.deep.equal([]);
    });
  });

  describe('matching', () => {
    it('"Help me choose" asks, then shows ranked matches that say why', async () => {
      const el = await render();
      const opener = button(root(el), 'Help me choose');
      opener.click();
      const form = await until(() => root(el).querySelector<HTMLElement>('[part=match] form'));
      expect(opener.getAttribute('aria-expanded')).to.equal('true');
      expect(text(form.querySelector('h3')!)).to.equal('Tell us what matters to you');

      const bodies = recordPosts('/api/matches');
      checkbox(form, 'First-generation student').click();
      checkbox(form, 'Evening').click();
      choose(form.querySelector<HTMLSelectElement>('select[name=language]')!, 'es');
      button(form, 'Show my matches').click();

      const list = await until(() => root(el).querySelector('[part=match] ol'));
      await expect(el).to.be.accessible();
      const sent = bodies[0] as { topics: string[]; languages: string[]; timesOfDay: string[] };
      expect(sent.topics).to.deep.equal(['first-gen']);
      expect(sent.languages).to.deep.equal(['es']);
      expect(sent.timesOfDay).to.deep.equal(['evening']);

      const expected = body(await store.match(sent as Parameters<typeof store.match>[0])).results;
      const items = [...list.querySelectorAll(':scope > li')];
      expect(items.map((li) => cardName(li.querySelector('[part=card]')!))).to.deep.equal(
        expected.map((r) => r.supporter.name),
      );
      for (const li of items) {
        const reason = text(li.querySelector('.reasons')!);
        expect(reason).to.match(/^Shares: /);
        expect(reason).to.match(/First-generation student|Spanish|Evenings/);
      }
      expect(status(el)).to.equal(countText(expected.length));
    });

    it("asks for matches in the program's service area, or only in the chosen state", async () => {
      const el = await render();
      const bodies = recordPosts('/api/matches');
      button(root(el), 'Help me choose').click();
      const form = await until(() => root(el).querySelector<HTMLElement>('[part=match] form'));
      checkbox(form, 'Anxiety').click();

      // No state filter: every state the program serves, so no one from elsewhere is matched.
      button(form, 'Show my matches').click();
      const first = await until(() => root(el).querySelector('[part=match] ol'));
      expect(bodies.length).to.equal(1);
      expect((bodies[0] as { states?: string[] }).states).to.deep.equal([...STATES]);
      expect(bodies[0]).not.to.have.property('state');

      // A chosen state: that state only.
      choose(control(el, 'State'), 'OR');
      button(form, 'Show my matches').click();
      const list = await until(() => {
        const now = root(el).querySelector('[part=match] ol');
        return now !== first && now;
      });
      expect(bodies.length).to.equal(2);
      expect((bodies[1] as { states?: string[] }).states).to.deep.equal(['OR']);
      const matched = [...list.querySelectorAll(':scope > li [part=card]')];
      expect(matched.length).to.be.greaterThan(0);
      for (const card of matched) expect(text(card)).to.match(/Serves: [A-Z, ]*\bOR\b/);
    });

    it('answers stay with their answer across a language switch, and while the panel is closed', async () => {
      const el = await render();
      button(root(el), 'Help me choose').click();
      let form = await until(() => root(el).querySelector<HTMLElement>('[part=match] form'));
      checkbox(form, 'Grief and loss').click();
      checkbox(form, 'Evening').click();
      choose(form.querySelector<HTMLSelectElement>('select[name=language]')!, 'es');
      const ticked = (scope: Element) =>
        [...scope.querySelectorAll<HTMLInputElement>('input[type=checkbox]')]
          .filter((box) => box.checked)
          .map((box) => text(box.closest('label')!));

      // In Spanish the facets come sorted anew ("Duelo y pérdida" moves up): the ticks follow.
      el.lang = 'es';
      await until(() => form.isConnected && text(form).includes('Duelo y pérdida'));
      expect(ticked(form).sort()).to.deep.equal(['Duelo y pérdida', 'Noche']);
      expect(form.querySelector<HTMLSelectElement>('select[name=language]')!.value).to.equal('es');

      // Closed and opened again: the answers are still there.
      el.lang = 'en';
      await until(() => text(form).includes('Grief and loss'));
      const opener = button(root(el), 'Help me choose');
      opener.click();
      await until(() => !root(el).querySelector('[part=match]'));
      opener.click();
      form = await until(() => root(el).querySelector<HTMLElement>('[part=match] form'));
      expect(ticked(form).sort()).to.deep.equal(['Evening', 'Grief and loss']);
      expect(form.querySelector<HTMLSelectElement>('select[name=language]')!.value).to.equal('es');

      const bodies = recordPosts('/api/matches');
      button(form, 'Show my matches').click();
      await until(() => root(el).querySelector('[part=match] ol'));
      const sent = bodies[0] as { topics: string[]; languages: string[]; timesOfDay: string[] };
      expect(sent.topics).to.deep.equal(['grief']);
      expect(sent.languages).to.deep.equal(['es']);
      expect(sent.timesOfDay).to.deep.equal(['evening']);

      // "Clear answers" clears them, and the matches made from them.
      button(form, 'Clear answers').click();
      await until(() => !root(el).querySelector('[part=match] ol'));
      expect(ticked(form)).to.deep.equal([]);
      expect(form.querySelector<HTMLSelectElement>('select[name=language]')!.value).to.equal('');
    });

    it('"Back to all supporters" returns focus to "Help me choose"', async () => {
      const el = await render();
      const opener = button(root(el), 'Help me choose');
      opener.focus();
      await sendKeys({ press: 'Enter' });
      const form = await until(() => root(el).querySelector<HTMLElement>('[part=match] form'));
      checkbox(form, 'Anxiety').click();
      button(form, 'Show my matches').click();
      const back = await until(() =>
        [...root(el).querySelectorAll<HTMLButtonElement>('[part=match] button')].find(
          (b) => text(b) === 'Back to all supporters',
        ),
      );
      back.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !root(el).querySelector('[part=match]'));
      expect(deepActive() === opener, `focus on ${deepActive()?.localName}`).to.be.true;
    });
  });

  describe('selection', () => {
    it('outside a provider, the event carries only the supporter id (and session)', async () => {
      const el = await render();
      const card = cards(el)[0]!;
      const selected = collect<PeerSupporterSelectedEvent>('peer-supporter-selected');
      try {
        button(card, 'Choose').click();
        const event = await until(() => selected.events[0]);
        expect(event.detail).to.deep.equal({ supporterId: idOf(card) });
        expect(event.bubbles && event.composed).to.be.true;
        expect(JSON.stringify(event.detail)).not.to.contain(cardName(card));
        await el.updateComplete;
        expect(button(card, 'Choose').getAttribute('aria-pressed')).to.equal('true');
        expect(text(card.querySelector('.badge')!), 'a visible Selected mark').to.equal('Selected');
        await until(() => status(el) === `${cardName(card)} selected.`);

        // The next-session button on a card selects supporter and session.
        const other = cards(el)[1]!;
        const next = body(await store.getSupporter(idOf(other))).nextAvailable!;
        button(other, /\d/).click();
        const second = await until(() => selected.events[1]);
        const { lengthMinutes, ...rest } = second.detail;
        expect(rest).to.deep.equal({ supporterId: idOf(other), slotStart: next });
        expect(lengthMinutes).to.be.oneOf([30, 60]);
        expect(await offered(idOf(other), next, lengthMinutes), `open for ${lengthMinutes} minutes`)
          .to.be.true;
      } finally {
        selected.stop();
      }
    });

    it("a card's next session carries the length it is open for, or the chosen length", async () => {
      const el = await render(
        html`<peer-directory api-base="/api" page-size="64"></peer-directory>`,
      );
      const selected = collect<PeerSupporterSelectedEvent>('peer-supporter-selected');
      try {
        // Supporters who offer only one length, and one who offers both.
        const only = async (lengths: string) => {
          for (const c of cards(el)) {
            const s = store.supporters.find((r) => r.id === idOf(c))!;
            if (
              s.sessionLengths.join() === lengths &&
              body(await store.getSupporter(s.id)).nextAvailable
            ) {
              return c;
            }
          }
          return undefined;
        };
        const picked = [await only('60'), await only('30'), await only('30,60')].filter(
          Boolean,
        ) as HTMLElement[];
        expect(picked.length, 'cards of each kind').to.equal(3);
        for (const card of picked) {
          const next = body(await store.getSupporter(idOf(card))).nextAvailable!;
          button(card, /\d/).click();
          const { detail } = await until(
            () =>
              selected.events.at(-1)?.detail.supporterId === idOf(card) && selected.events.at(-1),
          );
          expect(detail.slotStart).to.equal(next);
          expect(
            await offered(idOf(card), next, detail.lengthMinutes),
            `${cardName(card)}: ${detail.lengthMinutes} minutes`,
          ).to.be.true;
        }

        // With a length chosen, the card's session is of that length.
        const bodies = recordPosts('/api/supporters/search');
        choose(control(el, 'Session length'), '60');
        await until(() => bodies.length === 1);
        await until(() => root(el).querySelector('[part=list][aria-busy=false]'));
        const card = cards(el).find((c) => c.querySelector('.next button'))!;
        button(card, /\d/).click();
        const last = await until(() => selected.events.length === 4 && selected.events[3]);
        expect(last.detail.lengthMinutes).to.equal(60);
        expect(await offered(idOf(card), last.detail.slotStart!, 60)).to.be.true;
      } finally {
        selected.stop();
      }
    });

    it('inside a provider, the selection reaches the context with no host code', async () => {
      const wrapper = await fixture<HTMLElement>(html`
        <peer-support-provider api-base="/api">
          <peer-directory></peer-directory>
          <directory-config-probe></directory-config-probe>
        </peer-support-provider>
      `);
      const el = wrapper.querySelector('peer-directory')!;
      const probe = wrapper.querySelector<DirectoryConfigProbe>('directory-config-probe')!;
      await until(() => cards(el).length > 0);
      expect(probe.value?.selection).to.be.undefined;

      const [first, second] = cards(el);
      button(first!, 'Choose').click();
      await until(() => probe.value?.selection);
      expect(probe.value!.selection).to.deep.equal({ supporterId: idOf(first!) });

      const next = body(await store.getSupporter(idOf(second!))).nextAvailable!;
      button(second!, /\d/).click();
      await until(() => probe.value?.selection?.supporterId === idOf(second!));
      const { lengthMinutes, ...rest } = probe.value!.selection!;
      expect(rest).to.deep.equal({ supporterId: idOf(second!), slotStart: next });
      expect(await offered(idOf(second!), next, lengthMinutes), 'with the length it is open for').to
        .be.true;
    });

    it('inside a provider, a choice in one directory shows in another', async () => {
      const wrapper = await fixture<HTMLElement>(html`
        <peer-support-provider api-base="/api">
          <peer-directory></peer-directory>
          <peer-directory></peer-directory>
        </peer-support-provider>
      `);
      const [a, b] = [...wrapper.querySelectorAll('peer-directory')];
      await until(() => cards(a!).length > 0 && cards(b!).length > 0);
      const card = cards(a!)[2]!;
      button(card, 'Choose').click();
      const twin = cards(b!).find((c) => idOf(c) === idOf(card))!;
      await until(() => twin.querySelector('[aria-pressed=true]'));
      expect(text(twin.querySelector('.badge')!)).to.equal('Selected');
    });
  });

  describe('keyboard', () => {
    it('Tab reaches the search, the filters and the card buttons; Enter and Space choose', async () => {
      const wrapper = await fixture<HTMLElement>(html`
        <div>
          <button id="before">before</button>
          <peer-directory api-base="/api" page-size="4"></peer-directory>
        </div>
      `);
      const el = wrapper.querySelector('peer-directory')!;
      await until(() => cards(el).length > 0);
      const [first, second] = cards(el);
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();

      const reached: Element[] = [];
      const chooseFirst = button(first!, 'Choose');
      for (let i = 0; i < 150 && deepActive() !== chooseFirst; i++) {
        await sendKeys({ press: 'Tab' });
        reached.push(deepActive()!);
      }
      const order = (target: Element) => reached.indexOf(target);
      const search = control<HTMLInputElement>(el, 'Search by name, topic or words in a bio');
      const filters = root(el).querySelector('[part=filters]')!;
      const selects = ['Language', 'State', 'Session length', 'Available within', 'Sort by'].map(
        (label) => control<HTMLSelectElement>(el, label),
      );
      expect(order(search)).to.be.greaterThan(-1);
      // The topics are either listed or behind a disclosure; either way Tab reaches them.
      const anxiety = checkbox(filters, 'Anxiety');
      const topics = anxiety.closest('details')?.querySelector('summary') ?? anxiety;
      expect(order(topics), 'the topics are reached').to.be.greaterThan(order(search));
      for (const select of selects) expect(order(select)).to.be.greaterThan(order(search));
      const view = button(first!, 'View profile');
      expect(order(view)).to.be.greaterThan(Math.max(...selects.map(order)));
      expect(order(chooseFirst), 'the Choose button is reached').to.be.greaterThan(order(view));

      const selected = collect<PeerSupporterSelectedEvent>('peer-supporter-selected');
      try {
        await sendKeys({ press: 'Enter' });
        const byEnter = await until(() => selected.events[0]);
        expect(byEnter.detail).to.deep.equal({ supporterId: idOf(first!) });

        const chooseSecond = button(second!, 'Choose');
        for (let i = 0; i < 10 && deepActive() !== chooseSecond; i++)
          await sendKeys({ press: 'Tab' });
        expect(deepActive() === chooseSecond, 'Tab moves on to the next card').to.be.true;
        await sendKeys({ press: 'Space' });
        const bySpace = await until(() => selected.events[1]);
        expect(bySpace.detail).to.deep.equal({ supporterId: idOf(second!) });
      } finally {
        selected.stop();
      }
    });

    it('a topic can be chosen with the keyboard alone', async () => {
      const el = await render();
      const bodies = recordPosts('/api/supporters/search');
      const anxiety = checkbox(root(el).querySelector('[part=filters]')!, 'Anxiety');
      const summary = anxiety.closest('details')?.querySelector('summary');
      if (summary) {
        summary.focus();
        await sendKeys({ press: 'Enter' });
        await until(() => anxiety.closest('details')!.open);
      }
      // Tab from the first checkbox of the group to Anxiety.
      const group = [...anxiety.closest('fieldset')!.querySelectorAll('input')];
      (summary ?? group[0]!).focus();
      for (let i = 0; i < group.length + 1 && deepActive() !== anxiety; i++) {
        await sendKeys({ press: 'Tab' });
      }
      expect(deepActive() === anxiety, 'Tab reaches the Anxiety checkbox').to.be.true;
      await sendKeys({ press: 'Space' });
      expect(anxiety.checked).to.be.true;
      await until(
        async () => status(el) === countText((await expectedPage({ topics: ['anxiety'] })).total),
      );
      expect((bodies.at(-1) as SupporterQuery).topics).to.deep.equal(['anxiety']);
    });
  });

  describe('paging', () => {
    it('"Show more supporters" appends the next page, never more than page-size x pages', async () => {
      const el = await render(
        html`<peer-directory api-base="/api" page-size="10" sort="name"></peer-directory>`,
      );
      const all = await expectedPage({ sort: 'name' });
      expect(all.total).to.be.greaterThan(20);
      expect(cards(el).map(cardName)).to.deep.equal(all.items.slice(0, 10).map((s) => s.name));
      expect(text(root(el).querySelector('.more')!)).to.contain(`Showing 10 of ${all.total}.`);

      const firstPage = cards(el);
      button(root(el), 'Show more supporters').click();
      await until(() => cards(el).length > 10);
      await until(() => root(el).querySelector('[part=list][aria-busy=false]'));
      expect(cards(el).map(cardName)).to.deep.equal(all.items.slice(0, 20).map((s) => s.name));
      expect(
        firstPage.every((card, i) => cards(el)[i] === card),
        'the first page stays as it was',
      ).to.be.true;
      expect(text(root(el).querySelector('.more')!)).to.contain(`Showing 20 of ${all.total}.`);

      // A new filter starts again from one page.
      const bodies = recordPosts('/api/supporters/search');
      choose(control(el, 'State'), 'CA');
      await until(() => bodies.length === 1);
      await until(
        async () =>
          status(el) === countText(body(await store.listSupporters({ states: ['CA'] })).total),
      );
      expect(cards(el).length).to.be.at.most(10);
    });
  });

  describe('layout and language', () => {
    it('fits 320 px without horizontal overflow', async () => {
      await setViewport({ width: 320, height: 640 });
      const el = await render();
      await openProfile(el, cards(el)[0]!);
      button(root(el), 'Help me choose').click();
      await until(() => root(el).querySelector('[part=match] form'));
      await el.updateComplete;
      const right = el.getBoundingClientRect().right;
      expect(el.scrollWidth, 'element scroll width').to.be.at.most(el.clientWidth);
      expect(document.documentElement.scrollWidth, 'page scroll width').to.be.at.most(320);
      const visit = (scope: ParentNode): string[] =>
        [...scope.querySelectorAll('*')].flatMap((node) => {
          const overflow =
            node.getBoundingClientRect().right > right + 1
              ? [node.localName + '.' + node.className]
              : [];
          return node.shadowRoot ? [...overflow, ...visit(node.shadowRoot)] : overflow;
        });
      expect(visit(root(el)), 'nothing sticks out to the right').to.deep.equal([]);
      expectCrisisLine(el);
    });

    it('never cuts the text of a select or of a label, at 320, 768 and 1024 px, in both languages', async function () {
      this.timeout(30000);
      /** How wide the select would be if it were just wide enough for its chosen option. */
      const needed = (select: HTMLSelectElement): number => {
        const probe = select.cloneNode(true) as HTMLSelectElement;
        probe.selectedIndex = select.selectedIndex;
        for (const [name, value] of Object.entries({
          position: 'absolute',
          visibility: 'hidden',
          'field-sizing': 'content',
          'inline-size': 'auto',
          'min-inline-size': '0',
          'max-inline-size': 'none',
        })) {
          probe.style.setProperty(name, value);
        }
        select.after(probe);
        const width = probe.getBoundingClientRect().width;
        probe.remove();
        return width;
      };
      const cut: string[] = [];
      for (const width of [320, 768, 1024]) {
        await setViewport({ width, height: 800 });
        for (const [lang, open] of [
          ['en', 'Help me choose'],
          ['es', 'Ayúdame a elegir'],
        ] as const) {
          const el = await render(
            html`<peer-directory api-base="/api" lang=${lang}></peer-directory>`,
          );
          button(root(el), open).click();
          await until(() => root(el).querySelector('[part=match] form'));
          await el.updateComplete;
          for (const select of root(el).querySelectorAll('select')) {
            const chosen = select.selectedIndex;
            for (let i = 0; i < select.options.length; i++) {
              select.selectedIndex = i;
              const box = select.getBoundingClientRect();
              const has = box.width;
              const needs = needed(select);
              // Wide enough, and inside the element: a select sticking out is cut by the page.
              if (box.right > el.getBoundingClientRect().right + 0.5) {
                cut.push(`${width} px, ${lang}: "${text(select.options[i]!)}" sticks out`);
              }
              if (needs > has + 0.5) {
                cut.push(
                  `${width} px, ${lang}: "${text(select.options[i]!)}" needs ${needs} px, has ${has} px`,
                );
              }
            }
            select.selectedIndex = chosen;
          }
          for (const label of root(el).querySelectorAll<HTMLElement>(
            'label > span, summary, legend:not(.vh)',
          )) {
            if (label.scrollWidth > label.clientWidth + 1) {
              cut.push(`${width} px, ${lang}: label "${text(label)}"`);
            }
          }
        }
      }
      expect(cut).to.deep.equal([]);
    });

    it('speaks Spanish with lang="es"', async () => {
      const el = await render(html`<peer-directory api-base="/api" lang="es"></peer-directory>`);
      expect(text(root(el).querySelector('h2')!)).to.equal('Encuentra un compañero de apoyo');
      expect(status(el)).to.equal(`${(await expectedPage()).total} compañeros coinciden.`);
      const call = deepLinks(el).find((a) => a.getAttribute('href') === 'tel:988')!;
      expect(text(call)).to.equal('Llamar al 988');
      // The API labels the tags in the element's language (the client sends Accept-Language).
      const topics = [...root(el).querySelectorAll('[part=filters] .chip')].map(text);
      expect(topics).to.include('Ansiedad');
      expect(topics).not.to.include('Anxiety');
      expectCrisisLine(el);
      await expect(el).to.be.accessible();
    });
  });
});
