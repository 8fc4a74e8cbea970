/**
 * The booking flow's step model, pure: which steps apply to this program and supporter, what each
 * needs from the draft, and where a person may go. The element renders; this decides (STYLE: a
 * condition per step, as Lion's `LionSteps` has).
 */
import type { Modality, Program, SessionLength } from '../../api/schemas.js';
import { acceptedPaymentKinds } from '../../api/booking-rules.js';
import {
  draftProblems,
  effectivePricing,
  normalizeCode,
  typedAmount,
  type BookingDraft,
  type DraftContext,
  type GiftCheck,
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
  price: ['amount', 'giftCode', 'payment'],
  review: [],
};

export interface FlowContext extends DraftContext {
  /** The supporter came from the `supporter-id` attribute or the provider's selection. */
  supporterGiven: boolean;
}

/** Session lengths open to this booking: the program's, narrowed to the supporter's when known. */
function lengthsFor(
  program: Program,
  supporterLengths: readonly SessionLength[] | undefined,
): SessionLength[] {
  return program.sessionLengths.filter((n) => !supporterLengths || supporterLengths.includes(n));
}

/** Ways of meeting open to this booking: the program's, narrowed to the supporter's when known. */
function modalitiesFor(
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

/** The flow's context from what is loaded: the program, the supporter, a checked gift code. */
export function flowContext(
  program: Program,
  supporter:
    { sessionLengths: SessionLength[]; modalities: Modality[]; states: string[] } | undefined,
  checked: GiftCheck | undefined,
  supporterGiven: boolean,
  draft: BookingDraft,
): FlowContext {
  // A gift counts where the program takes gift cards, and only for the code typed now.
  const takesGifts = acceptedPaymentKinds(program).includes('gift-card');
  let gift = takesGifts && checked?.code === normalizeCode(draft.giftCode) ? checked : undefined;
  const offered = lengthsFor(program, supporter?.sessionLengths);
  const giftLength = gift?.balance && !gift.problem ? gift.balance.lengthMinutes : undefined;
  // A length the person chose themselves is not changed behind their back: the code says why.
  const chosen = draft.lengthMinutes && !draft.assumed.includes('lengthMinutes');
  const fits =
    giftLength !== undefined &&
    offered.includes(giftLength) &&
    (!chosen || draft.lengthMinutes === giftLength);
  // A card without a length covers any length: it narrows nothing.
  if (gift && giftLength && !fits) gift = { ...gift, problem: 'wrong-length' };
  return {
    program,
    lengths: fits ? [giftLength] : offered,
    modalities: modalitiesFor(program, supporter?.modalities),
    gift,
    supporterGiven,
    ...(supporter ? { supporterStates: supporter.states } : {}),
  };
}

/**
 * The draft with what needs no question filled in: the only length or way of meeting, and on the
 * price step the suggested amount (preselected, never an empty amount to invent); each marked as
 * assumed. A length or way of meeting this supporter does not offer (another's) is dropped.
 */
export function withDefaults(draft: BookingDraft, flow: FlowContext, step?: StepId): BookingDraft {
  const next = { ...draft };
  const assumed = new Set(draft.assumed);
  if (next.lengthMinutes && !flow.lengths.includes(next.lengthMinutes)) {
    next.lengthMinutes = undefined;
    next.slotStart = '';
  }
  if (next.modality && !flow.modalities.includes(next.modality)) next.modality = undefined;
  if (!next.lengthMinutes && flow.lengths.length === 1) {
    next.lengthMinutes = flow.lengths[0];
    assumed.add('lengthMinutes');
  }
  if (!next.modality && flow.modalities.length === 1) {
    next.modality = flow.modalities[0];
    assumed.add('modality');
  }
  const pricing = effectivePricing(flow, next);
  if (step === 'price' && !next.amount && pricing.model === 'sliding-scale') {
    next.amount = typedAmount(pricing.suggested, flow.program.currency);
    assumed.add('amount');
  }
  const same =
    next.lengthMinutes === draft.lengthMinutes &&
    next.modality === draft.modality &&
    next.amount === draft.amount &&
    next.slotStart === draft.slotStart;
  return same ? draft : { ...next, assumed: [...assumed] };
}
