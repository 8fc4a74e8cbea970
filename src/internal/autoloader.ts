import { PeerErrorEvent } from '../events.js';

/** Imports the chunk that defines one tag; `element` is the first one seen, for its language. */
export type ChunkLoader = (element: Element) => Promise<unknown>;

/** A root to scan: the document, a shadow root, or an element and its subtree. */
export type DiscoverRoot = Document | ShadowRoot | Element;

/**
 * Defines tags lazily: a tag written in the page, or added later (by a framework, after load),
 * imports its element's chunk the first time it is seen. The pattern is Shoelace's and Web
 * Awesome's autoloader (a MutationObserver plus a scan for `:not(:defined)`), mended where it falls
 * short:
 * - a shadow root passed to `discover()` is scanned and then watched as well, so a partner's
 *   component that renders our tags in its shadow DOM calls `discover(this.shadowRoot)` once;
 * - a chunk that fails to load (offline, blocked, 404), or loads and defines nothing, leaves the
 *   tag undefined, so its light-DOM fallback stays on screen; one console error says so, and every
 *   element of that tag gets a `peer-error` (`kind: "load"`) that a host can log;
 * - `register()` adds tags later: a second, newer copy of the script hands over the tags the
 *   first one does not know.
 * Our own elements never depend on it: an element that renders another of ours defines it itself.
 */
export function createAutoloader(initial: Readonly<Record<string, ChunkLoader>>) {
  const loaders: Record<string, ChunkLoader> = { ...initial };
  const loading = new Map<string, Promise<void>>();
  const failures = new Map<string, string>();
  // Shadow roots handed to discover(): held only while their host is in the document.
  const watched = new Set<ShadowRoot>();
  const options: MutationObserverInit = { childList: true, subtree: true };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    }
  });

  function elementsOf(tag: string, root: DiscoverRoot): Element[] {
    const found = root instanceof Element && root.localName === tag ? [root] : [];
    return [...found, ...root.querySelectorAll(`${tag}:not(:defined)`)];
  }

  function failed(tag: string, root: DiscoverRoot): void {
    const message = failures.get(tag)!;
    for (const element of elementsOf(tag, root)) {
      element.dispatchEvent(new PeerErrorEvent({ kind: 'load', tag, message }));
    }
  }

  function load(tag: string, root: DiscoverRoot): void {
    if (failures.has(tag)) return failed(tag, root);
    if (loading.has(tag) || customElements.get(tag)) return;
    const report = (error: unknown): void => {
      const reason = error instanceof Error ? error.message : String(error);
      const message = `<${tag}> could not be loaded (${reason}); its fallback content stays on the page.`;
      failures.set(tag, message);
      console.error(`[peer-support-widgets] ${message}`);
      failed(tag, document);
      // Shadow roots handed to discover() hold elements of that tag too.
      for (const shadow of live()) failed(tag, shadow);
    };
    const first = elementsOf(tag, root)[0] ?? document.documentElement;
    loading.set(
      tag,
      loaders[tag]!(first).then(() => {
        // A file that loaded but defined nothing (a stale copy, a wrong file) is a failure too.
        if (!customElements.get(tag)) report(new Error('the file loaded but did not define it'));
      }, report),
    );
  }

  function scan(root: DiscoverRoot): void {
    const tags = new Set<string>();
    if (root instanceof Element && !root.matches(':defined')) tags.add(root.localName);
    for (const element of root.querySelectorAll(':not(:defined)')) tags.add(element.localName);
    for (const tag of tags) if (tag in loaders) load(tag, root);
  }

  /** The watched shadow roots still in the document; the others are let go. */
  function live(): ShadowRoot[] {
    for (const root of watched) if (!root.host.isConnected) watched.delete(root);
    return [...watched];
  }

  /**
   * Defines every tag of ours found under `root` that is not defined yet. A shadow root is also
   * watched from then on, for tags added to it later.
   */
  function discover(root: DiscoverRoot = document): Promise<void> {
    if (root instanceof ShadowRoot && !watched.has(root)) {
      live();
      watched.add(root);
      observer.observe(root, options);
    }
    scan(root);
    return Promise.all(loading.values()).then(() => undefined);
  }

  /** Adds loaders for tags not known yet (a newer copy's), and looks for them at once. */
  function register(more: Readonly<Record<string, ChunkLoader>>): void {
    const added = Object.keys(more).filter((tag) => !(tag in loaders));
    for (const tag of added) loaders[tag] = more[tag]!;
    if (added.length) for (const root of [document, ...live()]) scan(root);
  }

  observer.observe(document.documentElement, options);
  return { discover, register };
}
