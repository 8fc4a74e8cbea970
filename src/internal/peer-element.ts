import { LitElement, type PropertyDeclarations } from 'lit';
import { ContextConsumer } from '@lit/context';
import { attachContextRoot } from '../config/context-root.js';
import { peerConfigContext, type PeerConfig, type Theme } from '../config/context.js';
import { safeDefine } from './define.js';
import { resolveLocale } from '../i18n/locale.js';
import type { Locale } from '../i18n/types.js';

/**
 * What every element shares: configuration from the nearest `<peer-support-provider>`, the locale,
 * and the theme. Kept thin on purpose: data loading lives in controllers, so that the crisis banner
 * does not carry the API client.
 */
export class PeerElement extends LitElement {
  /** The tag `define()` registers by default. */
  static tagName = '';

  /**
   * Registers the element. A host can re-tag a subclass (`class MyBanner extends CrisisBanner {}`,
   * `MyBanner.define('my-banner')`). Never throws: a tag taken by another class only warns.
   */
  static define(tag = this.tagName): void {
    safeDefine(tag, this);
  }

  // `static properties` and a controller rather than decorators: smaller in the shared core chunk
  // (QUALITY P1). `config` is internal state (`attribute: false`; `state: true` would make the
  // manifest list a `config` attribute).
  // A getter, not a field: the custom-elements analyzers (lit-analyzer) read it.
  static override get properties(): PropertyDeclarations {
    return {
      config: { attribute: false },
      theme: { reflect: true },
      // Reactive on purpose: switching an element's language re-renders it. Its field below is
      // assigned, not defined (useDefineForClassFields is off), so it does not shadow the accessor.
      // eslint-disable-next-line lit/no-native-attributes, lit/no-classfield-shadowing
      lang: {},
    };
  }

  /** Configuration from the nearest `<peer-support-provider>`, if any. */
  declare protected config?: PeerConfig;

  /**
   * Colour scheme: `light`, `dark`, or `auto` (the page's preference). A provider's theme wins.
   */
  declare theme?: Theme;

  /** Language of the element's text; falls back to the provider's locale, then `<html lang>`. */
  override lang = '';

  constructor() {
    super();
    new ContextConsumer(this, {
      context: peerConfigContext,
      subscribe: true,
      callback: (config) => (this.config = config),
    });
  }

  /**
   * The locale the element renders in: the provider's locale, else the nearest `lang` attribute
   * (the element's own, an ancestor's or `<html lang>`), else English.
   */
  protected get locale(): Locale {
    return resolveLocale(
      this.config?.locale ?? (this.lang || this.closest('[lang]')?.getAttribute('lang')),
    );
  }

  override connectedCallback(): void {
    // Before the context request goes out (in super), so that a late provider can answer it.
    attachContextRoot();
    super.connectedCallback();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    const providerTheme = this.config?.theme;
    if (providerTheme && providerTheme !== this.theme) this.theme = providerTheme;
  }
}
