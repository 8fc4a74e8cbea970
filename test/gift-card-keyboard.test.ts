/**
 * QUALITY A2 (issue 9): <gift-card-purchase> with the keyboard alone, as a person gives sessions
 * and as a recipient checks a card. Focus starts on a button of the page before the element and
 * enters it with a real Tab; every answer is then given with `sendKeys` only (Tab, arrows,
 * Space, Enter, typing): no click, no `.value`, no dispatched event.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { http } from 'msw';
import { GiftCardPurchase } from '../src/elements/gift-card-purchase/gift-card-purchase.js';
import '../src/elements/gift-card-purchase/define.js';
import { startMockBackend } from '../src/mocks/browser.js';
import { createMockStore, type MockStore } from '../src/mocks/store.js';
import { until } from './support/until.js';
import {
  $,
  at,
  checkedLabel,
  continueTo,
  expectFits,
  expectFocus,
  focused,
  heading,
  isButton,
  matches,
  press,
  status,
  tabTo,
  textOf,
  type,
  where,
  renderAfterButton,
  cleanUp,
} from './support/keyboard.js';

const { worker } = await startMockBackend({ quiet: true });
let store: MockStore;

/** Records its checkout navigation instead of leaving the page. */
class KeyboardGift extends GiftCardPurchase {
  readonly navigations: string[] = [];
  protected override navigate(url: string): void {
    this.navigations.push(url);
  }
}
KeyboardGift.define('keyboard-gift');
declare global {
  interface HTMLElementTagNameMap {
    'keyboard-gift': KeyboardGift;
  }
}

beforeEach(() => {
  store = createMockStore();
  return startMockBackend({ quiet: true, store });
});

afterEach(async () => {
  worker.resetHandlers();
  await cleanUp();
});

const render = (attributes: Record<string, string> = {}): Promise<KeyboardGift> =>
  renderAfterButton('keyboard-gift', attributes);

const TITLES = {
  sessions: 'How many sessions would you like to give?',
  who: 'Who is this gift for?',
  message: 'Add a message and choose when it arrives',
  review: 'Check and send your gift',
} as const;

/** What was POSTed to /api/gift-cards (the store still answers). */
function recordPurchases(): Record<string, unknown>[] {
  const posts: Record<string, unknown>[] = [];
  worker.use(
    http.post('/api/gift-cards', async ({ request }) => {
      posts.push((await request.clone().json()) as Record<string, unknown>);
      return undefined;
    }),
  );
  return posts;
}

describe('<gift-card-purchase> with the keyboard alone (A2)', function () {
  this.timeout(15_000);

  for (const width of [800, 320]) {
    it(`gives 3 sessions of 60 minutes from the first Tab to the confirmation, at ${width} px`, async () => {
      await setViewport({ width, height: 640 });
      const posts = recordPurchases();
      const el = await render();
      await at(el, TITLES.sessions);
      await until(() => $(el, 'input[name=choice]'));
      await press(el, 'Tab');
      expect(focused(el), `the first Tab from the page enters the element: ${where(el)}`).to.exist;

      // Sessions: the arrows move through the packages, Tab to the length group.
      await tabTo(el, matches('input[name=choice]'), 'the number of sessions');
      await press(el, 'ArrowDown');
      expect(checkedLabel(el, 'choice')).to.equal('3 sessions');
      await press(el, 'Tab');
      expect(focused(el)?.getAttribute('name'), 'Tab goes on to the length').to.equal(
        'lengthMinutes',
      );
      await press(el, 'ArrowDown');
      expect(checkedLabel(el, 'lengthMinutes')).to.equal('60 minutes');
      expect(textOf($(el, '[part=total]'))).to.equal('Total: $135');
      if (width === 320) expectFits(el, 'the sessions step');
      await continueTo(el, TITLES.who);

      // Who: typed; Continue with nothing missing.
      await tabTo(el, matches('input[name=purchaserName]'), 'your name');
      await type(el, 'Ana Keys');
      await tabTo(el, matches('input[name=purchaserEmail]'), 'your email', { max: 1 });
      await type(el, 'ana.keys@example.org');
      await tabTo(el, matches('input[name=recipientName]'), 'their name');
      await type(el, 'Bo Friend');
      await tabTo(el, matches('input[name=recipientEmail]'), 'their email', { max: 1 });
      await type(el, 'bo@example.org');
      if (width === 320) expectFits(el, 'the who step');
      await continueTo(el, TITLES.message);

      // Message typed (its count follows), delivery today kept.
      await tabTo(el, matches('textarea[name=message]'), 'the message');
      await type(el, 'Thinking of you');
      expect(textOf($(el, '[part=count]'))).to.equal('15 of 500 characters');
      await continueTo(el, TITLES.review);

      // Review: Send gift with Enter; focus on the confirmation's heading.
      await tabTo(el, isButton('Send gift'), 'Send gift');
      await press(el, 'Enter');
      await until(() => $(el, '[part=confirmation]'), 6000);
      await until(() => focused(el) === $(el, '#done-title'), 2000).catch(() => undefined);
      expectFocus(el, $(el, '#done-title'), 'the confirmation');
      expect(status(el)).to.equal('Thank you: your gift is on its way');
      expect(posts).to.have.length(1);
      expect(posts[0]).to.deep.include({
        sessions: 3,
        lengthMinutes: 60,
        message: 'Thinking of you',
      });
      expect(el.navigations, 'payment is due: the checkout').to.have.length(1);
      if (width === 320) expectFits(el, 'the confirmation');
    });
  }

  it('a field left empty: Continue puts the focus on it, typing there fixes it', async () => {
    const el = await render();
    await at(el, TITLES.sessions);
    await until(() => $(el, 'input[name=choice]'));
    await tabTo(el, matches('input[name=choice]'), 'the number of sessions');
    await press(el, 'ArrowDown');
    await press(el, 'Tab');
    await press(el, 'ArrowDown');
    await continueTo(el, TITLES.who);
    await tabTo(el, isButton('Continue'), 'Continue with nothing typed');
    await press(el, 'Enter');
    await until(() => focused(el)?.getAttribute('name') === 'purchaserName', 2000).catch(
      () => undefined,
    );
    expect(focused(el)?.getAttribute('name'), `focus: ${where(el)}`).to.equal('purchaserName');
    await type(el, 'Ana Keys');
    expect(heading(el)).to.equal(`Step 2 of 4: ${TITLES.who}`);
  });

  it('mode="balance": Tab to the code, type it, Enter; the balance is said', async () => {
    const el = await render({ mode: 'balance' });
    await until(() => $(el, 'input[name=code]'));
    await tabTo(el, matches('input[name=code]'), 'the code');
    await type(el, 'gift-demo-2026-0003');
    await press(el, 'Enter');
    await until(() => $(el, '[part=balance]'), 6000);
    expect(textOf($(el, '[part=balance]'))).to.contain('3 of 3 sessions left');
    expect(status(el)).to.contain('3 of 3 sessions left');
  });
});
