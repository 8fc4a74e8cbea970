import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Edge = 'top' | 'bottom';

/**
 * Makes a docked (fixed) banner reserve its own space, so it never hides the focused element
 * (WCAG 2.4.11):
 * - the root element gets padding on that edge equal to the bar's height, so the page's start or
 *   end can always scroll clear of it, wherever the partner placed the element;
 * - the document's scroll padding on that edge is the same, so the browser scrolls a newly
 *   focused element into the part of the viewport the banner does not cover;
 * - as a last guard, a focused element that still ends up under the bar is scrolled clear.
 * Sizes go through constructed style sheets, which strict CSP allows (no inline styles).
 */
export class DockSpace implements ReactiveController {
  private edge?: Edge;
  private size = 0;
  private observer?: ResizeObserver;
  private readonly documentSheet = new CSSStyleSheet();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly dock: () => HTMLElement | undefined,
  ) {
    host.addController(this);
  }

  /** Starts reserving space at an edge, or stops with `undefined`. */
  set(edge: Edge | undefined): void {
    this.edge = edge;
    this.observer?.disconnect();
    this.observer = undefined;
    if (!edge || !this.host.isConnected) {
      this.release();
      return;
    }
    adopt(document, this.documentSheet);
    document.addEventListener('focusin', this.revealFocus);
    const dock = this.dock();
    if (!dock) return;
    this.observer = new ResizeObserver(() => this.measure(dock));
    this.observer.observe(dock);
    this.measure(dock);
  }

  hostConnected(): void {
    if (this.edge) this.set(this.edge);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.release();
  }

  private measure(dock: HTMLElement): void {
    const size = Math.ceil(dock.getBoundingClientRect().height);
    if (size === this.size || !this.edge) return;
    this.size = size;
    const side = this.edge === 'top' ? 'top' : 'bottom';
    this.documentSheet.replaceSync(
      `html { scroll-padding-${side}: ${size}px; padding-${side}: ${size}px; }`,
    );
  }

  private release(): void {
    document.removeEventListener('focusin', this.revealFocus);
    this.size = 0;
    this.documentSheet.replaceSync('');
    unadopt(document, this.documentSheet);
  }

  private readonly revealFocus = (event: FocusEvent): void => {
    const dock = this.dock();
    const target = deepestFocus(event.target);
    if (!dock || !target || !this.edge || dock.contains(target) || this.host.contains(target)) {
      return;
    }
    const bar = dock.getBoundingClientRect();
    const rect = target.getBoundingClientRect();
    if (this.edge === 'bottom' && rect.bottom > bar.top) {
      window.scrollBy({ top: rect.bottom - bar.top + 8, behavior: 'instant' });
    } else if (this.edge === 'top' && rect.top < bar.bottom) {
      window.scrollBy({ top: rect.top - bar.bottom - 8, behavior: 'instant' });
    }
  };
}

function deepestFocus(target: EventTarget | null): Element | null {
  let element = target instanceof Element ? target : null;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

function adopt(root: DocumentOrShadowRoot | null, sheet: CSSStyleSheet): void {
  if (root && !root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}

function unadopt(root: DocumentOrShadowRoot, sheet: CSSStyleSheet): void {
  if (root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  }
}
