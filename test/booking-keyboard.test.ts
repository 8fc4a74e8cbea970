/**
 * QUALITY A2 (issue 8): <peer-booking> with the keyboard alone. Focus starts on a button of the
 * page before the element and enters it with a real Tab; from there every answer is given with
 * `sendKeys` only (Tab, Shift+Tab, arrows, Space, Enter, typing): no click, no `.value`, no
 * dispatched event. A control that Tab cannot reach, a radio group or a select that the arrows
 * cannot answer, a Continue that does not put focus on the next step's heading, each fails here.
 *
 * The store is fresh per test and open every hour of every day; Lee (every day, 30 or 60 minutes,
 * video, phone or messaging, California only) is the supporter, so that the chooser, both radio
 * groups of the session step and a day other than the first all exist whatever the weekday.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { http } from 'msw';
import { PeerBooking } from '../src/elements/peer-booking/peer-booking.js';
import type { BookingRequest, CreatedBooking } from '../src/api/booking-schemas.js';
import type { SessionLength, Slot } from '../src/api/schemas.js';
import { startMockBackend } from '../src/mocks/browser.js';
import { createMockStore, type MockStore } from '../src/mocks/store.js';
import { until } from './support/until.js';
import {
  $,
  $$,
  at,
  checkedLabel,
  continueTo,
  expectFits,
  expectFocus,
  expectHeadingFocused,
  expectInView,
  focused,
  heading,
  isButton,
  matches,
  press,
  settle,
  status,
  tabTo,
  textOf,
  type,
  where,
  renderAfterButton,
  cleanUp,
} from './support/keyboard.js';
import {
  LEE,
  body,
  otherSeekersRequest,
  reference,
  supporters,
  BOOKING_TITLES,
} from './support/booking-fixtures.js';

// ---------------------------------------------------------------------------------------------
// The backend: a fresh store per test, open every day and hour.

const program = reference;

const { worker } = await startMockBackend({ quiet: true });
let store: MockStore;

const HOUR = 3_600_000;

/** A booking of Lee's made straight in the store, at least `hoursAhead` hours from now. */
async function bookInStore(
  hoursAhead: number,
  lengthMinutes: SessionLength = 60,
): Promise<CreatedBooking> {
  const slot: Slot = body(await store.listSlots(LEE, { lengthMinutes })).slots.find(
    (s) => Date.parse(s.start) > Date.now() + hoursAhead * HOUR,
  )!;
  return body(await store.createBooking(otherSeekersRequest(slot), crypto.randomUUID()));
}

/** What was POSTed to /api/bookings (the store still answers). */
function recordBookingPosts(): BookingRequest[] {
  const posts: BookingRequest[] = [];
  worker.use(
    http.post('/api/bookings', async ({ request }) => {
      posts.push((await request.clone().json()) as BookingRequest);
      return undefined;
    }),
  );
  return posts;
}

// ---------------------------------------------------------------------------------------------
// The element, after a focusable button of the page.

/** Records its checkout navigation instead of leaving the page. */
class KeyboardBooking extends PeerBooking {
  readonly navigations: string[] = [];
  protected override navigate(url: string): void {
    this.navigations.push(url);
  }
}
KeyboardBooking.define('keyboard-booking');
declare global {
  interface HTMLElementTagNameMap {
    'keyboard-booking': KeyboardBooking;
  }
}

beforeEach(() => {
  store = createMockStore({ program, supporters });
  return startMockBackend({ quiet: true, store });
});

afterEach(async () => {
  worker.resetHandlers();
  await cleanUp();
});

const render = (attributes: Record<string, string> = {}): Promise<KeyboardBooking> =>
  renderAfterButton('keyboard-booking', attributes);

// ---------------------------------------------------------------------------------------------
// What a person sees, and where the focus is.

const slotButtons = (el: Element) => $$<HTMLButtonElement>(el, '[part~=slot]');

const TITLES = BOOKING_TITLES;

/** The review's summary: label → its lines. */
function summary(el: Element): Record<string, string> {
  const rows: Record<string, string> = {};
  for (const row of $$(el, '[part=summary] .row')) {
    const lines = [...row.querySelectorAll('dd .line')].map((l) => textOf(l));
    rows[textOf(row.querySelector('dt'))] = lines.join(' | ');
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The steps, each answered with keys only.

const NAME = 'Ana Keyboard';
const EMAIL = 'ana.keys@example.org';

/** From the page's button: Tab into the element, then to the chooser; arrows choose Lee. */
async function chooseLee(el: KeyboardBooking): Promise<void> {
  await at(el, TITLES.supporter);
  await until(() => $(el, 'input[name=supporterId]'));
  await press(el, 'Tab');
  expect(focused(el), `the first Tab from the page enters the element: ${where(el)}`).to.exist;
  const radios = $$<HTMLInputElement>(el, 'input[name=supporterId]');
  const label = (input: HTMLInputElement) => textOf($(el, `label[for=${input.id}]`));
  const first = (await tabTo(
    el,
    matches('input[name=supporterId]'),
    'the supporter choice',
  )) as HTMLInputElement;
  expectFocus(el, radios[0], 'Tab into the chooser');
  expect(first.checked, 'Tab alone chooses nobody').to.be.false;
  // ArrowDown moves to the next supporter and chooses them, round the group, until Lee.
  for (let n = 1; checkedLabel(el, 'supporterId') !== 'Lee Chen'; n++) {
    if (n > radios.length) throw new Error('the arrows never chose Lee Chen');
    await press(el, 'ArrowDown');
    const now = radios[n % radios.length]!;
    expectFocus(el, now, `ArrowDown ${n}`);
    expect(checkedLabel(el, 'supporterId'), `ArrowDown ${n}`).to.equal(label(now));
  }
  await continueTo(el, TITLES.session);
}

/** 60 minutes and a phone call, with the arrows in each radio group. */
async function chooseSession(el: KeyboardBooking): Promise<void> {
  const length = await tabTo(el, matches('input[name=lengthMinutes]'), 'the length');
  expect(textOf($(el, `label[for=${length.id}]`))).to.equal('30 minutes');
  await press(el, 'ArrowDown');
  expect(checkedLabel(el, 'lengthMinutes')).to.equal('60 minutes');
  // Tab leaves the group for the next one (one stop per radio group).
  await press(el, 'Tab');
  expect(focused(el)?.getAttribute('name'), 'Tab goes on to the next group').to.equal('modality');
  await press(el, 'ArrowDown');
  expect(checkedLabel(el, 'modality')).to.equal('Phone call');
  await continueTo(el, TITLES.time);
}

/** Tab into the days, ArrowRight to the next day, Tab to its times, ArrowRight, Enter. */
async function chooseTime(el: KeyboardBooking): Promise<string> {
  await until(() => slotButtons(el).length > 1);
  const firstDay = await tabTo(el, matches('[part~=day]'), 'the days');
  expect(firstDay.getAttribute('aria-pressed')).to.equal('true');
  await press(el, 'ArrowRight');
  const day = focused(el);
  expect(day !== firstDay && !!day?.part.contains('day'), `ArrowRight moved to ${where(el)}`).to.be
    .true;
  expect(day!.getAttribute('aria-pressed'), 'the day moved to is chosen').to.equal('true');
  expect(firstDay.getAttribute('aria-pressed')).to.equal('false');
  await until(() => slotButtons(el).length > 1);
  await press(el, 'Tab');
  const first = focused(el);
  expect(first?.part.contains('slot'), `Tab goes from the day to its times: ${where(el)}`).to.be
    .true;
  await press(el, 'ArrowRight');
  const second = focused(el)!;
  expect(second !== first && second.part.contains('slot'), `ArrowRight: ${where(el)}`).to.be.true;
  await press(el, 'Enter');
  expect(second.getAttribute('aria-pressed'), 'Enter chose the time').to.equal('true');
  const label = second.getAttribute('aria-label')!;
  expect(status(el), 'said in the live region').to.equal(`Chosen: ${label}.`);
  await continueTo(el, TITLES.eligibility);
  return label;
}

/** The state with ArrowDown on the select, the age typed. */
async function answerEligibility(el: KeyboardBooking): Promise<void> {
  const state = await tabTo(el, matches('select[name=state]'), 'the state');
  await press(el, 'ArrowDown');
  expect((state as HTMLSelectElement).value, 'ArrowDown on the select').to.equal('CA');
  await tabTo(el, matches('input[name=age]'), 'the age', { max: 1 });
  await type(el, '24');
  await continueTo(el, TITLES.about);
}

/**
 * The name and the email typed; Enter in the email field sends the step's form (implicit
 * submission), as Continue does. Tab through the rest of this step is its own test below.
 */
async function answerAbout(el: KeyboardBooking): Promise<void> {
  await tabTo(el, matches('input[name=name]'), 'the name', { max: 1 });
  await type(el, NAME);
  await tabTo(el, matches('input[name=email]'), 'the email', { max: 1 });
  await type(el, EMAIL);
  await press(el, 'Enter');
  await at(el, TITLES.policies);
  await expectHeadingFocused(el, TITLES.policies);
}

/** Space on each of the three agreements. */
async function agree(el: KeyboardBooking): Promise<void> {
  for (const name of ['notTherapy', 'privacy', 'cancellation']) {
    const box = (await tabTo(el, matches(`input[name=${name}]`), name)) as HTMLInputElement;
    expect(box.checked, `${name} before Space`).to.be.false;
    await press(el, 'Space');
    expect(box.checked, `${name} after Space`).to.be.true;
  }
  await continueTo(el, TITLES.price);
}

/** The suggestion is preselected; Continue keeps it. */
async function keepPrice(el: KeyboardBooking): Promise<void> {
  const suggested = $$(el, '.presets button').find(
    (b) => b.getAttribute('aria-pressed') === 'true',
  );
  expect(textOf(suggested)).to.equal('$45 (suggested)');
  await continueTo(el, TITLES.review);
}

// ---------------------------------------------------------------------------------------------

describe('<peer-booking> with the keyboard alone (A2)', function () {
  this.timeout(15_000);

  it('books from the chooser to the request sent, focus on each step’s heading', async () => {
    const posts = recordBookingPosts();
    const el = await render();
    await chooseLee(el);
    await chooseSession(el);
    const time = await chooseTime(el);
    await answerEligibility(el);
    await answerAbout(el);
    await agree(el);
    await keepPrice(el);

    expect(summary(el)).to.deep.equal({
      Supporter: 'Lee Chen',
      Session: '60 minutes | Phone call',
      Time: time,
      'Where you live': 'California | Age 24',
      'About you': `${NAME} | ${EMAIL}`,
      Agreements: 'You agreed to each of them.',
      Price: '$45',
    });
    const send = await tabTo(el, isButton('Send request'), 'Send request');
    await press(el, 'Enter');
    await until(() => $(el, '[part=manage]'), 6000);
    await until(() => heading(el) === 'Your request is sent');
    await expectHeadingFocused(el, 'the result');
    expect(send.isConnected, 'the review is gone').to.be.false;

    expect(posts, 'one request').to.have.length(1);
    const sent = posts[0]!;
    expect(sent.seeker).to.deep.include({ name: NAME, email: EMAIL, state: 'CA', age: 24 });
    expect(sent).to.deep.include({ supporterId: LEE, lengthMinutes: 60, modality: 'phone' });
    expect(sent.payment).to.deep.equal({ kind: 'sliding-scale', amount: 4500 });
    const bookings = await store.bookings();
    expect(bookings, 'exactly one booking in the store').to.have.length(1);
    expect(bookings[0]!.start).to.equal(sent.slotStart);
    expect(bookings[0]!).to.deep.include({ supporterId: LEE, status: 'requested' });
  });

  it('About you: Tab and Shift+Tab pass the note’s crisis line without losing the focus', async () => {
    const el = await render({ 'supporter-id': LEE });
    await at(el, TITLES.session);
    await press(el, 'Tab');
    await chooseSession(el);
    await chooseTime(el);
    await answerEligibility(el);
    await tabTo(el, matches('input[name=name]'), 'the name', { max: 1 });
    await type(el, NAME);
    await tabTo(el, matches('input[name=email]'), 'the email', { max: 1 });
    await type(el, EMAIL);
    // Every stop of the step in order, each one keeping the focus after the element updates
    // (leaving a field marks it touched, which renders the step again). Found with this test:
    // the note's crisis line is a new node on each render (steps/about.ts), so the update after
    // leaving "pronouns" replaces the focused "Call 988" link and the focus falls to <body>.
    const stops = ['pronouns', 'Call 988', 'Text 988', 'Call 911', 'note', 'Back', 'Continue'];
    for (const stop of stops) {
      const node = await tabTo(
        el,
        (n) => n.id === stop || textOf(n) === stop,
        `"${stop}" right after the previous stop`,
        { max: 1 },
      );
      await settle(el);
      expectFocus(el, node, `"${stop}" after the update`);
    }
    for (const stop of [...stops].reverse().slice(1)) {
      await tabTo(el, (n) => n.id === stop || textOf(n) === stop, `"${stop}" going back`, {
        key: 'Shift+Tab',
        max: 1,
      });
    }
    await tabTo(el, isButton('Continue'), 'Continue');
    await press(el, 'Enter');
    await at(el, TITLES.policies);
    await expectHeadingFocused(el, TITLES.policies);
  });

  it('changes the time, then cancels, from the booking’s link', async () => {
    const created = await bookInStore(72);
    const el = await render({ 'booking-id': created.id, 'manage-token': created.manageToken });
    await until(() => heading(el) === 'Your session' && textOf($(el, '[part=status]')));

    await press(el, 'Tab');
    expect(focused(el), `the first Tab from the page enters the element: ${where(el)}`).to.exist;
    await tabTo(el, isButton('Change the time'), 'Change the time');
    await press(el, 'Enter');
    const title = $(el, '[part=reschedule] h4');
    expect(textOf(title)).to.equal('Choose a new time');
    await until(() => focused(el) === title, 2000).catch(() => undefined);
    expectFocus(el, title, 'Change the time');

    await until(() => slotButtons(el).length > 1);
    const firstDay = await tabTo(el, matches('[part~=day]'), 'the days');
    // A week later (the row below): still free to cancel afterwards.
    await press(el, 'ArrowDown');
    const day = focused(el);
    expect(day !== firstDay && !!day?.part.contains('day'), `ArrowDown: ${where(el)}`).to.be.true;
    expect(Number(day!.dataset['index']) - Number(firstDay.dataset['index'])).to.equal(7);
    expect(day!.getAttribute('aria-pressed'), 'the day moved to is chosen').to.equal('true');
    await until(() => slotButtons(el).length > 1);
    const slot = await tabTo(el, matches('[part~=slot]'), 'the times', { max: 1 });
    await press(el, 'ArrowDown');
    const chosen = focused(el)!;
    expect(chosen !== slot && chosen.part.contains('slot'), `ArrowDown: ${where(el)}`).to.be.true;
    await press(el, 'Enter');
    expect(chosen.getAttribute('aria-pressed'), 'Enter chose the time').to.equal('true');
    const label = chosen.getAttribute('aria-label')!;

    const move = await tabTo(el, isButton(/^Move my session to /), 'Move my session');
    expect(textOf(move)).to.equal(`Move my session to ${label}`);
    await press(el, 'Enter');
    await until(async () => (await store.bookings())[0]!.start !== created.start, 4000);
    await until(() => !$(el, '[part=reschedule]'));
    expect(status(el)).to.equal(
      `Your session is moved to ${label}. Your supporter will confirm the new time.`,
    );
    expect(textOf($(el, '[part=manage]'))).to.contain(`${label} · Video call`);
    expect((await store.bookings())[0]!.status).to.equal('requested');

    // On with Tab from wherever the focus went (its own test below): Cancel session.
    await tabTo(el, isButton('Cancel session'), 'Cancel session after the move', { max: 4 });
    await press(el, 'Enter');
    const yes = $$(el, '[part=confirm-cancel] button').find(isButton('Yes, cancel the session'));
    expect(yes, 'the confirmation').to.exist;
    expectFocus(el, yes, 'Cancel session');
    await press(el, 'Enter');
    await until(async () => (await store.bookings())[0]!.status === 'cancelled', 4000);
    await until(() => textOf($(el, '[part=status]')).startsWith('Your session is cancelled'));
    expect(textOf($(el, '[part=status]'))).to.equal(
      'Your session is cancelled. Nothing is charged.',
    );
    expect(await store.bookings(), 'the same one booking').to.have.length(1);
    expect((await store.bookings())[0]!.id).to.equal(created.id);
  });

  describe('the focus stays in the element when its control goes away', () => {
    // Found with these tests: the pressed button is removed when the answer comes, and nothing
    // takes the focus (manage-booking.ts), so it falls to <body>.

    /** A booking of Lee's three days ahead, shown from its link; Enter on `action`. */
    async function manage(action: 'Change the time' | 'Cancel session') {
      const created = await bookInStore(72);
      const el = await render({ 'booking-id': created.id, 'manage-token': created.manageToken });
      await until(() => heading(el) === 'Your session' && textOf($(el, '[part=status]')));
      await press(el, 'Tab');
      await tabTo(el, isButton(action), action);
      await press(el, 'Enter');
      return { el, created };
    }

    it('after "Move my session to …"', async () => {
      const { el, created } = await manage('Change the time');
      await until(() => slotButtons(el).length > 1);
      await tabTo(el, matches('[part~=day]'), 'the days');
      await press(el, 'ArrowDown');
      await tabTo(el, matches('[part~=slot]'), 'the times', { max: 1 });
      await press(el, 'Enter');
      await tabTo(el, isButton(/^Move my session to /), 'Move my session');
      await press(el, 'Enter');
      await until(async () => (await store.bookings())[0]!.start !== created.start, 4000);
      await until(() => !$(el, '[part=reschedule]'));
      await settle(el);
      expect(focused(el), `the focus after the move is ${where(el)}`).to.exist;
    });

    it('after "Yes, cancel the session"', async () => {
      const { el } = await manage('Cancel session');
      await press(el, 'Enter');
      await until(async () => (await store.bookings())[0]!.status === 'cancelled', 4000);
      await until(() => !$(el, '[part=confirm-cancel]'));
      await settle(el);
      expect(focused(el), `the focus after cancelling is ${where(el)}`).to.exist;
    });
  });

  it('at 200 % zoom (640 × 400 CSS px): the time and the review fit, Send is reached by Tab', async () => {
    await setViewport({ width: 640, height: 400 });
    const el = await render();
    await chooseLee(el);
    await chooseSession(el);
    await until(() => slotButtons(el).length > 1);
    expectFits(el, 'time');
    await chooseTime(el);
    await answerEligibility(el);
    await answerAbout(el);
    await agree(el);
    await keepPrice(el);
    expectFits(el, 'review');
    const send = await tabTo(el, isButton('Send request'), 'Send request');
    expectInView(el, send, 'Send request');
  });
});
