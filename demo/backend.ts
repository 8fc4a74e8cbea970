/**
 * The demo's backend, one of two:
 * - `npm start`: the reference server (demo/server/), through the dev server's proxy: the API
 *   under /api, and what a partner's other systems would do (a checkout reporting a payment, the
 *   email carrying a gift code, the supporter answering a request) under /admin/, where the proxy
 *   adds the admin token, so it is never in the page;
 * - `npm run start:mock` (and the framework hosts' test build): the in-page mock (MSW), whose
 *   store plays those parts itself.
 * `scripts/start.mjs` chooses with `VITE_DEMO_BACKEND=server`. The widgets know nothing of this:
 * they call the API at their `api-base` either way.
 */
import type {} from './env.js';
import type { SeedGiftCard } from '../src/mocks/data.js';
import type { MockStore } from '../src/mocks/store.js';

export type DemoBackendKind = 'server' | 'mock';

export const demoBackendKind: DemoBackendKind =
  import.meta.env?.VITE_DEMO_BACKEND === 'server' ? 'server' : 'mock';

export interface DemoBackend {
  readonly kind: DemoBackendKind;
  /** How the page names it in its notes: "the reference server", "the mock backend". */
  readonly label: string;
  /** The partner's checkout reports a booking's payment as done. */
  markPaid(bookingId: string): Promise<void>;
  /** The partner's checkout reports a gift card purchase as paid. */
  markGiftCardPaid(purchaseId: string): Promise<void>;
  /** The code the backend emails for a purchase (never in an API answer). */
  emailedCode(purchaseId: string): Promise<string | undefined>;
  /**
   * Keeps a bought card for the demo's other pages. The server keeps it in its database; the
   * in-page mock starts afresh on every page, so it carries the card in this tab's
   * sessionStorage (the mock's data, not the widget's: the elements store nothing).
   */
  keepGiftCard(code: string): Promise<void>;
  /** The supporter accepts or declines a request: the booking's status after it, if it applied. */
  answerRequest(bookingId: string, answer: 'confirm' | 'decline'): Promise<string | undefined>;
}

export interface DemoBackendOptions {
  /** The mock starts with the cards bought on the demo's other pages in this tab. */
  carryGiftCards?: boolean;
}

export function startDemoBackend(options: DemoBackendOptions = {}): Promise<DemoBackend> {
  return demoBackendKind === 'server' ? Promise.resolve(serverBackend()) : mockBackend(options);
}

/** The reference server's admin routes, through the dev server's proxy. */
function serverBackend(): DemoBackend {
  const admin = async (method: 'GET' | 'POST', path: string): Promise<unknown> => {
    const response = await fetch(`/admin${path}`, { method });
    if (!response.ok) return undefined;
    return response.json() as Promise<unknown>;
  };
  return {
    kind: 'server',
    label: 'the reference server',
    async markPaid(bookingId) {
      await admin('POST', `/bookings/${encodeURIComponent(bookingId)}/paid`);
    },
    async markGiftCardPaid(purchaseId) {
      await admin('POST', `/gift-cards/${encodeURIComponent(purchaseId)}/paid`);
    },
    async emailedCode(purchaseId) {
      const answer = await admin('GET', `/gift-cards/${encodeURIComponent(purchaseId)}/code`);
      return (answer as { code?: string } | undefined)?.code;
    },
    async keepGiftCard() {},
    async answerRequest(bookingId, answer) {
      const done = await admin('POST', `/bookings/${encodeURIComponent(bookingId)}/${answer}`);
      return (done as { status?: string } | undefined)?.status;
    },
  };
}

const giftKey = 'peer-demo:gift-cards';

function carriedGiftCards(): SeedGiftCard[] {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(giftKey) ?? '[]');
    return Array.isArray(saved) ? (saved as SeedGiftCard[]) : [];
  } catch {
    return [];
  }
}

/** The in-page mock: MSW and the mock's store, loaded only when the demo runs on it. */
async function mockBackend(options: DemoBackendOptions): Promise<DemoBackend> {
  const [{ startMockBackend }, { programVariants, seedGiftCards }, { createMockStore }] =
    await Promise.all([
      import('../src/mocks/browser.js'),
      import('../src/mocks/data.js'),
      import('../src/mocks/store.js'),
    ]);
  const store: MockStore = createMockStore({
    program: programVariants.campusCrisisLine,
    ...(options.carryGiftCards ? { giftCards: [...seedGiftCards, ...carriedGiftCards()] } : {}),
  });
  await startMockBackend({ quiet: true, store });
  return {
    kind: 'mock',
    label: 'the mock backend',
    async markPaid(bookingId) {
      await store.markPaid(bookingId);
    },
    async markGiftCardPaid(purchaseId) {
      await store.markGiftCardPaid(purchaseId);
    },
    async emailedCode(purchaseId) {
      return store.emailedCode(purchaseId);
    },
    async keepGiftCard(code) {
      const balance = await store.getGiftCard(code);
      if (!balance.ok) return;
      const { lengthMinutes, sessionsTotal, sessionsRemaining, expiresOn, status } = balance.body;
      const card: SeedGiftCard = {
        code,
        ...(lengthMinutes ? { lengthMinutes } : {}),
        sessionsTotal,
        sessionsRemaining,
        ...(expiresOn ? { expiresOn } : {}),
        ...(status === 'pending' ? { pending: true } : {}),
      };
      const others = carriedGiftCards().filter((saved) => saved.code !== code);
      sessionStorage.setItem(giftKey, JSON.stringify([...others, card]));
    },
    async answerRequest(bookingId, answer) {
      const done =
        answer === 'confirm'
          ? await store.confirmBooking(bookingId)
          : await store.declineBooking(bookingId);
      if (!done) return undefined;
      return (await store.bookings()).find((booking) => booking.id === bookingId)?.status;
    },
  };
}
