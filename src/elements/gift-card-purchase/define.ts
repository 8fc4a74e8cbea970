import { GiftCardPurchase } from './gift-card-purchase.js';

GiftCardPurchase.define();

export { GiftCardPurchase };
