/**
 * The script tag's loader: `dist/cdn/peer-support-widgets.js` (package.json `unpkg`, built from
 * `src/script-tag.ts`) imports it, as a module. It defines `<crisis-banner>` at once, so the
 * crisis line paints with no further request (QUALITY P2), and every other tag lazily: the first time the tag is in the
 * document (or added later, or found by `discover(shadowRoot)`), its element's chunk is imported
 * from beside this file. A page downloads what its tags use and nothing else (QUALITY P1).
 *
 * `window.PeerSupportWidgets` has `version`, `discover(root)`, and the classes defined here; the
 * lazily defined classes come from `customElements.whenDefined(tag)`.
 */
import { CrisisBanner } from './elements/crisis-banner/crisis-banner.js';
import { PeerErrorEvent, PeerSupporterSelectedEvent } from './events.js';
import { createAutoloader, type ChunkLoader } from './internal/autoloader.js';

declare const __VERSION__: string;

interface PeerSupportWidgetsGlobal {
  version: string;
  discover: (root?: Document | ShadowRoot | Element) => Promise<void>;
  /** For a later copy of the script: loaders of the tags this one does not know. */
  register?: (loaders: Readonly<Record<string, ChunkLoader>>) => void;
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
 * two in a row). When the element is to speak Spanish (its provider's `locale`, else its nearest
 * `lang`), its Spanish strings come first, so it renders in Spanish from its first frame; an
 * English element never downloads them. Their failing to load only leaves the element in English.
 */
function dataElement(chunk: () => Promise<unknown>, spanish: () => Promise<unknown>): ChunkLoader {
  return (element) => {
    const core = import('./internal/peer-data-element.js');
    const language =
      element.closest('peer-support-provider')?.getAttribute('locale') ??
      element.closest('[lang]')?.getAttribute('lang') ??
      '';
    if (!/^es\b/i.test(language)) return Promise.all([core, chunk()]);
    return Promise.all([core, spanish().catch(() => undefined)]).then(chunk);
  };
}

/** Every tag this copy of the script defines lazily, with the chunk that defines it. */
const loaders: Record<string, ChunkLoader> = {
  'peer-support-provider': () => import('./elements/peer-support-provider/define.js'),
  'peer-directory': dataElement(
    () => import('./elements/peer-directory/define.js'),
    () => import('./i18n/es.js'),
  ),
  'peer-booking': dataElement(
    () => import('./elements/peer-booking/define.js'),
    () => import('./i18n/booking-es.js'),
  ),
  'gift-card-purchase': dataElement(
    () => import('./elements/gift-card-purchase/define.js'),
    () => import('./i18n/gift-card-es.js'),
  ),
};

const first = window.PeerSupportWidgets;
if (first) {
  // Another copy got here first (another version, or a copy under another folder): it keeps the
  // tags it knows, and takes this copy's loaders for the tags it does not.
  console.warn(
    `[peer-support-widgets] The script was loaded twice (version ${first.version}, then ${__VERSION__}). Keeping the first; load it once.`,
  );
  first.register?.(loaders);
} else {
  CrisisBanner.define();
  const { discover, register } = createAutoloader(loaders);
  window.PeerSupportWidgets = {
    version: __VERSION__,
    discover,
    register,
    CrisisBanner,
    PeerErrorEvent,
    PeerSupporterSelectedEvent,
  };
  void discover();
}
