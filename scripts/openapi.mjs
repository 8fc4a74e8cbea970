// Writes openapi.json from src/api/openapi.ts. Node cannot import TypeScript, so the module is
// bundled with esbuild to a temporary file first. `--check` only reports whether the file is stale.
import { build } from 'esbuild';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = join(root, 'openapi.json');
const check = process.argv.includes('--check');

const dir = await mkdtemp(join(tmpdir(), 'openapi-'));
let text;
try {
  const outfile = join(dir, 'openapi.mjs');
  await build({
    entryPoints: [join(root, 'src/api/openapi.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  const { createOpenApiDocument } = await import(pathToFileURL(outfile).href);
  text = `${JSON.stringify(createOpenApiDocument(), null, 2)}\n`;
} finally {
  await rm(dir, { recursive: true, force: true });
}

if (check) {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== text) {
    console.error('openapi.json is stale: run npm run openapi');
    process.exit(1);
  }
  console.log('openapi.json is up to date.');
} else {
  await writeFile(target, text);
  console.log(`Wrote ${target}`);
}
