/**
 * The MSW mock as a contract backend, in Node: `msw/node` answers the global fetch on a base URL
 * of its own from the mock's handlers and store. `control` adapts the store; every store call is
 * awaited, so the adapter holds whether the store answers at once or with a promise.
 */
import { setupServer } from 'msw/node';
import { createHandlers, createMockStore, type MockStore } from '../../src/mocks/index.js';
import type { Program } from '../../src/api/schemas.js';
import type { ContractBackend } from './control.js';

const ORIGIN = 'http://mock.test';
const BASE_URL = `${ORIGIN}/api`;

export interface MockContractBackend extends ContractBackend {
  /** Starts answering requests; call once before the suite runs. */
  listen(): void;
  close(): void;
}

export function createMockContractBackend(): MockContractBackend {
  let clock = new Date();
  const newStore = async (program?: Program): Promise<MockStore> =>
    await createMockStore({ now: () => clock, origin: ORIGIN, ...(program ? { program } : {}) });
  let store: MockStore | undefined;
  let server: ReturnType<typeof setupServer> | undefined;

  /** The store behind the handlers; the suite resets before every test, so there is one. */
  function current(): MockStore {
    if (!store) throw new Error('mock backend: call control.reset() first');
    return store;
  }

  return {
    name: 'mock (MSW in Node)',
    baseUrl: BASE_URL,
    fetch: (input, init) => globalThis.fetch(input, init),
    listen() {
      const started = setupServer();
      started.listen({ onUnhandledRequest: 'error' });
      server = started;
    },
    close() {
      server?.close();
    },
    control: {
      async reset() {
        store = await newStore();
        server?.resetHandlers(...createHandlers(store, { baseUrl: BASE_URL }));
      },
      async setProgram(program) {
        store = await newStore(program);
        server?.resetHandlers(...createHandlers(store, { baseUrl: BASE_URL }));
      },
      async setNow(now) {
        clock = new Date(now.getTime());
      },
      confirmBooking: async (id) => await current().confirmBooking(id),
      declineBooking: async (id) => await current().declineBooking(id),
      cancelAsSupporter: async (id) => await current().cancelAsSupporter(id),
      markPaid: async (id) => await current().markPaid(id),
      markGiftCardPaid: async (id) => await current().markGiftCardPaid(id),
      emailedCode: async (id) => await current().emailedCode(id),
    },
  };
}
