/**
 * End to end (issue 11): the demo's pages, built as a partner ships a page, served with the
 * README's Content-Security-Policy header, on the reference server (PGlite in a temp folder), and
 * driven by Playwright in Debian's Chromium as a seeker would: filter the directory, choose a
 * supporter, book, see the request, have the supporter accept it (the demo's supporter side, over
 * the admin route), open the booking from its link and see it confirmed, cancel inside and outside
 * the free window on the server's clock; buy a gift card, follow the recipient's link, book at
 * price 0, use the gift up. At every step 988 (call and text) and 911 are on screen, and the page
 * records no `securitypolicyviolation`.
 *
 * The manage link a real backend emails is read from the booking's answer (the one place the
 * token is given), as the seeker would read it from the email.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Locator, type Page, type Response } from 'playwright';
import { chromiumArgs, executablePath } from '../chromium.mjs';
import { BOOKING_TITLES, type BookingStep } from '../support/booking-fixtures.js';
import { startDemo, type RunningDemo } from './demo-server.js';

let demo: RunningDemo;
let browser: Browser;

before(
  async () => {
    demo = await startDemo();
    browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  },
  { timeout: 240_000 },
);
after(async () => {
  await browser?.close();
  await demo?.stop();
});

interface Seeker {
  page: Page;
  violations: () => Promise<string[]>;
}

async function open(path: string): Promise<Seeker> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  // Before any of the page's scripts: the recorder the CSP walk also uses.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective}: ${event.blockedURI || 'inline'}`);
    });
  });
  await page.goto(`${demo.origin}${path}`);
  return {
    page,
    violations: () =>
      page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  };
}

/**
 * C1, literally: links to call 988, text 988 and call 911, rendered, at least 44 px square, and
 * inside the viewport (the docked banner keeps them there whatever the page scrolled to).
 */
/**
 * Which of the crisis links is not in view, run in the page. A string, not a function: the
 * TypeScript loader names inner functions with a helper the page does not have.
 */
const CRISIS_NOT_IN_VIEW = `(() => {
  const links = [];
  const visit = (node) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.localName === 'a') links.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  const inView = (a) => {
    const r = a.getBoundingClientRect();
    return a.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
      r.width >= 44 && r.height >= 44 && r.top >= 0 && r.left >= 0 &&
      r.bottom <= innerHeight && r.right <= innerWidth;
  };
  return ['tel:988', 'sms:988', 'tel:911'].filter(
    (href) => !links.some((a) => a.getAttribute('href') === href && inView(a)),
  );
})()`;

/**
 * C1, literally: links to call 988, text 988 and call 911, rendered, at least 44 px square, and
 * inside the viewport (the docked banner keeps them there whatever the page scrolled to).
 */
async function expectCrisisInView(page: Page, stage: string): Promise<void> {
  // A moment to settle: an element re-rendering, the banner upgrading on arrival.
  await page
    .waitForFunction(`${CRISIS_NOT_IN_VIEW}.length === 0`, null, { timeout: 5000 })
    .catch(() => {});
  const missing = await page.evaluate<string[]>(CRISIS_NOT_IN_VIEW);
  assert.deepEqual(missing, [], `crisis links not in view ${stage}`);
}

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').trim();

// ---------------------------------------------------------------------------------------------
// <peer-booking>, step by step, by its headings.

const TITLES = BOOKING_TITLES;
type Step = BookingStep;

async function stepOf(booking: Locator): Promise<Step | undefined> {
  const title = await text(booking.locator('#step-title'));
  return (Object.keys(TITLES) as Step[]).find((s) => title.endsWith(`: ${TITLES[s]}`));
}

/** Answers each step (60 minutes, the first time, `state`, age 24) up to `target`. */
async function walkTo(page: Page, target: Step, state: string): Promise<Step[]> {
  const booking = page.locator('peer-booking');
  const seen: Step[] = [];
  await booking.locator('#step-title').waitFor();
  for (;;) {
    const step = await stepOf(booking);
    assert.ok(step, `on a step: "${await text(booking.locator('#step-title'))}"`);
    if (step === target) return seen;
    assert.ok(seen.length < 8, `never reached ${target}: ${seen.join(', ')}`);
    switch (step) {
      case 'session': {
        const sixty = booking.getByLabel('60 minutes', { exact: true });
        if (await sixty.count()) await sixty.check();
        const modality = booking.locator('input[name=modality]').first();
        if (await modality.count()) await modality.check();
        break;
      }
      case 'time':
        await booking.locator('[part~=slot]').first().click();
        await booking.locator('[part~=slot-selected]').waitFor();
        break;
      case 'eligibility':
        await booking.locator('select[name=state]').selectOption(state);
        if (await booking.locator('input[name=age]').count()) {
          await booking.locator('input[name=age]').fill('24');
        }
        break;
      case 'about':
        await booking.locator('input[name=name]').fill('Ana Seeker');
        await booking.locator('input[name=email]').fill('ana.seeker@example.org');
        break;
      case 'policies':
        for (const name of ['notTherapy', 'privacy', 'cancellation']) {
          await booking.locator(`input[name=${name}]`).check();
        }
        break;
      default:
        break;
    }
    await expectCrisisInView(page, `on the booking's "${step}" step`);
    const title = await text(booking.locator('#step-title'));
    await booking.locator('form button[type=submit]').click();
    await page.waitForFunction(
      (before) =>
        document
          .querySelector('peer-booking')
          ?.shadowRoot?.querySelector('#step-title')
          ?.textContent?.trim() !== before,
      title,
    );
    seen.push(step);
  }
}

interface Created {
  id: string;
  start: string;
  manageToken: string;
  payment: { kind: string; amount: { amount: number } };
}

/** Sends the request from the review step; the answer as the seeker's email would carry it. */
async function send(page: Page): Promise<Created> {
  const booking = page.locator('peer-booking');
  const answered = page.waitForResponse(
    (r: Response) =>
      r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/bookings',
  );
  await booking.getByRole('button', { name: 'Send request' }).click();
  const response = await answered;
  assert.equal(response.status(), 201, await response.text());
  await booking.locator('[part=manage]').waitFor();
  assert.equal(await text(booking.locator('#step-title')), 'Your request is sent');
  return (await response.json()) as Created;
}

/** Chooses a supporter serving `state`, from the directory filtered by it, through a profile. */
async function chooseSupporter(page: Page, state: string): Promise<string> {
  const directory = page.locator('peer-directory');
  await directory.locator('[part~=card]').first().waitFor();
  const all = await text(directory.locator('[role=status]').first());
  await directory
    .locator('[part=filters] label', { hasText: 'State' })
    .locator('select')
    .selectOption(state);
  // The count of the filtered list, once it is in (a "Loading…" comes between).
  await page.waitForFunction((before) => {
    const said = document
      .querySelector('peer-directory')
      ?.shadowRoot?.querySelector('[role=status]')
      ?.textContent?.trim();
    return said !== before && / match\.$/.test(said ?? '');
  }, all);
  assert.match(await text(directory.locator('[role=status]').first()), /supporters? match/);
  const card = directory.locator('[part~=card]').first();
  assert.match(await text(card), new RegExp(`Serves: [A-Z, ]*\\b${state}\\b`));
  const name = await text(card.locator('h3'));
  await expectCrisisInView(page, 'with the directory filtered');
  await card.getByRole('button', { name: 'View profile' }).click();
  await directory.getByRole('button', { name: `Choose ${name}`, exact: true }).click();
  await page.locator('peer-booking').locator('#step-title').waitFor();
  return name;
}

/** Opens the booking's link (the one the backend emails) in a new tab: its manage view. */
async function manage(created: Created): Promise<{ seeker: Seeker; view: Locator }> {
  const seeker = await open(
    `/demo/directory.html#booking=${created.id}&token=${created.manageToken}`,
  );
  const view = seeker.page.locator('peer-booking');
  await view.locator('[part=status]').waitFor();
  return { seeker, view };
}

// ---------------------------------------------------------------------------------------------

describe('the demo on the reference server, as a seeker uses it', { timeout: 300_000 }, () => {
  it('filter, choose, book; accepted by the supporter; confirmed; cancelled inside and outside the window', async () => {
    await demo.admin('POST', '/reset');
    const seeker = await open('/demo/directory.html');
    const { page } = seeker;
    await expectCrisisInView(page, 'on arrival');

    const name = await chooseSupporter(page, 'OR');
    const steps = await walkTo(page, 'review', 'OR');
    assert.ok(steps.includes('time') && steps.includes('about'), steps.join(', '));
    assert.match(
      await text(page.locator('peer-booking').locator('[part=summary]')),
      new RegExp(name),
    );
    await expectCrisisInView(page, 'on the review');
    const first = await send(page);
    await expectCrisisInView(page, 'with the request sent');
    const booking = page.locator('peer-booking');
    assert.equal(await text(booking.locator('[part=status]')), `Waiting for ${name} to accept.`);

    // The supporter accepts, on the demo's supporter side (the admin route).
    await page.getByRole('button', { name: 'Accept the request' }).click();
    await page.locator('#supporter-result', { hasText: 'confirmed' }).waitFor();
    await expectCrisisInView(page, 'with the request accepted');

    // The seeker opens the booking's link: confirmed, with the video link.
    let { seeker: tab, view } = await manage(first);
    assert.equal(await text(view.locator('[part=status]')), `Confirmed with ${name}.`);
    assert.equal(new URL(tab.page.url()).hash, '', 'the token is out of the address');
    assert.equal(await view.getByRole('link', { name: 'Join the video session' }).count(), 1);
    await expectCrisisInView(tab.page, 'on the confirmed booking');

    // Three days before the start, on the server's clock: cancelling is free.
    const start = Date.parse(first.start);
    await demo.admin('POST', '/clock', { now: new Date(start - 3 * 24 * 3600_000).toISOString() });
    await view.getByRole('button', { name: 'Cancel session' }).click();
    await expectCrisisInView(tab.page, 'asked to confirm the cancellation');
    await view.getByRole('button', { name: 'Yes, cancel the session' }).click();
    await view.locator('[part=status]', { hasText: 'Your session is cancelled' }).waitFor();
    const free = await text(view.locator('[part=status]'));
    assert.match(
      free,
      /^Your session is cancelled(\. Nothing is charged\.| and \$[\d.]+ will be refunded\.)$/,
    );
    await expectCrisisInView(tab.page, 'cancelled inside the window');
    assert.deepEqual(await tab.violations(), [], 'securitypolicyviolation events (manage view)');
    await tab.page.context().close();

    // Book again, then an hour before the start on the server's clock: the fee stands.
    await page.goto(`${demo.origin}/demo/directory.html`);
    await chooseSupporter(page, 'OR');
    await walkTo(page, 'review', 'OR');
    const second = await send(page);
    await demo.admin('POST', '/clock', {
      now: new Date(Date.parse(second.start) - 3600_000).toISOString(),
    });
    ({ seeker: tab, view } = await manage(second));
    await view.getByRole('button', { name: 'Cancel session' }).click();
    await view.getByRole('button', { name: 'Yes, cancel the session' }).click();
    await view.locator('[part=status]', { hasText: 'Your session is cancelled' }).waitFor();
    const late = await text(view.locator('[part=status]'));
    assert.match(
      late,
      /^Your session is cancelled\. (The full fee of \$[\d.]+ is due|As it was late, your payment is not refunded)\.$/,
    );
    await expectCrisisInView(tab.page, 'cancelled outside the window');
    assert.deepEqual(await tab.violations(), [], 'securitypolicyviolation events (manage view)');
    await tab.page.context().close();

    const { bookings } = (await demo.admin('GET', '/bookings')) as {
      bookings: { id: string; status: string; cancellation?: { withinFreeWindow: boolean } }[];
    };
    const outcome = (id: string) =>
      bookings.find((b) => b.id === id)?.cancellation?.withinFreeWindow;
    assert.equal(outcome(first.id), true);
    assert.equal(outcome(second.id), false);
    await demo.admin('POST', '/clock', { now: null });
    assert.deepEqual(await seeker.violations(), [], 'securitypolicyviolation events');
    await page.context().close();
  });

  it('buy a gift card, follow the recipient’s link, book at price 0 until the gift is used up', async () => {
    await demo.admin('POST', '/reset');
    const buyer = await open('/demo/gift.html');
    const gift = buyer.page.locator('gift-card-purchase').first();
    const title = () => text(gift.locator('#step-title'));
    await gift.locator('#step-title').waitFor();
    assert.equal(await title(), 'Step 1 of 4: How many sessions would you like to give?');
    await expectCrisisInView(buyer.page, 'on the gift’s first step');
    await gift.locator('#choice-1').check();
    await gift.locator('#lengthMinutes-60').check();
    await gift.locator('button[type=submit]').click();
    assert.equal(await title(), 'Step 2 of 4: Who is this gift for?');
    await gift.locator('[name=purchaserName]').fill('Ana Buyer');
    await gift.locator('[name=purchaserEmail]').fill('ana@example.org');
    await gift.locator('[name=recipientName]').fill('Bo Friend');
    await gift.locator('[name=recipientEmail]').fill('bo@example.org');
    await gift.locator('button[type=submit]').click();
    assert.equal(await title(), 'Step 3 of 4: Add a message and choose when it arrives');
    await gift.locator('button[type=submit]').click();
    assert.equal(await title(), 'Step 4 of 4: Check and send your gift');
    await expectCrisisInView(buyer.page, 'on the gift’s review');
    await gift.getByRole('button', { name: 'Send gift' }).click();
    await gift.locator('[part=confirmation]').waitFor();
    await expectCrisisInView(buyer.page, 'with the gift sent');

    // The demo skips the checkout (the admin route marks it paid) and shows the emailed link.
    const link = buyer.page.locator('#gift-link a');
    await link.waitFor();
    const href = (await link.getAttribute('href'))!;
    assert.match(href, /directory\.html\?gift=[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    assert.deepEqual(await buyer.violations(), [], 'securitypolicyviolation events (gift page)');

    // The recipient follows it.
    const recipient = await open(`/demo/${href.replace(/^\.\//, '')}`);
    const { page } = recipient;
    const directory = page.locator('peer-directory');
    const note = directory.locator('.gift-note');
    await directory.locator('.gift-note', { hasText: 'Your gift:' }).waitFor();
    assert.equal(
      await text(note),
      'Your gift: 1 session of 60 minutes, booked free with any supporter.',
    );
    assert.equal(new URL(page.url()).search, '', 'the code is out of the address');
    await expectCrisisInView(page, 'with the gift’s note');

    await chooseSupporter(page, 'CA');
    await walkTo(page, 'price', 'CA');
    const booking = page.locator('peer-booking');
    await booking.locator('[part=gift]').waitFor();
    assert.match(
      await text(booking.locator('[part=gift]')),
      /^Your gift covers this session: nothing to pay\./,
    );
    await expectCrisisInView(page, 'with the gift covering the price');
    await walkTo(page, 'review', 'CA');
    assert.match(await text(booking.locator('[part=summary]')), /Covered by your gift/);
    const created = await send(page);
    assert.equal(created.payment.kind, 'gift-card');
    assert.equal(created.payment.amount.amount, 0);
    await expectCrisisInView(page, 'with the gift booking sent');

    // The one session is used: the note says so.
    await directory.locator('.gift-note', { hasNotText: 'Your gift: 1 session' }).waitFor();
    assert.doesNotMatch(await text(note), /booked free/);
    await expectCrisisInView(page, 'with the gift used up');
    assert.deepEqual(await recipient.violations(), [], 'securitypolicyviolation events');
    await page.context().close();
  });
});
