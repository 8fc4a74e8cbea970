/**
 * Custom Elements Manifest analyzer config: `npm run manifest` writes custom-elements.json at the
 * root; `npm run fresh` checks that the committed one is current.
 */

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
          declaration.members = declaration.members.filter((m) => m.name !== 'adoptedStyleSheets');
        }
      }
    }
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
  plugins: [tidy],
};
