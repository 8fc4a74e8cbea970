/** Gift cards: buying one, looking up a balance (rate-limited), and the partner's side. */
import { giftCardExpiry, giftPurchaseProblems } from '../api/booking-rules.js';
import { giftSessionPrice } from '../api/gift-card-rules.js';
import {
  GiftCardPurchaseRequestSchema,
  type GiftCardPurchase,
  type GiftCardPurchaseRequest,
} from '../api/gift-card-schemas.js';
import type { FieldError } from '../api/schemas.js';
import { MINUTE, formatLocalDate } from '../api/time.js';
import type { ApiResult, Backend } from './backend.js';
import { failure, ok, parseRequest } from './refusals.js';
import type { StoredGiftCard, Transaction } from './storage.js';

import { anyone, clone, type ServiceContext } from './context.js';

/** Lookups of gift codes a backend answers in a minute; more get 429 `rate-limited`. */
export const GIFT_LOOKUPS_PER_MINUTE = 10;

export function giftCardOperations(
  c: ServiceContext,
): Pick<
  Backend,
  'purchaseGiftCard' | 'getGiftCard' | 'giftCodes' | 'emailedCode' | 'markGiftCardPaid'
> {
  const { storage, program, now, tokens, currency, idempotently, giftStatus, freshId } = c;
  /** When each client's recent gift lookups came, to rate-limit them. */
  const lookupsBy = new Map<string, number[]>();

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

  return {
    purchaseGiftCard(input, key) {
      const parsed = parseRequest(GiftCardPurchaseRequestSchema, input);
      if (!parsed.ok) return Promise.resolve(parsed);
      const request = parsed.value;
      return idempotently('purchaseGiftCard', key, request, anyone, (tx) =>
        performPurchase(tx, request),
      );
    },

    /**
     * A balance lookup. At most `GIFT_LOOKUPS_PER_MINUTE` a minute per client (the server passes
     * the client's address; the mock has one client), so codes cannot be tried in bulk, and one
     * client trying cannot lock out the others; an unknown code and a wrong one get the same 404.
     */
    async getGiftCard(code, client = 'anyone') {
      const current = now().getTime();
      const recent = (at: number) => at > current - MINUTE;
      if (lookupsBy.size > 10_000) {
        for (const [who, times] of lookupsBy) if (!times.some(recent)) lookupsBy.delete(who);
      }
      const lookups = (lookupsBy.get(client) ?? []).filter(recent);
      lookupsBy.set(client, lookups);
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

    giftCodes: () => storage.giftCodes(),
    emailedCode: async (giftCardId) => (await storage.purchase(giftCardId))?.code,
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
  };
}
