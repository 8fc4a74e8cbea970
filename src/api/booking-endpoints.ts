/** Booking operations: imported by the client on the first booking call (see endpoints.ts). */
import {
  BookingRequestSchema,
  BookingSchema,
  CancellationRequestSchema,
  CancellationSchema,
  CreatedBookingSchema,
  RescheduleRequestSchema,
} from './booking-schemas.js';
import type { Endpoint } from './endpoints.js';

export const bookingEndpoints = {
  createBooking: {
    method: 'POST',
    path: '/bookings',
    request: BookingRequestSchema,
    response: CreatedBookingSchema,
    status: 201,
    errors: [404, 409, 422],
    idempotent: true,
  },
  getBooking: {
    method: 'GET',
    path: '/bookings/{bookingId}',
    response: BookingSchema,
    status: 200,
    errors: [404],
    manageToken: true,
  },
  cancelBooking: {
    method: 'POST',
    path: '/bookings/{bookingId}/cancellation',
    request: CancellationRequestSchema,
    response: CancellationSchema,
    status: 200,
    errors: [404, 409, 422],
    idempotent: true,
    manageToken: true,
  },
  rescheduleBooking: {
    method: 'POST',
    path: '/bookings/{bookingId}/reschedule',
    request: RescheduleRequestSchema,
    response: BookingSchema,
    status: 200,
    errors: [404, 409, 422],
    idempotent: true,
    manageToken: true,
  },
} as const satisfies Record<string, Endpoint>;
