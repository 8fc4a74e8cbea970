/**
 * The process around the server: listen, log the start, and on SIGTERM or SIGINT stop
 * gracefully (no new connections, the requests in flight finish within the grace period), close
 * the storage, log the stop and exit 0. A second signal while stopping changes nothing: the
 * grace period already bounds the wait.
 */
import type { HttpBindings } from '@hono/node-server';
import { describeConfig, type ServerConfig } from './config.js';
import { listen, type Listening } from './listen.js';
import { errorFields, type Logger } from './log.js';

export interface RunOptions {
  app: { fetch(request: Request, env: HttpBindings): Response | Promise<Response> };
  config: ServerConfig;
  log: Logger;
  /** Closes what the server opened (the storage), after the last request. */
  onStop?(): Promise<void>;
  exit?(code: number): void;
}

export async function runServer(options: RunOptions): Promise<Listening> {
  const { config, log } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const server = await listen((request, env) => options.app.fetch(request, env), {
    host: config.host,
    port: config.port,
    graceMs: config.shutdownGraceMs,
  });
  log.info('listening', { url: server.url, port: server.port, ...describeConfig(config) });

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      log.info('already stopping', { signal });
      return;
    }
    stopping = true;
    // Closing first: once 'stopping' is in the log, no new connection is accepted.
    const closed = server.close();
    log.info('stopping', { signal, graceMs: config.shutdownGraceMs });
    let code = 0;
    try {
      const outcome = await closed;
      if (outcome === 'forced') log.warn('requests still open after the grace period were closed');
      await options.onStop?.();
    } catch (error) {
      log.error('stopping failed', errorFields(error));
      code = 1;
    }
    log.info('stopped', { signal, exitCode: code });
    exit(code);
  };
  process.on('SIGTERM', (signal) => void stop(signal));
  process.on('SIGINT', (signal) => void stop(signal));
  return server;
}
