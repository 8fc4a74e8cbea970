/**
 * The shared data-element suite on `<peer-booking>`. Only the class is imported here: the suite
 * imports the define entry itself, to check that it is what registers the tag. Without a
 * supporter, the complete state is the chooser of the program's supporters; empty is a program
 * with no supporter taking bookings.
 */
import { PeerBooking } from '../src/elements/peer-booking/peer-booking.js';
import '../src/elements/peer-support-provider/define.js';
import { scenarioHandlers } from '../src/mocks/scenarios.js';
import { runDataElementSuite } from './support/data-element-suite.js';

const shadow = (el: Element) => el.shadowRoot;
/** The chooser's supporters. */
const choices = (el: Element) =>
  shadow(el)?.querySelectorAll('input[name=supporterId]').length ?? 0;

runDataElementSuite({
  tag: 'peer-booking',
  ctor: PeerBooking,
  defineEntry: () => import('../src/elements/peer-booking/define.js'),
  states: {
    loading: {
      // Long enough for axe to run on the loading line; short enough not to outlive the test by much.
      handlers: ({ baseUrl }) =>
        scenarioHandlers('slow', { baseUrl, only: ['getProgram'], delayMs: 5000 }),
      reached: (el) => shadow(el)?.querySelector('[part=loading]') && choices(el) === 0,
      texts: ['Book a session with a peer supporter', 'Loading…'],
    },
    complete: {
      reached: (el) => choices(el) > 0,
      texts: [
        'Book a session with a peer supporter',
        'Step 1 of 8: Who would you like to talk with?',
        'Choose a supporter',
        'Continue',
      ],
    },
    empty: {
      handlers: ({ baseUrl }) => scenarioHandlers('empty', { baseUrl }),
      reached: (el) => shadow(el)?.querySelector('[part=empty]'),
      texts: ['No supporters are taking bookings right now. Please check back soon.'],
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
      'Reserva una sesión con un compañero de apoyo',
      'Paso 1 de 8: ¿Con quién te gustaría hablar?',
      'Elige un compañero de apoyo',
      'Continuar',
    ],
    englishTexts: [
      'Book a session with a peer supporter',
      'Who would you like to talk with?',
      'Choose a supporter',
      'Continue',
    ],
    errorTexts: ['Algo salió mal al cargar. Inténtalo de nuevo.'],
  },
});
