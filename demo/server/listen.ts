/**
 * Listening with Node's adapter, and closing gracefully: stop accepting connections at once, let
 * the requests in flight finish (their answers say `Connection: close`, and idle keep-alive
 * connections are closed), and after the grace period close whatever is still open.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type HttpBindings } from '@hono/node-server';

export interface Listening {
  /** `http://127.0.0.1:8787`, with the port actually bound (when 0 was asked). */
  url: string;
  port: number;
  /**
   * Stops accepting, waits for the requests in flight up to `graceMs`, then closes what is
   * left. `drained` when everything finished in time, `forced` otherwise.
   */
  close(): Promise<'drained' | 'forced'>;
}

export interface ListenOptions {
  host: string;
  port: number;
  graceMs: number;
}

type Fetch = (request: Request, env: HttpBindings) => Response | Promise<Response>;

export function listen(fetch: Fetch, options: ListenOptions): Promise<Listening> {
  let closing = false;
  return new Promise((resolve, reject) => {
    const server = serve({
      hostname: options.host,
      port: options.port,
      fetch: async (request, env) => {
        const bindings = env as HttpBindings;
        const response = await fetch(request, bindings);
        // Answered while closing: the connection must not stay open for another request.
        if (closing && !bindings.outgoing.headersSent) {
          bindings.outgoing.setHeader('Connection', 'close');
        }
        return response;
      },
    }) as Server;
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      let closed: Promise<'drained' | 'forced'> | undefined;
      resolve({
        url: `http://${host}:${port}`,
        port,
        close: () =>
          (closed ??= new Promise((done) => {
            closing = true;
            let outcome: 'drained' | 'forced' = 'drained';
            const idle = setInterval(() => server.closeIdleConnections(), 50);
            const deadline = setTimeout(() => {
              outcome = 'forced';
              server.closeAllConnections();
            }, options.graceMs);
            server.close(() => {
              clearInterval(idle);
              clearTimeout(deadline);
              done(outcome);
            });
            server.closeIdleConnections();
          })),
      });
    });
  });
}
