/**
 * What a refused booking means for the form: which fields are wrong and why, from the API's error
 * code and field errors. Each refusal the flow must explain has its own problem code on its own
 * field; the element turns codes into words (never the server's prose).
 */
import { isApiError } from '../../api/errors.js';
import { fieldOfPath } from './booking-draft.js';
import type { Problems } from './booking-draft.js';
import type { Slot } from '../../api/schemas.js';
import { stepFields, type StepId } from './booking-flow.js';

export interface Refusal {
  /** Problems by form field. */
  problems: Problems;
  /** The slot list must be reloaded (the time was taken or is no longer offered). */
  reloadSlots?: boolean;
  /** A new idempotency key is needed: the same key was used for another request. */
  newKey?: boolean;
  /** Not a problem of any field: the review step says it (`general` is its code). */
  general?: string;
}

const byCode: Readonly<Record<string, Refusal>> = {
  'slot-taken': { problems: { slotStart: 'taken' }, reloadSlots: true },
  'slot-not-offered': { problems: { slotStart: 'not-offered' }, reloadSlots: true },
  'payment-below-minimum': { problems: { amount: 'below-minimum' } },
  'payment-above-maximum': { problems: { amount: 'above-maximum' } },
  'payment-kind-not-accepted': { problems: { payment: 'kind-not-accepted' } },
  'gift-card-invalid': { problems: { giftCode: 'unknown' } },
  'gift-card-used': { problems: { giftCode: 'used' } },
  'gift-card-wrong-length': { problems: { giftCode: 'wrong-length' } },
  'idempotency-key-reused': { problems: {}, newKey: true, general: 'changed' },
  'rate-limited': { problems: {}, general: 'rate-limited' },
};

/** The refusal in a failed `createBooking`, or undefined when it was not a refusal (network, 5xx). */
export function refusalOf(error: unknown): Refusal | undefined {
  if (!isApiError(error) || error.kind !== 'http' || !error.body) return undefined;
  const status = error.status ?? 0;
  if (status >= 500) return undefined;
  const { code, fieldErrors = [] } = error.body.error;
  const known = byCode[code];
  const problems: Problems = { ...known?.problems };
  for (const { field, code: fieldCode } of fieldErrors) {
    const key = fieldOfPath(field);
    // The code's own problem wins over the field error that repeats it.
    problems[key] ??= fieldCode;
  }
  if (known) return { ...known, problems };
  if (Object.keys(problems).length) return { problems };
  return { problems, general: status === 404 ? 'supporter-gone' : 'refused' };
}

/**
 * A refusal's problems once the slot list is fresh again: a taken (or no longer offered) time
 * comes back with the next open time after it selected instead, or, if none is left, says so.
 */
export async function settleRefusal(
  refusal: Refusal,
  chosen: string,
  reloadSlots: () => Promise<readonly Slot[] | undefined>,
): Promise<{ problems: Problems; slotStart?: string }> {
  if (!refusal.reloadSlots) return { problems: refusal.problems };
  const slots = (await reloadSlots()) ?? [];
  const next = slots.find((s) => Date.parse(s.start) > Date.parse(chosen)) ?? slots[0];
  const problems = { ...refusal.problems, slotStart: next ? 'taken-next' : 'taken' };
  if (refusal.problems['slotStart'] === 'not-offered' && next) problems.slotStart = 'not-offered';
  return next ? { problems, slotStart: next.start } : { problems };
}

/** The first step (in the flow's order) that asks for one of `fields`. */
export function stepOf(steps: readonly StepId[], fields: readonly string[]): StepId | undefined {
  return steps.find((s) => stepFields[s].some((f) => fields.includes(f)));
}
