import type { CommonStrings, Locale } from './types.js';

/**
 * What every data element says in its shared states (loading, error, offline), in every language
 * at once: a few sentences, so that a Spanish page never says "Loading…" while its own strings are
 * on their way.
 */
export const commonStrings: Record<Locale, CommonStrings> = {
  en: {
    unavailable: 'This service is not available right now.',
    loading: 'Loading…',
    retry: 'Try again',
    offline: 'You appear to be offline. Check your connection and try again.',
    loadFailed: 'Something went wrong while loading. Please try again.',
    invalidData: 'We received information we could not read. Please try again later.',
  },
  es: {
    unavailable: 'Este servicio no está disponible en este momento.',
    loading: 'Cargando…',
    retry: 'Intentar de nuevo',
    offline: 'Parece que no tienes conexión. Revisa tu conexión e inténtalo de nuevo.',
    loadFailed: 'Algo salió mal al cargar. Inténtalo de nuevo.',
    invalidData: 'Recibimos información que no pudimos leer. Inténtalo más tarde.',
  },
};
