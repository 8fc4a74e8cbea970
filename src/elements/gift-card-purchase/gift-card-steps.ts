/** The purchase's step templates: pure functions of the view the element gives them. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Program } from '../../api/schemas.js';
import type { Locale } from '../../i18n/types.js';
import type { GiftCardStrings } from '../../i18n/gift-card-en.js';
import { format } from '../../i18n/locale.js';
import {
  checked,
  describedBy,
  errorText,
  inputValue,
  opt,
  type ProblemView,
} from '../../internal/form-fields.js';
import {
  giftSettings,
  lengthChoices,
  lengthOf,
  totalOf,
  maxSessionsOf,
  MESSAGE_MAX,
  packagesOf,
  sessionsOf,
  todayIn,
  type GiftDraft,
  type GiftField,
  type GiftStep,
} from './gift-card-flow.js';

export interface GiftView extends ProblemView {
  t: GiftCardStrings;
  locale: Locale;
  draft: GiftDraft;
  program: Program;
  set: <K extends GiftField>(field: K, value: GiftDraft[K]) => void;
  touch: (field: string) => void;
  money: (minor: number) => string;
}

export const sessionsText = (t: GiftCardStrings, n: number) =>
  n === 1 ? t.sessionsOne : format(t.sessionsOther, { n });

export const lengthText = (t: GiftCardStrings, n: number | undefined) =>
  n ? format(t.minutes, { n }) : t.anyLength;

/** A date (`YYYY-MM-DD`) for the locale, as a calendar date (no zone shift). */
export const dateText = (date: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );

interface InputOptions {
  field: 'purchaserName' | 'purchaserEmail' | 'recipientName' | 'recipientEmail';
  label: string;
  type: 'text' | 'email';
  autocomplete: 'name' | 'email' | 'off';
}

function input(v: GiftView, o: InputOptions): TemplateResult {
  return html`<div class="field">
    <label for=${o.field}>${o.label}</label>
    <input
      id=${o.field}
      name=${o.field}
      type=${o.type}
      autocomplete=${o.autocomplete}
      maxlength=${o.type === 'email' ? 254 : 120}
      required
      aria-invalid=${v.problem(o.field) ? 'true' : 'false'}
      aria-describedby=${opt(describedBy(v, o.field))}
      .value=${v.draft[o.field]}
      @input=${(e: Event) => v.set(o.field, inputValue(e))}
      @blur=${() => v.touch(o.field)}
    />
    ${errorText(v, o.field)}
  </div>`;
}

function radio(
  name: string,
  id: string,
  label: string,
  isChecked: boolean,
  choose: () => void,
): TemplateResult {
  return html`<div class="check">
    <input type="radio" id=${id} name=${name} .checked=${isChecked} @change=${choose} />
    <label for=${id}>${label}</label>
  </div>`;
}

function sessionsStep(v: GiftView): TemplateResult {
  const { t, draft } = v;
  const max = maxSessionsOf(giftSettings(v.program));
  const lengths = lengthChoices(v.program);
  const sessions = sessionsOf(draft);
  const total = totalOf(draft, v.program);
  const shown = v.problem('sessions');
  const pick = (choice: GiftDraft['choice']) => {
    v.set('choice', choice);
    v.touch('sessions');
  };
  return html`<fieldset
      class="choices"
      aria-invalid=${shown ? 'true' : 'false'}
      aria-describedby=${opt(draft.choice === 'other' ? undefined : describedBy(v, 'sessions'))}
    >
      <legend>${t.sessionsLegend}</legend>
      ${packagesOf(giftSettings(v.program)).map((n) =>
        radio('choice', `choice-${n}`, sessionsText(t, n), draft.choice === n, () => pick(n)),
      )}
      ${radio('choice', 'choice-other', t.anotherNumber, draft.choice === 'other', () =>
        v.set('choice', 'other'),
      )}
      ${
        draft.choice === 'other'
          ? html`<div class="field">
              <label for="sessions">${format(t.customLabel, { max })}</label>
              <input
                id="sessions"
                name="sessions"
                type="number"
                inputmode="numeric"
                min="1"
                max=${max}
                step="1"
                aria-invalid=${shown ? 'true' : 'false'}
                aria-describedby=${opt(describedBy(v, 'sessions'))}
                .value=${draft.customSessions}
                @input=${(e: Event) => v.set('customSessions', inputValue(e))}
                @blur=${() => v.touch('sessions')}
              />
            </div>`
          : nothing
      }
      ${errorText(v, 'sessions')}
    </fieldset>
    ${
      lengths.length
        ? html`<fieldset
            class="choices"
            aria-invalid=${v.problem('lengthMinutes') ? 'true' : 'false'}
            aria-describedby=${opt(describedBy(v, 'lengthMinutes'))}
          >
            <legend>${t.lengthLegend}</legend>
            ${lengths.map((n) =>
              radio(
                'lengthMinutes',
                `lengthMinutes-${n}`,
                lengthText(t, n),
                draft.lengthMinutes === n,
                () => {
                  v.set('lengthMinutes', n);
                  v.touch('lengthMinutes');
                },
              ),
            )}
            ${errorText(v, 'lengthMinutes')}
          </fieldset>`
        : html`<p>${lengthText(t, lengthOf(draft, v.program))}</p>`
    }
    ${
      Number.isInteger(sessions) && sessions >= 1 && sessions <= max
        ? html`<p class="total" part="total">${format(t.total, { amount: v.money(total) })}</p>`
        : nothing
    }`;
}

function whoStep(v: GiftView): TemplateResult {
  const { t, draft } = v;
  return html`${input(v, {
      field: 'purchaserName',
      label: t.purchaserName,
      type: 'text',
      autocomplete: 'name',
    })}
    ${input(v, {
      field: 'purchaserEmail',
      label: t.purchaserEmail,
      type: 'email',
      autocomplete: 'email',
    })}
    <div class="check">
      <input
        type="checkbox"
        id="forMe"
        name="forMe"
        .checked=${draft.forMe}
        @change=${(e: Event) => v.set('forMe', checked(e))}
      />
      <label for="forMe">${t.forMe}</label>
    </div>
    ${
      draft.forMe
        ? nothing
        : html`${input(v, {
            field: 'recipientName',
            label: t.recipientName,
            type: 'text',
            autocomplete: 'off',
          })}
          ${input(v, {
            field: 'recipientEmail',
            label: t.recipientEmail,
            type: 'email',
            autocomplete: 'off',
          })}`
    }`;
}

function messageStep(v: GiftView): TemplateResult {
  const { t, draft } = v;
  const today = todayIn(draft.timeZone);
  const pickDelivery = (delivery: GiftDraft['delivery']) => v.set('delivery', delivery);
  return html`<div class="field">
      <label for="message">${t.messageLabel} <span class="muted">${t.optional}</span></label>
      <textarea
        id="message"
        name="message"
        rows="4"
        maxlength=${MESSAGE_MAX}
        aria-describedby=${['message-count', v.problem('message') ? 'message-error' : '']
          .filter(Boolean)
          .join(' ')}
        .value=${draft.message}
        @input=${(e: Event) => v.set('message', inputValue(e))}
        @blur=${() => v.touch('message')}
      ></textarea>
      <p class="hint" id="message-count" part="count">
        ${format(t.count, { n: draft.message.length, max: MESSAGE_MAX })}
      </p>
      ${errorText(v, 'message')}
    </div>
    <fieldset class="choices">
      <legend>${t.deliveryLegend}</legend>
      ${radio('delivery', 'delivery-today', t.today, draft.delivery === 'today', () =>
        pickDelivery('today'),
      )}
      ${radio('delivery', 'delivery-date', t.onDate, draft.delivery === 'date', () =>
        pickDelivery('date'),
      )}
    </fieldset>
    ${
      draft.delivery === 'date'
        ? html`<div class="field">
            <label for="deliverOn">${t.dateLabel}</label>
            <input
              id="deliverOn"
              name="deliverOn"
              type="date"
              min=${today}
              required
              aria-invalid=${v.problem('deliverOn') ? 'true' : 'false'}
              aria-describedby=${opt(describedBy(v, 'deliverOn'))}
              .value=${draft.deliverOn}
              @input=${(e: Event) => v.set('deliverOn', inputValue(e))}
              @change=${() => v.touch('deliverOn')}
              @blur=${() => v.touch('deliverOn')}
            />
            ${errorText(v, 'deliverOn')}
          </div>`
        : nothing
    }`;
}

function reviewStep(v: GiftView, change: (step: GiftStep) => void): TemplateResult {
  const { t, draft } = v;
  const s = t.summary;
  const sessions = sessionsOf(draft);
  const row = (label: string, value: string, step: GiftStep) =>
    html`<dt>${label}</dt>
      <dd>
        <span>${value}</span>
        <button
          type="button"
          class="link"
          aria-label=${format(t.changeLabel, { what: label })}
          @click=${() => change(step)}
        >
          ${t.change}
        </button>
      </dd>`;
  return html`<dl part="summary" class="summary">
    ${row(s.sessions, sessionsText(t, sessions), 'sessions')}
    ${row(s.length, lengthText(t, lengthOf(draft, v.program)), 'sessions')}
    ${row(s.total, v.money(totalOf(draft, v.program)), 'sessions')}
    ${row(s.from, `${draft.purchaserName} (${draft.purchaserEmail})`, 'who')}
    ${row(s.to, draft.forMe ? t.you : `${draft.recipientName} (${draft.recipientEmail})`, 'who')}
    ${row(s.message, draft.message.trim() || t.noMessage, 'message')}
    ${row(
      s.delivery,
      draft.delivery === 'date' ? dateText(draft.deliverOn, v.locale) : t.today,
      'message',
    )}
  </dl>`;
}

/** The open step's questions. */
export function renderGiftStep(
  step: GiftStep,
  v: GiftView,
  change: (step: GiftStep) => void,
): TemplateResult {
  switch (step) {
    case 'sessions':
      return sessionsStep(v);
    case 'who':
      return whoStep(v);
    case 'message':
      return messageStep(v);
    default:
      return reviewStep(v, change);
  }
}
