import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { PeerElement } from '../../internal/peer-element.js';
import { renderCrisisLine, renderExtraLinks, crisisLineStyles } from '../../internal/crisis-line.js';
import { checkExtraLine, type ExtraLine } from '../../internal/extra-line.js';
import { tokens, focusRing } from '../../styles/tokens.js';
import { crisis as en } from '../../i18n/en.js';
import { crisis as es } from '../../i18n/es.js';
import type { CrisisStrings } from '../../i18n/types.js';
import { styles } from './crisis-banner.styles.js';
import { DockSpace } from './dock-space.js';

export type CrisisBannerVariant = 'inline' | 'compact' | 'docked';

const strings: Record<'en' | 'es', CrisisStrings> = { en, es };

/**
 * Crisis help that is always on screen: call or text 988 (the Suicide & Crisis Lifeline), chat at
 * 988lifeline.org, and call 911 in an emergency. It needs no network and no configuration, and
 * paints in the first frame after it upgrades. A partner may add its own crisis line; it is shown
 * in addition to 988 and 911, never instead of them.
 *
 * Write fallback text inside the element in your page's HTML: it shows before the script runs
 * (and if it never does), and is replaced by the full banner once the element upgrades.
 *
 * @summary 988 and 911 crisis messaging, always visible, needing no network.
 * @tag crisis-banner
 *
 * @slot - Fallback content written in the page's HTML. Shown only until the element upgrades.
 *
 * @csspart base - The labelled landmark that holds the banner.
 * @csspart title - The opening sentence (inline and docked details).
 * @csspart actions - The list of 988 actions.
 * @csspart action - A primary call, text or chat link.
 * @csspart emergency - The 911 sentence.
 * @csspart extra - The partner's own crisis line.
 * @csspart details - The full content of a docked banner, shown when expanded.
 * @csspart bar - The always-visible row of a docked banner.
 * @csspart toggle - The button that expands or collapses a docked banner.
 * @csspart crisis-line - The one-line form (compact variant and docked bar).
 * @csspart crisis-action - A link in the one-line form.
 *
 * @cssprop [--peer-crisis-banner-bg=var(--peer-color-crisis-bg)] - Background of the banner.
 * @cssprop [--peer-crisis-banner-color=var(--peer-color-text)] - Text colour of the banner.
 * @cssprop [--peer-crisis-banner-border=var(--peer-color-crisis)] - Accent border colour.
 * @cssprop [--peer-crisis-banner-z-index=2147483000] - Stacking order of a docked banner.
 * @cssprop [--peer-color-crisis=#8a1c2b] - Background of the call and text buttons.
 * @cssprop [--peer-color-on-crisis=#ffffff] - Text colour of the call and text buttons.
 */
export class CrisisBanner extends PeerElement {
  static override tagName = 'crisis-banner';
  static override styles = [tokens, focusRing, crisisLineStyles, styles];

  /**
   * `inline` (default): the full message where the element stands. `compact`: one line, the form
   * the other elements use. `docked`: fixed to the top or bottom of the viewport; it reserves its
   * own space so that it never covers the focused element.
   */
  @property({ reflect: true }) variant: CrisisBannerVariant = 'inline';

  /** Edge of the viewport a docked banner sticks to. */
  @property({ reflect: true }) position: 'top' | 'bottom' = 'bottom';

  /** Whether a docked banner shows its full content. 988 and 911 stay visible either way. */
  @property({ type: Boolean, reflect: true }) expanded = false;

  /** Name of the partner's own crisis line, e.g. "Campus crisis line". Needs `extra-phone`. */
  @property({ attribute: 'extra-label' }) extraLabel?: string;

  /** Phone number of the partner's crisis line. An invalid number is ignored with a warning. */
  @property({ attribute: 'extra-phone' }) extraPhone?: string;

  /** Number that takes texts for the partner's crisis line, if any. */
  @property({ attribute: 'extra-sms' }) extraSms?: string;

  /** Web page (https) of the partner's crisis line, if any. */
  @property({ attribute: 'extra-url' }) extraUrl?: string;

  @query('.dock') private dock?: HTMLElement;

  private extra?: ExtraLine;
  private readonly dockSpace = new DockSpace(this, () => this.dock);

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (
      changed.has('extraLabel') ||
      changed.has('extraPhone') ||
      changed.has('extraSms') ||
      changed.has('extraUrl') ||
      changed.has('config' as keyof CrisisBanner)
    ) {
      this.extra = this.resolveExtraLine();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('variant') || changed.has('position')) {
      this.dockSpace.set(this.variant === 'docked' ? this.position : undefined);
    }
  }

  override render(): TemplateResult {
    const t = strings[this.locale];
    if (this.variant === 'compact') {
      return html`<section part="base" class="compact" aria-label=${t.regionLabel}>
        ${renderCrisisLine(t, this.extra)}
      </section>`;
    }
    if (this.variant === 'docked') return this.renderDocked(t);
    return html`<section part="base" class="inline" aria-labelledby="title">
      ${this.renderFull(t)}
    </section>`;
  }

  private renderDocked(t: CrisisStrings): TemplateResult {
    return html`<section part="base" class="dock" aria-label=${t.regionLabel}>
      <div part="bar" class="bar">
        ${renderCrisisLine(t, undefined, { short: true })}
        <button
          part="toggle"
          class="toggle"
          type="button"
          aria-expanded=${this.expanded ? 'true' : 'false'}
          aria-controls="details"
          aria-label=${this.expanded ? t.lessHelp : t.moreHelp}
          @click=${this.toggleExpanded}
        >
          ${chevron}
        </button>
      </div>
      <div part="details" id="details" class="details" ?hidden=${!this.expanded}>
        ${this.renderFull(t)}
      </div>
    </section>`;
  }

  private renderFull(t: CrisisStrings): TemplateResult {
    const extra = this.extra;
    return html`<p part="title" id="title" class="title">${t.title}</p>
      <p class="intro">${t.intro}</p>
      <ul part="actions" class="actions">
        <li><a part="action" class="action" href="tel:988">${t.call988}</a></li>
        <li><a part="action" class="action" href="sms:988">${t.text988}</a></li>
        <li>
          <a
            part="action"
            class="action secondary"
            href=${t.chatUrl}
            target="_blank"
            rel="noopener noreferrer"
            >${t.chat988}<span class="visually-hidden"> ${t.opensInNewTab}</span></a
          >
        </li>
      </ul>
      <ul class="more">
        <li>${t.spanish}</li>
        <li>${t.asl}</li>
        <li>${t.veterans}</li>
      </ul>
      <p part="emergency" class="emergency">
        <span>${t.emergencyLead}</span>
        <a part="action" class="action emergency-action" href="tel:911">${t.call911}</a>
        <span>${t.emergencyTail}</span>
      </p>
      ${extra
        ? html`<p part="extra" class="extra">
            ${extra.url
              ? html`<a class="extra-label" href=${extra.url} target="_blank" rel="noopener noreferrer"
                  >${extra.label}<span class="visually-hidden"> ${t.opensInNewTab}</span></a
                >`
              : html`<span class="extra-label">${extra.label}</span>`}
            ${renderExtraLinks(t, extra)}
          </p>`
        : nothing}
      <p class="note">${t.notCrisisService}</p>`;
  }

  private toggleExpanded(): void {
    this.expanded = !this.expanded;
  }

  /** The attribute line wins over the program's, which the provider loads from the API. */
  private resolveExtraLine(): ExtraLine | undefined {
    if (this.extraLabel || this.extraPhone) {
      return checkExtraLine(
        { label: this.extraLabel, phone: this.extraPhone, sms: this.extraSms, url: this.extraUrl },
        '<crisis-banner>',
      );
    }
    const programLine = this.config?.program?.crisisLine;
    return programLine ? checkExtraLine(programLine, 'program.crisisLine') : undefined;
  }
}

const chevron = html`<svg class="chevron" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path d="M3 10l5-5 5 5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>`;

declare global {
  interface HTMLElementTagNameMap {
    'crisis-banner': CrisisBanner;
  }
}
