/**
 * The reference server's process: environment → configuration → storage → backend → app →
 * listening, and a graceful stop on SIGTERM or SIGINT (`run.ts`).
 *
 *   node --import tsx demo/server/main.ts [--seed-supporters N]
 *
 * Settings are environment variables (README, "Running the reference server"); a bad one stops
 * the process with status 2 and every problem named.
 */
import { createBackend } from '../../src/backend/service.js';
import { cryptoTokens } from '../../src/backend/tokens.js';
import { handleApiRequest } from '../../src/backend/http.js';
import { createSeedSupporters, programVariants } from '../../src/mocks/data.js';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type ServerConfig } from './config.js';
import { openSqlStorage } from './db/storage.js';
import { appDeps, createClock } from './deps.js';
import { createLogger, errorFields } from './log.js';
import { runServer } from './run.js';

let config: ServerConfig;
try {
  config = loadConfig(process.env, process.argv.slice(2));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}

const log = createLogger({ level: config.logLevel });
try {
  const clock = createClock();
  const storage = await openSqlStorage({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    ...(config.seedSupporters ? { supporters: createSeedSupporters(config.seedSupporters) } : {}),
  });
  const baseUrl = config.apiBasePath;
  const app = createApp(
    appDeps({
      createBackend: (program) =>
        createBackend({
          storage,
          program,
          now: () => clock.now(),
          tokens: cryptoTokens(),
          origin: config.publicOrigin,
        }),
      program: programVariants[config.program],
      storage,
      handle: (backend, request, context) =>
        handleApiRequest(backend, request, { baseUrl, ...context }),
      clock,
      config,
      log,
    }),
  );
  await runServer({ app, config, log, onStop: () => storage.close() });
} catch (error) {
  log.error('failed to start', errorFields(error));
  // Nothing a seeker sent exists yet: the whole error, for whoever starts the process.
  console.error(error);
  process.exit(1);
}
