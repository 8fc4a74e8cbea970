import {
  html,
  nothing,
  type CSSResultOrNative,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { PeerElement } from './peer-element.js';
import { clientFor, refusalOf } from '../config/client-cache.js';
import type { ApiClient } from '../api/client.js';
import { isApiError } from '../api/errors.js';
import { PeerErrorEvent } from '../events.js';
import { errorEventFor } from './error-event.js';
import { commonStrings } from '../i18n/common.js';
import type { CommonStrings } from '../i18n/types.js';
import { crisisLineStyles } from './crisis-line.js';
import { tokens } from '../styles/tokens.js';
import { CrisisBar, crisisBarStyles } from './crisis-bar.js';

/**
 * Base of the elements that load data (directory, booking, gift cards): the API client from the
 * provider or from the element's own `api-base`, and the parts every state shares: the compact
 * crisis line (QUALITY C1) and a clear error message with a retry button (R1).
 */
export class PeerDataElement extends PeerElement {
  // Not a decorator: smaller in the shared core chunk (QUALITY P1).
  // A getter, not a field: the custom-elements analyzers (lit-analyzer) read it.
  static override get properties(): PropertyDeclarations {
    return { apiBase: { attribute: 'api-base' } };
  }

  /**
   * Base URL of the partner's API, for use without a `<peer-support-provider>`. Must be `https:`
   * (or `http:` on localhost); anything else is refused with a console error. A provider's
   * `api-base` wins.
   */
  declare apiBase?: string;

  /** Every data element's crisis line and its room at the top (QUALITY C1, A6). */
  static override finalizeStyles(styles?: CSSResultOrNative[]): CSSResultOrNative[] {
    const own = super.finalizeStyles(styles);
    return [...(own.includes(tokens) ? [] : [tokens]), ...own, crisisLineStyles, crisisBarStyles];
  }

  private readonly crisisBar = new CrisisBar(this, () => ({
    locale: this.locale,
    config: this.config,
  }));

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A refused api-base of the element's own (no provider to override it) is a config error the
    // host page hears of, as it does from a provider (QUALITY S5).
    if (changed.has('apiBase') && this.apiBase && !this.config?.client) {
      const reason = refusalOf(this.apiBase);
      if (reason) this.dispatchEvent(new PeerErrorEvent({ kind: 'config', message: reason }));
    }
  }

  /** The provider's shared client, else one for this element's `api-base`, else none. */
  protected get client(): ApiClient | undefined {
    return this.config?.client ?? (this.apiBase ? clientFor(this.apiBase, this.locale) : undefined);
  }

  protected get strings(): CommonStrings {
    return commonStrings[this.locale];
  }

  /**
   * The crisis line, rendered first in every state (QUALITY C1): sticky at the element's top,
   * with the program's own line from the provider; see `CrisisBar`.
   */
  protected renderCrisisLine(): TemplateResult {
    return this.crisisBar.render();
  }

  /** What went wrong, in plain words: offline, unreadable data, or a failed load. */
  protected errorMessage(error: unknown): string {
    const t = this.strings;
    if (!navigator.onLine || (isApiError(error) && error.kind === 'network')) return t.offline;
    return isApiError(error) && error.kind === 'validation' ? t.invalidData : t.loadFailed;
  }

  /** What a person sees when loading failed: what happened, in plain words, and a way to retry. */
  protected renderError(error: unknown, retry?: () => void): TemplateResult {
    // Not a live region of its own: the element's one status region announces the error (A4).
    return html`<div part="error" class="error">
      <p>${this.errorMessage(error)}</p>
      ${
        retry
          ? html`<button part="retry" class="retry" type="button" @click=${retry}>
              ${this.strings.retry}
            </button>`
          : nothing
      }
    </div>`;
  }

  /** Tells the host page what failed, without personal data. */
  protected reportError(error: unknown): void {
    const event = errorEventFor(error);
    if (event) this.dispatchEvent(event);
  }
}
