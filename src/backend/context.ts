/**
 * What the backend's operations share (`service.ts` puts them together): the options resolved,
 * the supporters' directory, the availability context of an instant, and the Idempotency-Key
 * discipline every write follows inside one storage transaction.
 */
import {
  bookableWindow,
  weeklyBlocks,
  type AvailabilityContext,
  type Span,
} from '../api/availability.js';
import { giftCardStatus } from '../api/booking-rules.js';
import { canonicalJson, isRemembered, replayDecision } from '../api/idempotency.js';
import type { Program } from '../api/schemas.js';
import { DAY, MINUTE, formatLocalDate } from '../api/time.js';
import type { ApiFailure, ApiResult, IdempotentOperation } from './backend.js';
import { createDirectory, type Directory } from './directory.js';
import { injectedFailure, keyReused, noSuchBooking } from './refusals.js';
import { sealedKey } from './sealed-key.js';
import type {
  Storage,
  StoredAnswer,
  StoredBooking,
  StoredGiftCard,
  Transaction,
} from './storage.js';
import { cryptoTokens, equalHashes, type TokenSource } from './tokens.js';

import type { GiftCardBalance } from '../api/gift-card-schemas.js';

export interface BackendOptions {
  storage: Storage;
  program: Program;
  /** The clock every rule reads; the real one by default. */
  now?: () => Date;
  /** Slots are offered up to this many days ahead; 28 by default. */
  horizonDays?: number;
  /** Slots start at least this many minutes from now, so a supporter can see the request; 120. */
  leadMinutes?: number;
  /** Ids, manage tokens and links; `cryptoTokens()` by default. */
  tokens?: TokenSource;
  /**
   * Origin a supporter's photo given as a path (`/mock-portraits/<id>.svg`) is made absolute on;
   * without one (or where that gives no URL the contract allows) such supporters have no photo.
   */
  origin?: string;
  /**
   * Asked once an idempotent operation's key turned out new, before it is performed: true makes
   * it fail with 500 `internal`, nothing done and nothing remembered (the mock's `failNext`).
   */
  fault?: (operation: IdempotentOperation) => boolean;
}

/** What the operations share: the options resolved, the directory, idempotency, the clock. */
export interface ServiceContext {
  readonly storage: Storage;
  readonly program: Program;
  readonly now: () => Date;
  readonly tokens: TokenSource;
  readonly currency: string;
  readonly programZone: string;
  readonly windowHours: number;
  contextAt(nowMs: number): AvailabilityContext;
  /** The supporters, indexed once on first use: they do not change while a backend runs. */
  directory(): Promise<Directory>;
  /** Every active span that can touch a bookable slot, by supporter. */
  spansBySupporter(ctx: AvailabilityContext): Promise<Map<string, Span[]>>;
  idempotently<T, C>(
    operation: IdempotentOperation,
    key: string | undefined,
    request: unknown,
    authorise: (tx: Transaction) => Promise<{ ok: true; value: C } | ApiFailure>,
    perform: (tx: Transaction, value: C) => Promise<ApiResult<T>>,
  ): Promise<ApiResult<T>>;
  authorised(
    reader: Pick<Storage, 'booking'>,
    bookingId: string,
    manageToken: string | undefined,
  ): Promise<{ ok: true; value: StoredBooking } | ApiFailure>;
  giftStatus(card: StoredGiftCard, nowMs: number): GiftCardBalance['status'];
  /** A new id with `prefix` that `find` does not know. */
  freshId(prefix: string, find: (id: string) => Promise<unknown>): Promise<string>;
}

export const clone = <T>(value: T): T => structuredClone(value);

/** The `authorise` of an operation anyone may call. */
export const anyone = () => Promise.resolve({ ok: true as const, value: undefined });

/** Thrown inside a transaction to roll it back and answer `answer`. */
class Rollback {
  constructor(readonly answer: ApiFailure) {}
}

function answerOf<T>(stored: StoredAnswer): ApiResult<T> {
  if (stored.status < 400) {
    return { ok: true, status: stored.status as 200 | 201, body: stored.body as T };
  }
  return {
    ok: false,
    status: stored.status as ApiFailure['status'],
    body: stored.body as ApiFailure['body'],
    ...(stored.retryAfter === undefined ? {} : { retryAfter: stored.retryAfter }),
  };
}

function storedOf(result: ApiResult<unknown>): StoredAnswer {
  const retryAfter = result.ok ? undefined : result.retryAfter;
  return {
    status: result.status,
    body: clone(result.body),
    ...(retryAfter === undefined ? {} : { retryAfter }),
  };
}

export function createContext(options: BackendOptions): ServiceContext {
  const { storage } = options;
  const program = clone(options.program);
  const now = options.now ?? (() => new Date());
  const tokens = options.tokens ?? cryptoTokens();
  const horizonMs = (options.horizonDays ?? 28) * DAY;
  const leadMs = (options.leadMinutes ?? 120) * MINUTE;
  const currency = program.currency;
  const programZone = program.hours.timeZone;
  const programHours = weeklyBlocks(program.hours.weekly);
  const windowHours = program.cancellation.windowHours;
  const longestMs = Math.max(0, ...program.sessionLengths) * MINUTE;

  let directoryOnce: Promise<Directory> | undefined;
  /**
   * Supporters do not change while a backend runs: indexed once, on first use. A failed read
   * (a database not reachable yet) is not kept: the next call tries again.
   */
  const directory = () => {
    if (!directoryOnce) {
      const reading = storage
        .supporters()
        .then((records) => createDirectory(records, program, options.origin));
      directoryOnce = reading;
      reading.catch(() => {
        if (directoryOnce === reading) directoryOnce = undefined;
      });
    }
    return directoryOnce;
  };

  const contextAt = (nowMs: number): AvailabilityContext => ({
    nowMs,
    leadMs,
    horizonMs,
    programZone,
    programHours,
  });

  /** Every active span that can touch a bookable slot, by supporter. */
  async function spansBySupporter(ctx: AvailabilityContext): Promise<Map<string, Span[]>> {
    const { fromMs, toMs } = bookableWindow(ctx);
    const spans = await storage.activeSpans({ fromMs, toMs: toMs + longestMs });
    const bySupporter = new Map<string, Span[]>();
    for (const span of spans) {
      const list = bySupporter.get(span.supporterId);
      if (list) list.push(span);
      else bySupporter.set(span.supporterId, [span]);
    }
    return bySupporter;
  }

  // --- idempotency ---------------------------------------------------------------------------

  /**
   * Runs an idempotent operation in one transaction: `authorise` first (its refusal, a 404, is
   * not remembered), then the key's claim decides between replaying the first answer, refusing
   * a reused key and performing. A remembered answer is saved with the key; any other (a 5xx)
   * rolls the transaction back so nothing of it is kept, the claim included. While a request
   * holds a key, a duplicate waits for it and then gets its answer.
   */
  async function idempotently<T, C>(
    operation: IdempotentOperation,
    key: string | undefined,
    request: unknown,
    authorise: (tx: Transaction) => Promise<{ ok: true; value: C } | ApiFailure>,
    perform: (tx: Transaction, value: C) => Promise<ApiResult<T>>,
  ): Promise<ApiResult<T>> {
    // The key's scope, fingerprint and answer, as the storage keeps them: sealed with the key.
    const sealed = key === undefined ? undefined : await sealedKey(operation, key);
    const fingerprint = sealed ? await sealed.fingerprint(canonicalJson(request)) : '';
    try {
      return await storage.transaction(async (tx) => {
        const allowed = await authorise(tx);
        if (!allowed.ok) return allowed;
        if (sealed) {
          const decision = replayDecision(await tx.claimKey(sealed.scope), fingerprint);
          if (decision.kind === 'replay') return answerOf<T>(await sealed.open(decision.answer));
          if (decision.kind === 'key-reused') return keyReused();
        }
        if (options.fault?.(operation)) throw new Rollback(injectedFailure());
        const result = await perform(tx, allowed.value);
        if (!isRemembered(result.status)) {
          if (result.ok) throw new Error(`a ${result.status} success must be remembered`);
          throw new Rollback(result);
        }
        if (sealed) {
          await tx.saveKey(sealed.scope, {
            fingerprint,
            answer: await sealed.seal(storedOf(result)),
          });
        }
        return result;
      });
    } catch (error) {
      if (error instanceof Rollback) return error.answer;
      throw error;
    }
  }

  /** The booking, if `manageToken` is its token; the same 404 for an unknown id or a bad token. */
  async function authorised(
    reader: Pick<Storage, 'booking'>,
    bookingId: string,
    manageToken: string | undefined,
  ): Promise<{ ok: true; value: StoredBooking } | ApiFailure> {
    const record = await reader.booking(bookingId);
    if (!record || manageToken === undefined) return noSuchBooking();
    const hash = await tokens.hashToken(manageToken);
    return equalHashes(hash, record.tokenHash) ? { ok: true, value: record } : noSuchBooking();
  }

  const giftStatus = (card: StoredGiftCard, nowMs: number) =>
    giftCardStatus(
      {
        sessionsRemaining: card.sessionsRemaining,
        expiresOn: card.expiresOn,
        pending:
          !card.paid ||
          (card.deliverOn !== undefined &&
            card.deliverOn > formatLocalDate(nowMs, card.timeZone ?? programZone)),
      },
      formatLocalDate(nowMs, programZone),
    );

  async function freshId(prefix: string, find: (id: string) => Promise<unknown>): Promise<string> {
    for (;;) {
      const id = tokens.id(prefix);
      if ((await find(id)) === undefined) return id;
    }
  }

  return {
    storage,
    program,
    now,
    tokens,
    currency,
    programZone,
    windowHours,
    contextAt,
    directory,
    spansBySupporter,
    idempotently,
    authorised,
    giftStatus,
    freshId,
  };
}
