/**
 * QUALITY S1 (issue 10): every element through its main flow on a page served with the README's
 * Content-Security-Policy header, exactly as a partner copies it (the wtr middleware `partnerCsp`
 * reads it from the README), loading the one script tag from dist/cdn (`npm test` builds first).
 * Find, filter and choose a supporter; book through every step to the request sent; cancel from
 * the manage view; buy a gift card; open the recipient's link and book with the gift. Each walk
 * records zero `securitypolicyviolation` events, and the crisis line (988 by call and text, 911)
 * is on screen in every element at every stage (C1).
 *
 * The page's API and photos are on other origins (`https://api.example.edu`,
 * `https://photos.example.edu`, the README's example origins), so `connect-src` and `img-src`
 * are really exercised: the mock backend's service worker, started here at the root scope,
 * answers the frame's requests to both, and nothing leaves the machine.
 */
import { expect } from '@open-wc/testing';
import type { ReactiveElement } from 'lit';
import { startMockBackend } from '../src/mocks/browser.js';
import { createMockStore } from '../src/mocks/store.js';
import { body, BOOKING_TITLES, type BookingStep } from './support/booking-fixtures.js';
import { expectCrisisLine, isShown } from './support/crisis.js';
import { $, $$, fieldErrors, heading, settle, status, textOf } from './support/keyboard.js';
import { until } from './support/until.js';

const API = 'https://api.example.edu/peer';
const PHOTOS = 'https://photos.example.edu';
const GIFT = 'GIFT-DEMO-2026-0003';

const { store } = await startMockBackend({
  quiet: true,
  baseUrl: API,
  store: createMockStore({ origin: PHOTOS }),
});

// ---------------------------------------------------------------------------------------------
// The partner's page, in a frame of this (unrestricted) test page, driven through its DOM.

/** One of our elements, upgraded in the frame. */
type Widget = ReactiveElement;
interface PartnerWindow extends Window {
  cspViolations: string[];
  checkouts: { checkoutUrl: string }[];
}
interface PartnerPage {
  frame: HTMLIFrameElement;
  win: PartnerWindow;
  banner: Element;
  directory: Widget;
  booking: Widget;
  gift: Widget;
}

async function load(src: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.src = src;
  frame.width = '1000';
  frame.height = '800';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame;
}

async function openPartnerPage(query = ''): Promise<PartnerPage> {
  const probe = await fetch('/dist/cdn/peer-support-widgets.js', { method: 'HEAD' });
  expect(probe.ok, 'dist/cdn/peer-support-widgets.js exists: run npm run build first').to.be.true;
  const frame = await load(`/test/csp/flows.html${query}`);
  const doc = frame.contentDocument!;
  const one = (tag: string) => doc.querySelector(tag) as Widget;
  const page: PartnerPage = {
    frame,
    win: frame.contentWindow as PartnerWindow,
    banner: one('crisis-banner'),
    directory: one('peer-directory'),
    booking: one('peer-booking'),
    gift: one('gift-card-purchase'),
  };
  // Every tag is defined lazily by the loader, from files under the same policy.
  await until(
    () => page.directory.shadowRoot && page.booking.shadowRoot && page.gift.shadowRoot,
    8000,
  ).catch(() => {
    throw new Error(`the elements did not start: ${page.win.cspViolations.join(' | ')}`);
  });
  return page;
}

/** C1 in every element of the page, at `stage`. */
function expectCrisisEverywhere(page: PartnerPage, stage: string): void {
  const elements: [string, Element][] = [
    ['<crisis-banner>', page.banner],
    ['<peer-directory>', page.directory],
    ['<peer-booking>', page.booking],
    ['<gift-card-purchase>', page.gift],
  ];
  for (const [name, el] of elements) {
    try {
      expectCrisisLine(el);
    } catch (error) {
      throw new Error(`${name} ${stage}: ${(error as Error).message}`, { cause: error });
    }
  }
}

function expectNoViolations(page: PartnerPage): void {
  expect(page.win.cspViolations, 'securitypolicyviolation events').to.deep.equal([]);
}

// ---------------------------------------------------------------------------------------------
// What a person does, on nodes of the frame (another realm: compared by name, never instanceof).

/** The visible button whose text (or aria-label) is `label`. */
function button(el: Element, label: string): HTMLButtonElement {
  const found = $$<HTMLButtonElement>(el, 'button').find(
    (b) => (textOf(b) === label || b.getAttribute('aria-label') === label) && isShown(b),
  );
  if (!found) throw new Error(`no visible button "${label}" in ${el.localName}`);
  return found;
}

async function click(el: Widget, target: HTMLElement | string): Promise<void> {
  (typeof target === 'string' ? button(el, target) : target).click();
  await settle(el);
}

/** Types into a field as a person does: the whole value, then input and change. */
async function fill(el: Widget, selector: string, value: string): Promise<void> {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(el, selector);
  if (!input) throw new Error(`no field ${selector} in ${el.localName}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await settle(el);
}

/** Chooses the option of a select whose value is `value`. */
async function select(el: Widget, selector: string, value: string): Promise<void> {
  const control = $<HTMLSelectElement>(el, selector);
  if (!control) throw new Error(`no select ${selector} in ${el.localName}`);
  control.value = value;
  expect(control.value, `${selector} offers ${value}`).to.equal(value);
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await settle(el);
}

/** The radio or checkbox whose label reads `label`. */
function choice(el: Element, label: string): HTMLInputElement | undefined {
  const found = $$<HTMLLabelElement>(el, 'label').find((l) => textOf(l) === label);
  return (found && $<HTMLInputElement>(el, `#${CSS.escape(found.htmlFor)}`)) ?? undefined;
}

/** A select of the directory's filter form, found by its label. */
const filter = (directory: Element, label: string) =>
  $$<HTMLLabelElement>(directory, '[part=filters] label').find(
    (l) => textOf(l.querySelector('span')) === label,
  )!;

const cards = (directory: Element) => $$(directory, '[part~=card]');

// ---------------------------------------------------------------------------------------------
// <peer-booking>, step by step.

const TITLES = BOOKING_TITLES;
type Step = BookingStep;
const stepOf = (el: Element) =>
  (Object.keys(TITLES) as Step[]).find((s) => heading(el).endsWith(`: ${TITLES[s]}`));

/** Answers the open step (what it asks, with `state` and 60 minutes) and presses Continue. */
async function answerStep(page: PartnerPage, state: string): Promise<Step> {
  const el = page.booking;
  const step = stepOf(el);
  switch (step) {
    case 'session': {
      const sixty = choice(el, '60 minutes');
      if (sixty) await click(el, sixty);
      const modality = $<HTMLInputElement>(el, 'input[name=modality]');
      if (modality) await click(el, modality);
      break;
    }
    case 'time':
      await until(() => $$(el, '[part~=slot]').length > 0, 6000);
      await click(el, $<HTMLButtonElement>(el, '[part~=slot]')!);
      expect($(el, '[part~=slot-selected]'), 'a time is chosen').to.exist;
      break;
    case 'eligibility':
      await select(el, 'select[name=state]', state);
      if ($(el, 'input[name=age]')) await fill(el, 'input[name=age]', '24');
      break;
    case 'about':
      await fill(el, 'input[name=name]', 'Ana Strict');
      await fill(el, 'input[name=email]', 'ana.strict@example.org');
      break;
    case 'policies':
      for (const name of ['notTherapy', 'privacy', 'cancellation']) {
        await click(el, $<HTMLInputElement>(el, `input[name=${name}]`)!);
      }
      break;
    case 'price':
    case 'review':
      break;
    default:
      throw new Error(`not on a step: "${heading(el)}"`);
  }
  expectCrisisEverywhere(page, `on the booking's "${step}" step`);
  if (step === 'review') return step;
  const before = heading(el);
  await click(el, $<HTMLButtonElement>(el, 'form button[type=submit]')!);
  await until(() => heading(el) !== before).catch(() => {
    throw new Error(`"${before}" did not go on: ${fieldErrors(el).join(' | ') || 'no error'}`);
  });
  await settle(el);
  return step;
}

/** Answers every step until `target` is open; returns the steps answered. */
async function walkTo(page: PartnerPage, target: Step, state: string): Promise<Step[]> {
  const seen: Step[] = [];
  await until(() => stepOf(page.booking));
  while (stepOf(page.booking) !== target) {
    if (seen.length > 8) throw new Error(`never reached ${target}: ${seen.join(', ')}`);
    seen.push(await answerStep(page, state));
  }
  return seen;
}

/** Filters the directory by `label` = `value` and waits for the count the store gives. */
async function filterBy(
  page: PartnerPage,
  label: string,
  value: string,
  expected: number,
): Promise<void> {
  const { directory } = page;
  const control = filter(directory, label).querySelector('select')!;
  control.value = value;
  expect(control.value, `"${label}" offers ${value}`).to.equal(value);
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  const said = expected === 1 ? '1 supporter matches.' : `${expected} supporters match.`;
  await until(() => status(directory) === said, 6000).catch(() => {
    throw new Error(`expected "${said}", the directory says "${status(directory)}"`);
  });
}

// ---------------------------------------------------------------------------------------------

describe('every element under the README’s Content-Security-Policy header (S1)', function () {
  this.timeout(30_000);
  let page: PartnerPage | undefined;
  afterEach(() => {
    page?.frame.remove();
    page = undefined;
  });

  it('serves the README’s policy as a header, which blocks and reports what it must', async () => {
    const readme = await (await fetch('/README.md')).text();
    const line = readme.match(/^Content-Security-Policy: (.+)$/m);
    expect(line, 'the README gives the header').to.exist;
    const policy = line![1]!.trim();
    const served = await fetch('/test/csp/flows.html');
    expect(served.headers.get('Content-Security-Policy')).to.equal(policy);
    // The origins this file's backend answers on are the README's.
    expect(policy).to.contain(`connect-src ${new URL(API).origin}`);
    expect(policy).to.contain(`img-src ${PHOTOS}`);

    // The control page, under the same header: a string for a script URL (Trusted Types), an
    // inline script and an inline style attribute, each blocked and heard by the recorder.
    const control = await fetch('/test/csp/control.html');
    expect(control.headers.get('Content-Security-Policy')).to.equal(policy);
    const frame = await load('/test/csp/control.html');
    try {
      const win = frame.contentWindow as PartnerWindow & {
        inlineScriptRan?: boolean;
        trustedTypesBlocked?: boolean;
      };
      await until(() => win.cspViolations.length >= 3);
      expect(win.trustedTypesBlocked, 'the script URL string was refused').to.be.true;
      expect(win.inlineScriptRan, 'the inline script was blocked').to.be.undefined;
      const directives = win.cspViolations.map((v) => v.split(':')[0]).sort();
      expect(directives).to.deep.equal([
        'require-trusted-types-for',
        'script-src-elem',
        'style-src-attr',
      ]);
    } finally {
      frame.remove();
    }
  });

  it('find, filter, choose, book through every step, and cancel, with zero violations', async () => {
    page = await openPartnerPage();
    const { directory, booking, gift } = page;
    const all = body(await store.listSupporters()).total;
    await until(() => cards(directory).length > 0, 8000);
    await until(() => status(directory) === `${all} supporters match.`, 4000);
    await until(() => $(gift, '#step-title'));
    expectCrisisEverywhere(page, 'once loaded');

    // Photos come from the photo origin that img-src allows, and load.
    const photo = await until(
      () => $$<HTMLImageElement>(directory, 'img').find((img) => img.naturalWidth > 0),
      6000,
    );
    expect(photo.currentSrc.startsWith(`${PHOTOS}/`), photo.currentSrc).to.be.true;

    await filterBy(page, 'State', 'OR', body(await store.listSupporters({ states: ['OR'] })).total);
    for (const card of cards(directory)) expect(textOf(card)).to.match(/Serves: [A-Z, ]*\bOR\b/);
    expectCrisisEverywhere(page, 'filtered');

    // A profile, then Choose: the booking in the same provider skips its own chooser.
    const first = cards(directory)[0]!;
    const name = textOf(first.querySelector('h3'));
    await click(directory, button(directory, 'View profile'));
    await until(() => $(directory, 'peer-supporter-profile')?.shadowRoot?.textContent?.trim());
    await click(directory, button(directory, `Choose ${name}`));
    await until(() => stepOf(booking), 6000);
    expectCrisisEverywhere(page, 'after Choose');

    const steps = await walkTo(page, 'review', 'OR');
    expect(steps).to.include.members(['time', 'eligibility', 'about', 'policies', 'price']);
    expect(textOf($(booking, '[part=summary]'))).to.contain(name);
    await answerStep(page, 'OR');

    await click(booking, 'Send request');
    await until(() => $(booking, '[part=manage]'), 8000);
    await until(() => heading(booking) === 'Your request is sent');
    expect(page.win.checkouts, 'the host page took the checkout').to.have.length(1);
    expect(page.win.location.pathname, 'still on the page').to.equal('/test/csp/flows.html');
    expectCrisisEverywhere(page, 'after sending');

    await click(booking, 'Cancel session');
    expectCrisisEverywhere(page, 'asked to confirm the cancellation');
    await click(booking, 'Yes, cancel the session');
    await until(() => textOf($(booking, '[part=status]')).startsWith('Your session is cancelled'));
    expect((await store.bookings()).at(-1)!.status).to.equal('cancelled');
    expectCrisisEverywhere(page, 'after cancelling');
    expectNoViolations(page);
  });

  it('buys a gift card in four steps and sends it, with zero violations', async () => {
    page = await openPartnerPage();
    const { gift } = page;
    await until(() => $(gift, '#step-title'), 6000);
    const giftHeading = () => textOf($(gift, '#step-title'));
    expect(giftHeading()).to.equal('Step 1 of 4: How many sessions would you like to give?');
    expectCrisisEverywhere(page, 'on the gift’s first step');
    await click(gift, $<HTMLInputElement>(gift, '#choice-3')!);
    await click(gift, $<HTMLInputElement>(gift, '#lengthMinutes-60')!);
    expect(textOf($(gift, '[part=total]'))).to.contain('$135');
    await click(gift, $<HTMLButtonElement>(gift, 'button[type=submit]')!);

    expect(giftHeading()).to.equal('Step 2 of 4: Who is this gift for?');
    expectCrisisEverywhere(page, 'on the gift’s second step');
    await fill(gift, '[name=purchaserName]', 'Ana Buyer');
    await fill(gift, '[name=purchaserEmail]', 'ana@example.org');
    await fill(gift, '[name=recipientName]', 'Bo Friend');
    await fill(gift, '[name=recipientEmail]', 'bo@example.org');
    await click(gift, $<HTMLButtonElement>(gift, 'button[type=submit]')!);

    expect(giftHeading()).to.equal('Step 3 of 4: Add a message and choose when it arrives');
    expectCrisisEverywhere(page, 'on the gift’s third step');
    await fill(gift, '[name=message]', 'Thinking of you');
    await click(gift, $<HTMLButtonElement>(gift, 'button[type=submit]')!);

    expect(giftHeading()).to.equal('Step 4 of 4: Check and send your gift');
    expectCrisisEverywhere(page, 'on the gift’s review');
    await click(gift, 'Send gift');
    await until(() => $(gift, '[part=confirmation]'), 8000);
    expect(textOf($(gift, '[part=confirmation]'))).to.contain('Thank you: your gift is on its way');
    expect(page.win.checkouts, 'the host page took the checkout').to.have.length(1);
    expect(page.win.location.pathname, 'still on the page').to.equal('/test/csp/flows.html');
    expectCrisisEverywhere(page, 'after sending the gift');
    expectNoViolations(page);
  });

  it('works beside the host’s own Lit, whose Trusted Types policy has the same name', async () => {
    const frame = await load('/test/csp/own-lit.html');
    try {
      const win = frame.contentWindow as PartnerWindow;
      const directory = frame.contentDocument!.querySelector('peer-directory')!;
      await until(() => directory.shadowRoot && cards(directory).length > 0, 8000).catch(() => {
        throw new Error(`the directory did not start: ${win.cspViolations.join(' | ')}`);
      });
      expectCrisisLine(directory);
      expect(win.cspViolations, 'securitypolicyviolation events').to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('redeems a gift from the recipient’s link: the note, the covered price, the booking', async () => {
    page = await openPartnerPage(`?gift=${GIFT}`);
    const { directory, booking } = page;
    // The provider took the code out of the address at once.
    expect(page.win.location.search).to.equal('');
    const note = () => textOf($(directory, '.gift-note'));
    await until(() => note().startsWith('Your gift: 3'), 8000);
    expect(note()).to.equal('Your gift: 3 sessions of 60 minutes, booked free with any supporter.');
    expectCrisisEverywhere(page, 'with the gift’s note');

    await filterBy(
      page,
      'Session length',
      '60',
      body(await store.listSupporters({ lengthMinutes: 60 })).total,
    );
    const card = cards(directory)[0]!;
    const name = textOf(card.querySelector('h3'));
    const state = /Serves: ([A-Z]{2})/.exec(textOf(card))![1]!;
    await click(directory, button(directory, `Choose ${name}`));
    await until(() => stepOf(booking), 6000);
    await walkTo(page, 'price', state);
    await until(() => $(booking, '[part=gift]'), 6000);
    expect(textOf($(booking, '[part=gift]'))).to.equal(
      'Your gift covers this session: nothing to pay. The card has 3 sessions left, this one included.',
    );
    await walkTo(page, 'review', state);
    expect(textOf($(booking, '[part=summary]'))).to.contain('Covered by your gift');
    await answerStep(page, state);
    await click(booking, 'Send request');
    await until(() => $(booking, '[part=manage]'), 8000);
    expect(page.win.checkouts, 'nothing to pay').to.deep.equal([]);
    expect((await store.bookings()).at(-1)!.payment).to.deep.include({ kind: 'gift-card' });
    await until(() => note().startsWith('Your gift: 2'), 6000);
    expect(note()).to.equal('Your gift: 2 sessions of 60 minutes, booked free with any supporter.');
    expectCrisisEverywhere(page, 'after booking with the gift');
    expectNoViolations(page);
  });
});
