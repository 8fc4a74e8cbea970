/**
 * The framework hosts' types, compiled as a partner's app compiles them, against the built package
 * (dist/, so run `npm run build` first) through its export map: `peer-support-widgets/jsx` in a
 * React 19 host (test/types/react-host.tsx, with tsc) and `peer-support-widgets/vue` in a Vue 3
 * host (test/types/vue-host.vue, with vue-tsc and `strictTemplates`). Each fixture uses the
 * elements correctly, which must compile, and wrongly under `@ts-expect-error` /
 * `@vue-expect-error`, which must be an error (an unused directive fails the compile).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';

const root = fileURLToPath(new URL('../..', import.meta.url));
const types = resolve(root, 'test/types');
const run = promisify(execFile);

assert.ok(
  existsSync(resolve(root, 'dist/types/jsx.d.ts')),
  'dist/types/jsx.d.ts exists: run npm run build first',
);

/** tsc's diagnostics for a tsconfig (or some of its files), with files' text replaced. */
function compile(tsconfig, { replace = {}, only } = {}) {
  const { config } = ts.readConfigFile(tsconfig, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, types);
  const host = ts.createCompilerHost(parsed.options);
  const readFile = host.readFile;
  host.readFile = (file) => replace[resolve(file)] ?? readFile(file);
  const program = ts.createProgram(only ?? parsed.fileNames, parsed.options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    code: d.code,
    file: d.file?.fileName.slice(root.length),
    line: d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1 : 0,
    text: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}
const show = (diagnostics) =>
  diagnostics.map((d) => `  ${d.file}:${d.line}: TS${d.code} ${d.text}`).join('\n');

const manifest = JSON.parse(await readFile(resolve(root, 'custom-elements.json'), 'utf8'));
const elements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.customElement && declaration.tagName);

describe('framework types (dist/types/jsx.d.ts, vue.d.ts)', () => {
  it('React 19 hosts compile with peer-support-widgets/jsx and /react (fixture, demo pages); each misuse is an error', () => {
    // test/types/react-host.tsx, and the demo's host pages (demo/react-host.tsx, demo/vue-host.ts).
    const diagnostics = compile(resolve(types, 'tsconfig.json'));
    assert.deepEqual(diagnostics, [], `test/types/tsconfig.json:\n${show(diagnostics)}`);
  });

  it('without peer-support-widgets/jsx, the same host fails as React apps did (TS2339)', async () => {
    const file = resolve(types, 'react-host.tsx');
    const text = await readFile(file, 'utf8');
    const withoutTypes = text.replace(
      /^import type \{[^}]*\} from 'peer-support-widgets\/jsx';$/m,
      '',
    );
    assert.notEqual(withoutTypes, text, 'the fixture imports peer-support-widgets/jsx');
    const messages = compile(resolve(types, 'tsconfig.json'), {
      replace: { [file]: withoutTypes },
      only: [file],
    }).map((d) => `TS${d.code}: ${d.text}`);
    assert.ok(
      messages.includes(
        "TS2339: Property 'peer-directory' does not exist on type 'JSX.IntrinsicElements'.",
      ),
      messages.join('\n'),
    );
  });

  it('a Vue 3 host compiles with peer-support-widgets/vue under strictTemplates; each misuse is an error', async () => {
    const vueTsc = resolve(root, 'node_modules/vue-tsc/bin/vue-tsc.js');
    const result = await run(
      process.execPath,
      [vueTsc, '-p', resolve(types, 'tsconfig.vue.json')],
      {
        cwd: root,
      },
    ).catch((error) => error);
    assert.equal(result.code ?? 0, 0, `vue-tsc on test/types/vue-host.vue:\n${result.stdout}`);
  });

  it('types every element and every event of custom-elements.json', async () => {
    const jsx = await readFile(resolve(root, 'dist/types/jsx.d.ts'), 'utf8');
    const vue = await readFile(resolve(root, 'dist/types/vue.d.ts'), 'utf8');
    assert.ok(elements.length >= 5, 'the manifest lists the elements');
    for (const element of elements) {
      const tag = JSON.stringify(element.tagName);
      assert.match(jsx, new RegExp(`^  ${tag}: BaseProps<${element.name}> & `, 'm'), tag);
      assert.match(vue, new RegExp(`^  ${tag}: DefineComponent<${element.name}VueProps>;`, 'm'));
      for (const event of element.events ?? []) {
        const type = event.type.text;
        assert.ok(
          jsx.includes(`"on${event.name}"?: ((event: PeerElementEvent<${element.name}, ${type}>)`),
          `${element.tagName}: onpeer handler for ${event.name}`,
        );
        const camel = event.name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());
        assert.ok(vue.includes(`on${camel}?: ((event: ${type}) => void)`), `${event.name} (vue)`);
      }
    }
  });

  it('leaves React out of every file but dist/react.js (and of the script tag)', async () => {
    const files = [
      ...(await readdir(resolve(root, 'dist'))).filter((f) => f.endsWith('.js')),
      ...(await readdir(resolve(root, 'dist/chunks'))).map((f) => `chunks/${f}`),
      ...(await readdir(resolve(root, 'dist/cdn'))).map((f) => `cdn/${f}`),
    ];
    const withReact = [];
    for (const file of files) {
      const code = await readFile(resolve(root, 'dist', file), 'utf8');
      if (/from\s*["'](?:react|@lit\/react)["']|useLayoutEffect|forwardRef/.test(code)) {
        withReact.push(file);
      }
    }
    assert.deepEqual(withReact, ['react.js']);
  });
});
