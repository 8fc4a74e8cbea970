/**
 * The booking rules a server must share with the widgets and the mock: who is eligible, what a
 * session of a given length costs, which payments a program takes, what a gift card still covers,
 * and what a cancellation costs. Pure functions: no storage, no HTTP, no DOM, and only type
 * imports, so that the booking element, the mock's store and a server's database layer can all
 * call them without pulling in anything else.
 */
import type { Eligibility, Pricing, Program, SessionLength } from './schemas.js';
import type { Booking, BookingCancellation, PaymentChoice } from './booking-schemas.js';
import type { GiftCardBalance } from './gift-card-schemas.js';

const HOUR_MS = 3_600_000;

// ---------------------------------------------------------------------------------------------
// Eligibility.

/**
 * What a booking asks about age: `age` the seeker's age, `range` only whether they are within the
 * program's range (`seeker.ageInRange`), `none` nothing (the program has no age limit).
 */
export function asksAge(eligibility: Eligibility): 'age' | 'range' | 'none' {
  if (eligibility.minAge === undefined && eligibility.maxAge === undefined) return 'none';
  return eligibility.ageQuestion ?? 'age';
}

/** A seeker's answers to the eligibility questions; what the booking request carries. */
export interface EligibilityAnswers {
  state?: string;
  age?: number;
  /** `false`: the seeker answered that they are not within the range (never sent to the API). */
  ageInRange?: boolean;
}

export interface EligibilityProblem {
  field: 'seeker.age' | 'seeker.state';
  /**
   * `out_of_range`: an age outside the program's range (or a no to the range question);
   * `required`: the age (or the yes to the range question) is missing, or the state is;
   * `not_served`: a state the program does not serve.
   */
  code: 'out_of_range' | 'required' | 'not_served';
}

/**
 * Why the answers make a seeker ineligible for the program, age first, then state; empty when
 * eligible. With an age limit the answers must carry an age within it, or, when the program asks
 * the range question, `ageInRange: true` (an age is accepted too, and then decides). Without a
 * limit no age is needed and one given is ignored. Whether the supporter is certified in the
 * state is not checked here: that needs the supporter.
 */
export function eligibilityProblems(
  eligibility: Eligibility,
  answers: EligibilityAnswers,
): EligibilityProblem[] {
  const problems: EligibilityProblem[] = [];
  const question = asksAge(eligibility);
  if (question !== 'none') {
    const { age, ageInRange } = answers;
    const { minAge = 0, maxAge = Infinity } = eligibility;
    let code: EligibilityProblem['code'] | undefined;
    if (age !== undefined) {
      if (age < minAge || age > maxAge) code = 'out_of_range';
    } else if (question === 'range' && ageInRange !== undefined) {
      if (!ageInRange) code = 'out_of_range';
    } else {
      code = 'required';
    }
    if (code) problems.push({ field: 'seeker.age', code });
  }
  if (answers.state === undefined || answers.state === '') {
    problems.push({ field: 'seeker.state', code: 'required' });
  } else if (!eligibility.states.includes(answers.state)) {
    problems.push({ field: 'seeker.state', code: 'not_served' });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Price.

/**
 * The pricing of a session of one length: the program's `byLength` entry for that length, if
 * any, in place of the top-level amounts (all of them: an entry without `maximum` has none), and
 * `byLength` itself removed. A free pricing comes back as it is.
 */
export function pricingFor<P extends Pricing>(pricing: P, lengthMinutes: SessionLength): P {
  if (pricing.model === 'free') return { ...pricing };
  if (pricing.model === 'fixed') {
    const { byLength, ...rest } = pricing;
    const entry = byLength?.find((e) => e.lengthMinutes === lengthMinutes);
    return (entry ? { ...rest, price: entry.price } : rest) as P;
  }
  const { byLength, ...rest } = pricing;
  const entry = byLength?.find((e) => e.lengthMinutes === lengthMinutes);
  if (!entry) return rest as P;
  const { lengthMinutes: _, ...amounts } = entry;
  return { model: rest.model, ...amounts } as P;
}

export type PaymentKind = PaymentChoice['kind'];

/**
 * The payment kinds a program takes: its pricing model, and gift cards when it sells them and
 * is not free.
 */
export function acceptedPaymentKinds(
  program: Pick<Program, 'pricing' | 'giftCards'>,
): PaymentKind[] {
  const model = program.pricing.model;
  return program.giftCards.enabled && model !== 'free' ? [model, 'gift-card'] : [model];
}

/** Why a payment is refused; `code` is the API's error code. */
export type PaymentProblem =
  | { code: 'payment-kind-not-accepted'; field: 'payment.kind'; accepted: PaymentKind[] }
  /** `limit`: the minimum for the session's length, minor units. */
  | { code: 'payment-below-minimum'; field: 'payment.amount'; limit: number }
  /** `limit`: the maximum for the session's length, minor units. */
  | { code: 'payment-above-maximum'; field: 'payment.amount'; limit: number };

/** The outcome of `checkPayment`. */
export type PaymentCheck = { ok: true; amount: number } | ({ ok: false } & PaymentProblem);

/**
 * Checks a payment against the program's pricing for the session's length. Accepted, `amount` is
 * what the seeker pays, in minor units: the amount chosen on a sliding scale (the minimum and
 * maximum themselves included), the fixed price, or 0 (free, or a gift card, whose own checks,
 * which need the card, are `giftCardProblem`).
 */
export function checkPayment(
  program: Pick<Program, 'pricing' | 'giftCards'>,
  lengthMinutes: SessionLength,
  payment: PaymentChoice,
): PaymentCheck {
  const accepted = acceptedPaymentKinds(program);
  if (!accepted.includes(payment.kind)) {
    return { ok: false, code: 'payment-kind-not-accepted', field: 'payment.kind', accepted };
  }
  const pricing = pricingFor(program.pricing, lengthMinutes);
  if (payment.kind === 'sliding-scale' && pricing.model === 'sliding-scale') {
    const { minimum, maximum } = pricing;
    if (payment.amount < minimum) {
      return { ok: false, code: 'payment-below-minimum', field: 'payment.amount', limit: minimum };
    }
    if (maximum !== undefined && payment.amount > maximum) {
      return { ok: false, code: 'payment-above-maximum', field: 'payment.amount', limit: maximum };
    }
    return { ok: true, amount: payment.amount };
  }
  return {
    ok: true,
    amount: payment.kind === 'fixed' && pricing.model === 'fixed' ? pricing.price : 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Gift cards.

/**
 * A card's status on `today` (`YYYY-MM-DD`, in the program's zone): `pending` until it is paid and
 * delivered, then `expired` after its `expiresOn` (that day itself still counts), else `active`
 * with sessions left, else `used`.
 */
export function giftCardStatus(
  card: { sessionsRemaining: number; expiresOn?: string | undefined; pending?: boolean },
  today: string,
): GiftCardBalance['status'] {
  if (card.pending) return 'pending';
  if (card.expiresOn !== undefined && card.expiresOn < today) return 'expired';
  return card.sessionsRemaining > 0 ? 'active' : 'used';
}

/** Why a gift card cannot pay for a session; `code` is the API's error code. */
export type GiftCardProblem =
  | { code: 'gift-card-invalid'; reason: 'expired' | 'pending' }
  | { code: 'gift-card-used'; reason: 'used' }
  | { code: 'gift-card-wrong-length'; reason: 'wrong-length' };

/**
 * Why a card cannot pay for a session of `lengthMinutes`, or undefined when it can. `code` is the
 * API's error code: `gift-card-invalid` for a card expired or not yet paid and delivered,
 * `gift-card-used` for one with no session left, `gift-card-wrong-length` for one of another
 * length (a card without `lengthMinutes` covers any length).
 */
export function giftCardProblem(
  card: Pick<GiftCardBalance, 'status' | 'lengthMinutes'>,
  lengthMinutes: SessionLength,
): GiftCardProblem | undefined {
  if (card.status === 'pending') return { code: 'gift-card-invalid', reason: 'pending' };
  if (card.status === 'expired') return { code: 'gift-card-invalid', reason: 'expired' };
  if (card.status === 'used') return { code: 'gift-card-used', reason: 'used' };
  if (card.lengthMinutes !== undefined && card.lengthMinutes !== lengthMinutes) {
    return { code: 'gift-card-wrong-length', reason: 'wrong-length' };
  }
  return undefined;
}

/** What a card's balance holds: the part redemption changes. */
export interface GiftSessions {
  sessionsTotal: number;
  sessionsRemaining: number;
  usedUpAt?: string | undefined;
}

/**
 * The balance once a booking takes one session (`at`: the instant, ISO 8601). Never below zero;
 * the last one sets `usedUpAt`, when the backend tells the purchaser.
 */
export function takeGiftSession<T extends GiftSessions>(card: T, at: string): T {
  const sessionsRemaining = Math.max(0, card.sessionsRemaining - 1);
  return sessionsRemaining === 0 && card.sessionsRemaining > 0
    ? { ...card, sessionsRemaining, usedUpAt: at }
    : { ...card, sessionsRemaining };
}

/**
 * The balance once a session comes back (a free cancellation, a supporter's cancellation, a
 * decline): never above the total, and no longer used up.
 */
export function returnGiftSession<T extends GiftSessions>(card: T): T {
  const { usedUpAt: _, ...rest } = card;
  return {
    ...rest,
    sessionsRemaining: Math.min(card.sessionsTotal, card.sessionsRemaining + 1),
  } as T;
}

/** A purchase's field problem: `field` is the request's path, `code` the field error's code. */
export interface GiftPurchaseProblem {
  field: 'sessions' | 'lengthMinutes' | 'deliverOn';
  code: 'out_of_range' | 'required' | 'not_offered' | 'in_past';
}

/**
 * What is wrong with a purchase under the program's settings, with `today` the date in the
 * purchaser's `timeZone`: sessions from 1 to `maxSessions`; a length the program offers, required
 * unless its cards cover any length (then one sent is ignored); delivery today or later.
 */
export function giftPurchaseProblems(
  program: Pick<Program, 'giftCards' | 'sessionLengths'>,
  request: {
    sessions: number;
    lengthMinutes?: SessionLength | undefined;
    deliverOn?: string | undefined;
  },
  today: string,
): GiftPurchaseProblem[] {
  const problems: GiftPurchaseProblem[] = [];
  const { maxSessions, anyLength } = program.giftCards;
  if (request.sessions < 1 || request.sessions > maxSessions) {
    problems.push({ field: 'sessions', code: 'out_of_range' });
  }
  if (!anyLength) {
    if (request.lengthMinutes === undefined) {
      problems.push({ field: 'lengthMinutes', code: 'required' });
    } else if (!program.sessionLengths.includes(request.lengthMinutes)) {
      problems.push({ field: 'lengthMinutes', code: 'not_offered' });
    }
  }
  if (request.deliverOn !== undefined && request.deliverOn < today) {
    problems.push({ field: 'deliverOn', code: 'in_past' });
  }
  return problems;
}

/**
 * The last day a card bought on `purchasedOn` (`YYYY-MM-DD`) can be used: none unless the program
 * sets `expiresAfterYears` (then at least five years, the US federal minimum).
 */
export function giftCardExpiry(
  giftCards: Pick<Program['giftCards'], 'expiresAfterYears'>,
  purchasedOn: string,
): string | undefined {
  const years = giftCards.expiresAfterYears;
  if (years === undefined) return undefined;
  const [y, m, d] = purchasedOn.split('-').map(Number) as [number, number, number];
  // 29 February becomes 28 February in a year that has none.
  const date = new Date(Date.UTC(y + years, m - 1, d));
  if (date.getUTCDate() !== d) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Cancellation.

const ms = (instant: Date | string) =>
  typeof instant === 'string' ? Date.parse(instant) : instant.getTime();

/** The last instant a booking starting at `start` can be cancelled (or moved) free of charge. */
export function freeCancellationUntil(start: Date | string, windowHours: number): Date {
  return new Date(ms(start) - windowHours * HOUR_MS);
}

/**
 * Whether cancelling at `now` is free: at least `windowHours` before the start, exactly
 * `windowHours` before included. A booking can be moved under the same rule.
 */
export function isFreeCancellation(now: Date, start: Date | string, windowHours: number): boolean {
  return now.getTime() <= freeCancellationUntil(start, windowHours).getTime();
}

/** What a cancellation costs or returns; the amounts in minor units. */
export interface CancellationTerms {
  withinFreeWindow: boolean;
  outcome: BookingCancellation['outcome'];
  /** What the seeker still owes: the full fee after a late cancellation not yet paid, else 0. */
  feeDue: number;
  /** What is paid back: the amount paid, when the cancellation releases the booking's payment. */
  refunded: number;
  /**
   * Whether the payment is released: a payment not yet made is no longer due, one made is
   * refunded, and a gift session goes back to its card.
   */
  releasesPayment: boolean;
}

/**
 * The terms of cancelling a booking at `now`: free in the window (the boundary included) or
 * whenever the supporter cancels; later, the full fee stands, a gift session is spent, and a
 * free session still costs nothing.
 */
export function cancellationTerms(options: {
  now: Date;
  start: Date | string;
  windowHours: number;
  by: 'seeker' | 'supporter';
  payment: Pick<Booking['payment'], 'kind' | 'status' | 'amount'>;
}): CancellationTerms {
  const { payment } = options;
  const withinFreeWindow = isFreeCancellation(options.now, options.start, options.windowHours);
  if (withinFreeWindow || options.by === 'supporter') {
    const paid = payment.status === 'paid';
    return {
      withinFreeWindow,
      outcome: paid ? 'refunded' : 'no-charge',
      feeDue: 0,
      refunded: paid ? payment.amount.amount : 0,
      releasesPayment: true,
    };
  }
  const late = { withinFreeWindow, feeDue: 0, refunded: 0, releasesPayment: false };
  // Nothing is ever charged on a free program, late or not.
  if (payment.kind === 'free') return { ...late, outcome: 'no-charge' };
  // Late: the gifted session is spent, not returned to the card.
  if (payment.kind === 'gift-card') return { ...late, outcome: 'gift-session-used' };
  // Late: the full fee stands. What is still owed is that fee, unless it is already paid (then
  // nothing more is due, and nothing is refunded).
  const feeDue = payment.status === 'paid' ? 0 : payment.amount.amount;
  return { ...late, outcome: 'fee-due', feeDue };
}
