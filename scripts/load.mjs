/**
 * A small closed-loop load generator for `npm run bench`: `connections` clients, each sending its
 * next request as soon as the last one is answered, for `durationMs`, over kept-alive loopback
 * connections. It records every request's latency, so p50 and p95 are exact, not estimated from
 * buckets (autocannon reports p97.5, not p95).
 *
 * It runs in the bench's process, the server in its own: the two do not share an event loop.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * @param {{ url: string; method?: string; body?: unknown; headers?: Record<string, string>;
 *   connections?: number; durationMs?: number; warmupMs?: number }} options
 */
export async function load(options) {
  const {
    url,
    method = 'GET',
    body,
    connections = 16,
    durationMs = 5000,
    warmupMs = 500,
  } = options;
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const headers = {
    Accept: 'application/json',
    ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {}),
    ...options.headers,
  };

  const send = () =>
    new Promise((resolve) => {
      const started = performance.now();
      const request = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          method,
          headers,
        },
        (response) => {
          response.resume();
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }),
          );
        },
      );
      request.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
      request.end(payload);
    });

  // Warm up (JIT, connection set-up, the server's caches), then measure.
  const run = async (ms, record) => {
    const until = performance.now() + ms;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < until) record(await send());
      }),
    );
  };
  await run(warmupMs, () => {});
  const latencies = [];
  const statuses = new Map();
  const started = performance.now();
  await run(durationMs, ({ status, ms }) => {
    latencies.push(ms);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  const elapsed = performance.now() - started;
  agent.destroy();

  latencies.sort((a, b) => a - b);
  const at = (q) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  const ok = [...statuses].filter(([s]) => s >= 200 && s < 300).reduce((n, [, c]) => n + c, 0);
  return {
    requests: latencies.length,
    rps: latencies.length / (elapsed / 1000),
    p50: at(0.5),
    p95: at(0.95),
    failed: latencies.length - ok,
    statuses: Object.fromEntries(statuses),
  };
}
