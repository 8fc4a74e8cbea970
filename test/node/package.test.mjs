/**
 * The package as npm would publish it: what `npm pack` puts in the tarball, and whether what it
 * puts there holds together (every export, declaration and manifest path points at a file that
 * ships). Reads dist/, so run `npm run build` first.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import process from 'node:process';
import { before, describe, it } from 'node:test';
import { URL, fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Every file `npm pack` would publish, as package-relative paths. */
let packed;
before(() => {
  if (!existsSync(join(root, 'dist/index.js'))) {
    throw new Error('dist/ is missing: run npm run build first');
  }
  // Under `npm run`, npm_execpath is the npm that runs us; elsewhere, npm from the PATH.
  const npm = process.env.npm_execpath;
  const [command, args] = npm?.endsWith('.js')
    ? [process.execPath, [npm]]
    : [process.platform === 'win32' ? 'npm.cmd' : 'npm', []];
  const result = spawnSync(command, [...args, 'pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    shell: process.platform === 'win32' && !npm,
  });
  assert.equal(result.status, 0, `npm pack --dry-run failed: ${result.stderr}`);
  packed = new Set(JSON.parse(result.stdout)[0].files.map((file) => file.path));
});

/** Every file path a package.json `exports` entry points at, without the leading `./`. */
function exportTargets() {
  const targets = [];
  for (const target of Object.values(pkg.exports)) {
    const paths = typeof target === 'string' ? [target] : Object.values(target);
    for (const path of paths) targets.push(posix.normalize(path));
  }
  return targets;
}

describe('npm pack', () => {
  it('ships only dist/, the manifest, the OpenAPI document, README, LICENSE and CHANGELOG', () => {
    const allowed = new Set([
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'custom-elements.json',
      'openapi.json',
    ]);
    const unexpected = [...packed].filter(
      (path) => !allowed.has(path) && !/^dist\/.+\.(js|d\.ts)$/.test(path),
    );
    assert.deepEqual(unexpected, [], 'files that should not be published');
    for (const path of allowed) assert.ok(packed.has(path), `${path} is not published`);
    assert.ok(packed.has('dist/cdn/peer-support-widgets.js'), 'the script tag is not published');
  });

  it('publishes no test, story, mock or source map', () => {
    const leaks = [...packed].filter((path) =>
      /\.(test|stories)\.|[\\/]mocks?[\\/]|\.map$|^src\/|mockServiceWorker/.test(path),
    );
    assert.deepEqual(leaks, []);
  });

  it('publishes the file of every package.json export, main, types and unpkg', () => {
    const targets = [...exportTargets(), pkg.main, pkg.module, pkg.types, pkg.unpkg];
    const missing = targets.map((path) => posix.normalize(path)).filter((p) => !packed.has(p));
    assert.deepEqual(missing, [], 'entry points that are not in the tarball');
  });

  it('says where it comes from and under which licence', () => {
    assert.match(pkg.repository?.url ?? '', /^git\+https:\/\/.+\.git$/);
    assert.match(pkg.homepage ?? '', /^https:\/\//);
    assert.match(pkg.bugs?.url ?? '', /^https:\/\/.+\/issues$/);
    assert.ok(pkg.keywords?.includes('web-components'), 'keywords');
    assert.equal(pkg.license, 'MIT');
    assert.match(readFileSync(join(root, 'LICENSE'), 'utf8'), /^MIT License/);
  });
});

describe('type declarations', () => {
  /**
   * Declarations written by the build from custom-elements.json, with no source module: the
   * template types for frameworks (scripts/framework-types.mjs), each beside its empty JavaScript.
   */
  const generated = new Set(['dist/types/jsx.d.ts', 'dist/types/vue.d.ts']);

  /**
   * The source modules the published entries reach (static, type-only and dynamic imports): the
   * ones whose code is in dist/ or whose types another declaration needs. A declaration of any
   * other module describes JavaScript the package does not contain.
   */
  function reachableModules() {
    const entries = Object.values(pkg.exports)
      .map((target) => /^\.\/dist\/types\/(.+)\.d\.ts$/.exec(target.types ?? '')?.[1])
      .filter((entry) => entry && !generated.has(`dist/types/${entry}.d.ts`));
    const seen = new Set();
    const queue = entries.map((entry) => `src/${entry}.ts`);
    while (queue.length > 0) {
      const file = queue.pop();
      if (seen.has(file)) continue;
      seen.add(file);
      const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
      for (const { fileName } of info.importedFiles) {
        if (!fileName.startsWith('.')) continue;
        const target = posix.join(dirname(file), fileName).replace(/\.js$/, '.ts');
        if (existsSync(join(root, target))) queue.push(target);
      }
    }
    return seen;
  }

  it('ships a declaration only for a module the entries reach', () => {
    const reachable = reachableModules();
    const declarations = [...packed].filter((path) => path.endsWith('.d.ts'));
    assert.ok(declarations.length > 20, `only ${declarations.length} declarations`);
    const orphans = declarations.filter((path) => {
      const source = path.replace(/^dist\/types\//, 'src/').replace(/\.d\.ts$/, '.ts');
      return !reachable.has(source) && !generated.has(path);
    });
    assert.deepEqual(orphans, [], 'declarations of modules no entry reaches');
  });

  it('ships the declaration of every module the entries reach', () => {
    const missing = [...reachableModules()]
      .map((source) => source.replace(/^src\//, 'dist/types/').replace(/\.ts$/, '.d.ts'))
      .filter((path) => !packed.has(path));
    assert.deepEqual(missing, []);
  });
});

describe('custom-elements.json', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));

  /** Every `module` a reference in the manifest names (exports, superclasses, inheritedFrom). */
  function referencedModules(value, found = new Set()) {
    if (Array.isArray(value)) value.forEach((item) => referencedModules(item, found));
    else if (value && typeof value === 'object') {
      if (typeof value.module === 'string' && !value.package) found.add(value.module);
      Object.values(value).forEach((item) => referencedModules(item, found));
    }
    return found;
  }

  it('is published, where package.json says', () => {
    assert.ok(packed.has(posix.normalize(pkg.customElements)));
  });

  it('names only files that ship, each one a package.json export', () => {
    const paths = manifest.modules.map((mod) => mod.path);
    const missing = [...paths, ...referencedModules(manifest)].filter((p) => !packed.has(p));
    assert.deepEqual(missing, [], 'manifest paths not in the tarball');
    const targets = new Set(exportTargets());
    const notExported = paths.filter((path) => !targets.has(path));
    assert.deepEqual(notExported, [], 'manifest modules a host cannot import');
  });

  it('documents the public elements, each in the entry that registers it', () => {
    const elements = manifest.modules.flatMap((mod) =>
      (mod.declarations ?? [])
        .filter((declaration) => declaration.tagName)
        .map((declaration) => ({ ...declaration, path: mod.path })),
    );
    assert.deepEqual(elements.map((element) => element.tagName).sort(), [
      'crisis-banner',
      'gift-card-purchase',
      'peer-booking',
      'peer-directory',
      'peer-support-provider',
    ]);
    for (const { name, tagName, path } of elements) {
      const code = readFileSync(join(root, path), 'utf8');
      assert.match(
        code,
        new RegExp(`\\b${name}\\.define\\(\\)`),
        `${path} does not define <${tagName}>`,
      );
      const definitions = manifest.modules
        .find((mod) => mod.path === path)
        .exports.filter((e) => e.kind === 'custom-element-definition')
        .map((e) => e.name);
      assert.deepEqual(definitions, [tagName]);
    }
  });

  it('leaves out the directory’s internal profile panel', () => {
    assert.doesNotMatch(JSON.stringify(manifest), /peer-supporter-profile|PeerSupporterProfile/);
  });
});
