import { html, nothing, type TemplateResult } from 'lit';
import { asksAge } from '../../../api/booking-rules.js';
import { crisisStrings } from '../../../i18n/crisis.js';
import { format } from '../../../i18n/locale.js';
import { OTHER_STATE, stateList, stateName } from '../states.js';
import {
  opt,
  describedBy,
  errorText,
  inputValue,
  radios,
  textField,
  type StepView,
} from './fields.js';

/** Step 4: where the seeker lives and, only when the program needs it, as little about age. */
export function eligibilityStep(v: StepView): TemplateResult {
  const t = v.t;
  const { eligibility } = v.flow.program;
  const question = asksAge(eligibility);
  const shown = v.problem('state');
  return html`<p>${t.eligibilityIntro}</p>
    <div class="field">
      <label for="state">${t.stateQuestion}</label>
      <select
        id="state"
        name="state"
        autocomplete="address-level1"
        required
        aria-invalid=${shown ? 'true' : 'false'}
        aria-describedby=${opt(describedBy(v, 'state'))}
        @change=${(e: Event) => {
          v.set('state', inputValue(e));
          v.touch('state');
        }}
      >
        <option value="" ?selected=${!v.draft.state}>${t.chooseState}</option>
        ${eligibility.states.map(
          (code) =>
            html`<option value=${code} ?selected=${v.draft.state === code}>
              ${stateName(code, t.stateNames)}
            </option>`,
        )}
        <option value=${OTHER_STATE} ?selected=${v.draft.state === OTHER_STATE}>
          ${t.otherState}
        </option>
      </select>
      ${errorText(v, 'state')}
    </div>
    ${
      question === 'age'
        ? textField(v, {
            field: 'age',
            label: t.ageQuestion,
            type: 'text',
            inputmode: 'numeric',
            autocomplete: 'off',
            required: true,
            maxlength: 3,
            hint: t.ageHint,
          })
        : question === 'range'
          ? radios(
              v,
              'ageInRange',
              format(t.ageRangeQuestion, v.values),
              [
                { value: 'yes', label: t.yes },
                { value: 'no', label: t.no },
              ],
              v.draft.ageInRange || undefined,
              (answer: 'yes' | 'no') => v.set('ageInRange', answer),
            )
          : nothing
    }`;
}

/**
 * Someone the program cannot serve: told why, kindly, with the crisis lines in full view and
 * where else to look. Nothing is sent.
 */
export function ineligiblePanel(v: StepView, reasons: readonly string[], back: () => void) {
  const t = v.t;
  const referral = v.flow.program.eligibility.referralUrl;
  return html`<div class="ineligible" part="ineligible">
    <p>${t.ineligibleIntro}</p>
    <ul>
      ${reasons.map((reason) => html`<li>${reason}</li>`)}
    </ul>
    <p>${t.ineligibleCrisis}</p>
    ${v.crisis()}
    ${
      referral
        ? html`<p>
            <a href=${referral} target="_blank" rel="noopener">${t.otherHelp}</a>
            <span class="vh">${crisisStrings[v.locale].opensInNewTab}</span>
          </p>`
        : html`<p>${t.otherHelpNone}</p>`
    }
    <button type="button" class="secondary" @click=${back}>${t.changeAnswers}</button>
  </div>`;
}

/** Step 5: the least the API needs to reach the seeker, and what they may add. */
export function aboutStep(v: StepView): TemplateResult {
  const t = v.t;
  const note = v.problem('note');
  return html`${textField(v, {
      field: 'name',
      label: t.name,
      autocomplete: 'name',
      required: true,
      maxlength: 120,
    })}
    ${textField(v, {
      field: 'email',
      label: t.email,
      type: 'email',
      inputmode: 'email',
      autocomplete: 'email',
      required: true,
      maxlength: 254,
      hint: t.emailHint,
    })}
    ${textField(v, {
      field: 'pronouns',
      label: t.pronouns,
      optional: t.optional,
      autocomplete: 'off',
      maxlength: 40,
    })}
    <div class="field">
      <label for="note">${t.note} <span class="muted">${t.optional}</span></label>
      <p class="hint" id="note-hint">${t.noteHint}</p>
      ${v.crisis(true)}
      <textarea
        id="note"
        name="note"
        rows="4"
        maxlength="1000"
        aria-invalid=${note ? 'true' : 'false'}
        aria-describedby=${opt(describedBy(v, 'note', true))}
        .value=${v.draft.note}
        @input=${(e: Event) => v.set('note', inputValue(e))}
        @blur=${() => v.touch('note')}
      ></textarea>
      ${errorText(v, 'note')}
    </div>`;
}

export { stateList };
