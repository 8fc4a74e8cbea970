/**
 * The field helpers every flow's steps share (booking, gift cards): a field's problem message,
 * its error text and the `aria-describedby` that links them, and money for the locale. Not in the
 * core chunk (`form-` modules travel with the flows), and kept small: a page with one flow pays
 * for what it shares with the other as a chunk of its own (QUALITY P1).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { format } from '../i18n/locale.js';

/** An attribute that is left out when there is no value (no directive needed: `nothing`). */
export const opt = <T>(value: T | undefined) => value ?? nothing;

/** What the field helpers need of a flow's view. */
export interface ProblemView {
  t: { problems: { unknown: string } };
  /** The problem code shown for a field now (touched, submitted or from the server). */
  problem: (field: string) => string | undefined;
  /** Values for placeholders in problem messages ({min}, {max} ...). */
  values: Record<string, string | number>;
}

/** The words for a field's problem: each field and code has its own message. */
export function messageFor(v: ProblemView, field: string, code: string): string {
  const messages = v.t.problems as Record<string, string>;
  const text = messages[`${field}:${code}`] ?? messages[`${field}:invalid`] ?? v.t.problems.unknown;
  return format(text, v.values);
}

/** The id of a field's error text, for `aria-describedby`. */
const errorId = (field: string) => `${field}-error`;

export function describedBy(v: ProblemView, field: string, hint?: boolean): string | undefined {
  const ids = [hint ? `${field}-hint` : '', v.problem(field) ? errorId(field) : '']
    .filter(Boolean)
    .join(' ');
  return ids || undefined;
}

export function errorText(v: ProblemView, field: string): TemplateResult | typeof nothing {
  const code = v.problem(field);
  return code
    ? html`<p class="field-error" id=${errorId(field)} part="field-error">
        ${messageFor(v, field, code)}
      </p>`
    : nothing;
}

export const inputValue = (event: Event) => (event.target as HTMLInputElement).value;
export const checked = (event: Event) => (event.target as HTMLInputElement).checked;

/** Digits after the decimal point of the currency (2 for USD). */
export function fractionDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits!;
}

/**
 * Minor units as a person reads money: 4500 USD → "$45" (en and es: US dollars in Spanish as a US
 * reader expects them, not "45 US$"); cents only when there are some.
 */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = fractionDigits(currency);
  const tag = locale === 'es' && currency === 'USD' ? 'es-US' : locale;
  return new Intl.NumberFormat(tag, {
    style: 'currency',
    currency,
    ...(minor % 10 ** digits === 0 ? { minimumFractionDigits: 0 } : {}),
  }).format(minor / 10 ** digits);
}
