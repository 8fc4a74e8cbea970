/**
 * Custom Elements Manifest analyzer config: `npm run manifest` writes custom-elements.json at the
 * root; `npm run fresh` checks that the committed one is current.
 */
import { readFileSync } from 'node:fs';

/**
 * Events are documented with `@fires` on each class. The analyzer also records every
 * `dispatchEvent(new SomeEvent(...))` call, but cannot read the name from a typed Event subclass,
 * which leaves nameless or misnamed duplicates; drop them. Likewise the shadow root's `adoptedStyleSheets`,
 * which the analyzer mistakes for a member of the element.
 */
const tidy = {
  name: 'peer-tidy',
  packageLinkPhase({ customElementsManifest }) {
    // The analyzer lists files in the order its glob happens to return them, which varies from
    // run to run: sort, so that the committed manifest and the freshness check are stable.
    customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const mod of customElementsManifest.modules) {
      for (const declaration of mod.declarations ?? []) {
        if (declaration.events) {
          // Our events all carry the peer- prefix; anything else is the analyzer misreading a
          // constructor argument as an event name.
          declaration.events = declaration.events.filter((e) => e.name?.startsWith('peer-'));
        }
        if (declaration.members) {
          // Private members are no host's business (and their code would churn the manifest).
          declaration.members = declaration.members.filter(
            (m) => m.name !== 'adoptedStyleSheets' && m.privacy !== 'private',
          );
        }
      }
    }
  },
};

/**
 * The analyzer describes src/, file by file; the package ships dist/, bundled. `shipped` rewrites
 * the manifest into what a host can use, in the files it can import:
 *
 * - one module per public element, at the path of its package.json entry (`dist/peer-directory.js`,
 *   which registers the tag and exports the class): the class's declaration, its `js` export and a
 *   `custom-element-definition` export for its tag;
 * - `dist/define.js` (registers every public element) and `dist/index.js` (exports their classes
 *   and the base classes, registers nothing), as exports that refer to those declarations;
 * - nothing else: helpers, schemas and internal modules are not the elements' API, and their src/
 *   paths do not ship.
 *
 * A public element is one with its own entry (`./dist/<name>.js` built from
 * `src/elements/<folder>/define.ts`). `<peer-supporter-profile>` has none: `<peer-directory>`
 * registers it for its own profile panels and sets its properties (client, strings) itself; a
 * host never writes the tag, so the manifest (and what is generated from it: framework types,
 * Storybook's docs) leaves it out.
 */
const shipped = {
  name: 'peer-shipped',
  packageLinkPhase({ customElementsManifest: manifest }) {
    const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
    /** `src/<path>.ts` -> `dist/<name>.js`, for every JavaScript entry in package.json exports. */
    const entryOf = new Map();
    for (const target of Object.values(pkg.exports)) {
      const js = /^\.\/(dist\/[\w-]+\.js)$/.exec(target?.default ?? '');
      const types = /^\.\/dist\/types\/(.+)\.d\.ts$/.exec(target?.types ?? '');
      if (js && types) entryOf.set(`src/${types[1]}.ts`, js[1]);
    }
    const declarations = new Map();
    for (const mod of manifest.modules) {
      for (const declaration of mod.declarations ?? [])
        declarations.set(declaration.name, declaration);
    }
    const exportsOf = (path) =>
      (manifest.modules.find((mod) => mod.path === path)?.exports ?? []).filter(
        (e) => e.kind === 'js' && e.name !== '*',
      );

    /** Class name -> { path, declaration } of each public element. */
    const elements = new Map();
    for (const [source, path] of entryOf) {
      if (!/^src\/elements\/[\w-]+\/define\.ts$/.test(source)) continue;
      for (const { name } of exportsOf(source)) {
        const declaration = declarations.get(name);
        if (declaration?.customElement && declaration.tagName) {
          elements.set(name, { path, declaration });
        }
      }
    }
    const indexPath = entryOf.get('src/index.ts');
    const indexNames = new Set(exportsOf('src/index.ts').map((e) => e.name));

    // References into src/ (superclass, inheritedFrom) point at the shipped file that exports
    // the name, or at no module when none does. The base classes the root entry exports
    // (PeerElement, PeerDataElement) are declared in its module, so such a reference resolves.
    const bases = new Set();
    const relink = (value) => {
      if (Array.isArray(value)) return value.forEach(relink);
      if (!value || typeof value !== 'object') return;
      if (typeof value.module === 'string' && typeof value.name === 'string' && !value.package) {
        if (elements.has(value.name)) value.module = elements.get(value.name).path;
        else if (indexNames.has(value.name) && declarations.has(value.name)) {
          value.module = indexPath;
          bases.add(value.name);
        } else delete value.module;
      }
      Object.values(value).forEach(relink);
    };

    const ref = (name) => ({ name, module: elements.get(name).path });
    const byPath = [...elements].sort(([, a], [, b]) => (a.path < b.path ? -1 : 1));
    const modules = byPath.map(([name, { path, declaration }]) => {
      relink(declaration);
      return {
        kind: 'javascript-module',
        path,
        declarations: [declaration],
        exports: [
          { kind: 'js', name, declaration: ref(name) },
          { kind: 'custom-element-definition', name: declaration.tagName, declaration: ref(name) },
        ],
      };
    });
    const all = byPath.map(([name]) => name);
    const definePath = entryOf.get('src/define.ts');
    if (definePath) {
      modules.push({
        kind: 'javascript-module',
        path: definePath,
        declarations: [],
        exports: all.flatMap((name) => [
          { kind: 'js', name, declaration: ref(name) },
          {
            kind: 'custom-element-definition',
            name: elements.get(name).declaration.tagName,
            declaration: ref(name),
          },
        ]),
      });
    }
    if (indexPath) {
      const baseNames = [...bases].sort();
      const baseDeclarations = baseNames.map((name) => declarations.get(name));
      baseDeclarations.forEach(relink);
      modules.push({
        kind: 'javascript-module',
        path: indexPath,
        declarations: baseDeclarations,
        exports: [
          ...all
            .filter((name) => indexNames.has(name))
            .map((name) => ({ kind: 'js', name, declaration: ref(name) })),
          ...baseNames.map((name) => ({
            kind: 'js',
            name,
            declaration: { name, module: indexPath },
          })),
        ],
      });
    }
    manifest.modules = modules;
  },
};

export default {
  litelement: true,
  globs: ['src/**/*.ts'],
  // src/react.ts wraps the elements for React (`peer-support-widgets/react`): it defines none.
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/mocks/**', 'src/react.ts'],
  // package.json already has `"customElements": "custom-elements.json"`; never let the analyzer
  // rewrite it (it would point it at the temporary outdir `npm run fresh` uses).
  packagejson: false,
  plugins: [tidy, shipped],
};
