/**
 * The reference server's settings, read from the environment (and `--seed-supporters N` on the
 * command line). Every value has a default that runs the demo on one machine; a bad value is
 * refused with every problem named at once, before anything starts (`main.ts` exits with
 * status 2), rather than half-working later.
 */
import type { ProgramVariant } from '../../src/mocks/data.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface ServerConfig {
  host: string;
  /** 0 picks a free port (the tests, `npm start`). */
  port: number;
  /** Where the API is mounted: `/api`, no trailing slash. */
  apiBasePath: string;
  /** A PostgreSQL server; unset, the embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Origins allowed by CORS, exactly as browsers send them (`https://partner.example`). */
  corsOrigins: readonly string[];
  /** Unset: no admin routes at all. */
  adminToken: string | undefined;
  /** Origin the supporters' photo URLs point at (where `/mock-portraits/` is served). */
  publicOrigin: string;
  /** Largest request body accepted, in bytes; larger is answered 413. */
  bodyLimitBytes: number;
  /** POSTs per client address and route in each minute; 0 turns rate limiting off. */
  rateLimit: { postsPerMinute: number };
  /** Take the client address from the last `X-Forwarded-For` entry (behind one proxy). */
  trustProxy: boolean;
  logLevel: LogLevel;
  /** How long a shutdown waits for requests in flight before closing their connections. */
  shutdownGraceMs: number;
  /** The demo program the backend serves (`programVariants` in src/mocks/data.ts). */
  program: ProgramVariant;
  /** Seed this many generated supporters instead of the mock's 64 (a bigger database). */
  seedSupporters: number | undefined;
}

export const logLevels: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];
const programs: readonly ProgramVariant[] = [
  'reference',
  'fixed',
  'free',
  'campusCrisisLine',
  'noAgeLimit',
];

/** The demo's dev origin (Vite's default), the one origin allowed when none is configured. */
export const DEMO_ORIGIN = 'http://localhost:5173';
export const MIN_ADMIN_TOKEN_LENGTH = 32;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid server configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** The configuration from `env` and `argv` (the arguments after the script); throws ConfigError. */
export function loadConfig(env: Env, argv: readonly string[] = []): ServerConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const oneOf = <T extends string>(name: string, values: readonly T[], fallback: T): T => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if ((values as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name} must be one of ${values.join(', ')} (got "${raw}")`);
    return fallback;
  };

  const host = read('HOST') ?? '127.0.0.1';
  if (/\s|\//.test(host)) problems.push(`HOST must be a host name or an address (got "${host}")`);

  const port = integer('PORT', 8787, 0, 65535);

  const apiBasePath = read('API_BASE_PATH') ?? '/api';
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(apiBasePath)) {
    problems.push(
      `API_BASE_PATH must be a path like /api or /v1/peer (a leading slash, no trailing one; got "${apiBasePath}")`,
    );
  } else if (/^\/(admin|healthz|readyz|mock-portraits)(\/|$)/.test(apiBasePath)) {
    problems.push(`API_BASE_PATH must not be one of the server's own paths (got "${apiBasePath}")`);
  }

  const databaseUrl = read('DATABASE_URL');
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
    // The value itself may carry a password: never repeat it.
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }

  const dataDir = read('DATA_DIR') ?? '.data/pglite';

  const corsOrigins = (read('CORS_ORIGINS') ?? DEMO_ORIGIN)
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!isOrigin(origin)) {
      problems.push(
        `CORS_ORIGINS must list origins such as https://partner.example, comma separated; "${origin}" is not one (no "*", no path, no trailing slash)`,
      );
    }
  }

  const adminToken = read('ADMIN_TOKEN');
  if (adminToken !== undefined && adminToken.length < MIN_ADMIN_TOKEN_LENGTH) {
    problems.push(
      `ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters (got ${adminToken.length}); unset it to turn the admin routes off`,
    );
  } else if (adminToken !== undefined && /\s/.test(adminToken)) {
    problems.push('ADMIN_TOKEN must not contain spaces');
  }

  const publicOrigin = read('PUBLIC_ORIGIN') ?? `http://localhost:${port || 8787}`;
  if (!isOrigin(publicOrigin) || !isPhotoOrigin(publicOrigin)) {
    problems.push(
      `PUBLIC_ORIGIN must be an https:// origin, or http://localhost[:port] (127.0.0.1, [::1]) in development (got "${publicOrigin}")`,
    );
  }

  const bodyLimitBytes = integer('BODY_LIMIT_BYTES', 16 * 1024, 1024, 1024 * 1024);
  const postsPerMinute = integer('RATE_LIMIT_POSTS_PER_MINUTE', 60, 0, 1_000_000);

  const trustRaw = read('TRUST_PROXY') ?? 'false';
  if (!['true', 'false', '1', '0'].includes(trustRaw)) {
    problems.push(`TRUST_PROXY must be true or false (got "${trustRaw}")`);
  }
  const trustProxy = trustRaw === 'true' || trustRaw === '1';

  const logLevel = oneOf('LOG_LEVEL', logLevels, 'info');
  const shutdownGraceMs = integer('SHUTDOWN_GRACE_MS', 10_000, 0, 600_000);
  const program = oneOf('PROGRAM', programs, 'campusCrisisLine');

  let seedSupporters = read('SEED_SUPPORTERS');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--seed-supporters') seedSupporters = argv[++i];
    else if (arg.startsWith('--seed-supporters=')) seedSupporters = arg.split('=')[1];
    else problems.push(`unknown argument "${arg}" (the server takes --seed-supporters N)`);
  }
  let seedCount: number | undefined;
  if (seedSupporters !== undefined) {
    seedCount = /^\d+$/.test(seedSupporters) ? Number(seedSupporters) : NaN;
    if (!Number.isSafeInteger(seedCount) || seedCount < 1 || seedCount > 100_000) {
      problems.push(
        `SEED_SUPPORTERS (or --seed-supporters) must be a whole number from 1 to 100000 (got "${seedSupporters}")`,
      );
      seedCount = undefined;
    }
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    host,
    port,
    apiBasePath,
    databaseUrl,
    dataDir,
    corsOrigins,
    adminToken,
    publicOrigin,
    bodyLimitBytes,
    rateLimit: { postsPerMinute },
    trustProxy,
    logLevel,
    shutdownGraceMs,
    program,
    seedSupporters: seedCount,
  };
}

/** What a log may say of the configuration: no token, no database credentials. */
export function describeConfig(config: ServerConfig): Record<string, unknown> {
  return {
    host: config.host,
    apiBasePath: config.apiBasePath,
    storage: config.databaseUrl ? 'postgresql' : 'pglite',
    corsOrigins: config.corsOrigins,
    admin: config.adminToken !== undefined,
    publicOrigin: config.publicOrigin,
    bodyLimitBytes: config.bodyLimitBytes,
    rateLimit: config.rateLimit,
    trustProxy: config.trustProxy,
    program: config.program,
  };
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

/** The contract's rule for photo URLs: https, or http on localhost. */
function isPhotoOrigin(origin: string): boolean {
  const url = new URL(origin);
  return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

function isPostgresUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'postgres:' || protocol === 'postgresql:';
  } catch {
    return false;
  }
}
