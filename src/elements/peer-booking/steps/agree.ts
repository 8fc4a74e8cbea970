import { html, nothing, type TemplateResult } from 'lit';
import { format } from '../../../i18n/locale.js';
import {
  activeGift,
  effectivePricing,
  formatMoney,
  parseAmount,
  presetAmounts,
  typedAmount,
} from '../booking-draft.js';
import { consent, errorText, messageFor, textField, type StepView } from './fields.js';

/** Step 6: what peer support is and is not, privacy and its limits, cancelling, in plain words. */
export function policiesStep(v: StepView): TemplateResult {
  const t = v.t;
  const hours = v.flow.program.cancellation.windowHours;
  return html`${consent(v, 'notTherapy', t.policyNotTherapyTitle, [t.policyNotTherapy], t.agreeNotTherapy)}
  ${consent(
    v,
    'privacy',
    t.policyPrivacyTitle,
    [t.policyConfidential, t.policySocial, t.policyMessages],
    t.agreePrivacy,
  )}
  ${consent(
    v,
    'cancellation',
    t.policyCancellationTitle,
    [format(t.policyCancellation, { hours }), t.policyLate],
    t.agreeCancellation,
  )}`;
}

export interface PriceStepData {
  giftEnabled: boolean;
  checkingGift: boolean;
  checkGift: () => void;
}

/** Step 7: the price from the program, or a gift code that covers the session. */
export function priceStep(v: StepView, data: PriceStepData): TemplateResult {
  const t = v.t;
  const { currency } = v.flow.program;
  const money = (n: number) => formatMoney(n, currency, v.locale);
  const gift = activeGift(v.flow, v.draft);
  const pricing = effectivePricing(v.flow, v.draft);
  let price: TemplateResult | typeof nothing = nothing;
  if (gift) {
    price = html`<p class="notice" part="gift">${giftCoverText(t, gift.sessionsRemaining)}</p>`;
  } else if (pricing.model === 'fixed') {
    price = html`<p>${format(t.fixedPrice, { price: money(pricing.price) })}</p>
      ${pricing.moneyBackGuarantee ? html`<p>${t.moneyBack}</p>` : nothing}`;
  } else if (pricing.model === 'sliding-scale') {
    const typed = parseAmount(v.draft.amount, currency);
    price = html`<fieldset class="choices amounts">
      <legend>${t.payWhatYouCan}</legend>
      <p class="hint">${t.payMoreHelps}</p>
      <div class="presets">
        ${presetAmounts(pricing).map(
          (n) =>
            html`<button
              type="button"
              class="secondary"
              aria-pressed=${typed === n ? 'true' : 'false'}
              @click=${() => v.set('amount', typedAmount(n, currency))}
            >
              ${money(n)}${n === pricing.suggested ? html` <span>${t.suggested}</span>` : nothing}
            </button>`,
        )}
      </div>
      ${textField(v, {
        field: 'amount',
        label: format(t.amountLabel, { currency }),
        inputmode: 'decimal',
        autocomplete: 'off',
        required: true,
        maxlength: 12,
        hint:
          pricing.maximum === undefined
            ? format(t.amountHint, { min: money(pricing.minimum) })
            : format(t.amountHintMax, { min: money(pricing.minimum), max: money(pricing.maximum) }),
      })}
    </fieldset>`;
  }
  return html`${price}
  ${
    data.giftEnabled
      ? html`<div class="gift">
          ${textField(v, {
            field: 'giftCode',
            label: t.giftCode,
            optional: t.optional,
            autocomplete: 'off',
            maxlength: 40,
          })}
          <button
            type="button"
            class="secondary"
            ?disabled=${data.checkingGift}
            @click=${data.checkGift}
          >
            ${data.checkingGift ? t.checkingGift : t.applyGift}
          </button>
        </div>`
      : nothing
  }
  ${gift ? nothing : html`<p class="muted">${t.checkoutNote}</p>`} ${errorText(v, 'payment')}`;
}

/** A checked code's words: what the gift covers, or why it cannot be used. */
export function giftCheckMessage(v: StepView, problem: string | undefined): string {
  const gift = activeGift(v.flow, v.draft);
  return gift
    ? giftCoverText(v.t, gift.sessionsRemaining)
    : messageFor(v, 'giftCode', v.flow.gift?.problem ?? problem ?? 'unknown');
}

function giftCoverText(t: StepView['t'], left: number): string {
  return format(left === 1 ? t.giftCoversLast : t.giftCovers, { n: left });
}
