import {
  html,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { crisisStrings } from '../i18n/crisis.js';
import type { Locale } from '../i18n/types.js';
import type { PeerConfig } from '../config/context.js';
import { sheet } from '../styles/sheet.js';
import { crisisLine } from './crisis-line.js';
import { checkExtraLine, type ExtraLine } from './extra-line.js';

type Host = ReactiveControllerHost &
  HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** Set on `<html>` by a docked `<crisis-banner>` while it is on screen (dock-space.ts). */
const DOCKED = '--peer-crisis-banner-docked-size';
/** Fired on the document when a docked banner appears, resizes or goes (dock-space.ts). */
export const DOCK_EVENT = 'peer-crisis-dock';

/**
 * The crisis line of a data element (QUALITY C1): 988 by call and text, 911, and the program's
 * own line. Rendered by the element itself from `internal/`, never through the global
 * `<crisis-banner>` tag, so another library holding that tag name cannot take it away.
 *
 * It stands at the element's top and stays there (sticky, below `--peer-sticky-offset`: a page's
 * own sticky header) while the element scrolls, so that
 * wherever the element is in view, so are 988 and 911. It reserves its own height as the
 * element's scroll margin, so the browser never scrolls a focused control under it (A6). When the
 * page has a docked banner, that banner is the always-visible line: this one stays in its place
 * at the top, so the two never stack.
 */
export class CrisisBar implements ReactiveController {
  private key?: string;
  private line?: HTMLElement;
  private docked = false;
  private observer?: ResizeObserver;
  private observed?: Element;
  private size = -1;
  private readonly sheet = new CSSStyleSheet();

  constructor(
    private readonly host: Host,
    private readonly input: () => { locale: Locale; config?: PeerConfig },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener(DOCK_EVENT, this.checkDock);
    this.checkDock();
    // Connected again after a move: observe the bar again (hostUpdated finds it).
    this.observed = undefined;
  }

  hostDisconnected(): void {
    document.removeEventListener(DOCK_EVENT, this.checkDock);
    this.observer?.disconnect();
  }

  hostUpdated(): void {
    const root = this.host.renderRoot;
    if (!(root instanceof ShadowRoot)) return;
    if (!root.adoptedStyleSheets.includes(this.sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
    }
    const bar = root.querySelector('.crisis-bar');
    if (!bar || bar === this.observed) return;
    this.observed = bar;
    this.observer ??= new ResizeObserver(() => this.measure());
    this.observer.disconnect();
    this.observer.observe(bar);
  }

  /** The bar's height as the element's scroll margin: 0 while it stands in place. */
  private measure(): void {
    const height = this.observed?.getBoundingClientRect().height ?? 0;
    const size = this.docked ? 0 : Math.ceil(height);
    if (size === this.size) return;
    this.size = size;
    this.sheet.replaceSync(`:host{--_crisis-size:${size}px}`);
  }

  private readonly checkDock = (): void => {
    const docked =
      parseFloat(getComputedStyle(document.documentElement).getPropertyValue(DOCKED)) > 0;
    if (docked === this.docked) return;
    this.docked = docked;
    this.measure();
    this.host.requestUpdate();
  };

  render(): TemplateResult {
    const { locale, config } = this.input();
    const t = crisisStrings[locale];
    const program = config?.program?.crisisLine;
    const key = JSON.stringify([locale, program]);
    // Built again only when what it shows changes, so a focused link keeps its focus.
    if (key !== this.key || !this.line) {
      this.key = key;
      const extra: ExtraLine | undefined = program
        ? checkExtraLine(program, 'program.crisisLine')
        : undefined;
      this.line = crisisLine(t, extra);
    }
    return html`<section
      part="crisis"
      class=${this.docked ? 'crisis-bar in-place' : 'crisis-bar'}
      aria-label=${t.regionLabel}
    >
      ${this.line}
    </section>`;
  }
}

/** The bar's own look, and the scroll margin that keeps focused controls clear of it. */
export const crisisBarStyles = sheet`
  .crisis-bar {
    position: sticky;
    inset-block-start: var(--peer-sticky-offset, 0px);
    z-index: 3;
    margin-block-end: 0.75rem;
    padding: 0.375rem 0.5rem;
    background: var(--_crisis-bg);
    border-block-end: 2px solid var(--_crisis);
    border-radius: var(--_radius);
  }
  .crisis-bar.in-place {
    position: static;
  }
  :host *:not(.crisis-bar *) {
    scroll-margin-block-start: calc(var(--_crisis-size, 0px) + var(--peer-sticky-offset, 0px) + 0.5rem);
  }
`;
