/**
 * The shared data-element suite on `<peer-directory>`. Only the class is imported here: the suite
 * imports the define entry itself, to check that it is what registers the tag.
 */
import { PeerDirectory } from '../src/elements/peer-directory/peer-directory.js';
import '../src/elements/peer-support-provider/define.js';
import { scenarioHandlers } from '../src/mocks/scenarios.js';
import { runDataElementSuite } from './support/data-element-suite.js';

const shadow = (el: Element) => el.shadowRoot;
/** Supporter cards of the result list. */
const cards = (el: Element) => shadow(el)?.querySelectorAll('[part=list] [part=card]').length ?? 0;

runDataElementSuite({
  tag: 'peer-directory',
  ctor: PeerDirectory,
  defineEntry: () => import('../src/elements/peer-directory/define.js'),
  states: {
    loading: {
      // Long enough for axe to run on the skeleton; short enough not to outlive the test by much.
      handlers: ({ baseUrl }) =>
        scenarioHandlers('slow', { baseUrl, only: ['listSupporters'], delayMs: 5000 }),
      reached: (el) => shadow(el)?.querySelector('[aria-busy=true]') && cards(el) === 0,
      texts: ['Find a peer supporter', 'Find the soonest session'],
    },
    complete: {
      reached: (el) => cards(el) > 0,
      texts: ['Find a peer supporter', 'supporters match.', 'View profile', 'Clear filters'],
    },
    empty: {
      handlers: ({ baseUrl }) => scenarioHandlers('empty', { baseUrl }),
      reached: (el) => shadow(el)?.querySelector('[part=empty]'),
      texts: ['No supporters match these filters. Try clearing some of them.', 'Clear filters'],
    },
    error: {
      handlers: ({ baseUrl }) => scenarioHandlers('error', { baseUrl }),
      reached: (el) => shadow(el)?.querySelector('[part=error]'),
      texts: ['Something went wrong while loading. Please try again.'],
      timeout: 10_000,
    },
    offline: {
      handlers: ({ baseUrl }) => scenarioHandlers('offline', { baseUrl }),
      reached: (el) => shadow(el)?.querySelector('[part=error]'),
      texts: ['You appear to be offline. Check your connection and try again.'],
      timeout: 10_000,
    },
  },
  spanish: {
    texts: [
      'Encuentra un compañero de apoyo',
      'Buscar la sesión más próxima',
      'Borrar filtros',
      'Ver perfil',
      'compañeros coinciden.',
    ],
    englishTexts: ['Find a peer supporter', 'Clear filters', 'View profile', 'supporters match'],
    errorTexts: ['Algo salió mal al cargar. Inténtalo de nuevo.'],
  },
});
