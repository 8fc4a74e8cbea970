/**
 * The script-tag entry (`dist/cdn/peer-support-widgets.js`, package.json `unpkg`), loaded with
 * `<script type="module">`. It defines `<crisis-banner>` at once, so the crisis line paints with
 * no further request (QUALITY P2), and every other tag lazily: the first time the tag is in the
 * document (or added later, or found by `discover(shadowRoot)`), its element's chunk is imported
 * from beside this file. A page downloads what its tags use and nothing else (QUALITY P1).
 *
 * `window.PeerSupportWidgets` has `version`, `discover(root)`, and the classes defined here; the
 * lazily defined classes come from `customElements.whenDefined(tag)`.
 */
import { CrisisBanner } from './elements/crisis-banner/crisis-banner.js';
import { PeerErrorEvent, PeerSupporterSelectedEvent } from './events.js';
import { createAutoloader } from './internal/autoloader.js';

declare const __VERSION__: string;

interface PeerSupportWidgetsGlobal {
  version: string;
  discover: (root?: Document | ShadowRoot | Element) => Promise<void>;
  CrisisBanner: typeof CrisisBanner;
  PeerErrorEvent: typeof PeerErrorEvent;
  PeerSupporterSelectedEvent: typeof PeerSupporterSelectedEvent;
}

declare global {
  interface Window {
    PeerSupportWidgets?: PeerSupportWidgetsGlobal;
  }
}

/**
 * A data element's chunk, fetched together with the shared core it imports (one round trip, not
 * two in a row). On a page in Spanish (its `lang`, a provider's `locale`, or an element's `lang`),
 * the element's Spanish strings come first, so it renders in Spanish from its first frame; an
 * English page never downloads them. Their failing to load only leaves the element in English.
 */
function dataElement(chunk: () => Promise<unknown>): () => Promise<unknown> {
  return () => {
    const core = import('./internal/peer-data-element.js');
    if (!document.querySelector('[lang|=es i], peer-support-provider[locale|=es i]')) {
      return Promise.all([core, chunk()]);
    }
    return Promise.all([core, import('./i18n/es.js').catch(() => undefined)]).then(chunk);
  };
}

const first = window.PeerSupportWidgets;
if (first) {
  // A second copy (the tag twice under two URLs, or two versions): the first keeps every tag.
  console.warn(
    `[peer-support-widgets] The script was loaded twice (version ${first.version}, then ${__VERSION__}). Keeping the first; load it once.`,
  );
} else {
  CrisisBanner.define();
  const { discover } = createAutoloader({
    'peer-support-provider': () => import('./elements/peer-support-provider/define.js'),
    'peer-directory': dataElement(() => import('./elements/peer-directory/define.js')),
  });
  window.PeerSupportWidgets = {
    version: __VERSION__,
    discover,
    CrisisBanner,
    PeerErrorEvent,
    PeerSupporterSelectedEvent,
  };
  void discover();
}
