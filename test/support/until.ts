import { aTimeout } from '@open-wc/testing';

/**
 * Polls `probe` until it returns (or resolves to) something truthy, and returns that; fails
 * after `timeout` ms. An async probe is awaited, so it may ask the (async) mock store.
 */
export async function until<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeout = 4000,
): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${probe}`);
    await aTimeout(10);
  }
}
