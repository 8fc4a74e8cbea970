/**
 * Theming, checked from the sources: every token in src/styles/tokens.ts is in README's table
 * with its defaults, and each example theme in src/styles/themes/ sets only real tokens, sets
 * every colour, and keeps its colour pairs at WCAG AA contrast (text 4.5:1; borders and the focus
 * ring 3:1, WCAG 1.4.11). Axe checks the rendered elements under each theme in the story tests
 * (stories/themes/); this test also covers the pairs axe does not measure (borders, focus ring).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path) => readFileSync(join(root, path), 'utf8');

/** `--peer-*` tokens and their defaults: `{ light, dark }` (the same when not scheme-dependent). */
function tokenDefaults() {
  const tokens = new Map();
  for (const [, name, fallback] of read('src/styles/tokens.ts').matchAll(
    /--_[\w-]+:\s*var\((--peer-[\w-]+),\s*(.+)\);$/gm,
  )) {
    const scheme = /^light-dark\(([^,]+),\s*([^)]+)\)$/.exec(fallback.trim());
    const [light, dark] = scheme ? [scheme[1], scheme[2]] : [fallback, fallback];
    tokens.set(name, { light: light.trim(), dark: dark.trim() });
  }
  return tokens;
}

const tokens = tokenDefaults();
const colourTokens = [...tokens.keys()].filter((name) => name.startsWith('--peer-color-'));

/** WCAG 2 relative luminance of `#rrggbb`. */
function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a, b) {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

/** Text on the surfaces it sits on in the elements' styles. */
const textPairs = [
  ...['text', 'muted', 'primary', 'crisis'].flatMap((fg) =>
    ['surface', 'surface-alt', 'crisis-bg'].map((bg) => [fg, bg]),
  ),
  ['on-primary', 'primary'],
  ['on-crisis', 'crisis'],
];
/** What identifies a control or shows focus (WCAG 1.4.11, 2.4.13's ring). */
const uiPairs = ['focus', 'primary', 'border'].flatMap((fg) =>
  ['surface', 'surface-alt'].map((bg) => [fg, bg]),
);

/** The pairs of `palette` (token suffix -> `#rrggbb`) below `minimum`, as readable lines. */
function below(palette, pairs, minimum) {
  return pairs
    .map(([fg, bg]) => ({ fg, bg, ratio: contrast(palette[fg], palette[bg]) }))
    .filter(({ ratio }) => ratio < minimum)
    .map(({ fg, bg, ratio }) => `${fg} on ${bg}: ${ratio.toFixed(2)}:1`);
}

/** A theme file's class and what its block sets. */
function readTheme(file) {
  const css = read(`src/styles/themes/${file}`).replace(/\/\*[\s\S]*?\*\//g, '');
  const block = /\.(peer-theme-[\w-]+)\s*\{([^}]*)\}/.exec(css);
  assert.ok(block, `${file}: a .peer-theme-… block`);
  const set = new Map(
    [...block[2].matchAll(/(--peer-[\w-]+)\s*:\s*([^;]+);/g)].map(([, name, value]) => [
      name,
      value.trim(),
    ]),
  );
  return { className: block[1], set };
}

const themeFiles = readdirSync(join(root, 'src/styles/themes')).filter((f) => f.endsWith('.css'));

describe('design tokens', () => {
  it('are read from tokens.ts: the colours, the font, the radius and the spacing', () => {
    assert.ok(colourTokens.length >= 11, `${colourTokens.length} colour tokens`);
    for (const name of ['--peer-font', '--peer-radius', '--peer-space'])
      assert.ok(tokens.has(name), name);
  });

  it("are each in README's table with their defaults, and the table has no other", () => {
    const rows = new Map(
      [...read('README.md').matchAll(/^\| `(--peer-[\w-]+)` +\| `([^`]+)` +\| ([^|]+?) +\|/gm)].map(
        ([, name, light, dark]) => [name, { light, dark: dark === 'same' ? light : dark }],
      ),
    );
    for (const [name, { light, dark }] of tokens) {
      assert.ok(rows.has(name), `${name} in README's token table`);
      assert.equal(rows.get(name).light, light, `${name}: default (light)`);
      assert.equal(rows.get(name).dark.replace(/`/g, ''), dark, `${name}: default (dark)`);
    }
    assert.deepEqual([...rows.keys()].sort(), [...tokens.keys()].sort());
  });

  for (const scheme of ['light', 'dark']) {
    it(`built-in ${scheme} palette: text at 4.5:1, the focus ring and primary at 3:1`, () => {
      const palette = Object.fromEntries(
        colourTokens.map((name) => [name.replace('--peer-color-', ''), tokens.get(name)[scheme]]),
      );
      assert.deepEqual(below(palette, textPairs, 4.5), []);
      const ui = uiPairs.filter(([fg]) => fg !== 'border');
      assert.deepEqual(below(palette, ui, 3), []);
    });

    // The fields' outlines are borders: WCAG 1.4.11 asks 3:1 of them.
    it(`built-in ${scheme} palette: borders at 3:1`, () => {
      const palette = Object.fromEntries(
        colourTokens.map((name) => [name.replace('--peer-color-', ''), tokens.get(name)[scheme]]),
      );
      assert.deepEqual(
        below(
          palette,
          uiPairs.filter(([fg]) => fg === 'border'),
          3,
        ),
        [],
      );
    });
  }
});

describe('example themes', () => {
  it('are the three of the docs, each offered by Storybook and the demo', () => {
    assert.deepEqual(themeFiles.sort(), ['campus.css', 'dark.css', 'high-contrast.css']);
    const preview = read('.storybook/preview.ts');
    const demo = read('demo/main.ts') + read('demo/demo.css');
    for (const file of themeFiles) {
      const { className } = readTheme(file);
      assert.equal(className, `peer-theme-${file.replace(/\.css$/, '')}`, `${file}: its class`);
      assert.ok(preview.includes(`src/styles/themes/${file}`), `Storybook loads ${file}`);
      assert.ok(demo.includes(`src/styles/themes/${file}`), `the demo loads ${file}`);
    }
  });

  for (const file of themeFiles) {
    describe(file, () => {
      const { set } = readTheme(file);
      const palette = Object.fromEntries(
        colourTokens.map((name) => [name.replace('--peer-color-', ''), set.get(name)]),
      );

      it('sets only tokens that exist, and every colour as #rrggbb', () => {
        for (const name of set.keys()) assert.ok(tokens.has(name), `${name} is a token`);
        for (const name of colourTokens) assert.match(set.get(name) ?? '', /^#[0-9a-f]{6}$/i, name);
      });

      it('keeps text at 4.5:1 against every surface it sits on (7:1 in high contrast)', () => {
        const minimum = file === 'high-contrast.css' ? 7 : 4.5;
        assert.deepEqual(below(palette, textPairs, minimum), []);
      });

      it('keeps borders, primary outlines and the focus ring at 3:1', () => {
        assert.deepEqual(below(palette, uiPairs, 3), []);
      });
    });
  }
});
