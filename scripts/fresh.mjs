#!/usr/bin/env node
/**
 * `npm run fresh`: fails when the committed custom-elements.json no longer matches the source.
 * Regenerates the manifest into a temporary directory (same settings as `npm run manifest`, from
 * custom-elements-manifest.config.mjs) and compares the two as JSON.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const committedPath = resolve(root, 'custom-elements.json');
const stale = 'custom-elements.json is stale: run npm run manifest';

const tmp = await mkdtemp(join(tmpdir(), 'cem-fresh-'));
try {
  process.exitCode = await check();
} finally {
  await rm(tmp, { recursive: true, force: true });
}

async function check() {
  // The analyzer joins --outdir onto the working directory, so it must be relative.
  const outdir = relative(root, tmp);
  const cem = spawnSync(
    process.execPath,
    [
      resolve(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'),
      'analyze',
      '--quiet',
      '--outdir',
      outdir,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  if (cem.status !== 0) {
    console.error(cem.stdout, cem.stderr);
    throw new Error(`cem analyze exited with ${cem.status}`);
  }
  const fresh = JSON.parse(await readFile(join(tmp, 'custom-elements.json'), 'utf8'));

  let committed;
  try {
    committed = JSON.parse(await readFile(committedPath, 'utf8'));
  } catch (error) {
    console.error(`${stale} (${error.code === 'ENOENT' ? 'missing' : error.message})`);
    return 1;
  }

  if (!isDeepStrictEqual(fresh, committed)) {
    console.error(stale);
    for (const line of differences(committed, fresh)) console.error(`  ${line}`);
    return 1;
  }
  console.log(`✓ custom-elements.json is up to date (${fresh.modules.length} modules)`);
  return 0;
}

/** Which modules differ, so that the message says where to look. */
function differences(committed, fresh) {
  const byPath = (manifest) => new Map((manifest.modules ?? []).map((m) => [m.path, m]));
  const before = byPath(committed);
  const after = byPath(fresh);
  const lines = [];
  for (const [path, module] of after) {
    if (!before.has(path)) lines.push(`+ ${path} (new)`);
    else if (!isDeepStrictEqual(before.get(path), module)) lines.push(`~ ${path} (changed)`);
  }
  for (const path of before.keys()) if (!after.has(path)) lines.push(`- ${path} (removed)`);
  if (lines.length === 0) lines.push('(top-level fields differ)');
  return lines;
}
