/**
 * <peer-booking> as a seeker and a host page see it: the steps, what each asks and says, what is
 * sent, what comes back, and what survives Back, a 409 or a failed submit. Expected texts are the
 * literals a person reads (never imported from src/i18n).
 *
 * The mock store runs on the page's clock, as the element does (it compares the free-cancellation
 * deadline with now), and its program is the reference one open every day and hour, so that a
 * session inside the 24-hour window and one outside it always exist. Supporters are fixed here:
 * Rosa (weekdays, 30 or 60 minutes, video or phone), Sam (every day, 60 minutes by video only)
 * and Lee (California only).
 */
import { aTimeout, expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { delay, http, HttpResponse } from 'msw';
import './define.js';
import '../peer-support-provider/define.js';
import '../peer-directory/define.js';
import { PeerBooking } from './peer-booking.js';
import { PeerSupporterSelectedEvent } from '../../events.js';
import type { BookingRequest, CreatedBooking } from '../../api/booking-schemas.js';
import type { Program, SessionLength, Slot } from '../../api/schemas.js';
import { startMockBackend } from '../../mocks/browser.js';
import { createMockStore, type MockStore } from '../../mocks/store.js';
import { programVariants, referenceProgram } from '../../mocks/data.js';
import { scenarioHandlers } from '../../mocks/scenarios.js';
import { expectCrisisLine, isShown } from '../../../test/support/crisis.js';
import { visibleText } from '../../../test/support/data-element-suite.js';
import { until } from '../../../test/support/until.js';
import {
  LEE,
  PACIFIC,
  ROSA,
  SAM,
  body,
  openAllDay,
  otherSeekersRequest,
  reference,
  supporters,
  BOOKING_TITLES,
  type BookingStep,
} from '../../../test/support/booking-fixtures.js';

// ---------------------------------------------------------------------------------------------
// The backend: a fresh store per test, on the page's clock.

const { worker } = await startMockBackend({ quiet: true });
let store: MockStore;

/** A fresh store (no bookings) answering on /api. */
async function backend(program: Program = reference): Promise<MockStore> {
  store = createMockStore({ program, supporters });
  await startMockBackend({ quiet: true, store });
  return store;
}

const slotsOf = async (id: string, lengthMinutes: SessionLength = 60): Promise<Slot[]> =>
  body(await store.listSlots(id, { lengthMinutes })).slots;

/** A booking made straight in the store (as by another tab), with its manage token. */
async function bookInStore(
  slot: Slot,
  overrides: Partial<BookingRequest> = {},
): Promise<CreatedBooking> {
  return body(await store.createBooking(otherSeekersRequest(slot, overrides), crypto.randomUUID()));
}

/** What was POSTed to /api/bookings (the store still answers). */
function recordBookingPosts(): { key: string | null; body: BookingRequest }[] {
  const posts: { key: string | null; body: BookingRequest }[] = [];
  worker.use(
    http.post('/api/bookings', async ({ request }) => {
      posts.push({
        key: request.headers.get('Idempotency-Key'),
        body: (await request.clone().json()) as BookingRequest,
      });
      return undefined;
    }),
  );
  return posts;
}

// ---------------------------------------------------------------------------------------------
// The element: a subclass that records its checkout navigation instead of leaving the page.

class TestBooking extends PeerBooking {
  readonly navigations: string[] = [];
  protected override navigate(url: string): void {
    this.navigations.push(url);
  }
}
TestBooking.define('test-booking');

beforeEach(async () => {
  await backend();
});

afterEach(async () => {
  worker.resetHandlers();
  fixtureCleanup();
  await setViewport({ width: 800, height: 600 });
});

async function render(
  attributes: Record<string, string> = {},
  options: { tag?: string; parent?: HTMLElement } = {},
): Promise<TestBooking> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement(options.tag ?? 'test-booking') as TestBooking;
  for (const [name, value] of Object.entries({ 'api-base': '/api', ...attributes })) {
    el.setAttribute(name, value);
  }
  (options.parent ?? host).append(el);
  if (options.parent && !options.parent.isConnected) host.append(options.parent);
  await el.updateComplete;
  return el;
}

// ---------------------------------------------------------------------------------------------
// What a person sees and does.

const root = (el: Element) => el.shadowRoot!;
const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const textOf = (node: Element | ShadowRoot | null | undefined) => norm(node?.textContent);
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...root(el).querySelectorAll<T>(selector),
];

/** The open step's heading, e.g. "Step 3 of 8: Choose a time". */
const heading = (el: Element) => textOf($(el, '#step-title'));
const status = (el: Element) => textOf($(el, '[role=status]'));
const screen = (el: Element) => visibleText(el);

/** Waits for the step whose title (after "Step n of N:") is `title`. */
async function at(el: Element, title: string, timeout = 4000): Promise<void> {
  await until(() => heading(el).endsWith(title), timeout).catch(() => {
    throw new Error(`expected the step "${title}", the heading is "${heading(el)}"`);
  });
  await (el as PeerBooking).updateComplete;
}

/** The visible button whose text is `label`. */
function button(el: Element, label: string): HTMLButtonElement {
  const found = $$<HTMLButtonElement>(el, 'button').find(
    (b) => norm(b.textContent) === label && isShown(b),
  );
  if (!found) throw new Error(`no visible button "${label}" in: ${screen(el).slice(0, 400)}`);
  return found;
}
const hasButton = (el: Element, label: string) =>
  $$<HTMLButtonElement>(el, 'button').some((b) => norm(b.textContent) === label && isShown(b));

async function click(el: PeerBooking, target: HTMLElement | string): Promise<void> {
  (typeof target === 'string' ? button(el, target) : target).click();
  await el.updateComplete;
  await aTimeout(0);
  await el.updateComplete;
}

/** Presses the step's submit button (Continue, or Send request on the review). */
async function next(el: PeerBooking): Promise<void> {
  await click(el, $<HTMLButtonElement>(el, 'form button[type=submit]')!);
}

/** Types into a text field as a person does (one input event with the whole value). */
async function fill(el: PeerBooking, name: string, value: string): Promise<void> {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(el, `[name=${name}]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function selectOption(el: PeerBooking, name: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, `select[name=${name}], select[part~=${name}]`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** The radio or checkbox whose label reads `label`. */
function choice(el: Element, label: string): HTMLInputElement {
  const found = $$<HTMLLabelElement>(el, 'label').find((l) => norm(l.textContent) === label);
  const input = found && $<HTMLInputElement>(el, `#${CSS.escape(found.htmlFor)}`);
  if (!input) throw new Error(`no choice labelled "${label}"`);
  return input;
}
const labels = (el: Element, selector: string) =>
  $$<HTMLLabelElement>(el, `${selector} label`).map((l) => norm(l.textContent));

const slotButtons = (el: Element) => $$<HTMLButtonElement>(el, '[part~=slot]');
const dayButtons = (el: Element) => $$<HTMLButtonElement>(el, '[part~=day]');
const selectedSlot = (el: Element) => $<HTMLButtonElement>(el, '[part~=slot-selected]');
const fieldErrors = (el: Element) => $$(el, '[part=field-error]').map((e) => textOf(e));
const focused = (el: Element) => root(el).activeElement as HTMLElement | null;
const describeNode = (node: Element | null | undefined) =>
  node
    ? `<${node.localName}${node.id ? `#${node.id}` : ''}${node.getAttribute('name') ? ` name=${node.getAttribute('name')}` : ''}> "${textOf(node).slice(0, 60)}"`
    : 'nothing';

/** `a` is `b` (compared as nodes; chai would print the whole element graph on a failure). */
function expectSame(a: Element | null | undefined, b: Element | null | undefined, what: string) {
  expect(a === b, `${what}: ${describeNode(a)}, expected ${describeNode(b)}`).to.be.true;
}
/** Nothing matches: the node is not there (described, not dumped, when it is). */
const expectNone = (node: Element | null | undefined, what = 'nothing there') =>
  expect(node == null, `${what}: ${describeNode(node)}`).to.be.true;
const expectFocus = (el: Element, target: Element | null | undefined, what = 'focus') =>
  expectSame(focused(el), target, what);

async function pickSlot(el: PeerBooking, index = 0): Promise<void> {
  await until(() => slotButtons(el).length > index);
  await click(el, slotButtons(el)[index]!);
}

/** The answers a walk gives; each step takes what it needs. */
interface Answers {
  supporter: string;
  length: string;
  modality: string;
  slot: number;
  state: string;
  age: string;
  inRange: 'Yes' | 'No' | 'Sí';
  name: string;
  email: string;
  amount?: string;
}
const ana: Answers = {
  supporter: 'Rosa Díaz (she/her)',
  length: '60 minutes',
  modality: 'Video call',
  slot: 0,
  state: 'CA',
  age: '24',
  inRange: 'Yes',
  name: 'Ana Test',
  email: 'ana.test@example.org',
};

const TITLES = BOOKING_TITLES;
type Step = BookingStep;
const TITLES_ES: Record<Step, string> = {
  supporter: '¿Con quién te gustaría hablar?',
  session: '¿Qué tipo de sesión?',
  time: 'Elige un horario',
  eligibility: '¿Puede atenderte este programa?',
  about: 'Sobre ti',
  policies: 'Antes de reservar',
  price: 'Precio',
  review: 'Revisa y envía tu solicitud',
};

function stepNow(el: Element): Step | undefined {
  const h = heading(el);
  return (Object.keys(TITLES) as Step[]).find(
    (s) => h.endsWith(`: ${TITLES[s]}`) || h.endsWith(`: ${TITLES_ES[s]}`),
  );
}

/** Answers the open step (only what it asks) and continues. */
async function answerStep(el: PeerBooking, a: Answers): Promise<void> {
  const step = stepNow(el);
  switch (step) {
    case 'supporter':
      await until(() => $(el, 'input[name=supporterId]'));
      await click(el, choice(el, a.supporter));
      break;
    case 'session':
      if ($(el, 'input[name=lengthMinutes]')) await click(el, choice(el, a.length));
      if ($(el, 'input[name=modality]')) await click(el, choice(el, a.modality));
      break;
    case 'time':
      if (!selectedSlot(el)) await pickSlot(el, a.slot);
      break;
    case 'eligibility':
      await selectOption(el, 'state', a.state);
      if ($(el, 'input[name=age]')) await fill(el, 'age', a.age);
      if ($(el, 'input[name=ageInRange]')) await click(el, choice(el, a.inRange));
      break;
    case 'about':
      await fill(el, 'name', a.name);
      await fill(el, 'email', a.email);
      break;
    case 'policies':
      for (const name of ['notTherapy', 'privacy', 'cancellation']) {
        const box = $<HTMLInputElement>(el, `[name=${name}]`)!;
        if (!box.checked) await click(el, box);
      }
      break;
    case 'price':
      if (a.amount !== undefined) await fill(el, 'amount', a.amount);
      break;
    default:
      throw new Error(`not on a step: "${heading(el)}"`);
  }
  const before = heading(el);
  await next(el);
  await until(() => heading(el) !== before).catch(() => {
    throw new Error(`"${before}" did not go on: ${fieldErrors(el).join(' | ')}`);
  });
}

/** Answers every step until `target` is open. */
async function walk(el: PeerBooking, target: Step, answers: Partial<Answers> = {}) {
  const a = { ...ana, ...answers };
  await until(() => stepNow(el));
  for (let n = 0; stepNow(el) !== target; n++) {
    if (n > 10) throw new Error(`never reached ${target}`);
    await answerStep(el, a);
  }
  await el.updateComplete;
}

/** Sends the review and waits for the answer on screen. */
async function send(el: PeerBooking): Promise<void> {
  await next(el);
  await until(() => $(el, '[part=manage]') || fieldErrors(el).length, 6000);
  await el.updateComplete;
}

/** The summary's rows on the review: label → text. */
function summary(el: Element): Record<string, string> {
  const rows: Record<string, string> = {};
  for (const row of $$(el, '[part=summary] .row')) {
    const lines = [...row.querySelectorAll('dd .line')].map((l) => textOf(l));
    rows[textOf(row.querySelector('dt'))] = lines.join(' | ');
  }
  return rows;
}

/** The step list's entries, and which of them is current or a button. */
function stepList(el: Element) {
  return $$(el, '[part=steps] li').map((li) => ({
    text: textOf(li),
    current: li.getAttribute('aria-current') === 'step',
    link: !!li.querySelector('button'),
  }));
}

/** The Intl label of an instant, independently of the element. */
const local = (iso: string, timeZone: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('en-US', { timeZone, ...options }).format(new Date(iso));
const clock = (iso: string, timeZone = 'UTC') =>
  local(iso, timeZone, { hour: 'numeric', minute: '2-digit' });

async function expectCalm(el: PeerBooking): Promise<void> {
  expectCrisisLine(el);
  await expect(el).to.be.accessible();
}

/** The free-cancellation deadline as a person in `timeZone` reads it (Intl, not the element). */
const deadlineText = (iso: string, timeZone = 'UTC', locale = 'en-US') =>
  new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'long',
  }).format(new Date(iso));

const HOUR = 3_600_000;
/** Sam's first open hour after `hoursAhead` hours from now. */
const samAfter = async (hoursAhead: number) =>
  (await slotsOf(SAM)).find((s) => Date.parse(s.start) > Date.now() + hoursAhead * HOUR)!;

const keysOf = (event: Event) => Object.keys((event as CustomEvent).detail).sort();

function collect<K extends keyof GlobalEventHandlersEventMap>(target: EventTarget, type: K) {
  const events: GlobalEventHandlersEventMap[K][] = [];
  target.addEventListener(type, (e) => events.push(e as GlobalEventHandlersEventMap[K]));
  return events;
}

const amount = (el: Element) => $<HTMLInputElement>(el, 'input[name=amount]');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ---------------------------------------------------------------------------------------------

describe('<peer-booking>', function () {
  this.timeout(20_000);

  describe('1. the supporter', () => {
    it('from supporter-id: no chooser, the flow starts at the session', async () => {
      const el = await render({ 'supporter-id': ROSA });
      await at(el, TITLES.session);
      expect(heading(el)).to.equal('Step 1 of 7: What kind of session?');
      expect(stepList(el).map((s) => s.text)).to.deep.equal([
        '1. Session',
        '2. Time',
        '3. Eligibility',
        '4. About you',
        '5. Agreements',
        '6. Price',
        '7. Review',
      ]);
      await walk(el, 'review');
      expect(summary(el)['Supporter']).to.equal('Rosa Díaz');
    });

    it('slot-start and length-minutes preselect a session, as a selection does', async () => {
      const chosen = (await slotsOf(ROSA, 30))[2]!;
      const el = await render({
        'supporter-id': ROSA,
        'slot-start': chosen.start,
        'length-minutes': '30',
      });
      await at(el, TITLES.session);
      expect(choice(el, '30 minutes').checked).to.be.true;
      await click(el, choice(el, 'Phone call'));
      await next(el);
      await at(el, TITLES.time);
      await until(() => selectedSlot(el));
      expect(selectedSlot(el)!.getAttribute('aria-label')).to.contain(clock(chosen.start));
      await walk(el, 'review');
      expect(summary(el)['Session']).to.equal('30 minutes | Phone call');
    });

    it('without one: a chooser of the program’s supporters, whose choice decides the steps', async () => {
      const el = await render();
      await at(el, TITLES.supporter);
      await until(() => $(el, 'input[name=supporterId]'));
      expect(heading(el)).to.equal('Step 1 of 8: Who would you like to talk with?');
      expect(textOf($(el, 'legend'))).to.equal('Choose a supporter');
      expect(labels(el, 'fieldset')).to.have.members([
        'Rosa Díaz (she/her)',
        'Sam Okafor (they/them)',
        'Lee Chen',
      ]);
      await next(el);
      expect(fieldErrors(el)).to.deep.equal(['Choose a supporter.']);
      expectFocus(el, $(el, 'input[name=supporterId]'));
      // Sam offers one length and one way of meeting: Continue goes straight to the time.
      await click(el, choice(el, 'Sam Okafor (they/them)'));
      await next(el);
      await at(el, TITLES.time);
      expect(heading(el)).to.equal('Step 2 of 7: Choose a time');
      await until(() => slotButtons(el).length);
      expect(slotButtons(el)[0]!.getAttribute('aria-label')).to.contain(
        clock((await slotsOf(SAM))[0]!.start),
      );
    });

    it('from the provider’s selection, its time preselected; a new selection updates the booking', async () => {
      const provider = document.createElement('peer-support-provider');
      provider.setAttribute('api-base', '/api');
      const directory = document.createElement('div');
      provider.append(directory);
      const el = await render({}, { parent: provider });
      await at(el, TITLES.supporter);

      const rosa30 = await slotsOf(ROSA, 30);
      const chosen = rosa30[3]!;
      directory.dispatchEvent(
        new PeerSupporterSelectedEvent({
          supporterId: ROSA,
          slotStart: chosen.start,
          lengthMinutes: 30,
        }),
      );
      // The length came with the selection; the way of meeting is still to answer.
      await at(el, TITLES.session);
      expect(stepList(el).map((s) => s.text)).not.to.include('1. Supporter');
      expect(choice(el, '30 minutes').checked).to.be.true;
      await click(el, choice(el, 'Phone call'));
      await next(el);
      await at(el, TITLES.time);
      await until(() => selectedSlot(el));
      expect(selectedSlot(el)!.getAttribute('aria-label')).to.equal(
        `${local(chosen.start, 'UTC', { weekday: 'long', month: 'long', day: 'numeric' })} at ${clock(chosen.start)} – ${clock(chosen.end)} Coordinated Universal Time`,
      );
      await walk(el, 'eligibility');
      await selectOption(el, 'state', 'OR');
      await fill(el, 'age', '29');

      directory.dispatchEvent(new PeerSupporterSelectedEvent({ supporterId: SAM }));
      await at(el, TITLES.time);
      await until(() => slotButtons(el).length);
      expectNone(selectedSlot(el), 'Rosa’s time is not Sam’s');
      await walk(el, 'eligibility');
      expect($<HTMLSelectElement>(el, 'select[name=state]')!.value, 'kept').to.equal('OR');
      expect($<HTMLInputElement>(el, 'input[name=age]')!.value, 'kept').to.equal('29');
      await walk(el, 'review', { state: 'OR', age: '29' });
      const rows = summary(el);
      expect(rows['Supporter']).to.equal('Sam Okafor');
      expect(rows['Session']).to.equal('60 minutes | Video call');
      expect(rows['Where you live']).to.equal('Oregon | Age 29');
    });

    it('a real <peer-directory> in the same provider: Choose updates the booking', async () => {
      const provider = document.createElement('peer-support-provider');
      provider.setAttribute('api-base', '/api');
      const directory = document.createElement('peer-directory');
      provider.append(directory);
      const el = await render({}, { parent: provider });
      const choose = await until(() =>
        directory.shadowRoot?.querySelector<HTMLButtonElement>('[aria-label="Choose Sam Okafor"]'),
      );
      choose.click();
      await at(el, TITLES.time);
      expect(heading(el)).to.equal('Step 1 of 6: Choose a time');
      const soonest = await until(() =>
        directory.shadowRoot?.querySelector<HTMLButtonElement>(
          '[aria-label^="Choose Rosa Díaz, "]',
        ),
      );
      const picked = collect(provider, 'peer-supporter-selected');
      soonest.click();
      const { slotStart, lengthMinutes } = picked[0]!.detail;
      expect(slotStart, 'the card’s soonest session').to.be.a('string');
      // Sam's only length and way of meeting were not Rosa's answers: Rosa's are asked.
      await at(el, TITLES.session);
      expect(choice(el, `${lengthMinutes ?? 30} minutes`).checked).to.be.true;
      expect(choice(el, 'Video call').checked).to.be.false;
      await click(el, choice(el, 'Video call'));
      await next(el);
      await at(el, TITLES.time);
      await until(() => selectedSlot(el));
      expect(selectedSlot(el)!.getAttribute('aria-label')).to.contain(clock(slotStart!));
    });
  });

  describe('2. session length and way of meeting', () => {
    it('asked when there is a choice, with the supporter’s own ways only', async () => {
      const el = await render({ 'supporter-id': ROSA });
      await at(el, TITLES.session);
      expect($$(el, 'form legend').map((l) => textOf(l))).to.deep.equal([
        'How long would you like the session to be?',
        'How would you like to meet?',
      ]);
      expect(labels(el, 'form')).to.deep.equal([
        '30 minutes',
        '60 minutes',
        'Video call',
        'Phone call',
      ]);
      await next(el);
      expect(fieldErrors(el)).to.deep.equal([
        'Choose a session length.',
        'Choose how you would like to meet.',
      ]);
      expectFocus(el, $(el, 'input[name=lengthMinutes]'));
    });

    it('one answer is not asked: Sam (60 minutes, video only) has no session step', async () => {
      const el = await render({ 'supporter-id': SAM });
      await at(el, TITLES.time);
      expect(heading(el)).to.equal('Step 1 of 6: Choose a time');
      expect(stepList(el).map((s) => s.text)).not.to.include('Session');
      await walk(el, 'review');
      expect(summary(el)['Session']).to.equal('60 minutes | Video call');
      expectNone($(el, '[aria-label="Change: Session"]'));
      expect($(el, '[aria-label="Change: Time"]')).to.exist;
    });

    it('a program with one length asks only the way of meeting', async () => {
      await backend(openAllDay({ ...referenceProgram, sessionLengths: [60] }));
      const el = await render({ 'supporter-id': ROSA });
      await at(el, TITLES.session);
      expect($$(el, 'form legend').map((l) => textOf(l))).to.deep.equal([
        'How would you like to meet?',
      ]);
      await walk(el, 'review');
      expect(summary(el)['Session']).to.equal('60 minutes | Video call');
    });
  });

  describe('3. the time', () => {
    it('in the seeker’s zone, named; another zone re-labels the same times', async () => {
      const el = await render({ 'supporter-id': SAM });
      await at(el, TITLES.time);
      await until(() => slotButtons(el).length);
      expect(screen(el)).to.contain('Times are shown in Coordinated Universal Time.');
      const [first, second] = await slotsOf(SAM);
      expect(textOf(slotButtons(el)[0])).to.equal(clock(first!.start));
      expect(slotButtons(el)[0]!.getAttribute('aria-label')).to.match(
        / Coordinated Universal Time$/,
      );
      await click(el, slotButtons(el)[1]!);
      expect(status(el)).to.contain(`Chosen: `);
      expect(status(el)).to.contain(clock(second!.start));

      await selectOption(el, 'time-zone', 'America/New_York');
      const picker = $(el, '.slot-picker')!;
      expect(textOf(picker)).to.contain('Times are shown in Eastern Time.');
      expect(textOf(picker)).not.to.contain('Coordinated Universal Time');
      expect(textOf(selectedSlot(el))).to.equal(clock(second!.start, 'America/New_York'));
      expect(selectedSlot(el)!.getAttribute('aria-label')).to.match(/ Eastern Time$/);
      await walk(el, 'review');
      expect(summary(el)['Time']).to.contain(clock(second!.start, 'America/New_York'));
      expect(summary(el)['Time']).to.match(/Eastern Time$/);
    });

    it('a day with nothing open says so, and Next open day goes to one', async () => {
      const el = await render({ 'supporter-id': ROSA });
      await walk(el, 'time');
      await until(() => slotButtons(el).length);
      // Rosa works on weekdays only: a weekend day in the horizon has nothing open.
      const closed = dayButtons(el).find((d) => !d.part.contains('day-open'))!;
      await click(el, closed);
      expect(slotButtons(el)).to.have.length(0);
      expect(screen(el)).to.match(/Nothing is open on (Saturday|Sunday), \w+ \d+\./);
      await click(el, 'Next open day');
      expect(slotButtons(el).length).to.be.greaterThan(0);
      expect(focused(el)?.part.contains('day-open'), 'focus on the open day').to.be.true;
      expect(focused(el)?.getAttribute('aria-pressed')).to.equal('true');
    });

    it('every day shown was asked for: open days to the end of the horizon (horizon-days)', async () => {
      const el = await render({ 'supporter-id': SAM });
      await at(el, TITLES.time);
      await until(() => slotButtons(el).length);
      // Sam works every day: after today (which may be over), none of the 21 days may look closed
      // (the API's default is 14).
      expect(dayButtons(el)).to.have.length(21);
      const closed = dayButtons(el)
        .slice(1)
        .filter((d) => !d.part.contains('day-open'));
      expect(
        closed.map((d) => describeNode(d)),
        'days shown closed',
      ).to.deep.equal([]);

      const week = await render({ 'supporter-id': SAM, 'horizon-days': '7' });
      await at(week, TITLES.time);
      await until(() => slotButtons(week).length);
      expect(dayButtons(week)).to.have.length(7);
    });

    it('with no open time in the weeks ahead, says so', async () => {
      worker.use(
        http.get('/api/supporters/:id/slots', () =>
          HttpResponse.json({ supporterId: SAM, timeZone: PACIFIC, slots: [] }),
        ),
      );
      const el = await render({ 'supporter-id': SAM });
      await at(el, TITLES.time);
      await until(() => screen(el).includes('No times are open in the next weeks.'));
      await next(el);
      expect(fieldErrors(el)).to.deep.equal(['Choose a time.']);
    });

    it('works with the keyboard alone', async () => {
      const el = await render({ 'supporter-id': SAM });
      await at(el, TITLES.time);
      await until(() => slotButtons(el).length);
      $<HTMLButtonElement>(el, '[part~=day][tabindex="0"]')!.focus();
      const today = focused(el)!;
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(focused(el) !== today, 'focus moved from today').to.be.true;
      expect(focused(el)?.getAttribute('aria-pressed'), 'the day moved to is chosen').to.equal(
        'true',
      );
      await sendKeys({ press: 'Tab' });
      expect(focused(el)?.part.contains('slot')).to.be.true;
      await sendKeys({ press: 'ArrowRight' });
      const second = focused(el)!;
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expectSame(selectedSlot(el), second, 'the slot selected');
      await sendKeys({ press: 'Tab' });
      expect(textOf(focused(el))).to.equal('Continue');
      await sendKeys({ press: 'Enter' });
      await at(el, TITLES.eligibility);
      expectFocus(el, $(el, '#step-title'));
    });
  });

  describe('4. eligibility, with the least data', () => {
    it('a state and an age; under 18 is told kindly, with the crisis lines and the referral, and nothing is sent', async () => {
      const posts = recordBookingPosts();
      const el = await render({ 'supporter-id': SAM });
      await walk(el, 'eligibility');
      expect(textOf($(el, 'label[for=state]'))).to.equal('Which state do you live in?');
      expect($$(el, 'select[name=state] option').map((o) => textOf(o))).to.deep.equal([
        'Choose a state',
        'California',
        'Oregon',
        'Washington',
        'Another state, or outside the US',
      ]);
      expect(textOf($(el, 'label[for=age]'))).to.equal('How old are you?');
      await next(el);
      expect(fieldErrors(el)).to.deep.equal(['Choose the state you live in.', 'Enter your age.']);
      expectFocus(el, $(el, 'select[name=state]'));

      await selectOption(el, 'state', 'CA');
      await fill(el, 'age', '17');
      await next(el);
      const panel = $(el, '[part=ineligible]')!;
      expect(panel, 'the ineligible panel').to.exist;
      expect(textOf(panel)).to.contain('We’re sorry: this program can’t take your booking.');
      expect(textOf(panel)).to.contain('This program is for people aged 18 to 30.');
      expect(textOf(panel)).to.contain(
        'If you need to talk to someone now, these lines are free, confidential and open all day and night:',
      );
      expectCrisisLine(panel);
      const referral = [...panel.querySelectorAll('a')].find(
        (a) => norm(a.textContent) === 'Other places to find support',
      );
      expect(referral?.getAttribute('href')).to.equal('https://support.example.org/other-help');
      expectFocus(el, $(el, '#step-title'));
      expect(status(el)).to.equal('We’re sorry: this program can’t take your booking.');
      expect(hasButton(el, 'Continue'), 'no way on').to.be.false;
      await expectCalm(el);
      expect(posts, 'no request sent').to.deep.equal([]);
      expect(await store.bookings()).to.deep.equal([]);

      await click(el, 'Change my answers');
      expect($<HTMLSelectElement>(el, 'select[name=state]')!.value).to.equal('CA');
      expect($<HTMLInputElement>(el, 'input[name=age]')!.value).to.equal('17');
      await fill(el, 'age', '24');
      await next(el);
      await at(el, TITLES.about);
    });

    it('another state: says which states the program serves', async () => {
      const el = await render({ 'supporter-id': SAM });
      await walk(el, 'eligibility');
      await selectOption(el, 'state', 'other');
      await fill(el, 'age', '24');
      await next(el);
      expect(textOf($(el, '[part=ineligible]'))).to.contain(
        'This program serves people who live in California, Oregon, and Washington.',
      );
      expect(await store.bookings()).to.deep.equal([]);
    });

    it('an age that is not a number is a typo to fix, not a refusal', async () => {
      const el = await render({ 'supporter-id': SAM });
      await walk(el, 'eligibility');
      await selectOption(el, 'state', 'WA');
      await fill(el, 'age', 'twenty');
      await next(el);
      expectNone($(el, '[part=ineligible]'));
      expect(fieldErrors(el)).to.deep.equal([
        'Enter your age in years, as a number, for example 24.',
      ]);
      expectFocus(el, $(el, 'input[name=age]'));
    });

    it('a free program asks yes or no to the age range; no price step; yes sends ageInRange, no age', async () => {
      await backend(openAllDay(programVariants.free));
      const posts = recordBookingPosts();
      const el = await render({ 'supporter-id': SAM });
      await walk(el, 'eligibility');
      expect(stepList(el).map((s) => s.text)).to.deep.equal([
        '1. Time',
        '2. Eligibility',
        '3. About you',
        '4. Agreements',
        '5. Review',
      ]);
      expect(textOf($(el, 'form legend'))).to.equal('Are you aged 18 to 30?');
      expectNone($(el, 'input[name=age]'));
      await selectOption(el, 'state', 'CA');
      await click(el, choice(el, 'No'));
      await next(el);
      expect(textOf($(el, '[part=ineligible]'))).to.contain(
        'This program is for people aged 18 to 30.',
      );
      await click(el, 'Change my answers');
      await walk(el, 'review', { inRange: 'Yes' });
      expect(summary(el)['Where you live']).to.equal('California | Aged 18 to 30');
      expect(summary(el)['Price']).to.equal('Free to you: paid by Your campus');
      await send(el);
      expect(posts).to.have.length(1);
      expect(posts[0]!.body.seeker).to.deep.equal({
        name: 'Ana Test',
        email: 'ana.test@example.org',
        state: 'CA',
        ageInRange: true,
      });
      expect(posts[0]!.body.payment).to.deep.equal({ kind: 'free' });
      expect(el.navigations).to.deep.equal([]);
    });

    it('no age limit: only the state is asked, and no age is sent', async () => {
      await backend(openAllDay(programVariants.noAgeLimit));
      const posts = recordBookingPosts();
      const el = await render({ 'supporter-id': SAM });
      await walk(el, 'eligibility');
      expectNone($(el, 'input[name=age]'));
      expectNone($(el, 'input[name=ageInRange]'));
      await walk(el, 'review');
      expect(summary(el)['Where you live']).to.equal('California');
      await send(el);
      expect(Object.keys(posts[0]!.body.seeker).sort()).to.deep.equal(['email', 'name', 'state']);
    });
  });

  describe('5. about you', () => {
    it('the least, with autocomplete; email checked on leaving the field and on Continue; focus on the first invalid', async () => {
      const el = await render({ 'supporter-id': SAM });
      await walk(el, 'about');
      const name = $<HTMLInputElement>(el, 'input[name=name]')!;
      const email = $<HTMLInputElement>(el, 'input[name=email]')!;
      expect(name.autocomplete).to.equal('name');
      expect(email.autocomplete).to.equal('email');
      expect(email.type).to.equal('email');
      expect(textOf($(el, 'label[for=pronouns]'))).to.equal('Your pronouns (optional)');
      expect(textOf($(el, 'label[for=note]'))).to.equal(
        'What would you like to talk about? (optional)',
      );
      expect($$(el, '[required]').map((c) => c.getAttribute('name'))).to.deep.equal([
        'name',
        'email',
      ]);

      email.focus();
      await sendKeys({ type: 'ana@' });
      await el.updateComplete;
      expect(fieldErrors(el), 'no error while typing').to.deep.equal([]);
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(fieldErrors(el)).to.deep.equal(['Enter an email address like name@example.com.']);
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect(email.getAttribute('aria-describedby')).to.contain('email-error');

      await next(el);
      expect(fieldErrors(el)).to.deep.equal([
        'Enter your name.',
        'Enter an email address like name@example.com.',
      ]);
      expectFocus(el, name);
      expect(status(el)).to.equal('2 answers need your attention.');
      await fill(el, 'name', 'Ana Test');
      await next(el);
      expectFocus(el, email);
      await fill(el, 'email', 'ana.test@example.org');
      await next(el);
      await at(el, TITLES.policies);
    });

    it('the note is not for emergencies, and the crisis line is right beside it', async () => {
      const el = await render({ 'supporter-id': SAM });
      await walk(el, 'about');
      const note = $<HTMLTextAreaElement>(el, 'textarea[name=note]')!;
      const hint = $(el, '#note-hint')!;
      expect(textOf(hint)).to.equal(
        'Your supporter reads this before the session. It is not read right away, so it is not for emergencies: for help now, call or text 988, or call 911.',
      );
      expect(note.getAttribute('aria-describedby')).to.contain('note-hint');
      expect(note.required).to.be.false;
      expectCrisisLine(note.closest('.field')!);
    });
  });

  describe('6. policies', () => {
    it('three agreements in plain words, each required', async () => {
      const el = await render({ 'supporter-id': SAM });
      await walk(el, 'policies');
      expect($$(el, '[part=policy] h4').map((h) => textOf(h))).to.deep.equal([
        'Peer support is not therapy',
        'What stays private',
        'Cancelling and arriving late',
      ]);
      const words = screen(el);
      for (const sentence of [
        'They do not diagnose, treat, prescribe or give medical advice, and they are not a crisis service.',
        'What you share is confidential, with one limit: supporters must report suspected abuse or neglect of children, elders and dependent adults.',
        'Supporters do not accept contact or friend requests on social media.',
        'Messages between sessions are not for emergencies: for help now, call or text 988, or call 911.',
        'You can cancel free of charge until 24 hours before the session. Later than that, the full fee is due.',
        'If you join late, the session still ends at its set time.',
      ]) {
        expect(words).to.contain(sentence);
      }
      const boxes = $$<HTMLInputElement>(el, 'input[type=checkbox]');
      expect(boxes.map((b) => textOf($(el, `label[for=${b.id}]`)))).to.deep.equal([
        'I understand that peer support is not therapy or crisis care.',
        'I understand what is confidential and its limits.',
        'I agree to these terms.',
      ]);
      expect(boxes.every((b) => b.required && !b.checked)).to.be.true;
      await next(el);
      expect(fieldErrors(el)).to.deep.equal([
        'Check this box to go on: peer support is not therapy or crisis care.',
        'Check this box to go on: what is confidential and its limits.',
        'Check this box to go on: the cancellation terms.',
      ]);
      expectFocus(el, boxes[0]);
      await click(el, boxes[0]!);
      await click(el, boxes[1]!);
      await next(el);
      expect(fieldErrors(el)).to.deep.equal(['Check this box to go on: the cancellation terms.']);
      expectFocus(el, boxes[2]);
      await click(el, boxes[2]!);
      await next(el);
      await at(el, TITLES.price);
    });
  });

  describe('7. the price', () => {
    const presets = (el: Element) =>
      $$(el, '.presets button').map((b) => `${textOf(b)}${b.ariaPressed === 'true' ? ' *' : ''}`);

    it('pay what you can: the suggestion chosen, presets and a number field, the minimum enforced', async () => {
      const posts = recordBookingPosts();
      const el = await render({ 'supporter-id': SAM });
      await walk(el, 'price');
      expect(textOf($(el, 'legend'))).to.equal('Pay what you can');
      expect(screen(el)).to.contain(
        'Supporters earn the same either way: paying more helps someone who can pay less.',
      );
      expect(presets(el)).to.deep.equal(['$20', '$45 (suggested) *', '$70']);
      expect(amount(el)!.value).to.equal('45');
      expect(amount(el)!.inputMode).to.equal('decimal');
      expectNone($(el, 'input[type=range]'), 'not a slider');
      expect(textOf($(el, 'label[for=amount]'))).to.equal('Amount (USD)');
      expect(textOf($(el, '#amount-hint'))).to.equal('The lowest amount is $20.');

      await fill(el, 'amount', '5');
      await next(el);
      expect(fieldErrors(el)).to.deep.equal(['The lowest amount is $20.']);
      expectFocus(el, amount(el));
      await click(el, '$70');
      expect(amount(el)!.value).to.equal('70');
      expect(presets(el)).to.deep.equal(['$20', '$45 (suggested)', '$70 *']);
      await next(el);
      await at(el, TITLES.review);
      expect(summary(el)['Price']).to.equal('$70');
      await send(el);
      expect(posts[0]!.body.payment).to.deep.equal({ kind: 'sliding-scale', amount: 7000 });
    });

    it('the price depends on the length: 30 minutes suggests less', async () => {
      const el = await render({ 'supporter-id': ROSA });
      await walk(el, 'price', { length: '30 minutes' });
      expect(presets(el)).to.deep.equal(['$10', '$25 (suggested) *', '$40']);
      expect(amount(el)!.value).to.equal('25');
      expect(textOf($(el, '#amount-hint'))).to.equal('The lowest amount is $10.');
    });

    it('a fixed price, per length, with the money-back note', async () => {
      await backend(openAllDay(programVariants.fixed));
      const posts = recordBookingPosts();
      const el = await render({ 'supporter-id': ROSA });
      await walk(el, 'price', { length: '30 minutes' });
      expect(screen(el)).to.contain('A session costs $35.');
      expect(screen(el)).to.contain('If you did not love the session, you get your money back.');
      expectNone(amount(el));
      await walk(el, 'review');
      expect(summary(el)['Price']).to.equal('$35');
      await click(el, $<HTMLButtonElement>(el, '[aria-label="Change: Session"]')!);
      await click(el, choice(el, '60 minutes'));
      await next(el);
      // The length changed: the old time is gone, so the time comes first, then the review.
      await walk(el, 'review');
      expect(summary(el)['Price']).to.equal('$65');
      await send(el);
      expect(posts[0]!.body.payment).to.deep.equal({ kind: 'fixed' });
      expect(posts[0]!.body.lengthMinutes).to.equal(60);
    });

    it('gift-code: an active card covers the session and says how many are left', async () => {
      const posts = recordBookingPosts();
      const el = await render({ 'supporter-id': SAM, 'gift-code': 'GIFT-DEMO-2026-0003' });
      const payments = collect(el, 'peer-payment-required');
      await walk(el, 'price');
      expect(textOf($(el, '[part=gift]'))).to.equal(
        'Your gift covers this session: nothing to pay. The card has 3 sessions left, this one included.',
      );
      expectNone(amount(el), 'nothing to pay');
      expect(screen(el)).not.to.contain('secure checkout page');
      await next(el);
      await at(el, TITLES.review);
      expect(summary(el)['Price']).to.equal('Covered by your gift');
      await send(el);
      expect(posts[0]!.body.payment).to.deep.equal({
        kind: 'gift-card',
        code: 'GIFT-DEMO-2026-0003',
      });
      expect((await store.bookings())[0]!.payment.status).to.equal('covered-by-gift');
      expect(payments).to.deep.equal([]);
      expect(el.navigations).to.deep.equal([]);
    });

    it('book another supporter: the card is asked again, and says the sessions now left', async () => {
      const el = await render({ 'supporter-id': SAM, 'gift-code': 'GIFT-DEMO-2026-0003' });
      await walk(el, 'review');
      await send(el);
      await click(el, 'Book another supporter');
      await until(() => $(el, 'input[name=supporterId]'));
      await click(el, choice(el, 'Lee Chen'));
      await walk(el, 'price', { length: '60 minutes' });
      await until(() => textOf($(el, '[part=gift]')).includes('2 sessions left'));
      expect(textOf($(el, '[part=gift]'))).to.equal(
        'Your gift covers this session: nothing to pay. The card has 2 sessions left, this one included.',
      );
    });

    it('gift-code-from-url: ?gift= is read once and taken out of the address', async () => {
      const page = location.href;
      history.replaceState(history.state, '', '?gift=GIFT-DEMO-2026-0003&keep=1#top');
      try {
        const el = await render({ 'supporter-id': SAM, 'gift-code-from-url': '' });
        expect(location.search).to.equal('?keep=1');
        expect(location.hash).to.equal('#top');
        await walk(el, 'price');
        expect($<HTMLInputElement>(el, 'input[name=giftCode]')!.value).to.equal(
          'GIFT-DEMO-2026-0003',
        );
        await until(() => $(el, '[part=gift]'));
        expect(textOf($(el, '[part=gift]'))).to.contain('The card has 3 sessions left');
      } finally {
        history.replaceState(history.state, '', page);
      }
      expect(location.href).to.equal(page);
    });

    for (const [code, message] of [
      [
        'GIFT-NOPE-1234-5678',
        'We could not find this gift code. Check it, or remove it to pay the normal price.',
      ],
      [
        'GIFT-USED-2025-0000',
        'This gift card has no sessions left. Remove the code to pay the normal price.',
      ],
      [
        'GIFT-OLD0-2019-0002',
        'This gift card has expired. Remove the code to pay the normal price.',
      ],
    ] as const) {
      it(`gift code ${code}: says why, and the normal price applies`, async () => {
        const el = await render({ 'supporter-id': SAM });
        await walk(el, 'price');
        await fill(el, 'giftCode', code.toLowerCase());
        await click(el, 'Apply code');
        await until(() => fieldErrors(el).length);
        expect(fieldErrors(el)).to.deep.equal([message]);
        expect(status(el)).to.equal(message);
        expectNone($(el, '[part=gift]'));
        expect(amount(el)!.value, 'the normal price').to.equal('45');
        await fill(el, 'giftCode', '');
        await next(el);
        await at(el, TITLES.review);
        expect(summary(el)['Price']).to.equal('$45');
      });
    }

    /** A card bought in the store now: pending until `markGiftCardPaid`. */
    async function buyGiftCard(
      lengthMinutes?: SessionLength,
    ): Promise<{ id: string; code: string }> {
      const bought = body(
        await store.purchaseGiftCard(
          {
            sessions: 2,
            ...(lengthMinutes ? { lengthMinutes } : {}),
            purchaser: { name: 'Pat Giver', email: 'pat@example.org' },
            timeZone: 'UTC',
          },
          crypto.randomUUID(),
        ),
      );
      return { id: bought.id, code: (await store.emailedCode(bought.id))! };
    }

    it('gift code of a card not yet paid: says it is not active yet, and the normal price applies', async () => {
      const { code } = await buyGiftCard(60);
      const el = await render({ 'supporter-id': SAM });
      await walk(el, 'price');
      await fill(el, 'giftCode', code);
      await click(el, 'Apply code');
      await until(() => fieldErrors(el).length);
      const message =
        'This gift card is not active yet: it will work once it has been paid and delivered.';
      expect(fieldErrors(el)).to.deep.equal([message]);
      expectNone($(el, '[part=gift]'));
      expect(amount(el)!.value, 'the normal price').to.equal('45');
    });

    it('gift code in the old short form: refused as typed wrong, never looked up', async () => {
      const lookups: string[] = [];
      worker.use(
        http.post('/api/gift-cards/lookup', ({ request }) => {
          lookups.push(request.url);
          return undefined;
        }),
      );
      const el = await render({ 'supporter-id': SAM });
      await walk(el, 'price');
      await fill(el, 'giftCode', 'GIFT-DEMO-2026');
      await next(el);
      await until(() => fieldErrors(el).length);
      expect(fieldErrors(el)).to.deep.equal([
        'A gift code is groups of 4 letters or numbers with dashes between them, like ABCD-EFGH-JKLM-NPQR.',
      ]);
      expect(lookups).to.deep.equal([]);
    });

    it('gift code of a card for any length: every length stays open, and it covers a 30-minute session', async () => {
      await backend(
        openAllDay({
          ...referenceProgram,
          giftCards: { ...referenceProgram.giftCards, anyLength: true },
        }),
      );
      const { id, code } = await buyGiftCard();
      await store.markGiftCardPaid(id);
      const posts = recordBookingPosts();
      const el = await render({ 'supporter-id': ROSA, 'gift-code': code });
      await walk(el, 'session');
      await until(() => $$(el, 'input[name=lengthMinutes]').length);
      expect($$(el, 'input[name=lengthMinutes]').length).to.equal(2);
      expect(choice(el, '30 minutes').disabled).to.equal(false);
      expect(choice(el, '60 minutes').disabled).to.equal(false);
      await walk(el, 'price', { length: '30 minutes' });
      await until(() => $(el, '[part=gift]'));
      expect(textOf($(el, '[part=gift]'))).to.equal(
        'Your gift covers this session: nothing to pay. The card has 2 sessions left, this one included.',
      );
      await next(el);
      await at(el, TITLES.review);
      await send(el);
      expect(posts[0]!.body).to.deep.include({
        lengthMinutes: 30,
        payment: { kind: 'gift-card', code },
      });
    });

    it('a refusal for another length (gift-card-wrong-length) says the card’s length', async () => {
      worker.use(
        http.post('/api/bookings', () =>
          HttpResponse.json(
            {
              error: {
                code: 'gift-card-wrong-length',
                message: 'This gift card is for 60-minute sessions.',
                fieldErrors: [{ field: 'payment.code', code: 'wrong_length', message: 'No.' }],
              },
            },
            { status: 422 },
          ),
        ),
      );
      const el = await render({ 'supporter-id': SAM, 'gift-code': 'GIFT-DEMO-2026-0003' });
      await walk(el, 'review');
      await send(el);
      await until(() => fieldErrors(el).length);
      expect(fieldErrors(el)).to.deep.equal([
        'This gift card is for 60-minute sessions. Change the session length to use it.',
      ]);
    });
  });

  describe('7b. a gift from the recipient’s link, kept by the provider', () => {
    const CODE = 'GIFT-DEMO-2026-0003';
    const giftNote = (directory: Element) =>
      textOf(directory.shadowRoot?.querySelector('.gift-note'));
    /** The first of Sam's times outside the 24-hour free-cancellation window. */
    const samLater = async () =>
      (await slotsOf(SAM)).find((s) => Date.parse(s.start) > Date.now() + 72 * 3_600_000)!;

    function countLookups(): string[] {
      const codes: string[] = [];
      worker.use(
        http.post('/api/gift-cards/lookup', async ({ request }) => {
          codes.push(((await request.clone().json()) as { code: string }).code);
          return undefined;
        }),
      );
      return codes;
    }

    /** A provider holding `gift`, with a directory and a booking of Sam's `slot` inside. */
    async function page(gift: Record<string, string>, slot: Slot) {
      const provider = document.createElement('peer-support-provider');
      for (const [name, value] of Object.entries({ 'api-base': '/api', ...gift })) {
        provider.setAttribute(name, value);
      }
      const directory = document.createElement('peer-directory');
      provider.append(directory);
      const el = await render(
        { 'supporter-id': SAM, 'slot-start': slot.start },
        { parent: provider },
      );
      return { provider, directory, el };
    }

    it('?gift= leaves the address at once; one lookup; the directory says what it covers; the booking is free; a free cancel gives the session back', async () => {
      const lookups = countLookups();
      const here = location.href;
      history.replaceState(history.state, '', `?gift=${CODE.toLowerCase()}&keep=1#top`);
      try {
        const { provider, directory, el } = await page(
          { 'gift-code-from-url': '' },
          await samLater(),
        );
        expect(location.search, 'the code left the address bar').to.equal('?keep=1');
        expect(location.hash).to.equal('#top');
        await until(() => giftNote(directory).startsWith('Your gift: 3'));
        expect(giftNote(directory)).to.equal(
          'Your gift: 3 sessions of 60 minutes, booked free with any supporter.',
        );
        expectCrisisLine(directory);

        const events = ['peer-booking-requested', 'peer-booking-cancelled'].map((type) =>
          collect(provider, type as 'peer-booking-requested'),
        );
        const posts = recordBookingPosts();
        await walk(el, 'price');
        await until(() => $(el, '[part=gift]'));
        expect(textOf($(el, '[part=gift]'))).to.equal(
          'Your gift covers this session: nothing to pay. The card has 3 sessions left, this one included.',
        );
        expect(lookups, 'one lookup for the directory and the booking').to.deep.equal([CODE]);
        await next(el);
        await at(el, TITLES.review);
        expect(summary(el)['Price']).to.equal('Covered by your gift');
        await send(el);
        expect(posts[0]!.body.payment).to.deep.equal({ kind: 'gift-card', code: CODE });
        await until(() => giftNote(directory).startsWith('Your gift: 2'));
        expect(giftNote(directory)).to.equal(
          'Your gift: 2 sessions of 60 minutes, booked free with any supporter.',
        );

        await click(el, 'Cancel session');
        await click(el, 'Yes, cancel the session');
        await until(() => screen(el).includes('The gift session is back on the card.'));
        await until(() => giftNote(directory).startsWith('Your gift: 3'));
        expect(giftNote(directory), 'the free cancel gave it back').to.equal(
          'Your gift: 3 sessions of 60 minutes, booked free with any supporter.',
        );

        // The code is a bearer secret: in no event, no storage, no address.
        const heard = events.flat();
        expect(heard.length).to.equal(2);
        for (const event of heard) expect(JSON.stringify(event.detail)).not.to.contain('GIFT');
        const stored = JSON.stringify({ ...localStorage, ...sessionStorage }) + document.cookie;
        expect(stored.toUpperCase()).not.to.contain(CODE);
        expect(location.href.toUpperCase()).not.to.contain(CODE);
      } finally {
        history.replaceState(history.state, '', here);
      }
    });

    it('the last session used: the note says none is left, the purchaser’s notice is recorded, and the next booking pays the normal price', async () => {
      const bought = body(
        await store.purchaseGiftCard(
          {
            sessions: 1,
            lengthMinutes: 60,
            purchaser: { name: 'Pat Giver', email: 'pat@example.org' },
            timeZone: 'UTC',
          },
          crypto.randomUUID(),
        ),
      );
      await store.markGiftCardPaid(bought.id);
      const code = (await store.emailedCode(bought.id))!;
      const { directory, el } = await page({ 'gift-code': code }, await samLater());
      await until(() => giftNote(directory).startsWith('Your gift: 1'));
      expect(giftNote(directory)).to.equal(
        'Your gift: 1 session of 60 minutes, booked free with any supporter.',
      );
      await walk(el, 'price');
      await until(() => $(el, '[part=gift]'));
      expect(textOf($(el, '[part=gift]'))).to.equal(
        'Your gift covers this session: nothing to pay. This is the card’s last session.',
      );
      await walk(el, 'review');
      await send(el);
      await until(() => giftNote(directory).includes('no sessions left'));
      expect(giftNote(directory)).to.equal(
        'Your gift card has no sessions left: sessions are booked at the normal price.',
      );
      const balance = body(await store.getGiftCard(code));
      expect(balance.sessionsRemaining).to.equal(0);
      expect(balance.status).to.equal('used');
      expect(balance.usedUpAt, 'the API says the purchaser is to be told').to.be.a('string');

      await click(el, 'Book another supporter');
      await until(() => $(el, 'input[name=supporterId]'));
      await click(el, choice(el, 'Lee Chen'));
      await walk(el, 'price', { length: '60 minutes' });
      await until(() => fieldErrors(el).length);
      expect(fieldErrors(el)).to.deep.equal([
        'This gift card has no sessions left. Remove the code to pay the normal price.',
      ]);
      expect(amount(el)!.value, 'the normal price').to.equal('45');
    });

    for (const [code, note] of [
      [
        'GIFT-NOPE-1234-5678',
        'We could not find the gift code from your link. Check the link in your email.',
      ],
      [
        'GIFT-OLD0-2019-0002',
        'Your gift card has expired: sessions are booked at the normal price.',
      ],
    ] as const) {
      it(`a gift code ${code} in the provider: the directory says why, and the booking says it too`, async () => {
        const { directory, el } = await page({ 'gift-code': code }, await samLater());
        await until(() => giftNote(directory) && !giftNote(directory).startsWith('Checking'));
        expect(giftNote(directory)).to.equal(note);
        await walk(el, 'price');
        await until(() => fieldErrors(el).length);
        expect(amount(el)!.value, 'the normal price').to.equal('45');
      });
    }

    it('the provider’s code removed from the field stays removed: the normal price', async () => {
      const { el } = await page({ 'gift-code': CODE }, await samLater());
      await walk(el, 'price');
      await until(() => $(el, '[part=gift]'));
      await fill(el, 'giftCode', '');
      await next(el);
      await at(el, TITLES.review);
      expect(summary(el)['Price']).to.equal('$45');
      await click(el, $<HTMLButtonElement>(el, '[aria-label="Change: Price"]')!);
      await at(el, TITLES.price);
      expect($<HTMLInputElement>(el, 'input[name=giftCode]')!.value).to.equal('');
    });

    it('a program that takes no gift cards: no note, and the booking ignores the code', async () => {
      await backend(
        openAllDay({
          ...referenceProgram,
          giftCards: { ...referenceProgram.giftCards, enabled: false },
        }),
      );
      const { directory, el } = await page({ 'gift-code': CODE }, await samLater());
      await until(() => directory.shadowRoot?.querySelector('.card'));
      expect(directory.shadowRoot!.querySelector('.gift-note')).to.equal(null);
      await walk(el, 'price');
      expectNone($(el, '[part=gift]'));
      expect(fieldErrors(el)).to.deep.equal([]);
    });
  });

  describe('8. review and send', () => {
    it('a summary with a Change button to each step; Continue there returns to it, nothing lost', async () => {
      const el = await render({ 'supporter-id': ROSA });
      await walk(el, 'review');
      const rows = summary(el);
      const rosa = (await slotsOf(ROSA))[0]!;
      expect(rows).to.deep.equal({
        Supporter: 'Rosa Díaz',
        Session: '60 minutes | Video call',
        Time: `${local(rosa.start, 'UTC', { weekday: 'long', month: 'long', day: 'numeric' })} at ${clock(rosa.start)} – ${clock(rosa.end)} Coordinated Universal Time`,
        'Where you live': 'California | Age 24',
        'About you': 'Ana Test | ana.test@example.org',
        Agreements: 'You agreed to each of them.',
        Price: '$45',
      });
      expect(
        $$(el, '[part=summary] button').map((b) => b.getAttribute('aria-label')),
      ).to.deep.equal([
        'Change: Session',
        'Change: Time',
        'Change: Where you live',
        'Change: About you',
        'Change: Agreements',
        'Change: Price',
      ]);
      for (const [row, step, title] of [
        ['About you', 'about', TITLES.about],
        ['Where you live', 'eligibility', TITLES.eligibility],
        ['Agreements', 'policies', TITLES.policies],
        ['Price', 'price', TITLES.price],
        ['Time', 'time', TITLES.time],
      ] as const) {
        await click(el, $<HTMLButtonElement>(el, `[aria-label="Change: ${row}"]`)!);
        await at(el, title);
        expectFocus(el, $(el, '#step-title'), `${step}: its heading has focus`);
        await next(el);
        await at(el, TITLES.review);
        expect(summary(el), `after changing nothing in ${step}`).to.deep.equal(rows);
      }
      // A new length clears the time (and the suggested amount): both are asked again, then back.
      await click(el, $<HTMLButtonElement>(el, '[aria-label="Change: Session"]')!);
      await click(el, choice(el, '30 minutes'));
      await next(el);
      await at(el, TITLES.time);
      await pickSlot(el);
      await next(el);
      await at(el, TITLES.price);
      expect($<HTMLInputElement>(el, 'input[name=amount]')!.value).to.equal('25');
      await next(el);
      await at(el, TITLES.review);
      expect(summary(el)['Session']).to.equal('30 minutes | Video call');
      expect(summary(el)['Price']).to.equal('$25');
      expect(summary(el)['About you']).to.equal(rows['About you']);
    });

    it('sends one POST with an Idempotency-Key; the result is a request, with next steps', async () => {
      const posts = recordBookingPosts();
      const el = await render({ 'supporter-id': SAM });
      const requested = collect(el, 'peer-booking-requested');
      await walk(el, 'review');
      expect(textOf(button(el, 'Send request'))).to.equal('Send request');
      await send(el);
      expect(posts).to.have.length(1);
      expect(posts[0]!.key).to.match(UUID);
      const slot = (await slotsOf(SAM, 60))[0];
      const booked = await store.bookings();
      expect(booked).to.have.length(1);
      expect(posts[0]!.body).to.deep.equal({
        supporterId: SAM,
        slotStart: booked[0]!.start,
        lengthMinutes: 60,
        modality: 'video',
        seeker: { name: 'Ana Test', email: 'ana.test@example.org', state: 'CA', age: 24 },
        policies: { notTherapy: true, cancellation: true, privacy: true },
        payment: { kind: 'sliding-scale', amount: 4500 },
        timeZone: 'UTC',
      });
      expect(slot?.start, 'the booked time is no longer offered').not.to.equal(booked[0]!.start);
      expect(textOf($(el, '[part=manage] h3'))).to.equal('Your request is sent');
      expectFocus(el, $(el, '#step-title'));
      expect(textOf($(el, '[part=status]'))).to.equal('Waiting for Sam Okafor to accept.');
      expect($$(el, '.next li').map((li) => textOf(li))).to.deep.equal([
        'Your supporter will accept the request or suggest another time.',
        'Once they accept, you get an email with how to join.',
        'You are welcome to book with more than one supporter to find the right fit.',
      ]);
      expect(status(el)).to.equal('Your request is sent');
      expect(requested).to.have.length(1);
      expect(keysOf(requested[0]!)).to.deep.equal([
        'bookingId',
        'durationMinutes',
        'start',
        'status',
      ]);
      expect(requested[0]!.detail).to.deep.equal({
        bookingId: booked[0]!.id,
        status: 'requested',
        start: booked[0]!.start,
        durationMinutes: 60,
      });
      await expectCalm(el);

      // Book another: the chooser, with what the person typed still there.
      await click(el, 'Book another supporter');
      await at(el, TITLES.supporter);
      expectFocus(el, $(el, '#step-title'));
      await walk(el, 'about', { supporter: 'Rosa Díaz (she/her)' });
      expect($<HTMLInputElement>(el, 'input[name=name]')!.value).to.equal('Ana Test');
    });

    it('peer-payment-required fires when payment is due; unless cancelled, the element goes to the checkout', async () => {
      const el = await render({ 'supporter-id': SAM });
      const payments = collect(el, 'peer-payment-required');
      await walk(el, 'review');
      await send(el);
      expect(payments).to.have.length(1);
      const event = payments[0]!;
      expect(event.cancelable && event.bubbles && event.composed).to.be.true;
      expect(keysOf(event)).to.deep.equal(['bookingId', 'checkoutUrl']);
      expect(event.detail.bookingId).to.equal((await store.bookings())[0]!.id);
      expect(event.detail.checkoutUrl).to.match(/^https:\/\/checkout\.example\.org\/pay\//);
      expect(el.navigations).to.deep.equal([event.detail.checkoutUrl]);

      await backend();
      const host = await render({ 'supporter-id': SAM });
      host.addEventListener('peer-payment-required', (e) => e.preventDefault());
      await walk(host, 'review');
      await send(host);
      expect(await store.bookings()).to.have.length(1);
      expect(host.navigations, 'the host runs its own checkout').to.deep.equal([]);
    });
  });

  describe('8b. a checkout that is not https', () => {
    it('is never opened, and the host page hears of it', async () => {
      // A backend whose checkout link is plain http (loopback passes the contract's URL check).
      worker.use(
        http.post('/api/bookings', async ({ request }) => {
          const key = request.headers.get('Idempotency-Key') ?? undefined;
          const result = await store.createBooking((await request.json()) as BookingRequest, key);
          if (!result.ok) return HttpResponse.json(result.body, { status: result.status });
          const payment = { ...result.body.payment, checkoutUrl: 'http://localhost/pay' };
          return HttpResponse.json({ ...result.body, payment }, { status: result.status });
        }),
      );
      const el = await render({ 'supporter-id': SAM });
      const errors = collect(el, 'peer-error');
      const payments = collect(el, 'peer-payment-required');
      await walk(el, 'review');
      await send(el);
      await until(() => errors.length);
      expect(payments).to.have.length(0);
      expect(el.navigations).to.deep.equal([]);
      expect(errors[0]!.detail.kind).to.equal('validation');
      expect(errors[0]!.detail.message).to.contain('https');
    });
  });

  describe('9. focus, Back and the step list', () => {
    it('each heading takes focus; aria-current marks the open step; Back and the list lose nothing', async () => {
      const el = await render({ 'supporter-id': ROSA });
      await at(el, TITLES.session);
      expect(stepList(el)[0]).to.deep.equal({ text: '1. Session', current: true, link: false });
      expect(
        stepList(el)
          .slice(1)
          .every((s) => !s.link && !s.current),
        'later steps wait',
      ).to.be.true;
      for (const step of [
        'session',
        'time',
        'eligibility',
        'about',
        'policies',
        'price',
      ] as const) {
        await answerStep(el, ana);
        expectFocus(el, $(el, '#step-title'), `focus after ${step}`);
        const list = stepList(el);
        const current = list.findIndex((s) => s.current);
        expect(list.filter((s) => s.current)).to.have.length(1);
        expect(list[current]!.text).to.match(new RegExp(`^${current + 1}\\. `));
        expect(
          list.slice(0, current).every((s) => s.link),
          'the steps done are buttons',
        ).to.be.true;
      }
      await at(el, TITLES.review);

      await click(el, 'Back');
      await at(el, TITLES.price);
      expectFocus(el, $(el, '#step-title'));
      await click(el, 'Back');
      await click(el, 'Back');
      await at(el, TITLES.about);
      expect($<HTMLInputElement>(el, 'input[name=name]')!.value).to.equal('Ana Test');
      expect($<HTMLInputElement>(el, 'input[name=email]')!.value).to.equal('ana.test@example.org');
      await click(el, 'Back');
      await at(el, TITLES.eligibility);
      expect($<HTMLSelectElement>(el, 'select[name=state]')!.value).to.equal('CA');
      expect($<HTMLInputElement>(el, 'input[name=age]')!.value).to.equal('24');

      await click(el, button(el, '1. Session'));
      await at(el, TITLES.session);
      expectFocus(el, $(el, '#step-title'));
      expect(choice(el, '60 minutes').checked).to.be.true;
      expect(choice(el, 'Video call').checked).to.be.true;
      await click(el, button(el, '2. Time'));
      await at(el, TITLES.time);
      await until(() => selectedSlot(el));
      await click(el, button(el, '5. Agreements'));
      await at(el, TITLES.policies);
      expect($$<HTMLInputElement>(el, 'input[type=checkbox]').every((b) => b.checked)).to.be.true;
      await click(el, button(el, '7. Review'));
      await at(el, TITLES.review);
      expect(summary(el)['About you']).to.equal('Ana Test | ana.test@example.org');
    });
  });

  describe('10. managing a booking', () => {
    /** A booking of Sam's made in the store, shown from its id and token. */
    async function manage(slot: Slot, lang?: string) {
      const created = await bookInStore(slot);
      const el = await render({
        'booking-id': created.id,
        'manage-token': created.manageToken,
        ...(lang ? { lang } : {}),
      });
      await until(() => $(el, '[part=status]') && !screen(el).includes('your supporter'));
      return { el, created };
    }
    const statusLine = (el: Element) => textOf($(el, '[part=status]'));

    it('requested: its status, time and way of meeting; cancel or change the time', async () => {
      const slot = await samAfter(72);
      const { el, created } = await manage(slot);
      expect(textOf($(el, '[part=manage] h3'))).to.equal('Your session');
      expect(statusLine(el)).to.equal('Waiting for Sam Okafor to accept.');
      expect(screen(el)).to.contain(
        `at ${clock(slot.start)} – ${clock(slot.end)} Coordinated Universal Time · Video call`,
      );
      expect(screen(el)).to.contain(
        `You can cancel or change the time free of charge until ${deadlineText(created.freeCancellationUntil)}.`,
      );
      expect(hasButton(el, 'Change the time')).to.be.true;
      expect(hasButton(el, 'Cancel session')).to.be.true;
      expectNone($(el, '[part=calendar]'), 'no calendar link before it is confirmed');
      await expectCalm(el);
    });

    it('confirmed: the join link and an .ics file to add to the calendar', async () => {
      const slot = await samAfter(72);
      const created = await bookInStore(slot);
      await store.confirmBooking(created.id);
      const el = await render({ 'booking-id': created.id, 'manage-token': created.manageToken });
      await until(() => textOf($(el, '[part=status]')) === 'Confirmed with Sam Okafor.');
      const join = $$<HTMLAnchorElement>(el, 'a').find(
        (a) => textOf(a) === 'Join the video session',
      )!;
      expect(join.href).to.equal((await store.bookings())[0]!.joinUrl);
      const calendar = $<HTMLAnchorElement>(el, '[part=calendar]')!;
      expect(textOf(calendar)).to.equal('Add to calendar');
      expect(calendar.download).to.match(/\.ics$/);
      expect(calendar.href).to.match(/^blob:/);
      const ics = await (await fetch(calendar.href)).text();
      const utc = (iso: string) => new Date(iso).toISOString().replace(/[-:]|\.\d{3}/g, '');
      expect(ics).to.contain('BEGIN:VEVENT');
      expect(ics).to.contain(`DTSTART:${utc(slot.start)}`);
      expect(ics).to.contain(`DTEND:${utc(slot.end)}`);
      expect(ics).to.contain('SUMMARY:Peer support session with Sam Okafor');
      await expectCalm(el);
    });

    it('declined: says so, and offers another time with the same supporter', async () => {
      const slot = await samAfter(72);
      const created = await bookInStore(slot);
      await store.declineBooking(created.id);
      const el = await render({ 'booking-id': created.id, 'manage-token': created.manageToken });
      await until(() => statusLine(el).startsWith('Sorry, Sam Okafor'));
      expect(statusLine(el)).to.equal(
        'Sorry, Sam Okafor cannot take this session. Please choose another time or another supporter.',
      );
      expect(hasButton(el, 'Cancel session')).to.be.false;
      expect(hasButton(el, 'Book another supporter')).to.be.true;
      await expectCalm(el);
      await click(el, 'Choose another time with Sam Okafor');
      await at(el, TITLES.time);
      await until(() => slotButtons(el).length);
      expectFocus(el, $(el, '#step-title'));
      expectNone(selectedSlot(el), 'no time chosen yet');
    });

    it('cancelled by the supporter: nothing is charged; book again', async () => {
      const created = await bookInStore(await samAfter(72));
      await store.cancelAsSupporter(created.id);
      const el = await render({ 'booking-id': created.id, 'manage-token': created.manageToken });
      await until(() => statusLine(el).startsWith('Sorry, Sam Okafor'));
      expect(statusLine(el)).to.equal(
        'Sorry, Sam Okafor had to cancel this session. Nothing is charged. Please book again.',
      );
      expect(hasButton(el, 'Choose another time with Sam Okafor')).to.be.true;
      expect(hasButton(el, 'Cancel session')).to.be.false;
      await expectCalm(el);
    });

    it('cancel in time: nothing is charged, the exact deadline said; then the server’s answer', async () => {
      const { el, created } = await manage(await samAfter(72));
      const cancelled = collect(el, 'peer-booking-cancelled');
      await click(el, 'Cancel session');
      const deadline = deadlineText(created.freeCancellationUntil);
      expect(textOf($(el, '[part=confirm-cancel] p'))).to.equal(
        `Cancel now and nothing is charged (free until ${deadline}).`,
      );
      expectFocus(el, button(el, 'Yes, cancel the session'));
      await click(el, 'Keep my session');
      expect((await store.bookings())[0]!.status).to.equal('requested');
      await click(el, 'Cancel session');
      await click(el, 'Yes, cancel the session');
      await until(() => cancelled.length);
      await until(() => statusLine(el) === 'Your session is cancelled. Nothing is charged.');
      expect(status(el)).to.equal('Your session is cancelled. Nothing is charged.');
      expect((await store.bookings())[0]!.status).to.equal('cancelled');
      expect(keysOf(cancelled[0]!)).to.deep.equal(['bookingId', 'feeApplies']);
      expect(cancelled[0]!.detail).to.deep.equal({ bookingId: created.id, feeApplies: false });
      expect(hasButton(el, 'Cancel session')).to.be.false;
      await expectCalm(el);
    });

    it('cancel late: the full fee applies, said before and after', async () => {
      const soon = await samAfter(0);
      expect(Date.parse(soon.start) - Date.now(), 'inside the 24-hour window').to.be.below(
        24 * HOUR,
      );
      const { el, created } = await manage(soon);
      const cancelled = collect(el, 'peer-booking-cancelled');
      expect(screen(el)).to.contain(
        'The free cancellation time has passed: cancelling now, the full fee is due.',
      );
      expect(hasButton(el, 'Change the time')).to.be.false;
      await click(el, 'Cancel session');
      expect(textOf($(el, '[part=confirm-cancel] p'))).to.equal(
        `Free cancellation ended ${deadlineText(created.freeCancellationUntil)}. If you cancel now, the full fee of $45 is due.`,
      );
      await click(el, 'Yes, cancel the session');
      await until(() => cancelled.length);
      await until(
        () => statusLine(el) === 'Your session is cancelled. The full fee of $45 is due.',
      );
      expect(cancelled[0]!.detail).to.deep.equal({ bookingId: created.id, feeApplies: true });
    });

    it('change the time to another open one', async () => {
      const { el, created } = await manage(await samAfter(72));
      const moved = collect(el, 'peer-booking-rescheduled');
      await click(el, 'Change the time');
      expect(textOf($(el, '[part=reschedule] h4'))).to.equal('Choose a new time');
      const move = () => $$<HTMLButtonElement>(el, '[part=reschedule] button.primary')[0]!;
      expect(textOf(move())).to.equal('Choose a new time above');
      expect(move().disabled).to.be.true;
      await until(() => slotButtons(el).length > 2);
      await click(el, slotButtons(el)[2]!);
      const label = selectedSlot(el)!.getAttribute('aria-label')!;
      expect(textOf(move())).to.equal(`Move my session to ${label}`);
      await click(el, move());
      await until(() => moved.length);
      const now = (await store.bookings())[0]!;
      expect(now.start).not.to.equal(created.start);
      expect(keysOf(moved[0]!)).to.deep.equal(['bookingId', 'start']);
      expect(moved[0]!.detail).to.deep.equal({ bookingId: created.id, start: now.start });
      await until(() => !$(el, '[part=reschedule]'));
      expect(status(el)).to.equal(
        `Your session is moved to ${label}. Your supporter will confirm the new time.`,
      );
      expect(screen(el)).to.contain(`${label} · Video call`);
    });

    it('change the time: focus goes to the new heading', async () => {
      const { el } = await manage(await samAfter(72));
      await click(el, 'Change the time');
      await el.updateComplete;
      expectFocus(el, $(el, '[part=reschedule] h4'));
    });

    it('declined, opened from its link: another time with the same supporter, at the same length', async () => {
      // Rosa offers 30 and 60 minutes: the draft knows neither until the booking says which.
      const slot = (await slotsOf(ROSA, 30)).find(
        (s) => Date.parse(s.start) > Date.now() + 72 * HOUR,
      )!;
      const created = await bookInStore(slot);
      await store.declineBooking(created.id);
      const el = await render({ 'booking-id': created.id, 'manage-token': created.manageToken });
      await until(() => statusLine(el).startsWith('Sorry,'));
      await click(
        el,
        $$<HTMLButtonElement>(el, 'button').find((b) =>
          /^Choose another time with /.test(norm(b.textContent)),
        )!,
      );
      await at(el, TITLES.time);
      await until(() => slotButtons(el).length);
      const label = slotButtons(el)[0]!.getAttribute('aria-label')!;
      const [, start, end] = /at (\S+ [AP]M) – (\S+ [AP]M)/.exec(label)!;
      expect(
        (Date.parse(`2000-01-01 ${end}`) - Date.parse(`2000-01-01 ${start}`)) / 60_000,
      ).to.equal(30);
    });

    it('a late cancel of a gift session: the host hears that it was lost', async () => {
      const soon = await samAfter(0);
      const created = await bookInStore(soon, {
        payment: { kind: 'gift-card', code: 'GIFT-DEMO-2026-0003' },
      });
      const el = await render({ 'booking-id': created.id, 'manage-token': created.manageToken });
      await until(() => $(el, '[part=status]'));
      const cancelled = collect(el, 'peer-booking-cancelled');
      await click(el, 'Cancel session');
      expect(textOf($(el, '[part=confirm-cancel] p'))).to.equal(
        'Free cancellation has ended. If you cancel now, the gift session is used.',
      );
      await click(el, 'Yes, cancel the session');
      await until(() => cancelled.length);
      expect(cancelled[0]!.detail).to.deep.equal({ bookingId: created.id, feeApplies: true });
      expect(statusLine(el)).to.equal('Your session is cancelled. The gift session was used.');
    });

    it('a lost answer to Cancel: pressing again sends the same Idempotency-Key, cancelling once', async () => {
      const { el, created } = await manage(await samAfter(72));
      const keys: (string | null)[] = [];
      let lose = true;
      worker.use(
        http.post('/api/bookings/:id/cancellation', async ({ request }) => {
          keys.push(request.headers.get('Idempotency-Key'));
          if (!lose) return undefined;
          // The server cancels (once: a replay of the same key does nothing more), and every
          // answer of the first press is lost on the way.
          await store.cancelBooking(
            created.id,
            created.manageToken,
            {},
            request.headers.get('Idempotency-Key')!,
          );
          return HttpResponse.error();
        }),
      );
      await click(el, 'Cancel session');
      await click(el, 'Yes, cancel the session');
      await until(() => $(el, '[part=field-error]'), 15000);
      lose = false;
      await click(el, 'Yes, cancel the session');
      await until(() => statusLine(el) === 'Your session is cancelled. Nothing is charged.');
      expect(keys.length).to.be.at.least(2);
      expect(new Set(keys).size, 'one key for every try').to.equal(1);
    });

    it('cancelled elsewhere meanwhile: the view shows the booking as it now is', async () => {
      const { el, created } = await manage(await samAfter(72));
      await click(el, 'Cancel session');
      body(await store.cancelBooking(created.id, created.manageToken, {}, crypto.randomUUID()));
      await click(el, 'Yes, cancel the session');
      await until(() => statusLine(el) === 'Your session is cancelled. Nothing is charged.');
      expect(hasButton(el, 'Cancel session')).to.be.false;
    });

    it('paid, then cancelled late: the payment stands, and nothing more is said to be owed', async () => {
      const created = await bookInStore(await samAfter(0));
      await store.markPaid(created.id);
      const el = await render({ 'booking-id': created.id, 'manage-token': created.manageToken });
      await until(() => $(el, '[part=status]'));
      expect(screen(el)).to.contain(
        'The free cancellation time has passed: if you cancel now, your payment is not refunded.',
      );
      await click(el, 'Cancel session');
      expect(textOf($(el, '[part=confirm-cancel] p'))).to.contain(
        'your payment of $45 is not refunded',
      );
      await click(el, 'Yes, cancel the session');
      await until(() => statusLine(el).startsWith('Your session is cancelled.'));
      expect(statusLine(el)).to.equal(
        'Your session is cancelled. As it was late, your payment is not refunded.',
      );
    });

    it('a confirmed phone session: no video link, and still a calendar file', async () => {
      const slot = (await slotsOf(ROSA, 60)).find(
        (s) => Date.parse(s.start) > Date.now() + 72 * HOUR,
      )!;
      const created = await bookInStore(slot, { modality: 'phone' });
      await store.confirmBooking(created.id);
      const el = await render({ 'booking-id': created.id, 'manage-token': created.manageToken });
      await until(() => statusLine(el).startsWith('Confirmed with'));
      expect(screen(el)).not.to.contain('Join the video session');
      expect(textOf($(el, '[part=calendar]'))).to.equal('Add to calendar');
    });

    it('manage-from-fragment: #booking=…&token=… is read once and taken out of the address', async () => {
      const created = await bookInStore(await samAfter(72));
      const page = location.href;
      history.replaceState(
        history.state,
        '',
        `#booking=${created.id}&token=${created.manageToken}&section=top`,
      );
      try {
        const el = await render({ 'manage-from-fragment': '' });
        expect(location.hash).to.equal('#section=top');
        expect(location.href).not.to.contain(created.manageToken);
        await until(() => statusLine(el) === 'Waiting for Sam Okafor to accept.');
      } finally {
        history.replaceState(history.state, '', page);
      }
    });

    it('a wrong token: we could not find this booking', async () => {
      const created = await bookInStore(await samAfter(72));
      const el = await render({
        'booking-id': created.id,
        'manage-token': 'x'.repeat(32),
      });
      await until(() => $(el, '[part=error]'));
      expect(screen(el)).to.contain(
        'We could not find this booking. The link may be incomplete or out of date.',
      );
      expect(screen(el)).not.to.contain('Sam Okafor');
      await expectCalm(el);
    });
  });

  describe('11. when things go wrong', () => {
    const SEND_AGAIN =
      'Nothing you entered is lost. Press “Send request” to try again: you will not be booked twice.';

    it('409: the time was taken meanwhile; the times reload, the next open one is selected, nothing lost', async () => {
      const posts = recordBookingPosts();
      const el = await render({ 'supporter-id': SAM });
      await walk(el, 'review');
      const before = summary(el);
      const taken = (await slotsOf(SAM))[0]!;
      await bookInStore(taken);
      const following = (await slotsOf(SAM)).find(
        (s) => Date.parse(s.start) > Date.parse(taken.start),
      )!;
      await send(el);
      await at(el, TITLES.time);
      const message =
        'Someone else just booked that time. The next open time is selected instead: check it, then continue.';
      expect(fieldErrors(el)).to.deep.equal([message]);
      expect(status(el)).to.equal(message);
      await until(() => selectedSlot(el));
      expect(selectedSlot(el)!.getAttribute('aria-label')).to.contain(clock(following.start));
      expect(textOf(button(el, 'Continue'))).to.equal('Continue');
      await next(el);
      await at(el, TITLES.review);
      const after = summary(el);
      expect({ ...after, Time: '' }).to.deep.equal({ ...before, Time: '' });
      expect(after['Time']).to.contain(clock(following.start));
      await click(el, $<HTMLButtonElement>(el, '[aria-label="Change: Time"]')!);
      await at(el, TITLES.time);
      expect(fieldErrors(el), 'the refusal is settled').to.deep.equal([]);
      await next(el);
      await at(el, TITLES.review);
      await send(el);
      expect(textOf($(el, '[part=manage] h3'))).to.equal('Your request is sent');
      expect(posts.map((p) => p.body.slotStart)).to.deep.equal([taken.start, following.start]);
      expect(posts[1]!.key, 'a new request, a new key').not.to.equal(posts[0]!.key);
      expect(await store.bookings()).to.have.length(2);
    });

    it('429: too many tries is said on the review, with nothing lost', async () => {
      worker.use(...scenarioHandlers('rate-limited', { only: ['createBooking'] }));
      const el = await render({ 'supporter-id': SAM });
      await walk(el, 'review');
      const before = summary(el);
      await send(el);
      expect(fieldErrors(el)).to.deep.equal([
        'Too many tries in a short time. Please wait a minute, then send again.',
      ]);
      expect(status(el)).to.equal(
        'Too many tries in a short time. Please wait a minute, then send again.',
      );
      expect(summary(el)).to.deep.equal(before);
      expect(await store.bookings()).to.deep.equal([]);
    });

    it('a state the supporter is not certified in is said on the eligibility step, before Send', async () => {
      const el = await render({ 'supporter-id': LEE });
      await walk(el, 'eligibility');
      await selectOption(el, 'state', 'OR');
      await fill(el, 'age', '24');
      await next(el);
      expect(heading(el)).to.contain(TITLES.eligibility);
      expect(fieldErrors(el)).to.deep.equal([
        'Sorry, Lee Chen is not certified to support people in your state. Another supporter may be.',
      ]);
      expectFocus(el, $(el, 'select[name=state]'));
    });

    it('422: a refusal shows on its field, with focus there; fixing it sends', async () => {
      const el = await render({ 'supporter-id': LEE });
      await walk(el, 'review', { state: 'CA' });
      // The server knows better than the profile the element read (a certification just lapsed).
      let refused = false;
      worker.use(
        http.post('/api/bookings', () => {
          if (refused) return undefined;
          refused = true;
          const fieldErrors = [{ field: 'seeker.state', code: 'not_certified', message: 'No.' }];
          const error = { code: 'not-eligible', message: 'No.', fieldErrors };
          return HttpResponse.json({ error }, { status: 422 });
        }),
      );
      await send(el);
      await at(el, TITLES.eligibility);
      expect(fieldErrors(el)).to.deep.equal([
        'Sorry, Lee Chen is not certified to support people in your state. Another supporter may be.',
      ]);
      expectFocus(el, $(el, 'select[name=state]'));
      await selectOption(el, 'state', 'OR');
      await selectOption(el, 'state', 'CA');
      expect(fieldErrors(el), 'the refusal goes with the answer it was about').to.deep.equal([]);
      await next(el);
      await at(el, TITLES.review);
      await send(el);
      expect(textOf($(el, '[part=manage] h3'))).to.equal('Your request is sent');
    });

    it('422 on several fields: each on its own field, focus on the first, the server’s words never shown', async () => {
      worker.use(
        http.post('/api/bookings', () =>
          HttpResponse.json(
            {
              error: {
                code: 'invalid-request',
                message: 'Ana Test <ana.test@example.org> was refused.',
                fieldErrors: [
                  {
                    field: 'seeker.email',
                    code: 'invalid',
                    message: 'Bad email ana.test@example.org',
                  },
                  { field: 'seeker.name', code: 'too-long', message: 'Name Ana Test too long' },
                ],
              },
            },
            { status: 422 },
          ),
        ),
      );
      const el = await render({ 'supporter-id': SAM });
      await walk(el, 'review');
      await send(el);
      await at(el, TITLES.about);
      expect(fieldErrors(el)).to.deep.equal([
        'Your name can be at most 120 characters.',
        'Enter an email address like name@example.com.',
      ]);
      expectFocus(el, $(el, 'input[name=name]'));
      expect($<HTMLInputElement>(el, 'input[name=name]')!.value).to.equal('Ana Test');
      expect(screen(el)).not.to.contain('was refused');
      await expectCalm(el);
    });

    it('a network failure on send: nothing lost; Send again reuses the same Idempotency-Key', async () => {
      let failing = true;
      const keys: (string | null)[] = [];
      worker.use(
        http.post('/api/bookings', ({ request }) => {
          keys.push(request.headers.get('Idempotency-Key'));
          return failing ? HttpResponse.error() : undefined;
        }),
      );
      const el = await render({ 'supporter-id': SAM });
      const errors = collect(el, 'peer-error');
      await walk(el, 'review');
      const before = summary(el);
      await send(el);
      expect(fieldErrors(el)).to.deep.equal([
        `You appear to be offline. Check your connection and try again. ${SEND_AGAIN}`,
      ]);
      expect(stepNow(el)).to.equal('review');
      expect(summary(el)).to.deep.equal(before);
      expect(await store.bookings()).to.deep.equal([]);
      expect(errors.map((e) => [e.detail.kind, e.detail.endpoint])).to.deep.equal([
        ['network', 'createBooking'],
      ]);
      expect(JSON.stringify(errors[0]!.detail)).not.to.match(/Ana|example\.org/);
      await expectCalm(el);

      failing = false;
      await send(el);
      expect(textOf($(el, '[part=manage] h3'))).to.equal('Your request is sent');
      expect(keys.length, 'retried').to.be.greaterThan(1);
      expect(new Set(keys).size, 'one key for every try').to.equal(1);
      expect(keys[0]).to.match(UUID);
      expect(await store.bookings()).to.have.length(1);
    });

    it('a double click and ten quick submits send one request; ten concurrent replays book once', async () => {
      const posts: { key: string; body: string }[] = [];
      worker.use(
        http.post('/api/bookings', async ({ request }) => {
          posts.push({
            key: request.headers.get('Idempotency-Key')!,
            body: await request.clone().text(),
          });
          await delay(300);
          return undefined;
        }),
      );
      const el = await render({ 'supporter-id': SAM });
      await walk(el, 'review');
      const sendButton = button(el, 'Send request');
      sendButton.click();
      sendButton.click();
      await el.updateComplete;
      expect(textOf(sendButton)).to.equal('Sending your request…');
      expect(sendButton.disabled).to.be.true;
      const form = $<HTMLFormElement>(el, 'form')!;
      for (let n = 0; n < 10; n++) form.requestSubmit();
      await until(() => $(el, '[part=manage]'));
      expect(posts).to.have.length(1);
      expect(await store.bookings()).to.have.length(1);

      // The same request ten times at once, as ten tabs or a proxy's retries would send it.
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          fetch('/api/bookings', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': posts[0]!.key },
            body: posts[0]!.body,
          }).then(async (r) => ({ status: r.status, id: ((await r.json()) as { id: string }).id })),
        ),
      );
      expect(new Set(answers.map((a) => a.id))).to.deep.equal(
        new Set([(await store.bookings())[0]!.id]),
      );
      expect(await store.bookings()).to.have.length(1);
    });

    it('a malformed answer to the request: a clear message and peer-error, never a broken step', async () => {
      worker.use(...scenarioHandlers('malformed', { only: ['createBooking'] }));
      const el = await render({ 'supporter-id': SAM });
      const errors = collect(el, 'peer-error');
      await walk(el, 'review');
      await send(el);
      expect(fieldErrors(el)).to.deep.equal([
        `We received information we could not read. Please try again later. ${SEND_AGAIN}`,
      ]);
      expect(errors.map((e) => [e.detail.kind, e.detail.endpoint])).to.deep.equal([
        ['validation', 'createBooking'],
      ]);
      expect(summary(el)['About you']).to.equal('Ana Test | ana.test@example.org');
      await expectCalm(el);
    });

    it('malformed open times: the time step says so, with Try again', async () => {
      worker.use(...scenarioHandlers('malformed', { only: ['listSlots'] }));
      const el = await render({ 'supporter-id': SAM });
      const errors = collect(el, 'peer-error');
      await at(el, TITLES.time);
      await until(() => $(el, '[part=error]'));
      expect(textOf($(el, '[part=error] p'))).to.equal(
        'We received information we could not read. Please try again later.',
      );
      expect(errors.map((e) => e.detail.kind)).to.include('validation');
      await expectCalm(el);
      worker.resetHandlers();
      await click(el, 'Try again');
      await until(() => slotButtons(el).length);
    });

    it('the program cannot be loaded: an error with Try again, the crisis line, then the flow', async () => {
      worker.use(...scenarioHandlers('error', { only: ['getProgram'] }));
      const el = await render({ 'supporter-id': ROSA });
      const errors = collect(el, 'peer-error');
      await until(() => $(el, '[part=error]'), 8000);
      expect(textOf($(el, '[part=error] p'))).to.equal(
        'Something went wrong while loading. Please try again.',
      );
      expect(errors.length, 'a peer-error').to.be.greaterThan(0);
      await expectCalm(el);
      worker.resetHandlers();
      await click(el, 'Try again');
      await at(el, TITLES.session);
    });
  });

  describe('11b. edge cases of programs and codes', () => {
    it('a gift code on a program that takes no gift cards is ignored: never asked about, never sent', async () => {
      await backend(openAllDay(programVariants.free));
      const posts = recordBookingPosts();
      const lookups: string[] = [];
      worker.use(
        http.post('/api/gift-cards/lookup', ({ request }) => {
          lookups.push(request.url);
          return undefined;
        }),
      );
      const el = await render({ 'supporter-id': SAM, 'gift-code': 'GIFT-DEMO-2026-0003' });
      await walk(el, 'review', { inRange: 'Yes' });
      expect(summary(el)['Price']).to.equal('Free to you: paid by Your campus');
      await send(el);
      expect(textOf($(el, '[part=manage] h3'))).to.equal('Your request is sent');
      expect(posts[0]!.body.payment).to.deep.equal({ kind: 'free' });
      expect(lookups).to.deep.equal([]);
    });

    it('an age limit with one bound is said as such', async () => {
      const { maxAge: _max, ...eligibility } = referenceProgram.eligibility;
      await backend(
        openAllDay({ ...referenceProgram, eligibility: { ...eligibility, minAge: 18 } }),
      );
      const el = await render({ 'supporter-id': SAM });
      await walk(el, 'eligibility');
      await selectOption(el, 'state', 'CA');
      await fill(el, 'age', '16');
      await next(el);
      expect(textOf($(el, '[part=ineligible]'))).to.contain(
        'This program is for people aged 18 or older.',
      );
      await click(el, 'Change my answers');
      await fill(el, 'age', '150');
      await next(el);
      expect(fieldErrors(el)).to.deep.equal([
        'Enter your age in years, as a number, for example 24.',
      ]);
    });

    it('the times of another length never stay on screen while the new ones load', async () => {
      const el = await render({ 'supporter-id': ROSA });
      await walk(el, 'time', { length: '60 minutes' });
      await until(() => slotButtons(el).length);
      worker.use(
        http.get('/api/supporters/:id/slots', async () => {
          await delay(400);
          return undefined;
        }),
      );
      await click(el, 'Back');
      await click(el, choice(el, '30 minutes'));
      await next(el);
      expect(slotButtons(el), 'the 60-minute times are gone').to.have.length(0);
      expect(screen(el)).to.contain('Loading open times…');
      await until(() => slotButtons(el).length);
    });

    it('US dollars in Spanish read as a US reader expects: $45', async () => {
      const el = await render({ 'supporter-id': SAM, lang: 'es' });
      await walk(el, 'price');
      await until(() => screen(el).includes('(sugerido)'));
      expect(screen(el)).to.contain('$45 (sugerido)');
      expect(screen(el)).not.to.contain('US$');
    });
  });

  describe('12. events and privacy', () => {
    it('events carry ids and times only; nothing personal in storage, cookies or the address', async () => {
      const page = location.href;
      const kept = () =>
        JSON.stringify({
          local: { ...localStorage },
          session: { ...sessionStorage },
          cookies: document.cookie,
        });
      const before = kept();
      const events: Event[] = [];
      const types = [
        'peer-booking-requested',
        'peer-payment-required',
        'peer-booking-cancelled',
        'peer-booking-rescheduled',
        'peer-error',
      ];
      const note = (e: Event) => events.push(e);
      for (const type of types) document.addEventListener(type, note);
      try {
        const el = await render({ 'supporter-id': ROSA });
        await walk(el, 'about');
        await fill(el, 'name', 'Ana Test');
        await fill(el, 'email', 'ana.test@example.org');
        await fill(el, 'pronouns', 'she/her');
        await fill(el, 'note', 'Exams and sleep, mostly.');
        await walk(el, 'review', { state: 'WA', age: '27' });
        await send(el);
        await click(el, 'Cancel session');
        await click(el, 'Yes, cancel the session');
        await until(() => events.some((e) => e.type === 'peer-booking-cancelled'));
      } finally {
        for (const type of types) document.removeEventListener(type, note);
      }
      expect(events.map((e) => e.type)).to.deep.equal([
        'peer-booking-requested',
        'peer-payment-required',
        'peer-booking-cancelled',
      ]);
      for (const event of events) {
        const detail = JSON.stringify((event as CustomEvent).detail);
        expect(detail).not.to.match(/Ana|ana\.test@|she\/her|Exams|"age"|"state"|"WA"/);
        expect(event.bubbles && event.composed, `${event.type} bubbles out`).to.be.true;
      }
      expect(kept(), 'storage and cookies untouched').to.equal(before);
      expect(location.href, 'the address untouched').to.equal(page);
    });
  });

  describe('13. accessible in every step and state, in English and Spanish, at 320 px', () => {
    const spanish: Partial<Answers> = {
      supporter: 'Rosa Díaz (she/her)',
      length: '60 minutos',
      modality: 'Videollamada',
      inRange: 'Sí',
    };
    const HEADINGS = {
      en: [
        'Step 1 of 8: Who would you like to talk with?',
        'Step 2 of 8: What kind of session?',
        'Step 3 of 8: Choose a time',
        'Step 4 of 8: Can this program serve you?',
        'Step 4 of 8: Can this program serve you?',
        'Step 5 of 8: About you',
        'Step 5 of 8: About you',
        'Step 6 of 8: Before you book',
        'Step 7 of 8: Price',
        'Step 8 of 8: Check and send your request',
        'Your request is sent',
        'Your request is sent',
        'Your session',
      ],
      es: [
        'Paso 1 de 8: ¿Con quién te gustaría hablar?',
        'Paso 2 de 8: ¿Qué tipo de sesión?',
        'Paso 3 de 8: Elige un horario',
        'Paso 4 de 8: ¿Puede atenderte este programa?',
        'Paso 4 de 8: ¿Puede atenderte este programa?',
        'Paso 5 de 8: Sobre ti',
        'Paso 5 de 8: Sobre ti',
        'Paso 6 de 8: Antes de reservar',
        'Paso 7 de 8: Precio',
        'Paso 8 de 8: Revisa y envía tu solicitud',
        'Tu solicitud fue enviada',
        'Tu solicitud fue enviada',
        'Tu sesión',
      ],
    };

    for (const lang of ['en', 'es'] as const) {
      it(`every step and state passes axe, with 988 and 911 in view (${lang})`, async function () {
        this.timeout(40_000);
        const answers = { ...ana, ...(lang === 'es' ? spanish : {}) };
        const el = await render(lang === 'es' ? { lang } : {});
        const seen: string[] = [];
        const check = async () => {
          seen.push(heading(el));
          await expectCalm(el);
        };
        await until(() => $(el, 'input[name=supporterId]'));
        // Spanish is imported on first use: English (never a blank) until it is there.
        await until(() => heading(el).startsWith(lang === 'es' ? 'Paso' : 'Step'));
        await check();
        await answerStep(el, answers);
        await check();
        await answerStep(el, answers);
        await until(() => slotButtons(el).length);
        await check();
        await answerStep(el, answers);
        await check();
        // The kind refusal, then the questions again.
        await selectOption(el, 'state', 'other');
        await fill(el, 'age', '17');
        await next(el);
        expect($(el, '[part=ineligible]')).to.exist;
        await check();
        await click(el, $<HTMLButtonElement>(el, '[part=ineligible] button')!);
        await answerStep(el, answers);
        await check();
        // Every problem shown.
        await next(el);
        expect(fieldErrors(el)).to.have.length(2);
        await check();
        for (let n = 0; n < 3; n++) {
          await answerStep(el, answers);
          await check();
        }
        await send(el);
        await until(() => !screen(el).includes(lang === 'es' ? 'tu compañero' : 'your supporter'));
        await check();
        await click(el, $<HTMLButtonElement>(el, '.actions button:last-child')!);
        await check();
        await click(el, $<HTMLButtonElement>(el, '[part=confirm-cancel] button.primary')!);
        await until(async () => (await store.bookings())[0]?.status === 'cancelled');
        await until(() => heading(el) !== HEADINGS[lang][11]);
        await check();
        expect(seen).to.deep.equal(HEADINGS[lang]);
      });
    }

    it('the manage view in Spanish: the status, the deadline in the seeker’s zone', async () => {
      const slot = await samAfter(72);
      const created = await bookInStore(slot);
      await store.confirmBooking(created.id);
      const el = await render({
        'booking-id': created.id,
        'manage-token': created.manageToken,
        lang: 'es',
      });
      await until(() => textOf($(el, '[part=status]')) === 'Confirmada con Sam Okafor.');
      expect(screen(el)).to.contain(
        `Puedes cancelar o cambiar el horario sin costo hasta el ${deadlineText(created.freeCancellationUntil, 'UTC', 'es')}.`,
      );
      expect(textOf($(el, '[part=calendar]'))).to.equal('Agregar al calendario');
      expect(hasButton(el, 'Cancelar la sesión')).to.be.true;
      await expectCalm(el);
    });

    describe('in forced colours', () => {
      before(() => emulateMedia({ forcedColors: 'active' } as never));
      after(() => emulateMedia({ forcedColors: 'none' } as never));

      it('the open step, the fields in error and every button keep a visible edge', async () => {
        expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
        const el = await render({ 'supporter-id': SAM });
        await walk(el, 'about');
        await next(el);
        const width = (node: Element | null | undefined, side: string) =>
          parseFloat(getComputedStyle(node!).getPropertyValue(`border-${side}-width`));
        expect(width($(el, '[aria-current=step]'), 'bottom'), 'the open step').to.be.at.least(3);
        const invalid = $$(el, 'input[aria-invalid=true]');
        expect(invalid.length).to.be.at.least(2);
        for (const input of invalid)
          expect(width(input, 'top'), 'a field in error').to.be.at.least(2);
        for (const b of $$(el, 'button').filter(
          (b) => isShown(b) && !b.classList.contains('link'),
        )) {
          expect(width(b, 'top'), `button "${textOf(b)}"`).to.be.at.least(1);
        }
        await expectCalm(el);
      });
    });

    /** Nothing in the element reaches past the viewport's right edge: no sideways scrolling. */
    function expectFits(el: Element, what: string) {
      const width = document.documentElement.clientWidth;
      expect(
        document.documentElement.scrollWidth,
        `${what}: the page scrolls sideways`,
      ).to.be.at.most(width);
      const wide = $$(el, '*')
        .filter((node) => isShown(node) && !node.closest('.vh'))
        .filter((node) => node.getBoundingClientRect().right > width + 0.5)
        .map((node) => describeNode(node));
      expect(wide, `${what}: past the right edge`).to.deep.equal([]);
    }

    for (const lang of ['en', 'es'] as const) {
      it(`at 320 px wide nothing scrolls sideways: the time, the review, the result (${lang})`, async () => {
        await setViewport({ width: 320, height: 640 });
        const el = await render({ 'supporter-id': ROSA, ...(lang === 'es' ? { lang } : {}) });
        await walk(el, 'time', lang === 'es' ? spanish : {});
        await until(() => slotButtons(el).length);
        expectFits(el, 'time');
        await walk(el, 'review', lang === 'es' ? spanish : {});
        expectFits(el, 'review');
        await send(el);
        expectFits(el, 'result');
        await expect(el).to.be.accessible();
      });
    }
  });
});
