/**
 * The backend's answers as values: successes, and every refusal with its status, the contract's
 * error code and the messages people reading logs see (the elements show translated text from
 * the code, never these). One place, so the mock and the server refuse in the same words.
 */
import type * as z from 'zod/mini';
import type { EligibilityProblem, PaymentProblem } from '../api/booking-rules.js';
import { asksAge, type GiftCardProblem } from '../api/booking-rules.js';
import type { Eligibility, ErrorBody, ErrorCode, FieldError, SessionLength } from '../api/index.js';
import type { ApiFailure, ApiSuccess, ErrorStatus } from './backend.js';

export const ok = <T>(body: T, status: 200 | 201 = 200): ApiSuccess<T> => ({
  ok: true,
  status,
  body,
});

/** A typed error result. */
export function failure(
  status: ErrorStatus,
  code: ErrorCode,
  message: string,
  fieldErrors?: FieldError[],
): ApiFailure {
  const error: ErrorBody['error'] = { code, message };
  if (fieldErrors && fieldErrors.length > 0) error.fieldErrors = fieldErrors;
  return { ok: false, status, body: { error } };
}

/** Field errors from zod issues: `seeker.age`, `payment.amount`, ... */
export function fieldErrorsFromIssues(
  issues: readonly { path: readonly PropertyKey[]; code: string; message: string }[],
): FieldError[] {
  return issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
  }));
}

/** Parses a request body with its schema, or returns the 400 that a server would send. */
export function parseRequest<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
): { ok: true; value: z.infer<S> } | ApiFailure {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data as z.infer<S> };
  return failure(
    400,
    'invalid-request',
    'The request does not match the API contract.',
    fieldErrorsFromIssues(parsed.error.issues),
  );
}

export const noSuchSupporter = () => failure(404, 'not-found', 'No such supporter.');
export const noSuchBooking = () => failure(404, 'not-found', 'No such booking.');

/** 409 when the slot was open and is no longer; 422 when the supporter never offers it. */
export function slotRefusal(state: 'taken' | 'not-offered'): ApiFailure {
  return state === 'taken'
    ? failure(409, 'slot-taken', 'This time is no longer available. Please pick another.', [
        { field: 'slotStart', code: 'slot_taken', message: 'No longer an open slot.' },
      ])
    : failure(422, 'slot-not-offered', 'This time is not one the supporter offers.', [
        { field: 'slotStart', code: 'not_offered', message: 'Pick one of the listed slots.' },
      ]);
}

export const keyReused = () =>
  failure(
    422,
    'idempotency-key-reused',
    'This Idempotency-Key was already used for a different request.',
    [{ field: 'Idempotency-Key', code: 'reused', message: 'Use a new key for a new request.' }],
  );

export const keyRequired = () =>
  failure(400, 'invalid-request', 'This request needs an Idempotency-Key header.', [
    {
      field: 'Idempotency-Key',
      code: 'required',
      message: 'Send a UUID, and reuse it when retrying the same request.',
    },
  ]);

/** The longest Idempotency-Key the contract allows (its `maxLength`). */
export const MAX_IDEMPOTENCY_KEY = 255;

export const keyTooLong = () =>
  failure(400, 'invalid-request', 'The Idempotency-Key header is too long.', [
    {
      field: 'Idempotency-Key',
      code: 'too_big',
      message: `At most ${MAX_IDEMPOTENCY_KEY} characters: send a UUID.`,
    },
  ]);

/** The 500 of a failure injected on purpose (the mock's `failNext`). */
export const injectedFailure = () =>
  failure(500, 'internal', 'The mock failed this request on purpose; nothing was done.');

/** "aged 18 to 30", "aged 18 or older", "aged 30 or younger". */
function ageLimit({ minAge, maxAge }: Eligibility): string {
  if (minAge !== undefined && maxAge !== undefined) return `aged ${minAge} to ${maxAge}`;
  return minAge !== undefined ? `aged ${minAge} or older` : `aged ${maxAge} or younger`;
}

/** The field error of an eligibility problem, with a message for people reading logs. */
export function eligibilityError(
  problem: EligibilityProblem,
  eligibility: Eligibility,
): FieldError {
  const { field, code } = problem;
  let message: string;
  if (field === 'seeker.state') {
    message =
      code === 'required'
        ? 'Say which state you live in.'
        : `This program serves people living in ${eligibility.states.join(', ')}.`;
  } else if (code === 'out_of_range') {
    message = `This program is for people ${ageLimit(eligibility)}.`;
  } else {
    message =
      asksAge(eligibility) === 'range'
        ? `Confirm that you are ${ageLimit(eligibility)} (ageInRange) or give your age.`
        : `Give your age: this program is for people ${ageLimit(eligibility)}.`;
  }
  return { field, code, message };
}

export const notEligible = (errors: FieldError[]) =>
  failure(422, 'not-eligible', 'The seeker is not eligible for this booking.', errors);

export function paymentRefusal(problem: PaymentProblem, kind: string): ApiFailure {
  switch (problem.code) {
    case 'payment-kind-not-accepted': {
      const accepted = problem.accepted.join(' or ');
      const message =
        kind === 'gift-card'
          ? 'This program does not take gift cards.'
          : `This program takes ${accepted} payments.`;
      return failure(422, problem.code, message, [
        { field: problem.field, code: 'not_accepted', message: `Expected ${accepted}.` },
      ]);
    }
    case 'payment-below-minimum':
      return failure(422, problem.code, 'The amount is below the minimum.', [
        {
          field: problem.field,
          code: 'too_small',
          message: `The minimum is ${problem.limit} (minor units).`,
        },
      ]);
    case 'payment-above-maximum':
      return failure(422, problem.code, 'The amount is above the maximum.', [
        {
          field: problem.field,
          code: 'too_big',
          message: `The maximum is ${problem.limit} (minor units).`,
        },
      ]);
  }
}

const giftField = (code: string, message: string): FieldError[] => [
  { field: 'payment.code', code, message },
];

/** An unknown code and a wrong one are the same thing: a code that pays for nothing. */
export const giftCardInvalid = () =>
  failure(
    422,
    'gift-card-invalid',
    'This gift card code is not valid.',
    giftField('invalid', 'Check the code and try again.'),
  );

/** Why a card cannot pay for a booking, in the contract's words. */
export function giftCardRefusal(
  problem: GiftCardProblem,
  card: { expiresOn?: string; lengthMinutes?: SessionLength },
): ApiFailure {
  switch (problem.reason) {
    case 'pending':
      return failure(
        422,
        problem.code,
        'This gift card is not active yet.',
        giftField('pending', 'It works once it has been paid and delivered.'),
      );
    case 'expired':
      return failure(
        422,
        problem.code,
        'This gift card has expired.',
        giftField('expired', `Expired on ${card.expiresOn}.`),
      );
    case 'used':
      return giftCardUsed();
    case 'wrong-length':
      return failure(
        422,
        problem.code,
        `This gift card is for ${card.lengthMinutes}-minute sessions.`,
        giftField(
          'wrong_length',
          `Choose a ${card.lengthMinutes}-minute session to use this card.`,
        ),
      );
  }
}

export const giftCardUsed = () =>
  failure(
    422,
    'gift-card-used',
    'All sessions on this gift card have been used.',
    giftField('used', 'No sessions left on this card.'),
  );
