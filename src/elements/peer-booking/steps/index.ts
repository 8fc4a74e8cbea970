import { html, nothing, type TemplateResult } from 'lit';
import { TaskStatus } from '@lit/task';
import type { Slot } from '../../../api/schemas.js';
import type { BookingStrings } from '../../../i18n/booking-en.js';
import type { Locale } from '../../../i18n/types.js';
import { effectivePricing, formatMoney, type BookingDraft } from '../booking-draft.js';
import type { FlowContext, StepId } from '../booking-flow.js';
import type { BookingTasks } from '../booking-tasks.js';
import type { SlotPicker } from '../slot-picker.js';
import { stateList } from '../states.js';
import { aboutStep, eligibilityStep } from './about.js';
import { policiesStep, priceStep } from './agree.js';
import { sessionStep, supporterStep, timeStep } from './choose.js';
import { messagesFor, type StepView } from './fields.js';
import { ineligiblePanel } from './about.js';
import { stepButtons, stepNav } from './nav.js';
import { format } from '../../../i18n/locale.js';
import { reviewStep } from './review.js';

export interface StepData {
  picker: SlotPicker;
  steps: readonly StepId[];
  supporterName: string | undefined;
  change: (step: StepId) => void;
  select: (slot: Slot) => void;
  setZone: (zone: string) => void;
  checkGift: () => void;
  horizonDays: number;
  errorView: (error: unknown, retry: () => void) => TemplateResult;
}

/** Placeholders every problem message and question may use. */
export function stepValues(
  t: BookingStrings,
  locale: Locale,
  flow: FlowContext,
  draft: BookingDraft,
  name: string | undefined,
): Record<string, string | number> {
  const { eligibility, currency } = flow.program;
  const pricing = effectivePricing(flow, draft);
  const money = (n: number) => formatMoney(n, currency, locale);
  return {
    min: eligibility.minAge ?? 0,
    max: eligibility.maxAge ?? 130,
    ages: format(
      eligibility.minAge === undefined
        ? t.agesUpTo
        : eligibility.maxAge === undefined
          ? t.agesFrom
          : t.agesBetween,
      { min: eligibility.minAge ?? 0, max: eligibility.maxAge ?? 0 },
    ),
    states: stateList(eligibility.states, locale, t.stateNames),
    name: name ?? t.yourSupporter,
    n: flow.gift?.balance?.lengthMinutes ?? 0,
    ...(pricing.model === 'sliding-scale'
      ? {
          minimum: money(pricing.minimum),
          maximum: pricing.maximum === undefined ? '' : money(pricing.maximum),
        }
      : {}),
  };
}

/** The open step's questions. */
export function renderStep(
  step: StepId,
  v: StepView,
  tasks: BookingTasks,
  data: StepData,
): TemplateResult {
  switch (step) {
    case 'supporter':
      return supporterStep(
        v,
        tasks.supporters.value,
        tasks.supporters.status === TaskStatus.ERROR
          ? data.errorView(tasks.supporters.error, () => void tasks.supporters.run())
          : html`<p class="loading" part="loading">${v.t.loadingSupporters}</p>`,
      );
    case 'session':
      return sessionStep(v);
    case 'time': {
      const slots = tasks.currentSlots();
      const state =
        tasks.slots.status === TaskStatus.ERROR
          ? data.errorView(tasks.slots.error, () => void tasks.slots.run())
          : !slots
            ? html`<p class="loading" part="loading">${v.t.loadingTimes}</p>`
            : undefined;
      return timeStep(v, {
        picker: data.picker,
        slots,
        from: tasks.slotsFrom,
        days: data.horizonDays,
        state,
        select: data.select,
        setZone: data.setZone,
      });
    }
    case 'eligibility':
      return eligibilityStep(v);
    case 'about':
      return aboutStep(v);
    case 'policies':
      return policiesStep(v);
    case 'price':
      return priceStep(v, {
        giftEnabled: v.flow.program.giftCards.enabled,
        checkingGift: tasks.gift.status === TaskStatus.PENDING,
        checkGift: data.checkGift,
      });
    case 'review':
      return reviewStep(v, data);
  }
}

export interface StepFormData extends StepData {
  step: StepId;
  /** The answers show the program cannot serve this person: the kind panel instead. */
  ineligible: boolean;
  /** A message for the whole request (not one field's), e.g. "too many tries". */
  general: string;
  sending: boolean;
  canOpen: (step: StepId) => boolean;
  goTo: (step: StepId) => void;
  changeAnswers: () => void;
  submit: (event: Event) => void;
}

/** The step list and the open step's form: heading, questions, messages, Back and Continue. */
export function stepForm(v: StepView, tasks: BookingTasks, d: StepFormData): TemplateResult {
  const { t } = v;
  const { steps, step } = d;
  const index = steps.indexOf(step);
  const ineligible = d.ineligible && step === 'eligibility';
  return html`${stepNav(t, steps, step, d.canOpen, d.goTo)}
    <form part="step" class="step" novalidate @submit=${d.submit}>
      <h3 id="step-title" tabindex="-1">
        ${format(t.stepOf, { n: index + 1, total: steps.length })} ${t.stepTitles[step]}
      </h3>
      ${
        ineligible
          ? ineligiblePanel(
              v,
              messagesFor(v, ['state', 'age', 'ageInRange'], ['not_served', 'out_of_range']),
              d.changeAnswers,
            )
          : renderStep(step, v, tasks, d)
      }
      ${
        // Not a live region of its own: the element's one status region says it (A4).
        d.general ? html`<p class="field-error" part="field-error">${d.general}</p>` : nothing
      }
      ${
        ineligible
          ? nothing
          : stepButtons(t, step, index > 0 ? () => d.goTo(steps[index - 1]!) : undefined, d.sending)
      }
    </form>`;
}
