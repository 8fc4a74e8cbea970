/**
 * What the demo reads of Vite's `import.meta.env`: the backend `scripts/start.mjs` chose. Declared
 * here rather than through `vite/client`, whose global types would reach the library's sources.
 * Optional, because pages built or served without Vite have no `import.meta.env` at all.
 */
interface ImportMetaEnv {
  readonly VITE_DEMO_BACKEND?: 'server' | 'mock';
}

interface ImportMeta {
  readonly env?: ImportMetaEnv;
}
