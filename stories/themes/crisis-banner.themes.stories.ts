/**
 * <crisis-banner> under each example theme (src/styles/themes/): a few of its stories,
 * chosen for the colour pairs they show, with their play functions as they are and the theme
 * pinned. Axe runs in each story test, so every theme's text must meet WCAG AA contrast on its
 * own surfaces (A1). The default theme is every other story.
 */
import type { Meta } from '@storybook/web-components-vite';
import elementMeta, { Docked, Inline } from '../crisis-banner.stories.js';
import { themed } from '../support/workbench.js';

const meta = {
  ...elementMeta,
  title: 'Themes/Crisis banner',
  // The element's docs page is under Elements; these are its stories' themed variants.
  tags: ['!autodocs'],
} satisfies Meta<(typeof elementMeta)['args']>;

export default meta;

export const DarkInline = themed(Inline, 'dark');
export const DarkDocked = themed(Docked, 'dark');

export const CampusInline = themed(Inline, 'campus');
export const CampusDocked = themed(Docked, 'campus');

export const HighContrastInline = themed(Inline, 'high-contrast');
export const HighContrastDocked = themed(Docked, 'high-contrast');
