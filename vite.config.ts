/**
 * Vite config for the dev server (`npm start`: the demo under /demo/ against the MSW mock backend).
 *
 * The library builds do not use this file: scripts/build.mjs calls Vite's `build()` with its own
 * inline config, so dev-only settings here never leak into dist/. Storybook's Vite builder does
 * load this file, which is why everything here is harmless there too.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const mswWorkerFile = fileURLToPath(
  new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url),
);

/**
 * Serves MSW's worker at `/mockServiceWorker.js` (the root scope, so it can intercept every
 * request) straight from node_modules: no `msw init`, no copy in public/, nothing to go stale
 * when msw is upgraded.
 */
export function mswWorker(): Plugin {
  return {
    name: 'peer:msw-worker',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== '/mockServiceWorker.js') return next();
        readFile(mswWorkerFile, 'utf8').then((source) => {
          res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
          res.setHeader('Cache-Control', 'no-cache');
          res.setHeader('Service-Worker-Allowed', '/');
          res.end(source);
        }, next);
      });
    },
  };
}

/**
 * `vite --open` on a machine without a display (CI, containers, SSH) would only log a failed
 * xdg-open; skip it there and print the page's URL instead.
 */
function openOnlyWithDisplay(): Plugin {
  let skipped: string | undefined;
  return {
    name: 'peer:open-only-with-display',
    apply: 'serve',
    config(config) {
      const headless =
        process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
      const open = config.server?.open;
      if (headless && open) {
        skipped = typeof open === 'string' ? open : '/';
        config.server!.open = false;
      }
    },
    configureServer(server) {
      if (!skipped) return;
      const path = skipped;
      server.httpServer?.once('listening', () => {
        // resolvedUrls is set once Vite has finished its own 'listening' work.
        setTimeout(() => {
          const local = server.resolvedUrls?.local[0];
          if (local) {
            server.config.logger.info(`  ➜  No display to open: visit ${new URL(path, local)}`);
          }
        });
      });
    },
  };
}

export default defineConfig({
  // The repo root, so /demo/index.html and /src/... are served as they are.
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  plugins: [mswWorker(), openOnlyWithDisplay()],
  // The React host page (demo/react-host.tsx): Vite's own JSX transform, no React plugin.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  // The Vue host page uses the runtime-only build of Vue with render functions: no Options API,
  // no template compiler (it needs eval), no devtools in a build.
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  optimizeDeps: {
    // Only the demo pages are app entries; never scan dist/ or storybook-static/.
    entries: ['demo/**/*.html'],
    // Pre-bundle every Lit entry point up front, in one pass: a late discovery re-optimizes
    // and can leave two copies of lit-html in the page ("Multiple versions of Lit loaded").
    include: [
      'lit',
      'lit/decorators.js',
      'lit/directive.js',
      'lit/directive-helpers.js',
      'lit/directives/class-map.js',
      'lit/directives/if-defined.js',
      'lit/directives/live.js',
      'lit/directives/ref.js',
      'lit/directives/repeat.js',
      'lit/directives/when.js',
      'lit/static-html.js',
      '@lit/context',
      '@lit/task',
      'zod/mini',
      'msw',
      'msw/browser',
      'react',
      'react/jsx-runtime',
      'react-dom/client',
      'vue',
    ],
  },
});
