/**
 * `peer-support-widgets/i18n/es`: every element's Spanish strings at once, for module users on a
 * Spanish page (the script tag's loader imports each element's own Spanish file instead).
 */
import './es.js';
import './booking-es.js';
import './gift-card-es.js';

export { directory } from './es.js';
export { booking } from './booking-es.js';
export { giftCard } from './gift-card-es.js';
