/**
 * What `createApp` needs, built from a backend and its storage (`main.ts` passes the real ones):
 * the settable clock the backend reads, the admin's control surface, readiness, and the portraits.
 */
import type { Program } from '../../src/api/schemas.js';
import type { Backend } from '../../src/backend/backend.js';
import type { Storage } from '../../src/backend/storage.js';
import { portraitPath, portraitSvg } from '../../src/mocks/portraits.js';
import type { AppDeps, Clock, RequestContext } from './app.js';
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
  /** A backend serving `program` over the storage: `createBackend` with the server's options. */
  createBackend(program: Program): Backend;
  /** The seed's program, served from the start and after every reset. */
  program: Program;
  storage: Storage;
  /** The API over a backend: `handleApiRequest` with the base path. */
  handle(
    backend: Backend,
    request: Request,
    context?: RequestContext,
  ): Promise<Response | undefined>;
  clock: Clock;
  config: ServerConfig;
  log: Logger;
}

/**
 * The app's dependencies over one backend at a time: a reset (and the contract suite's
 * `setProgram`) empties the storage back to the seed and starts a backend on the program asked
 * for. Each process holds its own backend: with several, reset or set the program on each.
 */
export function appDeps(options: WireOptions): AppDeps {
  const { storage } = options;
  let backend = options.createBackend(options.program);
  const serve = async (program: Program) => {
    await storage.reset();
    backend = options.createBackend(program);
  };
  return {
    handle: (request, context) => options.handle(backend, request, context),
    control: {
      confirmBooking: (id) => backend.confirmBooking(id),
      declineBooking: (id) => backend.declineBooking(id),
      cancelAsSupporter: (id) => backend.cancelAsSupporter(id),
      markPaid: (id) => backend.markPaid(id),
      markGiftCardPaid: (id) => backend.markGiftCardPaid(id),
      emailedCode: (id) => backend.emailedCode(id),
      bookings: () => backend.bookings(),
      giftCodes: () => backend.giftCodes(),
      reset: () => serve(options.program),
      setProgram: (program) => serve(program),
    },
    clock: options.clock,
    ready: () => storage.ready(),
    portrait: portraitsOf(storage),
    config: options.config,
    log: options.log,
  };
}
