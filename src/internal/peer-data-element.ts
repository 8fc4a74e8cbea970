import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { PeerElement } from './peer-element.js';
import { clientFor } from '../config/client-cache.js';
import type { ApiClient } from '../api/client.js';
import { isApiError } from '../api/errors.js';
import { errorEventFor } from '../events.js';
import { common as enCommon } from '../i18n/en.js';
import { common as esCommon } from '../i18n/es.js';
import type { CommonStrings } from '../i18n/types.js';
import { CrisisBanner } from '../elements/crisis-banner/crisis-banner.js';

const commonStrings: Record<'en' | 'es', CommonStrings> = { en: enCommon, es: esCommon };

/**
 * Base of the elements that load data (directory, booking, gift cards): the API client from the
 * provider or from the element's own `api-base`, and the parts every state shares: the compact
 * crisis line (QUALITY C1) and a clear error message with a retry button (R1).
 */
export class PeerDataElement extends PeerElement {
  /**
   * Base URL of the partner's API, for use without a `<peer-support-provider>`. Must be `https:`
   * (or `http:` on localhost); anything else is refused with a console error. A provider's
   * `api-base` wins.
   */
  @property({ attribute: 'api-base' }) apiBase?: string;

  override connectedCallback(): void {
    // Every data element shows <crisis-banner variant="compact">: registered on first use, not on
    // import, so that importing the package changes nothing on the page.
    CrisisBanner.define();
    super.connectedCallback();
  }

  /** The provider's shared client, else one for this element's `api-base`, else none. */
  protected get client(): ApiClient | undefined {
    return this.config?.client ?? (this.apiBase ? clientFor(this.apiBase, this.locale) : undefined);
  }

  protected get strings(): CommonStrings {
    return commonStrings[this.locale];
  }

  /**
   * The compact crisis line, rendered in every state (QUALITY C1). It is a nested
   * `<crisis-banner>`, so the crisis content has one source; it reads the provider's config
   * itself (and so adds the program's own crisis line), and takes this element's locale.
   */
  protected renderCrisisLine(): TemplateResult {
    return html`<crisis-banner
      part="crisis"
      variant="compact"
      lang=${this.locale}
      theme=${this.theme ?? 'auto'}
    ></crisis-banner>`;
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
