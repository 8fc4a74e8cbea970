/**
 * Structured logs: one JSON object a line, on stdout. Callers pass only what is safe to keep
 * (methods, route templates, statuses, durations, ids, error names): never a request body, a query
 * string, a header value, a gift code, a token, a name, an email or an age.
 */
import type { LogLevel } from './config.js';

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface LoggerOptions {
  level?: LogLevel;
  /** Receives each line, without its newline; stdout by default. */
  write?: (line: string) => void;
  now?: () => Date;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = rank[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const at =
    (level: Exclude<LogLevel, 'silent'>) =>
    (msg: string, fields: LogFields = {}): void => {
      if (rank[level] < threshold) return;
      write(JSON.stringify({ time: now().toISOString(), level, msg, ...fields }));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * What a log keeps of an error: its name, its code (a PostgreSQL SQLSTATE, a Node errno) and its
 * stack frames, not its message, which may quote the data that failed (a driver's "Key
 * (email)=(…) already exists").
 */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: { name: typeof error } };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => line.trim());
  return {
    error: {
      name: error.name,
      ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
      stack: frames,
    },
  };
}
