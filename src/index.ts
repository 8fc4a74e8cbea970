/**
 * peer-support-widgets: side-effect free entry. Importing it registers nothing and changes nothing
 * on the page; import `peer-support-widgets/define` (or one element's entry) to register the tags.
 * It needs a DOM (the elements' style sheets); for the API client alone, in Node too, import
 * `peer-support-widgets/api`.
 */
export { CrisisBanner, type CrisisBannerVariant } from './elements/crisis-banner/crisis-banner.js';
export { PeerSupportProvider } from './elements/peer-support-provider/peer-support-provider.js';
export { PeerDirectory } from './elements/peer-directory/peer-directory.js';
export { PeerSupporterProfile } from './elements/peer-directory/supporter-profile.js';
export { PeerBooking } from './elements/peer-booking/peer-booking.js';
export {
  PeerBookingRequestedEvent,
  PeerBookingCancelledEvent,
  PeerBookingRescheduledEvent,
  PeerPaymentRequiredEvent,
  type BookingRequestedDetail,
  type BookingCancelledDetail,
  type BookingRescheduledDetail,
  type PaymentRequiredDetail,
} from './elements/peer-booking/booking-events.js';
export { GiftCardPurchase } from './elements/gift-card-purchase/gift-card-purchase.js';
export {
  PeerGiftCardPurchasedEvent,
  type GiftCardPurchasedDetail,
} from './elements/gift-card-purchase/gift-card-events.js';
export { PeerElement } from './internal/peer-element.js';
export { PeerDataElement } from './internal/peer-data-element.js';
export { peerConfigContext, type PeerConfig, type Theme } from './config/context.js';
export {
  PeerEvent,
  PeerErrorEvent,
  PeerSupporterSelectedEvent,
  type PeerErrorDetail,
  type SupporterSelection,
} from './events.js';
export * from './api/index.js';
export type { Locale } from './i18n/types.js';
