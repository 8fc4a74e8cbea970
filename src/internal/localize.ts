import type { ReactiveControllerHost } from 'lit';
import type { Locale } from '../i18n/types.js';

/**
 * One element's strings in every language: English travels with the element (it is also the
 * fallback), every other language is a module imported the first time it is needed, so an English
 * page never downloads Spanish (QUALITY P1). The crisis line's strings are not here: they are in
 * every language at once (`i18n/crisis.ts`), so the crisis line never waits for a download.
 */
export interface Translations<T> {
  en: T;
  /** Imports the strings of a language other than English. */
  load: Record<Exclude<Locale, 'en'>, () => Promise<T>>;
}

interface State<T> {
  ready: Partial<Record<Locale, T>>;
  loading: Set<Locale>;
  waiting: Set<ReactiveControllerHost>;
}

const states = new WeakMap<Translations<unknown>, State<unknown>>();

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
  let state = states.get(translations) as State<T> | undefined;
  if (!state) {
    state = { ready: {}, loading: new Set(), waiting: new Set() };
    states.set(translations, state);
  }
  const ready = state.ready[locale];
  if (ready) return ready;
  state.waiting.add(host);
  if (!state.loading.has(locale)) {
    state.loading.add(locale);
    const done = state;
    translations.load[locale]().then(
      (strings) => {
        done.ready[locale] = strings;
        for (const waiting of done.waiting) waiting.requestUpdate();
        done.waiting.clear();
      },
      (error: unknown) => {
        console.warn(
          `[peer-support-widgets] The "${locale}" strings could not be loaded (${error instanceof Error ? error.message : String(error)}); showing English.`,
        );
      },
    );
  }
  return translations.en;
}
