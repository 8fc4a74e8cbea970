/**
 * The design tokens, read from their one source (src/styles/tokens.ts) for the Theming docs
 * page: each `--peer-*` property with its default in the light and the dark scheme. The node
 * test test/node/themes.test.mjs checks README's table against the same source.
 */
import source from '../../src/styles/tokens.ts?raw';

export interface Token {
  name: string;
  /** The default, or the light scheme's when it depends on the scheme. */
  light: string;
  /** The dark scheme's default, when it differs. */
  dark?: string;
  description: string;
}

const descriptions: Record<string, string> = {
  '--peer-font': 'Font stack of every element.',
  '--peer-color-text': 'Body text.',
  '--peer-color-muted': 'Secondary text: hints, counts, time zones.',
  '--peer-color-surface': 'Background of cards, fields and panels.',
  '--peer-color-surface-alt': 'Background of alternate areas: skeletons, summaries, chips.',
  '--peer-color-border': 'Borders of cards and fields.',
  '--peer-color-primary': 'Primary buttons, links, selected states and their borders.',
  '--peer-color-on-primary': 'Text on the primary colour.',
  '--peer-color-crisis': 'Crisis call and text buttons; field errors.',
  '--peer-color-crisis-bg': 'Background of the crisis line and banner.',
  '--peer-color-on-crisis': 'Text on the crisis colour.',
  '--peer-color-focus': 'Focus ring.',
  '--peer-radius': 'Corner radius.',
  '--peer-space': 'Base spacing unit.',
};

export const tokens: Token[] = [
  ...source.matchAll(/--_[\w-]+:\s*var\((--peer-[\w-]+),\s*(.+)\);$/gm),
].map(([, name, fallback]) => {
  const scheme = /^light-dark\(([^,]+),\s*([^)]+)\)$/.exec(fallback!.trim());
  return {
    name: name!,
    light: scheme ? scheme[1]!.trim() : fallback!.trim(),
    ...(scheme ? { dark: scheme[2]!.trim() } : {}),
    description: descriptions[name!] ?? '',
  };
});
