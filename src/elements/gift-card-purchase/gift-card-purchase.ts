import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TaskStatus } from '@lit/task';
import type { Program } from '../../api/schemas.js';
import { isApiError } from '../../api/errors.js';
import { PeerErrorEvent } from '../../events.js';
import { PeerDataElement } from '../../internal/peer-data-element.js';
import { Announcer } from '../../internal/announcer.js';
import { ProgramLoader } from '../../internal/program-loader.js';
import { FormState } from '../../internal/form-state.js';
import { localize, type Translations } from '../../internal/localize.js';
import { format } from '../../i18n/locale.js';
import { giftCard as en, type GiftCardStrings } from '../../i18n/gift-card-en.js';
import { tokens, focusRing } from '../../styles/tokens.js';
import { PeerPaymentRequiredEvent } from '../peer-booking/booking-events.js';
import { formatMoney, messageFor } from '../../internal/form-fields.js';
import { styles } from './gift-card-purchase.styles.js';
import { formStyles } from '../../internal/form-styles.js';
import {
  canOpen,
  emptyGiftDraft,
  giftProblems,
  giftSettings,
  giftSteps,
  maxSessionsOf,
  requestOf,
  stepFields,
  type GiftDraft,
  type GiftField,
  type GiftStep,
} from './gift-card-flow.js';
import { dateText, renderGiftStep, type GiftView } from './gift-card-steps.js';
import { GiftSubmit, type GiftPurchase } from './gift-card-submit.js';
import { GiftBalance } from './gift-card-balance.js';
import { PeerGiftCardPurchasedEvent } from './gift-card-events.js';

/** English travels with the element; Spanish is imported the first time it is asked for. */
const strings: Translations<GiftCardStrings> = {
  id: 'giftCard',
  en,
  load: { es: () => import('../../i18n/gift-card-es.js') },
};

/** The draft field a problem belongs to (the package choice and the typed number are `sessions`). */
const problemField = (field: GiftField): string =>
  field === 'choice' || field === 'customSessions'
    ? 'sessions'
    : field === 'delivery'
      ? 'deliverOn'
      : field;

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * Gives peer-support sessions as a gift, step by step: how many sessions (a package of the
 * program's, or another number within its limit) and of which length, who buys and who receives,
 * an optional message and the delivery date, and a review. The API emails the recipient the link
 * on that date; the widget never sends email or takes card data: when payment is due it hands the
 * purchaser to the partner's https checkout. With `mode="balance"` it checks a card's balance
 * instead, from its code.
 *
 * What the person typed lives in the element only: Back, the step list, a language switch or a
 * failed send lose nothing, and nothing personal (nor the code) reaches storage, a URL or an event.
 *
 * @summary Buy peer-support sessions as a gift, or check a gift card's balance.
 * @tag gift-card-purchase
 *
 * @csspart base - The whole element.
 * @csspart steps - The list of steps.
 * @csspart step - The open step (and the balance form).
 * @csspart total - The total price of the sessions.
 * @csspart count - The message's character count.
 * @csspart summary - The review's summary.
 * @csspart field-error - A field's error message.
 * @csspart confirmation - What happens next, once the gift was sent.
 * @csspart balance - A card's balance.
 * @csspart empty - Said when the program offers no gift cards.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @csspart loading - A loading message.
 * @csspart crisis - The crisis line, shown in every step and state.
 *
 * @cssprop [--peer-sticky-offset=0px] - Height of the page's own sticky header: the crisis line sticks below it.
 * @cssprop [--peer-gift-card-max-width=40rem] - Widest the element grows.
 *
 * @cssstate loading - The program is loading.
 * @cssstate error - Loading failed.
 * @cssstate step-sessions - The sessions step is open.
 * @cssstate step-who - The purchaser and recipient step is open.
 * @cssstate step-message - The message and delivery step is open.
 * @cssstate step-review - The review step is open.
 * @cssstate purchased - The gift was sent.
 * @cssstate balance - The balance view is shown.
 *
 * @fires {PeerGiftCardPurchasedEvent} peer-gift-card-purchased - The API accepted the purchase. Detail: `{ giftCardId, sessions }`.
 * @fires {PeerPaymentRequiredEvent} peer-payment-required - Payment is due; cancelable. Detail: `{ giftCardId, checkoutUrl }`. Unless cancelled, the element sends the purchaser to `checkoutUrl` (https only).
 * @fires {PeerErrorEvent} peer-error - Loading or sending failed, or the API's answer was not readable.
 */
export class GiftCardPurchase extends PeerDataElement {
  static override tagName = 'gift-card-purchase';
  static override styles = [tokens, focusRing, formStyles, styles];

  /** `purchase` (the default) buys a gift card; `balance` checks one from its code. */
  @property() mode: 'purchase' | 'balance' = 'purchase';

  @state() private draft: GiftDraft = emptyGiftDraft(browserZone());
  @state() private step: GiftStep = 'sessions';
  @state() private purchase?: GiftPurchase;
  /** Said on the review: a failed send, with what to do. */
  @state() private general = '';
  /** Payment due: on the way to the checkout, the host's own checkout, or none to go to. */
  @state() private payment?: 'checkout' | 'host' | 'unavailable';
  private programFailure: unknown;
  private internals = this.attachInternals();

  private readonly status = new Announcer(this);
  private readonly form = new FormState(this);
  private readonly program = new ProgramLoader(
    this,
    () => [this.client, this.config?.program],
    () => this.requestUpdate(),
  );
  private readonly submit = new GiftSubmit(this, {
    client: () => this.client,
    request: () => (this.program.value ? requestOf(this.draft, this.program.value) : undefined),
    done: (purchase) => this.purchased(purchase),
    failed: (error) => {
      // Nothing was lost; "Send gift" again reuses the same idempotency key: one card.
      if (isApiError(error) && error.kind === 'aborted') return;
      this.reportError(error);
      void this.sayOnReview(`${this.sendErrorMessage(error)} ${this.t.sendAgain}`);
    },
    refused: (problems) => {
      this.form.setServer(problems);
      const step = giftSteps.find((s) => stepFields(s, this.draft).some((f) => problems[f]));
      // Nothing on the form to point at (a time zone, a header): say so on the review.
      if (!step) return void this.sayOnReview(this.t.refusedGeneral);
      void this.goTo(step, false).then(() => this.focusProblem(step));
    },
    keyReused: () => void this.sayOnReview(this.t.keyReused),
  });
  private readonly balance = new GiftBalance(this, {
    client: () => this.client,
    t: () => this.t,
    locale: () => this.locale,
    announce: (message) => this.status.announce(message),
    failed: (error) => this.failed(error),
    errorView: (error) => this.renderError(error),
  });

  private get t(): GiftCardStrings {
    return localize(strings, this.locale, this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const program = this.program.value;
    // One length to choose from, or any length: nothing to ask.
    if (program && this.draft.lengthMinutes === undefined && program.sessionLengths.length === 1)
      this.draft = { ...this.draft, lengthMinutes: program.sessionLengths[0] };
    this.reportProgramError();
    this.setStates();
  }

  private reportProgramError(): void {
    if (this.mode === 'balance') return;
    const { status, error } = this.program.task;
    const failure = status === TaskStatus.ERROR ? error : undefined;
    if (failure === this.programFailure) return;
    this.programFailure = failure;
    if (failure) this.failed(failure);
  }

  private setStates(): void {
    const states = this.internals.states;
    states.clear();
    if (this.mode === 'balance') states.add('balance');
    else if (this.purchase) states.add('purchased');
    else if (this.program.task.status === TaskStatus.ERROR) states.add('error');
    else if (!this.program.value) states.add('loading');
    else states.add(`step-${this.step}`);
  }

  private view(program: Program): GiftView {
    const problems = giftProblems(this.draft, program);
    const t = this.t;
    return {
      t,
      locale: this.locale,
      draft: this.draft,
      program,
      problem: (field) => this.form.shown(field, problems),
      set: (field, value) => this.set(field, value),
      touch: (field) => this.form.touch(field),
      values: { max: maxSessionsOf(giftSettings(program)) },
      money: (minor) => formatMoney(minor, program.currency, this.locale),
    };
  }

  private set<K extends GiftField>(field: K, value: GiftDraft[K]): void {
    if (this.draft[field] === value) return;
    this.draft = { ...this.draft, [field]: value };
    this.form.changed(problemField(field));
    this.general = '';
  }

  /** Opens a step (nothing typed is lost) and moves focus to its heading. */
  private async goTo(step: GiftStep, focus = true): Promise<void> {
    this.step = step;
    await this.updateComplete;
    if (focus) this.renderRoot.querySelector<HTMLElement>('#step-title')?.focus();
  }

  /** Focuses the first field of `step` with a problem shown. */
  private focusProblem(step: GiftStep): void {
    const program = this.program.value;
    if (!program) return;
    const problems = giftProblems(this.draft, program);
    const field = stepFields(step, this.draft).find((f) => this.form.shown(f, problems));
    if (!field) return;
    const selector =
      field === 'sessions' && this.draft.choice !== 'other'
        ? '[name=choice]'
        : field === 'lengthMinutes'
          ? '[name=lengthMinutes]'
          : `[name=${field}]`;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
    const view = this.view(program);
    this.status.announce(messageFor(view, field, this.form.shown(field, problems)!));
  }

  private readonly continue = async (event: Event): Promise<void> => {
    event.preventDefault();
    const program = this.program.value;
    if (!program) return;
    const step = this.step;
    if (step === 'review') return this.send();
    const fields = stepFields(step, this.draft);
    const problems = giftProblems(this.draft, program);
    const wrong = fields.filter((f) => problems[f]);
    if (wrong.length) {
      this.form.submit(fields);
      await this.updateComplete;
      this.focusProblem(step);
      if (wrong.length > 1) this.status.announce(format(this.t.fixOther, { n: wrong.length }));
      return;
    }
    const next = giftSteps[giftSteps.indexOf(step) + 1]!;
    await this.goTo(next);
    this.status.announce(this.heading(next));
  };

  private heading(step: GiftStep): string {
    const t = this.t;
    return `${format(t.stepOf, { n: giftSteps.indexOf(step) + 1, total: giftSteps.length })} ${t.stepTitles[step]}`;
  }

  /** What a failed send says: offline, unreadable, or its own words (not "while loading"). */
  private sendErrorMessage(error: unknown): string {
    if (!navigator.onLine || (isApiError(error) && error.kind === 'network'))
      return this.strings.offline;
    return isApiError(error) && error.kind === 'validation'
      ? this.strings.invalidData
      : this.t.sendFailed;
  }

  /** Shows `message` on the review, focuses it (focus never falls to the page) and announces it. */
  private async sayOnReview(message: string): Promise<void> {
    this.general = message;
    await this.goTo('review', false);
    this.renderRoot.querySelector<HTMLElement>('#general-error')?.focus();
    this.status.announce(message);
  }

  private send(): void {
    if (!this.submit.send()) return;
    this.general = '';
    this.status.announce(this.t.sending);
  }

  private async purchased(purchase: GiftPurchase): Promise<void> {
    const url = purchase.checkoutUrl?.trim() ?? '';
    const due = purchase.status === 'pending-payment';
    this.payment = !due ? undefined : /^https:\/\//i.test(url) ? 'checkout' : 'unavailable';
    this.purchase = purchase;
    this.status.announce(this.t.sentTitle);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#done-title')?.focus();
    this.dispatchEvent(
      new PeerGiftCardPurchasedEvent({ giftCardId: purchase.id, sessions: purchase.sessions }),
    );
    if (!due) return;
    if (this.payment === 'unavailable') {
      this.status.announce(this.t.payUnavailable);
      this.dispatchEvent(
        new PeerErrorEvent({
          kind: 'validation',
          endpoint: 'purchaseGiftCard',
          message:
            'Payment is due but the gift card has no https checkoutUrl; the purchaser was not sent anywhere.',
        }),
      );
      return;
    }
    const event = new PeerPaymentRequiredEvent({ giftCardId: purchase.id, checkoutUrl: url });
    if (this.dispatchEvent(event)) this.navigate(url);
    else this.payment = 'host';
  }

  /** Sends the purchaser to the partner's checkout. A subclass may open it another way. */
  protected navigate(url: string): void {
    location.assign(url);
  }

  private readonly failed = (error: unknown): void => {
    if (isApiError(error) && error.kind === 'aborted') return;
    this.reportError(error);
    this.status.announce(this.errorMessage(error));
  };

  override render(): TemplateResult {
    const t = this.t;
    return html`<section part="base" class="base" aria-labelledby="title">
      ${this.renderCrisisLine()}
      <h2 id="title">${this.mode === 'balance' ? t.balanceTitle : t.title}</h2>
      ${this.status.render()} ${this.renderBody()}
    </section>`;
  }

  private renderBody(): TemplateResult {
    if (!this.client)
      return html`<div part="error" class="error"><p>${this.strings.unavailable}</p></div>`;
    if (this.mode === 'balance') return this.balance.render();
    const task = this.program.task;
    if (task.status === TaskStatus.ERROR)
      return this.renderError(task.error, () => this.program.retry());
    const program = this.program.value;
    if (!program) return html`<p class="loading" part="loading">${this.strings.loading}</p>`;
    if (!program.giftCards.enabled)
      return html`<p part="empty" class="empty">${this.t.unavailable}</p>`;
    if (this.purchase) return this.renderDone(this.purchase);
    return this.renderStep(program);
  }

  private renderStep(program: Program): TemplateResult {
    const t = this.t;
    const step = this.step;
    return html`<nav aria-label=${t.stepsLabel}>
        <ol part="steps" class="steps">
          ${giftSteps.map((s, n) => {
            const label = `${n + 1}. ${t.stepNames[s]}`;
            return s === step
              ? html`<li aria-current="step"><span>${label}</span></li>`
              : canOpen(s, this.draft, program)
                ? html`<li>
                    <button type="button" class="link" @click=${() => void this.goTo(s)}>
                      ${label}
                    </button>
                  </li>`
                : html`<li class="muted"><span>${label}</span></li>`;
          })}
        </ol>
      </nav>
      <form part="step" class="step" novalidate @submit=${this.continue}>
        <h3 id="step-title" tabindex="-1">${this.heading(step)}</h3>
        ${renderGiftStep(step, this.view(program), (s) => void this.goTo(s))}
        ${
          step === 'review' && this.general
            ? html`<p id="general-error" class="field-error" tabindex="-1">${this.general}</p>`
            : nothing
        }
        <div class="buttons">
          ${
            step === 'sessions'
              ? nothing
              : html`<button
                  type="button"
                  class="secondary"
                  @click=${() => void this.goTo(giftSteps[giftSteps.indexOf(step) - 1]!)}
                >
                  ${t.back}
                </button>`
          }
          <button
            type="submit"
            class="primary"
            aria-disabled=${this.submit.sending ? 'true' : 'false'}
          >
            ${step === 'review' ? (this.submit.sending ? t.sending : t.send) : t.continue}
          </button>
        </div>
      </form>`;
  }

  private renderDone(purchase: GiftPurchase): TemplateResult {
    const t = this.t;
    const deliverOn =
      purchase.deliverOn ?? (this.draft.delivery === 'date' ? this.draft.deliverOn : '');
    const today = !deliverOn || this.draft.delivery === 'today';
    const when = today
      ? t.sentWhenToday
      : format(t.sentWhenDate, { date: dateText(deliverOn, this.locale) });
    return html`<div part="confirmation" class="step">
      <h3 id="done-title" tabindex="-1">${t.sentTitle}</h3>
      <p>
        ${
          this.draft.forMe
            ? format(t.sentNextForMe, { when })
            : format(t.sentNext, { who: this.draft.recipientName.trim(), when })
        }
      </p>
      ${
        this.payment
          ? html`<p>
              ${
                this.payment === 'checkout'
                  ? t.payNext
                  : this.payment === 'host'
                    ? t.payHost
                    : t.payUnavailable
              }
            </p>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gift-card-purchase': GiftCardPurchase;
  }
}
