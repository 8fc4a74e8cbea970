/** Types of scripts/bench-server.mjs, for the TypeScript tests that start servers with it. */
export function freePort(): Promise<number>;

export interface RunningServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** SIGTERM, then the process's exit. */
  stop(): Promise<void>;
}

export function startServer(
  env: Record<string, string>,
  options?: { timeoutMs?: number },
): Promise<RunningServer>;

export function scratchDatabase(
  databaseUrl: string,
  suffix: string,
): Promise<{ url: string; drop(): Promise<void> }>;

export function serverBench(): Promise<{
  about: string;
  columns: { key: string; label: string }[];
  rows: Record<string, unknown>[];
}>;
