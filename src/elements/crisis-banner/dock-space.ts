type Edge = 'top' | 'bottom';

/**
 * Makes a docked (fixed) banner reserve its own space, so it never hides the focused element
 * (WCAG 2.4.11):
 * - the root element gets padding on that edge equal to the bar's height, so the page's start or
 *   end can always scroll clear of it, wherever the partner placed the element;
 * - the document's scroll padding on that edge is the same, so the browser scrolls a newly
 *   focused element into the part of the viewport the banner does not cover;
 * - as a last guard, a focused element that still ends up under the bar is scrolled clear, by
 *   its nearest scrolling ancestor (pages that scroll `body` or an inner container included).
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
    // The custom property lets a page that scrolls in its own full-height container reserve the
    // same space there: `padding-block-end: var(--peer-crisis-banner-docked-size, 0)`.
    this.sheet.replaceSync(
      `html{scroll-padding-${side}:${size}px;padding-${side}:${size}px;--peer-crisis-banner-docked-size:${size}px}`,
    );
    dockChanged();
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
    dockChanged();
  }

  private readonly revealFocus = (event: FocusEvent): void => {
    const dock = this.observed;
    const path = event.composedPath();
    // Focus on the banner's own links never moves the page.
    if (!dock || path.includes(this.host)) return;
    const target = path[0];
    if (!(target instanceof Element)) return;
    const bar = dock.getBoundingClientRect();
    const rect = target.getBoundingClientRect();
    const covered = this.edge === 'bottom' ? rect.bottom - bar.top : bar.bottom - rect.top;
    if (covered <= 0) return;
    const by = covered + 8;
    scrollParent(target).scrollBy({ top: this.edge === 'bottom' ? by : -by, behavior: 'instant' });
  };
}

/**
 * Tells the data elements that a docked banner came, resized or went: while one is on screen,
 * their own crisis lines stop being sticky, so two never stack (internal/crisis-bar.ts).
 */
function dockChanged(): void {
  document.dispatchEvent(new Event('peer-crisis-dock'));
}

/** The nearest ancestor that scrolls (across shadow roots), else the page's scroller. */
function scrollParent(element: Element): Element {
  for (let node = element.parentNode; node;) {
    if (node instanceof Element) {
      const { overflowY } = getComputedStyle(node);
      if (/auto|scroll/.test(overflowY) && node.scrollHeight > node.clientHeight) return node;
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return document.scrollingElement ?? document.documentElement;
}
