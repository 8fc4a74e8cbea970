/**
 * The backend contract: one zod/mini schema per payload. Every request the widgets send and every
 * response they accept is described here, and nowhere else; the client validates against these,
 * the mock backend is built from them, and the OpenAPI document is generated from them.
 *
 * Conventions on the wire:
 * - times are ISO 8601 with an explicit offset (`2026-03-09T09:00:00-07:00`);
 * - money is an integer amount in minor units (cents) with an ISO 4217 currency;
 * - tags (topics, identities) are `{ id, label }`, the label already in the requested locale;
 * - US states are two-letter postal codes; languages are BCP 47 tags.
 */
import * as z from 'zod/mini';

// zod probes `new Function` unless jitless; strict CSP pages would report `unsafe-eval` (QUALITY S1).
z.config({ jitless: true });

import { nonNegativeInt, pattern, positiveInt, text } from './schema-helpers.js';

// Formats are plain patterns rather than zod's `iso`, `url` and `email` schemas: each of those
// brings its own schema class and regex builders into the script-tag bundle (QUALITY P1), and
// the OpenAPI generator adds the matching JSON Schema `format` back.
/** `YYYY-MM-DD`, a real calendar day (29 February only in leap years). */
const DATE =
  '(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|' +
  '\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|' +
  '02-(?:0[1-9]|1\\d|2[0-8])))';

/** ISO 8601 date-time with seconds and a numeric offset or Z: `2026-03-09T09:00:00-07:00`. */
export const DateTimeSchema = pattern(
  new RegExp(
    `^${DATE}T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)$`,
  ),
  'an ISO 8601 date-time with an offset',
);
/** ISO 8601 calendar date (`2026-03-09`). */
export const DateSchema = pattern(new RegExp(`^${DATE}$`), 'an ISO 8601 date');
/** Two-letter US state or territory code. */
export const StateCodeSchema = pattern(/^[A-Z]{2}$/);
/** BCP 47 language tag, e.g. `en`, `es`, `ase` (American Sign Language). */
export const LanguageTagSchema = pattern(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/);
/** IANA time zone name, e.g. `America/Los_Angeles`. */
export const TimeZoneSchema = pattern(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/);
/** Slug identifier of a tag or resource. */
export const IdSchema = pattern(/^[a-z0-9][a-z0-9-_]{0,63}$/);
/** A TCP port, 0 to 65535. */
const PORT = '(?:6553[0-5]|655[0-2]\\d|65[0-4]\\d\\d|6[0-4]\\d{3}|[1-5]\\d{4}|\\d{1,4})';
/**
 * A URL the widgets may link to or load: `https://` (lower case) only, with a host (a name, which
 * may be international, or an IPv6 address in brackets), no user info, an optional port.
 * Surrounding spaces are tolerated, as browsers strip them from `href` and `src`. No regex flags,
 * so that the OpenAPI `pattern` means the same to a server's validator.
 */
export const HttpsUrlSchema = pattern(
  new RegExp(
    `^\\s*https://(?:\\[[\\da-fA-F:.]+\\]|[^\\s/?#@\\\\:[\\]]+)(?::${PORT})?(?:[/?#][^\\n\\r\\t]*?)?\\s*$`,
  ),
  'an https: URL',
);
/**
 * A URL the widgets load an image from: an https: URL as above, or, for development, `http:` on
 * localhost, 127.0.0.1 or [::1], where API bases may be http: too (QUALITY S5), so that a local
 * or mock backend can serve images from the page's own origin. No other http: URL.
 */
export const ImageUrlSchema = pattern(
  new RegExp(
    `^\\s*(?:https://(?:\\[[\\da-fA-F:.]+\\]|[^\\s/?#@\\\\:[\\]]+)|http://(?:localhost|127\\.0\\.0\\.1|\\[::1\\]))(?::${PORT})?(?:[/?#][^\\n\\r\\t]*?)?\\s*$`,
  ),
  'an https: URL (http: only on localhost)',
);
/** An email address: the usual practical pattern (one `@`, a dotted domain). */
export const EmailSchema = pattern(
  /^(?:[\w'+-]+\.)*[\w'+-]*[\w+-]@(?:[a-zA-Z0-9][a-zA-Z0-9-]*\.)+[a-zA-Z]{2,}$/,
  'an email address',
);
/** A phone number as dialled: digits, optionally a leading +, 3 to 15 digits. */
export const PhoneSchema = pattern(/^\+?[0-9]{3,15}$/);

export const MoneySchema = z.object({
  /** Integer amount in minor units (cents). */
  amount: nonNegativeInt(),
  /** ISO 4217 code. */
  currency: pattern(/^[A-Z]{3}$/),
});
export type Money = z.infer<typeof MoneySchema>;

export const TagSchema = z.object({
  id: IdSchema,
  label: text(80),
});
export type Tag = z.infer<typeof TagSchema>;

export const SessionLengthSchema = z.literal([30, 50, 60]);
export type SessionLength = z.infer<typeof SessionLengthSchema>;

export const ModalitySchema = z.enum(['video', 'phone', 'messaging']);
export type Modality = z.infer<typeof ModalitySchema>;

// ---------------------------------------------------------------------------------------------
// Program: the partner's settings.

export const CrisisLineSchema = z.object({
  /** Name shown to the seeker, e.g. "Campus counseling crisis line". */
  label: text(80),
  /** Number to call. */
  phone: PhoneSchema,
  /** Number to text, when the line takes texts. */
  sms: z.optional(PhoneSchema),
  /** Web page of the line (chat or information). */
  url: z.optional(HttpsUrlSchema),
  /** When the line answers, in the partner's words, e.g. "24/7". */
  hours: z.optional(text(80)),
});
export type CrisisLine = z.infer<typeof CrisisLineSchema>;

// Amounts shared by the top level of a pricing and its per-length entries (spread, not z.extend).
const slidingScaleAmounts = {
  /** Suggested amount, minor units. */
  suggested: nonNegativeInt(),
  /** Lowest amount the seeker may choose, minor units. */
  minimum: nonNegativeInt(),
  /** Highest amount accepted, minor units; no upper limit when absent. */
  maximum: z.optional(positiveInt()),
};
const fixedPrice = {
  /** Price per session, minor units. */
  price: positiveInt(),
};

export const SlidingScalePricingSchema = z.object({
  model: z.literal('sliding-scale'),
  ...slidingScaleAmounts,
  /**
   * Amounts for particular session lengths. An entry replaces all three top-level amounts for
   * its length (an entry without `maximum` has no maximum); other lengths use the top level. One
   * entry per length.
   */
  byLength: z.optional(
    z.array(z.object({ lengthMinutes: SessionLengthSchema, ...slidingScaleAmounts })),
  ),
});
export const FixedPricingSchema = z.object({
  model: z.literal('fixed'),
  ...fixedPrice,
  /** Whether a seeker who did not love the session gets the money back. */
  moneyBackGuarantee: z.boolean(),
  /** Prices for particular session lengths, replacing `price` for that length. One per length. */
  byLength: z.optional(z.array(z.object({ lengthMinutes: SessionLengthSchema, ...fixedPrice }))),
});
export const FreePricingSchema = z.object({
  model: z.literal('free'),
  /** Who pays, shown to the seeker, e.g. "Your campus". */
  sponsor: z.optional(text(120)),
});
export const PricingSchema = z.union([
  SlidingScalePricingSchema,
  FixedPricingSchema,
  FreePricingSchema,
]);
export type Pricing = z.infer<typeof PricingSchema>;

export const OpeningHoursSchema = z.object({
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  day: z.number().check(z.int(), z.minimum(1), z.maximum(7)),
  /** Local opening time in the program's time zone, `HH:MM`. */
  open: pattern(/^([01]\d|2[0-3]):[0-5]\d$/),
  /** Local closing time, `HH:MM`, after `open`. */
  close: pattern(/^([01]\d|2[0-4]):[0-5]\d$/),
});

/**
 * Who may book, with the least data: the state where the seeker lives and, only when the program
 * has an age limit, their age or just whether it is within the range.
 */
export const EligibilitySchema = z.object({
  /** States (where the seeker lives) the program serves. */
  states: z.array(StateCodeSchema).check(z.minLength(1)),
  /** Youngest age served, inclusive. Without `minAge` and `maxAge` there is no age limit. */
  minAge: z.optional(positiveInt()),
  /** Oldest age served, inclusive. Either bound may stand alone (`minAge: 18` alone: 18+). */
  maxAge: z.optional(positiveInt()),
  /**
   * How a booking asks about age when there is a limit: `age` (the default) asks the seeker's
   * age (`seeker.age`); `range` asks only a yes or no ("Are you between 18 and 30?") and the
   * request carries `seeker.ageInRange: true` instead.
   */
  ageQuestion: z.optional(z.enum(['age', 'range'])),
  /** The program's page of other places to find support, for someone it cannot serve. */
  referralUrl: z.optional(HttpsUrlSchema),
});
export type Eligibility = z.infer<typeof EligibilitySchema>;

export const ProgramSchema = z.object({
  id: IdSchema,
  name: text(120),
  /** Who may book. */
  eligibility: EligibilitySchema,
  sessionLengths: z.array(SessionLengthSchema).check(z.minLength(1)),
  modalities: z.array(ModalitySchema).check(z.minLength(1)),
  pricing: PricingSchema,
  currency: pattern(/^[A-Z]{3}$/),
  cancellation: z.object({
    /** Cancelling at least this many hours before the start costs nothing. */
    windowHours: nonNegativeInt(),
  }),
  hours: z.object({
    timeZone: TimeZoneSchema,
    weekly: z.array(OpeningHoursSchema),
  }),
  giftCards: z.object({
    enabled: z.boolean(),
    /**
     * Price of one gifted session, minor units. Absent: priced from `pricing` (see
     * `giftSessionPrice`).
     */
    pricePerSession: z.optional(nonNegativeInt()),
    maxSessions: positiveInt(),
    packages: z.optional(z.array(positiveInt())),
    anyLength: z.optional(z.boolean()),
    expiresAfterYears: z.optional(z.number().check(z.int(), z.minimum(5))),
  }),
  /** The partner's own crisis line, shown in addition to (never instead of) 988 and 911. */
  crisisLine: z.optional(CrisisLineSchema),
});
export type Program = z.infer<typeof ProgramSchema>;

// ---------------------------------------------------------------------------------------------
// Supporters.

// Shapes spread into larger objects instead of `z.extend` / `z.omit`, which cost bundle bytes.
const supporterSummaryShape = {
  id: IdSchema,
  name: text(80),
  pronouns: z.optional(text(40)),
  photoUrl: z.optional(ImageUrlSchema),
  /** Short introduction shown on cards, plain text. */
  headline: text(280),
  /** Interests and lived-experience topics the supporter talks about. */
  topics: z.array(TagSchema),
  identities: z.array(TagSchema),
  languages: z.array(LanguageTagSchema).check(z.minLength(1)),
  /** States the supporter is certified to serve. */
  states: z.array(StateCodeSchema).check(z.minLength(1)),
  sessionLengths: z.array(SessionLengthSchema).check(z.minLength(1)),
  /** Start of the soonest open slot, or null when none is open in the booking horizon. */
  nextAvailable: z.nullable(DateTimeSchema),
};
export const SupporterSummarySchema = z.object(supporterSummaryShape);
export type SupporterSummary = z.infer<typeof SupporterSummarySchema>;

export const CertificationSchema = z.object({
  name: text(160),
  state: z.optional(StateCodeSchema),
  /** Date of the last yearly review. */
  reviewedOn: DateSchema,
});

export const SupporterProfileSchema = z.object({
  ...supporterSummaryShape,
  /** Full biography, plain text; paragraphs separated by blank lines. */
  bio: text(4000),
  /** The supporter's own words about their lived experience and recovery. */
  livedExperience: z.optional(text(2000)),
  certifications: z.array(CertificationSchema),
  modalities: z.array(ModalitySchema).check(z.minLength(1)),
});
export type SupporterProfile = z.infer<typeof SupporterProfileSchema>;

export const FacetsSchema = z.object({
  topics: z.array(TagSchema),
  identities: z.array(TagSchema),
  languages: z.array(LanguageTagSchema),
  states: z.array(StateCodeSchema),
});
export type Facets = z.infer<typeof FacetsSchema>;

export const SupporterSortSchema = z.enum(['next-available', 'name']);
export type SupporterSort = z.infer<typeof SupporterSortSchema>;

/** At most this many values per list filter; there are far fewer tags than this. */
const MAX_FILTER_VALUES = 100;
const filterList = <T extends z.ZodMiniType>(item: T) =>
  z.optional(z.array(item).check(z.maxLength(MAX_FILTER_VALUES)));

/** What a seeker filters supporters by. */
const supporterFiltersShape = {
  /** Free text over name, headline, bio and tags; empty means no text filter. */
  q: z.optional(z.string().check(z.maxLength(200))),
  /** Topic ids; a supporter matches if they have any. */
  topics: filterList(IdSchema),
  /** Identity ids; a supporter matches if they have any. */
  identities: filterList(IdSchema),
  /** BCP 47 tags; a supporter matches if they speak any. */
  languages: filterList(LanguageTagSchema),
  /** State codes; a supporter matches if certified in any. */
  states: filterList(StateCodeSchema),
  /** Session length the supporter offers. */
  lengthMinutes: z.optional(SessionLengthSchema),
  /** Only supporters with an open slot within this many days. */
  availableWithinDays: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(365))),
};

/**
 * A supporter search, sent as a JSON body (`POST /supporters/search`), never as a query string:
 * the topics, identities, language, state and free text a seeker filters by are personal and
 * sensitive (QUALITY S4), and URLs end up in access logs, proxies and browser history.
 */
export const SupporterQuerySchema = z.object({
  ...supporterFiltersShape,
  /** Order of results; `next-available` by default. */
  sort: z.optional(SupporterSortSchema),
  /** Index of the first result; 0 by default. */
  offset: z.optional(nonNegativeInt()),
  /** Page size, 1 to 5000; 20 by default. */
  limit: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(5000))),
});
/** A supporter search: filters, order and page. */
export type SupporterQuery = z.infer<typeof SupporterQuerySchema>;

/** The filters of a supporter search without paging or order, as `POST /slots/next` takes them. */
export const SupporterFiltersSchema = z.object(supporterFiltersShape);
export type SupporterFilters = z.infer<typeof SupporterFiltersSchema>;

export const SupporterPageSchema = z.object({
  /** Supporters are validated one by one by the client so one bad record cannot hide the rest. */
  items: z.array(z.unknown()),
  /** Number of supporters matching the filters, across all pages. */
  total: nonNegativeInt(),
  offset: nonNegativeInt(),
  limit: positiveInt(),
  facets: FacetsSchema,
});
export type SupporterPageWire = z.infer<typeof SupporterPageSchema>;

// ---------------------------------------------------------------------------------------------
// Availability.

export const SlotSchema = z.object({
  supporterId: IdSchema,
  start: DateTimeSchema,
  end: DateTimeSchema,
  lengthMinutes: SessionLengthSchema,
});
export type Slot = z.infer<typeof SlotSchema>;

export const SlotListSchema = z.object({
  supporterId: IdSchema,
  /** Zone the supporter works in; the widgets still show times in the seeker's own zone. */
  timeZone: TimeZoneSchema,
  slots: z.array(SlotSchema),
});
export type SlotList = z.infer<typeof SlotListSchema>;

export const NextAvailableSchema = z.object({
  /** The soonest open slot across every supporter matching the filters, or null. */
  slot: z.nullable(SlotSchema),
});
export type NextAvailable = z.infer<typeof NextAvailableSchema>;

// ---------------------------------------------------------------------------------------------
// Matching.

export const TimeOfDaySchema = z.enum(['morning', 'afternoon', 'evening']);
export type TimeOfDay = z.infer<typeof TimeOfDaySchema>;

export const MatchRequestSchema = z.object({
  topics: z.array(IdSchema),
  identities: z.array(IdSchema),
  languages: z.array(LanguageTagSchema),
  timesOfDay: z.array(TimeOfDaySchema),
  /** State codes; a supporter matches if certified in any. */
  states: filterList(StateCodeSchema),
  lengthMinutes: z.optional(SessionLengthSchema),
  /** Seeker's zone, to judge times of day. */
  timeZone: z.optional(TimeZoneSchema),
  limit: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(50))),
});
export type MatchRequest = z.infer<typeof MatchRequestSchema>;

export const MatchReasonSchema = z.object({
  kind: z.enum(['topic', 'identity', 'language', 'time-of-day']),
  id: z.string(),
  label: text(80),
});
export type MatchReason = z.infer<typeof MatchReasonSchema>;

export const MatchResultSchema = z.object({
  results: z.array(
    z.object({
      supporter: SupporterSummarySchema,
      /** Relative score, 0 to 1, best first. */
      score: z.number().check(z.minimum(0), z.maximum(1)),
      reasons: z.array(MatchReasonSchema),
    }),
  ),
});
export type MatchResult = z.infer<typeof MatchResultSchema>;

// ---------------------------------------------------------------------------------------------
// Errors.

export const ErrorCodeSchema = z.enum([
  'invalid-request',
  'not-eligible',
  'not-found',
  'slot-taken',
  'slot-not-offered',
  'already-cancelled',
  'booking-declined',
  'payment-below-minimum',
  'payment-above-maximum',
  'payment-kind-not-accepted',
  'gift-card-invalid',
  'gift-card-used',
  'gift-card-wrong-length',
  'gift-cards-disabled',
  'too-late',
  'idempotency-key-reused',
  'rate-limited',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const FieldErrorSchema = z.object({
  /** Dot path of the request field, e.g. `seeker.age`. */
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

export const ErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    fieldErrors: z.optional(z.array(FieldErrorSchema)),
    requestId: z.optional(z.string()),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
