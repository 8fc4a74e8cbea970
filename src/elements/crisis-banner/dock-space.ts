type Edge = 'top' | 'bottom';

/**
 * Makes a docked (fixed) banner reserve its own space, so it never hides the focused element
 * (WCAG 2.4.11):
 * - the root element gets padding on that edge equal to the bar's height, so the page's start or
 *   end can always scroll clear of it, wherever the partner placed the element;
 * - the document's scroll padding on that edge is the same, so the browser scrolls a newly
 *   focused element into the part of the viewport the banner does not cover;
 * - as a last guard, a focused element that still ends up under the bar is scrolled clear.
 * Sizes go through a constructed style sheet, which strict CSP allows (no inline styles).
 */
export class DockSpace {
  private edge?: Edge;
  private observed?: HTMLElement;
  private observer?: ResizeObserver;
  private size = 0;
  private readonly sheet = new CSSStyleSheet();

  constructor(
    private readonly host: HTMLElement,
    private readonly dock: () => HTMLElement | undefined,
  ) {}

  /** Reserves space at an edge, or releases it with `undefined`. Cheap when nothing changed. */
  set(edge: Edge | undefined): void {
    const dock = edge && this.host.isConnected ? this.dock() : undefined;
    if (edge === this.edge && dock === this.observed) return;
    this.release();
    if (!edge || !dock) return;
    this.edge = edge;
    this.observed = dock;
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
    document.addEventListener('focusin', this.revealFocus);
    this.observer = new ResizeObserver(() => this.measure());
    this.observer.observe(dock);
    this.measure();
  }

  connect(): void {
    const edge = this.edge;
    this.edge = undefined;
    this.set(edge);
  }

  disconnect(): void {
    const edge = this.edge;
    this.release();
    // Remembered, so that a banner moved in the DOM docks again when it reconnects.
    this.edge = edge;
  }

  private measure(): void {
    const size = Math.ceil(this.observed?.getBoundingClientRect().height ?? 0);
    if (size === this.size || !this.edge) return;
    this.size = size;
    const side = this.edge;
    this.sheet.replaceSync(`html{scroll-padding-${side}:${size}px;padding-${side}:${size}px}`);
  }

  private release(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = undefined;
    this.edge = undefined;
    this.size = 0;
    document.removeEventListener('focusin', this.revealFocus);
    this.sheet.replaceSync('');
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== this.sheet);
  }

  private readonly revealFocus = (event: FocusEvent): void => {
    const dock = this.observed;
    let target = event.target instanceof Element ? event.target : null;
    while (target?.shadowRoot?.activeElement) target = target.shadowRoot.activeElement;
    if (!dock || !target || this.host.contains(target)) return;
    const bar = dock.getBoundingClientRect();
    const rect = target.getBoundingClientRect();
    if (this.edge === 'bottom' && rect.bottom > bar.top) {
      window.scrollBy({ top: rect.bottom - bar.top + 8, behavior: 'instant' });
    } else if (this.edge === 'top' && rect.top < bar.bottom) {
      window.scrollBy({ top: rect.top - bar.bottom - 8, behavior: 'instant' });
    }
  };
}
