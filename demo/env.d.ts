/**
 * What the demo reads of Vite's `import.meta.env`: the backend `scripts/start.mjs` chose. Declared
 * here rather than through `vite/client`, whose global types would reach the library's sources;
 * a module imported by `backend.ts` (`import type`), so every program that compiles the demo's
 * pages (the root tsconfig, test/types) sees it. Optional, because pages built or served without
 * Vite have no `import.meta.env` at all.
 */
declare global {
  interface ImportMetaEnv {
    readonly VITE_DEMO_BACKEND?: 'server' | 'mock';
  }

  interface ImportMeta {
    readonly env?: ImportMetaEnv;
  }
}

export {};
