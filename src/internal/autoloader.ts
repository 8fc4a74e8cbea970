import { PeerErrorEvent } from '../events.js';

/** Imports the chunk that defines one tag. */
export type ChunkLoader = () => Promise<unknown>;

/** A root to scan: the document, a shadow root, or an element and its subtree. */
export type DiscoverRoot = Document | ShadowRoot | Element;

/**
 * Defines tags lazily: a tag written in the page, or added later (by a framework, after load),
 * imports its element's chunk the first time it is seen. The pattern is Shoelace's and Web
 * Awesome's autoloader (a MutationObserver plus a scan for `:not(:defined)`), mended where it falls
 * short:
 * - a shadow root passed to `discover()` is scanned and then watched as well, so a partner's
 *   component that renders our tags in its shadow DOM calls `discover(this.shadowRoot)` once;
 * - a chunk that fails to load (offline, blocked, 404) leaves the tag undefined, so its light-DOM
 *   fallback stays on screen; one console error says so, and every element of that tag gets a
 *   `peer-error` (`kind: "load"`) that a host can log.
 * Our own elements never depend on it: an element that renders another of ours defines it itself.
 */
export function createAutoloader(loaders: Readonly<Record<string, ChunkLoader>>) {
  const loading = new Map<string, Promise<void>>();
  const failures = new Map<string, string>();
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    }
  });

  function failed(tag: string, root: DiscoverRoot): void {
    const message = failures.get(tag)!;
    const elements = root instanceof Element && root.localName === tag ? [root] : [];
    elements.push(...root.querySelectorAll(`${tag}:not(:defined)`));
    for (const element of elements) {
      element.dispatchEvent(new PeerErrorEvent({ kind: 'load', tag, message }));
    }
  }

  function load(tag: string, root: DiscoverRoot): void {
    if (failures.has(tag)) return failed(tag, root);
    if (loading.has(tag) || customElements.get(tag)) return;
    loading.set(
      tag,
      loaders[tag]!().then(
        () => {
          // A file that loaded but defined nothing (a stale copy, a wrong file) is a failure too.
          if (!customElements.get(tag)) report(new Error('the file loaded but did not define it'));
        },
        (error: unknown) => report(error),
      ),
    );

    function report(error: unknown): void {
      const reason = error instanceof Error ? error.message : String(error);
      const message = `<${tag}> could not be loaded (${reason}); its fallback content stays on the page.`;
      failures.set(tag, message);
      console.error(`[peer-support-widgets] ${message}`);
      failed(tag, document);
      // Shadow roots handed to discover() hold elements of that tag too.
      for (const shadow of watched) failed(tag, shadow);
    }
  }

  function scan(root: DiscoverRoot): void {
    const tags = new Set<string>();
    if (root instanceof Element && !root.matches(':defined')) tags.add(root.localName);
    for (const element of root.querySelectorAll(':not(:defined)')) tags.add(element.localName);
    for (const tag of tags) if (tag in loaders) load(tag, root);
  }

  const watched = new Set<ShadowRoot>();
  const options: MutationObserverInit = { childList: true, subtree: true };

  /**
   * Defines every tag of ours found under `root` that is not defined yet. A shadow root is also
   * watched from then on, for tags added to it later.
   */
  function discover(root: DiscoverRoot = document): Promise<void> {
    if (root instanceof ShadowRoot && !watched.has(root)) {
      watched.add(root);
      observer.observe(root, options);
    }
    scan(root);
    return Promise.all(loading.values()).then(() => undefined);
  }

  observer.observe(document.documentElement, options);
  return { discover };
}
