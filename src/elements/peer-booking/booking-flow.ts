/**
 * The booking flow's step model, pure: which steps apply to this program and supporter, what each
 * needs from the draft, and where a person may go. The element renders; this decides (STYLE: a
 * condition per step, as Lion's `LionSteps` has).
 */
import type { Modality, Program, SessionLength } from '../../api/schemas.js';
import { pricingFor } from '../../api/booking-rules.js';
import {
  draftProblems,
  type BookingDraft,
  type DraftContext,
  type Problems,
} from './booking-draft.js';

export type StepId =
  'supporter' | 'session' | 'time' | 'eligibility' | 'about' | 'policies' | 'price' | 'review';

/** The fields each step asks for, in the order they appear (the first invalid one takes focus). */
export const stepFields: Readonly<Record<StepId, readonly string[]>> = {
  supporter: ['supporterId'],
  session: ['lengthMinutes', 'modality'],
  time: ['slotStart'],
  eligibility: ['state', 'age', 'ageInRange'],
  about: ['name', 'email', 'pronouns', 'note'],
  policies: ['notTherapy', 'privacy', 'cancellation'],
  price: ['amount', 'giftCode'],
  review: [],
};

export interface FlowContext extends DraftContext {
  /** The supporter came from the `supporter-id` attribute or the provider's selection. */
  supporterGiven: boolean;
}

/** Session lengths open to this booking: the program's, the supporter's, and a gift's. */
export function lengthsFor(
  program: Program,
  supporterLengths: readonly SessionLength[] | undefined,
  giftLength?: SessionLength,
): SessionLength[] {
  const offered = program.sessionLengths.filter(
    (n) => !supporterLengths || supporterLengths.includes(n),
  );
  return giftLength ? offered.filter((n) => n === giftLength) : offered;
}

/** Ways of meeting open to this booking: the program's, narrowed to the supporter's when known. */
export function modalitiesFor(
  program: Program,
  supporterModalities: readonly Modality[] | undefined,
): Modality[] {
  return program.modalities.filter((m) => !supporterModalities || supporterModalities.includes(m));
}

/** The steps that apply, in order. A question with a single answer is not asked. */
export function stepsFor(ctx: FlowContext): StepId[] {
  const steps: StepId[] = [];
  if (!ctx.supporterGiven) steps.push('supporter');
  if (ctx.lengths.length > 1 || ctx.modalities.length > 1) steps.push('session');
  steps.push('time', 'eligibility', 'about', 'policies');
  const pricing = ctx.program.pricing;
  if (pricing.model !== 'free') steps.push('price');
  steps.push('review');
  return steps;
}

/** What is missing or wrong in one step: field → problem code. Empty when the step is done. */
export function stepProblems(step: StepId, draft: BookingDraft, ctx: FlowContext): Problems {
  return draftProblems(draft, ctx, stepFields[step]);
}

/** The first step that is not done, or `review` when every step before it is. */
export function firstOpenStep(steps: readonly StepId[], draft: BookingDraft, ctx: FlowContext) {
  return steps.find((step) => Object.keys(stepProblems(step, draft, ctx)).length > 0) ?? 'review';
}

/**
 * Whether a person may open `step` from the step list: every step before it is done (Back and
 * the list never lose data; they only refuse to skip a question).
 */
export function canOpen(
  steps: readonly StepId[],
  step: StepId,
  draft: BookingDraft,
  ctx: FlowContext,
): boolean {
  const index = steps.indexOf(step);
  return (
    index >= 0 &&
    steps.slice(0, index).every((s) => Object.keys(stepProblems(s, draft, ctx)).length === 0)
  );
}

/** The price of the chosen length, as the program states it (per-length amounts applied). */
export function pricingOf(ctx: DraftContext, draft: BookingDraft) {
  const length = draft.lengthMinutes ?? ctx.lengths[0];
  return length ? pricingFor(ctx.program.pricing, length) : ctx.program.pricing;
}
