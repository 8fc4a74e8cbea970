/**
 * Bookings: creating one (eligibility, the payment plan, the slot, then the race-safe writes),
 * reading, cancelling and moving it with its manage token, and the supporter's and the partner's
 * side (accept, decline, cancel, paid).
 */
import { slotState } from '../api/availability.js';
import {
  cancellationTerms,
  checkPayment,
  eligibilityProblems,
  freeCancellationUntil,
  giftCardProblem,
  isFreeCancellation,
} from '../api/booking-rules.js';
import {
  BookingRequestSchema,
  CancellationRequestSchema,
  RescheduleRequestSchema,
  type Booking,
  type BookingCancellation,
  type BookingRequest,
  type CreatedBooking,
} from '../api/booking-schemas.js';
import { MINUTE, formatInstant } from '../api/time.js';
import type { ApiFailure, ApiResult, Backend } from './backend.js';
import type { Entry } from './directory.js';
import {
  eligibilityError,
  failure,
  giftCardInvalid,
  giftCardRefusal,
  giftCardUsed,
  noSuchSupporter,
  notEligible,
  ok,
  parseRequest,
  paymentRefusal,
  slotRefusal,
} from './refusals.js';
import type { StoredBooking, StoredGiftCard, Transaction } from './storage.js';

import { anyone, clone, type ServiceContext } from './context.js';

const isActive = (booking: Booking) =>
  booking.status === 'requested' || booking.status === 'confirmed';

/** Releases a payment: refunded if it was made, else no longer due. */
function release(booking: Booking): void {
  const payment = booking.payment;
  if (payment.status === 'paid') {
    payment.status = 'refunded';
  } else {
    payment.status = 'not-required';
    delete payment.checkoutUrl;
  }
}

/** Why a booking can no longer be cancelled or moved, if it cannot. */
function refusalToChange(booking: Booking): ApiFailure | undefined {
  if (booking.status === 'declined') {
    return failure(409, 'booking-declined', 'The supporter declined this booking.');
  }
  if (booking.status === 'cancelled') {
    return failure(409, 'already-cancelled', 'This booking is already cancelled.');
  }
  return undefined;
}

export function bookingOperations(
  c: ServiceContext,
): Pick<
  Backend,
  | 'createBooking'
  | 'getBooking'
  | 'cancelBooking'
  | 'rescheduleBooking'
  | 'bookings'
  | 'markPaid'
  | 'confirmBooking'
  | 'declineBooking'
  | 'cancelAsSupporter'
> {
  const {
    storage,
    program,
    now,
    tokens,
    currency,
    programZone,
    windowHours,
    contextAt,
    directory,
    idempotently,
    authorised,
    giftStatus,
    freshId,
  } = c;
  async function restoreGiftSession(tx: Transaction, record: StoredBooking): Promise<boolean> {
    if (record.booking.payment.kind !== 'gift-card' || !record.giftCode) return false;
    return (await tx.returnGiftSession(record.giftCode)) !== undefined;
  }

  // --- bookings ------------------------------------------------------------------------------

  function setTimes(record: StoredBooking, entry: Entry, startMs: number): void {
    const endMs = startMs + record.booking.lengthMinutes * MINUTE;
    record.booking.start = formatInstant(startMs, entry.zone);
    record.booking.end = formatInstant(endMs, entry.zone);
    record.booking.freeCancellationUntil = formatInstant(
      freeCancellationUntil(new Date(startMs), windowHours).getTime(),
      entry.zone,
    );
  }

  /** Whether `startMs` is an open slot of the entry, with the spans the transaction sees. */
  async function slotIn(
    tx: Transaction,
    entry: Entry,
    nowMs: number,
    startMs: number,
    length: number,
    ignore?: string,
  ) {
    const spans = await tx.activeSpans({
      supporterId: entry.record.id,
      fromMs: startMs,
      toMs: startMs + length * MINUTE,
    });
    return slotState(
      contextAt(nowMs),
      { zone: entry.zone, blocks: entry.blocks, spans },
      startMs,
      length,
      ignore,
    );
  }

  type PaymentPlan = {
    kind: Booking['payment']['kind'];
    amount: number;
    giftCard?: StoredGiftCard;
  };

  async function planPayment(
    tx: Transaction,
    request: BookingRequest,
    nowMs: number,
  ): Promise<{ ok: true; value: PaymentPlan } | ApiFailure> {
    const { payment, lengthMinutes } = request;
    const checked = checkPayment(program, lengthMinutes, payment);
    if (!checked.ok) return paymentRefusal(checked, payment.kind);
    if (payment.kind !== 'gift-card') {
      return { ok: true, value: { kind: payment.kind, amount: checked.amount } };
    }
    const card = await tx.giftCard(payment.code);
    if (!card) return giftCardInvalid();
    const problem = giftCardProblem(
      { status: giftStatus(card, nowMs), lengthMinutes: card.lengthMinutes },
      lengthMinutes,
    );
    if (problem) return giftCardRefusal(problem, card);
    return { ok: true, value: { kind: 'gift-card', amount: 0, giftCard: card } };
  }

  async function performBooking(
    tx: Transaction,
    request: BookingRequest,
  ): Promise<ApiResult<CreatedBooking>> {
    const nowMs = now().getTime();
    const entry = (await directory()).entries.get(request.supporterId);
    if (!entry) {
      return failure(404, 'not-found', 'No such supporter.', [
        { field: 'supporterId', code: 'not_found', message: 'This supporter is not available.' },
      ]);
    }

    // Eligibility: the program's ages and states, then the supporter's certification.
    const { seeker } = request;
    const eligibility = eligibilityProblems(program.eligibility, seeker).map((problem) =>
      eligibilityError(problem, program.eligibility),
    );
    if (
      !eligibility.some((e) => e.field === 'seeker.state') &&
      !entry.search.states.has(seeker.state)
    ) {
      eligibility.push({
        field: 'seeker.state',
        code: 'not_certified',
        message: `${entry.record.name} is not certified in ${seeker.state}.`,
      });
    }
    if (eligibility.length > 0) return notEligible(eligibility);

    const lengths = entry.search.lengths;
    if (!lengths.includes(request.lengthMinutes)) {
      return failure(422, 'invalid-request', 'This session length is not offered.', [
        {
          field: 'lengthMinutes',
          code: 'not_offered',
          message: `Offered: ${lengths.join(', ') || 'none'} minutes.`,
        },
      ]);
    }
    if (
      !program.modalities.includes(request.modality) ||
      !entry.record.modalities.includes(request.modality)
    ) {
      return failure(422, 'invalid-request', 'This kind of session is not offered.', [
        {
          field: 'modality',
          code: 'not_offered',
          message: `Offered: ${entry.record.modalities.filter((m) => program.modalities.includes(m)).join(', ')}.`,
        },
      ]);
    }

    const plan = await planPayment(tx, request, nowMs);
    if (!plan.ok) return plan;

    const startMs = Date.parse(request.slotStart);
    const slot = await slotIn(tx, entry, nowMs, startMs, request.lengthMinutes);
    if (slot !== 'open') return slotRefusal(slot);

    const { kind, amount, giftCard } = plan.value;
    const at = formatInstant(nowMs, programZone);
    if (giftCard && !(await tx.takeGiftSession(giftCard.code, at))) return giftCardUsed();
    for (;;) {
      const id = await freshId('bk-', (candidate) => tx.booking(candidate));
      const booking: Booking = {
        id,
        status: 'requested',
        supporterId: entry.record.id,
        start: '',
        end: '',
        lengthMinutes: request.lengthMinutes,
        modality: request.modality,
        payment: {
          kind,
          status:
            kind === 'gift-card' ? 'covered-by-gift' : kind === 'free' ? 'not-required' : 'due',
          amount: { amount, currency },
        },
        freeCancellationUntil: '',
        createdAt: at,
      };
      if (booking.payment.status === 'due') booking.payment.checkoutUrl = tokens.checkoutUrl();
      const manageToken = tokens.manageToken();
      const record: StoredBooking = { booking, tokenHash: await tokens.hashToken(manageToken) };
      setTimes(record, entry, startMs);
      if (giftCard) record.giftCode = giftCard.code;
      const inserted = await tx.insertBooking(record);
      if (inserted === 'id-taken') continue;
      if (inserted === 'slot-taken') {
        // Another request won the slot after we looked: give the gift session back.
        if (giftCard) await tx.returnGiftSession(giftCard.code);
        return slotRefusal('taken');
      }
      return ok({ ...clone(booking), manageToken }, 201);
    }
  }

  /**
   * Cancels an active booking and returns what the cancellation says, on the terms of
   * `cancellationTerms` (free up to `windowHours` before the start, the boundary included, and
   * whenever the supporter cancels).
   */
  async function cancel(
    tx: Transaction,
    record: StoredBooking,
    by: 'seeker' | 'supporter',
    nowMs: number,
  ): Promise<BookingCancellation> {
    const { booking } = record;
    const terms = cancellationTerms({
      now: new Date(nowMs),
      start: new Date(Date.parse(booking.start)),
      windowHours,
      by,
      payment: booking.payment,
    });
    let giftSessionRestored = false;
    if (terms.releasesPayment) {
      release(booking);
      giftSessionRestored = await restoreGiftSession(tx, record);
    }
    booking.status = 'cancelled';
    delete booking.joinUrl;
    const cancellation: BookingCancellation = {
      cancelledAt: formatInstant(nowMs, programZone),
      by,
      withinFreeWindow: terms.withinFreeWindow,
      outcome: terms.outcome,
      feeDue: { amount: terms.feeDue, currency },
      refunded: { amount: terms.refunded, currency },
      giftSessionRestored,
    };
    booking.cancellation = cancellation;
    await tx.updateBooking(record);
    return clone(cancellation);
  }

  /** A supporter-side change of one booking in a transaction; false when it does not apply. */
  function change(
    bookingId: string,
    apply: (tx: Transaction, record: StoredBooking, nowMs: number) => Promise<boolean>,
  ): Promise<boolean> {
    return storage.transaction(async (tx) => {
      const record = await tx.booking(bookingId);
      return record ? apply(tx, record, now().getTime()) : false;
    });
  }

  return {
    createBooking(input, key) {
      const parsed = parseRequest(BookingRequestSchema, input);
      if (!parsed.ok) return Promise.resolve(parsed);
      const request = parsed.value;
      return idempotently('createBooking', key, request, anyone, (tx) =>
        performBooking(tx, request),
      );
    },

    async getBooking(bookingId, manageToken) {
      const found = await authorised(storage, bookingId, manageToken);
      return found.ok ? ok(found.value.booking) : found;
    },

    cancelBooking(bookingId, manageToken, input = {}, key) {
      const parsed = parseRequest(CancellationRequestSchema, input);
      if (!parsed.ok) return Promise.resolve(parsed);
      const request = { bookingId, ...parsed.value };
      return idempotently(
        'cancelBooking',
        key,
        request,
        (tx) => authorised(tx, bookingId, manageToken),
        async (tx, record) => {
          const refused = refusalToChange(record.booking);
          if (refused) return refused;
          const nowMs = now().getTime();
          if (nowMs >= Date.parse(record.booking.start)) {
            return failure(422, 'too-late', 'This session has already started.');
          }
          const cancellation = await cancel(tx, record, 'seeker', nowMs);
          return ok({ bookingId, status: 'cancelled' as const, ...cancellation });
        },
      );
    },

    rescheduleBooking(bookingId, manageToken, input, key) {
      const parsed = parseRequest(RescheduleRequestSchema, input);
      if (!parsed.ok) return Promise.resolve(parsed);
      const request = { bookingId, ...parsed.value };
      return idempotently(
        'rescheduleBooking',
        key,
        request,
        (tx) => authorised(tx, bookingId, manageToken),
        async (tx, record) => {
          const entry = (await directory()).entries.get(record.booking.supporterId);
          if (!entry) return noSuchSupporter();
          const refused = refusalToChange(record.booking);
          if (refused) return refused;
          const nowMs = now().getTime();
          if (!isFreeCancellation(new Date(nowMs), record.booking.start, windowHours)) {
            return failure(
              422,
              'too-late',
              `Sessions can be moved up to ${windowHours} hours before they start.`,
            );
          }
          const startMs = Date.parse(parsed.value.slotStart);
          const length = record.booking.lengthMinutes;
          // Only this supporter's open slots qualify; the booking's own time does not block itself.
          const slot = await slotIn(tx, entry, nowMs, startMs, length, bookingId);
          if (slot !== 'open') return slotRefusal(slot);
          setTimes(record, entry, startMs);
          // The supporter has to accept the new time, so the booking is a request again.
          record.booking.status = 'requested';
          delete record.booking.joinUrl;
          if ((await tx.updateBooking(record)) === 'slot-taken') return slotRefusal('taken');
          return ok(clone(record.booking));
        },
      );
    },

    bookings: async () => (await storage.bookings()).map((r) => r.booking),

    markPaid: (bookingId) =>
      change(bookingId, async (tx, record) => {
        if (record.booking.payment.status !== 'due') return false;
        record.booking.payment.status = 'paid';
        delete record.booking.payment.checkoutUrl;
        await tx.updateBooking(record);
        return true;
      }),

    confirmBooking: (bookingId) =>
      change(bookingId, async (tx, record) => {
        if (record.booking.status !== 'requested') return false;
        record.booking.status = 'confirmed';
        // A video link for a video session only: the supporter calls or messages for the others.
        if (record.booking.modality === 'video') record.booking.joinUrl = tokens.joinUrl();
        await tx.updateBooking(record);
        return true;
      }),

    declineBooking: (bookingId) =>
      change(bookingId, async (tx, record) => {
        if (record.booking.status !== 'requested') return false;
        record.booking.status = 'declined';
        release(record.booking);
        await restoreGiftSession(tx, record);
        await tx.updateBooking(record);
        return true;
      }),

    cancelAsSupporter: (bookingId) =>
      change(bookingId, async (tx, record, nowMs) => {
        if (!isActive(record.booking)) return false;
        await cancel(tx, record, 'supporter', nowMs);
        return true;
      }),
  };
}
