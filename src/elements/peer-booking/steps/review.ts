import { html, nothing, type TemplateResult } from 'lit';
import { asksAge } from '../../../api/booking-rules.js';
import { format } from '../../../i18n/locale.js';
import { activeGift, effectivePricing, formatMoney, parseAmount } from '../booking-draft.js';
import type { StepId } from '../booking-flow.js';
import { slotLabel } from '../slot-calendar.js';
import { stateName } from '../states.js';
import type { StepView } from './fields.js';

export interface ReviewData {
  steps: readonly StepId[];
  supporterName: string | undefined;
  change: (step: StepId) => void;
}

/** What the seeker pays, in words, for the summary and the result. */
export function priceText(v: StepView): string {
  const t = v.t;
  const { currency } = v.flow.program;
  const gift = activeGift(v.flow, v.draft);
  const pricing = effectivePricing(v.flow, v.draft);
  if (gift) return t.priceGift;
  if (pricing.model === 'free') {
    return pricing.sponsor ? format(t.priceFreeBy, { sponsor: pricing.sponsor }) : t.priceFree;
  }
  const amount = pricing.model === 'fixed' ? pricing.price : parseAmount(v.draft.amount, currency);
  return formatMoney(amount, currency, v.locale);
}

/** Step 8: everything chosen and typed, each with a way back to change it. */
export function reviewStep(v: StepView, data: ReviewData): TemplateResult {
  const t = v.t;
  const d = v.draft;
  const question = asksAge(v.flow.program.eligibility);
  const rows: [StepId, string, (string | TemplateResult)[]][] = [
    ['supporter', t.summarySupporter, [data.supporterName ?? '']],
    [
      'session',
      t.summarySession,
      [format(t.minutes, { n: d.lengthMinutes ?? 0 }), d.modality ? t.modalities[d.modality] : ''],
    ],
    [
      'time',
      t.summaryTime,
      [
        d.slotStart && d.lengthMinutes
          ? slotLabel(
              {
                supporterId: d.supporterId,
                start: d.slotStart,
                end: new Date(Date.parse(d.slotStart) + d.lengthMinutes * 60_000).toISOString(),
                lengthMinutes: d.lengthMinutes,
              },
              v.locale,
              d.timeZone,
            )
          : '',
      ],
    ],
    [
      'eligibility',
      t.summaryEligibility,
      [
        stateName(d.state, t.stateNames),
        question === 'age' ? format(t.summaryAge, { age: d.age.trim() }) : '',
        question === 'range' ? format(t.summaryAgeRange, v.values) : '',
      ],
    ],
    [
      'about',
      t.summaryAbout,
      [d.name.trim(), d.email.trim(), d.pronouns.trim(), d.note.trim() ? t.summaryNote : ''],
    ],
    ['policies', t.summaryPolicies, [t.summaryAgreed]],
    ['price', t.summaryPrice, [priceText(v)]],
  ];
  return html`<dl class="summary" part="summary">
    ${rows.map(([step, label, lines]) => {
      // The session step is skipped when it had one answer; the row still shows what it is.
      const changeable = data.steps.includes(step);
      const shown = lines.filter(Boolean);
      if (step === 'price' && !data.steps.includes('price') && !shown.length) return nothing;
      return html`<div class="row">
        <dt>${label}</dt>
        <dd>
          ${shown.map((line) => html`<span class="line">${line}</span>`)}
          ${
            changeable
              ? html`<button
                  type="button"
                  class="link"
                  aria-label=${format(t.changeLabel, { what: label })}
                  @click=${() => data.change(step)}
                >
                  ${t.change}
                </button>`
              : nothing
          }
        </dd>
      </div>`;
    })}
  </dl>`;
}
