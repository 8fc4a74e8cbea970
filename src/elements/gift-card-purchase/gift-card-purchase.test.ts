/**
 * <gift-card-purchase> as a purchaser and a host page see it: the steps, what each asks and says,
 * what is sent, what comes back, and what survives Back and a failed send. Expected texts are the
 * literals a person reads (never imported from src/i18n).
 */
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import './define.js';
import { GiftCardPurchase } from './gift-card-purchase.js';
import type { Program } from '../../api/schemas.js';
import { startMockBackend } from '../../mocks/browser.js';
import { createMockStore, type MockStore } from '../../mocks/store.js';
import { referenceProgram } from '../../mocks/data.js';
import { expectCrisisLine } from '../../../test/support/crisis.js';
import { visibleText } from '../../../test/support/data-element-suite.js';
import { until } from '../../../test/support/until.js';

const program = {
  ...referenceProgram,
  currency: 'USD',
  sessionLengths: [30, 60],
  giftCards: { enabled: true, pricePerSession: 4500, maxSessions: 10, packages: [1, 3, 5] },
} as Program;

const { worker } = await startMockBackend({ quiet: true });
let store: MockStore;

async function backend(p: Program = program): Promise<MockStore> {
  store = createMockStore({ program: p });
  await startMockBackend({ quiet: true, store });
  return store;
}

interface Post {
  key: string | null;
  body: Record<string, unknown>;
}

/** Answers POST /gift-cards as contract 5.0 does, recording each request. */
function purchases(
  answer: (body: Record<string, unknown>) => Record<string, unknown> = () => ({}),
): Post[] {
  const posts: Post[] = [];
  const byKey = new Map<string, Record<string, unknown>>();
  worker.use(
    http.post('/api/gift-cards', async ({ request }) => {
      const key = request.headers.get('Idempotency-Key');
      const body = (await request.json()) as Record<string, unknown>;
      posts.push({ key, body });
      const made = byKey.get(key ?? '') ?? {
        id: `gc-${byKey.size + 1}`,
        status: 'issued',
        sessions: body.sessions,
        ...(body.lengthMinutes ? { lengthMinutes: body.lengthMinutes } : {}),
        total: { amount: 4500 * (body.sessions as number), currency: 'USD' },
        deliverOn: body.deliverOn ?? new Date().toISOString().slice(0, 10),
        ...answer(body),
      };
      byKey.set(key ?? '', made);
      return HttpResponse.json(made, { status: 201 });
    }),
  );
  return posts;
}

const root = (el: Element) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  root(el).querySelector<T>(selector);
const text = (el: Element) => visibleText(el);
const heading = (el: Element) => q(el, '#step-title')?.textContent?.replace(/\s+/g, ' ').trim();

async function mount(attrs = ''): Promise<GiftCardPurchase> {
  const el = await fixture<GiftCardPurchase>(
    attrs === 'balance'
      ? html`<gift-card-purchase api-base="/api" mode="balance"></gift-card-purchase>`
      : attrs === 'es'
        ? html`<gift-card-purchase api-base="/api" lang="es"></gift-card-purchase>`
        : html`<gift-card-purchase api-base="/api"></gift-card-purchase>`,
  );
  if (attrs !== 'balance') await until(() => q(el, '#step-title'));
  return el;
}

async function settle(el: GiftCardPurchase): Promise<void> {
  await el.updateComplete;
  await aTimeout(0);
  await el.updateComplete;
}

async function click(el: GiftCardPurchase, selector: string): Promise<void> {
  q(el, selector)!.click();
  await settle(el);
}

async function type(el: GiftCardPurchase, name: string, value: string): Promise<void> {
  const input = q<HTMLInputElement>(el, `[name=${name}]`)!;
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  input.blur();
  await settle(el);
}

const continueButton = (el: Element) => q<HTMLButtonElement>(el, 'button[type=submit]')!;
async function next(el: GiftCardPurchase): Promise<void> {
  continueButton(el).click();
  await settle(el);
}

/** Fills every step up to the review, for someone else, delivered today. */
async function toReview(el: GiftCardPurchase, forMe = false): Promise<void> {
  await click(el, '#choice-3');
  await click(el, '#lengthMinutes-60');
  await next(el);
  await type(el, 'purchaserName', 'Ana Buyer');
  await type(el, 'purchaserEmail', 'ana@example.org');
  if (forMe) await click(el, '#forMe');
  else {
    await type(el, 'recipientName', 'Bo Friend');
    await type(el, 'recipientEmail', 'bo@example.org');
  }
  await next(el);
  await type(el, 'message', 'Thinking of you');
  await next(el);
  expect(heading(el)).to.equal('Step 4 of 4: Check and send your gift');
}

function localDate(offsetDays: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return new Intl.DateTimeFormat('en-CA').format(d);
}

describe('<gift-card-purchase>', () => {
  beforeEach(() => backend());
  afterEach(() => worker.resetHandlers());

  it('a program without a gift price: the total follows the chosen length’s price, in the review and the request', async () => {
    // The reference program: sliding scale, $45 suggested for 60 minutes, $25 for 30.
    await backend(referenceProgram);
    const posts = purchases();
    const el = await mount();
    await click(el, '#choice-3');
    await click(el, '#lengthMinutes-30');
    expect(text(el)).to.contain('Total: $75');
    await click(el, '#lengthMinutes-60');
    expect(text(el)).to.contain('Total: $135');
    expect(text(el)).not.to.contain('Total: $75');
    await click(el, '#lengthMinutes-30');
    await next(el);
    await type(el, 'purchaserName', 'Ana Buyer');
    await type(el, 'purchaserEmail', 'ana@example.org');
    await click(el, '#forMe');
    await next(el);
    await next(el);
    expect(heading(el)).to.equal('Step 4 of 4: Check and send your gift');
    expect(text(el)).to.contain('$75');
    await next(el);
    await until(() => posts.length);
    expect(posts[0]!.body).to.deep.include({ sessions: 3, lengthMinutes: 30 });
  });

  it('walks from the sessions to the confirmation, saying what happens next', async () => {
    const posts = purchases();
    const el = await mount();
    await expect(el).to.be.accessible();
    expectCrisisLine(el);
    expect(heading(el)).to.equal('Step 1 of 4: How many sessions would you like to give?');
    expect(q(el, '[aria-current=step]')!.textContent).to.contain('1. Sessions');
    expect(text(el)).to.contain('1 session');
    expect(text(el)).to.contain('5 sessions');
    expect(text(el)).to.contain('Another number');
    expect(text(el)).to.contain('30 minutes');
    await click(el, '#choice-3');
    expect(text(el)).to.contain('Total: $135');
    await click(el, '#lengthMinutes-60');
    await next(el);
    expect(heading(el)).to.equal('Step 2 of 4: Who is this gift for?');
    expect(root(el).activeElement?.id).to.equal('step-title');
    expect(q(el, '[name=purchaserName]')!.getAttribute('autocomplete')).to.equal('name');
    expect(q(el, '[name=purchaserEmail]')!.getAttribute('autocomplete')).to.equal('email');
    expect(q(el, '[name=recipientEmail]')!.getAttribute('autocomplete')).to.equal('off');
    await expect(el).to.be.accessible();
    expectCrisisLine(el);
    await type(el, 'purchaserName', 'Ana Buyer');
    await type(el, 'purchaserEmail', 'ana@example.org');
    await type(el, 'recipientName', 'Bo Friend');
    await type(el, 'recipientEmail', 'bo@example.org');
    await next(el);
    expect(heading(el)).to.equal('Step 3 of 4: Add a message and choose when it arrives');
    await expect(el).to.be.accessible();
    expectCrisisLine(el);
    expect(text(el)).to.contain('0 of 500 characters');
    await type(el, 'message', 'Thinking of you');
    expect(text(el)).to.contain('15 of 500 characters');
    const area = q(el, 'textarea')!;
    expect(area.getAttribute('maxlength')).to.equal('500');
    expect(area.getAttribute('aria-describedby')).to.equal('message-count');
    expect(q(el, '#message-count')!.getAttribute('role')).to.equal(null);
    expect(root(el).querySelectorAll('[role=status], [aria-live]').length).to.equal(1);
    await next(el);
    expect(heading(el)).to.equal('Step 4 of 4: Check and send your gift');
    await expect(el).to.be.accessible();
    expectCrisisLine(el);
    const summary = q(el, '[part=summary]')!.textContent!.replace(/\s+/g, ' ');
    for (const part of [
      '3 sessions',
      '60 minutes',
      '$135',
      'Ana Buyer',
      'Bo Friend',
      'Thinking of you',
      'Today',
    ])
      expect(summary).to.contain(part);
    const events: Event[] = [];
    el.addEventListener('peer-gift-card-purchased', (e) => events.push(e));
    await next(el);
    await until(() => q(el, '[part=confirmation]'));
    expect(text(el)).to.contain('Thank you: your gift is on its way');
    expect(text(el)).to.contain(
      'Bo Friend will get an email with the gift link today. We will email you when every session has been used.',
    );
    await expect(el).to.be.accessible();
    expectCrisisLine(el);
    expect(posts.length).to.equal(1);
    expect(posts[0]!.key).to.match(/^[0-9a-f-]{36}$/);
    expect(posts[0]!.body).to.deep.include({
      sessions: 3,
      lengthMinutes: 60,
      message: 'Thinking of you',
    });
    expect(posts[0]!.body.recipient).to.deep.equal({ name: 'Bo Friend', email: 'bo@example.org' });
    expect(posts[0]!.body.timeZone).to.be.a('string');
    expect(events.length).to.equal(1);
    const event = events[0] as Event & { detail: object };
    expect(Object.keys(event.detail).sort()).to.deep.equal(['giftCardId', 'sessions']);
    expect(event.detail).to.deep.equal({ giftCardId: 'gc-1', sessions: 3 });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('says what is missing after Continue, focuses the first invalid field, and links the message', async () => {
    const el = await mount();
    await next(el);
    expect(text(el)).to.contain('Choose how many sessions to give.');
    expect(text(el)).to.contain('Choose a session length.');
    expect(root(el).activeElement?.getAttribute('name')).to.equal('choice');
    await click(el, '#choice-1');
    await click(el, '#lengthMinutes-30');
    expect(text(el)).to.not.contain('Choose how many sessions to give.');
    await next(el);
    await next(el);
    expect(text(el)).to.contain('Enter your name.');
    expect(text(el)).to.contain('Enter your email.');
    expect(text(el)).to.contain('Enter their name.');
    expect(root(el).activeElement?.getAttribute('name')).to.equal('purchaserName');
    const name = q(el, '[name=purchaserName]')!;
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(q(el, `#${name.getAttribute('aria-describedby')}`)!.textContent).to.contain(
      'Enter your name.',
    );
    await expect(el).to.be.accessible();
    await type(el, 'purchaserName', 'Ana');
    await type(el, 'purchaserEmail', 'not-an-email');
    expect(text(el)).to.contain('Enter an email like name@example.com.');
    await next(el);
    expect(root(el).activeElement?.getAttribute('name')).to.equal('purchaserEmail');
  });

  it('shows a problem once a field is left, not while it is typed', async () => {
    const el = await mount();
    await click(el, '#choice-1');
    await click(el, '#lengthMinutes-30');
    await next(el);
    const input = q<HTMLInputElement>(el, '[name=purchaserEmail]')!;
    input.value = 'ana@';
    input.dispatchEvent(new Event('input'));
    await settle(el);
    expect(text(el)).to.not.contain('Enter an email like name@example.com.');
    input.dispatchEvent(new Event('blur'));
    await settle(el);
    expect(text(el)).to.contain('Enter an email like name@example.com.');
  });

  it('gives to the purchaser: no recipient asked or sent, and "you" in the confirmation', async () => {
    const posts = purchases();
    const el = await mount();
    await toReview(el, true);
    expect(q(el, '[name=recipientName]')).to.equal(null);
    expect(q(el, '[part=summary]')!.textContent).to.contain('You');
    await next(el);
    await until(() => q(el, '[part=confirmation]'));
    expect(text(el)).to.contain(
      'You will get an email with the gift link today. We will email you when every session has been used.',
    );
    expect(posts[0]!.body).to.not.have.property('recipient');
  });

  it('takes another number within 1 to the maximum, and refuses one out of range', async () => {
    const posts = purchases();
    const el = await mount();
    await click(el, '#choice-other');
    expect(text(el)).to.contain('Number of sessions (1 to 10)');
    await type(el, 'sessions', '11');
    expect(text(el)).to.contain('Choose a number from 1 to 10.');
    await click(el, '#lengthMinutes-30');
    await next(el);
    expect(heading(el)).to.equal('Step 1 of 4: How many sessions would you like to give?');
    expect(root(el).activeElement?.getAttribute('name')).to.equal('sessions');
    await type(el, 'sessions', '0');
    expect(text(el)).to.contain('Choose a number from 1 to 10.');
    await type(el, 'sessions', '7');
    expect(text(el)).to.contain('Total: $315');
    await expect(el).to.be.accessible();
    await next(el);
    expect(heading(el)).to.equal('Step 2 of 4: Who is this gift for?');
    await click(el, 'nav button');
    expect(q<HTMLInputElement>(el, '[name=sessions]')!.value).to.equal('7');
    expect(posts.length).to.equal(0);
  });

  it('asks no length when the program gift covers any length', async () => {
    await backend({ ...program, giftCards: { ...program.giftCards, anyLength: true } } as Program);
    const posts = purchases();
    const el = await mount();
    expect(q(el, '[name=lengthMinutes]')).to.equal(null);
    expect(text(el)).to.contain('Any length');
    await click(el, '#choice-1');
    await next(el);
    await type(el, 'purchaserName', 'Ana');
    await type(el, 'purchaserEmail', 'ana@example.org');
    await click(el, '#forMe');
    await next(el);
    await next(el);
    await next(el);
    await until(() => posts.length);
    expect(posts[0]!.body).to.not.have.property('lengthMinutes');
  });

  it('refuses a delivery date in the past and sends a later one', async () => {
    const posts = purchases();
    const el = await mount();
    await toReview(el);
    await click(el, 'nav li:nth-child(3) button');
    await click(el, '#delivery-date');
    const date = q<HTMLInputElement>(el, '[name=deliverOn]')!;
    expect(date.type).to.equal('date');
    expect(date.min).to.equal(localDate(0));
    await type(el, 'deliverOn', localDate(-1));
    expect(text(el)).to.contain('Choose today or a later date.');
    await next(el);
    expect(heading(el)).to.equal('Step 3 of 4: Add a message and choose when it arrives');
    await expect(el).to.be.accessible();
    const later = localDate(10);
    await type(el, 'deliverOn', later);
    await next(el);
    await next(el);
    await until(() => q(el, '[part=confirmation]'));
    expect(posts[0]!.body.deliverOn).to.equal(later);
    expect(text(el)).to.match(/Bo Friend will get an email with the gift link on \w+ \d+, \d{4}\./);
  });

  it('keeps everything across Back and the step list', async () => {
    const el = await mount();
    await toReview(el);
    await click(el, 'button.secondary');
    expect(q<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('Thinking of you');
    await click(el, 'button.secondary');
    expect(q<HTMLInputElement>(el, '[name=recipientEmail]')!.value).to.equal('bo@example.org');
    await click(el, 'nav li:nth-child(1) button');
    expect(q<HTMLInputElement>(el, '#choice-3')!.checked).to.equal(true);
    await click(el, 'nav li:nth-child(4) button');
    expect(heading(el)).to.equal('Step 4 of 4: Check and send your gift');
    await click(el, '[aria-label="Change: For"]');
    expect(heading(el)).to.equal('Step 2 of 4: Who is this gift for?');
  });

  it('sends once for ten quick presses', async () => {
    const posts = purchases();
    const el = await mount();
    await toReview(el);
    for (let n = 0; n < 10; n++) continueButton(el).click();
    await until(() => q(el, '[part=confirmation]'));
    expect(posts.length).to.equal(1);
  });

  it('keeps the draft after a network failure and sends again with the same key', async () => {
    const posts: Post[] = [];
    let fail = true;
    worker.use(
      http.post('/api/gift-cards', async ({ request }) => {
        posts.push({
          key: request.headers.get('Idempotency-Key'),
          body: (await request.json()) as Record<string, unknown>,
        });
        if (fail) return HttpResponse.error();
        return HttpResponse.json(
          {
            id: 'gc-9',
            status: 'issued',
            sessions: 3,
            lengthMinutes: 60,
            total: { amount: 13500, currency: 'USD' },
            deliverOn: localDate(0),
          },
          { status: 201 },
        );
      }),
    );
    const el = await mount();
    await toReview(el);
    await next(el);
    await until(() => text(el).includes('Press “Send gift” to try again'));
    expect(text(el)).to.contain('You appear to be offline');
    await expect(el).to.be.accessible();
    expectCrisisLine(el);
    expect(q(el, '[part=summary]')!.textContent).to.contain('Bo Friend');
    fail = false;
    await next(el);
    await until(() => q(el, '[part=confirmation]'));
    // The client's own retries and the person's Send again: one key throughout.
    expect(posts.length).to.be.at.least(2);
    expect(new Set(posts.map((p) => p.key)).size).to.equal(1);
    expect(posts[0]!.key).to.match(/^[0-9a-f-]{36}$/);
  });

  it('shows the server refusal of a past date on its field', async () => {
    worker.use(
      http.post('/api/gift-cards', () =>
        HttpResponse.json(
          {
            error: {
              code: 'invalid-request',
              message: 'deliverOn is in the past',
              fieldErrors: [{ field: 'deliverOn', code: 'in_past', message: 'in the past' }],
            },
          },
          { status: 422 },
        ),
      ),
    );
    const el = await mount();
    await toReview(el);
    await click(el, 'nav li:nth-child(3) button');
    await click(el, '#delivery-date');
    await type(el, 'deliverOn', localDate(0));
    await next(el);
    await next(el);
    await until(() => text(el).includes('Choose today or a later date.'));
    expect(heading(el)).to.equal('Step 3 of 4: Add a message and choose when it arrives');
  });

  it('hands off to an https checkout through navigate, unless the host cancels', async () => {
    purchases(() => ({ status: 'pending-payment', checkoutUrl: 'https://pay.example.org/c/1' }));
    const visited: string[] = [];
    class Navigating extends GiftCardPurchase {
      protected override navigate(url: string): void {
        visited.push(url);
      }
    }
    customElements.define('gift-card-navigating', Navigating);
    const el = document.createElement('gift-card-navigating') as GiftCardPurchase;
    el.setAttribute('api-base', '/api');
    const details: unknown[] = [];
    el.addEventListener('peer-payment-required', (e) => details.push(e.detail));
    document.body.append(el);
    try {
      await until(() => q(el, '#step-title'));
      await toReview(el);
      await next(el);
      await until(() => visited.length);
      expect(visited).to.deep.equal(['https://pay.example.org/c/1']);
      expect(details).to.deep.equal([
        { giftCardId: 'gc-1', checkoutUrl: 'https://pay.example.org/c/1' },
      ]);
      expect(text(el)).to.contain('Payment is next: we are taking you to the checkout.');
    } finally {
      el.remove();
    }
  });

  it('does not navigate when the host cancels peer-payment-required', async () => {
    purchases(() => ({ status: 'pending-payment', checkoutUrl: 'https://pay.example.org/c/1' }));
    const el = await mount();
    let navigated = false;
    (el as unknown as { navigate: () => void }).navigate = () => (navigated = true);
    el.addEventListener('peer-payment-required', (e) => e.preventDefault());
    await toReview(el);
    await next(el);
    await until(() => q(el, '[part=confirmation]'));
    await aTimeout(20);
    expect(navigated).to.equal(false);
  });

  it('goes nowhere and fires peer-error when payment is due without an https checkout', async () => {
    purchases(() => ({ status: 'pending-payment' }));
    const el = await mount();
    let navigated = false;
    (el as unknown as { navigate: () => void }).navigate = () => (navigated = true);
    const kinds: string[] = [];
    el.addEventListener('peer-error', (e) => kinds.push(e.detail.kind));
    el.addEventListener('peer-payment-required', () => kinds.push('payment'));
    await toReview(el);
    await next(el);
    await until(() => kinds.length);
    expect(kinds).to.deep.equal(['validation']);
    expect(navigated).to.equal(false);
  });

  it('is unavailable without an api-base, and offers Try again when the program fails', async () => {
    const none = await fixture<GiftCardPurchase>(html`<gift-card-purchase></gift-card-purchase>`);
    expect(text(none)).to.contain('Give peer support sessions');
    await expect(none).to.be.accessible();
    expectCrisisLine(none);
    let fail = true;
    worker.use(
      http.get('/api/program', () => (fail ? new HttpResponse(null, { status: 500 }) : undefined)),
    );
    const el = await fixture<GiftCardPurchase>(
      html`<gift-card-purchase api-base="/api"></gift-card-purchase>`,
    );
    const retry = await until(() => q<HTMLButtonElement>(el, '[part=retry]'), 10_000);
    expect(text(el)).to.contain('Something went wrong while loading. Please try again.');
    await expect(el).to.be.accessible();
    expectCrisisLine(el);
    fail = false;
    retry.click();
    await until(() => q(el, '#step-title'));
  });

  it('reports a malformed purchase answer with peer-error and keeps the draft', async () => {
    worker.use(
      http.post('/api/gift-cards', () =>
        HttpResponse.json({ id: 'gc-1', status: 'maybe', sessions: -1 }, { status: 201 }),
      ),
    );
    const el = await mount();
    const errors: Event[] = [];
    el.addEventListener('peer-error', (e) => errors.push(e));
    await toReview(el);
    await next(el);
    await until(() => errors.length);
    await until(() => text(el).includes('We received information we could not read.'));
    expect(heading(el)).to.equal('Step 4 of 4: Check and send your gift');
    expect(JSON.stringify((errors[0] as CustomEvent).detail)).to.not.contain('Bo Friend');
  });
});

describe('<gift-card-purchase> against the mock backend', () => {
  beforeEach(() => backend());
  afterEach(() => worker.resetHandlers());

  /** The POSTs to /gift-cards, the store still answering them. */
  function recordPosts(): Post[] {
    const posts: Post[] = [];
    worker.use(
      http.post('/api/gift-cards', async ({ request }) => {
        posts.push({
          key: request.headers.get('Idempotency-Key'),
          body: (await request.clone().json()) as Record<string, unknown>,
        });
        return undefined;
      }),
    );
    return posts;
  }

  it('makes one card for ten quick presses, for the purchaser, and the store emails its code', async () => {
    const posts = recordPosts();
    const before = (await store.giftCodes()).length;
    const el = await mount();
    const ids: string[] = [];
    el.addEventListener('peer-gift-card-purchased', (e) => ids.push(e.detail.giftCardId));
    // The mock's card waits for payment at its checkout: this page stays.
    el.addEventListener('peer-payment-required', (e) => e.preventDefault());
    await toReview(el, true);
    for (let n = 0; n < 10; n++) continueButton(el).click();
    await until(() => q(el, '[part=confirmation]'));
    expect(text(el)).to.contain('You will get an email with the gift link today.');
    expect((await store.giftCodes()).length).to.equal(before + 1);
    expect(posts.length).to.equal(1);
    expect(ids.length).to.equal(1);
    const code = await store.emailedCode(ids[0]!);
    expect(code).to.match(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3,7}$/);
    expect(JSON.stringify(ids)).to.not.contain(code!);
    await expect(el).to.be.accessible();
  });

  it('checks the seed cards through the store', async () => {
    const el = await mount('balance');
    await type(el, 'code', 'GIFT-DEMO-2026-0003');
    await click(el, 'button[type=submit]');
    await until(() => text(el).includes('3 of 3 sessions left'));
    expect(text(el)).to.contain('Length: 60 minutes');
    await type(el, 'code', 'GIFT-USED-2025-0000');
    await click(el, 'button[type=submit]');
    await until(() => text(el).includes('This card has been used: no sessions are left.'));
    await type(el, 'code', 'GIFT-OLD0-2019-0002');
    await click(el, 'button[type=submit]');
    await until(() => text(el).includes('This card has expired.'));
    await type(el, 'code', 'GIFT-ZZZZ-2019-0002');
    await click(el, 'button[type=submit]');
    await until(() => text(el).includes('We could not find a card with this code.'));
    await expect(el).to.be.accessible();
    expectCrisisLine(el);
  });
});

describe('<gift-card-purchase> with the keyboard alone', () => {
  beforeEach(() => backend());
  afterEach(async () => {
    worker.resetHandlers();
    await setViewport({ width: 800, height: 600 });
  });

  const active = (el: Element) => root(el).activeElement as HTMLElement | null;

  /** Presses Tab until `match` has the focus (at most 30 times). */
  async function tabTo(el: GiftCardPurchase, match: (a: HTMLElement) => boolean): Promise<void> {
    for (let n = 0; n < 30; n++) {
      const a = active(el);
      if (a && match(a)) return;
      await sendKeys({ press: 'Tab' });
    }
    throw new Error(`never reached by Tab (focus on ${active(el)?.outerHTML.slice(0, 80)})`);
  }
  const button = (label: string) => (a: HTMLElement) =>
    a.localName === 'button' && a.textContent!.trim() === label;
  const named = (name: string) => (a: HTMLElement) => a.getAttribute('name') === name;

  it('buys a gift from the first step to the confirmation at 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    const posts = purchases();
    const el = await mount();
    await tabTo(el, named('choice'));
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(q<HTMLInputElement>(el, '#choice-3')!.checked).to.equal(true);
    await tabTo(el, named('lengthMinutes'));
    await sendKeys({ press: 'Space' });
    await tabTo(el, button('Continue'));
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(active(el)?.id).to.equal('step-title');
    await tabTo(el, named('purchaserName'));
    await sendKeys({ type: 'Ana Buyer' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'ana@example.org' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('forMe');
    await sendKeys({ press: 'Space' });
    await settle(el);
    await tabTo(el, button('Continue'));
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(heading(el)).to.equal('Step 3 of 4: Add a message and choose when it arrives');
    await tabTo(el, named('message'));
    await sendKeys({ type: 'For you' });
    await settle(el);
    expect(text(el)).to.contain('7 of 500 characters');
    await tabTo(el, button('Continue'));
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await tabTo(el, button('Send gift'));
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    await sendKeys({ press: 'Enter' });
    await until(() => q(el, '[part=confirmation]'));
    expect(active(el)?.id).to.equal('done-title');
    expect(posts.length).to.equal(1);
    expect(posts[0]!.body).to.deep.include({ sessions: 3, lengthMinutes: 30, message: 'For you' });
  });
});

describe('<gift-card-purchase> in Spanish', () => {
  beforeEach(() => backend());
  afterEach(() => worker.resetHandlers());

  it('speaks Spanish in every step, with US dollars as $', async () => {
    purchases();
    const el = await mount('es');
    await until(() => heading(el) === 'Paso 1 de 4: ¿Cuántas sesiones quieres regalar?');
    await expect(el).to.be.accessible();
    expectCrisisLine(el);
    await click(el, '#choice-3');
    expect(text(el)).to.contain('Total: $135');
    await click(el, '#lengthMinutes-60');
    await next(el);
    expect(heading(el)).to.equal('Paso 2 de 4: ¿Para quién es este regalo?');
    await next(el);
    expect(text(el)).to.contain('Escribe tu nombre.');
    await expect(el).to.be.accessible();
    await type(el, 'purchaserName', 'Ana');
    await type(el, 'purchaserEmail', 'ana@example.org');
    await click(el, '#forMe');
    await next(el);
    expect(text(el)).to.contain('0 de 500 caracteres');
    await expect(el).to.be.accessible();
    await next(el);
    expect(heading(el)).to.equal('Paso 4 de 4: Revisa y envía tu regalo');
    await expect(el).to.be.accessible();
    await next(el);
    await until(() => q(el, '[part=confirmation]'));
    expect(text(el)).to.contain('Gracias: tu regalo va en camino');
    expect(text(el)).to.contain('Recibirás un correo con el enlace del regalo hoy.');
    await expect(el).to.be.accessible();
    expectCrisisLine(el);
  });
});

describe('<gift-card-purchase mode="balance">', () => {
  beforeEach(() => backend());
  afterEach(() => worker.resetHandlers());

  /** Answers the lookup as contract 5.0 does for the seed codes, recording what was sent. */
  function lookups(): string[] {
    const sent: string[] = [];
    const cards: Record<string, object> = {
      'GIFT-DEMO-2026-0003': {
        status: 'active',
        lengthMinutes: 60,
        sessionsTotal: 3,
        sessionsRemaining: 3,
        expiresOn: '2031-06-30',
      },
      'GIFT-USED-2025-0000': {
        status: 'used',
        lengthMinutes: 60,
        sessionsTotal: 1,
        sessionsRemaining: 0,
      },
      'GIFT-OLD0-2019-0002': {
        status: 'expired',
        sessionsTotal: 2,
        sessionsRemaining: 1,
        expiresOn: '2024-01-01',
      },
      'GIFT-PEND-2026-0001': { status: 'pending', sessionsTotal: 2, sessionsRemaining: 2 },
      'GIFT-SOLO-2026-0001': { status: 'active', sessionsTotal: 1, sessionsRemaining: 1 },
      'GIFT-ONE0-2026-0001': {
        status: 'active',
        lengthMinutes: 60,
        sessionsTotal: 3,
        sessionsRemaining: 1,
        expiresOn: '2031-06-30',
      },
    };
    worker.use(
      http.post('/api/gift-cards/lookup', async ({ request }) => {
        const { code } = (await request.json()) as { code: string };
        sent.push(code);
        if (code === 'GIFT-SLOW-TRYS-0000')
          return HttpResponse.json(
            { error: { code: 'rate-limited', message: 'slow down' } },
            { status: 429, headers: { 'Retry-After': '600' } },
          );
        const card = cards[code];
        return card
          ? HttpResponse.json({ code, ...card })
          : HttpResponse.json(
              { error: { code: 'not-found', message: 'no such card' } },
              { status: 404 },
            );
      }),
    );
    return sent;
  }

  async function check(el: GiftCardPurchase, code: string): Promise<void> {
    await type(el, 'code', code);
    await click(el, 'button[type=submit]');
    await until(() => !q(el, '[part=loading]'), 8000);
  }

  it('shows the sessions left, the length and the expiry of an active card', async () => {
    const sent = lookups();
    const el = await mount('balance');
    expect(text(el)).to.contain('Check a gift card');
    await expect(el).to.be.accessible();
    expectCrisisLine(el);
    expect(q(el, '[name=code]')!.getAttribute('autocomplete')).to.equal('off');
    const events: string[] = [];
    for (const type of ['peer-error', 'peer-gift-card-purchased'])
      el.addEventListener(type, (e) => events.push(JSON.stringify((e as CustomEvent).detail)));
    await check(el, ' gift-demo-2026-0003 ');
    await until(() => q(el, '[part=balance]'));
    expect(sent).to.deep.equal(['GIFT-DEMO-2026-0003']);
    expect(q<HTMLInputElement>(el, '[name=code]')!.value).to.equal('GIFT-DEMO-2026-0003');
    expect(text(el)).to.contain('3 of 3 sessions left');
    expect(text(el)).to.contain('Length: 60 minutes');
    expect(text(el)).to.contain('Use by June 30, 2031');
    await expect(el).to.be.accessible();
    expectCrisisLine(el);
    expect(location.href).to.not.contain('GIFT');
    expect(JSON.stringify({ ...localStorage, ...sessionStorage })).to.not.contain('GIFT');
    expect(events.join()).to.not.contain('GIFT');
  });

  for (const [code, words] of [
    ['GIFT-USED-2025-0000', 'This card has been used: no sessions are left.'],
    ['GIFT-OLD0-2019-0002', 'This card has expired.'],
    ['GIFT-PEND-2026-0001', 'This card is not active yet'],
    [
      'GIFT-NONE-2026-0000',
      'We could not find a card with this code. Check the code and try again.',
    ],
    ['GIFT-SLOW-TRYS-0000', 'Too many tries. Please wait a few minutes and try again.'],
    ['GIFT-ONE0-2026-0001', '1 of 3 sessions left'],
    ['GIFT-SOLO-2026-0001', '1 of 1 session left'],
  ] as const) {
    it(`says which: ${words}`, async () => {
      lookups();
      const el = await mount('balance');
      await check(el, code);
      await until(() => text(el).includes(words), 8000);
      await expect(el).to.be.accessible();
      expectCrisisLine(el);
    });
  }

  it('says an unreadable balance answer plainly and fires peer-error', async () => {
    worker.use(
      http.post('/api/gift-cards/lookup', () =>
        HttpResponse.json({ code: 'lowercase code', sessionsRemaining: -1 }),
      ),
    );
    const el = await mount('balance');
    const errors: string[] = [];
    el.addEventListener('peer-error', (e) => errors.push(JSON.stringify(e.detail)));
    await check(el, 'GIFT-DEMO-2026-0003');
    await until(() => text(el).includes('We received information we could not read.'), 8000);
    expect(errors.length).to.equal(1);
    expect(errors[0]).to.not.contain('GIFT-DEMO');
    await expect(el).to.be.accessible();
    expectCrisisLine(el);
  });

  it('refuses a malformed code without asking the API', async () => {
    const sent = lookups();
    const el = await mount('balance');
    await check(el, 'GIFT-12');
    expect(text(el)).to.contain('This does not look like a gift card code.');
    const input = q(el, '[name=code]')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain('code-error');
    expect(root(el).activeElement).to.equal(input);
    expect(sent).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('speaks Spanish', async () => {
    lookups();
    const el = await fixture<GiftCardPurchase>(
      html`<gift-card-purchase api-base="/api" mode="balance" lang="es"></gift-card-purchase>`,
    );
    await until(() => text(el).includes('Consulta una tarjeta de regalo'));
    await check(el, 'GIFT-DEMO-2026-0003');
    await until(() => text(el).includes('Quedan 3 de 3 sesiones'));
    expect(text(el)).to.contain('Duración: 60 minutos');
    // expiresOn is the last day the card can be used.
    expect(text(el)).to.contain('Úsala hasta el 30 de junio de 2031');
    await expect(el).to.be.accessible();
    await check(el, 'GIFT-ONE0-2026-0001');
    await until(() => text(el).includes('Queda 1 de 3 sesiones'));
    expect(text(el)).to.not.contain('Quedan 1');
    await check(el, 'GIFT-SOLO-2026-0001');
    await until(() => text(el).includes('Queda 1 de 1 sesión'));
    expect(text(el)).to.not.contain('1 de 1 sesiones');
    await check(el, 'GIFT-NONE-2026-0000');
    await until(() => text(el).includes('No encontramos ninguna tarjeta con este código.'));
    await expect(el).to.be.accessible();
    expectCrisisLine(el);
  });
});

describe('<gift-card-purchase> as the review found it', () => {
  beforeEach(() => backend());
  afterEach(() => worker.resetHandlers());

  const said = (el: GiftCardPurchase) => q(el, '[role=status]')?.textContent ?? '';

  /** Answers every POST /gift-cards with `status` and `body`, counting them. */
  function answers(status: number, body: object): Post[] {
    const posts: Post[] = [];
    worker.use(
      http.post('/api/gift-cards', async ({ request }) => {
        posts.push({
          key: request.headers.get('Idempotency-Key'),
          body: (await request.json()) as Record<string, unknown>,
        });
        return HttpResponse.json(body, { status });
      }),
    );
    return posts;
  }

  it('checks emails as the contract does: josé@example.org and bo@example.c are refused', async () => {
    const posts = purchases();
    const el = await mount();
    await click(el, '#choice-3');
    await click(el, '#lengthMinutes-60');
    await next(el);
    await type(el, 'purchaserName', 'Ana Buyer');
    await type(el, 'purchaserEmail', 'josé@example.org');
    await type(el, 'recipientName', 'Bo Friend');
    await type(el, 'recipientEmail', 'bo@example.c');
    await next(el);
    expect(heading(el)).to.equal('Step 2 of 4: Who is this gift for?');
    expect(q(el, '#purchaserEmail-error')?.textContent).to.contain(
      'Enter an email like name@example.com.',
    );
    expect(q(el, '#recipientEmail-error')?.textContent).to.contain(
      'Enter an email like name@example.com.',
    );
    expect(root(el).activeElement?.getAttribute('name')).to.equal('purchaserEmail');
    expect(posts.length).to.equal(0);
  });

  it('caps the sessions at the contract maximum of 20 when the program allows more', async () => {
    await backend({ ...program, giftCards: { ...program.giftCards, maxSessions: 30 } });
    const el = await mount();
    await click(el, '#choice-other');
    expect(text(el)).to.contain('Number of sessions (1 to 20)');
    await type(el, 'sessions', '21');
    expect(text(el)).to.contain('Choose a number from 1 to 20.');
  });

  it('shows a request the client refuses on its field, sending nothing', async () => {
    const posts = purchases();
    const el = await mount();
    await toReview(el);
    await click(el, 'nav li:nth-child(2) button');
    await type(el, 'purchaserName', 'A'.repeat(121));
    await next(el);
    await next(el);
    expect(heading(el)).to.equal('Step 4 of 4: Check and send your gift');
    await next(el);
    await until(() => text(el).includes('Keep your name to 120 characters.'));
    expect(heading(el)).to.equal('Step 2 of 4: Who is this gift for?');
    expect(root(el).activeElement?.getAttribute('name')).to.equal('purchaserName');
    expect(text(el)).to.not.contain('Press “Send gift” to try again');
    expect(posts.length).to.equal(0);
  });

  it('asks to send again with a new key when the server says the key was reused', async () => {
    const posts = answers(422, {
      error: {
        code: 'idempotency-key-reused',
        message: 'reused',
        fieldErrors: [{ field: 'Idempotency-Key', code: 'invalid', message: 'reused' }],
      },
    });
    const el = await mount();
    await toReview(el);
    await next(el);
    const words = 'We could not match this gift to the one sent before.';
    await until(() => text(el).includes(words));
    expect(heading(el)).to.equal('Step 4 of 4: Check and send your gift');
    expect(root(el).activeElement?.id).to.equal('general-error');
    await until(() => said(el).includes(words));
    await next(el);
    await until(() => posts.length === 2);
    expect(posts[1]!.key).to.not.equal(posts[0]!.key);
  });

  it('says a refusal of a field the form does not show on the review, announced', async () => {
    answers(422, {
      error: {
        code: 'invalid-request',
        message: 'bad zone',
        fieldErrors: [{ field: 'timeZone', code: 'invalid', message: 'unknown zone' }],
      },
    });
    const el = await mount();
    await toReview(el);
    await next(el);
    const words = 'Your gift could not be sent: part of it was not accepted.';
    await until(() => text(el).includes(words));
    expect(heading(el)).to.equal('Step 4 of 4: Check and send your gift');
    expect(root(el).activeElement?.id).to.equal('general-error');
    await until(() => said(el).includes(words));
    await expect(el).to.be.accessible();
  });

  it('keeps focus on "Send gift" while sending (aria-disabled), then on the error', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    worker.use(
      http.post('/api/gift-cards', async () => {
        await gate;
        return HttpResponse.json(
          { error: { code: 'invalid-request', message: 'no' } },
          { status: 400 },
        );
      }),
    );
    const el = await mount();
    await toReview(el);
    continueButton(el).focus();
    await next(el);
    const button = continueButton(el);
    expect(button.disabled).to.equal(false);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(root(el).activeElement).to.equal(button);
    release();
    await until(() => text(el).includes('Something went wrong while sending your gift.'));
    expect(text(el)).to.not.contain('while loading');
    expect(continueButton(el).getAttribute('aria-disabled')).to.equal('false');
    const error = q(el, '#general-error')!;
    expect(error.getAttribute('tabindex')).to.equal('-1');
    expect(root(el).activeElement).to.equal(error);
  });

  it('says a 5xx on send as a send failure, not "while loading"', async () => {
    answers(503, { error: { code: 'unavailable', message: 'down' } });
    const el = await mount();
    await toReview(el);
    await next(el);
    await until(() => text(el).includes('Something went wrong while sending your gift.'), 15_000);
    expect(text(el)).to.contain('Press “Send gift” to try again');
    expect(text(el)).to.not.contain('while loading');
  });

  it('says payment could not be started when it is due without an https checkout', async () => {
    purchases(() => ({ status: 'pending-payment' }));
    const el = await mount();
    (el as unknown as { navigate: () => void }).navigate = () => {};
    await toReview(el);
    await next(el);
    await until(() => q(el, '[part=confirmation]'));
    expect(text(el)).to.contain('Payment could not be started');
    expect(text(el)).to.contain('Please contact the program');
    expect(text(el)).to.not.contain('taking you to the checkout');
  });

  it('says payment is next, without "taking you", when the host runs its own checkout', async () => {
    purchases(() => ({ status: 'pending-payment', checkoutUrl: 'https://pay.example.org/c/1' }));
    const el = await mount();
    (el as unknown as { navigate: () => void }).navigate = () => {};
    el.addEventListener('peer-payment-required', (e) => e.preventDefault());
    await toReview(el);
    await next(el);
    await until(() => q(el, '[part=confirmation]'));
    await settle(el);
    expect(text(el)).to.contain('Payment is next.');
    expect(text(el)).to.not.contain('taking you to the checkout');
  });

  it('says a length no longer offered on the length', async () => {
    answers(422, {
      error: {
        code: 'invalid-request',
        message: 'length',
        fieldErrors: [{ field: 'lengthMinutes', code: 'not_offered', message: 'not offered' }],
      },
    });
    const el = await mount();
    await toReview(el);
    await next(el);
    await until(() =>
      text(el).includes('This length is no longer offered. Choose another session length.'),
    );
    expect(heading(el)).to.equal('Step 1 of 4: How many sessions would you like to give?');
  });

  it('names the recipient fields plainly in Spanish', async () => {
    const el = await mount('es');
    await click(el, '#choice-3');
    await click(el, '#lengthMinutes-60');
    await next(el);
    expect(text(el)).to.contain('Nombre de quien lo recibe');
    expect(text(el)).to.contain('Correo de quien lo recibe');
    expect(text(el)).to.not.contain('Su nombre');
    await next(el);
    expect(text(el)).to.contain('Escribe el nombre de quien lo recibe.');
  });
});
