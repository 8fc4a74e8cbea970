/** Stories written once and told in English and in Spanish, each ending on the crisis line. */
import type { StoryObj } from '@storybook/web-components-vite';
import { expectCrisisLine, type CrisisLabels } from './crisis.js';
import { rendered, shadow, type RenderedElement } from './dom.js';
import { shownLang } from './workbench.js';

export type Lang = 'en' | 'es';

/** What a play function is given: the element, what it reads in the story's language. */
export interface Scene<E extends RenderedElement, T, Found> {
  el: E;
  /** The element's shadow root. */
  root: ShadowRoot;
  lang: Lang;
  /** The story's texts, from the story file's own `says` table. */
  t: T;
  /** What the story's loaders found or made. */
  found: Found;
}

type Extra<Args> = Omit<StoryObj<Args>, 'play'>;

/**
 * The story makers of one element (`tag`), its texts per language in `says`:
 * - `story(lang, extra, play)`: one story in `lang`, with `extra` (args, loaders, parameters);
 * - `both(extra, play)`: the same story in each language, `{ en, es }`.
 * Each finds the rendered element, plays, then checks the crisis line in whatever state the
 * play left the element (C1). A locale chosen in the toolbar replaces `lang`, in the render and
 * in what the play function reads.
 */
export function storyMakers<
  Args extends { lang: Lang },
  E extends RenderedElement,
  T extends CrisisLabels,
  Found = unknown,
>(tag: string, says: Record<Lang, T>) {
  type Play = (scene: Scene<E, T, Found>) => Promise<void>;
  const story = (lang: Lang, extra: Extra<Args>, play: Play): StoryObj<Args> => ({
    ...extra,
    args: { ...extra.args, lang } as Partial<Args>,
    play: async (context) => {
      const el = await rendered<E>(context.canvasElement, tag);
      const shown = shownLang(context.globals, lang);
      const t = says[shown];
      await play({ el, root: shadow(el), lang: shown, t, found: context.loaded as Found });
      await expectCrisisLine(el, t);
    },
  });
  const both = (extra: Extra<Args>, play: Play): Record<Lang, StoryObj<Args>> => ({
    en: story('en', extra, play),
    es: story('es', extra, play),
  });
  return { story, both };
}
