import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs', '@storybook/addon-vitest'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // MSW's worker at the root scope, straight from node_modules (no `msw init`, nothing to go
  // stale). Only the one file: mapping the whole of msw/lib would copy 7 MB into the build.
  staticDirs: [
    { from: '../node_modules/msw/lib/mockServiceWorker.js', to: '/mockServiceWorker.js' },
  ],
  viteFinal: (viteConfig, { configType }) =>
    mergeConfig(viteConfig, {
      // Without this, `storybook dev` discovers Lit late and warns "Multiple versions of Lit loaded".
      optimizeDeps: { include: ['lit', 'lit/directive-helpers.js'] },
      // `storybook build --quiet` should print problems, not Storybook's own chunk list; the
      // library's sizes are `npm run bench`'s job.
      ...(configType === 'PRODUCTION' && { logLevel: 'warn' }),
      build: { chunkSizeWarningLimit: 4096, reportCompressedSize: false },
    }),
};

export default config;
