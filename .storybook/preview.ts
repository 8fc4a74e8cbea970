import type { Decorator, Loader, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { startMockBackend } from '../src/mocks/browser.js';
// As a Spanish host page does (README, Languages): Spanish from the first frame of every story.
import '../src/i18n/es.js';
import '../src/i18n/booking-es.js';
import '../src/i18n/gift-card-es.js';
// The example themes, as a host page links them; each is a class that a decorator puts on <html>.
import '../src/styles/themes/dark.css';
import '../src/styles/themes/campus.css';
import '../src/styles/themes/high-contrast.css';
import { scenarioHandlers, type Scenario, type ScenarioOptions } from '../src/mocks/scenarios.js';
import { isLang, themeClass, themes } from '../stories/support/workbench.js';

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

/** What the docs add to Storybook's reading of the manifest, by tag. */
interface Documented {
  tagName?: string;
  cssStates?: { name: string; description?: string }[];
  slots?: { name: string; description?: string }[];
}

const documented = new Map(
  manifest.modules
    .flatMap((module) => module.declarations as Documented[])
    .flatMap((declaration) => (declaration.tagName ? [[declaration.tagName, declaration]] : [])),
);

/** One row of an element's docs table, in `category`; documentation only, no control. */
const row = (name: string, description: string | undefined, category: string, type: string) => [
  name,
  {
    name,
    description: description ?? '',
    control: false,
    table: { category, type: { summary: type } },
  },
];

/**
 * The docs pages show what Storybook reads from the manifest (attributes, properties, events,
 * slots, CSS properties, parts), but not the custom states, nor the default slot (a slot with an
 * empty name). Add them: `:state(name)` in a "custom states" section of each element's table.
 */
const fromManifest: NonNullable<Preview['argTypesEnhancers']>[number] = ({
  component,
  argTypes,
}) => {
  const element = typeof component === 'string' ? documented.get(component) : undefined;
  if (!element) return argTypes;
  const rows = [
    ...(element.slots ?? [])
      .filter(({ name }) => name === '')
      .map(({ description }) => row('(default slot)', description, 'slots', 'slot')),
    ...(element.cssStates ?? []).map(({ name, description }) =>
      row(`:state(${name})`, description, 'custom states', `${component}:state(${name})`),
    ),
  ];
  return { ...argTypes, ...Object.fromEntries(rows) };
};

const themeClasses = Object.values(themes).flatMap(({ className }) =>
  className ? [className] : [],
);

/**
 * The toolbar's theme and locale, for every story. The theme is a class on the preview's
 * `<html>`, as a host page sets it: its tokens reach every element, its own provider and nested
 * shadow trees included, and it paints the page's background (so axe measures text against the
 * theme's surface, not a white page). The locale replaces the story's `lang` argument, which each
 * story already turns into the element's `lang` or its provider's `locale`; the play functions
 * read the same choice (stories/support/workbench.ts, `shownLang`).
 */
const workbench: Decorator = (storyFn, { globals, args }) => {
  const root = document.documentElement;
  root.classList.remove(...themeClasses);
  const themed = themeClass(globals['theme']);
  if (themed) root.classList.add(themed);
  const locale = globals['locale'];
  root.lang = isLang(locale) ? locale : 'en';
  return isLang(locale) ? storyFn({ args: { ...args, lang: locale } }) : storyFn();
};

const preview: Preview = {
  loaders: [mockBackend],
  decorators: [workbench],
  argTypesEnhancers: [fromManifest],
  globalTypes: {
    locale: {
      description: 'Language of the elements',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'story', title: "The story's own" },
          { value: 'en', right: 'en', title: 'English' },
          { value: 'es', right: 'es', title: 'Español' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Example theme (src/styles/themes/)',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: Object.entries(themes).map(([value, { title }]) => ({ value, title })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'story', theme: 'default' },
  parameters: {
    controls: { expanded: true },
    options: { storySort: { order: ['Introduction', 'Theming', 'Elements', 'Themes'] } },
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
