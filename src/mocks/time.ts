/** The date helpers moved to `api/time.ts`, where the backends' shared rules use them. */
export * from '../api/time.js';
