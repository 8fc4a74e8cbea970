/**
 * What `createApp` needs, built from a backend and its storage (`main.ts` passes the real ones):
 * the settable clock the backend reads, the admin's control surface, readiness, and the portraits.
 */
import type { Backend } from '../../src/backend/backend.js';
import type { Storage } from '../../src/backend/storage.js';
import { portraitPath, portraitSvg } from '../../src/mocks/portraits.js';
import type { AppDeps, Clock } from './app.js';
import type { ServerConfig } from './config.js';
import type { Logger } from './log.js';

/**
 * Real time until `set` fixes an instant (the demo and the tests move the cancellation window
 * this way); `set(null)` follows real time again. One clock per process: with several processes,
 * set each one, or leave them on real time.
 */
export function createClock(realNow: () => Date = () => new Date()): Clock {
  let fixed: Date | undefined;
  return {
    set(now) {
      fixed = now === null ? undefined : new Date(now.getTime());
    },
    now: () => (fixed ? new Date(fixed.getTime()) : realNow()),
  };
}

/**
 * The portraits of the seeded supporters whose photo is one this server serves (a path under
 * `/mock-portraits/`, as the seed writes it); read once, since supporters do not change while a
 * backend runs.
 */
export function portraitsOf(
  storage: Pick<Storage, 'supporters'>,
): (id: string) => Promise<string | undefined> {
  let pictured: Promise<Map<string, string>> | undefined;
  const load = async () => {
    const map = new Map<string, string>();
    for (const supporter of await storage.supporters()) {
      const photo = supporter.photoUrl;
      if (photo === portraitPath(supporter.id) || photo?.endsWith(portraitPath(supporter.id))) {
        map.set(supporter.id, portraitSvg(supporter));
      }
    }
    return map;
  };
  return async (id) => {
    pictured ??= load().catch((error: unknown) => {
      pictured = undefined;
      throw error;
    });
    return (await pictured).get(id);
  };
}

export interface WireOptions {
  backend: Backend;
  storage: Storage;
  /** `handleApiRequest` bound to the backend. */
  handle: AppDeps['handle'];
  clock: Clock;
  config: ServerConfig;
  log: Logger;
}

export function appDeps({ backend, storage, handle, clock, config, log }: WireOptions): AppDeps {
  return {
    handle,
    control: {
      confirmBooking: (id) => backend.confirmBooking(id),
      declineBooking: (id) => backend.declineBooking(id),
      cancelAsSupporter: (id) => backend.cancelAsSupporter(id),
      markPaid: (id) => backend.markPaid(id),
      markGiftCardPaid: (id) => backend.markGiftCardPaid(id),
      emailedCode: (id) => backend.emailedCode(id),
      bookings: () => backend.bookings(),
      giftCodes: () => backend.giftCodes(),
      reset: () => storage.reset(),
    },
    clock,
    ready: () => storage.ready(),
    portrait: portraitsOf(storage),
    config,
    log,
  };
}
