/**
 * <peer-directory> under each example theme (src/styles/themes/): a few of its stories,
 * chosen for the colour pairs they show, with their play functions as they are and the theme
 * pinned. Axe runs in each story test, so every theme's text must meet WCAG AA contrast on its
 * own surfaces (A1). The default theme is every other story.
 */
import type { Meta } from '@storybook/web-components-vite';
import elementMeta, {
  Results,
  ChoosingInsideProvider,
  ProfileOpen,
  Matches,
  Malformed,
} from '../peer-directory.stories.js';
import { themed } from '../support/workbench.js';

const meta = {
  ...elementMeta,
  title: 'Themes/Peer directory',
  // The element's docs page is under Elements; these are its stories' themed variants.
  tags: ['!autodocs'],
} satisfies Meta<(typeof elementMeta)['args']>;

export default meta;

export const DarkResults = themed(Results, 'dark');
export const DarkChoosingInsideProvider = themed(ChoosingInsideProvider, 'dark');
export const DarkProfileOpen = themed(ProfileOpen, 'dark');
export const DarkMatches = themed(Matches, 'dark');
export const DarkMalformed = themed(Malformed, 'dark');

export const CampusResults = themed(Results, 'campus');
export const CampusChoosingInsideProvider = themed(ChoosingInsideProvider, 'campus');
export const CampusProfileOpen = themed(ProfileOpen, 'campus');
export const CampusMatches = themed(Matches, 'campus');
export const CampusMalformed = themed(Malformed, 'campus');

export const HighContrastResults = themed(Results, 'high-contrast');
export const HighContrastChoosingInsideProvider = themed(ChoosingInsideProvider, 'high-contrast');
export const HighContrastProfileOpen = themed(ProfileOpen, 'high-contrast');
export const HighContrastMatches = themed(Matches, 'high-contrast');
export const HighContrastMalformed = themed(Malformed, 'high-contrast');
