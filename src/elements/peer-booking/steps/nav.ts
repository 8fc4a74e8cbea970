import { html, nothing, type TemplateResult } from 'lit';
import type { BookingStrings } from '../../../i18n/booking-en.js';
import type { StepId } from '../booking-flow.js';

/**
 * The step list: the open step marked `aria-current="step"`, the steps a person may go back (or
 * on) to as buttons, the rest as text. Going there loses nothing.
 */
export function stepNav(
  t: BookingStrings,
  steps: readonly StepId[],
  current: StepId,
  canOpen: (step: StepId) => boolean,
  goTo: (step: StepId) => void,
): TemplateResult {
  return html`<nav aria-label=${t.stepsLabel}>
    <ol part="steps" class="steps">
      ${steps.map((s, n) => {
        const label = `${n + 1}. ${t.stepNames[s]}`;
        return s === current
          ? html`<li aria-current="step"><span>${label}</span></li>`
          : canOpen(s)
            ? html`<li>
                <button type="button" class="link" @click=${() => goTo(s)}>${label}</button>
              </li>`
            : html`<li class="muted"><span>${label}</span></li>`;
      })}
    </ol>
  </nav>`;
}

/** Back and Continue (Send on the review); a request in flight cannot be sent again. */
export function stepButtons(
  t: BookingStrings,
  step: StepId,
  back: (() => void) | undefined,
  sending: boolean,
): TemplateResult {
  return html`<div class="buttons">
    ${back ? html`<button type="button" class="secondary" @click=${back}>${t.back}</button>` : nothing}
    <button type="submit" class="primary" ?disabled=${sending}>
      ${step === 'review' ? (sending ? t.sending : t.send) : t.continue}
    </button>
  </div>`;
}
