import type { Loader, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { startMockBackend } from '../src/mocks/browser.js';
// As a Spanish host page does (README, Languages): Spanish from the first frame of every story.
import '../src/i18n/es.js';
import '../src/i18n/booking-es.js';
import '../src/i18n/gift-card-es.js';
import { scenarioHandlers, type Scenario, type ScenarioOptions } from '../src/mocks/scenarios.js';

// Controls and docs come from the same manifest the package publishes.
setCustomElementsManifest(manifest);

/**
 * Where the mock backend answers; stories give their `<peer-support-provider api-base="/api">`.
 */
const mockApiBase = '/api';

/**
 * A story picks a failure scenario of the mock backend with a parameter:
 * `parameters: { mockScenario: 'error' }`, or with options,
 * `parameters: { mockScenario: { scenario: 'slow', only: ['listSupporters'], delayMs: 5000 } }`.
 */
type MockScenarioParameter = Scenario | ({ scenario: Scenario } & Omit<ScenarioOptions, 'baseUrl'>);

/**
 * Starts the MSW worker once (startMockBackend reuses it), then gives every story a clean set of
 * handlers: the default backend, plus the scenario the story asks for in front of it.
 */
const mockBackend: Loader = async ({ parameters }) => {
  const { worker } = await startMockBackend({ baseUrl: mockApiBase, quiet: true });
  worker.resetHandlers();
  const requested = parameters['mockScenario'] as MockScenarioParameter | undefined;
  if (requested !== undefined) {
    const { scenario, ...options } =
      typeof requested === 'string' ? { scenario: requested } : requested;
    worker.use(...scenarioHandlers(scenario, { ...options, baseUrl: mockApiBase }));
  }
  return {};
};

const preview: Preview = {
  loaders: [mockBackend],
  parameters: {
    controls: { expanded: true },
    a11y: {
      // Axe violations fail the story's test (A1), in Storybook and in `npm run test:stories`.
      test: 'error',
      // A1: WCAG 2.0, 2.1 and 2.2, levels A and AA.
      options: {
        runOnly: {
          type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'],
        },
      },
    },
  },
};

export default preview;
