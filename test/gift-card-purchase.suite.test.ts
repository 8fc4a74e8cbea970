/**
 * The shared data-element suite on `<gift-card-purchase>`. Only the class is imported here: the
 * suite imports the define entry itself, to check that it is what registers the tag. The complete
 * state is the sessions step; empty is a program that offers no gift cards.
 */
import { http, HttpResponse } from 'msw';
import { GiftCardPurchase } from '../src/elements/gift-card-purchase/gift-card-purchase.js';
import '../src/elements/peer-support-provider/define.js';
import { referenceProgram } from '../src/mocks/data.js';
import { scenarioHandlers } from '../src/mocks/scenarios.js';
import { runDataElementSuite } from './support/data-element-suite.js';

const shadow = (el: Element) => el.shadowRoot;
/** Whether the element is to speak Spanish (its own `lang` or its provider's `locale`). */
const spanish = (el: Element) => !!el.closest('[lang^=es], [locale^=es]');
const packages = (el: Element) => shadow(el)?.querySelectorAll('input[name=choice]').length ?? 0;

runDataElementSuite({
  tag: 'gift-card-purchase',
  ctor: GiftCardPurchase,
  defineEntry: () => import('../src/elements/gift-card-purchase/define.js'),
  states: {
    loading: {
      handlers: ({ baseUrl }) =>
        scenarioHandlers('slow', { baseUrl, only: ['getProgram'], delayMs: 5000 }),
      reached: (el) => shadow(el)?.querySelector('[part=loading]') && packages(el) === 0,
      texts: ['Give peer support sessions', 'Loading…'],
    },
    complete: {
      // Spanish strings load on first use: complete once the step speaks the element's language.
      reached: (el) =>
        packages(el) > 0 &&
        spanish(el) === !shadow(el)?.querySelector('#step-title')?.textContent?.includes('Step'),
      texts: [
        'Give peer support sessions',
        'Step 1 of 4: How many sessions would you like to give?',
        'Another number',
        'Continue',
      ],
    },
    empty: {
      handlers: ({ baseUrl }) => [
        http.get(`${baseUrl}/program`, () =>
          HttpResponse.json({
            ...referenceProgram,
            giftCards: { enabled: false, pricePerSession: 0, maxSessions: 1 },
          }),
        ),
      ],
      reached: (el) => shadow(el)?.querySelector('[part=empty]'),
      texts: ['Gift cards are not offered by this program.'],
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
      'Regala sesiones de apoyo entre pares',
      'Paso 1 de 4: ¿Cuántas sesiones quieres regalar?',
      'Otro número',
      'Continuar',
    ],
    englishTexts: [
      'Give peer support sessions',
      'How many sessions would you like to give?',
      'Another number',
      'Continue',
    ],
    errorTexts: ['Algo salió mal al cargar. Inténtalo de nuevo.'],
  },
});
