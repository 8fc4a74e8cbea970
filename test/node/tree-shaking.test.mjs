/**
 * What a bundler keeps of the package, seen from an app (`sideEffects` in package.json). Each
 * case is a tiny consumer app built with Vite's `build()` in a temporary folder whose
 * `node_modules/peer-support-widgets` links to this package (its built dist/, so run
 * `npm run build` first), then reads the one JavaScript file the app would ship.
 *
 * Without `sideEffects`, `import { isApiError } from 'peer-support-widgets'` kept every element
 * (about 37 KB gzip); with it, only the error helper is left.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URL, fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));

let app;
before(async () => {
  if (!existsSync(join(root, 'dist/index.js'))) {
    throw new Error('dist/ is missing: run npm run build first');
  }
  app = await mkdtemp(join(tmpdir(), 'peer-consumer-'));
  await mkdir(join(app, 'node_modules'));
  await symlink(root, join(app, 'node_modules/peer-support-widgets'), 'dir');
});
after(() => rm(app, { recursive: true, force: true }));

/** Builds an app whose one module is `source`; returns its shipped JavaScript. */
async function bundle(name, source) {
  const dir = join(app, name);
  await mkdir(dir);
  await writeFile(join(dir, 'main.js'), source);
  const result = await build({
    configFile: false,
    root: dir,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      target: 'es2022',
      rolldownOptions: { input: join(dir, 'main.js') },
    },
  });
  const chunks = [result].flat().flatMap((r) => r.output.filter((o) => o.type === 'chunk'));
  // What the page loads at once: the entry and its static imports (a lazily imported chunk, such
  // as an element's Spanish strings, is fetched only when needed).
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const loaded = new Set();
  const visit = (chunk) => {
    if (loaded.has(chunk)) return;
    loaded.add(chunk);
    for (const name of chunk.imports) if (byName.has(name)) visit(byName.get(name));
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk);
  const code = [...loaded].map((chunk) => chunk.code).join('\n');
  return { code, gzip: gzipSync(code).length };
}

/** A string literal as the minifier writes it (backticks, or quotes). */
const literal = (text) => new RegExp(`[\`"']${text}[\`"']`);

/** `SomeElement.define()`, the registration call of an element entry. */
const defineCalls = (code) => code.match(/[\w$)]\.define\(\)/g)?.length ?? 0;

// assert.ok rather than assert.match: a failure names what is wrong without printing the bundle.
const has = (code, pattern, message) => assert.ok(pattern.test(code), message);
const lacks = (code, pattern, message) => assert.ok(!pattern.test(code), message);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

describe('a Vite app importing from the package', () => {
  it('keeps no element and no Lit for one helper from the root entry', async (t) => {
    const { code, gzip } = await bundle(
      'helper',
      `import { isApiError } from 'peer-support-widgets';\nconsole.log(isApiError(new Error('x')));\n`,
    );
    t.diagnostic(`isApiError from the root entry: ${kb(code.length)}, ${kb(gzip)} gzip`);
    // Registration goes through safeDefine (globalThis.customElements) from `Element.define()`.
    lacks(code, /customElements|\.define\(\)/, 'element code was kept');
    // Markers of lit-html's templates and of ReactiveElement's styles.
    lacks(code, /\$lit\$|lit\$|adoptedStyleSheets/, 'Lit was kept');
    lacks(code, /crisis-banner|peer-directory|peer-booking/, 'an element was kept');
    assert.ok(
      gzip < 12 * 1024,
      `${kb(gzip)} gzip, expected under 12 KB (37 KB without sideEffects)`,
    );
  });

  it('keeps the registration of an element entry', async (t) => {
    const { code, gzip } = await bundle(
      'directory',
      `import 'peer-support-widgets/peer-directory';\n`,
    );
    t.diagnostic(`peer-support-widgets/peer-directory: ${kb(code.length)}, ${kb(gzip)} gzip`);
    assert.equal(defineCalls(code), 1, 'PeerDirectory.define() is not called once');
    has(code, /customElements/, 'no custom element registry');
    has(code, literal('peer-directory'), 'no peer-directory tag');
    // The crisis line is part of every element.
    has(code, /988/, 'no crisis line');
  });

  it('keeps every registration of peer-support-widgets/define', async () => {
    const { code } = await bundle('define', `import 'peer-support-widgets/define';\n`);
    // crisis-banner, peer-support-provider, peer-directory, peer-booking, gift-card-purchase.
    assert.equal(defineCalls(code), 5, 'not every element entry registers its tag');
    for (const tag of ['crisis-banner', 'peer-support-provider', 'gift-card-purchase']) {
      has(code, literal(tag), `no ${tag} tag`);
    }
  });

  it('keeps the Spanish strings that peer-support-widgets/i18n/es registers', async () => {
    const { code } = await bundle('spanish', `import 'peer-support-widgets/i18n/es';\n`);
    // registerStrings('es', { directory: ... }), and the same for booking and gift cards.
    for (const part of ['directory', 'booking', 'giftCard']) {
      has(code, new RegExp(`\\([\`"']es[\`"'],\\{${part}:`), `${part} strings not registered`);
    }
    has(code, /Encuentra un compañero de apoyo/, 'no Spanish directory title');
  });

  it('keeps zod in jitless mode when a schema is used (no unsafe-eval under a strict CSP)', async () => {
    const { code } = await bundle(
      'schema',
      `import { ProgramSchema } from 'peer-support-widgets/api';\nconsole.log(ProgramSchema.safeParse({}).success);\n`,
    );
    has(code, /jitless:(!0|true)/, 'z.config({ jitless: true }) was dropped');
  });
});

/**
 * The package's own builds (scripts/build.mjs, Storybook's) read the same `sideEffects` for
 * src/, which is why it lists `./src/**`: without it, the script tag's file came out empty (its
 * one line, `import './loader.js'`, looked like dead code) and no element chunk registered its tag.
 */
describe("the script tag's files", () => {
  const cdn = join(root, 'dist/cdn');
  const read = (file) => readFileSync(join(cdn, file), 'utf8');

  it('import the loader, which defines <crisis-banner> at once', () => {
    const match = /^import\s*["'](\.\/loader-[\w-]+\.js)["']/.exec(read('peer-support-widgets.js'));
    assert.ok(match, 'dist/cdn/peer-support-widgets.js does not import the loader');
    assert.equal(defineCalls(read(match[1])), 1, 'the loader does not define <crisis-banner>');
  });

  it("register each element's tag in its chunk", () => {
    for (const element of ['peer-directory', 'peer-booking', 'gift-card-purchase']) {
      const file = readdirSync(cdn).find((name) => name.startsWith(`${element}-`));
      assert.ok(file, `no chunk for <${element}>`);
      assert.equal(defineCalls(read(file)), 1, `${file} does not define <${element}>`);
    }
    assert.equal(defineCalls(read('crisis-banner.js')), 1, 'crisis-banner.js defines nothing');
  });
});
