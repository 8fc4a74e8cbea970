/**
 * Gift cards: buying sessions for someone, and looking a card up by its code. Part of the contract (`schemas.ts` has the rest, and the
 * conventions); a module of its own so that a page without that element never downloads these
 * schemas (QUALITY P1).
 */
import * as z from 'zod/mini';
import {
  DateSchema,
  IdSchema,
  HttpsUrlSchema,
  EmailSchema,
  MoneySchema,
  SessionLengthSchema,
} from './schemas.js';
import { nonNegativeInt, positiveInt, text } from './schema-helpers.js';

export const GiftCodeSchema = z.string().check(z.regex(/^[A-Z0-9-]{6,32}$/));

/**
 * A gift card balance lookup. The code is a bearer secret, so it travels in a JSON body
 * (`POST /gift-cards/lookup`), never in a URL, where logs and proxies would keep it.
 */
export const GiftCardLookupRequestSchema = z.object({
  code: GiftCodeSchema,
});
export type GiftCardLookupRequest = z.infer<typeof GiftCardLookupRequestSchema>;

export const GiftCardPurchaseRequestSchema = z.object({
  sessions: z.number().check(z.int(), z.minimum(1), z.maximum(20)),
  lengthMinutes: SessionLengthSchema,
  purchaser: z.object({ name: text(120), email: EmailSchema }),
  recipient: z.object({ name: text(120), email: EmailSchema }),
  message: z.optional(z.string().check(z.maxLength(500))),
  /** Date to send the recipient's email; today when absent. */
  deliverOn: z.optional(DateSchema),
});
export type GiftCardPurchaseRequest = z.infer<typeof GiftCardPurchaseRequestSchema>;

export const GiftCardPurchaseSchema = z.object({
  id: IdSchema,
  status: z.enum(['pending-payment', 'issued']),
  sessions: positiveInt(),
  lengthMinutes: SessionLengthSchema,
  total: MoneySchema,
  /** Partner's checkout; the card is issued once payment succeeds. */
  checkoutUrl: z.optional(HttpsUrlSchema),
});
export type GiftCardPurchase = z.infer<typeof GiftCardPurchaseSchema>;

export const GiftCardBalanceSchema = z.object({
  code: GiftCodeSchema,
  status: z.enum(['active', 'used', 'expired']),
  lengthMinutes: SessionLengthSchema,
  sessionsTotal: positiveInt(),
  sessionsRemaining: nonNegativeInt(),
  expiresOn: z.optional(DateSchema),
});
export type GiftCardBalance = z.infer<typeof GiftCardBalanceSchema>;
