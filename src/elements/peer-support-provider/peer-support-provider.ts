import {
  LitElement,
  css,
  html,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { ContextProvider } from '@lit/context';
import { Task } from '@lit/task';
import { peerConfigContext, type PeerConfig, type Theme } from '../../config/context.js';
import { clientFor, refusalOf } from '../../config/client-cache.js';
import { PeerErrorEvent, PeerSupporterSelectedEvent } from '../../events.js';
import { errorEventFor } from '../../internal/error-event.js';
import type { ApiClient } from '../../api/client.js';
import { safeDefine } from '../../internal/define.js';
import { takeGiftCode } from '../../internal/page-url.js';

/**
 * Supplies configuration to every peer-support element inside it: the API base URL (and one
 * shared API client), the locale and the theme. It also loads the partner's program once, so
 * that, for example, the crisis banner can add the partner's own crisis line.
 *
 * Optional: elements outside a provider use their own attributes. Inside one, the provider's
 * settings win over the elements' attributes.
 *
 * @summary Configuration for every peer-support element inside it.
 * @tag peer-support-provider
 *
 * @slot - The elements to configure, anywhere in the subtree.
 *
 * The provider also keeps the latest `peer-supporter-selected` from inside it as `selection` in
 * its context, so that, for example, a booking element picks up the directory's choice.
 *
 * A gift code (`gift-code`, or the page link's `gift` parameter with `gift-code-from-url`) is kept
 * in its context too, checked once for every element inside: the directory says what the gift
 * covers, and `<peer-booking>` applies it. It is asked again after a booking inside the provider
 * is made or cancelled.
 *
 * @fires {PeerErrorEvent} peer-error - `api-base` was refused, or the program could not be loaded.
 */
export class PeerSupportProvider extends LitElement {
  static tagName = 'peer-support-provider';

  static define(tag = this.tagName): void {
    safeDefine(tag, this);
  }

  static override styles = css`
    :host {
      display: contents;
    }
  `;

  // `static properties` and a controller rather than decorators: smaller in the shared core chunk
  // (QUALITY P1).
  // A getter, not a field: the custom-elements analyzers (lit-analyzer) read it.
  static override get properties(): PropertyDeclarations {
    return {
      apiBase: { attribute: 'api-base' },
      locale: {},
      theme: {},
      giftCode: { attribute: 'gift-code' },
      giftCodeFromUrl: { type: Boolean, attribute: 'gift-code-from-url' },
    };
  }

  /**
   * Base URL of the partner's API, e.g. `https://api.example.edu/peer`. Must be `https:` (or
   * `http:` on localhost for development); anything else is refused with a console error.
   */
  declare apiBase?: string;

  /** BCP 47 language tag for every element inside, e.g. `es` or `en-US`. */
  declare locale?: string;

  /** Colour scheme for every element inside: `light`, `dark` or `auto`. */
  declare theme?: Theme;

  /** A gift code for every element inside: the directory shows it, the booking applies it. */
  declare giftCode?: string;

  /**
   * Read the gift code from the page URL's `gift` parameter (the link in the recipient's email),
   * once, then remove it from the address bar (`history.replaceState`) so that it reaches no
   * analytics or referrer.
   */
  declare giftCodeFromUrl?: boolean;

  private readonly provider = new ContextProvider(this, {
    context: peerConfigContext,
    initialValue: {},
  });

  /** What the elements inside are given; a new object on every change (see `publish`). */
  protected get config(): PeerConfig {
    return this.provider.value as PeerConfig;
  }

  private client?: ApiClient;

  constructor() {
    super();
    // Children never reach into the provider: their selection event bubbles up to it.
    this.addEventListener(PeerSupporterSelectedEvent.eventName, (event) => {
      const { supporterId, slotStart, lengthMinutes } = (event as PeerSupporterSelectedEvent)
        .detail;
      // Ids and numbers only, copied field by field: nothing else in the event reaches the context.
      const session = slotStart ? { slotStart, ...(lengthMinutes ? { lengthMinutes } : {}) } : {};
      this.publish({ selection: { supporterId, ...session } });
    });
    // A booking made or cancelled inside may have used or given back a gift session.
    for (const name of ['peer-booking-requested', 'peer-booking-cancelled'])
      this.addEventListener(name, () => this.checkGift());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const code = this.giftCodeFromUrl ? takeGiftCode() : undefined;
    if (code) this.giftCode = code;
  }

  /** Publishes the gift code with a new check of it (one lookup for every element inside). */
  private checkGift(): void {
    const code = this.giftCode?.trim().toUpperCase();
    const check = code ? this.client?.getGiftCard(code) : undefined;
    // Each element that uses the check handles its failure; none unhandled when none does.
    check?.catch(() => undefined);
    this.publish({ gift: check && code ? { code, check } : undefined });
  }

  private readonly programTask = new Task(this, {
    args: () => [this.client] as const,
    task: ([client], { signal }) => (client ? client.getProgram({ signal }) : undefined),
    onComplete: (program) => this.publish({ program }),
    onError: (error) => {
      this.publish({ program: undefined });
      const event = errorEventFor(error, 'getProgram');
      if (event) this.dispatchEvent(event);
    },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') || changed.has('locale')) {
      this.client = this.apiBase ? clientFor(this.apiBase, this.locale) : undefined;
      if (changed.has('apiBase') && this.apiBase && !this.client) {
        this.dispatchEvent(
          new PeerErrorEvent({ kind: 'config', message: refusalOf(this.apiBase) ?? 'Refused.' }),
        );
      }
    }
    if (changed.has('apiBase') || changed.has('locale') || changed.has('theme')) {
      // Everything but the selection, which stays.
      this.publish({
        apiBase: this.client ? this.apiBase : undefined,
        locale: this.locale || undefined,
        theme: this.theme,
        client: this.client,
        program: this.client === this.config.client ? this.config.program : undefined,
      });
    }
    if (changed.has('apiBase') || changed.has('locale') || changed.has('giftCode')) {
      this.checkGift();
    }
  }

  /** Re-provides a new config object so that subscribed elements re-render. */
  private publish(change: Partial<PeerConfig>): void {
    this.provider.setValue(strip({ ...this.config, ...change }));
  }

  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}

function strip(config: PeerConfig): PeerConfig {
  return Object.fromEntries(
    Object.entries(config).filter(([, value]) => value !== undefined),
  ) as PeerConfig;
}

declare global {
  interface HTMLElementTagNameMap {
    'peer-support-provider': PeerSupportProvider;
  }
}
