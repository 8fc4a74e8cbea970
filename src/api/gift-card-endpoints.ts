/** Gift-card operations: imported by the client on the first gift-card call (see endpoints.ts). */
import {
  GiftCardBalanceSchema,
  GiftCardLookupRequestSchema,
  GiftCardPurchaseRequestSchema,
  GiftCardPurchaseSchema,
} from './gift-card-schemas.js';
import type { Endpoint } from './endpoints.js';

export const giftCardEndpoints = {
  purchaseGiftCard: {
    method: 'POST',
    path: '/gift-cards',
    request: GiftCardPurchaseRequestSchema,
    response: GiftCardPurchaseSchema,
    status: 201,
    errors: [422, 429],
    idempotent: true,
  },
  getGiftCard: {
    method: 'POST',
    path: '/gift-cards/lookup',
    request: GiftCardLookupRequestSchema,
    response: GiftCardBalanceSchema,
    status: 200,
    errors: [404, 429],
  },
} as const satisfies Record<string, Endpoint>;
