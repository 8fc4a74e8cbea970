/**
 * The mock backend's rules, in plain TypeScript: availability, search, matching, bookings,
 * cancellations and gift cards. No MSW and no DOM here (the page's origin is only the default of
 * `origin`), so the same rules can be read (and later ported to the reference server) without the
 * transport, and tested directly with a fixed clock. The booking rules a server must share
 * (eligibility, the price of a length, payments, gift card status, the cancellation window and
 * terms) are not here but in `api/booking-rules.ts`, which this store calls.
 *
 * Every method returns either `{ ok: true, status, body }` with a body valid against the
 * operation's response schema, or `{ ok: false, status, body: ErrorBody }`.
 */
import type * as z from 'zod/mini';
import { giftSessionPrice } from '../api/gift-card-rules.js';
import {
  DateTimeSchema,
  ImageUrlSchema,
  MatchRequestSchema,
  SessionLengthSchema,
  SupporterFiltersSchema,
  SupporterQuerySchema,
  type Eligibility,
  type ErrorBody,
  type ErrorCode,
  type Facets,
  type FieldError,
  type MatchReason,
  type MatchRequest,
  type MatchResult,
  type NextAvailable,
  type Program,
  type SessionLength,
  type Slot,
  type SlotList,
  type SupporterFilters as SupporterFiltersRequest,
  type SupporterProfile,
  type SupporterQuery,
  type SupporterSummary,
  type Tag,
  type TimeOfDay,
} from '../api/schemas.js';
import {
  BookingRequestSchema,
  CancellationRequestSchema,
  RescheduleRequestSchema,
  type Booking,
  type BookingCancellation,
  type BookingRequest,
  type Cancellation,
  type CancellationRequest,
  type CreatedBooking,
  type RescheduleRequest,
} from '../api/booking-schemas.js';
import {
  asksAge,
  cancellationTerms,
  checkPayment,
  eligibilityProblems,
  freeCancellationUntil,
  giftCardExpiry,
  giftCardProblem,
  giftCardStatus,
  giftPurchaseProblems,
  isFreeCancellation,
  returnGiftSession,
  takeGiftSession,
  type EligibilityProblem,
  type PaymentProblem,
} from '../api/booking-rules.js';
import {
  GiftCardPurchaseRequestSchema,
  type GiftCardBalance,
  type GiftCardPurchase,
  type GiftCardPurchaseRequest,
} from '../api/gift-card-schemas.js';
import {
  createSeedSupporters,
  mulberry32,
  referenceProgram,
  seedGiftCards,
  type SeedGiftCard,
  type SupporterRecord,
} from './data.js';
import { languageName } from '../internal/format.js';
import { portraitPath, portraitSvg } from './portraits.js';
import { allLabels, localizeTag, timeOfDayLabel, type MockLocale } from './labels.js';
import {
  DAY,
  MINUTE,
  addDays,
  compareDates,
  formatInstant,
  formatLocalDate,
  isoWeekday,
  localParts,
  localToInstant,
  parseClock,
  type LocalDate,
} from './time.js';

// ---------------------------------------------------------------------------------------------
// Results.

export type ErrorStatus = 400 | 404 | 409 | 422 | 429 | 500;

export interface ApiSuccess<T> {
  ok: true;
  status: 200 | 201;
  body: T;
}

export interface ApiFailure {
  ok: false;
  status: ErrorStatus;
  body: ErrorBody;
  /** Seconds for the Retry-After header of a 429. */
  retryAfter?: number;
}

export type ApiResult<T> = ApiSuccess<T> | ApiFailure;

/** A typed error result. */
export function failure(
  status: ErrorStatus,
  code: ErrorCode,
  message: string,
  fieldErrors?: FieldError[],
): ApiFailure {
  const error: ErrorBody['error'] = { code, message };
  if (fieldErrors && fieldErrors.length > 0) error.fieldErrors = fieldErrors;
  return { ok: false, status, body: { error } };
}

/** Field errors from zod issues: `seeker.age`, `payment.amount`, ... */
export function fieldErrorsFromIssues(
  issues: readonly { path: readonly PropertyKey[]; code: string; message: string }[],
): FieldError[] {
  return issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
  }));
}

/** Parses a request body with its schema, or returns the 400 that a server would send. */
export function parseRequest<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
): { ok: true; value: z.infer<S> } | ApiFailure {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data as z.infer<S> };
  return failure(
    400,
    'invalid-request',
    'The request does not match the API contract.',
    fieldErrorsFromIssues(parsed.error.issues),
  );
}

const ok = <T>(body: T, status: 200 | 201 = 200): ApiSuccess<T> => ({ ok: true, status, body });

// ---------------------------------------------------------------------------------------------
// Inputs.

/**
 * Supporter filters, the body of `POST /slots/next`. The store checks them against the contract
 * again, as it does every request body, so direct calls (tests, stories) get the server's 400.
 */
export type SupporterFilters = SupporterFiltersRequest;

/** A supporter search, the body of `POST /supporters/search`. */
export type SupporterListQuery = SupporterQuery;

export interface SlotQuery {
  /** ISO 8601 instant; default now. */
  from?: string;
  /** ISO 8601 instant; default 14 days after `from`. */
  to?: string;
  lengthMinutes?: number;
}

/** A page of supporters, items already in summary shape. */
export interface SupporterPage {
  items: SupporterSummary[];
  total: number;
  offset: number;
  limit: number;
  facets: Facets;
}

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

export interface MockStore {
  readonly program: Program;
  /** The supporters, with photo paths made absolute on `origin`. */
  readonly supporters: readonly SupporterRecord[];
  /** Origin the portraits are served on (`MockStoreOptions.origin`), if any. */
  readonly origin: string | undefined;
  now(): Date;

  getProgram(): ApiResult<Program>;
  /** `locale`: the language of tag labels in the answer (the request's `Accept-Language`). */
  listSupporters(query?: SupporterListQuery, locale?: MockLocale): ApiResult<SupporterPage>;
  getSupporter(supporterId: string, locale?: MockLocale): ApiResult<SupporterProfile>;
  listSlots(supporterId: string, query?: SlotQuery): ApiResult<SlotList>;
  nextAvailable(filters?: SupporterFilters): ApiResult<NextAvailable>;
  match(request: MatchRequest, locale?: MockLocale): ApiResult<MatchResult>;
  /** The answer carries the booking's manage token; the store keeps only its hash. */
  createBooking(request: BookingRequest, idempotencyKey?: string): ApiResult<CreatedBooking>;
  /**
   * `manageToken`: the `X-Manage-Token` header. Missing or wrong, the answer is the one an
   * unknown booking gets (404 `not-found`, the same body), so it tells nothing about the booking.
   */
  getBooking(bookingId: string, manageToken: string | undefined): ApiResult<Booking>;
  cancelBooking(
    bookingId: string,
    manageToken: string | undefined,
    request?: CancellationRequest,
    idempotencyKey?: string,
  ): ApiResult<Cancellation>;
  rescheduleBooking(
    bookingId: string,
    manageToken: string | undefined,
    request: RescheduleRequest,
    idempotencyKey?: string,
  ): ApiResult<Booking>;
  purchaseGiftCard(
    request: GiftCardPurchaseRequest,
    idempotencyKey?: string,
  ): ApiResult<GiftCardPurchase>;
  getGiftCard(code: string): ApiResult<GiftCardBalance>;

  // Helpers for tests and stories: what a real backend would learn from other systems.
  /** Every gift code the store knows, seeded and purchased. */
  giftCodes(): string[];
  /**
   * The code of a purchase (`GiftCardPurchase.id`): what the backend emails the recipient on the
   * delivery date, and never sends in an answer.
   */
  emailedCode(giftCardId: string): string | undefined;
  /**
   * The partner's checkout reports a gift card purchase as paid: the purchase is `issued`, and the
   * card turns `active` on its delivery date (at once when that is today).
   */
  markGiftCardPaid(giftCardId: string): boolean;
  /** Every booking, in creation order. */
  bookings(): Booking[];
  /** The partner's checkout reports the payment as done. */
  markPaid(bookingId: string): boolean;
  /** The supporter accepts the request; a video link is attached. */
  confirmBooking(bookingId: string): boolean;
  /** The supporter declines the request: a payment is refunded, a gift session restored. */
  declineBooking(bookingId: string): boolean;
  /** The supporter cancels: free to the seeker whenever it happens (`by: 'supporter'`). */
  cancelAsSupporter(bookingId: string): boolean;
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

// ---------------------------------------------------------------------------------------------
// Internals.

/** The operations that take an Idempotency-Key. */
export type IdempotentOperation =
  'createBooking' | 'cancelBooking' | 'rescheduleBooking' | 'purchaseGiftCard';

interface BookingRecord {
  booking: Booking;
  startMs: number;
  endMs: number;
  /** Hash of the manage token: the token itself is only in the creation's answer. */
  tokenHash: string;
  giftCode?: string;
}

interface GiftCardRecord {
  code: string;
  /** Absent: any length. */
  lengthMinutes?: SessionLength;
  sessionsTotal: number;
  sessionsRemaining: number;
  expiresOn?: string;
  usedUpAt?: string;
  /** Paid for (the seeds are). */
  paid: boolean;
  /** The delivery date, in `timeZone`: the card is pending until then. */
  deliverOn?: string;
  timeZone?: string;
}

/** Lookups of gift codes a store answers in a minute; more get 429 `rate-limited`. */
export const GIFT_LOOKUPS_PER_MINUTE = 10;

interface Entry {
  record: SupporterRecord;
  /** Lower-cased, accent-free text searched by `q`. */
  haystack: string;
  topics: Set<string>;
  identities: Set<string>;
  /** Primary language subtags. */
  languages: Set<string>;
  states: Set<string>;
  /** Lengths both the supporter and the program offer, shortest first. */
  lengths: SessionLength[];
  zone: string;
  /** Merged weekly blocks per ISO weekday (index 1..7), minutes since midnight. */
  blocks: [number, number][][];
  bookings: BookingRecord[];
  /** Bumped whenever a booking of this supporter changes, to invalidate cached availability. */
  version: number;
  nextCache: Map<number, { nowMs: number; version: number; value: number | null }>;
}

interface IdempotentEntry {
  fingerprint: string;
  /** The first answer, as sent. */
  result: ApiResult<unknown>;
}

/**
 * Which answers a key keeps: successes and the refusals the operation decided (404, 409, 422).
 * Not a 400 (the request was not understood, nothing was looked at), not a 429 (nothing was
 * tried) and never a 5xx: trying again with the same key performs the request afresh.
 */
const isRemembered = (status: number) => status !== 400 && status !== 429 && status < 500;

/** Time of day of an instant in a zone: morning before 12:00, afternoon to 17:00, then evening. */
export function timeOfDay(ms: number, timeZone: string): TimeOfDay {
  const { minutes } = localParts(ms, timeZone);
  return minutes < 12 * 60 ? 'morning' : minutes < 17 * 60 ? 'afternoon' : 'evening';
}

const MATCH_WEIGHTS = { topic: 0.45, identity: 0.2, language: 0.15, time: 0.2 };
// Someone who can't speak any of the seeker's languages can't really help them; this factor
// keeps every such supporter below every supporter who can (see the test that checks it).
const LANGUAGE_MISMATCH_FACTOR = 0.15;
/** Open slots in a wanted time of day that count as a full fit. */
const TIME_FIT_SLOTS = 3;

function normalizeText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function primaryLanguage(tag: string): string {
  return (tag.split('-')[0] ?? tag).toLowerCase();
}

/** Stable JSON: keys sorted, so that equal requests give equal fingerprints. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** cyrb53: the store keeps a hash of an idempotent request, not the seeker's answers. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const clone = <T>(value: T): T => structuredClone(value);

/** Session start grid: 30-minute sessions every half hour, longer ones on the hour. */
const stepFor = (length: number) => Math.ceil(length / 30) * 30;

function mergeBlocks(blocks: [number, number][]): [number, number][] {
  const sorted = [...blocks].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const block of sorted) {
    const last = merged[merged.length - 1];
    if (last && block[0] <= last[1]) last[1] = Math.max(last[1], block[1]);
    else merged.push([block[0], block[1]]);
  }
  return merged;
}

function weeklyByDay(weekly: readonly { day: number; open: string; close: string }[]) {
  const byDay: [number, number][][] = Array.from({ length: 8 }, () => []);
  for (const { day, open, close } of weekly) {
    byDay[day]?.push([parseClock(open), parseClock(close)]);
  }
  return byDay.map(mergeBlocks);
}

const isActive = (b: BookingRecord) =>
  b.booking.status === 'requested' || b.booking.status === 'confirmed';

function isSessionLength(value: number): value is SessionLength {
  return SessionLengthSchema.safeParse(value).success;
}

function isInstant(text: string): boolean {
  return DateTimeSchema.safeParse(text).success;
}

/** "aged 18 to 30", "aged 18 or older", "aged 30 or younger". */
function ageLimit({ minAge, maxAge }: Eligibility): string {
  if (minAge !== undefined && maxAge !== undefined) return `aged ${minAge} to ${maxAge}`;
  return minAge !== undefined ? `aged ${minAge} or older` : `aged ${maxAge} or younger`;
}

/** The field error of an eligibility problem, with a message for people reading logs. */
function eligibilityError(problem: EligibilityProblem, eligibility: Eligibility): FieldError {
  const { field, code } = problem;
  let message: string;
  if (field === 'seeker.state') {
    message =
      code === 'required'
        ? 'Say which state you live in.'
        : `This program serves people living in ${eligibility.states.join(', ')}.`;
  } else if (code === 'out_of_range') {
    message = `This program is for people ${ageLimit(eligibility)}.`;
  } else {
    message =
      asksAge(eligibility) === 'range'
        ? `Confirm that you are ${ageLimit(eligibility)} (ageInRange) or give your age.`
        : `Give your age: this program is for people ${ageLimit(eligibility)}.`;
  }
  return { field, code, message };
}

// ---------------------------------------------------------------------------------------------
// The store.

export function createMockStore(options: MockStoreOptions = {}): MockStore {
  const program = clone(options.program ?? referenceProgram);
  const origin = options.origin ?? globalThis.location?.origin;
  const portraits = new Map<string, SupporterRecord>();
  const supporters = (options.supporters ?? createSeedSupporters()).map((record) => {
    const resolved = withPhotoOn(record, origin);
    const served = record.photoUrl === portraitPath(record.id) && resolved.photoUrl !== undefined;
    if (served) portraits.set(record.id, resolved);
    return resolved;
  });
  const now = options.now ?? (() => new Date());
  const horizonMs = (options.horizonDays ?? 28) * DAY;
  const leadMs = (options.leadMinutes ?? 120) * MINUTE;
  const random = mulberry32(options.seed ?? 0x5eed);
  const currency = program.currency;
  const programZone = program.hours.timeZone;
  const programHours = weeklyByDay(program.hours.weekly);
  const windowHours = program.cancellation.windowHours;

  const entries = new Map<string, Entry>();
  for (const record of supporters) {
    const zone = record.schedule.timeZone;
    entries.set(record.id, {
      record,
      haystack: normalizeText(
        [
          record.name,
          record.headline,
          record.bio,
          ...record.topics.flatMap((t) => allLabels('topic', t)),
          ...record.identities.flatMap((t) => allLabels('identity', t)),
        ].join('\n'),
      ),
      topics: new Set(record.topics.map((t) => t.id)),
      identities: new Set(record.identities.map((t) => t.id)),
      languages: new Set(record.languages.map(primaryLanguage)),
      states: new Set(record.states),
      lengths: record.sessionLengths
        .filter((l) => program.sessionLengths.includes(l))
        .sort((a, b) => a - b),
      zone,
      blocks: weeklyByDay(record.schedule.weekly),
      bookings: [],
      version: 0,
      nextCache: new Map(),
    });
  }
  const allEntries = [...entries.values()];
  const facets = { en: computeFacets(supporters, 'en'), es: computeFacets(supporters, 'es') };

  const bookings = new Map<string, BookingRecord>();
  const giftCards = new Map<string, GiftCardRecord>();
  const purchases = new Map<string, { purchase: GiftCardPurchase; code: string }>();
  const idempotent = new Map<string, IdempotentEntry>();
  const failing = new Set<IdempotentOperation>();

  /** When the recent gift lookups came, to rate-limit them. */
  let lookups: number[] = [];
  for (const card of options.giftCards ?? seedGiftCards) {
    const { pending, ...seed } = card;
    giftCards.set(card.code, { ...seed, paid: !pending });
  }

  // --- ids -----------------------------------------------------------------------------------

  function token(length: number, alphabet = '0123456789abcdefghijklmnopqrstuvwxyz'): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
    return out;
  }
  function uniqueId(prefix: string, taken: (id: string) => boolean): string {
    for (;;) {
      const id = `${prefix}${token(10)}`;
      if (!taken(id)) return id;
    }
  }
  // No personal data and nothing guessable in the checkout link: an opaque session token.
  const checkoutUrl = () => `https://checkout.example.org/pay/cs_${token(24)}`;
  /**
   * 16 symbols of 32 (80 bits) from a cryptographic source, never the seeded one: a gift code is
   * a bearer secret. No 0/O or 1/I: codes get read aloud and typed by hand.
   */
  function giftCode(): string {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    for (;;) {
      const bytes = crypto.getRandomValues(new Uint8Array(16));
      // 32 symbols: the low five bits of a byte pick one without bias.
      const symbols = [...bytes].map((b) => alphabet[b & 31]).join('');
      const code = symbols.match(/.{4}/g)!.join('-');
      if (!giftCards.has(code)) return code;
    }
  }

  // --- availability --------------------------------------------------------------------------

  const nowMs = () => now().getTime();
  const earliestStart = () => nowMs() + leadMs;
  const latestStart = () => nowMs() + horizonMs;

  function inProgramHours(startMs: number, length: number): boolean {
    const local = localParts(startMs, programZone);
    return (programHours[local.weekday] ?? []).some(
      ([open, close]) => local.minutes >= open && local.minutes + length <= close,
    );
  }

  function overlapsBooking(entry: Entry, startMs: number, length: number, ignore?: string) {
    const endMs = startMs + length * MINUTE;
    return entry.bookings.some(
      (b) => isActive(b) && b.booking.id !== ignore && b.startMs < endMs && startMs < b.endMs,
    );
  }

  /** Open slot starts of one length in [fromMs, toMs), ascending. */
  function* openSlots(entry: Entry, length: number, fromMs: number, toMs: number) {
    const from = Math.max(fromMs, earliestStart());
    const to = Math.min(toMs, latestStart());
    if (from >= to) return;
    const step = stepFor(length);
    const last: LocalDate = localParts(to, entry.zone);
    for (let date: LocalDate = localParts(from, entry.zone); compareDates(date, last) <= 0;) {
      for (const [open, close] of entry.blocks[isoWeekday(date)] ?? []) {
        for (let minutes = open; minutes + length <= close; minutes += step) {
          const start = localToInstant(date, minutes, entry.zone);
          if (start < from) continue;
          if (start >= to) return;
          if (!inProgramHours(start, length)) continue;
          if (overlapsBooking(entry, start, length)) continue;
          yield start;
        }
      }
      date = addDays(date, 1);
    }
  }

  /**
   * Whether `startMs` is an open slot of the entry, in O(1) rather than by listing slots:
   * `not-offered` when the schedule never offers it (off the grid, outside hours, past the
   * horizon), `taken` when it is a start of the schedule that is no longer open (booked meanwhile,
   * or now too soon).
   */
  function slotState(
    entry: Entry,
    startMs: number,
    length: number,
    ignore?: string,
  ): 'open' | 'taken' | 'not-offered' {
    if (startMs >= latestStart() || startMs % MINUTE !== 0) return 'not-offered';
    const local = localParts(startMs, entry.zone);
    const onGrid = (entry.blocks[local.weekday] ?? []).some(
      ([open, close]) =>
        local.minutes >= open &&
        local.minutes + length <= close &&
        (local.minutes - open) % stepFor(length) === 0,
    );
    // The round trip rejects wall times that a DST change skips or repeats.
    if (!onGrid || localToInstant(local, local.minutes, entry.zone) !== startMs) {
      return 'not-offered';
    }
    if (!inProgramHours(startMs, length)) return 'not-offered';
    if (startMs < earliestStart() || overlapsBooking(entry, startMs, length, ignore)) {
      return 'taken';
    }
    return 'open';
  }

  function slotRefusal(state: 'taken' | 'not-offered'): ApiFailure {
    return state === 'taken'
      ? failure(409, 'slot-taken', 'This time is no longer available. Please pick another.', [
          { field: 'slotStart', code: 'slot_taken', message: 'No longer an open slot.' },
        ])
      : failure(422, 'slot-not-offered', 'This time is not one the supporter offers.', [
          { field: 'slotStart', code: 'not_offered', message: 'Pick one of the listed slots.' },
        ]);
  }

  function nextOpen(entry: Entry, length: number): number | null {
    const current = nowMs();
    const cached = entry.nextCache.get(length);
    // A later clock cannot reveal an earlier slot, so a cached start stays right until it is
    // too close to now or a booking of this supporter changes.
    if (
      cached &&
      cached.version === entry.version &&
      cached.nowMs <= current &&
      (cached.value === null ? cached.nowMs === current : cached.value >= current + leadMs)
    ) {
      return cached.value;
    }
    let value: number | null = null;
    for (const start of openSlots(entry, length, -Infinity, Infinity)) {
      value = start;
      break;
    }
    entry.nextCache.set(length, { nowMs: current, version: entry.version, value });
    return value;
  }

  /** Soonest open slot of the entry, of `length` or of any length it offers (shortest wins ties). */
  function nextAny(entry: Entry, length?: number): { start: number; length: SessionLength } | null {
    let best: { start: number; length: SessionLength } | null = null;
    for (const l of entry.lengths) {
      if (length !== undefined && l !== length) continue;
      const start = nextOpen(entry, l);
      if (start !== null && (!best || start < best.start)) best = { start, length: l };
    }
    return best;
  }

  function slotOf(entry: Entry, start: number, length: SessionLength): Slot {
    return {
      supporterId: entry.record.id,
      start: formatInstant(start, entry.zone),
      end: formatInstant(start + length * MINUTE, entry.zone),
      lengthMinutes: length,
    };
  }

  // --- supporters ----------------------------------------------------------------------------

  function summaryOf(entry: Entry, next: number | null, locale: MockLocale): SupporterSummary {
    const r = entry.record;
    const summary: SupporterSummary = {
      id: r.id,
      name: r.name,
      headline: r.headline,
      topics: r.topics.map((t) => localizeTag('topic', t, locale)),
      identities: r.identities.map((t) => localizeTag('identity', t, locale)),
      languages: [...r.languages],
      states: [...r.states],
      sessionLengths: [...r.sessionLengths],
      nextAvailable: next === null ? null : formatInstant(next, entry.zone),
    };
    if (r.pronouns !== undefined) summary.pronouns = r.pronouns;
    if (r.photoUrl !== undefined) summary.photoUrl = r.photoUrl;
    return summary;
  }

  type CheckedFilters = {
    terms: string[];
    topics: string[];
    identities: string[];
    languages: string[];
    states: string[];
    length?: SessionLength;
    withinMs?: number;
  };

  /** Checks a search body against its schema and normalizes it for `matches`. */
  function checkFilters(
    schema: typeof SupporterQuerySchema | typeof SupporterFiltersSchema,
    input: unknown,
  ): { ok: true; value: CheckedFilters; query: SupporterQuery } | ApiFailure {
    const parsed = parseRequest(schema, input);
    if (!parsed.ok) return parsed;
    const f: SupporterQuery = parsed.value;
    const value: CheckedFilters = {
      terms: normalizeText(f.q ?? '')
        .split(/\s+/)
        .filter((t) => t.length > 0),
      topics: [...(f.topics ?? [])],
      identities: [...(f.identities ?? [])],
      languages: (f.languages ?? []).map(primaryLanguage),
      states: [...(f.states ?? [])],
    };
    if (f.lengthMinutes !== undefined) value.length = f.lengthMinutes;
    if (f.availableWithinDays !== undefined) value.withinMs = f.availableWithinDays * DAY;
    return { ok: true, value, query: f };
  }

  // Any value within one filter matches; every filter given must match.
  function matches(entry: Entry, f: CheckedFilters): boolean {
    if (f.terms.some((t) => !entry.haystack.includes(t))) return false;
    if (f.topics.length > 0 && !f.topics.some((t) => entry.topics.has(t))) return false;
    if (f.identities.length > 0 && !f.identities.some((t) => entry.identities.has(t))) return false;
    if (f.languages.length > 0 && !f.languages.some((t) => entry.languages.has(t))) return false;
    if (f.states.length > 0 && !f.states.some((t) => entry.states.has(t))) return false;
    if (f.length !== undefined && !entry.lengths.includes(f.length)) return false;
    if (f.withinMs !== undefined) {
      const next = nextAny(entry, f.length);
      if (!next || next.start >= nowMs() + f.withinMs) return false;
    }
    return true;
  }

  const byName = (a: Entry, b: Entry) =>
    a.record.name.localeCompare(b.record.name, 'en') || (a.record.id < b.record.id ? -1 : 1);

  // --- bookings ------------------------------------------------------------------------------

  /**
   * The Idempotency-Key rules (documented with the IdempotencyKey parameter of the OpenAPI
   * document): a key belongs to one operation; the same key with the same body replays the first
   * answer, status and body; with another body it is refused (422 `idempotency-key-reused`) and
   * nothing is done; a 5xx is not remembered. The store is synchronous, so a duplicate can only
   * arrive once the first is answered: it gets that answer, as the contract promises for one
   * that arrives while the first is still being performed.
   */
  function idempotently<T>(
    operation: IdempotentOperation,
    key: string | undefined,
    fingerprint: string,
    perform: () => ApiResult<T>,
  ): ApiResult<T> {
    const scope = `${operation}:${key}`;
    const stored = key === undefined ? undefined : idempotent.get(scope);
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        return failure(
          422,
          'idempotency-key-reused',
          'This Idempotency-Key was already used for a different request.',
          [
            {
              field: 'Idempotency-Key',
              code: 'reused',
              message: 'Use a new key for a new request.',
            },
          ],
        );
      }
      return clone(stored.result) as ApiResult<T>;
    }
    if (failing.delete(operation)) {
      return failure(500, 'internal', 'The mock failed this request on purpose; nothing was done.');
    }
    const result = perform();
    if (key !== undefined && isRemembered(result.status)) {
      idempotent.set(scope, { fingerprint, result: clone(result) });
    }
    return result;
  }

  /** The booking, if `manageToken` is its token; the same 404 for an unknown id or a bad token. */
  function authorised(
    bookingId: string,
    manageToken: string | undefined,
  ): { ok: true; record: BookingRecord } | ApiFailure {
    const record = bookings.get(bookingId);
    if (!record || manageToken === undefined || hash(manageToken) !== record.tokenHash) {
      return failure(404, 'not-found', 'No such booking.');
    }
    return { ok: true, record };
  }

  function bookingLength(record: BookingRecord): SessionLength {
    return record.booking.lengthMinutes;
  }

  const giftStatus = (card: GiftCardRecord) =>
    giftCardStatus(
      {
        sessionsRemaining: card.sessionsRemaining,
        expiresOn: card.expiresOn,
        pending:
          !card.paid ||
          (card.deliverOn !== undefined &&
            card.deliverOn > formatLocalDate(nowMs(), card.timeZone ?? programZone)),
      },
      formatLocalDate(nowMs(), programZone),
    );

  type PaymentPlan = {
    kind: Booking['payment']['kind'];
    amount: number;
    giftCard?: GiftCardRecord;
  };

  function planPayment(request: BookingRequest): { ok: true; value: PaymentPlan } | ApiFailure {
    const { payment, lengthMinutes } = request;
    const checked = checkPayment(program, lengthMinutes, payment);
    if (!checked.ok) return paymentRefusal(checked, payment.kind);
    if (payment.kind !== 'gift-card') {
      return { ok: true, value: { kind: payment.kind, amount: checked.amount } };
    }
    const card = giftCards.get(payment.code.toUpperCase());
    const fieldError = (code: string, message: string): FieldError[] => [
      { field: 'payment.code', code, message },
    ];
    // An unknown code and a wrong one are the same thing: a code that pays for nothing.
    if (!card) {
      return failure(
        422,
        'gift-card-invalid',
        'This gift card code is not valid.',
        fieldError('invalid', 'Check the code and try again.'),
      );
    }
    const problem = giftCardProblem(
      { status: giftStatus(card), lengthMinutes: card.lengthMinutes },
      lengthMinutes,
    );
    switch (problem?.reason) {
      case undefined:
        break;
      case 'pending':
        return failure(
          422,
          problem.code,
          'This gift card is not active yet.',
          fieldError('pending', 'It works once it has been paid and delivered.'),
        );
      case 'expired':
        return failure(
          422,
          problem.code,
          'This gift card has expired.',
          fieldError('expired', `Expired on ${card.expiresOn}.`),
        );
      case 'used':
        return failure(
          422,
          problem.code,
          'All sessions on this gift card have been used.',
          fieldError('used', 'No sessions left on this card.'),
        );
      case 'wrong-length':
        return failure(
          422,
          problem.code,
          `This gift card is for ${card.lengthMinutes}-minute sessions.`,
          fieldError(
            'wrong_length',
            `Choose a ${card.lengthMinutes}-minute session to use this card.`,
          ),
        );
    }
    return { ok: true, value: { kind: 'gift-card', amount: 0, giftCard: card } };
  }

  function paymentRefusal(
    problem: PaymentProblem,
    kind: BookingRequest['payment']['kind'],
  ): ApiFailure {
    switch (problem.code) {
      case 'payment-kind-not-accepted': {
        const accepted = problem.accepted.join(' or ');
        const message =
          kind === 'gift-card'
            ? 'This program does not take gift cards.'
            : `This program takes ${accepted} payments.`;
        return failure(422, problem.code, message, [
          { field: problem.field, code: 'not_accepted', message: `Expected ${accepted}.` },
        ]);
      }
      case 'payment-below-minimum':
        return failure(422, problem.code, 'The amount is below the minimum.', [
          {
            field: problem.field,
            code: 'too_small',
            message: `The minimum is ${problem.limit} (minor units).`,
          },
        ]);
      case 'payment-above-maximum':
        return failure(422, problem.code, 'The amount is above the maximum.', [
          {
            field: problem.field,
            code: 'too_big',
            message: `The maximum is ${problem.limit} (minor units).`,
          },
        ]);
    }
  }

  function setTimes(record: BookingRecord, entry: Entry, startMs: number) {
    const length = bookingLength(record);
    record.startMs = startMs;
    record.endMs = startMs + length * MINUTE;
    record.booking.start = formatInstant(startMs, entry.zone);
    record.booking.end = formatInstant(record.endMs, entry.zone);
    record.booking.freeCancellationUntil = formatInstant(
      freeCancellationUntil(new Date(startMs), windowHours).getTime(),
      entry.zone,
    );
  }

  function createBooking(input: BookingRequest, key?: string): ApiResult<CreatedBooking> {
    const parsed = parseRequest(BookingRequestSchema, input);
    if (!parsed.ok) return parsed;
    const request = parsed.value;
    return idempotently('createBooking', key, hash(canonicalJson(request)), () =>
      performBooking(request),
    );
  }

  function performBooking(request: BookingRequest): ApiResult<CreatedBooking> {
    const entry = entries.get(request.supporterId);
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
    if (!eligibility.some((e) => e.field === 'seeker.state') && !entry.states.has(seeker.state)) {
      eligibility.push({
        field: 'seeker.state',
        code: 'not_certified',
        message: `${entry.record.name} is not certified in ${seeker.state}.`,
      });
    }
    if (eligibility.length > 0) {
      return failure(
        422,
        'not-eligible',
        'The seeker is not eligible for this booking.',
        eligibility,
      );
    }

    if (!entry.lengths.includes(request.lengthMinutes)) {
      return failure(422, 'invalid-request', 'This session length is not offered.', [
        {
          field: 'lengthMinutes',
          code: 'not_offered',
          message: `Offered: ${entry.lengths.join(', ') || 'none'} minutes.`,
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

    const plan = planPayment(request);
    if (!plan.ok) return plan;

    const startMs = Date.parse(request.slotStart);
    const slot = slotState(entry, startMs, request.lengthMinutes);
    if (slot !== 'open') return slotRefusal(slot);

    const id = uniqueId('bk-', (candidate) => bookings.has(candidate));
    const { kind, amount, giftCard } = plan.value;
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
        status: kind === 'gift-card' ? 'covered-by-gift' : kind === 'free' ? 'not-required' : 'due',
        amount: { amount, currency },
      },
      freeCancellationUntil: '',
      createdAt: formatInstant(nowMs(), programZone),
    };
    if (booking.payment.status === 'due') booking.payment.checkoutUrl = checkoutUrl();
    // 128 bits from the seeded source, so stories and tests see the same tokens; a real server
    // draws them from a cryptographic source (crypto.getRandomValues) and stores a SHA-256.
    const manageToken = token(32, '0123456789abcdef');
    const record: BookingRecord = {
      booking,
      startMs,
      endMs: startMs,
      tokenHash: hash(manageToken),
    };
    setTimes(record, entry, startMs);
    if (giftCard) {
      Object.assign(giftCard, takeGiftSession(giftCard, formatInstant(nowMs(), programZone)));
      record.giftCode = giftCard.code;
    }
    bookings.set(id, record);
    entry.bookings.push(record);
    entry.version++;

    return ok({ ...clone(record.booking), manageToken }, 201);
  }

  function cancelBooking(
    bookingId: string,
    manageToken: string | undefined,
    input: CancellationRequest = {},
    key?: string,
  ): ApiResult<Cancellation> {
    const parsed = parseRequest(CancellationRequestSchema, input);
    if (!parsed.ok) return parsed;
    const found = authorised(bookingId, manageToken);
    if (!found.ok) return found;
    const { record } = found;
    const fingerprint = hash(canonicalJson({ bookingId, ...parsed.value }));
    return idempotently('cancelBooking', key, fingerprint, () => {
      const refused = refusalToChange(record);
      if (refused) return refused;
      if (nowMs() >= record.startMs) {
        return failure(422, 'too-late', 'This session has already started.');
      }
      return ok<Cancellation>({ bookingId, status: 'cancelled', ...cancel(record, 'seeker') });
    });
  }

  /** Why a booking can no longer be cancelled or moved, if it cannot. */
  function refusalToChange(record: BookingRecord): ApiFailure | undefined {
    const { status } = record.booking;
    if (status === 'declined') {
      return failure(409, 'booking-declined', 'The supporter declined this booking.');
    }
    if (status === 'cancelled') {
      return failure(409, 'already-cancelled', 'This booking is already cancelled.');
    }
    return undefined;
  }

  /** Releases a payment: refunded if it was made, else no longer due. */
  function release(record: BookingRecord): void {
    const payment = record.booking.payment;
    if (payment.status === 'paid') {
      payment.status = 'refunded';
    } else {
      payment.status = 'not-required';
      delete payment.checkoutUrl;
    }
  }

  function restoreGiftSession(record: BookingRecord): boolean {
    if (record.booking.payment.kind !== 'gift-card' || !record.giftCode) return false;
    const card = giftCards.get(record.giftCode);
    if (!card) return false;
    const returned = returnGiftSession(card);
    delete card.usedUpAt;
    Object.assign(card, returned);
    return true;
  }

  /**
   * Cancels an active booking and returns what the cancellation says, on the terms of
   * `cancellationTerms` (free up to `windowHours` before the start, the boundary included, and
   * whenever the supporter cancels).
   */
  function cancel(record: BookingRecord, by: 'seeker' | 'supporter'): BookingCancellation {
    const current = nowMs();
    const { releasesPayment, withinFreeWindow, outcome, feeDue, refunded } = cancellationTerms({
      now: new Date(current),
      start: new Date(record.startMs),
      windowHours,
      by,
      payment: record.booking.payment,
    });
    let giftSessionRestored = false;
    if (releasesPayment) {
      release(record);
      giftSessionRestored = restoreGiftSession(record);
    }
    record.booking.status = 'cancelled';
    delete record.booking.joinUrl;
    const entry = entries.get(record.booking.supporterId);
    if (entry) entry.version++;
    const cancellation: BookingCancellation = {
      cancelledAt: formatInstant(current, programZone),
      by,
      withinFreeWindow,
      outcome,
      feeDue: { amount: feeDue, currency },
      refunded: { amount: refunded, currency },
      giftSessionRestored,
    };
    record.booking.cancellation = cancellation;
    return clone(cancellation);
  }

  function rescheduleBooking(
    bookingId: string,
    manageToken: string | undefined,
    input: RescheduleRequest,
    key?: string,
  ): ApiResult<Booking> {
    const parsed = parseRequest(RescheduleRequestSchema, input);
    if (!parsed.ok) return parsed;
    const found = authorised(bookingId, manageToken);
    if (!found.ok) return found;
    const { record } = found;
    const fingerprint = hash(canonicalJson({ bookingId, ...parsed.value }));
    return idempotently('rescheduleBooking', key, fingerprint, () => {
      const entry = entries.get(record.booking.supporterId);
      if (!entry) return failure(404, 'not-found', 'No such supporter.');
      const refused = refusalToChange(record);
      if (refused) return refused;
      if (!isFreeCancellation(now(), new Date(record.startMs), windowHours)) {
        return failure(
          422,
          'too-late',
          `Sessions can be moved up to ${program.cancellation.windowHours} hours before they start.`,
        );
      }
      const startMs = Date.parse(parsed.value.slotStart);
      // Only this supporter's open slots qualify; the booking's own time does not block itself.
      const slot = slotState(entry, startMs, bookingLength(record), bookingId);
      if (slot !== 'open') return slotRefusal(slot);
      setTimes(record, entry, startMs);
      // The supporter has to accept the new time, so the booking is a request again.
      record.booking.status = 'requested';
      delete record.booking.joinUrl;
      entry.version++;
      return ok(clone(record.booking));
    });
  }

  // --- gift cards ----------------------------------------------------------------------------

  function purchaseGiftCard(
    input: GiftCardPurchaseRequest,
    key?: string,
  ): ApiResult<GiftCardPurchase> {
    const parsed = parseRequest(GiftCardPurchaseRequestSchema, input);
    if (!parsed.ok) return parsed;
    const request = parsed.value;
    return idempotently('purchaseGiftCard', key, hash(canonicalJson(request)), () =>
      performPurchase(request),
    );
  }

  function performPurchase(request: GiftCardPurchaseRequest): ApiResult<GiftCardPurchase> {
    const { enabled, anyLength, maxSessions } = program.giftCards;
    if (!enabled) {
      return failure(422, 'gift-cards-disabled', 'This program does not sell gift cards.');
    }
    let today: string;
    try {
      today = formatLocalDate(nowMs(), request.timeZone);
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

    const code = giftCode();
    const id = uniqueId('gp-', (candidate) => purchases.has(candidate));
    const lengthMinutes = anyLength ? undefined : request.lengthMinutes;
    const total = request.sessions * giftSessionPrice(program, lengthMinutes);
    const deliverOn = request.deliverOn ?? today;
    const expiresOn = giftCardExpiry(program.giftCards, today);
    giftCards.set(code, {
      code,
      ...(lengthMinutes ? { lengthMinutes } : {}),
      sessionsTotal: request.sessions,
      sessionsRemaining: request.sessions,
      ...(expiresOn ? { expiresOn } : {}),
      // Nothing to pay: issued at once. Otherwise once the checkout reports the payment.
      paid: total === 0,
      deliverOn,
      timeZone: request.timeZone,
    });
    const purchase: GiftCardPurchase = {
      id,
      status: total === 0 ? 'issued' : 'pending-payment',
      sessions: request.sessions,
      ...(lengthMinutes ? { lengthMinutes } : {}),
      total: { amount: total, currency },
      ...(total === 0 ? {} : { checkoutUrl: checkoutUrl() }),
      deliverOn,
    };
    purchases.set(id, { purchase, code });
    return ok(clone(purchase), 201);
  }

  /**
   * A balance lookup. At most `GIFT_LOOKUPS_PER_MINUTE` a minute (a real server counts per client
   * and code; the mock per store), so codes cannot be tried in bulk; an unknown code and a wrong
   * one get the same 404.
   */
  function getGiftCard(code: string): ApiResult<GiftCardBalance> {
    const current = nowMs();
    lookups = lookups.filter((at) => at > current - MINUTE);
    if (lookups.length >= GIFT_LOOKUPS_PER_MINUTE) {
      const refused = failure(429, 'rate-limited', 'Too many gift card lookups; try again later.');
      return {
        ...refused,
        retryAfter: Math.max(1, Math.ceil((lookups[0]! + MINUTE - current) / 1000)),
      };
    }
    lookups.push(current);
    const card = giftCards.get(code.toUpperCase());
    if (!card) return failure(404, 'not-found', 'No gift card with this code.');
    return ok({
      code: card.code,
      status: giftStatus(card),
      ...(card.lengthMinutes ? { lengthMinutes: card.lengthMinutes } : {}),
      sessionsTotal: card.sessionsTotal,
      sessionsRemaining: card.sessionsRemaining,
      ...(card.expiresOn ? { expiresOn: card.expiresOn } : {}),
      ...(card.usedUpAt ? { usedUpAt: card.usedUpAt } : {}),
    });
  }

  // --- matching ------------------------------------------------------------------------------

  function match(input: MatchRequest, locale: MockLocale = 'en'): ApiResult<MatchResult> {
    const parsed = parseRequest(MatchRequestSchema, input);
    if (!parsed.ok) return parsed;
    const request = parsed.value;
    const zone = request.timeZone ?? programZone;
    const wantedLanguages = new Set(request.languages.map(primaryLanguage));
    const wantedTimes = [...new Set(request.timesOfDay)];
    const limit = request.limit ?? 10;

    const scored: { entry: Entry; score: number; reasons: MatchReason[]; next: number | null }[] =
      [];
    for (const entry of allEntries) {
      if (request.states?.length && !request.states.some((st) => entry.states.has(st))) continue;
      if (request.lengthMinutes && !entry.lengths.includes(request.lengthMinutes)) continue;
      const reasons: MatchReason[] = [];
      let weighted = 0;
      let weights = 0;

      if (request.topics.length > 0) {
        const hits = entry.record.topics.filter((t) => request.topics.includes(t.id));
        for (const t of hits) reasons.push({ kind: 'topic', ...localizeTag('topic', t, locale) });
        weighted += MATCH_WEIGHTS.topic * (hits.length / new Set(request.topics).size);
        weights += MATCH_WEIGHTS.topic;
      }
      if (request.identities.length > 0) {
        const hits = entry.record.identities.filter((t) => request.identities.includes(t.id));
        for (const t of hits) {
          reasons.push({ kind: 'identity', ...localizeTag('identity', t, locale) });
        }
        weighted += MATCH_WEIGHTS.identity * (hits.length / new Set(request.identities).size);
        weights += MATCH_WEIGHTS.identity;
      }
      let speaks = true;
      if (wantedLanguages.size > 0) {
        const hits = entry.record.languages.filter((l) => wantedLanguages.has(primaryLanguage(l)));
        speaks = hits.length > 0;
        for (const l of hits) {
          reasons.push({ kind: 'language', id: l, label: languageName(l, locale) });
        }
        weighted += speaks ? MATCH_WEIGHTS.language : 0;
        weights += MATCH_WEIGHTS.language;
      }
      if (wantedTimes.length > 0) {
        const length = request.lengthMinutes ?? entry.lengths[0];
        const counts = new Map<TimeOfDay, number>();
        if (length !== undefined) {
          let saturated = 0;
          for (const start of openSlots(entry, length, -Infinity, Infinity)) {
            const band = timeOfDay(start, zone);
            if (!wantedTimes.includes(band)) continue;
            const count = (counts.get(band) ?? 0) + 1;
            counts.set(band, count);
            if (count === TIME_FIT_SLOTS && ++saturated === wantedTimes.length) break;
          }
        }
        let fit = 0;
        for (const band of wantedTimes) {
          const count = counts.get(band) ?? 0;
          fit += Math.min(1, count / TIME_FIT_SLOTS) / wantedTimes.length;
          if (count > 0) {
            reasons.push({ kind: 'time-of-day', id: band, label: timeOfDayLabel(band, locale) });
          }
        }
        weighted += MATCH_WEIGHTS.time * fit;
        weights += MATCH_WEIGHTS.time;
      }

      let score = weights > 0 ? weighted / weights : 0;
      if (!speaks) score *= LANGUAGE_MISMATCH_FACTOR;
      score = Math.min(1, Math.max(0, Math.round(score * 1000) / 1000));
      const next = nextAny(entry, request.lengthMinutes);
      scored.push({ entry, score, reasons, next: next?.start ?? null });
    }
    scored.sort(
      (a, b) =>
        b.score - a.score ||
        (a.next ?? Infinity) - (b.next ?? Infinity) ||
        byName(a.entry, b.entry),
    );
    return ok({
      results: scored.slice(0, limit).map(({ entry, score, reasons, next }) => ({
        supporter: summaryOf(entry, next, locale),
        score,
        reasons,
      })),
    });
  }

  // --- the public face -----------------------------------------------------------------------

  return {
    program,
    supporters,
    origin,
    now,

    getProgram: () => ok(clone(program)),

    listSupporters(query = {}, locale = 'en') {
      const checked = checkFilters(SupporterQuerySchema, query);
      if (!checked.ok) return checked;
      const sort = checked.query.sort ?? 'next-available';
      const offset = checked.query.offset ?? 0;
      const limit = checked.query.limit ?? 20;

      const filters = checked.value;
      const found = allEntries.filter((e) => matches(e, filters));
      const nextOf = (e: Entry) => nextAny(e, filters.length)?.start ?? null;
      let page: { entry: Entry; next: number | null }[];
      if (sort === 'name') {
        page = found
          .sort(byName)
          .slice(offset, offset + limit)
          .map((entry) => ({ entry, next: nextOf(entry) }));
      } else {
        page = found
          .map((entry) => ({ entry, next: nextOf(entry) }))
          .sort((a, b) => (a.next ?? Infinity) - (b.next ?? Infinity) || byName(a.entry, b.entry))
          .slice(offset, offset + limit);
      }
      return ok({
        items: page.map(({ entry, next }) => summaryOf(entry, next, locale)),
        total: found.length,
        offset,
        limit,
        facets: clone(facets[locale]),
      });
    },

    portrait(supporterId) {
      const record = portraits.get(supporterId);
      return record ? portraitSvg(record) : undefined;
    },

    getSupporter(supporterId, locale = 'en') {
      const entry = entries.get(supporterId);
      if (!entry) return failure(404, 'not-found', 'No such supporter.');
      const r = entry.record;
      const profile: SupporterProfile = {
        ...summaryOf(entry, nextAny(entry)?.start ?? null, locale),
        bio: r.bio,
        certifications: clone(r.certifications),
        modalities: [...r.modalities],
      };
      if (r.livedExperience !== undefined) profile.livedExperience = r.livedExperience;
      return ok(profile);
    },

    listSlots(supporterId, query = {}) {
      const entry = entries.get(supporterId);
      if (!entry) return failure(404, 'not-found', 'No such supporter.');
      const errors: FieldError[] = [];
      for (const field of ['from', 'to'] as const) {
        const value = query[field];
        if (value !== undefined && !isInstant(value)) {
          errors.push({
            field,
            code: 'invalid_format',
            message: 'Expected an ISO 8601 date-time with offset.',
          });
        }
      }
      const length = query.lengthMinutes ?? entry.lengths[0];
      if (query.lengthMinutes !== undefined && !isSessionLength(query.lengthMinutes)) {
        errors.push({
          field: 'lengthMinutes',
          code: 'invalid_value',
          message: 'Must be 30, 50 or 60.',
        });
      } else if (length !== undefined && !entry.lengths.includes(length as SessionLength)) {
        errors.push({
          field: 'lengthMinutes',
          code: 'not_offered',
          message: `Offered: ${entry.lengths.join(', ') || 'none'} minutes.`,
        });
      }
      const fromMs = query.from !== undefined ? Date.parse(query.from) : nowMs();
      const toMs = query.to !== undefined ? Date.parse(query.to) : fromMs + 14 * DAY;
      if (errors.length === 0 && toMs < fromMs) {
        errors.push({ field: 'to', code: 'too_small', message: '`to` must not be before `from`.' });
      }
      if (errors.length > 0) return failure(400, 'invalid-request', 'Invalid query.', errors);

      const slots: Slot[] = [];
      if (length !== undefined) {
        for (const start of openSlots(entry, length, fromMs, toMs)) {
          slots.push(slotOf(entry, start, length as SessionLength));
        }
      }
      return ok({ supporterId, timeZone: entry.zone, slots });
    },

    nextAvailable(filters = {}) {
      const checked = checkFilters(SupporterFiltersSchema, filters);
      if (!checked.ok) return checked;
      let best: { entry: Entry; start: number; length: SessionLength } | null = null;
      for (const entry of allEntries) {
        if (!matches(entry, checked.value)) continue;
        const next = nextAny(entry, checked.value.length);
        if (!next) continue;
        if (
          !best ||
          next.start < best.start ||
          (next.start === best.start && byName(entry, best.entry) < 0)
        ) {
          best = { entry, ...next };
        }
      }
      return ok({ slot: best ? slotOf(best.entry, best.start, best.length) : null });
    },

    match,
    createBooking,

    getBooking(bookingId, manageToken) {
      const found = authorised(bookingId, manageToken);
      return found.ok ? ok(clone(found.record.booking)) : found;
    },

    cancelBooking,
    rescheduleBooking,
    purchaseGiftCard,

    getGiftCard,

    giftCodes: () => [...giftCards.keys()],
    emailedCode: (giftCardId) => purchases.get(giftCardId)?.code,
    markGiftCardPaid(giftCardId) {
      const bought = purchases.get(giftCardId);
      const card = bought && giftCards.get(bought.code);
      if (!bought || !card || card.paid) return false;
      card.paid = true;
      bought.purchase.status = 'issued';
      delete bought.purchase.checkoutUrl;
      return true;
    },
    bookings: () => [...bookings.values()].map((r) => clone(r.booking)),

    markPaid(bookingId) {
      const record = bookings.get(bookingId);
      if (!record || record.booking.payment.status !== 'due') return false;
      record.booking.payment.status = 'paid';
      delete record.booking.payment.checkoutUrl;
      return true;
    },

    confirmBooking(bookingId) {
      const record = bookings.get(bookingId);
      if (!record || record.booking.status !== 'requested') return false;
      record.booking.status = 'confirmed';
      // A video link for a video session only: the supporter calls or messages for the others.
      if (record.booking.modality === 'video') {
        record.booking.joinUrl = `https://video.example.org/join/${token(20)}`;
      }
      return true;
    },

    declineBooking(bookingId) {
      const record = bookings.get(bookingId);
      if (!record || record.booking.status !== 'requested') return false;
      record.booking.status = 'declined';
      release(record);
      restoreGiftSession(record);
      const entry = entries.get(record.booking.supporterId);
      if (entry) entry.version++;
      return true;
    },

    cancelAsSupporter(bookingId) {
      const record = bookings.get(bookingId);
      if (!record || !isActive(record)) return false;
      cancel(record, 'supporter');
      return true;
    },

    failNext(operation) {
      failing.add(operation);
    },
  };
}

/**
 * The record with its photo path (`/mock-portraits/...`) made an absolute URL on `origin`, or
 * without a photo where that gives no URL the contract accepts. Absolute photo URLs stay as given.
 */
function withPhotoOn(record: SupporterRecord, origin: string | undefined): SupporterRecord {
  const path = record.photoUrl;
  if (path === undefined || !path.startsWith('/') || path.startsWith('//')) return record;
  const { photoUrl: _, ...rest } = record;
  if (origin === undefined) return rest;
  let url: string;
  try {
    url = new URL(path, origin).href;
  } catch {
    return rest;
  }
  return ImageUrlSchema.safeParse(url).success ? { ...rest, photoUrl: url } : rest;
}

function computeFacets(supporters: readonly SupporterRecord[], locale: MockLocale): Facets {
  const topics = new Map<string, Tag>();
  const identities = new Map<string, Tag>();
  const languages = new Set<string>();
  const states = new Set<string>();
  for (const s of supporters) {
    for (const t of s.topics) topics.set(t.id, t);
    for (const t of s.identities) identities.set(t.id, t);
    for (const l of s.languages) languages.add(l);
    for (const st of s.states) states.add(st);
  }
  const byLabel = (a: Tag, b: Tag) => a.label.localeCompare(b.label, locale);
  return {
    topics: [...topics.values()].map((t) => localizeTag('topic', t, locale)).sort(byLabel),
    identities: [...identities.values()]
      .map((t) => localizeTag('identity', t, locale))
      .sort(byLabel),
    languages: [...languages].sort(),
    states: [...states].sort(),
  };
}
