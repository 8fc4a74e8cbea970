/**
 * The mock backend: the shared backend service (`backend/service.ts`, the same rules the
 * reference server runs) over storage in the page's memory, with the seed data, deterministic
 * tokens and what only a mock needs: supporter portraits served on the page's origin, and
 * failures on demand. No MSW and no DOM here (the page's origin is only the default of `origin`).
 *
 * Every operation resolves to `{ ok: true, status, body }` with a body valid against the
 * operation's response schema, or to `{ ok: false, status, body: ErrorBody }`.
 */
import type {
  Program,
  SupporterFilters as SupporterFiltersRequest,
  SupporterQuery,
} from '../api/schemas.js';
import type { Backend, IdempotentOperation } from '../backend/backend.js';
import { withPhotoOn } from '../backend/directory.js';
import { createMemoryStorage } from '../backend/memory-storage.js';
import { createBackend } from '../backend/service.js';
import { seededTokens } from '../backend/tokens.js';
import {
  createSeedSupporters,
  referenceProgram,
  seedGiftCards,
  type SeedGiftCard,
  type SupporterRecord,
} from './data.js';
import { portraitPath, portraitSvg } from './portraits.js';

export type {
  ApiFailure,
  ApiResult,
  ApiSuccess,
  ErrorStatus,
  IdempotentOperation,
  SlotQuery,
  SupporterPage,
} from '../backend/backend.js';
export { failure, fieldErrorsFromIssues, parseRequest } from '../backend/refusals.js';
export { GIFT_LOOKUPS_PER_MINUTE } from '../backend/service.js';
export { timeOfDay } from '../api/availability.js';

/**
 * Supporter filters, the body of `POST /slots/next`. The store checks them against the contract
 * again, as it does every request body, so direct calls (tests, stories) get the server's 400.
 */
export type SupporterFilters = SupporterFiltersRequest;

/** A supporter search, the body of `POST /supporters/search`. */
export type SupporterListQuery = SupporterQuery;

export interface MockStoreOptions {
  program?: Program;
  supporters?: readonly SupporterRecord[];
  giftCards?: readonly SeedGiftCard[];
  now?: () => Date;
  /** Slots are offered up to this many days ahead. */
  horizonDays?: number;
  /** Slots start at least this many minutes from now, so a supporter can see the request. */
  leadMinutes?: number;
  /** Seed of the generated ids and codes, so stories and tests see the same ones. */
  seed?: number;
  /**
   * Origin the mock backend answers on, e.g. `http://localhost:5173`: the page's, by default
   * (`location.origin`). A supporter's photo given as a path (the seed's portraits,
   * `/mock-portraits/<id>.svg`) becomes a URL on it, served by the mock's handlers, so no other
   * origin is contacted (QUALITY S3). Where that URL is not one the contract allows (http: on a
   * host other than localhost) or there is no origin, such supporters have no photo.
   */
  origin?: string;
}

/**
 * The backend's operations and the supporter's side (all async, as on a server), and the
 * mock's own helpers.
 */
export interface MockStore extends Backend {
  readonly program: Program;
  /** The supporters, with photo paths made absolute on `origin`. */
  readonly supporters: readonly SupporterRecord[];
  /** Origin the portraits are served on (`MockStoreOptions.origin`), if any. */
  readonly origin: string | undefined;
  /**
   * The next call of `operation` fails with 500 `internal` after its Idempotency-Key was looked
   * up, as a server failing part-way would: nothing is done and nothing is remembered.
   */
  failNext(operation: IdempotentOperation): void;
  /**
   * The portrait (SVG text) of a supporter whose photo this store serves, else undefined. The
   * handlers answer `GET <origin>/mock-portraits/<id>.svg` with it.
   */
  portrait(supporterId: string): string | undefined;
}

export function createMockStore(options: MockStoreOptions = {}): MockStore {
  const program = structuredClone(options.program ?? referenceProgram);
  const origin = options.origin ?? globalThis.location?.origin;
  const records = options.supporters ?? createSeedSupporters();
  const portraits = new Map<string, SupporterRecord>();
  const supporters = records.map((record) => {
    const resolved = withPhotoOn(record, origin);
    const served = record.photoUrl === portraitPath(record.id) && resolved.photoUrl !== undefined;
    if (served) portraits.set(record.id, resolved);
    return resolved;
  });
  const failing = new Set<IdempotentOperation>();
  const backend = createBackend({
    storage: createMemoryStorage({
      supporters: records,
      giftCards: options.giftCards ?? seedGiftCards,
    }),
    program,
    ...(options.now ? { now: options.now } : {}),
    ...(options.horizonDays !== undefined ? { horizonDays: options.horizonDays } : {}),
    ...(options.leadMinutes !== undefined ? { leadMinutes: options.leadMinutes } : {}),
    ...(origin !== undefined ? { origin } : {}),
    tokens: seededTokens(options.seed),
    fault: (operation) => failing.delete(operation),
  });
  return {
    ...backend,
    program,
    supporters,
    origin,
    failNext(operation) {
      failing.add(operation);
    },
    portrait(supporterId) {
      const record = portraits.get(supporterId);
      return record ? portraitSvg(record) : undefined;
    },
  };
}
