/**
 * Vitest runs the Storybook stories as tests (`npm run test:stories`): every story renders in
 * headless Chromium, its `play` function runs, and axe fails it on any violation
 * (`parameters.a11y.test = 'error'` in .storybook/preview.ts). Unit tests use web-test-runner.
 */
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { mswWorker } from './vite.config.js';
import { chromiumArgs, executablePath } from './test/chromium.mjs';

export default defineConfig({
  test: {
    projects: [
      {
        // Storybook's staticDirs middleware cannot serve a single file; serve MSW's worker here.
        plugins: [mswWorker(), storybookTest({ configDir: '.storybook' })],
        optimizeDeps: {
          include: [
            'lit',
            'lit/directive-helpers.js',
            'lit/decorators.js',
            'lit/directives/repeat.js',
            '@lit/context',
            '@lit/task',
          ],
        },
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath, args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
