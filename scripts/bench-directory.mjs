/**
 * The `<peer-directory>` timing bench for `npm run bench` (QUALITY P6, P7, P8): 5,000 generated
 * supporters behind the MSW mock backend, in headless Debian Chromium, driven by Playwright.
 *
 * 1. Bundles test/bench/directory-page.ts with Vite (production Lit, minified) into a temp dir.
 * 2. Serves it, plus MSW's worker at /mockServiceWorker.js, from a tiny static server on
 *    127.0.0.1 (a secure context, so the service worker runs).
 * 3. Loads the page a few times, then makes filter changes the way a person does (checkboxes,
 *    selects, typing a search) and reads back, per change: event → request sent, the request's
 *    round trip through MSW (and the mock's own filtering within it), body read → DOM updated
 *    (`updateComplete`: validation, task and render, the element's part), the directory's Lit
 *    `update()` time, the next frame; and over the whole run the long tasks and layout shifts.
 *
 * Figures, never budgets: these machines are shared and noisy. Everything it starts (server,
 * browser, temp dir) is shut down at the end, also on failure or after the time limit.
 * `BENCH_VERBOSE=1 npm run bench` also prints every change and every layout shift with what moved.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { clearTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, executablePath } from '../test/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = resolve(root, 'test/bench/directory-page.ts');
const mswWorker = resolve(root, 'node_modules/msw/lib/mockServiceWorker.js');

/** The whole bench, build included, gives up after this long. */
const LIMIT_MS = 90_000;
/** Rounds over the list of changes below: more samples for the medians. */
const ROUNDS = 3;
/** Page loads measured (the last one is then filtered). */
const LOADS = 3;
const VIEWPORT = { width: 1280, height: 800 };

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>peer-directory bench</title>
  </head>
  <body>
    <main></main>
    <script type="module" src="/page.js"></script>
  </body>
</html>
`;

/** A stand-in photo, so cards load real images (with their reserved size) and no network. */
const photo = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#8a9"/></svg>`;

/** Bundles the page the way the library ships: production Lit, minified, es2022. */
async function bundle(outDir) {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root,
    publicDir: false,
    logLevel: 'warn',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    resolve: { conditions: ['module', 'browser', 'production'] },
    build: {
      outDir,
      emptyOutDir: true,
      copyPublicDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 4096,
      rolldownOptions: {
        input: { page: entry },
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  });
  await writeFile(join(outDir, 'index.html'), page);
}

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves `dir` and MSW's worker on 127.0.0.1 at a free port. */
async function serve(dir) {
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      const file =
        path === '/mockServiceWorker.js'
          ? mswWorker
          : resolve(dir, `.${path === '/' ? '/index.html' : path}`);
      if (file !== mswWorker && !file.startsWith(dir + sep)) throw new Error('outside');
      const body = await readFile(file);
      response.writeHead(200, {
        'Content-Type': `${types[extname(file)] ?? 'application/octet-stream'}; charset=utf-8`,
        'Cache-Control': 'no-store',
        ...(file === mswWorker ? { 'Service-Worker-Allowed': '/' } : {}),
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/**
 * The changes a person makes, in order; each yields a new query. `kind` groups them in the
 * table. A round ends where it started (no filters), so rounds are alike.
 */
function changes(tab, s) {
  const boxes = (name) =>
    tab
      .getByRole('group', { name, exact: true, includeHidden: true })
      .getByRole('checkbox', { includeHidden: true });
  const topics = boxes(s.topics);
  const identities = boxes(s.identities);
  // A select's name is its label followed by the chosen option ("Language Any language").
  const select = (label) =>
    tab
      .getByRole('combobox', {
        name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      })
      .first();
  const search = tab.getByRole('searchbox', { name: s.search });
  const check = (box) => ({ prepare: () => reveal(box), act: () => box.click() });
  return [
    { kind: 'topic checkbox', ...check(topics.nth(0)) },
    { kind: 'topic checkbox', ...check(topics.nth(3)) },
    { kind: 'topic checkbox', ...check(topics.nth(0)) },
    { kind: 'topic checkbox', ...check(topics.nth(3)) },
    { kind: 'identity checkbox', ...check(identities.nth(1)) },
    { kind: 'identity checkbox', ...check(identities.nth(1)) },
    { kind: 'language select', act: () => select(s.language).selectOption('es') },
    { kind: 'language select', act: () => select(s.language).selectOption('') },
    { kind: 'available-within select', act: () => select(s.within).selectOption('7') },
    { kind: 'available-within select', act: () => select(s.within).selectOption('') },
    { kind: 'sort select', act: () => select(s.sort).selectOption('name') },
    { kind: 'sort select', act: () => select(s.sort).selectOption('next-available') },
    {
      kind: 'search (typed, 250 ms pause)',
      act: () => search.pressSequentially('ana', { delay: 60 }),
    },
    { kind: 'search (typed, 250 ms pause)', act: () => search.fill('') },
  ];
}

/**
 * Opens a collapsed `<details>` around a control with a click on its summary, as a person would
 * before the change being measured, so the bench does not depend on how the filters are laid out.
 */
async function reveal(control) {
  if (await control.isVisible()) return;
  const summary = await control.evaluateHandle((el) => {
    const details = el.closest('details');
    return details && !details.open ? details.querySelector('summary') : null;
  });
  await summary.asElement()?.click();
  await summary.dispose();
  await control.waitFor({ state: 'visible' });
}

const median = (values) => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const max = (values) => (values.length ? Math.max(...values) : undefined);

/** CLS as Chrome computes it: the largest session window (gaps < 1 s, windows ≤ 5 s). */
function cls(shifts) {
  let worst = 0;
  let session = 0;
  let first = -Infinity;
  let previous = -Infinity;
  for (const { at, value } of shifts) {
    if (at - previous > 1000 || at - first > 5000) {
      session = 0;
      first = at;
    }
    session += value;
    previous = at;
    worst = Math.max(worst, session);
  }
  return worst;
}

async function run(state) {
  const { chromium } = await import('playwright');
  state.dir = await mkdtemp(join(tmpdir(), 'peer-directory-bench-'));
  const buildStart = performance.now();
  await bundle(state.dir);
  const buildMs = performance.now() - buildStart;
  state.server = await serve(state.dir);
  state.browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  // Past the time limit, the cleanup has already run: close what came too late, and stop.
  if (state.closed) {
    await Promise.all([state.browser.close(), state.server.close()]);
    throw new Error('stopped');
  }
  const context = await state.browser.newContext({ viewport: VIEWPORT });
  await context.route('https://images.example.org/**', (route) =>
    route.fulfill({ contentType: 'image/svg+xml', body: photo }),
  );
  context.setDefaultTimeout(10_000);
  const tab = await context.newPage();
  const consoleErrors = [];
  tab.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  tab.on('pageerror', (error) => consoleErrors.push(String(error)));

  // Loads: a fresh page each time (the service worker stays); the last one is then filtered.
  const loads = [];
  for (let i = 0; i < LOADS; i++) {
    await tab.goto(state.server.url);
    await tab.waitForFunction(() => 'bench' in globalThis);
    const load = await tab.evaluate(() => globalThis.bench.ready);
    if (!load.ok) throw new Error(`the directory did not load: ${load.reason}`);
    await tab.waitForTimeout(500);
    loads.push({ load, report: await tab.evaluate(() => globalThis.bench.report()) });
  }
  const s = await tab.evaluate(() => globalThis.bench.strings);
  const supporters = await tab.evaluate(() => globalThis.bench.supporters);

  const samples = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const { kind, prepare, act } of changes(tab, s)) {
      await prepare?.();
      // A quiet moment first, so one change's stragglers do not count for the next.
      await tab.waitForTimeout(50);
      const since = await tab.evaluate(() => globalThis.bench.mark());
      await act();
      const result = await tab.evaluate((at) => globalThis.bench.settle(at), since);
      if (!result.ok) throw new Error(`${kind}: ${result.reason}`);
      samples.push({ kind, ...result });
    }
  }
  await tab.waitForTimeout(300);
  const report = await tab.evaluate(() => globalThis.bench.report());
  if (process.env.BENCH_VERBOSE) {
    console.log('\nchanges: total, event → request, round trip, body read → DOM, update() ms');
    for (const x of samples) {
      const figures = [
        x.doneAt - x.eventAt,
        x.requestAt - x.eventAt,
        x.bodyAt - x.requestAt,
        x.doneAt - x.bodyAt,
        x.updateMs,
      ];
      console.log(`${x.kind.padEnd(30)} ${figures.map((f) => f.toFixed(1).padStart(7)).join('')}`);
    }
    console.log('\nlayout shifts of the last page, ms after the element was added:');
    for (const x of report.shifts) {
      console.log(
        `${Math.round(x.at - report.loadStartAt)} ms  ${x.value.toFixed(4)}${x.hadRecentInput ? '  (after input)' : ''}`,
      );
      for (const source of x.sources) console.log(`    ${source}`);
    }
  }
  return { buildMs, loads, supporters, samples, report, consoleErrors };
}

const ms = (value) => (value === undefined ? '' : `${value.toFixed(1)} ms`);

const timingColumns = [
  { key: 'measure', label: 'measure' },
  { key: 'median', label: 'median', format: ms },
  { key: 'max', label: 'max', format: ms },
  { key: 'n', label: 'n', format: (n) => (n === undefined ? '' : String(n)) },
  { key: 'note', label: '' },
];

const sumOf = (list) => list.reduce((sum, x) => sum + x.value, 0);

function tables({ buildMs, loads, supporters, samples, report, consoleErrors }) {
  const row = (measure, values, note = '') => ({
    measure,
    median: median(values),
    max: max(values),
    n: values.length,
    note,
  });
  const filterSamples = samples.filter((x) => !x.kind.startsWith('search'));
  const searchSamples = samples.filter((x) => x.kind.startsWith('search'));
  // The element's own time: before its request, and from the body being read to the DOM.
  const element = (x) => x.doneAt - x.bodyAt;
  const roundTrip = (x) => x.bodyAt - x.requestAt;
  const keystrokes = samples.flatMap((x) => x.keystrokes);

  // Load: from the element being added until its first results are painted, on each page.
  const loadTasks = loads.map(({ report: r }) =>
    r.longTasks.filter((t) => t.start >= r.loadStartAt && t.start <= r.loadDoneAt),
  );
  const loadShifts = loads.map(({ report: r }) =>
    r.shifts.filter((x) => x.at >= r.loadStartAt && x.at <= r.loadDoneAt + 500),
  );

  // Filter changes, on the last page.
  const changesStart = Math.min(...samples.map((x) => x.eventAt));
  const changesEnd = Math.max(...samples.map((x) => x.frameAt));
  const changeTasks = report.longTasks.filter(
    (t) => t.start >= changesStart && t.start <= changesEnd,
  );
  // Chrome leaves shifts within 500 ms of input out of CLS. Selects changed by Playwright fire no
  // input Chrome counts, so the same rule is applied here to every change the bench makes.
  const afterChange = (x) =>
    x.hadRecentInput || report.changeEvents.some((at) => x.at >= at && x.at - at < 500);
  const changeShifts = report.shifts.filter((x) => x.at > report.loadDoneAt + 500);
  const expected = changeShifts.filter(afterChange);
  const unexpected = changeShifts.filter((x) => !afterChange(x));

  const longest = (tasks) => max(tasks.map((t) => t.duration)) ?? 0;
  const taskNote = (tasks) =>
    tasks.length === 0
      ? 'none ≥ 50 ms'
      : `${tasks.length} task(s) ≥ 50 ms, ${tasks.filter((t) => t.mock).length} running the mock`;
  const allLoadTasks = loadTasks.flat();

  const main = {
    columns: timingColumns,
    rows: [
      row(
        'load: element added → first results painted',
        loads.map(({ load }) => load.frameAt - load.eventAt),
        'first page of 24 with facets',
      ),
      row(
        'filter change → DOM updated (total)',
        filterSamples.map((x) => x.doneAt - x.eventAt),
        'checkboxes and selects: event → updateComplete',
      ),
      row(
        '  event → request sent',
        filterSamples.map((x) => x.requestAt - x.eventAt),
        'element: re-renders before its task sends',
      ),
      row(
        '  request → body read',
        filterSamples.map(roundTrip),
        'MSW service-worker round trip, mock included',
      ),
      row(
        '    of which the mock filtering',
        filterSamples.map((x) => x.mockMs),
        `store.listSupporters over ${supporters.toLocaleString('en')}`,
      ),
      row(
        '  body read → DOM updated',
        filterSamples.map(element),
        'element: validation, task, render',
      ),
      row(
        'element time (total − round trip)',
        filterSamples.map((x) => x.doneAt - x.eventAt - roundTrip(x)),
        'P6 target: < 50 ms',
      ),
      row(
        'Lit update() per change, summed',
        samples.map((x) => x.updateMs),
        `render + commit; ${median(samples.map((x) => x.updates))} updates per change (median)`,
      ),
      row(
        '  the update that shows the results',
        samples.map((x) => x.resultsUpdateMs),
      ),
      row(
        'filter change → next frame',
        filterSamples.map((x) => x.frameAt - x.eventAt),
        'total + style, layout, paint',
      ),
      row(
        'search: last keystroke → DOM updated',
        searchSamples.map((x) => x.doneAt - x.eventAt),
        'includes the 250 ms typing pause (by design)',
      ),
      row(
        '  body read → DOM updated',
        searchSamples.map(element),
        'element: validation, task, render',
      ),
      row(
        'keystroke → field re-rendered',
        keystrokes.map((k) => k.latencyMs),
        'each keystroke re-renders the directory',
      ),
      row(
        'longest task, load (P8)',
        loadTasks.map((tasks) => longest(tasks)),
        `${taskNote(allLoadTasks)}; 0 = none`,
      ),
      row(
        '  without mock work',
        loadTasks.map((tasks) => longest(tasks.filter((t) => !t.mock))),
        '0 = none ≥ 50 ms',
      ),
      row(
        'longest task, filter changes (P8)',
        [longest(changeTasks)],
        `${taskNote(changeTasks)}; 0 = none`,
      ),
      row('  without mock work', [longest(changeTasks.filter((t) => !t.mock))], '0 = none ≥ 50 ms'),
    ],
  };

  const layout = {
    columns: [
      { key: 'measure', label: 'measure' },
      { key: 'value', label: 'value', format: (v) => v.toFixed(4) },
      { key: 'n', label: 'shifts', format: String },
      { key: 'note', label: 'moved (most often first)' },
    ],
    rows: [
      {
        measure: `CLS, load (median of ${loads.length})`,
        value: median(loadShifts.map((shifts) => cls(shifts.filter((x) => !x.hadRecentInput)))),
        n: median(loadShifts.map((shifts) => shifts.length)),
        note: sources(loadShifts.flat()),
      },
      {
        measure: 'CLS, filter changes',
        value: cls(unexpected),
        n: unexpected.length,
        note: sources(unexpected),
      },
      {
        measure: 'shifts < 500 ms after a change (sum)',
        value: sumOf(expected),
        n: expected.length,
        note: `not CLS; ${sources(expected)}`,
      },
    ],
  };

  const kinds = [...new Set(samples.map((x) => x.kind))];
  const perKind = {
    columns: [
      { key: 'kind', label: 'change (medians)' },
      { key: 'total', label: 'total', format: ms },
      { key: 'request', label: '→request', format: ms },
      { key: 'roundTrip', label: 'round trip', format: ms },
      { key: 'mock', label: 'mock', format: ms },
      { key: 'element', label: 'body→DOM', format: ms },
      { key: 'update', label: 'update()', format: ms },
      { key: 'updates', label: 'updates', format: String },
      { key: 'cards', label: 'cards', format: String },
      { key: 'n', label: 'n', format: String },
    ],
    rows: kinds.map((kind) => {
      const of = samples.filter((x) => x.kind === kind);
      const m = (f) => median(of.map(f));
      return {
        kind,
        total: m((x) => x.doneAt - x.eventAt),
        request: m((x) => x.requestAt - x.eventAt),
        roundTrip: m(roundTrip),
        mock: m((x) => x.mockMs),
        element: m(element),
        update: m((x) => x.updateMs),
        updates: m((x) => x.updates),
        cards: m((x) => x.cards),
        n: of.length,
      };
    }),
  };

  const errors = [
    ...new Set([...loads.flatMap(({ report: r }) => r.errors), ...report.errors, ...consoleErrors]),
  ];
  const version = /Chrome\/([\d.]+)/.exec(report.userAgent)?.[1] ?? report.userAgent;
  const about =
    `${supporters.toLocaleString('en')} supporters, headless Chromium ${version}, ` +
    `${VIEWPORT.width}x${VIEWPORT.height}, production Lit, ${loads.length} loads, ` +
    `${ROUNDS} rounds of ${kinds.length} kinds of change; page bundled in ${Math.round(buildMs)} ms; ` +
    // Other work on a shared machine shows up in the maxima first.
    `machine load ${loadavg()[0].toFixed(1)} on ${availableParallelism()} CPUs` +
    (errors.length ? `\npage errors: ${errors.slice(0, 3).join(' | ')}` : '');
  return { main, layout, perKind, about };
}

/** The top layout-shift sources, by node, for the notes column. */
function sources(shifts) {
  const count = new Map();
  for (const shift of shifts) {
    for (const source of shift.sources) {
      const node = source.replace(/ \(.*\)$/, '');
      count.set(node, (count.get(node) ?? 0) + 1);
    }
  }
  return [...count]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([node, n]) => `${node}${n > 1 ? ` x${n}` : ''}`)
    .join('; ');
}

let running;

/** Runs once (several tables share it); everything is shut down before it resolves. */
export function directoryBench() {
  running ??= (async () => {
    const state = {};
    let timer;
    const limit = new Promise((_, fail) => {
      timer = setTimeout(
        () => fail(new Error(`the directory bench took over ${LIMIT_MS / 1000} s`)),
        LIMIT_MS,
      );
    });
    try {
      return tables(await Promise.race([run(state), limit]));
    } finally {
      state.closed = true;
      clearTimeout(timer);
      await state.browser?.close().catch(() => {});
      await state.server?.close();
      if (state.dir) await rm(state.dir, { recursive: true, force: true });
    }
  })();
  return running;
}
