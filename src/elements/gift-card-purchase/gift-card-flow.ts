/**
 * The purchase's pure step model (as `peer-booking/booking-flow.ts`): the draft, which steps there
 * are, what each needs, and the request the draft makes. No Lit, no DOM, no storage.
 */
import * as z from 'zod/mini';
import type { GiftCardPurchaseRequest } from '../../api/gift-card-schemas.js';
import { EmailSchema, type Program, type SessionLength } from '../../api/schemas.js';
import { giftSessionPrice } from '../../api/gift-card-rules.js';

export type GiftSettings = Program['giftCards'];

export type GiftStep = 'sessions' | 'who' | 'message' | 'review';
export const giftSteps: readonly GiftStep[] = ['sessions', 'who', 'message', 'review'];

export interface GiftDraft {
  /** A package's number of sessions, or `other` for a number typed in. */
  choice: number | 'other' | undefined;
  customSessions: string;
  lengthMinutes: SessionLength | undefined;
  purchaserName: string;
  purchaserEmail: string;
  forMe: boolean;
  recipientName: string;
  recipientEmail: string;
  message: string;
  delivery: 'today' | 'date';
  deliverOn: string;
  timeZone: string;
}

export type GiftField = keyof GiftDraft;
export type Problems = Partial<Record<string, string>>;

export const MESSAGE_MAX = 500;

export const emptyGiftDraft = (timeZone: string): GiftDraft => ({
  choice: undefined,
  customSessions: '',
  lengthMinutes: undefined,
  purchaserName: '',
  purchaserEmail: '',
  forMe: false,
  recipientName: '',
  recipientEmail: '',
  message: '',
  delivery: 'today',
  deliverOn: '',
  timeZone,
});

export const giftSettings = (program: Program): GiftSettings => program.giftCards;

/** The contract's own limit on a purchase's sessions (`GiftCardPurchaseRequestSchema`). */
export const CONTRACT_MAX_SESSIONS = 20;

/** The most sessions one gift may hold: the program's limit, within the contract's. */
export const maxSessionsOf = (settings: GiftSettings): number =>
  Math.min(settings.maxSessions, CONTRACT_MAX_SESSIONS);

/** The packages offered: the program's, within its limit, else 1 and the limit. */
export function packagesOf(settings: GiftSettings): number[] {
  const max = maxSessionsOf(settings);
  const own = (settings.packages ?? []).filter((n) => Number.isInteger(n) && n >= 1 && n <= max);
  return own.length ? [...new Set(own)] : [...new Set([1, max])];
}

/** The lengths to choose from: none when a gift covers any length or there is only one. */
export function lengthChoices(program: Program): readonly SessionLength[] {
  return giftSettings(program).anyLength || program.sessionLengths.length < 2
    ? []
    : program.sessionLengths;
}

/** The length the request names: the chosen one, the only one, or none (any length). */
export function lengthOf(draft: GiftDraft, program: Program): SessionLength | undefined {
  if (giftSettings(program).anyLength) return undefined;
  return lengthChoices(program).length ? draft.lengthMinutes : program.sessionLengths[0];
}

/** What the gift costs, minor units (NaN until a number of sessions is chosen). */
export function totalOf(draft: GiftDraft, program: Program): number {
  return giftSessionPrice(program, lengthOf(draft, program)) * sessionsOf(draft);
}

/** The number of sessions chosen, or NaN when none (or no whole number) is. */
export function sessionsOf(draft: GiftDraft): number {
  if (draft.choice === 'other') {
    const text = draft.customSessions.trim();
    return /^\d+$/.test(text) ? Number(text) : NaN;
  }
  return draft.choice ?? NaN;
}

/** Today's date (`YYYY-MM-DD`) in `timeZone`. */
export function todayIn(timeZone: string, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** The contract's own check (`EmailSchema`), so what passes here the client also sends. */
const email = (value: string) =>
  value.trim()
    ? z.safeParse(EmailSchema, value.trim()).success
      ? undefined
      : 'invalid'
    : 'required';

/** The fields each step asks, in their order on screen (the first invalid one takes focus). */
export function stepFields(step: GiftStep, draft: GiftDraft): readonly string[] {
  switch (step) {
    case 'sessions':
      return ['sessions', 'lengthMinutes'];
    case 'who':
      return draft.forMe
        ? ['purchaserName', 'purchaserEmail']
        : ['purchaserName', 'purchaserEmail', 'recipientName', 'recipientEmail'];
    case 'message':
      return ['message', 'deliverOn'];
    default:
      return [];
  }
}

/** Every problem of the draft, by field (the form helper decides which show). */
export function giftProblems(draft: GiftDraft, program: Program, now = new Date()): Problems {
  const max = maxSessionsOf(giftSettings(program));
  const sessions = sessionsOf(draft);
  const problems: Problems = {
    sessions:
      draft.choice === undefined || (draft.choice === 'other' && !draft.customSessions.trim())
        ? 'required'
        : Number.isInteger(sessions) && sessions >= 1 && sessions <= max
          ? undefined
          : 'out_of_range',
    lengthMinutes:
      lengthChoices(program).length && draft.lengthMinutes === undefined ? 'required' : undefined,
    purchaserName: draft.purchaserName.trim() ? undefined : 'required',
    purchaserEmail: email(draft.purchaserEmail),
    message: draft.message.length > MESSAGE_MAX ? 'invalid' : undefined,
  };
  if (!draft.forMe) {
    problems.recipientName = draft.recipientName.trim() ? undefined : 'required';
    problems.recipientEmail = email(draft.recipientEmail);
  }
  if (draft.delivery === 'date') {
    problems.deliverOn = !draft.deliverOn
      ? 'required'
      : draft.deliverOn < todayIn(draft.timeZone, now)
        ? 'in_past'
        : undefined;
  }
  return problems;
}

/** Whether every step before `step` is complete (the step list may open it). */
export function canOpen(step: GiftStep, draft: GiftDraft, program: Program): boolean {
  const problems = giftProblems(draft, program);
  const before = giftSteps.slice(0, giftSteps.indexOf(step));
  return before.every((s) => stepFields(s, draft).every((f) => !problems[f]));
}

export type GiftPurchaseRequest = GiftCardPurchaseRequest;

export function requestOf(draft: GiftDraft, program: Program): GiftPurchaseRequest {
  const length = lengthOf(draft, program);
  const message = draft.message.trim();
  return {
    sessions: sessionsOf(draft),
    ...(length ? { lengthMinutes: length } : {}),
    purchaser: { name: draft.purchaserName.trim(), email: draft.purchaserEmail.trim() },
    ...(draft.forMe
      ? {}
      : { recipient: { name: draft.recipientName.trim(), email: draft.recipientEmail.trim() } }),
    ...(message ? { message } : {}),
    ...(draft.delivery === 'date' && draft.deliverOn ? { deliverOn: draft.deliverOn } : {}),
    timeZone: draft.timeZone,
  };
}

/** Server field paths (`purchaser.email`) onto the draft's fields (`purchaserEmail`). */
export function fieldOf(path: string): string {
  const [head = '', tail = ''] = path.split('.');
  if (head === 'purchaser' || head === 'recipient')
    return head + tail.charAt(0).toUpperCase() + tail.slice(1);
  return head;
}

/** Gift codes as the contract spells them. */
export const CODE = /^[A-Z0-9]{4}(-[A-Z0-9]{4}){3,7}$/;
export const normalizeCode = (code: string) => code.trim().toUpperCase();
