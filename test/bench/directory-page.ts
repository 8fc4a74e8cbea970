/**
 * The page `npm run bench` opens in headless Chromium to measure `<peer-directory>` against the
 * MSW mock backend with 5,000 generated supporters (QUALITY P6, P7, P8). scripts/bench-directory.mjs
 * bundles this module with production Lit, serves it and drives the filters with Playwright; this
 * side only records what happens and reports it through `window.bench`.
 *
 * Nothing here reaches into the element's private state: it sees the change events a person's
 * input fires, the element's requests (fetch), the mock's own filtering time (the store's
 * `listSupporters`), the element's Lit `update()` calls and `updateComplete`, the DOM's
 * `aria-busy`, and the browser's long tasks and layout shifts.
 */
import { endpoints } from '../../src/api/endpoints.js';
import { directory as strings } from '../../src/i18n/en.js';
import { createMockStore, createSeedSupporters, startMockBackend } from '../../src/mocks/index.js';
import '../../src/elements/peer-directory/define.js';
import type { PeerDirectory } from '../../src/elements/peer-directory/peer-directory.js';

export const SUPPORTERS = 5000;

interface Span {
  start: number;
  end: number;
}

interface Call extends Partial<Span> {
  start: number;
  ok?: boolean;
  /** When the body had been read (the client reads it with `text()`). */
  bodyAt?: number;
}

/** One filter change, from the person's input to the updated DOM and the next frame. */
export interface ChangeResult {
  ok: boolean;
  reason?: string;
  /** The input or change event that led to the request (the last keystroke for a search). */
  eventAt: number;
  requestAt: number;
  /** The response's headers arrived (fetch resolved). */
  responseAt: number;
  /** Its body had been read: from here on it is the element's work (validation, render). */
  bodyAt: number;
  /** `updateComplete` resolved after the update that showed the new results. */
  doneAt: number;
  /** The next frame after that: style, layout and paint of the new results included. */
  frameAt: number;
  /** Time spent in the mock store's filtering (part of request → response). */
  mockMs: number;
  /** Lit `update()` calls of the directory (render + commit) between the event and doneAt. */
  updateMs: number;
  updates: number;
  /** The `update()` that committed the results. */
  resultsUpdateMs: number;
  /** Keystrokes: event → `update()` done, for the re-render each keystroke causes. */
  keystrokes: { latencyMs: number; updateMs: number }[];
  /** Cards on screen afterwards, and the total the element reports, as a sanity check. */
  cards: number;
}

export interface Shift {
  at: number;
  value: number;
  hadRecentInput: boolean;
  sources: string[];
}

export interface Report {
  supporters: number;
  userAgent: string;
  loadStartAt: number;
  loadDoneAt: number;
  longTasks: { start: number; duration: number; mock: boolean }[];
  shifts: Shift[];
  /** Input and change events in the directory (the bench's own changes). */
  changeEvents: number[];
  errors: string[];
}

declare global {
  interface Window {
    bench: {
      strings: typeof strings;
      supporters: number;
      ready: Promise<ChangeResult>;
      mark(): number;
      settle(since: number, timeoutMs?: number): Promise<ChangeResult>;
      report(): Report;
    };
  }
}

/** Input and change events inside the directory; `typed`: from a text field. */
const events: { at: number; typed: boolean }[] = [];
const requests: Call[] = [];
const mockCalls: Span[] = [];
const updates: Span[] = [];
const longTasks: Report['longTasks'] = [];
const shifts: Shift[] = [];
const errors: string[] = [];
const afterUpdate = new Set<() => void>();

// ---- observers, before anything renders ----------------------------------------------------

interface LayoutShiftEntry extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
  sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
}

function describe(node: Element): string {
  const root = node.getRootNode();
  const host = root instanceof ShadowRoot ? `${root.host.localName} >> ` : '';
  const part = node.getAttribute('part');
  const classes = [...node.classList].map((c) => `.${c}`).join('');
  return `${host}${node.localName}${classes}${part ? `[part=${part}]` : ''}`;
}

/** Every element of the page, shadow trees included. */
function* allElements(root: ParentNode = document): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* allElements(element.shadowRoot);
  }
}

/**
 * Chromium gives no node for a shift inside a shadow tree: find the (outermost) element now at
 * the shifted rect instead. Good enough to name the source; "?" when it has changed again since.
 */
function shiftedNode(node: Node | null, rect: DOMRectReadOnly): string {
  if (node instanceof Element) return describe(node);
  if (rect.width === 0 && rect.height === 0) return '(out of view)';
  const near = (a: number, b: number) => Math.abs(a - b) < 1;
  for (const element of allElements()) {
    const r = element.getBoundingClientRect();
    if (
      near(r.x, rect.x) &&
      near(r.y, rect.y) &&
      near(r.width, rect.width) &&
      near(r.height, rect.height)
    ) {
      return describe(element);
    }
  }
  return '?';
}

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    longTasks.push({ start: entry.startTime, duration: entry.duration, mock: false });
  }
}).observe({ type: 'longtask', buffered: true });

new PerformanceObserver((list) => {
  for (const entry of list.getEntries() as LayoutShiftEntry[]) {
    shifts.push({
      at: entry.startTime,
      value: entry.value,
      hadRecentInput: entry.hadRecentInput,
      sources: entry.sources.map((source) => {
        const before = source.previousRect;
        const after = source.currentRect;
        const name = shiftedNode(source.node, after);
        return `${name} (${Math.round(before.x)},${Math.round(before.y)} ${Math.round(before.width)}x${Math.round(before.height)} → ${Math.round(after.x)},${Math.round(after.y)} ${Math.round(after.width)}x${Math.round(after.height)})`;
      }),
    });
  }
}).observe({ type: 'layout-shift', buffered: true });

addEventListener('error', (event) => errors.push(String(event.message)));
addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)));

// ---- the element's requests and the mock's own time -------------------------------------------

const searchPath = endpoints.listSupporters.path;
const pageFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  if (!new URL(url, location.href).pathname.endsWith(searchPath)) return pageFetch(input, init);
  const request: Call = { start: performance.now() };
  requests.push(request);
  try {
    const response = await pageFetch(input, init);
    request.ok = response.ok;
    for (const method of ['text', 'json'] as const) {
      const read = response[method].bind(response) as () => Promise<never>;
      response[method] = () =>
        read().finally(() => {
          request.bodyAt = performance.now();
        });
    }
    return response;
  } catch (error) {
    request.ok = false;
    throw error;
  } finally {
    request.end = performance.now();
  }
};

const store = createMockStore({ supporters: createSeedSupporters(SUPPORTERS) });
const listSupporters = store.listSupporters;
store.listSupporters = async (query) => {
  const start = performance.now();
  try {
    return await listSupporters(query);
  } finally {
    mockCalls.push({ start, end: performance.now() });
  }
};

// ---- the element --------------------------------------------------------------------------

function instrument(el: PeerDirectory): void {
  const target = el as unknown as { update(changed: unknown): void };
  const update = target.update;
  target.update = function (this: unknown, changed: unknown) {
    const start = performance.now();
    try {
      update.call(this, changed);
    } finally {
      updates.push({ start, end: performance.now() });
      queueMicrotask(() => afterUpdate.forEach((check) => check()));
    }
  };
  for (const type of ['input', 'change']) {
    el.shadowRoot!.addEventListener(
      type,
      (event) => {
        const target = event.composedPath()[0];
        const typed =
          type === 'input' && target instanceof HTMLInputElement && target.type !== 'checkbox';
        events.push({ at: event.timeStamp, typed });
      },
      { capture: true },
    );
  }
}

const nextFrame = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      // After this frame's style, layout and paint: the next task.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );

const sum = (spans: Span[]) => spans.reduce((total, s) => total + (s.end - s.start), 0);

let el: PeerDirectory;
let loadStartAt = 0;
let loadDoneAt = 0;

/**
 * Resolves once the results for the latest request after `since` are on screen: the request has
 * answered, an update ran after that, nothing in the directory is `aria-busy`, and
 * `updateComplete` has resolved. Then waits for the next frame.
 */
function settle(since: number, timeoutMs = 15_000): Promise<ChangeResult> {
  return new Promise((resolve) => {
    let finished = false;
    const fail = (reason: string) => {
      if (finished) return;
      finished = true;
      afterUpdate.delete(check);
      resolve({ ok: false, reason } as ChangeResult);
    };
    const timer = setTimeout(() => fail(`no results within ${timeoutMs} ms`), timeoutMs);
    function check(): void {
      if (finished) return;
      const request = requests.filter((r) => r.start >= since).at(-1);
      if (!request?.end) return;
      const last = updates.at(-1);
      if (!last || last.end < request.end) return;
      if (el.shadowRoot!.querySelector('[aria-busy="true"]')) return;
      finished = true;
      afterUpdate.delete(check);
      clearTimeout(timer);
      void el.updateComplete.then(async () => {
        const doneAt = performance.now();
        const frameAt = await nextFrame();
        const fired = events.filter((e) => e.at >= since && e.at <= request.start);
        const eventAt = fired.at(-1)?.at ?? since;
        const during = updates.filter((u) => u.start >= eventAt && u.end <= doneAt);
        // Each keystroke re-renders (the field's draft); the search itself waits for a pause.
        const keystrokes = fired
          .filter((e) => e.typed)
          .flatMap((e) => {
            const u = updates.find((u) => u.start >= e.at && u.end <= request.start);
            return u ? [{ latencyMs: u.end - e.at, updateMs: u.end - u.start }] : [];
          });
        const mock = mockCalls.filter((m) => m.start >= request.start && m.end <= request.end!);
        resolve({
          ok: request.ok === true,
          ...(request.ok ? {} : { reason: 'the request failed' }),
          eventAt,
          requestAt: request.start,
          responseAt: request.end!,
          bodyAt: request.bodyAt ?? request.end!,
          doneAt,
          frameAt,
          mockMs: sum(mock),
          updateMs: sum(during),
          updates: during.length,
          resultsUpdateMs: last.end - last.start,
          keystrokes,
          cards: el.shadowRoot!.querySelectorAll('[part="card"]').length,
        });
      });
    }
    afterUpdate.add(check);
    check();
  });
}

async function load(): Promise<ChangeResult> {
  await startMockBackend({ store, quiet: true });
  el = document.createElement('peer-directory');
  el.setAttribute('api-base', '/api');
  loadStartAt = performance.now();
  document.querySelector('main')!.append(el);
  instrument(el);
  const result = await settle(loadStartAt);
  loadDoneAt = result.frameAt;
  return { ...result, eventAt: loadStartAt };
}

window.bench = {
  strings,
  supporters: SUPPORTERS,
  ready: load(),
  mark: () => performance.now(),
  settle,
  report() {
    for (const task of longTasks) {
      const end = task.start + task.duration;
      task.mock = mockCalls.some((m) => m.start >= task.start && m.end <= end);
    }
    return {
      supporters: SUPPORTERS,
      userAgent: navigator.userAgent,
      loadStartAt,
      loadDoneAt,
      longTasks,
      shifts,
      changeEvents: events.map((e) => e.at),
      errors,
    };
  },
};
