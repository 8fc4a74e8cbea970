/**
 * The balance view (`mode="balance"`): a code, Check, and what the card has left, or a message
 * naming what is wrong with it. The code stays in this controller: never in an event, storage or
 * the URL (it is a bearer secret).
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { ApiClient } from '../../api/client.js';
import { isApiError } from '../../api/errors.js';
import type { GiftCardBalance } from '../../api/gift-card-schemas.js';
import type { GiftCardStrings } from '../../i18n/gift-card-en.js';
import type { Locale } from '../../i18n/types.js';
import { format } from '../../i18n/locale.js';
import { inputValue } from '../../internal/form-fields.js';
import { CODE, normalizeCode } from './gift-card-flow.js';
import { dateText, lengthText } from './gift-card-steps.js';

type Balance = GiftCardBalance;

type Problem = keyof GiftCardStrings['balance'];

export interface BalanceDeps {
  client: () => ApiClient | undefined;
  t: () => GiftCardStrings;
  locale: () => Locale;
  announce: (message: string) => void;
  /** Not about the card: offline, a 5xx, an unreadable answer. */
  failed: (error: unknown) => void;
  errorView: (error: unknown) => TemplateResult;
}

export class GiftBalance {
  private code = '';
  private problem?: Problem;
  private readonly task: Task<readonly [], Balance | undefined>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly deps: BalanceDeps,
  ) {
    this.task = new Task(host, {
      autoRun: false,
      args: () => [] as const,
      task: (_, { signal }) => {
        const client = deps.client();
        return client?.getGiftCard(this.code, { signal });
      },
      onComplete: (balance) => balance && deps.announce(this.summary(balance)),
      onError: (error) => {
        const status = isApiError(error) && error.kind === 'http' ? error.status : undefined;
        this.problem = status === 404 ? 'unknown' : status === 429 ? 'tooMany' : undefined;
        if (this.problem) deps.announce(deps.t().balance[this.problem]);
        else deps.failed(error);
      },
    });
  }

  get loading(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  private check(event: Event): void {
    event.preventDefault();
    const code = normalizeCode(this.code);
    this.code = code;
    this.problem = !code ? 'required' : CODE.test(code) ? undefined : 'malformed';
    this.host.requestUpdate();
    if (this.problem) {
      this.deps.announce(this.deps.t().balance[this.problem]);
      (event.target as HTMLFormElement).querySelector('input')?.focus();
      return;
    }
    this.deps.announce(this.deps.t().checking);
    void this.task.run();
  }

  /** What the card has, or why it cannot be used. */
  private summary(balance: Balance): string {
    const t = this.deps.t();
    if (balance.status !== 'active') return t.balance[balance.status];
    const { sessionsRemaining: left, sessionsTotal: total } = balance;
    const forms = t.balanceLeft;
    return format(total === 1 ? forms.only : left === 1 ? forms.one : forms.other, { left, total });
  }

  private result(): TemplateResult | typeof nothing {
    const t = this.deps.t();
    if (this.problem) return nothing;
    if (this.task.status === TaskStatus.ERROR) return this.deps.errorView(this.task.error);
    if (this.task.status === TaskStatus.PENDING)
      return html`<p class="loading" part="loading">${t.checking}</p>`;
    const balance = this.task.value;
    if (!balance || this.task.status !== TaskStatus.COMPLETE) return nothing;
    if (balance.status !== 'active')
      return html`<p part="balance" class="balance">${this.summary(balance)}</p>`;
    return html`<div part="balance" class="balance">
      <p><strong>${this.summary(balance)}</strong></p>
      <p>${format(t.balanceLength, { length: lengthText(t, balance.lengthMinutes) })}</p>
      <p>
        ${
          balance.expiresOn
            ? format(t.balanceExpires, { date: dateText(balance.expiresOn, this.deps.locale()) })
            : t.balanceNoExpiry
        }
      </p>
    </div>`;
  }

  render(): TemplateResult {
    const t = this.deps.t();
    const problem = this.problem;
    return html`<form class="step" part="step" novalidate @submit=${(e: Event) => this.check(e)}>
      <div class="field">
        <label for="code">${t.codeLabel}</label>
        <p class="hint" id="code-hint">${t.codeHint}</p>
        <input
          id="code"
          name="code"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck="false"
          maxlength="44"
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby=${problem ? 'code-hint code-error' : 'code-hint'}
          .value=${this.code}
          @input=${(e: Event) => (this.code = inputValue(e))}
          @change=${(e: Event) => {
            this.code = normalizeCode(inputValue(e));
            this.host.requestUpdate();
          }}
        />
        ${
          problem
            ? html`<p class="field-error" id="code-error" part="field-error">
                ${t.balance[problem]}
              </p>`
            : nothing
        }
      </div>
      <div class="buttons">
        <button type="submit" class="primary" ?disabled=${this.loading}>${t.check}</button>
      </div>
      ${this.result()}
    </form>`;
  }
}
