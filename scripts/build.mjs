#!/usr/bin/env node
/**
 * `npm run build`: everything that goes into dist/.
 *
 * 1. ESM library for bundlers: one file per package.json export (`dist/<name>.js`), lit, @lit/*
 *    and zod external, shared code in dist/chunks/. Readable, not minified (bundlers minify).
 * 2. Script-tag bundles in dist/cdn/: self-registering IIFEs with every dependency inlined,
 *    minified. `peer-support-widgets.js` (package.json `unpkg`) and the crisis banner alone.
 * 3. Type declarations into dist/types with `tsc -p tsconfig.build.json`: the entries' modules
 *    and what they import, nothing else (a declaration of a module whose code is in no entry,
 *    such as the OpenAPI generator's, would describe JavaScript the package does not ship);
 *    then the template types for frameworks (`peer-support-widgets/jsx` and `/vue`) from
 *    custom-elements.json (scripts/framework-types.mjs).
 *
 * The ESM entries come from package.json `exports`: an export whose `default` is `./dist/<name>.js`
 * and whose `types` is `./dist/types/<path>.d.ts` is built from `src/<path>.ts`. A new element is
 * one new export there, the same `src/<path>.ts` in tsconfig.build.json `files` (the build says
 * so when it is missing), and a line in `cdnBundles` if it gets its own script-tag bundle.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transform as transformCss } from 'lightningcss';
import { build } from 'vite';
import { generatedExports, writeFrameworkTypes } from './framework-types.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = resolve(root, 'dist');
const pkg = JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8'));

/**
 * Script-tag files in dist/cdn/. The loader (`peer-support-widgets.js`, package.json `unpkg`) is an
 * ES module that imports each element's chunk from beside itself when its tag appears; the crisis
 * banner alone is one classic script exposing its class as `PeerCrisisBanner`.
 */
const cdnLoader = { file: 'peer-support-widgets', entry: 'src/script-tag.ts' };
const cdnBundles = [
  {
    file: 'crisis-banner',
    entry: 'src/elements/crisis-banner/define.ts',
    globalName: 'PeerCrisisBanner',
  },
];

/**
 * Dependencies bundlers resolve themselves (and dedupe with the host page's copy of Lit). React and
 * `@lit/react` are the `react` entry's optional peers: only dist/react.js imports them.
 */
const external = [/^lit(\/|$)/, /^@lit\//, /^zod(\/|$)/, /^react(-dom)?(\/|$)/];

/** `{ index: 'src/index.ts', 'crisis-banner': 'src/elements/crisis-banner/define.ts', ... }` */
export function libraryEntries(exportsField) {
  const entries = {};
  for (const [key, target] of Object.entries(exportsField)) {
    if (typeof target !== 'object' || target === null || generatedExports.includes(key)) continue;
    const js = /^\.\/dist\/([\w-]+)\.js$/.exec(target.default ?? '');
    const types = /^\.\/dist\/types\/(.+)\.d\.ts$/.exec(target.types ?? '');
    if (!js || !types) {
      throw new Error(
        `package.json exports["${key}"]: expected { types: "./dist/types/<path>.d.ts", default: "./dist/<name>.js" }`,
      );
    }
    entries[js[1]] = `src/${types[1]}.ts`;
  }
  return entries;
}

/**
 * Fails the build when the mock backend or MSW is reached from a published entry (P4): a wrong
 * import should break `npm run build`, not ship 100 KB of service-worker code.
 */
function forbidMocks() {
  const mocksDir = resolve(root, 'src/mocks') + sep;
  return {
    name: 'peer:forbid-mocks',
    enforce: 'pre',
    resolveId(source, importer) {
      if (/^msw(\/|$)/.test(source)) {
        throw new Error(
          `"${source}" imported by ${shortPath(importer)}: msw must never reach dist/`,
        );
      }
      return null;
    },
    load(id) {
      if (id.startsWith(mocksDir)) {
        throw new Error(`${shortPath(id)} is part of the build: src/mocks must never reach dist/`);
      }
      return null;
    },
  };
}

const shortPath = (id) => (id ? relative(root, id) : '(entry)');

/**
 * Minifies the CSS of `css` and `sheet` tagged templates in src (those without interpolations):
 * the shipped styles lose their comments and indentation, which the size budgets count.
 */
function minifyStyleLiterals() {
  const srcDir = resolve(root, 'src') + sep;
  return {
    name: 'peer:minify-style-literals',
    transform(code, id) {
      if (!id.startsWith(srcDir) || !id.endsWith('.ts')) return null;
      let changed = false;
      const out = code.replace(/(?<=[=(,]\s*)(css|sheet)`([^`$\\]*)`/g, (whole, tag, text) => {
        const { code: minified } = transformCss({
          filename: `${shortPath(id)}.css`,
          code: Buffer.from(text),
          minify: true,
        });
        changed = true;
        return `${tag}\`${minified.toString()}\``;
      });
      return changed ? { code: out, map: null } : null;
    },
  };
}

/**
 * Collapses the indentation inside Lit's `html` templates in src: a run of white space with a
 * line break becomes one space, which HTML renders the same (none of our templates has `<pre>` or
 * `white-space: pre`). Only the literal parts change, never an expression. About 0.3 KB gzip on
 * the directory page (QUALITY P1).
 */
function minifyHtmlLiterals() {
  const srcDir = resolve(root, 'src') + sep;
  let ts;
  return {
    name: 'peer:minify-html-literals',
    async transform(code, id) {
      if (!id.startsWith(srcDir) || !id.endsWith('.ts') || !code.includes('html`')) return null;
      ts ??= (await import('typescript')).default;
      const file = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      const edits = [];
      const visit = (node) => {
        if (ts.isTaggedTemplateExpression(node) && node.tag.getText(file) === 'html') {
          const template = node.template;
          const pieces = ts.isNoSubstitutionTemplateLiteral(template)
            ? [[template, 1, 1]]
            : [
                [template.head, 1, 2],
                ...template.templateSpans.map((span) => [
                  span.literal,
                  1,
                  ts.isTemplateTail(span.literal) ? 1 : 2,
                ]),
              ];
          for (const [piece, head, tail] of pieces) {
            const start = piece.getStart(file) + head;
            const end = piece.getEnd() - tail;
            const text = code.slice(start, end);
            const collapsed = text.replace(/\s*\n\s*/g, ' ');
            if (collapsed !== text) edits.push([start, end, collapsed]);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
      if (edits.length === 0) return null;
      let out = code;
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) {
        out = out.slice(0, start) + text + out.slice(end);
      }
      return { code: out, map: null };
    },
  };
}

/** What every build shares. */
function baseConfig({ emptyOutDir }) {
  return {
    configFile: false,
    root,
    publicDir: false,
    logLevel: process.env.BUILD_LOG_LEVEL ?? 'warn',
    mode: 'production',
    // Lib mode leaves process.env.NODE_ENV alone; set it so dependencies drop dev-only code.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    // `production` resolves Lit's production build (no dev-mode warnings, smaller).
    resolve: { conditions: ['module', 'browser', 'production'] },
    plugins: [forbidMocks(), minifyStyleLiterals()],
    build: {
      outDir,
      emptyOutDir,
      copyPublicDir: false,
      target: 'es2022',
      reportCompressedSize: false,
      sourcemap: false,
    },
  };
}

function libraryConfig(entries) {
  const config = baseConfig({ emptyOutDir: true });
  return {
    ...config,
    build: {
      ...config.build,
      minify: false,
      lib: { entry: entries, formats: ['es'] },
      rolldownOptions: {
        external,
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
  };
}

function cdnConfig({ file, entry, globalName }) {
  const config = baseConfig({ emptyOutDir: false });
  return {
    ...config,
    build: {
      ...config.build,
      minify: true,
      lib: { entry, name: globalName, formats: ['iife'], fileName: () => `cdn/${file}.js` },
      rolldownOptions: {
        output: { minify: true },
      },
    },
  };
}

/**
 * The loader and its chunks. Each file is compressed on its own, so what always travels together
 * is grouped:
 * - the loader itself keeps everything it needs statically (the crisis banner, its strings, the
 *   autoloader), so a banner-only page is one file (QUALITY P2);
 * - `core`: Lit, zod/mini, the contract, the client, the configuration, the shared element bases
 *   and the provider (every data element needs them, and a data page nearly always has a provider);
 * - one chunk per element with its own parts and strings.
 * Chunk names carry a content hash, so two versions served side by side never mix their chunks.
 *
 * `loaderModules` (from a first pass without groups, see `loaderModulesOf`) keeps core from taking
 * a module the loader needs: that would make the loader import core, or split a third file off.
 */
const coreModules =
  /[\\/]node_modules[\\/]|oxc-project|[\\/]src[\\/](api[\\/](?!booking-|gift-card-)|config[\\/]|i18n[\\/](?!e[ns]\.|booking-|gift-card-)|events\.ts|internal[\\/](?!directory-|form-)|elements[\\/]peer-support-provider[\\/])/;

function cdnLoaderConfig({ file, entry }, loaderModules) {
  const config = baseConfig({ emptyOutDir: false });
  config.plugins = [...config.plugins, minifyHtmlLiterals(), terserAfterOxc()];
  const codeSplitting = loaderModules && {
    // Only what the test captures: the loader's modules that core imports stay in the loader.
    includeDependenciesRecursively: false,
    groups: [
      { name: 'core', test: (id) => !loaderModules.has(id) && coreModules.test(id) },
      // The loader's own code in a hashed file, the entry a one-line stub that imports it
      // (src/script-tag.ts): the chunks import that file, never the entry.
      { name: 'loader', test: (id) => loaderModules.has(id) && !id.endsWith(entry) },
    ],
  };
  return {
    ...config,
    define: { ...config.define, __VERSION__: JSON.stringify(pkg.version) },
    build: {
      ...config.build,
      minify: true,
      write: Boolean(loaderModules),
      lib: { entry, formats: ['es'], fileName: () => `cdn/${file}.js` },
      rolldownOptions: {
        // The loader's exports are window.PeerSupportWidgets; its module signature is free.
        preserveEntrySignatures: 'allow-extension',
        output: {
          minify: true,
          // An element's chunk is named after its folder: `peer-directory-<hash>.js`.
          chunkFileNames: ({ facadeModuleId }) =>
            `cdn/${/[\\/]elements[\\/]([\w-]+)[\\/]define\.ts$/.exec(facadeModuleId ?? '')?.[1] ?? '[name]'}-[hash].js`,
          ...(codeSplitting ? { codeSplitting } : {}),
        },
      },
    },
  };
}

/**
 * Terser's passes over what oxc's minifier made: about 0.7 KB gzip less on the directory page than
 * either alone (QUALITY P1). Runs on the rendered chunks, after their names (and hashes) are set.
 */
function terserAfterOxc() {
  return {
    name: 'peer:terser-after-oxc',
    async generateBundle(_, bundle) {
      const { minify: terser } = await import('terser');
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        // Two rounds: the second finds about 0.1 KB more in what the first left.
        for (let round = 0; round < 2; round++) {
          const result = await terser(chunk.code, {
            module: true,
            ecma: 2022,
            compress: { passes: 3 },
          });
          chunk.code = result.code;
        }
      }
    },
  };
}

/** The modules the loader holds itself when nothing is grouped: its static imports. */
async function loaderModulesOf(loader) {
  const [{ output }] = [await build(cdnLoaderConfig(loader))].flat();
  const chunk = output.find((item) => item.type === 'chunk' && item.isEntry);
  return new Set(chunk.moduleIds);
}

function run(command, args) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolvePromise()
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

async function step(name, fn) {
  const start = performance.now();
  await fn();
  console.log(`✓ ${name} (${Math.round(performance.now() - start)} ms)`);
}

/** tsconfig.build.json `files` must be the entries' sources: the declarations of exactly them. */
async function checkDeclarationEntries(entries) {
  const config = JSON.parse(await readFile(resolve(root, 'tsconfig.build.json'), 'utf8'));
  const files = new Set(config.files ?? []);
  const sources = new Set(Object.values(entries));
  const missing = [...sources].filter((file) => !files.has(file));
  const extra = [...files].filter((file) => !sources.has(file));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `tsconfig.build.json "files" must list the sources of package.json exports: ${[
        ...missing.map((file) => `add ${file}`),
        ...extra.map((file) => `remove ${file}`),
      ].join(', ')}`,
    );
  }
}

async function main() {
  const entries = libraryEntries(pkg.exports);
  await checkDeclarationEntries(entries);
  if (pkg.unpkg !== `./dist/cdn/${cdnLoader.file}.js`) {
    throw new Error(`package.json "unpkg" (${pkg.unpkg}) is not the loader`);
  }
  const start = performance.now();
  await step(`esm: ${Object.keys(entries).join(', ')}`, () => build(libraryConfig(entries)));
  await step(`cdn: dist/cdn/${cdnLoader.file}.js and its chunks`, async () =>
    build(cdnLoaderConfig(cdnLoader, await loaderModulesOf(cdnLoader))),
  );
  for (const bundle of cdnBundles) {
    await step(`cdn: dist/cdn/${bundle.file}.js`, () => build(cdnConfig(bundle)));
  }
  await step('types: dist/types', () =>
    run(process.execPath, [
      resolve(root, 'node_modules/typescript/bin/tsc'),
      '-p',
      'tsconfig.build.json',
    ]),
  );
  await step('types: jsx and vue, from custom-elements.json', () => writeFrameworkTypes(root));
  // The contract entry must stay DOM-free: a server or script imports it in Node.
  await step('api: dist/api.js loads in Node, without a DOM', async () => {
    const api = await import(pathToFileURL(resolve(outDir, 'api.js')).href);
    if (typeof api.createApiClient !== 'function') throw new Error('no createApiClient export');
  });
  console.log(`built dist/ in ${Math.round(performance.now() - start)} ms`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`build failed: ${error.message}`);
    process.exitCode = 1;
  });
}
