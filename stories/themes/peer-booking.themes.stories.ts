/**
 * <peer-booking> under each example theme (src/styles/themes/): the element's stories that show the most
 * colour pairs, their play functions as they are, with the theme pinned. Axe runs in each story
 * test, so every theme's text meets WCAG AA contrast on its own surfaces (A1); the default theme
 * is every other story.
 */
import type { Meta } from '@storybook/web-components-vite';
import elementMeta, {
  Loading,
  Chooser,
  Time,
  AboutYouErrors,
  PriceSlidingScale,
  Review,
  Sent,
  SlotTaken,
  ManageConfirmed,
  Malformed,
} from '../peer-booking.stories.js';
import { themed } from '../support/workbench.js';

const meta = {
  ...elementMeta,
  title: 'Themes/Peer booking',
  // The element's docs page is under Elements; these are its stories' themed variants.
  tags: ['!autodocs'],
} satisfies Meta<(typeof elementMeta)['args']>;

export default meta;

export const DarkLoading = themed(Loading, 'dark');
export const DarkChooser = themed(Chooser, 'dark');
export const DarkTime = themed(Time, 'dark');
export const DarkAboutYouErrors = themed(AboutYouErrors, 'dark');
export const DarkPriceSlidingScale = themed(PriceSlidingScale, 'dark');
export const DarkReview = themed(Review, 'dark');
export const DarkSent = themed(Sent, 'dark');
export const DarkSlotTaken = themed(SlotTaken, 'dark');
export const DarkManageConfirmed = themed(ManageConfirmed, 'dark');
export const DarkMalformed = themed(Malformed, 'dark');

export const CampusLoading = themed(Loading, 'campus');
export const CampusChooser = themed(Chooser, 'campus');
export const CampusTime = themed(Time, 'campus');
export const CampusAboutYouErrors = themed(AboutYouErrors, 'campus');
export const CampusPriceSlidingScale = themed(PriceSlidingScale, 'campus');
export const CampusReview = themed(Review, 'campus');
export const CampusSent = themed(Sent, 'campus');
export const CampusSlotTaken = themed(SlotTaken, 'campus');
export const CampusManageConfirmed = themed(ManageConfirmed, 'campus');
export const CampusMalformed = themed(Malformed, 'campus');

export const HighContrastLoading = themed(Loading, 'high-contrast');
export const HighContrastChooser = themed(Chooser, 'high-contrast');
export const HighContrastTime = themed(Time, 'high-contrast');
export const HighContrastAboutYouErrors = themed(AboutYouErrors, 'high-contrast');
export const HighContrastPriceSlidingScale = themed(PriceSlidingScale, 'high-contrast');
export const HighContrastReview = themed(Review, 'high-contrast');
export const HighContrastSent = themed(Sent, 'high-contrast');
export const HighContrastSlotTaken = themed(SlotTaken, 'high-contrast');
export const HighContrastManageConfirmed = themed(ManageConfirmed, 'high-contrast');
export const HighContrastMalformed = themed(Malformed, 'high-contrast');
