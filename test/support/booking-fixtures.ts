/**
 * The booking tests' backend: three supporters with known hours, lengths and ways of meeting,
 * and the reference program open at every hour of every day, so that no test depends on the
 * weekday or the hour it runs at.
 */
import type { BookingRequest } from '../../src/api/booking-schemas.js';
import type { Program, Slot } from '../../src/api/schemas.js';
import {
  createSeedSupporters,
  referenceProgram,
  type SupporterRecord,
} from '../../src/mocks/data.js';
import type { ApiResult } from '../../src/mocks/store.js';
import type { WeeklyBlock } from '../../src/mocks/data.js';

export const PACIFIC = 'America/Los_Angeles';
export const hours = (days: number[], open: string, close: string): WeeklyBlock[] =>
  days.map((day) => ({ day, open, close }));
export const everyDay = hours([1, 2, 3, 4, 5, 6, 7], '00:00', '24:00');

/** The program open at every hour of every day. */
export const openAllDay = (program: Program): Program => ({
  ...program,
  hours: { timeZone: PACIFIC, weekly: everyDay },
});
export const reference = openAllDay(referenceProgram);

/** Weekdays 9 to 5, 30 or 60 minutes, video or phone, CA/OR/WA. */
export const ROSA = 'sup-rosa';
/** Every day, 60 minutes, video only, CA/OR/WA. */
export const SAM = 'sup-sam';
/** Every day, any length and way of meeting, certified in California only; no pronouns given. */
export const LEE = 'sup-lee';

const seed = createSeedSupporters(3);
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- Lee gives no pronouns
const { pronouns: _none, ...third } = seed[2]!;
export const supporters: SupporterRecord[] = [
  {
    ...seed[0]!,
    id: ROSA,
    name: 'Rosa Díaz',
    pronouns: 'she/her',
    states: ['CA', 'OR', 'WA'],
    sessionLengths: [30, 60],
    modalities: ['video', 'phone'],
    schedule: { timeZone: PACIFIC, weekly: hours([1, 2, 3, 4, 5], '09:00', '17:00') },
  },
  {
    ...seed[1]!,
    id: SAM,
    name: 'Sam Okafor',
    pronouns: 'they/them',
    states: ['CA', 'OR', 'WA'],
    sessionLengths: [60],
    modalities: ['video'],
    schedule: { timeZone: PACIFIC, weekly: everyDay },
  },
  {
    ...third,
    id: LEE,
    name: 'Lee Chen',
    states: ['CA'],
    sessionLengths: [30, 60],
    modalities: ['video', 'phone', 'messaging'],
    schedule: { timeZone: PACIFIC, weekly: everyDay },
  },
];

/** The body of a store answer that succeeded; a refusal fails the test with its message. */
export function body<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`the mock refused: ${result.body.error.message}`);
  return result.body;
}

/** Sam's request for `slot` (22, in California, pay what you can), as the backend tests send it. */
export function samsRequest(slot: Slot, overrides: Partial<BookingRequest> = {}): BookingRequest {
  return {
    supporterId: slot.supporterId,
    slotStart: slot.start,
    lengthMinutes: slot.lengthMinutes,
    modality: 'video',
    seeker: { name: 'Sam Seeker', email: 'sam@example.org', age: 22, state: 'CA' },
    policies: { notTherapy: true, cancellation: true, privacy: true },
    payment: { kind: 'sliding-scale', amount: 4500 },
    timeZone: 'America/New_York',
    ...overrides,
  };
}

/** Another seeker's request for `slot`, as made straight in the store (another tab, say). */
export function otherSeekersRequest(slot: Slot, overrides: Partial<BookingRequest> = {}) {
  return {
    supporterId: slot.supporterId,
    slotStart: slot.start,
    lengthMinutes: slot.lengthMinutes,
    modality: 'video',
    seeker: { name: 'Other Seeker', email: 'other@example.org', state: 'CA', age: 25 },
    policies: { notTherapy: true, cancellation: true, privacy: true },
    payment: { kind: 'sliding-scale', amount: 4500 },
    timeZone: 'UTC',
    ...overrides,
  } satisfies BookingRequest as BookingRequest;
}

/** The booking's step titles, as a person reads them in English. */
export const BOOKING_TITLES = {
  supporter: 'Who would you like to talk with?',
  session: 'What kind of session?',
  time: 'Choose a time',
  eligibility: 'Can this program serve you?',
  about: 'About you',
  policies: 'Before you book',
  price: 'Price',
  review: 'Check and send your request',
} as const;
export type BookingStep = keyof typeof BOOKING_TITLES;
