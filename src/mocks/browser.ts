/**
 * Starts the mock backend in the browser: an MSW service worker answering the API from a store.
 * Stories, tests and the demo page call this; nothing in the shipped elements imports it.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createHandlers } from './handlers.js';
import { createMockStore, type MockStore } from './store.js';

export interface MockBackendOptions {
  /** Base URL the elements call; `/api` by default. */
  baseUrl?: string;
  /** Store to answer from; a fresh seeded store by default. A later call with another store swaps it in. */
  store?: MockStore;
  /** Keep MSW's console messages out of the way; true by default. */
  quiet?: boolean;
  /** Where the worker script is served; `/mockServiceWorker.js` by default. */
  serviceWorkerUrl?: string;
}

export interface MockBackend {
  worker: SetupWorker;
  store: MockStore;
}

interface Running extends MockBackend {
  baseUrl: string;
}

let running: Promise<Running> | undefined;

/**
 * Starts the worker once per page; later calls reuse it. Passing another `store` or `baseUrl`
 * makes its handlers the new defaults (what `worker.resetHandlers()` returns to).
 */
export async function startMockBackend(options: MockBackendOptions = {}): Promise<MockBackend> {
  if (!running) {
    const baseUrl = options.baseUrl ?? '/api';
    const store = options.store ?? createMockStore();
    const starting = (async (): Promise<Running> => {
      const worker = setupWorker(...createHandlers(store, { baseUrl }));
      await worker.start({
        quiet: options.quiet ?? true,
        // The page's own requests (modules, images) are none of the mock's business.
        onUnhandledRequest: 'bypass',
        serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
      });
      return { worker, store, baseUrl };
    })();
    running = starting;
    // A failed start (no service worker support, wrong URL) may be retried.
    starting.catch(() => {
      if (running === starting) running = undefined;
    });
  }
  const backend = await running;
  const baseUrl = options.baseUrl ?? backend.baseUrl;
  const store = options.store ?? backend.store;
  if (store !== backend.store || baseUrl !== backend.baseUrl) {
    backend.worker.resetHandlers(...createHandlers(store, { baseUrl }));
    backend.store = store;
    backend.baseUrl = baseUrl;
  }
  return { worker: backend.worker, store: backend.store };
}

/** Stops the worker; the next `startMockBackend` starts a new one. */
export async function stopMockBackend(): Promise<void> {
  const current = running;
  running = undefined;
  if (current) (await current).worker.stop();
}
