import { PeerBooking } from './peer-booking.js';

PeerBooking.define();

export { PeerBooking };
