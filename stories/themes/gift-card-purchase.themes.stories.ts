/**
 * <gift-card-purchase> under each example theme (src/styles/themes/): the element's stories that show the most
 * colour pairs, their play functions as they are, with the theme pinned. Axe runs in each story
 * test, so every theme's text meets WCAG AA contrast on its own surfaces (A1); the default theme
 * is every other story.
 */
import type { Meta } from '@storybook/web-components-vite';
import elementMeta, {
  Loading,
  Sessions,
  WhoErrors,
  Review,
  Confirmation,
  SendFails,
  BalanceActive,
  BalanceUsed,
  NoGiftCards,
} from '../gift-card-purchase.stories.js';
import { themed } from '../support/workbench.js';

const meta = {
  ...elementMeta,
  title: 'Themes/Gift card purchase',
  // The element's docs page is under Elements; these are its stories' themed variants.
  tags: ['!autodocs'],
} satisfies Meta<(typeof elementMeta)['args']>;

export default meta;

export const DarkLoading = themed(Loading, 'dark');
export const DarkSessions = themed(Sessions, 'dark');
export const DarkWhoErrors = themed(WhoErrors, 'dark');
export const DarkReview = themed(Review, 'dark');
export const DarkConfirmation = themed(Confirmation, 'dark');
export const DarkSendFails = themed(SendFails, 'dark');
export const DarkBalanceActive = themed(BalanceActive, 'dark');
export const DarkBalanceUsed = themed(BalanceUsed, 'dark');
export const DarkNoGiftCards = themed(NoGiftCards, 'dark');

export const CampusLoading = themed(Loading, 'campus');
export const CampusSessions = themed(Sessions, 'campus');
export const CampusWhoErrors = themed(WhoErrors, 'campus');
export const CampusReview = themed(Review, 'campus');
export const CampusConfirmation = themed(Confirmation, 'campus');
export const CampusSendFails = themed(SendFails, 'campus');
export const CampusBalanceActive = themed(BalanceActive, 'campus');
export const CampusBalanceUsed = themed(BalanceUsed, 'campus');
export const CampusNoGiftCards = themed(NoGiftCards, 'campus');

export const HighContrastLoading = themed(Loading, 'high-contrast');
export const HighContrastSessions = themed(Sessions, 'high-contrast');
export const HighContrastWhoErrors = themed(WhoErrors, 'high-contrast');
export const HighContrastReview = themed(Review, 'high-contrast');
export const HighContrastConfirmation = themed(Confirmation, 'high-contrast');
export const HighContrastSendFails = themed(SendFails, 'high-contrast');
export const HighContrastBalanceActive = themed(BalanceActive, 'high-contrast');
export const HighContrastBalanceUsed = themed(BalanceUsed, 'high-contrast');
export const HighContrastNoGiftCards = themed(NoGiftCards, 'high-contrast');
