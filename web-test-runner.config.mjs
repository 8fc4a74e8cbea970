import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, executablePath } from './test/chromium.mjs';

/** Serves MSW's worker script at the root scope so that it can intercept every request. */
const mswWorker = {
  name: 'msw-worker',
  serve(context) {
    if (context.path === '/mockServiceWorker.js') {
      return { body: mswWorkerSource, type: 'js', headers: { 'Service-Worker-Allowed': '/' } };
    }
    return undefined;
  },
};
const { readFileSync } = await import('node:fs');
const mswWorkerSource = readFileSync(
  new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url),
  'utf8',
);

export default {
  files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  plugins: [mswWorker, esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath, headless: true, args: chromiumArgs },
    }),
  ],
};
