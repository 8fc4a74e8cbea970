/**
 * The backend's rules over a `Storage`: every operation of the contract and the supporter's
 * side, async, for the mock (memory storage) and the reference server (PostgreSQL) alike. The
 * decisions are the pure rules in `api/` (availability, search, matching, eligibility, prices,
 * gift cards, the cancellation window, idempotency); this module reads what they need, and makes
 * every change inside one `storage.transaction`, through the writes that say when a race was lost
 * (`insertBooking` → `slot-taken`, `takeGiftSession` → nothing left) rather than trusting a check
 * made first.
 */
import {
  bookableWindow,
  openSlotStarts,
  slotState,
  weeklyBlocks,
  type AvailabilityContext,
  type Span,
} from '../api/availability.js';
import {
  cancellationTerms,
  checkPayment,
  eligibilityProblems,
  freeCancellationUntil,
  giftCardExpiry,
  giftCardProblem,
  giftCardStatus,
  giftPurchaseProblems,
  isFreeCancellation,
} from '../api/booking-rules.js';
import {
  BookingRequestSchema,
  CancellationRequestSchema,
  RescheduleRequestSchema,
  type Booking,
  type BookingCancellation,
  type BookingRequest,
  type CreatedBooking,
} from '../api/booking-schemas.js';
import { giftSessionPrice } from '../api/gift-card-rules.js';
import {
  GiftCardPurchaseRequestSchema,
  type GiftCardPurchase,
  type GiftCardPurchaseRequest,
} from '../api/gift-card-schemas.js';
import { isRemembered, replayDecision, requestFingerprint } from '../api/idempotency.js';
import { scoreMatch } from '../api/match-scoring.js';
import {
  DateTimeSchema,
  MatchRequestSchema,
  SessionLengthSchema,
  SupporterFiltersSchema,
  SupporterQuerySchema,
  type FieldError,
  type MatchReason,
  type Program,
  type SessionLength,
  type Slot,
  type SupporterProfile,
  type SupporterQuery,
} from '../api/schemas.js';
import { matchesFilters, searchFilters, type SearchFilters } from '../api/supporter-search.js';
import { DAY, MINUTE, formatInstant, formatLocalDate } from '../api/time.js';
import { languageName } from '../internal/format.js';
import { localizeTag, timeOfDayLabel } from '../mocks/labels.js';
import type { ApiFailure, ApiResult, Backend, IdempotentOperation, Locale } from './backend.js';
import { byName, createDirectory, type Directory, type Entry } from './directory.js';
import {
  eligibilityError,
  failure,
  giftCardInvalid,
  giftCardRefusal,
  giftCardUsed,
  injectedFailure,
  keyReused,
  noSuchBooking,
  noSuchSupporter,
  notEligible,
  ok,
  parseRequest,
  paymentRefusal,
  slotRefusal,
} from './refusals.js';
import type {
  Storage,
  StoredAnswer,
  StoredBooking,
  StoredGiftCard,
  Transaction,
} from './storage.js';
import { cryptoTokens, equalHashes, type TokenSource } from './tokens.js';

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

/** Lookups of gift codes a backend answers in a minute; more get 429 `rate-limited`. */
export const GIFT_LOOKUPS_PER_MINUTE = 10;

/** Thrown inside a transaction to roll it back and answer `answer`. */
class Rollback {
  constructor(readonly answer: ApiFailure) {}
}

const clone = <T>(value: T): T => structuredClone(value);

const isActive = (booking: Booking) =>
  booking.status === 'requested' || booking.status === 'confirmed';

const isSessionLength = (value: number): value is SessionLength =>
  SessionLengthSchema.safeParse(value).success;

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

/** Releases a payment: refunded if it was made, else no longer due. */
function release(booking: Booking): void {
  const payment = booking.payment;
  if (payment.status === 'paid') {
    payment.status = 'refunded';
  } else {
    payment.status = 'not-required';
    delete payment.checkoutUrl;
  }
}

/** Why a booking can no longer be cancelled or moved, if it cannot. */
function refusalToChange(booking: Booking): ApiFailure | undefined {
  if (booking.status === 'declined') {
    return failure(409, 'booking-declined', 'The supporter declined this booking.');
  }
  if (booking.status === 'cancelled') {
    return failure(409, 'already-cancelled', 'This booking is already cancelled.');
  }
  return undefined;
}

export function createBackend(options: BackendOptions): Backend {
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
  /** Supporters do not change while a backend runs: indexed once, on first use. */
  const directory = () =>
    (directoryOnce ??= storage
      .supporters()
      .then((records) => createDirectory(records, program, options.origin)));

  /** When the recent gift lookups came, to rate-limit them. */
  let lookups: number[] = [];

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
    fingerprint: string,
    authorise: (tx: Transaction) => Promise<{ ok: true; value: C } | ApiFailure>,
    perform: (tx: Transaction, value: C) => Promise<ApiResult<T>>,
  ): Promise<ApiResult<T>> {
    const scope = `${operation}:${key}`;
    try {
      return await storage.transaction(async (tx) => {
        const allowed = await authorise(tx);
        if (!allowed.ok) return allowed;
        if (key !== undefined) {
          const decision = replayDecision(await tx.claimKey(scope), fingerprint);
          if (decision.kind === 'replay') return answerOf<T>(decision.answer);
          if (decision.kind === 'key-reused') return keyReused();
        }
        if (options.fault?.(operation)) throw new Rollback(injectedFailure());
        const result = await perform(tx, allowed.value);
        if (!isRemembered(result.status)) {
          if (result.ok) throw new Error(`a ${result.status} success must be remembered`);
          throw new Rollback(result);
        }
        if (key !== undefined) await tx.saveKey(scope, { fingerprint, answer: storedOf(result) });
        return result;
      });
    } catch (error) {
      if (error instanceof Rollback) return error.answer;
      throw error;
    }
  }

  const anyone = () => Promise.resolve({ ok: true as const, value: undefined });

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

  // --- gift cards ----------------------------------------------------------------------------

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

  async function restoreGiftSession(tx: Transaction, record: StoredBooking): Promise<boolean> {
    if (record.booking.payment.kind !== 'gift-card' || !record.giftCode) return false;
    return (await tx.returnGiftSession(record.giftCode)) !== undefined;
  }

  // --- bookings ------------------------------------------------------------------------------

  function setTimes(record: StoredBooking, entry: Entry, startMs: number): void {
    const endMs = startMs + record.booking.lengthMinutes * MINUTE;
    record.booking.start = formatInstant(startMs, entry.zone);
    record.booking.end = formatInstant(endMs, entry.zone);
    record.booking.freeCancellationUntil = formatInstant(
      freeCancellationUntil(new Date(startMs), windowHours).getTime(),
      entry.zone,
    );
  }

  /** Whether `startMs` is an open slot of the entry, with the spans the transaction sees. */
  async function slotIn(
    tx: Transaction,
    entry: Entry,
    nowMs: number,
    startMs: number,
    length: number,
    ignore?: string,
  ) {
    const spans = await tx.activeSpans({
      supporterId: entry.record.id,
      fromMs: startMs,
      toMs: startMs + length * MINUTE,
    });
    return slotState(
      contextAt(nowMs),
      { zone: entry.zone, blocks: entry.blocks, spans },
      startMs,
      length,
      ignore,
    );
  }

  type PaymentPlan = {
    kind: Booking['payment']['kind'];
    amount: number;
    giftCard?: StoredGiftCard;
  };

  async function planPayment(
    tx: Transaction,
    request: BookingRequest,
    nowMs: number,
  ): Promise<{ ok: true; value: PaymentPlan } | ApiFailure> {
    const { payment, lengthMinutes } = request;
    const checked = checkPayment(program, lengthMinutes, payment);
    if (!checked.ok) return paymentRefusal(checked, payment.kind);
    if (payment.kind !== 'gift-card') {
      return { ok: true, value: { kind: payment.kind, amount: checked.amount } };
    }
    const card = await tx.giftCard(payment.code);
    if (!card) return giftCardInvalid();
    const problem = giftCardProblem(
      { status: giftStatus(card, nowMs), lengthMinutes: card.lengthMinutes },
      lengthMinutes,
    );
    if (problem) return giftCardRefusal(problem, card);
    return { ok: true, value: { kind: 'gift-card', amount: 0, giftCard: card } };
  }

  async function performBooking(
    tx: Transaction,
    request: BookingRequest,
  ): Promise<ApiResult<CreatedBooking>> {
    const nowMs = now().getTime();
    const entry = (await directory()).entries.get(request.supporterId);
    if (!entry) {
      return failure(404, 'not-found', 'No such supporter.', [
        { field: 'supporterId', code: 'not_found', message: 'This supporter is not available.' },
      ]);
    }

    // Eligibility: the program's ages and states, then the supporter's certification.
    const { seeker } = request;
    const eligibility = eligibilityProblems(program.eligibility, seeker).map((problem) =>
      eligibilityError(problem, program.eligibility),
    );
    if (
      !eligibility.some((e) => e.field === 'seeker.state') &&
      !entry.search.states.has(seeker.state)
    ) {
      eligibility.push({
        field: 'seeker.state',
        code: 'not_certified',
        message: `${entry.record.name} is not certified in ${seeker.state}.`,
      });
    }
    if (eligibility.length > 0) return notEligible(eligibility);

    const lengths = entry.search.lengths;
    if (!lengths.includes(request.lengthMinutes)) {
      return failure(422, 'invalid-request', 'This session length is not offered.', [
        {
          field: 'lengthMinutes',
          code: 'not_offered',
          message: `Offered: ${lengths.join(', ') || 'none'} minutes.`,
        },
      ]);
    }
    if (
      !program.modalities.includes(request.modality) ||
      !entry.record.modalities.includes(request.modality)
    ) {
      return failure(422, 'invalid-request', 'This kind of session is not offered.', [
        {
          field: 'modality',
          code: 'not_offered',
          message: `Offered: ${entry.record.modalities.filter((m) => program.modalities.includes(m)).join(', ')}.`,
        },
      ]);
    }

    const plan = await planPayment(tx, request, nowMs);
    if (!plan.ok) return plan;

    const startMs = Date.parse(request.slotStart);
    const slot = await slotIn(tx, entry, nowMs, startMs, request.lengthMinutes);
    if (slot !== 'open') return slotRefusal(slot);

    const { kind, amount, giftCard } = plan.value;
    const at = formatInstant(nowMs, programZone);
    if (giftCard && !(await tx.takeGiftSession(giftCard.code, at))) return giftCardUsed();
    for (;;) {
      const id = await freshId('bk-', (candidate) => tx.booking(candidate));
      const booking: Booking = {
        id,
        status: 'requested',
        supporterId: entry.record.id,
        start: '',
        end: '',
        lengthMinutes: request.lengthMinutes,
        modality: request.modality,
        payment: {
          kind,
          status:
            kind === 'gift-card' ? 'covered-by-gift' : kind === 'free' ? 'not-required' : 'due',
          amount: { amount, currency },
        },
        freeCancellationUntil: '',
        createdAt: at,
      };
      if (booking.payment.status === 'due') booking.payment.checkoutUrl = tokens.checkoutUrl();
      const manageToken = tokens.manageToken();
      const record: StoredBooking = { booking, tokenHash: await tokens.hashToken(manageToken) };
      setTimes(record, entry, startMs);
      if (giftCard) record.giftCode = giftCard.code;
      const inserted = await tx.insertBooking(record);
      if (inserted === 'id-taken') continue;
      if (inserted === 'slot-taken') {
        // Another request won the slot after we looked: give the gift session back.
        if (giftCard) await tx.returnGiftSession(giftCard.code);
        return slotRefusal('taken');
      }
      return ok({ ...clone(booking), manageToken }, 201);
    }
  }

  async function freshId(prefix: string, find: (id: string) => Promise<unknown>): Promise<string> {
    for (;;) {
      const id = tokens.id(prefix);
      if ((await find(id)) === undefined) return id;
    }
  }

  /**
   * Cancels an active booking and returns what the cancellation says, on the terms of
   * `cancellationTerms` (free up to `windowHours` before the start, the boundary included, and
   * whenever the supporter cancels).
   */
  async function cancel(
    tx: Transaction,
    record: StoredBooking,
    by: 'seeker' | 'supporter',
    nowMs: number,
  ): Promise<BookingCancellation> {
    const { booking } = record;
    const terms = cancellationTerms({
      now: new Date(nowMs),
      start: new Date(Date.parse(booking.start)),
      windowHours,
      by,
      payment: booking.payment,
    });
    let giftSessionRestored = false;
    if (terms.releasesPayment) {
      release(booking);
      giftSessionRestored = await restoreGiftSession(tx, record);
    }
    booking.status = 'cancelled';
    delete booking.joinUrl;
    const cancellation: BookingCancellation = {
      cancelledAt: formatInstant(nowMs, programZone),
      by,
      withinFreeWindow: terms.withinFreeWindow,
      outcome: terms.outcome,
      feeDue: { amount: terms.feeDue, currency },
      refunded: { amount: terms.refunded, currency },
      giftSessionRestored,
    };
    booking.cancellation = cancellation;
    await tx.updateBooking(record);
    return clone(cancellation);
  }

  async function performPurchase(
    tx: Transaction,
    request: GiftCardPurchaseRequest,
  ): Promise<ApiResult<GiftCardPurchase>> {
    const { enabled, anyLength, maxSessions } = program.giftCards;
    if (!enabled) {
      return failure(422, 'gift-cards-disabled', 'This program does not sell gift cards.');
    }
    const nowMs = now().getTime();
    let today: string;
    try {
      today = formatLocalDate(nowMs, request.timeZone);
    } catch {
      return failure(422, 'invalid-request', 'Unknown time zone.', [
        { field: 'timeZone', code: 'invalid', message: 'Send an IANA time zone.' },
      ]);
    }
    const messages = {
      sessions: `A gift card holds 1 to ${maxSessions} sessions.`,
      lengthMinutes: `Offered: ${program.sessionLengths.join(', ')} minutes.`,
      deliverOn: `Pick today (${today}) or a later date.`,
    };
    const errors: FieldError[] = giftPurchaseProblems(program, request, today).map((p) => ({
      ...p,
      message: messages[p.field],
    }));
    if (errors.length > 0) return failure(422, 'invalid-request', 'Invalid gift card.', errors);

    const lengthMinutes = anyLength ? undefined : request.lengthMinutes;
    const total = request.sessions * giftSessionPrice(program, lengthMinutes);
    const deliverOn = request.deliverOn ?? today;
    const expiresOn = giftCardExpiry(program.giftCards, today);
    for (;;) {
      const code = await freshCode(tx);
      const id = await freshId('gp-', (candidate) => tx.purchase(candidate));
      const card: StoredGiftCard = {
        code,
        ...(lengthMinutes ? { lengthMinutes } : {}),
        sessionsTotal: request.sessions,
        sessionsRemaining: request.sessions,
        ...(expiresOn ? { expiresOn } : {}),
        // Nothing to pay: issued at once. Otherwise once the checkout reports the payment.
        paid: total === 0,
        deliverOn,
        timeZone: request.timeZone,
      };
      const purchase: GiftCardPurchase = {
        id,
        status: total === 0 ? 'issued' : 'pending-payment',
        sessions: request.sessions,
        ...(lengthMinutes ? { lengthMinutes } : {}),
        total: { amount: total, currency },
        ...(total === 0 ? {} : { checkoutUrl: tokens.checkoutUrl() }),
        deliverOn,
      };
      if ((await tx.insertGiftCard(card, { purchase, code })) === 'ok') {
        return ok(clone(purchase), 201);
      }
    }
  }

  async function freshCode(tx: Transaction): Promise<string> {
    for (;;) {
      const code = tokens.giftCode();
      if (!(await tx.giftCard(code))) return code;
    }
  }

  /** A supporter-side change of one booking in a transaction; false when it does not apply. */
  function change(
    bookingId: string,
    apply: (tx: Transaction, record: StoredBooking, nowMs: number) => Promise<boolean>,
  ): Promise<boolean> {
    return storage.transaction(async (tx) => {
      const record = await tx.booking(bookingId);
      return record ? apply(tx, record, now().getTime()) : false;
    });
  }

  // --- searches ------------------------------------------------------------------------------

  /** Checks a search body against its schema and normalizes it for `matchesFilters`. */
  function checkFilters(
    schema: typeof SupporterQuerySchema | typeof SupporterFiltersSchema,
    input: unknown,
  ) {
    const parsed = parseRequest(schema, input);
    if (!parsed.ok) return parsed;
    // Filters are a search without its paging: read both as a search.
    const query: SupporterQuery = parsed.value;
    return { ok: true as const, value: searchFilters(query), query };
  }

  async function searchContext() {
    const ctx = contextAt(now().getTime());
    const [dir, spans] = await Promise.all([directory(), spansBySupporter(ctx)]);
    const next = (entry: Entry, length?: number) =>
      dir.next(ctx, entry, spans.get(entry.record.id), length);
    const matches = (entry: Entry, filters: SearchFilters) =>
      matchesFilters(entry.search, filters, ctx.nowMs, (l) => next(entry, l)?.start ?? null);
    return { ctx, dir, spans, next, matches };
  }

  // --- the operations ------------------------------------------------------------------------

  return {
    now,

    getProgram: () => Promise.resolve(ok(clone(program))),

    async listSupporters(query = {}, locale: Locale = 'en') {
      const checked = checkFilters(SupporterQuerySchema, query);
      if (!checked.ok) return checked;
      const { dir, next, matches } = await searchContext();
      const sort = checked.query.sort ?? 'next-available';
      const offset = checked.query.offset ?? 0;
      const limit = checked.query.limit ?? 20;
      const filters = checked.value;
      const found = dir.all.filter((e) => matches(e, filters));
      const nextOf = (e: Entry) => next(e, filters.length)?.start ?? null;
      const page =
        sort === 'name'
          ? [...found]
              .sort(byName)
              .slice(offset, offset + limit)
              .map((entry) => ({ entry, next: nextOf(entry) }))
          : found
              .map((entry) => ({ entry, next: nextOf(entry) }))
              .sort(
                (a, b) => (a.next ?? Infinity) - (b.next ?? Infinity) || byName(a.entry, b.entry),
              )
              .slice(offset, offset + limit);
      return ok({
        items: page.map(({ entry, next: start }) => dir.summaryOf(entry, start, locale)),
        total: found.length,
        offset,
        limit,
        facets: dir.facets(locale),
      });
    },

    async getSupporter(supporterId, locale: Locale = 'en') {
      const { dir, next } = await searchContext();
      const entry = dir.entries.get(supporterId);
      if (!entry) return noSuchSupporter();
      const r = entry.record;
      const profile: SupporterProfile = {
        ...dir.summaryOf(entry, next(entry)?.start ?? null, locale),
        bio: r.bio,
        certifications: clone(r.certifications),
        modalities: [...r.modalities],
      };
      if (r.livedExperience !== undefined) profile.livedExperience = r.livedExperience;
      return ok(profile);
    },

    async listSlots(supporterId, query = {}) {
      const { ctx, dir, spans } = await searchContext();
      const entry = dir.entries.get(supporterId);
      if (!entry) return noSuchSupporter();
      const lengths = entry.search.lengths;
      const errors: FieldError[] = [];
      for (const field of ['from', 'to'] as const) {
        const value = query[field];
        if (value !== undefined && !DateTimeSchema.safeParse(value).success) {
          errors.push({
            field,
            code: 'invalid_format',
            message: 'Expected an ISO 8601 date-time with offset.',
          });
        }
      }
      const length = query.lengthMinutes ?? lengths[0];
      if (query.lengthMinutes !== undefined && !isSessionLength(query.lengthMinutes)) {
        errors.push({
          field: 'lengthMinutes',
          code: 'invalid_value',
          message: 'Must be 30, 50 or 60.',
        });
      } else if (length !== undefined && !lengths.includes(length as SessionLength)) {
        errors.push({
          field: 'lengthMinutes',
          code: 'not_offered',
          message: `Offered: ${lengths.join(', ') || 'none'} minutes.`,
        });
      }
      const fromMs = query.from !== undefined ? Date.parse(query.from) : ctx.nowMs;
      const toMs = query.to !== undefined ? Date.parse(query.to) : fromMs + 14 * DAY;
      if (errors.length === 0 && toMs < fromMs) {
        errors.push({ field: 'to', code: 'too_small', message: '`to` must not be before `from`.' });
      }
      if (errors.length > 0) return failure(400, 'invalid-request', 'Invalid query.', errors);

      const slots: Slot[] = [];
      if (length !== undefined) {
        const hours = dir.hours(entry, spans.get(supporterId));
        for (const start of openSlotStarts(ctx, hours, length, fromMs, toMs)) {
          slots.push(dir.slotOf(entry, start, length as SessionLength));
        }
      }
      return ok({ supporterId, timeZone: entry.zone, slots });
    },

    async nextAvailable(filters = {}) {
      const checked = checkFilters(SupporterFiltersSchema, filters);
      if (!checked.ok) return checked;
      const { dir, next, matches } = await searchContext();
      let best: { entry: Entry; start: number; length: SessionLength } | null = null;
      for (const entry of dir.all) {
        if (!matches(entry, checked.value)) continue;
        const soonest = next(entry, checked.value.length);
        if (!soonest) continue;
        if (
          !best ||
          soonest.start < best.start ||
          (soonest.start === best.start && byName(entry, best.entry) < 0)
        ) {
          best = { entry, ...soonest };
        }
      }
      return ok({ slot: best ? dir.slotOf(best.entry, best.start, best.length) : null });
    },

    async match(input, locale: Locale = 'en') {
      const parsed = parseRequest(MatchRequestSchema, input);
      if (!parsed.ok) return parsed;
      const request = parsed.value;
      const { ctx, dir, spans, next } = await searchContext();
      const timeZone = request.timeZone ?? programZone;
      const limit = request.limit ?? 10;
      const scored: { entry: Entry; score: number; reasons: MatchReason[]; next: number | null }[] =
        [];
      for (const entry of dir.all) {
        if (request.states?.length && !request.states.some((st) => entry.search.states.has(st))) {
          continue;
        }
        if (request.lengthMinutes && !entry.search.lengths.includes(request.lengthMinutes)) {
          continue;
        }
        const length = request.lengthMinutes ?? entry.search.lengths[0];
        const { score, hits } = scoreMatch({ ...request, timeZone }, entry.record, () =>
          length === undefined
            ? []
            : openSlotStarts(ctx, dir.hours(entry, spans.get(entry.record.id)), length),
        );
        const reasons = hits.map((hit): MatchReason => {
          switch (hit.kind) {
            case 'topic':
            case 'identity':
              return { kind: hit.kind, ...localizeTag(hit.kind, hit.tag, locale) };
            case 'language':
              return { kind: 'language', id: hit.id, label: languageName(hit.id, locale) };
            case 'time-of-day':
              return { kind: 'time-of-day', id: hit.id, label: timeOfDayLabel(hit.id, locale) };
          }
        });
        scored.push({
          entry,
          score,
          reasons,
          next: next(entry, request.lengthMinutes)?.start ?? null,
        });
      }
      scored.sort(
        (a, b) =>
          b.score - a.score ||
          (a.next ?? Infinity) - (b.next ?? Infinity) ||
          byName(a.entry, b.entry),
      );
      return ok({
        results: scored.slice(0, limit).map(({ entry, score, reasons, next: start }) => ({
          supporter: dir.summaryOf(entry, start, locale),
          score,
          reasons,
        })),
      });
    },

    createBooking(input, key) {
      const parsed = parseRequest(BookingRequestSchema, input);
      if (!parsed.ok) return Promise.resolve(parsed);
      const request = parsed.value;
      return idempotently('createBooking', key, requestFingerprint(request), anyone, (tx) =>
        performBooking(tx, request),
      );
    },

    async getBooking(bookingId, manageToken) {
      const found = await authorised(storage, bookingId, manageToken);
      return found.ok ? ok(found.value.booking) : found;
    },

    cancelBooking(bookingId, manageToken, input = {}, key) {
      const parsed = parseRequest(CancellationRequestSchema, input);
      if (!parsed.ok) return Promise.resolve(parsed);
      const fingerprint = requestFingerprint({ bookingId, ...parsed.value });
      return idempotently(
        'cancelBooking',
        key,
        fingerprint,
        (tx) => authorised(tx, bookingId, manageToken),
        async (tx, record) => {
          const refused = refusalToChange(record.booking);
          if (refused) return refused;
          const nowMs = now().getTime();
          if (nowMs >= Date.parse(record.booking.start)) {
            return failure(422, 'too-late', 'This session has already started.');
          }
          const cancellation = await cancel(tx, record, 'seeker', nowMs);
          return ok({ bookingId, status: 'cancelled' as const, ...cancellation });
        },
      );
    },

    rescheduleBooking(bookingId, manageToken, input, key) {
      const parsed = parseRequest(RescheduleRequestSchema, input);
      if (!parsed.ok) return Promise.resolve(parsed);
      const fingerprint = requestFingerprint({ bookingId, ...parsed.value });
      return idempotently(
        'rescheduleBooking',
        key,
        fingerprint,
        (tx) => authorised(tx, bookingId, manageToken),
        async (tx, record) => {
          const entry = (await directory()).entries.get(record.booking.supporterId);
          if (!entry) return noSuchSupporter();
          const refused = refusalToChange(record.booking);
          if (refused) return refused;
          const nowMs = now().getTime();
          if (!isFreeCancellation(new Date(nowMs), record.booking.start, windowHours)) {
            return failure(
              422,
              'too-late',
              `Sessions can be moved up to ${windowHours} hours before they start.`,
            );
          }
          const startMs = Date.parse(parsed.value.slotStart);
          const length = record.booking.lengthMinutes;
          // Only this supporter's open slots qualify; the booking's own time does not block itself.
          const slot = await slotIn(tx, entry, nowMs, startMs, length, bookingId);
          if (slot !== 'open') return slotRefusal(slot);
          setTimes(record, entry, startMs);
          // The supporter has to accept the new time, so the booking is a request again.
          record.booking.status = 'requested';
          delete record.booking.joinUrl;
          if ((await tx.updateBooking(record)) === 'slot-taken') return slotRefusal('taken');
          return ok(clone(record.booking));
        },
      );
    },

    purchaseGiftCard(input, key) {
      const parsed = parseRequest(GiftCardPurchaseRequestSchema, input);
      if (!parsed.ok) return Promise.resolve(parsed);
      const request = parsed.value;
      return idempotently('purchaseGiftCard', key, requestFingerprint(request), anyone, (tx) =>
        performPurchase(tx, request),
      );
    },

    /**
     * A balance lookup. At most `GIFT_LOOKUPS_PER_MINUTE` a minute per backend (a server behind
     * a load balancer also counts per client in front of it), so codes cannot be tried in bulk;
     * an unknown code and a wrong one get the same 404.
     */
    async getGiftCard(code) {
      const current = now().getTime();
      lookups = lookups.filter((at) => at > current - MINUTE);
      if (lookups.length >= GIFT_LOOKUPS_PER_MINUTE) {
        const refused = failure(
          429,
          'rate-limited',
          'Too many gift card lookups; try again later.',
        );
        return {
          ...refused,
          retryAfter: Math.max(1, Math.ceil((lookups[0]! + MINUTE - current) / 1000)),
        };
      }
      lookups.push(current);
      const card = await storage.giftCard(code);
      if (!card) return failure(404, 'not-found', 'No gift card with this code.');
      return ok({
        code: card.code,
        status: giftStatus(card, current),
        ...(card.lengthMinutes ? { lengthMinutes: card.lengthMinutes } : {}),
        sessionsTotal: card.sessionsTotal,
        sessionsRemaining: card.sessionsRemaining,
        ...(card.expiresOn ? { expiresOn: card.expiresOn } : {}),
        ...(card.usedUpAt ? { usedUpAt: card.usedUpAt } : {}),
      });
    },

    // --- the supporter's and the partner's side ------------------------------------------------

    giftCodes: () => storage.giftCodes(),
    emailedCode: async (giftCardId) => (await storage.purchase(giftCardId))?.code,
    bookings: async () => (await storage.bookings()).map((r) => r.booking),

    markGiftCardPaid: (giftCardId) =>
      storage.transaction(async (tx) => {
        const bought = await tx.purchase(giftCardId);
        const card = bought && (await tx.giftCard(bought.code));
        if (!bought || !card || card.paid) return false;
        await tx.updateGiftCard({ ...card, paid: true });
        bought.purchase.status = 'issued';
        delete bought.purchase.checkoutUrl;
        await tx.updatePurchase(bought);
        return true;
      }),

    markPaid: (bookingId) =>
      change(bookingId, async (tx, record) => {
        if (record.booking.payment.status !== 'due') return false;
        record.booking.payment.status = 'paid';
        delete record.booking.payment.checkoutUrl;
        await tx.updateBooking(record);
        return true;
      }),

    confirmBooking: (bookingId) =>
      change(bookingId, async (tx, record) => {
        if (record.booking.status !== 'requested') return false;
        record.booking.status = 'confirmed';
        // A video link for a video session only: the supporter calls or messages for the others.
        if (record.booking.modality === 'video') record.booking.joinUrl = tokens.joinUrl();
        await tx.updateBooking(record);
        return true;
      }),

    declineBooking: (bookingId) =>
      change(bookingId, async (tx, record) => {
        if (record.booking.status !== 'requested') return false;
        record.booking.status = 'declined';
        release(record.booking);
        await restoreGiftSession(tx, record);
        await tx.updateBooking(record);
        return true;
      }),

    cancelAsSupporter: (bookingId) =>
      change(bookingId, async (tx, record, nowMs) => {
        if (!isActive(record.booking)) return false;
        await cancel(tx, record, 'supporter', nowMs);
        return true;
      }),
  };
}
