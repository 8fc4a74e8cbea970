import type { ReactiveControllerHost } from 'lit';
import type { FormState } from '../../internal/form-state.js';
import { format } from '../../i18n/locale.js';
import type { BookingStrings } from '../../i18n/booking-en.js';
import { isIneligible, type BookingDraft, type Problems } from './booking-draft.js';
import { stepOf } from './booking-errors.js';
import {
  firstOpenStep,
  stepFields,
  stepProblems,
  stepsFor,
  type FlowContext,
  type StepId,
} from './booking-flow.js';
import { messagesFor, type StepView } from './steps/fields.js';

/** What moving between the steps needs from its element. */
export interface StepsHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface StepsDeps {
  t: () => BookingStrings;
  draft: () => BookingDraft;
  flow: () => FlowContext | undefined;
  view: () => StepView | undefined;
  form: FormState;
  announce: (message: string) => void;
  /** What must be known before leaving a step (a typed gift code checked, a supporter loaded). */
  settle: (step: StepId) => Promise<void>;
  send: () => void;
}

/**
 * Which step is open and how a person moves between them (the element's side of the pure
 * `booking-flow`): Continue checks the step and goes on, Back and the step list go anywhere
 * already reached, a change from the review comes back to it, and every move puts focus on the
 * new step's heading (QUALITY A2). Problems show on Continue, with focus on the first.
 */
export class BookingSteps {
  private current?: StepId;
  /** Coming back from the review (a change link, a refusal): Continue goes back to it. */
  private toReview = false;
  private refused = false;
  /** A message for the whole request (not one field's), e.g. "too many tries". */
  private message = '';

  constructor(
    private readonly host: StepsHost,
    private readonly deps: StepsDeps,
  ) {}

  get step(): StepId | undefined {
    return this.current;
  }

  /** The answers show the program cannot serve this person: the kind panel is shown. */
  get ineligible(): boolean {
    return this.refused;
  }

  get general(): string {
    return this.message;
  }

  set general(message: string) {
    this.message = message;
    this.host.requestUpdate();
  }

  get steps(): StepId[] {
    const flow = this.deps.flow();
    return flow ? stepsFor(flow) : [];
  }

  /**
   * Opens the first open step once the flow is known, or when the open one no longer applies (a
   * supporter with one session length has no session step). Called before each render.
   */
  settleStep(flow: FlowContext): void {
    const steps = stepsFor(flow);
    if (!this.current || !steps.includes(this.current)) {
      this.current = firstOpenStep(steps, this.deps.draft(), flow);
    }
  }

  /** Starts again from the first open step (another supporter), or opens `step`. */
  restart(step?: StepId): void {
    this.current = step;
    this.toReview = false;
    this.host.requestUpdate();
  }

  /** The person changed an answer: a general message goes; a new eligibility answer is asked. */
  answered(field: string): void {
    this.message = '';
    if (stepFields.eligibility.includes(field)) this.refused = false;
  }

  goTo(step: StepId, fromReview = false): void {
    this.toReview = step !== 'review' && (fromReview || this.toReview);
    this.current = step;
    this.refused = false;
    this.message = '';
    this.host.requestUpdate();
    void this.focus();
  }

  /** "Change my answers" on the ineligible panel. */
  changeAnswers(): void {
    this.refused = false;
    this.host.requestUpdate();
    void this.focus();
  }

  async focus(): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('#step-title')?.focus();
  }

  readonly continue = async (event: Event): Promise<void> => {
    event.preventDefault();
    const { deps } = this;
    const step = this.current;
    if (!deps.flow() || !step) return;
    if (step === 'review') {
      // Every answer is checked again before anything is sent (a change may have undone one).
      const open = firstOpenStep(this.steps, deps.draft(), deps.flow()!);
      if (open === 'review') return deps.send();
      this.goTo(open, true);
      deps.form.submit(stepFields[open]);
      return this.showProblems(stepFields[open], stepProblems(open, deps.draft(), deps.flow()!));
    }
    await deps.settle(step);
    const flow = deps.flow()!;
    const draft = deps.draft();
    const fields = stepFields[step];
    deps.form.submit(fields);
    if (step === 'eligibility' && isIneligible(draft, flow)) {
      this.refused = true;
      this.host.requestUpdate();
      deps.announce(deps.t().ineligibleIntro);
      return this.focus();
    }
    const problems = stepProblems(step, draft, flow);
    if (Object.keys(problems).length) return this.showProblems(fields, problems);
    // The person went on with these answers: a refusal about them is settled (say, the next open
    // time accepted after a 409); the server decides again on Send.
    for (const field of fields) deps.form.changed(field);
    // On to the next step; back to the review after a change; to a step that an answer here
    // reopened (a new length clears the time) first.
    const steps = this.steps;
    const open = firstOpenStep(steps, draft, flow);
    const back = steps.indexOf(open) < steps.indexOf(step);
    const next = this.toReview || back ? open : steps[steps.indexOf(step) + 1];
    if (next) this.goTo(next, back);
  };

  private async showProblems(fields: readonly string[], problems: Problems): Promise<void> {
    const { form, t } = this.deps;
    const count = fields.filter((f) => form.shown(f, problems)).length;
    this.deps.announce(format(count === 1 ? t().fixOne : t().fixOther, { n: count }));
    await this.host.updateComplete;
    if (!form.focusFirst(this.host.renderRoot, fields, problems)) {
      this.host.renderRoot.querySelector<HTMLElement>('[part=field-error]')?.focus();
    }
  }

  /** The API refused: each problem on its field, in the first step that asks for one. */
  async showRefusal(problems: Problems, general: string): Promise<void> {
    const { deps } = this;
    deps.form.setServer(problems);
    this.general = general;
    const fields = Object.keys(problems);
    const step = stepOf(this.steps, fields);
    if (!step) {
      // No step asks for what was refused (a preset supporter who is gone, say): the review says it.
      const view = deps.view();
      this.general = general || (view && messagesFor(view, fields)[0]) || deps.t().problems.unknown;
      this.host.requestUpdate();
      return deps.announce(this.general);
    }
    this.toReview = true;
    this.current = step;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const view = deps.view();
    if (view) deps.announce(messagesFor(view, fields).join(' '));
    if (!deps.form.focusFirst(this.host.renderRoot, stepFields[step], problems)) {
      void this.focus();
    }
  }
}
