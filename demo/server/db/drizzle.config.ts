/**
 * drizzle-kit's settings: `npm run db:generate` writes a new versioned migration into
 * `migrations/` after a change to `schema.ts`. Paths are from the repository's root, where the
 * npm script runs.
 */
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './demo/server/db/schema.ts',
  out: './demo/server/db/migrations',
  strict: true,
});
