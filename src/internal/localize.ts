import type { ReactiveControllerHost } from 'lit';
import type { Locale } from '../i18n/types.js';

/**
 * One element's strings in every language: English travels with the element (and is the
 * fallback); another language is a module that registers its strings when it runs, imported the
 * first time they are needed, so an English page never downloads Spanish (QUALITY P1). On a
 * Spanish page the script tag's loader imports it alongside the element, so the element renders
 * in Spanish from its first frame. The crisis line's and the shared states' strings are not here:
 * they are in every language at once (`i18n/crisis.ts`, `i18n/common.ts`).
 */
export interface Translations<T> {
  /** Key of these strings in a language module's `registerStrings()` call, e.g. `directory`. */
  id: string;
  en: T;
  /** Imports the module of a language other than English. */
  load: Record<Exclude<Locale, 'en'>, () => Promise<unknown>>;
}

const registry = new Map<Locale, Record<string, unknown>>();
const loading = new Map<string, Set<ReactiveControllerHost>>();
const warned = new Set<string>();

/** Called by a language module when it runs: `registerStrings('es', { directory })`. */
export function registerStrings(locale: Locale, strings: Record<string, unknown>): void {
  registry.set(locale, { ...registry.get(locale), ...strings });
}

/**
 * The strings for `locale`. A language not loaded yet starts loading and `host` renders again once
 * it is there; meanwhile (or if it cannot be loaded, offline say) the English strings are used, so
 * the element never shows a blank or a key.
 */
export function localize<T>(
  translations: Translations<T>,
  locale: Locale,
  host: ReactiveControllerHost,
): T {
  if (locale === 'en') return translations.en;
  const ready = registry.get(locale)?.[translations.id] as T | undefined;
  if (ready) return ready;
  const key = `${locale}:${translations.id}`;
  let waiting = loading.get(key);
  if (!waiting) {
    const hosts = (waiting = new Set());
    loading.set(key, hosts);
    translations.load[locale]().then(
      () => {
        for (const waiter of hosts) waiter.requestUpdate();
        hosts.clear();
      },
      (error: unknown) => {
        // English until then; the next render asks again (back online, say). Said once.
        loading.delete(key);
        hosts.clear();
        if (warned.has(key)) return;
        warned.add(key);
        console.warn(
          `[peer-support-widgets] The "${locale}" strings could not be loaded (${error instanceof Error ? error.message : String(error)}); showing English.`,
        );
      },
    );
  }
  waiting.add(host);
  return translations.en;
}
