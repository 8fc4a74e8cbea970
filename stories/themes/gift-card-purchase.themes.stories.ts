/**
 * <gift-card-purchase> under each example theme (src/styles/themes/): a few of its stories,
 * chosen for the colour pairs they show, with their play functions as they are and the theme
 * pinned. Axe runs in each story test, so every theme's text must meet WCAG AA contrast on its
 * own surfaces (A1). The default theme is every other story.
 */
import type { Meta } from '@storybook/web-components-vite';
import elementMeta, {
  Sessions,
  WhoErrors,
  Confirmation,
  BalanceActive,
} from '../gift-card-purchase.stories.js';
import { themed } from '../support/workbench.js';

const meta = {
  ...elementMeta,
  title: 'Themes/Gift card purchase',
  // The element's docs page is under Elements; these are its stories' themed variants.
  tags: ['!autodocs'],
} satisfies Meta<(typeof elementMeta)['args']>;

export default meta;

export const DarkSessions = themed(Sessions, 'dark');
export const DarkWhoErrors = themed(WhoErrors, 'dark');
export const DarkConfirmation = themed(Confirmation, 'dark');
export const DarkBalanceActive = themed(BalanceActive, 'dark');

export const CampusSessions = themed(Sessions, 'campus');
export const CampusWhoErrors = themed(WhoErrors, 'campus');
export const CampusConfirmation = themed(Confirmation, 'campus');
export const CampusBalanceActive = themed(BalanceActive, 'campus');

export const HighContrastSessions = themed(Sessions, 'high-contrast');
export const HighContrastWhoErrors = themed(WhoErrors, 'high-contrast');
export const HighContrastConfirmation = themed(Confirmation, 'high-contrast');
export const HighContrastBalanceActive = themed(BalanceActive, 'high-contrast');
