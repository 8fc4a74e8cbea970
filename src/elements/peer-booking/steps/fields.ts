import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../../../i18n/types.js';
import { crisisStrings } from '../../../i18n/crisis.js';
import { crisisLine } from '../../../internal/crisis-line.js';
import {
  checked,
  describedBy,
  errorText,
  inputValue,
  messageFor,
  opt,
  type ProblemView,
} from '../../../internal/form-fields.js';
import type { BookingStrings } from '../../../i18n/booking-en.js';
import type { BookingDraft, DraftField } from '../booking-draft.js';
import type { FlowContext } from '../booking-flow.js';

// The generic helpers moved to internal/form-fields.ts (the gift card's steps use them too).
export { checked, describedBy, errorText, inputValue, messageFor, opt, type ProblemView };

/** What every step template gets from the element. */
export interface StepView {
  t: BookingStrings;
  locale: Locale;
  draft: BookingDraft;
  flow: FlowContext;
  /** The problem code shown for a field now (touched, submitted or from the server). */
  problem: (field: string) => string | undefined;
  set: <K extends DraftField>(field: K, value: BookingDraft[K]) => void;
  touch: (field: string) => void;
  /** Values for placeholders in problem messages ({min}, {max}, {states} ...). */
  values: Record<string, string | number>;
  /**
   * The compact crisis line (988, 911) to show inside a step: the same node on every render, so a
   * link in it keeps the focus when the step renders again.
   */
  crisis: (short?: boolean) => HTMLElement;
}

interface TextFieldOptions {
  field: 'name' | 'email' | 'pronouns' | 'age' | 'amount' | 'giftCode';
  label: string;
  type?: 'text' | 'email' | 'number';
  autocomplete: 'name' | 'email' | 'off';
  inputmode?: 'numeric' | 'decimal' | 'email' | 'text';
  hint?: string | TemplateResult;
  required?: boolean;
  maxlength: number;
  optional?: string;
}

/** A labelled native input bound to the draft, with its hint and error linked. */
export function textField(v: StepView, o: TextFieldOptions): TemplateResult {
  const shown = v.problem(o.field);
  return html`<div class="field">
    <label for=${o.field}>
      ${o.label}${o.optional ? html` <span class="muted">${o.optional}</span>` : nothing}
    </label>
    ${o.hint ? html`<p class="hint" id=${`${o.field}-hint`}>${o.hint}</p>` : nothing}
    <input
      id=${o.field}
      name=${o.field}
      type=${o.type ?? 'text'}
      inputmode=${opt(o.inputmode)}
      autocomplete=${o.autocomplete}
      maxlength=${o.maxlength}
      ?required=${o.required}
      aria-invalid=${shown ? 'true' : 'false'}
      aria-describedby=${opt(describedBy(v, o.field, !!o.hint))}
      .value=${v.draft[o.field]}
      @input=${(e: Event) => v.set(o.field, inputValue(e))}
      @blur=${() => v.touch(o.field)}
    />
    ${errorText(v, o.field)}
  </div>`;
}

/** A consent checkbox with its plain-words text above it. */
export function consent(
  v: StepView,
  field: 'notTherapy' | 'privacy' | 'cancellation',
  heading: string,
  body: readonly (string | TemplateResult)[],
  label: string,
): TemplateResult {
  const shown = v.problem(field);
  return html`<div class="policy" part="policy">
    <h4>${heading}</h4>
    ${body.map((line) => html`<p>${line}</p>`)}
    <div class="check">
      <input
        type="checkbox"
        id=${field}
        name=${field}
        required
        aria-invalid=${shown ? 'true' : 'false'}
        aria-describedby=${opt(describedBy(v, field))}
        .checked=${v.draft[field]}
        @change=${(e: Event) => {
          v.set(field, checked(e));
          v.touch(field);
        }}
      />
      <label for=${field}>${label}</label>
    </div>
    ${errorText(v, field)}
  </div>`;
}

/** A group of radio buttons in a fieldset with a legend, bound to one draft field. */
export function radios<T extends string | number>(
  v: StepView,
  field: 'lengthMinutes' | 'modality' | 'ageInRange' | 'supporterId',
  legend: string,
  options: readonly { value: T; label: string; hint?: string }[],
  current: T | undefined,
  choose: (value: T) => void,
): TemplateResult {
  const shown = v.problem(field);
  return html`<fieldset
    class="choices"
    aria-invalid=${shown ? 'true' : 'false'}
    aria-describedby=${opt(describedBy(v, field))}
  >
    <legend>${legend}</legend>
    ${options.map(
      (option, n) =>
        html`<div class="check">
          <input
            type="radio"
            id=${`${field}-${n}`}
            name=${field}
            .checked=${option.value === current}
            @change=${() => {
              choose(option.value);
              v.touch(field);
            }}
          />
          <label for=${`${field}-${n}`}>
            ${option.label}${option.hint ? html` <span class="muted">${option.hint}</span>` : nothing}
          </label>
        </div>`,
    )}
    ${errorText(v, field)}
  </fieldset>`;
}

/** The messages of the shown problems among `fields`, in their order, for the live region. */
export function messagesFor(v: ProblemView, fields: readonly string[], only?: readonly string[]) {
  return fields.flatMap((field) => {
    const code = v.problem(field);
    return code && (!only || only.includes(code)) ? [messageFor(v, field, code)] : [];
  });
}

/**
 * The compact crisis line a step shows, one node per language and form, kept across renders: a
 * link in it keeps the focus when the step renders again (a new node each time would drop it).
 */
export class CrisisNodes {
  private readonly nodes = new Map<string, HTMLElement>();

  get(locale: Locale, short = false): HTMLElement {
    const key = `${locale}:${short}`;
    let node = this.nodes.get(key);
    if (!node) this.nodes.set(key, (node = crisisLine(crisisStrings[locale], undefined, short)));
    return node;
  }
}
