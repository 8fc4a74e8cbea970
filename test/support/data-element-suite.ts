/**
 * The shared suite every data element runs (directory, booking, gift cards), in the manner of
 * Web Awesome's `runFormControlBaseTests('wa-input')` and Spectrum's `runPickerTests()`: what a
 * host page and a seeker can observe of any element that loads data through the API.
 *
 * - registration and re-tagging;
 * - configuration: its own `api-base`, a provider's (which wins), none, and a refused one;
 * - every state (loading, complete, empty, error and offline, each with its retry) passes axe and
 *   shows 988 (call and text) and 911;
 * - `peer-error` carries no personal data, whatever the server sends;
 * - Spanish, from a provider's `locale` and from `lang`.
 *
 * The element describes how to reach each of its states; everything else is the same for all.
 * Expected texts are literals a person reads, never strings imported from `src/i18n`.
 *
 * ```ts
 * runDataElementSuite({
 *   tag: 'peer-directory',
 *   ctor: PeerDirectory,
 *   defineEntry: () => import('../src/elements/peer-directory/define.js'),
 *   states: { loading: {...}, complete: {...}, empty: {...}, error: {...}, offline: {...} },
 *   spanish: {...},
 * });
 * ```
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { SetupWorker } from 'msw/browser';
import type { PeerDataElement } from '../../src/internal/peer-data-element.js';
import type { PeerErrorEvent } from '../../src/events.js';
import { endpoints, type Endpoint } from '../../src/api/endpoints.js';
import { startMockBackend } from '../../src/mocks/browser.js';
import { createHandlers, endpointUrl } from '../../src/mocks/handlers.js';
import type { MockStore } from '../../src/mocks/store.js';
import { deepLinks, expectCrisisLine, isShown } from './crisis.js';
import { until } from './until.js';

// ---------------------------------------------------------------------------------------------
// Options.

/** What a state's description gets to work with. */
export interface SuiteContext {
  /** Base URL the element is given (`/api`), for scenario handlers. */
  baseUrl: string;
  store: MockStore;
  worker: SetupWorker;
}

/** How to bring an element into one of its states, and how to tell that it is there. */
export interface StateSpec<E extends PeerDataElement = PeerDataElement> {
  /** Handlers put in front of the mock backend before the element is rendered. */
  handlers?: (context: SuiteContext) => HttpHandler[];
  /** What a person does once the element has rendered, if the state needs it. */
  act?: (el: E, context: SuiteContext) => Promise<void>;
  /** Something truthy once the state is on screen. */
  reached: (el: E) => unknown;
  /** Literal texts a person reads in this state (English). */
  texts?: readonly string[];
  /** How long the state may take to appear, in ms (4 s by default). */
  timeout?: number;
}

/** A failed state, with a way to try again. */
export interface FailureStateSpec<
  E extends PeerDataElement = PeerDataElement,
> extends StateSpec<E> {
  /** Visible text of the retry button; "Try again" by default. */
  retryLabel?: string;
}

export interface DataElementSuiteOptions<E extends PeerDataElement = PeerDataElement> {
  /** The tag the element's define entry registers. */
  tag: string;
  /** The element's class. The test file imports it alone, not its define entry. */
  ctor: typeof PeerDataElement & (new () => E);
  /** Imports the element's define entry (e.g. `() => import('…/peer-directory/define.js')`). */
  defineEntry: () => Promise<unknown>;
  /** Attributes the element needs besides `api-base`, `lang` (e.g. a supporter id). */
  attributes?: Readonly<Record<string, string>>;
  states: {
    loading: StateSpec<E>;
    complete: StateSpec<E>;
    empty: StateSpec<E>;
    error: FailureStateSpec<E>;
    offline: FailureStateSpec<E>;
  };
  /** What is shown when there is no usable API; "This service is not available right now." */
  unavailableText?: string;
  spanish: {
    /** Literal Spanish texts of the complete state, e.g. the heading. */
    texts: readonly string[];
    /** English texts of the complete state that must then be gone. */
    englishTexts: readonly string[];
    /** Literal Spanish texts of the error state. */
    errorTexts: readonly string[];
    /** Visible text of the retry button in Spanish; "Intentar de nuevo" by default. */
    retryLabel?: string;
  };
  /**
   * Personal data the element could put in a `peer-error`: by default every supporter name in
   * the mock store. The suite adds the name and email its failing servers echo.
   */
  personalData?: (store: MockStore) => readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Helpers any element's tests may use.

/** The text a person can see in `root`, its open shadow roots and its slotted content. */
export function visibleText(root: Element): string {
  const parts: string[] = [];
  const visit = (scope: Node): void => {
    for (const child of scope.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const parent =
          child.parentElement ??
          (child.parentNode instanceof ShadowRoot ? child.parentNode.host : null);
        if (parent?.checkVisibility({ visibilityProperty: true, opacityProperty: true })) {
          parts.push(child.textContent ?? '');
        }
      } else if (child instanceof Element) {
        if (child.localName === 'style' || child.localName === 'script') continue;
        if (child.shadowRoot) visit(child.shadowRoot);
        visit(child);
      }
    }
  };
  if (root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Buttons inside `root`, descending into open shadow roots. */
export function deepButtons(root: Element): HTMLButtonElement[] {
  const found: HTMLButtonElement[] = [];
  const visit = (scope: ParentNode): void => {
    for (const el of scope.querySelectorAll('*')) {
      if (el instanceof HTMLButtonElement) found.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  if (root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return found;
}

const norm = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

/** The visible button whose text is `label`, anywhere in the element. */
export function visibleButton(root: Element, label: string): HTMLButtonElement | undefined {
  return deepButtons(root).find((b) => norm(b.textContent) === label && isShown(b));
}

/** Replaces `console[method]` until `restore()`, recording each call's arguments as text. */
export function captureConsole(method: 'warn' | 'error'): {
  messages: string[];
  restore: () => void;
} {
  const original = console[method];
  const messages: string[] = [];
  console[method] = (...args: unknown[]) => void messages.push(args.map(String).join(' '));
  return { messages, restore: () => (console[method] = original) };
}

/** `peer-error` events fired anywhere in the page while it runs. */
export function collectErrors(): { events: PeerErrorEvent[]; stop: () => void } {
  const events: PeerErrorEvent[] = [];
  const listener = (event: Event) => events.push(event as PeerErrorEvent);
  document.addEventListener('peer-error', listener);
  return { events, stop: () => document.removeEventListener('peer-error', listener) };
}

/** Handlers answering every operation of the API under `baseUrl` with `respond()`. */
export function everyEndpoint(baseUrl: string, respond: () => Response): HttpHandler[] {
  return (Object.values(endpoints) as Endpoint[]).map((endpoint) =>
    (endpoint.method === 'GET' ? http.get : http.post)(
      endpointUrl(baseUrl, endpoint.path),
      respond,
    ),
  );
}

/** Records the URL of every request under `baseUrl`; the handlers behind it still answer. */
export function recordRequests(worker: SetupWorker, baseUrl: string): string[] {
  const urls: string[] = [];
  worker.use(
    http.all(`${baseUrl}/*`, ({ request }) => {
      urls.push(request.url);
      return undefined;
    }),
  );
  return urls;
}

let unique = 0;

// ---------------------------------------------------------------------------------------------
// The suite.

/** The keys a `peer-error` detail may carry (README "Events"; `tag` from the loader). */
const ERROR_DETAIL_KEYS = ['kind', 'endpoint', 'status', 'message', 'tag'];

/** Personal data the failing servers below echo back, as real servers sometimes do. */
const ECHOED_NAME = 'Jordan Quill';
const ECHOED_EMAIL = 'jordan.quill@example.com';
const EMAIL_LIKE = /[\w.+-]+@[\w-]+\.[\w.-]+/;

export function runDataElementSuite<E extends PeerDataElement>(
  options: DataElementSuiteOptions<E>,
): void {
  const { tag, ctor, states } = options;
  const baseUrl = '/api';
  const unavailable = options.unavailableText ?? 'This service is not available right now.';
  // Read before any test runs: the test file imports the class, not its define entry.
  const registeredBeforeEntry = customElements.get(tag);

  let context: SuiteContext;

  /** The element, from a template or created with attributes, once it has rendered. */
  async function render(
    attributes: Record<string, string | undefined> = { 'api-base': baseUrl },
    localName = tag,
  ): Promise<E> {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const el = document.createElement(localName) as E;
    for (const [name, value] of Object.entries({ ...options.attributes, ...attributes })) {
      if (value !== undefined) el.setAttribute(name, value);
    }
    host.append(el);
    await el.updateComplete;
    return el;
  }

  /** The element inside `<peer-support-provider>` with the provider's attributes. */
  async function renderInProvider(
    provider: Record<string, string>,
    attributes: Record<string, string> = {},
  ): Promise<E> {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const wrapper = document.createElement('peer-support-provider');
    for (const [name, value] of Object.entries(provider)) wrapper.setAttribute(name, value);
    const el = document.createElement(tag) as E;
    for (const [name, value] of Object.entries({ ...options.attributes, ...attributes })) {
      el.setAttribute(name, value);
    }
    wrapper.append(el);
    host.append(wrapper);
    await el.updateComplete;
    return el;
  }

  /** Renders the element in `state` and waits until the state is on screen. */
  async function reach(spec: StateSpec<E>, render$: () => Promise<E> = () => render()): Promise<E> {
    if (spec.handlers) context.worker.use(...spec.handlers(context));
    const el = await render$();
    if (spec.act) await spec.act(el, context);
    await until(() => spec.reached(el), spec.timeout ?? 4000);
    await el.updateComplete;
    return el;
  }

  /** Each of `texts` is (or, with `shown = false`, is not) among the texts on screen. */
  function expectTexts(el: Element, texts: readonly string[] = [], shown = true): void {
    const onScreen = visibleText(el);
    // Not chai's `contain` on the whole text: its message would print every card.
    const wrong = texts.filter((text) => onScreen.includes(text) !== shown);
    expect(wrong, shown ? 'texts missing from the screen' : 'texts on screen').to.deep.equal([]);
  }

  async function expectAccessibleWithCrisisLine(el: E): Promise<void> {
    expectCrisisLine(el);
    await expect(el).to.be.accessible();
  }

  describe(`<${tag}>: the data-element suite`, () => {
    before(async () => {
      const { worker, store } = await startMockBackend({ quiet: true });
      context = { baseUrl, store, worker };
      await options.defineEntry();
    });

    afterEach(() => {
      context.worker.resetHandlers();
      fixtureCleanup();
    });

    // -------------------------------------------------------------------------------------------
    describe('registration and re-tagging', () => {
      it('importing the class registers nothing; importing its define entry registers the tag', () => {
        expect(registeredBeforeEntry, `<${tag}> defined by the class module alone`).to.be.undefined;
        expect(customElements.get(tag) === ctor, `<${tag}> is the element's class`).to.be.true;
      });

      it('a subclass re-tagged by the host renders, with the crisis line', async () => {
        const localName = `campus-data-${tag}-${++unique}`;
        const Base: typeof PeerDataElement = ctor;
        class Retagged extends Base {}
        Retagged.define(localName);
        expect(customElements.get(localName) === Retagged).to.be.true;
        const el = await reach(states.complete, () => render({ 'api-base': baseUrl }, localName));
        expect(el.localName).to.equal(localName);
        expectTexts(el, states.complete.texts);
        expectCrisisLine(el);
      });

      it('defining the same class again is silent and does not throw', () => {
        const warnings = captureConsole('warn');
        try {
          expect(() => ctor.define()).not.to.throw();
          expect(() => ctor.define(tag)).not.to.throw();
        } finally {
          warnings.restore();
        }
        expect(warnings.messages).to.deep.equal([]);
        expect(customElements.get(tag) === ctor).to.be.true;
      });

      it('a tag another class holds only warns, naming the tag, and keeps the first class', () => {
        const taken = `taken-data-${++unique}`;
        class Foreign extends HTMLElement {}
        customElements.define(taken, Foreign);
        const warnings = captureConsole('warn');
        try {
          expect(() => ctor.define(taken)).not.to.throw();
        } finally {
          warnings.restore();
        }
        expect(warnings.messages.length, 'one console warning').to.equal(1);
        expect(warnings.messages[0]).to.contain(`<${taken}>`);
        expect(customElements.get(taken) === Foreign, 'the first class keeps the tag').to.be.true;
      });
    });

    // -------------------------------------------------------------------------------------------
    describe('configuration', () => {
      /** A second, working backend: the element would show results from either. */
      const otherBase = '/campus-api';

      it('uses its own api-base outside a provider', async () => {
        context.worker.use(...createHandlers(context.store, { baseUrl: otherBase }));
        const other = recordRequests(context.worker, otherBase);
        const main = recordRequests(context.worker, baseUrl);
        const el = await reach(states.complete, () => render({ 'api-base': otherBase }));
        expectTexts(el, states.complete.texts);
        expect(other.length, `requests to ${otherBase}`).to.be.greaterThan(0);
        expect(main, `requests to ${baseUrl}`).to.deep.equal([]);
      });

      it("inside a provider, the provider's api-base wins over the element's (README)", async () => {
        context.worker.use(...createHandlers(context.store, { baseUrl: otherBase }));
        const other = recordRequests(context.worker, otherBase);
        const main = recordRequests(context.worker, baseUrl);
        const el = await reach(states.complete, () =>
          renderInProvider({ 'api-base': baseUrl }, { 'api-base': otherBase }),
        );
        expectTexts(el, states.complete.texts);
        expect(main.length, `requests to the provider's ${baseUrl}`).to.be.greaterThan(0);
        expect(other, `requests to the element's ${otherBase}`).to.deep.equal([]);
        expectCrisisLine(el);
      });

      it('with no API at all, says the service is not available, with the crisis line', async () => {
        const el = await render({});
        await until(() => visibleText(el).includes(unavailable));
        expect(states.loading.reached(el), 'still loading').not.to.be.ok;
        await expectAccessibleWithCrisisLine(el);
      });

      for (const [name, refusedBase] of [
        ['plain http on another host', () => `http://example.com/peer-${++unique}`],
        ['a javascript: URL', () => `javascript:alert(${++unique})`],
      ] as const) {
        it(`a refused api-base (${name}): a clear message on screen, a console error, the crisis line`, async () => {
          const base = refusedBase();
          const errors = captureConsole('error');
          let el: E;
          try {
            el = await render({ 'api-base': base });
            await until(() => visibleText(el).includes(unavailable));
          } finally {
            errors.restore();
          }
          expect(errors.messages.length, 'one console error').to.equal(1);
          expect(errors.messages[0]).to.contain(JSON.stringify(base));
          expect(errors.messages[0]).to.contain('https:');
          await expectAccessibleWithCrisisLine(el);
        });

        // README "Events": peer-error fires for "a refused api-base". On 99efcbd only the provider
        // fires it; an element refusing its own api-base logs and shows the message, but fires
        // nothing (a real defect, reported for src/internal/peer-data-element.ts).
        it(`a refused api-base (${name}) on the element fires peer-error with kind "config"`, async () => {
          const base = refusedBase();
          const events = collectErrors();
          const errors = captureConsole('error');
          try {
            const el = await render({ 'api-base': base });
            await until(() => visibleText(el).includes(unavailable));
            await el.updateComplete;
          } finally {
            errors.restore();
            events.stop();
          }
          const config = events.events.filter((e) => e.detail.kind === 'config');
          expect(config.length, 'one peer-error with kind "config"').to.equal(1);
          expect(config[0]!.detail.message).to.contain('https:');
          expect(Object.keys(config[0]!.detail)).to.satisfy((keys: string[]) =>
            keys.every((key) => ERROR_DETAIL_KEYS.includes(key)),
          );
        });
      }

      it('a refused api-base on the provider: peer-error kind config, the element says so, the crisis line', async () => {
        const base = `http://example.com/provider-${++unique}`;
        const events = collectErrors();
        const errors = captureConsole('error');
        let el: E;
        try {
          el = await renderInProvider({ 'api-base': base });
          await until(() => visibleText(el).includes(unavailable));
        } finally {
          errors.restore();
          events.stop();
        }
        expect(errors.messages.join('\n')).to.contain(JSON.stringify(base));
        expect(events.events.map((e) => e.detail.kind)).to.include('config');
        await expectAccessibleWithCrisisLine(el);
      });
    });

    // -------------------------------------------------------------------------------------------
    describe('every state: accessible (axe), with 988 and 911 on screen', () => {
      it('loading', async function () {
        this.timeout(20_000);
        const el = await reach(states.loading);
        expectTexts(el, states.loading.texts);
        await expectAccessibleWithCrisisLine(el);
      });

      it('complete', async () => {
        const el = await reach(states.complete);
        expectTexts(el, states.complete.texts);
        await expectAccessibleWithCrisisLine(el);
      });

      it('empty', async () => {
        const el = await reach(states.empty);
        expectTexts(el, states.empty.texts);
        await expectAccessibleWithCrisisLine(el);
      });

      for (const name of ['error', 'offline'] as const) {
        it(`${name}: a clear message and a "Try again" that works`, async function () {
          this.timeout(30_000);
          const spec = states[name];
          const events = collectErrors();
          try {
            const el = await reach(spec);
            expectTexts(el, spec.texts);
            expect(events.events.length, 'a peer-error').to.be.greaterThan(0);
            const retry = visibleButton(el, spec.retryLabel ?? 'Try again');
            expect(retry, `a visible "${spec.retryLabel ?? 'Try again'}" button`).to.exist;
            await expectAccessibleWithCrisisLine(el);

            context.worker.resetHandlers();
            retry!.click();
            await until(() => states.complete.reached(el), 10_000);
            await el.updateComplete;
            expect(spec.reached(el), `${name} state after a successful retry`).not.to.be.ok;
            expectTexts(el, states.complete.texts);
            expectCrisisLine(el);
          } finally {
            events.stop();
          }
        });
      }
    });

    // -------------------------------------------------------------------------------------------
    describe('peer-error carries no personal data', () => {
      const failures: [string, () => Response][] = [
        [
          'HTTP 500 whose body echoes a name and an email',
          () =>
            HttpResponse.json(
              {
                error: {
                  code: 'internal',
                  message: `Could not load the sessions of ${ECHOED_NAME} <${ECHOED_EMAIL}>.`,
                },
              },
              { status: 500 },
            ),
        ],
        [
          'malformed JSON holding a name and an email',
          () =>
            new HttpResponse(`{"items": [{"name": "${ECHOED_NAME}", "email": "${ECHOED_EMAIL}"`, {
              status: 200,
              headers: { 'Content-Type': 'application/json' },
            }),
        ],
        [
          'a body that breaks the contract with a name and an email in it',
          () =>
            HttpResponse.json({
              items: [{ id: 42, name: ECHOED_NAME, email: ECHOED_EMAIL, states: 'California' }],
              name: ECHOED_NAME,
              email: ECHOED_EMAIL,
            }),
        ],
        ['a network error', () => HttpResponse.error()],
      ];

      for (const [name, respond] of failures) {
        it(name, async function () {
          this.timeout(30_000);
          const events = collectErrors();
          let el: E;
          try {
            context.worker.use(...everyEndpoint(baseUrl, respond));
            el = await render();
            await until(() => events.events.length > 0 && states.error.reached(el), 10_000);
            await el.updateComplete;
          } finally {
            events.stop();
          }
          const personal = [
            ECHOED_NAME,
            ECHOED_EMAIL,
            ...(options.personalData?.(context.store) ??
              context.store.supporters.map((s) => s.name)),
          ];
          for (const event of events.events) {
            const json = JSON.stringify(event.detail);
            const keys = Object.keys(event.detail);
            expect(
              keys.filter((key) => !ERROR_DETAIL_KEYS.includes(key)),
              `keys beyond ${ERROR_DETAIL_KEYS.join(', ')} in ${json}`,
            ).to.deep.equal([]);
            expect(json, 'an email-like string').not.to.match(EMAIL_LIKE);
            const leaked = personal.filter((value) => json.includes(value));
            expect(leaked, `personal data in ${json}`).to.deep.equal([]);
            expect(event.bubbles && event.composed, 'bubbles and is composed').to.be.true;
          }
          expectCrisisLine(el);
        });
      }
    });

    // -------------------------------------------------------------------------------------------
    describe('Spanish', () => {
      const { spanish } = options;

      /** 988 and 911 in Spanish: the link texts a person reads. */
      function expectSpanishCrisisLine(el: E): void {
        expectCrisisLine(el);
        const links = deepLinks(el).filter(isShown);
        const textOf = (href: string) =>
          norm(links.find((a) => a.getAttribute('href') === href)?.textContent);
        expect(textOf('tel:988')).to.equal('Llamar al 988');
        expect(textOf('sms:988')).to.match(/^(Enviar )?texto al 988$/i);
        expect(textOf('tel:911')).to.equal('Llamar al 911');
        expectTexts(el, ['Call 988', 'Call 911'], false);
      }

      async function expectSpanish(el: E): Promise<void> {
        // An element's Spanish strings are a module of their own, imported on first use: English
        // (never a blank) until it is there, so wait for it; a language that never comes fails.
        const texts = spanish.texts ?? [];
        await until(() => texts.every((text) => visibleText(el).includes(text)), 4000).catch(
          () => undefined,
        );
        expectTexts(el, spanish.texts);
        expectTexts(el, spanish.englishTexts, false);
        expectSpanishCrisisLine(el);
      }

      it('inside <peer-support-provider locale="es">', async () => {
        const el = await reach(states.complete, () =>
          renderInProvider({ 'api-base': baseUrl, locale: 'es' }),
        );
        await expectSpanish(el);
        await expect(el).to.be.accessible();
      });

      it('with lang="es"', async () => {
        const el = await reach(states.complete, () => render({ 'api-base': baseUrl, lang: 'es' }));
        await expectSpanish(el);
        await expect(el).to.be.accessible();
      });

      it('with lang="es", the error state and its retry button', async function () {
        this.timeout(30_000);
        const el = await reach(states.error, () => render({ 'api-base': baseUrl, lang: 'es' }));
        expectTexts(el, spanish.errorTexts);
        const retry = spanish.retryLabel ?? 'Intentar de nuevo';
        expect(visibleButton(el, retry), `a visible "${retry}" button`).to.exist;
        expectSpanishCrisisLine(el);
        await expect(el).to.be.accessible();
      });
    });
  });
}
