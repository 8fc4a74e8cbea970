/**
 * The workbench's toolbar: a locale and a theme for every story (`.storybook/preview.ts` applies
 * them in a decorator). The example themes are the CSS files in src/styles/themes/, each a class
 * that sets the `--peer-*` tokens; the story tests render a few stories of each element under
 * each of them (stories/themes/), so that axe checks every theme's colour pairs (A1).
 */
import type { Lang } from './story.js';

/** The themes of the toolbar: the built-in tokens, and the three examples. */
export const themes = {
  default: { title: 'Default', className: undefined },
  dark: { title: 'Dark', className: 'peer-theme-dark' },
  campus: { title: 'Campus brand', className: 'peer-theme-campus' },
  'high-contrast': { title: 'High contrast', className: 'peer-theme-high-contrast' },
} as const;

export type ThemeName = keyof typeof themes;

/** The example themes, without the default. */
export const exampleThemes = ['dark', 'campus', 'high-contrast'] as const satisfies ThemeName[];

/** `locale` global: the story's own language (each story is written in one), or one forced. */
export type LocaleGlobal = 'story' | Lang;

export const isLang = (value: unknown): value is Lang => value === 'en' || value === 'es';

/**
 * The language a story is shown in: the toolbar's, when one is chosen, else the story's own.
 * Play functions check literal texts, so they must read the same one the decorator rendered.
 */
export function shownLang(globals: Record<string, unknown>, own: Lang): Lang {
  const forced = globals['locale'];
  return isLang(forced) ? forced : own;
}

/** The class of the theme named by the `theme` global; none for the default or an unknown one. */
export function themeClass(name: unknown): string | undefined {
  return typeof name === 'string' && name in themes
    ? themes[name as ThemeName].className
    : undefined;
}

/** `story` with the theme pinned (its toolbar locked to it), for the themed story tests. */
export function themed<S extends { globals?: Record<string, unknown> }>(
  story: S,
  theme: ThemeName,
): S {
  return { ...story, globals: { ...story.globals, theme } };
}
