/**
 * The event `<gift-card-purchase>` fires, beside the shared `peer-error` and `peer-payment-required`.
 * The payload carries an id and a number only: never a name, email, message or code (QUALITY S4).
 */
import { PeerEvent } from '../../events.js';

export interface GiftCardPurchasedDetail {
  /** Opaque id of the purchase from the API (not the gift code, which is only emailed). */
  giftCardId: string;
  /** Sessions bought. */
  sessions: number;
}

/** The API accepted a gift card purchase. */
export class PeerGiftCardPurchasedEvent extends PeerEvent<GiftCardPurchasedDetail> {
  static readonly eventName = 'peer-gift-card-purchased';

  constructor(detail: GiftCardPurchasedDetail) {
    super(PeerGiftCardPurchasedEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'peer-gift-card-purchased': PeerGiftCardPurchasedEvent;
  }
}
