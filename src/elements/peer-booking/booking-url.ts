import { takeGiftCode } from '../../internal/page-url.js';

/**
 * What a host lets the element read from the page's address, read once and then taken out of it
 * with `history.replaceState`, so that a gift code or a booking's secret reaches no analytics,
 * referrer or shared link (QUALITY S4).
 */
export interface FromUrl {
  giftCode?: string;
  bookingId?: string;
  manageToken?: string;
}

export function readBookingUrl(options: { gift: boolean; fragment: boolean }): FromUrl {
  const giftCode = options.gift ? takeGiftCode() : undefined;
  const found: FromUrl = giftCode === undefined ? {} : { giftCode };
  const url = new URL(location.href);
  if (options.fragment && url.hash) {
    // The fragment never reaches a server; it still reaches scripts, so it goes too.
    const fragment = new URLSearchParams(url.hash.slice(1));
    const bookingId = fragment.get('booking');
    const manageToken = fragment.get('token');
    if (bookingId && manageToken) {
      Object.assign(found, { bookingId, manageToken });
      fragment.delete('booking');
      fragment.delete('token');
      url.hash = fragment.toString();
      history.replaceState(history.state, '', url.href);
    }
  }
  return found;
}
