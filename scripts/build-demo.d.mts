/** Types of scripts/build-demo.mjs, for the TypeScript tests that build the demo's pages. */
export function buildDemoPages(options: {
  outDir: string;
  base: string;
  /** Names of demo/*.html, without the extension. */
  pages: string[];
  backend?: 'server' | 'mock';
}): Promise<void>;
