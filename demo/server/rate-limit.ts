/**
 * A fixed-window counter per key (client address and route), in this process's memory: each
 * process behind a load balancer counts on its own, so the limit a client meets is per process
 * (README, "Running the reference server").
 */
export interface RateLimiter {
  /** Counts one hit; when the key is over its limit, the seconds until its window ends. */
  hit(key: string): { allowed: true } | { allowed: false; retryAfterSeconds: number };
  /** Forgets every count (the admin's reset: the tests start from nothing). */
  clear(): void;
}

export interface RateLimiterOptions {
  /** Hits allowed per key in each window. */
  limit: number;
  windowMs: number;
  now?: () => number;
  /** Keys kept at most; the oldest windows are dropped first beyond it. */
  maxKeys?: number;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { limit, windowMs } = options;
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 100_000;
  const windows = new Map<string, { count: number; endsAt: number }>();
  let nextSweep = 0;

  /** Drops the windows that have ended, at most once a window. */
  function sweep(at: number): void {
    if (at < nextSweep) return;
    nextSweep = at + windowMs;
    for (const [key, window] of windows) if (window.endsAt <= at) windows.delete(key);
  }

  return {
    clear: () => windows.clear(),
    hit(key) {
      const at = now();
      sweep(at);
      let window = windows.get(key);
      if (!window || window.endsAt <= at) {
        windows.delete(key);
        if (windows.size >= maxKeys) windows.delete(windows.keys().next().value!);
        window = { count: 0, endsAt: at + windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count <= limit) return { allowed: true };
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((window.endsAt - at) / 1000)),
      };
    },
  };
}
