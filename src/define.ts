/**
 * `peer-support-widgets/define`: registers every element at once, for module users who want
 * them all (`import 'peer-support-widgets/define'`). Safe to import twice (a second copy warns,
 * never throws). The script tag loads `src/loader.ts` instead, which registers the crisis banner
 * at once and every other element when its tag appears.
 */
import './elements/crisis-banner/define.js';
import './elements/peer-support-provider/define.js';
import './elements/peer-directory/define.js';
import './elements/peer-booking/define.js';
import './elements/gift-card-purchase/define.js';

export { CrisisBanner } from './elements/crisis-banner/crisis-banner.js';
export { PeerSupportProvider } from './elements/peer-support-provider/peer-support-provider.js';
export { PeerDirectory } from './elements/peer-directory/peer-directory.js';
export { PeerBooking } from './elements/peer-booking/peer-booking.js';
export { GiftCardPurchase } from './elements/gift-card-purchase/gift-card-purchase.js';
export { PeerErrorEvent, PeerSupporterSelectedEvent } from './events.js';
