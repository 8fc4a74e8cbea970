/**
 * The demo's pages as a partner's Vite app ships them: built with the project's vite.config.ts
 * into `outDir`, for the tests that serve them (the framework hosts, the end-to-end walk).
 * `backend: 'server'` builds them for the reference server (`VITE_DEMO_BACKEND`, as `npm start`
 * runs them); otherwise they start the in-page mock.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * @param {{ outDir: string; base: string; pages: string[]; backend?: 'server' | 'mock' }} options
 *   `pages`: names of demo/*.html, without the extension.
 */
export async function buildDemoPages({ outDir, base, pages, backend = 'mock' }) {
  const { build } = await import('vite');
  const previous = process.env.VITE_DEMO_BACKEND;
  if (backend === 'server') process.env.VITE_DEMO_BACKEND = 'server';
  else delete process.env.VITE_DEMO_BACKEND;
  try {
    await build({
      configFile: join(root, 'vite.config.ts'),
      root,
      base,
      logLevel: 'warn',
      build: {
        outDir,
        emptyOutDir: true,
        reportCompressedSize: false,
        // React, MSW and the elements in one file is big for a page, and fine for a demo.
        chunkSizeWarningLimit: 2000,
        rolldownOptions: {
          input: Object.fromEntries(pages.map((page) => [page, join(root, `demo/${page}.html`)])),
        },
      },
    });
  } finally {
    if (previous === undefined) delete process.env.VITE_DEMO_BACKEND;
    else process.env.VITE_DEMO_BACKEND = previous;
  }
}
