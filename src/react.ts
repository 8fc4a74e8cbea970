/**
 * `peer-support-widgets/react`: React components for the elements, made with `@lit/react`, for
 * React 18 (which sets every prop as an attribute and cannot listen to custom events) and for
 * React 19 hosts that would rather write `onPeerSupporterSelected` than `onpeer-supporter-selected`.
 *
 * Importing this entry registers the elements it wraps (as `peer-support-widgets/define` does), so
 * properties such as `pageSize={1}` always reach a defined element. `react` and `@lit/react` are
 * optional peer dependencies (a regular dependency on `@lit/react` would install its peer,
 * `@types/react`, for every user): only this entry imports them, and the script-tag bundle never
 * contains them.
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { CrisisBanner as CrisisBannerElement } from './elements/crisis-banner/crisis-banner.js';
import './elements/crisis-banner/define.js';
import type {
  PeerBookingCancelledEvent,
  PeerBookingRequestedEvent,
  PeerBookingRescheduledEvent,
  PeerPaymentRequiredEvent,
} from './elements/peer-booking/booking-events.js';
import { PeerBooking as PeerBookingElement } from './elements/peer-booking/peer-booking.js';
import './elements/peer-booking/define.js';
import type { PeerGiftCardPurchasedEvent } from './elements/gift-card-purchase/gift-card-events.js';
import { GiftCardPurchase as GiftCardPurchaseElement } from './elements/gift-card-purchase/gift-card-purchase.js';
import './elements/gift-card-purchase/define.js';
import { PeerDirectory as PeerDirectoryElement } from './elements/peer-directory/peer-directory.js';
import './elements/peer-directory/define.js';
import { PeerSupportProvider as PeerSupportProviderElement } from './elements/peer-support-provider/peer-support-provider.js';
import './elements/peer-support-provider/define.js';
import type { PeerErrorEvent, PeerSupporterSelectedEvent } from './events.js';

const onError = 'peer-error' as EventName<PeerErrorEvent>;
const onPaymentRequired = 'peer-payment-required' as EventName<PeerPaymentRequiredEvent>;

/** `<crisis-banner>`: fires no event. */
export const CrisisBanner = createComponent({
  react: React,
  tagName: 'crisis-banner',
  elementClass: CrisisBannerElement,
  displayName: 'CrisisBanner',
});

/** `<peer-support-provider>`: `onPeerError`. */
export const PeerSupportProvider = createComponent({
  react: React,
  tagName: 'peer-support-provider',
  elementClass: PeerSupportProviderElement,
  displayName: 'PeerSupportProvider',
  events: { onPeerError: onError },
});

/** `<peer-directory>`: `onPeerSupporterSelected`, `onPeerError`. */
export const PeerDirectory = createComponent({
  react: React,
  tagName: 'peer-directory',
  elementClass: PeerDirectoryElement,
  displayName: 'PeerDirectory',
  events: {
    onPeerSupporterSelected: 'peer-supporter-selected' as EventName<PeerSupporterSelectedEvent>,
    onPeerError: onError,
  },
});

/**
 * `<peer-booking>`: `onPeerBookingRequested`, `onPeerPaymentRequired` (call `preventDefault()` to
 * run your own checkout), `onPeerBookingCancelled`, `onPeerBookingRescheduled`, `onPeerError`.
 */
export const PeerBooking = createComponent({
  react: React,
  tagName: 'peer-booking',
  elementClass: PeerBookingElement,
  displayName: 'PeerBooking',
  events: {
    onPeerBookingRequested: 'peer-booking-requested' as EventName<PeerBookingRequestedEvent>,
    onPeerPaymentRequired: onPaymentRequired,
    onPeerBookingCancelled: 'peer-booking-cancelled' as EventName<PeerBookingCancelledEvent>,
    onPeerBookingRescheduled: 'peer-booking-rescheduled' as EventName<PeerBookingRescheduledEvent>,
    onPeerError: onError,
  },
});

/** `<gift-card-purchase>`: `onPeerGiftCardPurchased`, `onPeerPaymentRequired`, `onPeerError`. */
export const GiftCardPurchase = createComponent({
  react: React,
  tagName: 'gift-card-purchase',
  elementClass: GiftCardPurchaseElement,
  displayName: 'GiftCardPurchase',
  events: {
    onPeerGiftCardPurchased: 'peer-gift-card-purchased' as EventName<PeerGiftCardPurchasedEvent>,
    onPeerPaymentRequired: onPaymentRequired,
    onPeerError: onError,
  },
});
