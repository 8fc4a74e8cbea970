import { html, nothing, type TemplateResult } from 'lit';
import type { Modality, SessionLength, Slot, SupporterSummary } from '../../../api/schemas.js';
import { format } from '../../../i18n/locale.js';
import type { SlotPicker } from '../slot-picker.js';
import { errorText, radios, type StepView } from './fields.js';

/** Step 1 without a preset supporter: a short chooser of the program's supporters. */
export function supporterStep(
  v: StepView,
  supporters: readonly SupporterSummary[] | undefined,
  pending: TemplateResult | undefined,
): TemplateResult {
  if (!supporters) return pending ?? html``;
  if (!supporters.length) return html`<p part="empty" class="empty">${v.t.noSupporters}</p>`;
  return radios(
    v,
    'supporterId',
    v.t.chooseSupporter,
    supporters.map((s) => ({
      value: s.id,
      label: s.name,
      ...(s.pronouns ? { hint: `(${s.pronouns})` } : {}),
    })),
    v.draft.supporterId || undefined,
    (id) => v.set('supporterId', id),
  );
}

/** Step 2: session length and way of meeting; a question with one answer is not asked. */
export function sessionStep(v: StepView): TemplateResult {
  const { lengths, modalities } = v.flow;
  const t = v.t;
  return html`${
    lengths.length > 1
      ? radios(
          v,
          'lengthMinutes',
          t.lengthQuestion,
          lengths.map((n) => ({ value: n, label: format(t.minutes, { n }) })),
          v.draft.lengthMinutes,
          (n: SessionLength) => v.set('lengthMinutes', n),
        )
      : nothing
  }
  ${
    modalities.length > 1
      ? radios(
          v,
          'modality',
          t.modalityQuestion,
          modalities.map((m) => ({ value: m, label: t.modalities[m] })),
          v.draft.modality,
          (m: Modality) => v.set('modality', m),
        )
      : nothing
  }`;
}

export interface TimeStepData {
  picker: SlotPicker;
  slots: readonly Slot[] | undefined;
  from: Date;
  days: number;
  /** Loading or error of the slot list, rendered instead of the picker. */
  state: TemplateResult | undefined;
  select: (slot: Slot) => void;
  setZone: (zone: string) => void;
}

/** Step 3: open slots by day in the seeker's (or a chosen) time zone. */
export function timeStep(v: StepView, data: TimeStepData): TemplateResult {
  return html`${errorText(v, 'slotStart')}
  ${
    data.state ??
    data.picker.render({
      slots: data.slots ?? [],
      from: data.from,
      days: data.days,
      timeZone: v.draft.timeZone,
      locale: v.locale,
      ...(v.draft.slotStart ? { selected: v.draft.slotStart } : {}),
      strings: v.t.picker,
      onSelect: data.select,
      onTimeZone: data.setZone,
    })
  }`;
}
