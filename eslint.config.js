// @ts-check
/**
 * ESLint flat config. The project's rules beyond the presets enforce QUALITY.md:
 * S1/S2 (no HTML sinks, no unsafe directives, no styleMap or style=), P3 (zod/mini only) and
 * P4 (MSW and the mock backend only in src/mocks, tests and stories).
 */
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const browserCode = ['src/**/*.ts', 'stories/**/*.ts', 'demo/**/*.ts', '.storybook/*.ts'];
const testFiles = ['src/**/*.test.ts', 'test/**/*.ts'];
const mockFiles = ['src/mocks/**/*.ts'];
const nodeFiles = ['*.{js,mjs,cjs}', 'scripts/**/*.{js,mjs,cjs}'];
const browserScripts = ['src/**/*.js', 'test/**/*.js', 'demo/**/*.js'];

const readonly = (names) => Object.fromEntries(names.map((name) => [name, 'readonly']));

/** Things that bypass Lit's escaping, Trusted Types or a strict style-src (S1, S2). */
const unsafeImports = [
  {
    name: 'lit',
    importNames: ['unsafeCSS'],
    message: 'unsafeCSS bypasses escaping (S2): write the styles in css`` instead.',
  },
  {
    name: 'lit/static-html.js',
    importNames: ['unsafeStatic'],
    message: 'unsafeStatic injects raw markup (S2): use literal`` for tag names.',
  },
  ...['unsafe-html', 'unsafe-svg', 'unsafe-mathml', 'style-map'].flatMap((directive) =>
    ['lit', 'lit-html'].map((pkg) => ({
      name: `${pkg}/directives/${directive}.js`,
      message:
        directive === 'style-map'
          ? 'styleMap writes style= attributes that a strict style-src blocks (S1): use classes, custom properties or :state().'
          : 'Unsafe directives bypass escaping and Trusted Types (S2): render text, or build the DOM with html``.',
    })),
  ),
];

/** P3: classic zod is about 3x bigger on our schemas. */
const zodImports = ['zod', 'zod/v3', 'zod/v4', 'zod/v4/classic'].map((name) => ({
  name,
  message: "Import from 'zod/mini' (P3): classic zod costs about 3x more on our schemas.",
}));

/** P4: the mock backend must never reach dist/. */
const mockPatterns = [
  {
    regex: '^msw(/|$)',
    message: 'msw belongs in src/mocks, tests and stories only (P4: zero bytes of MSW in dist/).',
  },
  {
    regex: '(^|/)mocks(/|$)',
    message: 'src/mocks is for tests, stories and the demo only (P4): it must never reach dist/.',
  },
  {
    regex: '(^|/)backend(/|$)',
    message:
      "src/backend is the mock's and the reference server's, never the shipped elements' (P4).",
  },
];
/** The backend may use the seed data and labels of src/mocks, but never MSW. */
const backendPatterns = mockPatterns.filter((p) => p.regex.startsWith('^msw'));

/** One `no-restricted-imports` per file group: rule options replace, they do not merge. */
const restrictImports = ({ allowMocks, backend = false }) => [
  'error',
  {
    paths: [...unsafeImports, ...zodImports],
    patterns: backend ? backendPatterns : allowMocks ? [] : mockPatterns,
  },
];

/** HTML sinks that bypass Lit's templating and Trusted Types (S1, S2). */
const htmlSinks = [
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
    message: 'No innerHTML/outerHTML (S2): render with html`` so text stays text.',
  },
  {
    selector:
      'CallExpression[callee.property.name=/^(insertAdjacentHTML|setHTMLUnsafe|createContextualFragment)$/]',
    message: 'No HTML parsing sinks (S2): render with html`` so text stays text.',
  },
  {
    selector: 'CallExpression[callee.object.name="document"][callee.property.name=/^write(ln)?$/]',
    message: 'No document.write (S1).',
  },
];

export default defineConfig(
  {
    ignores: [
      'dist/',
      'storybook-static/',
      'coverage/',
      'custom-elements.json',
      'openapi.json',
      '.tmp-*/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: browserCode,
    ...lit.configs['flat/recommended'],
  },
  {
    files: browserCode,
    ...wc.configs['flat/best-practice'],
  },
  {
    files: browserCode,
    settings: { wc: { elementBaseClasses: ['LitElement', 'PeerElement', 'PeerDataElement'] } },
    rules: {
      // `import { type A } from './m.js'` keeps `import './m.js'` in the output: a lazily loaded
      // module (booking schemas, Spanish strings) would be pulled back into every page (P1).
      '@typescript-eslint/no-import-type-side-effects': 'error',
      // Lit's base class always defines the lifecycle callbacks, so guards would be noise.
      'wc/guard-super-call': 'off',
      // STYLE.md: handlers are named after what they do, not after the event.
      'wc/no-method-prefixed-with-on': 'error',
      // The TOOLCHAIN pitfall: a class field shadowing a reactive property breaks updates.
      'lit/no-classfield-shadowing': 'error',
      'lit/lifecycle-super': 'error',
      'lit/no-this-assign-in-render': 'error',
      'lit/no-native-attributes': 'error',
      'lit/no-invalid-escape-sequences': 'error',
      'lit/no-legacy-imports': 'error',
      'lit/no-template-bind': 'error',
      // S1: an inline style= is blocked by a strict style-src.
      'lit/ban-attributes': ['error', 'style'],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': restrictImports({ allowMocks: false }),
      'no-restricted-syntax': ['error', ...htmlSinks],
    },
  },
  {
    files: [...mockFiles, ...testFiles, 'stories/**/*.ts', 'demo/**/*.ts', '.storybook/*.ts'],
    rules: { 'no-restricted-imports': restrictImports({ allowMocks: true }) },
  },
  {
    files: ['src/backend/**/*.ts'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': restrictImports({ allowMocks: true, backend: true }) },
  },
  {
    // Tests may write markup into the light DOM to stand in for a host page (C2 fallbacks).
    files: testFiles,
    rules: { 'no-restricted-syntax': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: nodeFiles,
    languageOptions: {
      globals: readonly([
        'process',
        'console',
        'URL',
        'Buffer',
        'performance',
        'setTimeout',
        'fetch',
      ]),
    },
  },
  {
    // Plain scripts the test pages and the demo load as they are.
    files: browserScripts,
    languageOptions: {
      globals: readonly([
        'window',
        'document',
        'navigator',
        'location',
        'console',
        'customElements',
        'fetch',
        'URL',
        'HTMLElement',
        'setTimeout',
        'clearTimeout',
        'requestAnimationFrame',
      ]),
    },
  },
);
