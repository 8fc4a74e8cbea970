/**
 * Gift cards: buying sessions for someone, and looking a card up by its code. Part of the contract (`schemas.ts` has the rest, and the
 * conventions); a module of its own so that a page without that element never downloads these
 * schemas (QUALITY P1).
 */
import * as z from 'zod/mini';
import {
  DateSchema,
  DateTimeSchema,
  IdSchema,
  HttpsUrlSchema,
  EmailSchema,
  MoneySchema,
  SessionLengthSchema,
  TimeZoneSchema,
} from './schemas.js';
import { nonNegativeInt, positiveInt, text } from './schema-helpers.js';

/**
 * A gift code: 4 to 8 groups of 4 capitals or digits, at least 16 symbols from 36 (over 80 bits).
 * Codes are issued at random from a cryptographic source, never derived from anything.
 */
export const GiftCodeSchema = z.string().check(z.regex(/^[A-Z0-9]{4}(?:-[A-Z0-9]{4}){3,7}$/));

/**
 * A gift card balance lookup. The code is a bearer secret, so it travels in a JSON body
 * (`POST /gift-cards/lookup`), never in a URL, where logs and proxies would keep it.
 */
export const GiftCardLookupRequestSchema = z.object({
  code: GiftCodeSchema,
});
export type GiftCardLookupRequest = z.infer<typeof GiftCardLookupRequestSchema>;

const personShape = { name: text(120), email: EmailSchema };

export const GiftCardPurchaseRequestSchema = z.object({
  /** 1 to the program's `giftCards.maxSessions`. */
  sessions: z.number().check(z.int(), z.minimum(1), z.maximum(20)),
  /** The length the card pays for; required unless the program's gift cards cover any length. */
  lengthMinutes: z.optional(SessionLengthSchema),
  purchaser: z.object(personShape),
  /** Absent: the card is for the purchaser. */
  recipient: z.optional(z.object(personShape)),
  message: z.optional(z.string().check(z.maxLength(500))),
  /** Date to send the recipient's email, in `timeZone`; today when absent, never before. */
  deliverOn: z.optional(DateSchema),
  /** The purchaser's IANA time zone, in which `deliverOn` is a date. */
  timeZone: TimeZoneSchema,
});
export type GiftCardPurchaseRequest = z.infer<typeof GiftCardPurchaseRequestSchema>;

/** A purchase. Never the code: that is emailed to the recipient on `deliverOn`. */
export const GiftCardPurchaseSchema = z.object({
  id: IdSchema,
  status: z.enum(['pending-payment', 'issued']),
  sessions: positiveInt(),
  /** Absent: the sessions cover any length. */
  lengthMinutes: z.optional(SessionLengthSchema),
  total: MoneySchema,
  /** Partner's checkout; the card is issued once payment succeeds. */
  checkoutUrl: z.optional(HttpsUrlSchema),
  deliverOn: DateSchema,
});
export type GiftCardPurchase = z.infer<typeof GiftCardPurchaseSchema>;

export const GiftCardBalanceSchema = z.object({
  code: GiftCodeSchema,
  /** `pending`: bought, but not yet paid or delivered. */
  status: z.enum(['pending', 'active', 'used', 'expired']),
  /** Absent: the card covers a session of any length. */
  lengthMinutes: z.optional(SessionLengthSchema),
  sessionsTotal: positiveInt(),
  sessionsRemaining: nonNegativeInt(),
  expiresOn: z.optional(DateSchema),
  /** When the last session was used (the purchaser is then told). */
  usedUpAt: z.optional(DateTimeSchema),
});
export type GiftCardBalance = z.infer<typeof GiftCardBalanceSchema>;
