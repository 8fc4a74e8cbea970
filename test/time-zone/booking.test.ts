import { aTimeout, expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { http } from 'msw';
import { PeerBooking } from '../../src/elements/peer-booking/peer-booking.js';
import type { BookingRequest } from '../../src/api/booking-schemas.js';
import { startMockBackend } from '../../src/mocks/browser.js';
import { createMockStore, type MockStore } from '../../src/mocks/store.js';
import { createSeedSupporters, referenceProgram } from '../../src/mocks/data.js';
import { until } from '../support/until.js';

/**
 * R6 for booking, from the seeker's side: this file runs in a browser whose zone is
 * America/New_York. The supporter works 9 to 5 Pacific, weekdays; the store's clock is the Friday
 * before a US change (2026-03-08 to daylight time, 2026-11-01 back to standard time), so the times
 * offered span it. Every label must be Eastern and right on both sides, and the request must carry
 * the exact instant offered.
 */

const SAM = 'sup-sam';
const supporter = {
  ...createSeedSupporters(1)[0]!,
  id: SAM,
  name: 'Sam Okafor',
  states: ['CA', 'OR', 'WA'],
  sessionLengths: [60 as const],
  modalities: ['video' as const],
  schedule: {
    timeZone: 'America/Los_Angeles',
    weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '17:00' })),
  },
};

/** Records its checkout navigation instead of leaving the page. */
class ZoneBooking extends PeerBooking {
  readonly navigations: string[] = [];
  protected override navigate(url: string): void {
    this.navigations.push(url);
  }
}
ZoneBooking.define('zone-booking');
declare global {
  interface HTMLElementTagNameMap {
    'zone-booking': ZoneBooking;
  }
}

const { worker } = await startMockBackend({ quiet: true });
let store: MockStore;

afterEach(() => {
  worker.resetHandlers();
  fixtureCleanup();
});

const root = (el: Element) => el.shadowRoot!;
const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const heading = (el: Element) => norm(root(el).querySelector('#step-title')?.textContent);
const slots = (el: Element) => [...root(el).querySelectorAll<HTMLButtonElement>('[part~=slot]')];

async function settle(el: PeerBooking): Promise<void> {
  await el.updateComplete;
  await aTimeout(0);
  await el.updateComplete;
}

async function next(el: PeerBooking, title: string): Promise<void> {
  root(el).querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
  await until(() => heading(el).endsWith(title));
  await settle(el);
}

async function fill(el: PeerBooking, name: string, value: string): Promise<void> {
  const control = root(el).querySelector<HTMLInputElement | HTMLSelectElement>(`[name=${name}]`)!;
  control.value = value;
  control.dispatchEvent(new Event(control.localName === 'select' ? 'change' : 'input'));
  await settle(el);
}

/** The day button of the time step whose (read) name starts with `day`, e.g. "Monday, March 9". */
function dayButton(el: Element, day: string): HTMLButtonElement {
  const found = [...root(el).querySelectorAll<HTMLButtonElement>('[part~=day]')].find((b) =>
    norm(b.textContent).startsWith(`${day},`),
  );
  if (!found) throw new Error(`no day button for ${day}`);
  return found;
}

/** The times shown for `day`: what a person reads, and what they hear. */
async function timesOn(el: PeerBooking, day: string) {
  dayButton(el, day).click();
  await settle(el);
  return {
    shown: slots(el).map((b) => norm(b.textContent)),
    first: slots(el)[0]!.getAttribute('aria-label'),
  };
}

/** From the open time step to the review, with the least answers. */
async function answerTheRest(el: PeerBooking): Promise<void> {
  await next(el, 'Can this program serve you?');
  await fill(el, 'state', 'CA');
  await fill(el, 'age', '24');
  await next(el, 'About you');
  await fill(el, 'name', 'Ana Test');
  await fill(el, 'email', 'ana.test@example.org');
  await next(el, 'Before you book');
  for (const box of root(el).querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
    box.click();
  }
  await settle(el);
  await next(el, 'Price');
  await next(el, 'Check and send your request');
}

const summaryTime = (el: Element) =>
  norm(
    [...root(el).querySelectorAll('[part=summary] .row')]
      .find((row) => norm(row.querySelector('dt')?.textContent) === 'Time')
      ?.querySelector('dd .line')?.textContent,
  );

const changes = [
  {
    name: 'to daylight time (Sunday 2026-03-08)',
    now: '2026-03-06T08:00:00-08:00',
    before: {
      day: 'Friday, March 6',
      shown: ['1:00 PM', '2:00 PM', '3:00 PM', '4:00 PM', '5:00 PM', '6:00 PM', '7:00 PM'],
      first: 'Friday, March 6 at 1:00 PM – 2:00 PM Eastern Time',
    },
    after: {
      day: 'Monday, March 9',
      shown: [
        '12:00 PM',
        '1:00 PM',
        '2:00 PM',
        '3:00 PM',
        '4:00 PM',
        '5:00 PM',
        '6:00 PM',
        '7:00 PM',
      ],
      first: 'Monday, March 9 at 12:00 PM – 1:00 PM Eastern Time',
      offered: '2026-03-09T09:00:00-07:00',
      deadline: 'Sunday, March 8 at 12:00 PM Eastern Daylight Time',
    },
  },
  {
    name: 'back to standard time (Sunday 2026-11-01)',
    now: '2026-10-30T08:00:00-07:00',
    before: {
      day: 'Friday, October 30',
      shown: ['1:00 PM', '2:00 PM', '3:00 PM', '4:00 PM', '5:00 PM', '6:00 PM', '7:00 PM'],
      first: 'Friday, October 30 at 1:00 PM – 2:00 PM Eastern Time',
    },
    after: {
      day: 'Monday, November 2',
      shown: [
        '12:00 PM',
        '1:00 PM',
        '2:00 PM',
        '3:00 PM',
        '4:00 PM',
        '5:00 PM',
        '6:00 PM',
        '7:00 PM',
      ],
      first: 'Monday, November 2 at 12:00 PM – 1:00 PM Eastern Time',
      offered: '2026-11-02T09:00:00-08:00',
      deadline: 'Sunday, November 1 at 12:00 PM Eastern Standard Time',
    },
  },
];

describe('<peer-booking> in the seeker’s zone (America/New_York), across a DST change', function () {
  this.timeout(20_000);

  it('runs in the emulated zone', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('America/New_York');
  });

  for (const change of changes) {
    it(`${change.name}: Pacific times shown in Eastern on both sides; the request carries the instant offered`, async () => {
      store = createMockStore({
        program: referenceProgram,
        supporters: [supporter],
        now: () => new Date(change.now),
      });
      await startMockBackend({ quiet: true, store });
      const posts: BookingRequest[] = [];
      worker.use(
        http.post('/api/bookings', async ({ request }) => {
          posts.push((await request.clone().json()) as BookingRequest);
          return undefined;
        }),
      );
      const el = await fixture<ZoneBooking>(
        html`<zone-booking api-base="/api" supporter-id=${SAM}></zone-booking>`,
      );
      await until(() => slots(el).length);
      await settle(el);
      expect(heading(el)).to.equal('Step 1 of 6: Choose a time');
      expect(norm(root(el).querySelector('.times-in')?.textContent)).to.equal(
        'Times are shown in Eastern Time.',
      );
      expect(root(el).querySelector<HTMLSelectElement>('[part~=time-zone]')!.value).to.equal(
        'America/New_York',
      );

      const before = await timesOn(el, change.before.day);
      expect(before).to.deep.equal({ shown: change.before.shown, first: change.before.first });
      const after = await timesOn(el, change.after.day);
      expect(after).to.deep.equal({ shown: change.after.shown, first: change.after.first });

      slots(el)[0]!.click();
      await settle(el);
      await answerTheRest(el);
      expect(summaryTime(el)).to.equal(change.after.first);
      root(el).querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
      await until(() => root(el).querySelector('[part=manage]'));
      await settle(el);

      const offered = (await store.bookings())[0]!.start;
      expect(offered).to.equal(change.after.offered);
      expect(posts).to.have.length(1);
      expect(posts[0]!.slotStart, 'the instant offered, as offered').to.equal(change.after.offered);
      expect(posts[0]!.timeZone).to.equal('America/New_York');

      // The free-cancellation deadline, exact and in the seeker's zone (the day of the change).
      const cancel = [...root(el).querySelectorAll<HTMLButtonElement>('button')].find(
        (b) => norm(b.textContent) === 'Cancel session',
      )!;
      cancel.click();
      await settle(el);
      expect(norm(root(el).querySelector('[part=confirm-cancel] p')?.textContent)).to.equal(
        `Free cancellation ended ${change.after.deadline}. If you cancel now, the full fee of $45 is due.`,
      );
    });
  }
});
