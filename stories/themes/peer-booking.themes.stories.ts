/**
 * <peer-booking> under each example theme (src/styles/themes/): a few of its stories,
 * chosen for the colour pairs they show, with their play functions as they are and the theme
 * pinned. Axe runs in each story test, so every theme's text must meet WCAG AA contrast on its
 * own surfaces (A1). The default theme is every other story.
 */
import type { Meta } from '@storybook/web-components-vite';
import elementMeta, {
  Time,
  AboutYouErrors,
  Review,
  Sent,
  SlotTaken,
  ManageConfirmed,
} from '../peer-booking.stories.js';
import { themed } from '../support/workbench.js';

const meta = {
  ...elementMeta,
  title: 'Themes/Peer booking',
  // The element's docs page is under Elements; these are its stories' themed variants.
  tags: ['!autodocs'],
} satisfies Meta<(typeof elementMeta)['args']>;

export default meta;

export const DarkTime = themed(Time, 'dark');
export const DarkAboutYouErrors = themed(AboutYouErrors, 'dark');
export const DarkReview = themed(Review, 'dark');
export const DarkSent = themed(Sent, 'dark');
export const DarkSlotTaken = themed(SlotTaken, 'dark');
export const DarkManageConfirmed = themed(ManageConfirmed, 'dark');

export const CampusTime = themed(Time, 'campus');
export const CampusAboutYouErrors = themed(AboutYouErrors, 'campus');
export const CampusReview = themed(Review, 'campus');
export const CampusSent = themed(Sent, 'campus');
export const CampusSlotTaken = themed(SlotTaken, 'campus');
export const CampusManageConfirmed = themed(ManageConfirmed, 'campus');

export const HighContrastTime = themed(Time, 'high-contrast');
export const HighContrastAboutYouErrors = themed(AboutYouErrors, 'high-contrast');
export const HighContrastReview = themed(Review, 'high-contrast');
export const HighContrastSent = themed(Sent, 'high-contrast');
export const HighContrastSlotTaken = themed(SlotTaken, 'high-contrast');
export const HighContrastManageConfirmed = themed(ManageConfirmed, 'high-contrast');
