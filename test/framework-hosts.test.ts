/**
 * The framework host pages (demo/react.html, a React 19 app; demo/vue.html, a Vue 3 app), built
 * with Vite as a partner's app is (web-test-runner.config.mjs builds them on first request), each
 * in an iframe running its own in-page mock backend. A person finds a supporter in the directory,
 * chooses one of their open times, and books it through to the request's confirmation; the test
 * reads what the host page shows it heard, and checks the props reached the elements as properties.
 */
import { aTimeout, expect } from '@open-wc/testing';
import { isShown } from './support/crisis.js';
import { until } from './support/until.js';
import { BOOKING_TITLES, type BookingStep } from './support/booking-fixtures.js';

interface Directory extends HTMLElement {
  pageSize: number;
  apiBase?: string;
}
interface Booking extends HTMLElement {
  supporterId?: string;
  slotStart?: string;
  updateComplete: Promise<boolean>;
}

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

async function open(page: string): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.src = page;
  frame.width = '1024';
  frame.height = '900';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return frame.contentDocument!;
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...root(el).querySelectorAll<T>(selector),
];

/** What the host page lists under "What this … app hears". */
const heard = (doc: Document) =>
  [...doc.querySelectorAll('#host-events li')].map((li) => norm(li.textContent));

/** The open step's heading of the booking, e.g. "Step 3 of 6: About you". */
const heading = (booking: Element) => norm($(booking, '#step-title')?.textContent);

const TITLES = BOOKING_TITLES;
type Step = BookingStep;
const stepNow = (booking: Element): Step | undefined =>
  (Object.keys(TITLES) as Step[]).find((step) => heading(booking).endsWith(`: ${TITLES[step]}`));

async function settle(booking: Booking): Promise<void> {
  await booking.updateComplete;
  await aTimeout(0);
  await booking.updateComplete;
}

/** The radio or checkbox whose label reads `label`, else the first of its group. */
function choice(booking: Element, name: string, label?: string): HTMLInputElement | undefined {
  const found = $$<HTMLLabelElement>(booking, 'label').find((l) => norm(l.textContent) === label);
  const byLabel = found && $<HTMLInputElement>(booking, `#${CSS.escape(found.htmlFor)}`);
  return byLabel ?? $<HTMLInputElement>(booking, `input[name=${name}]`) ?? undefined;
}

async function fill(booking: Booking, name: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(booking, `[name=${name}]`);
  if (!input) return;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await settle(booking);
}

/** Answers the open step as a seeker in California would, and continues. */
async function answer(booking: Booking): Promise<void> {
  const step = stepNow(booking);
  switch (step) {
    case 'session':
      choice(booking, 'lengthMinutes')?.click();
      choice(booking, 'modality')?.click();
      break;
    case 'time': {
      const slot = await until(() => $<HTMLButtonElement>(booking, '[part~=slot]'), 6000);
      if (!$(booking, '[part~=slot-selected]')) slot.click();
      break;
    }
    case 'eligibility': {
      const state = $<HTMLSelectElement>(booking, 'select[name=state]');
      if (state) {
        state.value = 'CA';
        state.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      }
      await fill(booking, 'age', '24');
      choice(booking, 'ageInRange', 'Yes')?.click();
      break;
    }
    case 'about':
      // Typed into the element's own form: the host page never hears them (test below).
      await fill(booking, 'name', 'Ana Host');
      await fill(booking, 'email', 'ana.host@example.org');
      break;
    case 'policies':
      for (const name of ['notTherapy', 'privacy', 'cancellation']) {
        const box = $<HTMLInputElement>(booking, `[name=${name}]`);
        if (box && !box.checked) box.click();
      }
      break;
    case 'price':
    case 'review':
      break;
    default:
      throw new Error(`not on a step: ${norm(root(booking).textContent).slice(0, 300)}`);
  }
  await settle(booking);
  const before = heading(booking);
  $<HTMLButtonElement>(booking, 'form button[type=submit]')!.click();
  await until(() => heading(booking) !== before, 8000).catch(() => {
    const errors = $$(booking, '[part=field-error]').map((e) => norm(e.textContent));
    throw new Error(`"${before}" did not go on: ${errors.join(' | ')}`);
  });
}

for (const [name, page] of [
  ['React 19 host page, with the tags', '/demo-build/demo/react.html'],
  ['React 19 host page, with the @lit/react components', '/demo-build/demo/react.html?components'],
  ['Vue 3 host page', '/demo-build/demo/vue.html'],
] as const) {
  describe(`the ${name} (${page.replace('/demo-build/', '')})`, () => {
    it('finds, chooses and books a supporter, and shows every peer-* event it heard', async function () {
      // The first request builds both pages with Vite.
      this.timeout(90_000);
      const doc = await open(page);
      const directory = await until(() => doc.querySelector<Directory>('peer-directory'), 30_000);
      const booking = doc.querySelector<Booking>('peer-booking')!;

      // Find: the props reached the defined elements as properties, not as attributes.
      const cards = () => $$(directory, 'article');
      await until(() => cards().length > 0, 10_000);
      expect(directory.pageSize, 'pageSize, a number property').to.equal(3);
      expect(directory.hasAttribute('pagesize'), 'no lower-cased attribute').to.be.false;
      expect(directory.apiBase).to.equal('/api');
      expect(cards().length, 'three cards, as pageSize={3} asks').to.equal(3);
      expect(heard(doc)).to.deep.equal([]);

      // Choose: one supporter's next open time.
      const slot = await until(() =>
        cards()
          .map((card) => card.querySelector<HTMLButtonElement>('button.slot'))
          .find((button) => button && isShown(button)),
      );
      slot.click();
      const selected = await until(() => heard(doc)[0]);
      const [, supporterId, slotStart] =
        /^peer-supporter-selected: (\S+) at (\S+)$/.exec(selected) ?? [];
      expect(selected, 'the host heard the choice').to.match(/^peer-supporter-selected: /);
      // The host passed the choice on as properties.
      await until(() => booking.supporterId === supporterId);
      expect(booking.slotStart).to.equal(slotStart);

      // Book: every step the booking asks, then the request's confirmation.
      await until(() => stepNow(booking), 8000);
      expect(
        stepNow(booking),
        'the booking starts past the choice the host passed',
      ).not.to.be.oneOf(['supporter', 'time']);
      for (let n = 0; stepNow(booking); n++) {
        if (n > 10) throw new Error(`still at "${heading(booking)}"`);
        await answer(booking);
      }
      await until(() => $(booking, '[part=manage]'), 10_000);
      const lines = await until(() => {
        const all = heard(doc);
        return all.some((line) => line.startsWith('peer-booking-requested: ')) && all;
      }, 8000);
      const requested = lines.find((line) => line.startsWith('peer-booking-requested: '))!;
      expect(requested).to.match(
        new RegExp(`^peer-booking-requested: \\S+ requested ${slotStart}$`),
      );
      const bookingId = requested.split(' ')[1];
      // Payment was asked for that booking, and the host kept the seeker on the page.
      expect(lines).to.include(`peer-payment-required: ${bookingId}`);
      expect(doc.defaultView!.location.href).to.equal(new URL(page, location.href).href);
      expect(
        lines.filter((line) => line.startsWith('peer-error')),
        'no peer-error',
      ).to.deep.equal([]);
      // Events carry ids and times, never what the seeker typed.
      expect(lines.join(' ')).not.to.include('Ana');
      expect(lines.join(' ')).not.to.include('example.org');
      expect(norm(root(booking).textContent)).to.include('Your request is sent');
    });
  });
}
