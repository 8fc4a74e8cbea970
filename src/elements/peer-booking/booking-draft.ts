/**
 * What the person typed, held in the element (never the DOM, never storage), and what the API
 * needs from it. Back, a language switch, a 409 or a failed submit keep every field (STYLE).
 */
import * as z from 'zod/mini';
import { formatMoney, fractionDigits } from '../../internal/form-fields.js';
import type { BookingRequest, PaymentChoice } from '../../api/booking-schemas.js';
import type { GiftCardBalance } from '../../api/gift-card-schemas.js';
import { EmailSchema, type Modality, type Program, type SessionLength } from '../../api/schemas.js';
import {
  acceptedPaymentKinds,
  asksAge,
  eligibilityProblems,
  pricingFor,
} from '../../api/booking-rules.js';
import type { SupporterSelection } from '../../events.js';

export interface BookingDraft {
  supporterId: string;
  lengthMinutes?: SessionLength | undefined;
  modality?: Modality | undefined;
  /** ISO start of the chosen slot, as the API gave it. */
  slotStart: string;
  /** The zone times are shown in (the seeker's, unless they changed it). */
  timeZone: string;
  state: string;
  /** As typed. */
  age: string;
  /** The answer to "are you between … and …?" when the program asks it that way. */
  ageInRange: '' | 'yes' | 'no';
  name: string;
  email: string;
  pronouns: string;
  note: string;
  notTherapy: boolean;
  privacy: boolean;
  cancellation: boolean;
  /** Pay-what-you-can amount as typed, in major units ("45", "45.50"). */
  amount: string;
  /** Gift code as typed. */
  giftCode: string;
  /**
   * Answers the element filled in, not the person: the only length or way of meeting a supporter
   * offers, the suggested amount. Another supporter or length asks them again.
   */
  assumed: readonly AssumedField[];
}

export type AssumedField = 'lengthMinutes' | 'modality' | 'amount';
export type DraftField = Exclude<keyof BookingDraft, 'timeZone' | 'assumed'>;

/** Field → problem code; the element turns a code into words. */
export type Problems = Partial<Record<string, string>>;

/** A gift code the API was asked about: its balance, or why it cannot be used. */
export interface GiftCheck {
  code: string;
  balance?: GiftCardBalance;
  problem?: 'unknown' | 'pending' | 'used' | 'expired' | 'wrong-length';
}

export interface DraftContext {
  program: Program;
  lengths: readonly SessionLength[];
  modalities: readonly Modality[];
  gift?: GiftCheck | undefined;
  /** States the chosen supporter is certified in, once their profile is known. */
  supporterStates?: readonly string[];
}

export function emptyDraft(timeZone: string): BookingDraft {
  return {
    supporterId: '',
    slotStart: '',
    timeZone,
    state: '',
    age: '',
    ageInRange: '',
    name: '',
    email: '',
    pronouns: '',
    note: '',
    notTherapy: false,
    privacy: false,
    cancellation: false,
    amount: '',
    giftCode: '',
    assumed: [],
  };
}

/**
 * The draft with the person's answer to `field`: no longer assumed; a new supporter or length
 * clears the time (and a suggested amount, which depends on the length).
 */
export function withAnswer<K extends keyof BookingDraft>(
  draft: BookingDraft,
  field: K,
  value: BookingDraft[K],
): BookingDraft {
  if (field === 'supporterId') return withSelection(draft, { supporterId: value as string });
  const next: BookingDraft = {
    ...draft,
    [field]: value,
    assumed: draft.assumed.filter((f) => f !== field),
  };
  if (field === 'lengthMinutes') next.slotStart = '';
  if (field === 'lengthMinutes' && draft.assumed.includes('amount')) {
    next.amount = '';
    next.assumed = next.assumed.filter((f) => f !== 'amount');
  }
  return next;
}

/**
 * The draft after a supporter (and maybe a time) was chosen. A new supporter clears the time and
 * what was assumed for the previous one (their only length or way of meeting): the new one is
 * asked. What the person answered stays.
 */
export function withSelection(
  draft: BookingDraft,
  { supporterId, slotStart, lengthMinutes }: Partial<SupporterSelection>,
): BookingDraft {
  const other = supporterId !== draft.supporterId;
  if (supporterId === undefined) return draft;
  const next = { ...draft, supporterId, slotStart: slotStart ?? (other ? '' : draft.slotStart) };
  const assumed = new Set(draft.assumed);
  if (other && assumed.delete('modality')) next.modality = undefined;
  if (lengthMinutes) {
    next.lengthMinutes = lengthMinutes;
    assumed.delete('lengthMinutes');
  } else if (other && assumed.delete('lengthMinutes')) next.lengthMinutes = undefined;
  if (next.lengthMinutes !== draft.lengthMinutes) {
    if (!slotStart) next.slotStart = '';
    if (assumed.delete('amount')) next.amount = '';
  }
  return { ...next, assumed: [...assumed] };
}

/** A gift code in the contract's form: upper case, no spaces. */
export { formatMoney, fractionDigits };

export const normalizeCode = (code: string) => code.trim().toUpperCase().replace(/\s+/g, '');
/** The contract's `GiftCodeSchema` (not imported: its module is the gift-card element's). */
const GiftCodeFormat = z.string().check(z.regex(/^[A-Z0-9]{4}(?:-[A-Z0-9]{4}){3,7}$/));

/** The gift that pays for this booking, when the code was checked and has sessions left. */
export function activeGift(ctx: DraftContext, draft: BookingDraft): GiftCardBalance | undefined {
  const gift = ctx.gift;
  return gift?.balance && !gift.problem && gift.code === normalizeCode(draft.giftCode)
    ? gift.balance
    : undefined;
}

/** An amount typed in major units ("45", "45.5", "45,50") in minor units, or NaN. */
export function parseAmount(typed: string, currency: string): number {
  const digits = fractionDigits(currency);
  const match = /^\s*(\d{1,7})(?:[.,](\d+))?\s*$/.exec(typed);
  if (!match || (match[2]?.length ?? 0) > digits) return NaN;
  const fraction = (match[2] ?? '').padEnd(digits, '0');
  return Number(match[1]) * 10 ** digits + Number(fraction || 0);
}

/** Minor units as the number input shows them: 4500 → "45", 4550 → "45.50". */
export function typedAmount(minor: number, currency: string): string {
  const digits = fractionDigits(currency);
  const major = minor / 10 ** digits;
  return Number.isInteger(major) ? String(major) : major.toFixed(digits);
}

/** The pricing of the chosen (or only) length. */
export function effectivePricing(ctx: DraftContext, draft: BookingDraft) {
  const length = draft.lengthMinutes ?? (ctx.lengths.length === 1 ? ctx.lengths[0] : undefined);
  return length ? pricingFor(ctx.program.pricing, length) : ctx.program.pricing;
}

/** Problems of the given fields (every field when none are named). */
export function draftProblems(
  draft: BookingDraft,
  ctx: DraftContext,
  fields?: readonly string[],
): Problems {
  const problems: Problems = {};
  const want = (field: string) => !fields || fields.includes(field);
  const need = (field: DraftField, ok: unknown) => {
    if (want(field) && !ok) problems[field] = 'required';
  };
  need('supporterId', draft.supporterId);
  need('lengthMinutes', draft.lengthMinutes && ctx.lengths.includes(draft.lengthMinutes));
  need('modality', draft.modality && ctx.modalities.includes(draft.modality));
  need('slotStart', draft.slotStart);

  const eligibility = ctx.program.eligibility;
  const question = asksAge(eligibility);
  const age = draft.age.trim();
  // Digits, and an age a person can have (the contract takes 0 to 130).
  if (want('age') && question === 'age' && age && !(/^\d{1,3}$/.test(age) && Number(age) <= 130))
    problems.age = 'invalid';
  for (const { field, code } of eligibilityProblems(eligibility, {
    state: draft.state || undefined,
    ...(question === 'age' && /^\d{1,3}$/.test(age) ? { age: Number(age) } : {}),
    ...(question === 'range' && draft.ageInRange ? { ageInRange: draft.ageInRange === 'yes' } : {}),
  })) {
    const key = field === 'seeker.state' ? 'state' : question === 'range' ? 'ageInRange' : 'age';
    if (want(key)) problems[key] ??= code;
  }
  // Served by the program, but not by this supporter: said here, not after Send.
  const certified = ctx.supporterStates;
  if (
    want('state') &&
    !problems.state &&
    draft.state &&
    certified &&
    !certified.includes(draft.state)
  )
    problems.state = 'not_certified';

  const name = draft.name.trim();
  need('name', name);
  if (want('name') && name.length > 120) problems.name = 'too-long';
  const email = draft.email.trim();
  need('email', email);
  if (want('email') && email && !z.safeParse(EmailSchema, email).success)
    problems.email = 'invalid';
  if (want('pronouns') && draft.pronouns.trim().length > 40) problems.pronouns = 'too-long';
  if (want('note') && draft.note.length > 1000) problems.note = 'too-long';

  need('notTherapy', draft.notTherapy);
  need('privacy', draft.privacy);
  need('cancellation', draft.cancellation);

  const code = normalizeCode(draft.giftCode);
  // A program that takes no gift cards ignores a code (from a link, say): it cannot block a step.
  if (want('giftCode') && code && acceptedPaymentKinds(ctx.program).includes('gift-card')) {
    if (!z.safeParse(GiftCodeFormat, code).success) problems.giftCode = 'invalid';
    else if (ctx.gift?.code !== code) problems.giftCode = 'unchecked';
    else if (ctx.gift.problem) problems.giftCode = ctx.gift.problem;
  }
  const pricing = effectivePricing(ctx, draft);
  if (want('amount') && pricing.model === 'sliding-scale' && !activeGift(ctx, draft)) {
    const amount = parseAmount(draft.amount, ctx.program.currency);
    if (!draft.amount.trim()) problems.amount = 'required';
    else if (Number.isNaN(amount)) problems.amount = 'invalid';
    else if (amount < pricing.minimum) problems.amount = 'below-minimum';
    else if (pricing.maximum !== undefined && amount > pricing.maximum)
      problems.amount = 'above-maximum';
  }
  return problems;
}

/**
 * Whether the answers show the program cannot serve this person (not a typo: a state it does not
 * serve, an age outside its range). Then nothing is sent, and the element says where else to go.
 */
export function isIneligible(draft: BookingDraft, ctx: DraftContext): boolean {
  const problems = draftProblems(draft, ctx, ['state', 'age', 'ageInRange']);
  return Object.values(problems).some((code) => code === 'not_served' || code === 'out_of_range');
}

/** How the seeker pays, for the request. */
export function paymentOf(draft: BookingDraft, ctx: DraftContext): PaymentChoice {
  const gift = activeGift(ctx, draft);
  if (gift) return { kind: 'gift-card', code: gift.code };
  const pricing = effectivePricing(ctx, draft);
  if (pricing.model === 'sliding-scale') {
    return { kind: 'sliding-scale', amount: parseAmount(draft.amount, ctx.program.currency) };
  }
  return { kind: pricing.model };
}

/** The request for a complete draft (every step's problems empty). */
export function requestOf(draft: BookingDraft, ctx: DraftContext): BookingRequest {
  const question = asksAge(ctx.program.eligibility);
  const pronouns = draft.pronouns.trim();
  const note = draft.note.trim();
  return {
    supporterId: draft.supporterId,
    slotStart: draft.slotStart,
    lengthMinutes: draft.lengthMinutes!,
    modality: draft.modality!,
    seeker: {
      name: draft.name.trim(),
      email: draft.email.trim(),
      state: draft.state,
      ...(question === 'age' ? { age: Number(draft.age.trim()) } : {}),
      ...(question === 'range' ? { ageInRange: true as const } : {}),
      ...(pronouns ? { pronouns } : {}),
    },
    policies: { notTherapy: true, cancellation: true, privacy: true },
    payment: paymentOf(draft, ctx),
    timeZone: draft.timeZone,
    ...(note ? { note } : {}),
  };
}

/** Where a server's field error belongs in the form: `seeker.email` → `email`. */
export function fieldOfPath(path: string): string {
  const map: Record<string, string> = {
    'seeker.name': 'name',
    'seeker.email': 'email',
    'seeker.age': 'age',
    'seeker.ageInRange': 'ageInRange',
    'seeker.state': 'state',
    'seeker.pronouns': 'pronouns',
    'payment.amount': 'amount',
    'payment.code': 'giftCode',
    'payment.kind': 'payment',
    payment: 'payment',
  };
  return map[path] ?? path.split('.')[0]!;
}

/** The pay-what-you-can choices offered as buttons: the minimum, the suggestion, and more. */
export function presetAmounts(pricing: {
  suggested: number;
  minimum: number;
  maximum?: number | undefined;
}) {
  const more =
    pricing.suggested + Math.max(pricing.suggested - pricing.minimum, pricing.suggested / 2);
  const step = 10 ** 2;
  const above = Math.round(more / step) * step;
  const list = [pricing.minimum, pricing.suggested, above].filter(
    (n) => pricing.maximum === undefined || n <= pricing.maximum,
  );
  return [...new Set(list)].sort((a, b) => a - b);
}

/**
 * The draft for booking again: the same supporter's times (from a booking link the draft knows
 * nothing yet, so the booking's length and way of meeting come with it), or the chooser. Every
 * answer about the person stays.
 */
export function rebookDraft(
  draft: BookingDraft,
  same?: { supporterId: string; lengthMinutes: SessionLength; modality: Modality },
): BookingDraft {
  const next = withSelection(draft, {
    supporterId: same?.supporterId ?? '',
    ...(same ? { lengthMinutes: same.lengthMinutes } : {}),
  });
  return { ...next, ...(same ? { modality: same.modality } : {}), slotStart: '' };
}
