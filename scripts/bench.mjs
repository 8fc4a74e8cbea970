#!/usr/bin/env node
/**
 * `npm run bench`: prints the project's figures (QUALITY.md). `npm run size` (`--check`) also
 * enforces the budgets and exits non-zero when one is exceeded.
 *
 * Figures are produced by the `benches` below, each returning `{ columns, rows }`; checks are
 * `budgets` (sizes) and `forbiddenContent` (P4). Timing benchmarks (a headless page measuring a
 * re-render) are entries of `benches` marked `timing: true`: they print medians and maxima within
 * one run and are not budgets, because these machines are shared and noisy. `--check` skips them,
 * so that `npm run size` (part of `npm test`) stays fast.
 *
 * `node scripts/bench.mjs directory` runs only the benches whose name contains `directory`.
 *
 * The size figures read dist/ only: run after `npm run build`. The directory bench (P6, P7, P8)
 * builds its own page and needs Debian's Chromium (scripts/bench-directory.mjs).
 */
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { minify } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = resolve(root, 'dist');
const KiB = 1024;

/**
 * Size budgets of single files, gzip, checked by `--check`. KB as in QUALITY.md: 1,000 bytes.
 * P1 (what each page type downloads through the loader) is measured in a real page instead: see
 * scripts/bench-pages.mjs.
 */
const budgets = [
  { id: 'P2', file: 'cdn/crisis-banner.js', maxGzip: 8 * 1000, what: '<crisis-banner> alone' },
];

/**
 * P4: nothing of MSW or of the mock backend in dist/. Each marker is something only MSW or
 * src/mocks contain and that survives minification (string literals, import specifiers), so
 * that our own code (which may well say "mock" or "worker") does not trip it.
 */
const mswMarkers = [
  { marker: /mockServiceWorker/, what: "MSW's worker script name" },
  { marker: /\[MSW\]/, what: "MSW's console prefix" },
  {
    marker: /\b(?:MOCK_ACTIVATE|INTEGRITY_CHECK_REQUEST|MOCKING_ENABLED)\b/,
    what: 'MSW worker messages',
  },
  { marker: /\b(?:setupWorker|setupServer)\b/, what: 'MSW setup API' },
  { marker: /\bHttpResponse\b/, what: "MSW's HttpResponse" },
  {
    marker: /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']msw(?:\/[^"']*)?["']/,
    what: 'an msw import',
  },
  { marker: /\bimport\b[^;"']*["'][^"']*\/mocks\/[^"']*["']/, what: 'an import of src/mocks' },
];

/**
 * Markers for the mock backend's own data and API: exported names and prose string literals
 * (names, bios, messages) of src/mocks, read with the TypeScript parser, keeping only those that
 * appear nowhere else in src/ (so a schema field or a label the widgets share with the mocks is
 * never a marker). Prose survives minification; exported names catch the readable ESM build.
 */
async function mockMarkers() {
  const { default: ts } = await import('typescript');
  const src = resolve(root, 'src');
  const mocksDir = join(src, 'mocks') + sep;
  const mocks = [];
  const rest = [];
  for (const file of await listFiles(src)) {
    if (!file.endsWith('.ts') || /\.(test|stories)\.ts$/.test(file)) continue;
    const code = await readFile(file, 'utf8');
    (file.startsWith(mocksDir) ? mocks : rest).push({ file, code });
  }
  const elsewhere = rest.map(({ code }) => code).join('\n');
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const candidates = new Map();
  for (const { file, code } of mocks) {
    const visit = (node) => {
      const exported = ts.canHaveModifiers(node)
        ? ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
        : false;
      if (exported && !ts.isTypeAliasDeclaration(node) && !ts.isInterfaceDeclaration(node)) {
        const names = ts.isVariableStatement(node)
          ? node.declarationList.declarations.map((d) => d.name.getText())
          : [node.name?.getText()];
        for (const name of names) {
          if (name && name.length >= 8) {
            candidates.set(name, {
              marker: new RegExp(`\\b${escape(name)}\\b`),
              what: `the mock backend's ${name}`,
            });
          }
        }
      }
      if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
        const text = node.text.trim();
        // Prose: at least three words with letters; not a path, selector or format string.
        if (text.length >= 12 && /\p{L}{2,}(?:\s+\S+){2,}/u.test(text)) {
          candidates.set(text, { marker: new RegExp(escape(text)), what: 'mock data' });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true));
  }
  return [...candidates].filter(([text]) => !elsewhere.includes(text)).map(([, marker]) => marker);
}

/** ---------------------------------------------------------------------------------------- */

const formatBytes = (bytes) => (bytes >= KiB ? `${(bytes / KiB).toFixed(2)} KiB` : `${bytes} B`);

async function listFiles(dir) {
  try {
    return (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

/** Relative static imports (`import … from './x.js'`, `import './x.js'`, `export … from`). */
function staticImports(code) {
  const specifiers = [];
  const pattern =
    /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g;
  for (const match of code.matchAll(pattern)) specifiers.push(match[1]);
  return specifiers;
}

/** The entry plus every file it statically imports, transitively: what importing it costs. */
async function closure(entry) {
  const seen = new Set();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = await readFile(file, 'utf8');
    for (const specifier of staticImports(code)) queue.push(resolve(dirname(file), specifier));
  }
  return [...seen];
}

/**
 * Bytes of a set of files, each compressed on its own (one response per file): raw, gzip, and
 * gzip after minifying (what a bundler that minifies ships; the ESM build itself is readable).
 */
async function measure(files, { minified = false } = {}) {
  const contents = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  const sum = (numbers) => numbers.reduce((a, b) => a + b, 0);
  const minGzip = minified
    ? sum(contents.map(gzip))
    : sum(
        await Promise.all(
          contents.map(async (code, i) => {
            const result = await minify(files[i], code, { module: true });
            if (result.errors.length > 0)
              throw new Error(`minify ${files[i]}: ${result.errors[0]}`);
            return gzip(result.code);
          }),
        ),
      );
  return {
    raw: sum(contents.map((code) => Buffer.byteLength(code))),
    gzip: sum(contents.map(gzip)),
    minGzip,
  };
}

const gzip = (code) => gzipSync(code, { level: 9 }).length;

const sizeColumns = [
  { key: 'name', label: 'file' },
  { key: 'raw', label: 'raw', format: formatBytes },
  { key: 'gzip', label: 'gzip', format: formatBytes },
  { key: 'minGzip', label: 'min+gzip', format: formatBytes },
  { key: 'note', label: '' },
];

/** Sizes: every dist/*.js entry with its static chunks (lit, zod external), every dist/cdn/*.js. */
async function sizeBench() {
  const rows = [];
  const entries = (await readdir(dist)).filter((name) => name.endsWith('.js')).sort();
  for (const name of entries) {
    const files = await closure(join(dist, name));
    rows.push({
      name: `dist/${name}`,
      ...(await measure(files)),
      note: `with ${files.length - 1} chunk(s); lit, @lit/*, zod external`,
    });
  }
  const cdn = (await readdir(join(dist, 'cdn')).catch(() => []))
    .filter((name) => name.endsWith('.js'))
    .sort();
  for (const name of cdn) {
    rows.push({
      name: `dist/cdn/${name}`,
      ...(await measure([join(dist, 'cdn', name)], { minified: true })),
      note: name === 'crisis-banner.js' ? 'everything bundled' : 'loader chunk',
    });
  }
  return { columns: sizeColumns, rows };
}

/**
 * Figures to print: `{ name, run, timing? }`, where `run()` resolves to `{ columns, rows }` (a
 * column is `{ key, label, format? }`) and may add `about`, a line printed under the table.
 * `timing` benches run in a browser and are skipped by `--check`.
 */
const directory = async () => (await import('./bench-directory.mjs')).directoryBench();
const pages = await import('./bench-pages.mjs');
let pageResults;
const benches = [
  { name: 'size', run: sizeBench },
  {
    name: 'P1: what each page type downloads through the script tag',
    run: async () => {
      const table = await pages.pagesBench();
      pageResults = table.results;
      return table;
    },
  },
  {
    name: '<peer-directory>: filter changes (P6, P8)',
    timing: true,
    run: async () => ({ ...(await directory()).main, about: (await directory()).about }),
  },
  {
    name: '<peer-directory>: per change',
    timing: true,
    run: async () => (await directory()).perKind,
  },
  {
    name: '<peer-directory>: layout shift (P7)',
    timing: true,
    run: async () => (await directory()).layout,
  },
  {
    name: 'Reference server: directory search and slots under load (issue 11)',
    timing: true,
    run: async () => (await import('./bench-server.mjs')).serverBench(),
  },
];

function printTable(title, { columns, rows, about }) {
  console.log(`\n${title}`);
  if (about) console.log(about);
  const cells = rows.map((row) =>
    columns.map(({ key, format }) => (format ? format(row[key]) : String(row[key] ?? ''))),
  );
  const widths = columns.map((column, i) =>
    Math.max(column.label.length, ...cells.map((r) => r[i].length)),
  );
  // Numbers right-aligned, text left-aligned.
  const line = (values) =>
    values
      .map((value, i) => (columns[i].format ? value.padStart(widths[i]) : value.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(line(columns.map((column) => column.label)));
  for (const values of cells) console.log(line(values));
}

async function checkBudgets() {
  const failures = [];
  for (const budget of budgets) {
    const file = join(dist, budget.file);
    let size;
    try {
      size = gzip(await readFile(file));
    } catch {
      failures.push(`${budget.id}: dist/${budget.file} is missing (run npm run build)`);
      continue;
    }
    const kb = (bytes) => `${(bytes / 1000).toFixed(2)} KB`;
    const verdict = `${budget.id} ${budget.what}: dist/${budget.file} ${kb(size)} gzip (budget ${kb(budget.maxGzip)})`;
    if (size > budget.maxGzip) failures.push(`${verdict}: over by ${kb(size - budget.maxGzip)}`);
    else console.log(`✓ ${verdict}`);
  }
  return failures;
}

async function checkForbiddenContent() {
  const failures = [];
  const forbiddenContent = [...mswMarkers, ...(await mockMarkers())];
  const files = await listFiles(dist);
  for (const file of files) {
    const code = await readFile(file, 'utf8');
    const hits = [];
    for (const { marker, what } of forbiddenContent) {
      const match = marker.exec(code);
      if (match) {
        const line = code.slice(0, match.index).split('\n').length;
        const text = match[0].length > 60 ? `${match[0].slice(0, 57)}...` : match[0];
        hits.push(`P4: ${relative(root, file)}:${line} contains ${what} (${JSON.stringify(text)})`);
      }
    }
    // A leak matches dozens of markers; the first few say enough.
    failures.push(...hits.slice(0, 5));
    if (hits.length > 5) failures.push(`P4: ${relative(root, file)}: ${hits.length - 5} more`);
  }
  if (failures.length === 0) {
    console.log(
      `✓ P4 no MSW or mock data: ${files.length} files in dist/, ${forbiddenContent.length} markers`,
    );
  }
  return failures;
}

async function main() {
  const check = process.argv.includes('--check');
  const distFiles = await listFiles(dist);
  if (distFiles.length === 0) {
    console.error('dist/ is empty or missing: run npm run build first');
    process.exitCode = 1;
    return;
  }
  const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const selected = benches.filter(
    (bench) => only.length === 0 || only.some((word) => bench.name.includes(word)),
  );
  for (const bench of selected) {
    if (check && bench.timing) continue;
    const start = performance.now();
    let table;
    try {
      table = await bench.run();
    } catch (error) {
      console.error(`\n${bench.name}: failed: ${error instanceof Error ? error.message : error}`);
      process.exitCode = 1;
      continue;
    }
    printTable(`${bench.name} (${Math.round(performance.now() - start)} ms)`, table);
  }
  if (check && selected.some((bench) => bench.timing)) {
    console.log('\n(timing benches skipped with --check: npm run bench prints them)');
  }
  if (!check) return;
  console.log('\nbudgets');
  const failures = [...(await checkBudgets()), ...(await checkForbiddenContent())];
  if (pageResults) failures.push(...pages.pageBudgetFailures(pageResults));
  else if (only.length === 0) failures.push('P1: the page measurement did not run');
  if (failures.length > 0) {
    console.error(`\n✗ ${failures.length} check(s) failed:`);
    for (const failure of failures) console.error(`  ${failure}`);
    process.exitCode = 1;
  }
}

await main();
