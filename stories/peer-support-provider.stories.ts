import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/elements/crisis-banner/define.js';
import '../src/elements/peer-directory/define.js';
import '../src/elements/peer-support-provider/define.js';
import type { PeerErrorEvent } from '../src/events.js';
import { expectCrisisLine } from './support/crisis.js';
import { appearAll, rendered, shadow } from './support/dom.js';
import type { Lang } from './support/story.js';
import { settled } from './support/timing.js';
import { shownLang } from './support/workbench.js';

interface ProviderArgs {
  lang: Lang;
  apiBase: string;
}

/** What a person reads, per language: literals, never imported from src/i18n. */
const says = {
  en: {
    title: 'Find a peer supporter',
    call988: 'Call 988',
    text988: 'Text 988',
    call911: 'Call 911',
  },
  es: {
    title: 'Encuentra un compañero de apoyo',
    call988: 'Llamar al 988',
    text988: 'Enviar texto al 988',
    call911: 'Llamar al 911',
  },
} as const;

/** `peer-error` events heard from each rendered provider. */
const heard = new WeakMap<Element, PeerErrorEvent[]>();

const meta = {
  title: 'Elements/Peer support provider',
  component: 'peer-support-provider',
  tags: ['autodocs'],
  args: { lang: 'en', apiBase: '/api' },
  argTypes: { lang: { control: 'inline-radio', options: ['en', 'es'] } },
  // The elements inside have no api-base and no lang: both come from the provider.
  render: (args) => {
    const template = html`<peer-support-provider api-base=${args.apiBase} locale=${args.lang}>
      <crisis-banner variant="compact"></crisis-banner>
      <peer-directory page-size="3"></peer-directory>
    </peer-support-provider>`;
    return template;
  },
  decorators: [
    (storyFn, { canvasElement }) => {
      const errors: PeerErrorEvent[] = [];
      canvasElement.addEventListener('peer-error', (event) => errors.push(event));
      heard.set(canvasElement, errors);
      return storyFn();
    },
  ],
} satisfies Meta<ProviderArgs>;

export default meta;
type Story = StoryObj<ProviderArgs>;

/** The provider's API and locale reach the directory and the banner inside it. */
function configures(lang: Lang): Story {
  return {
    args: { lang },
    play: async ({ canvasElement, globals }) => {
      const t = says[shownLang(globals, lang)];
      await rendered(canvasElement, 'peer-support-provider');
      const directory = await rendered(canvasElement, 'peer-directory');
      await expect(shadow(directory).querySelector('h2')).toHaveTextContent(t.title);
      const cards = await appearAll(
        shadow(directory),
        '[part="list"] [part="card"]',
        'supporter cards',
        settled,
      );
      await expect(cards.length).toBeLessThanOrEqual(3);
      await expectCrisisLine(await rendered(canvasElement, 'crisis-banner'), t);
      await expectCrisisLine(directory, t);
    },
  };
}

export const ConfiguresItsElements = configures('en');
export const ConfiguresItsElementsSpanish = configures('es');

/** An api-base that is not https: refused with a peer-error; the crisis line stays (S5, C1). */
export const RefusedApiBase: Story = {
  args: { apiBase: 'http://api.example.edu/peer' },
  play: async ({ canvasElement, globals }) => {
    const t = says[shownLang(globals, 'en')];
    await rendered(canvasElement, 'peer-support-provider');
    await waitFor(() =>
      expect(heard.get(canvasElement)?.map((event) => event.detail.kind)).toContain('config'),
    );
    await expectCrisisLine(await rendered(canvasElement, 'crisis-banner'), t);
    await expectCrisisLine(await rendered(canvasElement, 'peer-directory'), t);
  },
};
