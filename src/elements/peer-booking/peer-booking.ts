import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TaskStatus } from '@lit/task';
import type { Booking, CreatedBooking } from '../../api/booking-schemas.js';
import type { SessionLength, Slot } from '../../api/schemas.js';
import { isApiError } from '../../api/errors.js';
import { PeerDataElement } from '../../internal/peer-data-element.js';
import { Announcer } from '../../internal/announcer.js';
import { ProgramLoader } from '../../internal/program-loader.js';
import { FormState } from '../../internal/form-state.js';
import { localize, type Translations } from '../../internal/localize.js';
import { format } from '../../i18n/locale.js';
import { booking as en, type BookingStrings } from '../../i18n/booking-en.js';
import type { SupporterSelection } from '../../events.js';
import { tokens, focusRing } from '../../styles/tokens.js';
import { styles } from './peer-booking.styles.js';
import { formStyles } from '../../internal/form-styles.js';
import { slotPickerStyles, SlotPicker } from './slot-picker.js';
import { seekerTimeZone, slotLabel } from './slot-calendar.js';
import {
  draftProblems,
  emptyDraft,
  normalizeCode,
  requestOf,
  withAnswer,
  withSelection,
  rebookDraft,
  type BookingDraft,
  type GiftCheck,
} from './booking-draft.js';
import { canOpen, flowContext, withDefaults, type FlowContext } from './booking-flow.js';
import { BookingSteps } from './booking-steps.js';
import { BookingSubmit } from './booking-submit.js';
import { ManageSlot } from './manage-slot.js';
import { BookingTasks } from './booking-tasks.js';
import { stepForm, stepValues } from './steps/index.js';
import { CrisisNodes, type StepView } from './steps/fields.js';
import { giftCheckMessage } from './steps/agree.js';
import { readBookingUrl } from './booking-url.js';
import { announceBooking } from './booking-handoff.js';

/** English travels with the element; Spanish is imported the first time it is asked for. */
const strings: Translations<BookingStrings> = {
  id: 'booking',
  en,
  load: { es: () => import('../../i18n/booking-es.js') },
};

/**
 * Books a session with a peer supporter, step by step: the supporter (from `supporter-id`, the
 * provider's selection, or a short chooser), session length and way of meeting, a time in the
 * seeker's zone, eligibility with the least data, contact details, the program's policies in plain
 * words, the price (pay what you can, fixed, free, or a gift code), and a review. The result is a
 * request awaiting the supporter's acceptance. With `booking-id` and `manage-token` it shows that
 * booking instead: its status, cancel, reschedule, add to calendar, book again.
 *
 * What the person typed lives in the element only: Back, the step list, a language switch, a taken
 * slot or a failed submit lose nothing, and nothing personal reaches storage, a URL or an event.
 *
 * @summary Book, cancel and reschedule a session with a peer supporter.
 * @tag peer-booking
 *
 * @csspart base - The whole element.
 * @csspart steps - The list of steps.
 * @csspart step - The open step.
 * @csspart summary - The review's summary.
 * @csspart policy - One policy with its checkbox.
 * @csspart field-error - A field's error message.
 * @csspart ineligible - What someone the program cannot serve is told.
 * @csspart manage - A booking after it was sent.
 * @csspart status - The booking's status line.
 * @csspart confirm-cancel - The cancellation's confirmation.
 * @csspart reschedule - Choosing a new time.
 * @csspart calendar - The add-to-calendar link.
 * @csspart gift - The gift card's coverage notice.
 * @csspart days - The day buttons of the time step.
 * @csspart day - One day button.
 * @csspart slots - The time buttons of the chosen day.
 * @csspart slot - One time button.
 * @csspart day-open - A day with open times (beside `day`).
 * @csspart day-chosen - The chosen day (beside `day`).
 * @csspart slot-selected - The selected time (beside `slot`).
 * @csspart next-open-day - The "Next open day" button.
 * @csspart time-zone - The time-zone select.
 * @csspart empty - Said when no supporter is taking bookings.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @csspart loading - A loading message.
 * @csspart crisis - The crisis line, shown in every step and state.
 *
 * @cssprop [--peer-sticky-offset=0px] - Height of the page's own sticky header: the crisis line sticks below it.
 * @cssprop [--peer-booking-max-width=40rem] - Widest the flow grows.
 *
 * @cssstate loading - The program or the booking is loading.
 * @cssstate error - Loading failed.
 * @cssstate step-supporter - The supporter step is open.
 * @cssstate step-session - The session length and way of meeting step is open.
 * @cssstate step-time - The time step is open.
 * @cssstate step-eligibility - The eligibility step is open.
 * @cssstate step-about - The contact details step is open.
 * @cssstate step-policies - The agreements step is open.
 * @cssstate step-price - The price step is open.
 * @cssstate step-review - The review step is open.
 * @cssstate requested - The request was sent.
 * @cssstate manage - An existing booking is shown.
 *
 * @fires {PeerBookingRequestedEvent} peer-booking-requested - The API accepted the request. Detail: `{ bookingId, status, start, durationMinutes }`.
 * @fires {PeerPaymentRequiredEvent} peer-payment-required - Payment is due; cancelable. Detail: `{ bookingId, checkoutUrl }`. Unless cancelled, the element sends the seeker to `checkoutUrl` (https only).
 * @fires {PeerBookingCancelledEvent} peer-booking-cancelled - The seeker cancelled. Detail: `{ bookingId, feeApplies }`.
 * @fires {PeerBookingRescheduledEvent} peer-booking-rescheduled - The seeker moved the session. Detail: `{ bookingId, start }`.
 * @fires {PeerErrorEvent} peer-error - Loading or sending failed, or the API's answer was not readable.
 */
export class PeerBooking extends PeerDataElement {
  static override tagName = 'peer-booking';
  static override styles = [tokens, focusRing, formStyles, slotPickerStyles, styles];

  /** The supporter to book with; else the provider's selection; else the element offers a choice. */
  @property({ attribute: 'supporter-id' }) supporterId?: string;
  /** A slot start (ISO 8601) to preselect, as `peer-supporter-selected` gives it. */
  @property({ attribute: 'slot-start' }) slotStart?: string;
  /** Preset session length, one the program offers. */
  @property({ type: Number, attribute: 'length-minutes' }) lengthMinutes?: SessionLength;
  /** A gift code to apply (checked through the API; the normal price applies if it cannot be used). */
  @property({ attribute: 'gift-code' }) giftCode?: string;
  /** Read the gift code from the page URL's `gift` parameter once, then take it out of the URL. */
  @property({ type: Boolean, attribute: 'gift-code-from-url' }) giftCodeFromUrl = false;
  /** With `manage-token`: show this booking and let the seeker cancel or reschedule it. */
  @property({ attribute: 'booking-id' }) bookingId?: string;
  /** The booking's secret, from the booking's answer or its email link; sent in a header only. */
  @property({ attribute: 'manage-token' }) manageToken?: string;
  /**
   * Read `booking` and `token` from the URL fragment (`#booking=…&token=…`), once, then remove them
   * from the address bar. Never put them in the query string.
   */
  @property({ type: Boolean, attribute: 'manage-from-fragment' }) manageFromFragment = false;
  /** Days of open times shown ahead (1 to 90). */
  @property({ type: Number, attribute: 'horizon-days' }) horizonDays = 21;

  @state() private draft: BookingDraft = emptyDraft(seekerTimeZone());
  @state() private created?: CreatedBooking;
  /** "Book another supporter": the chooser, whatever the attribute or provider said. */
  @state() private chooseAnother = false;
  private appliedSelection?: SupporterSelection;
  /** A code from the attribute or the URL, checked once the program is known. */
  private giftToCheck = false;
  /** The provider's gift code last applied. */
  private providedCode?: string;
  private internals = this.attachInternals();

  private readonly status = new Announcer(this);
  private readonly form = new FormState(this);
  private readonly crisisNodes = new CrisisNodes();
  private readonly picker = new SlotPicker(this);
  private readonly program = new ProgramLoader(
    this,
    () => [this.client, this.config?.program],
    () => this.requestUpdate(),
    // A failed load is said (live region) and reported (`peer-error`).
    (error) => this.failed(error),
  );
  private readonly tasks = new BookingTasks(this, {
    client: () => this.client,
    draft: () => this.draft,
    flow: () => this.flow,
    needsChooser: () => this.needsChooser,
    horizonDays: () => this.horizon,
    provided: () => this.config?.gift,
    failed: (error) => this.failed(error),
  });
  private readonly manage = new ManageSlot(this, {
    client: () => this.client,
    t: () => this.t,
    locale: () => this.locale,
    timeZone: () => this.draft.timeZone,
    currency: () => this.program.value?.currency ?? 'USD',
    announce: (message) => this.status.announce(message),
    failed: (error) => this.failed(error),
    errorView: (error, retry) => this.renderError(error, retry),
    picker: this.picker,
    pickerDays: () => this.horizon,
    setZone: (zone) => this.set('timeZone', zone),
    rebook: (same) => this.rebook(same),
  });

  private readonly submit = new BookingSubmit(this, {
    client: () => this.client,
    request: () => (this.flow ? requestOf(this.draft, this.flow) : undefined),
    tasks: this.tasks,
    slotStart: () => this.draft.slotStart,
    created: (created) => this.requested(created),
    failed: (error) => {
      // Nothing was lost; "Send" again reuses the same idempotency key, so it cannot book twice.
      this.failed(error);
      this.nav.general = `${this.errorMessage(error)} ${this.t.sendAgain}`;
    },
    refused: ({ problems, slotStart }, reason) => {
      if (slotStart) this.draft = { ...this.draft, slotStart };
      const messages = this.t.problems as Record<string, string>;
      void this.nav.showRefusal(problems, reason ? messages[`review:${reason}`]! : '');
    },
  });
  private readonly nav = new BookingSteps(this, {
    t: () => this.t,
    draft: () => this.draft,
    flow: () => this.flow,
    view: () => (this.flow ? this.view(this.flow) : undefined),
    form: this.form,
    announce: (message) => this.status.announce(message),
    settle: async (step) => {
      const code = this.draft.giftCode;
      if (step === 'price' && code.trim() && !this.tasks.giftChecked(code)) await this.checkGift();
      if (step === 'supporter') await this.tasks.supporterLoaded();
    },
    send: () => this.send(),
  });

  private get t(): BookingStrings {
    return localize(strings, this.locale, this);
  }

  private get needsChooser(): boolean {
    return this.chooseAnother || !(this.supporterId || this.config?.selection);
  }

  /** The flow's context, once the program is known. */
  private get flow(): FlowContext | undefined {
    const program = this.program.value;
    return program
      ? flowContext(
          program,
          this.tasks.profile(),
          this.tasks.gift.value,
          !this.needsChooser,
          this.draft,
        )
      : undefined;
  }

  /** `horizon-days` within 1 to 90. */
  private get horizon(): number {
    return Math.min(90, Math.max(1, Math.round(this.horizonDays) || 21));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const found = readBookingUrl({ gift: this.giftCodeFromUrl, fragment: this.manageFromFragment });
    if (found.giftCode) {
      this.draft = { ...this.draft, giftCode: found.giftCode };
      this.giftToCheck = true;
    }
    if (found.bookingId) Object.assign(this, found);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (
      (changed.has('bookingId') || changed.has('manageToken')) &&
      this.bookingId &&
      this.manageToken
    ) {
      this.manage.open(this.bookingId, this.manageToken);
    }
    const provided = this.config?.gift?.code;
    const fresh = provided !== this.providedCode ? (this.providedCode = provided) : undefined;
    // A code given here; else the provider's (the recipient's link), once, where none was typed:
    // a code the person then removes stays removed.
    const code = changed.has('giftCode') && this.giftCode ? this.giftCode : fresh;
    if (code && (code === this.giftCode || !(this.giftCode || this.draft.giftCode))) {
      this.set('giftCode', code);
      this.giftToCheck = true;
    }
    const selection = this.config?.selection;
    if (changed.has('supporterId') || changed.has('slotStart') || changed.has('lengthMinutes')) {
      this.choose({
        supporterId: this.supporterId ?? this.draft.supporterId,
        ...(this.slotStart ? { slotStart: this.slotStart } : {}),
        ...(this.lengthMinutes ? { lengthMinutes: this.lengthMinutes } : {}),
      });
    } else if (selection && selection !== this.appliedSelection && !this.supporterId) {
      // A choice in the directory inside the same provider updates the booking.
      this.appliedSelection = selection;
      this.chooseAnother = false;
      this.choose(selection);
    }
    const flow = this.flow;
    if (flow && this.tasks.supporterSettled) {
      this.draft = withDefaults(this.draft, flow, this.nav.step);
      this.nav.settleStep(flow);
      this.draft = withDefaults(this.draft, flow, this.nav.step);
      // Only a code given by the host; one being typed is checked when the person applies it.
      if (this.giftToCheck) {
        this.giftToCheck = false;
        void this.checkGift();
      }
    }
    this.setStates();
  }

  /** A supporter (and maybe a time) chosen here, by attribute, or in the directory. */
  private choose(selection: Partial<SupporterSelection>): void {
    const changed = selection.supporterId !== this.draft.supporterId;
    this.draft = withSelection(this.draft, selection);
    // Another supporter: the flow goes on from its first open step (every answer kept).
    const step = this.nav.step;
    if (step === 'supporter' || (changed && step !== 'review')) this.nav.restart();
  }

  private setStates(): void {
    const states = this.internals.states;
    states.clear();
    if (this.manage.active) states.add('manage');
    else if (this.created) states.add('requested');
    else if (this.program.task.status === TaskStatus.ERROR) states.add('error');
    else if (!this.flow) states.add('loading');
    else if (this.nav.step) states.add(`step-${this.nav.step}`);
  }

  private view(flow: FlowContext): StepView {
    const problems = draftProblems(this.draft, flow);
    return {
      t: this.t,
      locale: this.locale,
      draft: this.draft,
      flow,
      problem: (field) => this.form.shown(field, problems),
      set: (field, value) => this.set(field, value),
      touch: (field) => this.form.touch(field),
      values: stepValues(this.t, this.locale, flow, this.draft, this.tasks.profile()?.name),
      crisis: (short) => this.crisisNodes.get(this.locale, short),
    };
  }

  private set<K extends keyof BookingDraft>(field: K, value: BookingDraft[K]): void {
    if (this.draft[field] === value) return;
    this.draft = withAnswer(this.draft, field, value);
    this.form.changed(field);
    this.nav.answered(field);
  }

  override render(): TemplateResult {
    return html`<section part="base" class="base" aria-labelledby="title">
      ${this.renderCrisisLine()}
      <h2 id="title">${this.t.title}</h2>
      ${this.status.render()} ${this.renderBody()}
    </section>`;
  }

  private renderBody(): TemplateResult {
    if (!this.client)
      return html`<div part="error" class="error"><p>${this.strings.unavailable}</p></div>`;
    if (this.manage.active) return this.manage.render(!!this.created);
    if (this.program.task.status === TaskStatus.ERROR) {
      return this.renderError(this.program.task.error, () => {
        // Everything that failed with it (the chooser's list, say) loads again too.
        this.program.retry();
        this.tasks.retryFailed();
      });
    }
    const flow = this.flow;
    const nav = this.nav;
    const steps = nav.steps;
    if (!flow || !nav.step || !steps.includes(nav.step))
      return html`<p class="loading" part="loading">${this.strings.loading}</p>`;
    return stepForm(this.view(flow), this.tasks, {
      step: nav.step,
      steps,
      ineligible: nav.ineligible,
      general: nav.general,
      sending: this.submit.sending,
      canOpen: (s) => canOpen(steps, s, this.draft, flow),
      goTo: (s) => nav.goTo(s),
      changeAnswers: () => nav.changeAnswers(),
      submit: nav.continue,
      picker: this.picker,
      supporterName: this.tasks.profile()?.name,
      change: (s) => nav.goTo(s, true),
      select: (slot) => this.pickSlot(slot),
      setZone: (zone) => this.set('timeZone', zone),
      checkGift: () => void this.checkGift(),
      horizonDays: this.horizon,
      errorView: (error, retry) => this.renderError(error, retry),
    });
  }

  private pickSlot(slot: Slot): void {
    this.set('slotStart', slot.start);
    const time = slotLabel(slot, this.locale, this.draft.timeZone);
    this.status.announce(format(this.t.slotChosen, { time }));
  }

  private async checkGift(): Promise<GiftCheck | undefined> {
    const result = await this.tasks.checkGift(normalizeCode(this.draft.giftCode));
    const flow = this.flow;
    if (result && flow) {
      this.form.touch('giftCode');
      this.status.announce(giftCheckMessage(this.view(flow), result.problem));
    }
    return result;
  }

  private send(): void {
    if (!this.submit.send()) return;
    this.nav.general = '';
    this.status.announce(this.t.sending);
  }

  private requested(created: CreatedBooking): void {
    this.created = created;
    const { manageToken, ...booking } = created;
    this.manage.open(created.id, manageToken, booking, this.tasks.profile()?.name);
    this.status.announce(this.t.requestedTitle);
    void this.manage.focusTitle();
    announceBooking(this, created, (url) => this.navigate(url));
  }

  /** Sends the seeker to the partner's checkout. A subclass may open it another way. */
  protected navigate(url: string): void {
    location.assign(url);
  }

  /** Book again: the same supporter's times, or the chooser. The person's answers stay. */
  private rebook(same?: Pick<Booking, 'supporterId' | 'lengthMinutes' | 'modality'>): void {
    const supporterId = same?.supporterId;
    this.manage.close();
    this.created = undefined;
    this.tasks.forgetKey();
    this.chooseAnother = !supporterId;
    this.draft = rebookDraft(this.draft, same);
    // The card may have just been used by the booking made: its balance is asked again.
    this.giftToCheck = !!this.draft.giftCode;
    this.nav.restart(supporterId ? 'time' : undefined);
    this.form.reset();
    void this.nav.focus();
  }

  private readonly failed = (error: unknown): void => {
    if (isApiError(error) && error.kind === 'aborted') return;
    this.reportError(error);
    this.status.announce(this.errorMessage(error));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'peer-booking': PeerBooking;
  }
}
