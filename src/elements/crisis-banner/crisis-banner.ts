import { ContextEvent } from '@lit/context';
import { peerConfigContext, type PeerConfig, type Theme } from '../../config/context.js';
import { crisisLine, extraLinks, crisisLineStyles } from '../../internal/crisis-line.js';
import { h } from '../../internal/dom.js';
import { checkExtraLine, type ExtraLine } from '../../internal/extra-line.js';
import { safeDefine } from '../../internal/define.js';
import { tokens, focusRing } from '../../styles/tokens.js';
import { crisisStrings as strings } from '../../i18n/crisis.js';
import { resolveLocale } from '../../i18n/locale.js';
import type { CrisisStrings } from '../../i18n/types.js';
import { styles } from './crisis-banner.styles.js';
import { DockSpace } from './dock-space.js';

export type CrisisBannerVariant = 'inline' | 'compact' | 'docked';

const attributes = [
  'variant',
  'position',
  'expanded',
  'lang',
  'theme',
  'extra-label',
  'extra-phone',
  'extra-sms',
  'extra-url',
] as const;

/**
 * Crisis help that is always on screen: call or text 988 (the Suicide & Crisis Lifeline), chat at
 * 988lifeline.org, and call 911 in an emergency. It needs no network and no configuration, and
 * paints in the first frame after it upgrades. A partner may add its own crisis line; it is shown
 * in addition to 988 and 911, never instead of them.
 *
 * Write fallback text inside the element in your page's HTML: it shows before the script runs
 * (and if it never does), and is replaced by the full banner once the element upgrades.
 *
 * Built on the DOM alone, without Lit's templates or LitElement: the banner must fit its own 8 KB
 * budget (QUALITY P2), and it has the fewest moving parts of any element because it is the one
 * that must never fail. Its content is text nodes only; nothing is parsed as HTML.
 *
 * @summary 988 and 911 crisis messaging, always visible, needing no network.
 * @tag crisis-banner
 *
 * @attr {'inline' | 'compact' | 'docked'} variant - `inline` (default): the full message where the element stands. `compact`: one line, the form the other elements use. `docked`: fixed to the top or bottom of the viewport, reserving its own space so that it never covers the focused element.
 * @attr {'top' | 'bottom'} position - Edge of the viewport a docked banner sticks to (default `bottom`).
 * @attr {boolean} expanded - Whether a docked banner shows its full content. 988 and 911 stay visible either way.
 * @attr {string} lang - Language of the banner (`en`, `es`); else the provider's locale, else the nearest `lang`.
 * @attr {'light' | 'dark' | 'auto'} theme - Colour scheme; a provider's theme wins.
 * @attr {string} extra-label - Name of the partner's own crisis line, e.g. "Campus crisis line". Needs `extra-phone`.
 * @attr {string} extra-phone - Phone number of the partner's crisis line. An invalid number is ignored with a console warning.
 * @attr {string} extra-sms - Number that takes texts for the partner's crisis line, if any.
 * @attr {string} extra-url - Web page (https) of the partner's crisis line, if any.
 *
 * @slot - Fallback content written in the page's HTML. Shown only until the element upgrades.
 *
 * @csspart base - The labelled landmark that holds the banner.
 * @csspart title - The opening sentence (inline and docked details).
 * @csspart actions - The list of 988 actions.
 * @csspart action - A call, text or chat link of the full banner.
 * @csspart emergency - The 911 sentence.
 * @csspart extra - The partner's own crisis line.
 * @csspart bar - The always-visible row of a docked banner.
 * @csspart toggle - The button that expands or collapses a docked banner.
 * @csspart details - The full content of a docked banner, shown when expanded.
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
export class CrisisBanner extends HTMLElement {
  static readonly tagName = 'crisis-banner';
  static readonly observedAttributes = attributes;

  /**
   * Registers the element. A host can re-tag a subclass (`class MyBanner extends CrisisBanner {}`,
   * `MyBanner.define('my-banner')`). Never throws: a tag taken by another class only warns.
   */
  static define(tag: string = this.tagName): void {
    safeDefine(tag, this);
  }

  private config?: PeerConfig;
  private unsubscribe?: () => void;
  private extra?: ExtraLine;
  private extraKey?: string;
  private renderedKey?: string;
  private readonly dockSpace = new DockSpace(this, () => this.dock);
  private readonly root: ShadowRoot;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    this.root.adoptedStyleSheets = [tokens, focusRing, crisisLineStyles, styles];
  }

  /** See the `variant` attribute. */
  get variant(): CrisisBannerVariant {
    const value = this.getAttribute('variant');
    return value === 'compact' || value === 'docked' ? value : 'inline';
  }
  set variant(value: CrisisBannerVariant) {
    this.setAttribute('variant', value);
  }

  /** See the `position` attribute. */
  get position(): 'top' | 'bottom' {
    return this.getAttribute('position') === 'top' ? 'top' : 'bottom';
  }
  set position(value: 'top' | 'bottom') {
    this.setAttribute('position', value);
  }

  /** See the `expanded` attribute. */
  get expanded(): boolean {
    return this.hasAttribute('expanded');
  }
  set expanded(value: boolean) {
    this.toggleAttribute('expanded', value);
  }

  /** Resolves once the latest render is on screen (it is synchronous; kept for parity with Lit). */
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }

  connectedCallback(): void {
    this.requestConfig();
    // A provider that upgrades later announces itself; ask again then. (The LitElement-based
    // elements get the same from a ContextRoot, which the banner's budget leaves out.)
    document.addEventListener('context-provider', this.requestConfig);
    this.update();
    this.dockSpace.connect();
  }

  disconnectedCallback(): void {
    document.removeEventListener('context-provider', this.requestConfig);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    // Moved out of a provider, the banner must not keep its locale or its extra line.
    this.config = undefined;
    this.extraKey = undefined;
    this.renderedKey = undefined;
    this.dockSpace.disconnect();
  }

  /** The context protocol: the nearest provider answers with its config, now and on change. */
  private readonly requestConfig = (): void => {
    if (!this.unsubscribe) {
      this.dispatchEvent(new ContextEvent(peerConfigContext, this, this.receiveConfig, true));
    }
  };

  attributeChangedCallback(name: string, previous: string | null, next: string | null): void {
    if (previous === next || !this.isConnected) return;
    if (name === 'theme' && next === this.config?.theme) return;
    if (name === 'expanded') this.syncExpanded(this.root, strings[this.locale]);
    else this.update();
  }

  private readonly receiveConfig = (config: PeerConfig | undefined, unsubscribe?: () => void) => {
    if (unsubscribe !== this.unsubscribe) this.unsubscribe?.();
    this.unsubscribe = unsubscribe;
    this.config = config;
    this.update();
  };

  private get locale(): 'en' | 'es' {
    return resolveLocale(
      this.config?.locale ?? (this.closest('[lang]')?.getAttribute('lang') || undefined),
    );
  }

  private get dock(): HTMLElement | undefined {
    return this.variant === 'docked'
      ? (this.root.querySelector<HTMLElement>('.dock') ?? undefined)
      : undefined;
  }

  private update(): void {
    const theme: Theme | undefined = this.config?.theme;
    if (theme && this.getAttribute('theme') !== theme) this.setAttribute('theme', theme);
    this.extra = this.resolveExtraLine();
    const t = strings[this.locale];
    const variant = this.variant;
    // Rebuild only when what shows changes, so that a link the person is on keeps its focus
    // when, say, the provider's config arrives with nothing new for the banner.
    const key = JSON.stringify([this.locale, variant, this.position, this.extra]);
    if (key === this.renderedKey) return;
    this.renderedKey = key;
    const base =
      variant === 'compact'
        ? h(
            'section',
            { part: 'base', class: 'compact', 'aria-label': t.regionLabel },
            crisisLine(t, this.extra),
          )
        : variant === 'inline'
          ? h(
              'section',
              { part: 'base', class: 'inline', 'aria-labelledby': 'title' },
              ...this.full(t),
            )
          : this.docked(t);
    this.root.replaceChildren(base);
    this.dockSpace.set(variant === 'docked' ? this.position : undefined);
  }

  private docked(t: CrisisStrings): HTMLElement {
    const svg = (tag: string, attributes: Record<string, string>) => {
      const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      return element;
    };
    const chevron = svg('svg', {
      viewBox: '0 0 16 16',
      width: '16',
      height: '16',
      'aria-hidden': 'true',
    });
    chevron.append(
      svg('path', {
        d: 'M3 10l5-5 5 5',
        fill: 'none',
        stroke: 'currentColor',
        'stroke-width': '2',
      }),
    );
    const toggle = h(
      'button',
      { part: 'toggle', class: 'toggle', type: 'button', 'aria-controls': 'details' },
      chevron,
    );
    toggle.addEventListener('click', this.toggleExpanded);
    const section = h(
      'section',
      { part: 'base', class: 'dock', 'aria-label': t.regionLabel },
      h('div', { part: 'bar', class: 'bar' }, crisisLine(t, undefined, true), toggle),
      h('div', { part: 'details', id: 'details', class: 'details' }, ...this.full(t)),
    );
    this.syncExpanded(section, t);
    return section;
  }

  /** Expanding only flips state on the existing nodes, so the toggle keeps its focus. */
  private syncExpanded(section: ParentNode, t: CrisisStrings): void {
    const expanded = this.expanded;
    const toggle = section.querySelector('.toggle');
    toggle?.setAttribute('aria-expanded', String(expanded));
    toggle?.setAttribute('aria-label', expanded ? t.lessHelp : t.moreHelp);
    section.querySelector('.details')?.toggleAttribute('hidden', !expanded);
  }

  private full(t: CrisisStrings): (HTMLElement | false)[] {
    const extra = this.extra;
    const newTab = (text: string) => [text, h('span', { class: 'vh' }, ` ${t.opensInNewTab}`)];
    const action = (href: string, text: string) =>
      h('a', { part: 'action', class: 'action', href }, text);
    const external = { target: '_blank', rel: 'noopener' };
    return [
      h('p', { part: 'title', id: 'title', class: 'title' }, t.title),
      h('p', {}, t.intro),
      h(
        'ul',
        { part: 'actions', class: 'actions' },
        h('li', {}, action('tel:988', t.call988)),
        h('li', {}, action('sms:988', t.text988)),
        h(
          'li',
          {},
          h(
            'a',
            { part: 'action', class: 'action secondary', href: t.chatUrl, ...external },
            ...newTab(t.chat988),
          ),
        ),
      ),
      h(
        'ul',
        { class: 'more' },
        h('li', {}, t.spanish),
        h('li', {}, t.asl),
        h('li', {}, t.veterans),
      ),
      h(
        'p',
        { part: 'emergency', class: 'row' },
        h('span', {}, t.emergency),
        action('tel:911', t.call911),
      ),
      !!extra &&
        h(
          'p',
          { part: 'extra', class: 'row' },
          extra.url
            ? h('a', { class: 'label', href: extra.url, ...external }, ...newTab(extra.label))
            : h('span', { class: 'label' }, extra.label),
          ...extraLinks(t, extra),
        ),
      h('p', { class: 'note' }, t.notCrisisService),
    ];
  }

  private readonly toggleExpanded = (): void => {
    this.expanded = !this.expanded;
  };

  /** The attribute line wins over the program's, which the provider loads from the API. */
  private resolveExtraLine(): ExtraLine | undefined {
    const own = ['extra-label', 'extra-phone', 'extra-sms', 'extra-url'].map((name) =>
      this.getAttribute(name),
    );
    const program = this.config?.program?.crisisLine;
    // Checked (and warned about) only when the input changes, not on every render.
    const key = JSON.stringify([own, program]);
    if (key === this.extraKey) return this.extra;
    this.extraKey = key;
    const [label, phone, sms, url] = own;
    if (label || phone) return checkExtraLine({ label, phone, sms, url }, '<crisis-banner>');
    return program ? checkExtraLine(program, 'program.crisisLine') : undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crisis-banner': CrisisBanner;
  }
}
