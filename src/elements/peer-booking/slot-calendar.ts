import type { Slot } from '../../api/schemas.js';
import type { Locale } from '../../i18n/types.js';
import { formatTime, zoneName } from '../../internal/format.js';

/**
 * The booking step's calendar, with no DOM: which local days the horizon holds in the seeker's
 * zone, which slots fall on each, and how days and slots are named for people (QUALITY R6).
 * Days are calendar dates, counted on the calendar and never by adding 24 hours, so a 23-hour or
 * 25-hour day (a DST change) is one day like any other.
 */

/** One local day of the horizon. */
export interface CalendarDay {
  /** `YYYY-MM-DD`, the date in the calendar's zone. */
  key: string;
  /** The slots starting on that date, sorted by start. */
  slots: Slot[];
}

const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let formatter = formats.get(key);
  if (!formatter) formats.set(key, (formatter = new Intl.DateTimeFormat(locale, options)));
  return formatter;
}

/** The date, `YYYY-MM-DD`, that the instant falls on in `timeZone`. */
export function dayKey(at: Date | string, timeZone: string): string {
  const parts = dateFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(typeof at === 'string' ? new Date(at) : at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** The key `offset` calendar days after `key`: date arithmetic in UTC, where no day is short. */
function addDays(key: string, offset: number): string {
  const [year, month, day] = key.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + offset)).toISOString().slice(0, 10);
}

/**
 * Every local day of the horizon in `timeZone`: `days` dates from the one `from` falls on,
 * including days with no slot (so that "nothing is open on Sunday" can be said). Each slot goes
 * to the date its start falls on in that zone; slots starting outside the horizon are dropped.
 */
export function calendarDays(
  slots: readonly Slot[],
  timeZone: string,
  from: Date,
  days: number,
): CalendarDay[] {
  const first = dayKey(from, timeZone);
  const calendar: CalendarDay[] = [];
  const byKey = new Map<string, Slot[]>();
  for (let i = 0; i < days; i++) {
    const day: CalendarDay = { key: addDays(first, i), slots: [] };
    calendar.push(day);
    byKey.set(day.key, day.slots);
  }
  for (const slot of slots) byKey.get(dayKey(slot.start, timeZone))?.push(slot);
  for (const day of calendar) day.slots.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return calendar;
}

/** The first day after `fromIndex` with an open slot, or -1. */
export function nextOpenDay(days: readonly CalendarDay[], fromIndex: number): number {
  for (let i = Math.max(fromIndex + 1, 0); i < days.length; i++) {
    if (days[i]!.slots.length) return i;
  }
  return -1;
}

/** The first day with an open slot, or -1. */
export function firstOpenDay(days: readonly CalendarDay[]): number {
  return nextOpenDay(days, -1);
}

/** Noon UTC of a key's date: formatted in UTC, it names that date whatever the zone. */
function keyDate(key: string): Date {
  return new Date(`${key}T12:00:00Z`);
}

/**
 * `Tuesday, March 3` / `martes, 3 de marzo`: a day of the calendar, named in full, in the order
 * Intl gives for the locale. The key is already a date in the calendar's zone, so `_timeZone` is
 * not needed to name it; it is accepted so that calls read like the slot labels'.
 */
export function dayLabel(key: string, locale: Locale | string, _timeZone?: string): string {
  return dateFormat(locale, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(keyDate(key));
}

/** `Tue` / `mar`: the short weekday a day button shows. */
export function dayWeekday(key: string, locale: Locale | string): string {
  return dateFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(keyDate(key));
}

/**
 * `3`, or `Mar 3` / `3 mar` with the month: the date a day button shows, the month on the
 * horizon's first day and on each 1st.
 */
export function dayNumber(key: string, locale: Locale | string, withMonth = false): string {
  return dateFormat(locale, {
    day: 'numeric',
    ...(withMonth ? { month: 'short' } : {}),
    timeZone: 'UTC',
  } as const).format(keyDate(key));
}

const hour = 3600_000;

/** `Pacific Daylight Time`: the specific name, which tells the two sides of a change apart. */
function specificName(locale: string, at: Date, timeZone: string): string {
  return (
    dateFormat(locale, { timeZone, timeZoneName: 'long' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? ''
  );
}

/**
 * True when the zone changes its offset within an hour of the slot: in the hour a fall-back
 * repeats, the same wall time names two instants, and a generic name ("Pacific Time") would show
 * two different slots with one label.
 */
function nearChange(slot: Slot, timeZone: string): boolean {
  const before = new Date(Date.parse(slot.start) - hour);
  const after = new Date(Date.parse(slot.end) + hour);
  return specificName('en', before, timeZone) !== specificName('en', after, timeZone);
}

const dayOptions = { weekday: 'long', month: 'long', day: 'numeric' } as const;
const timeOptions = { hour: 'numeric', minute: '2-digit' } as const;

/** What the locale puts between the two ends of a time range: ` – ` in English, `–` in Spanish. */
function rangeSeparator(locale: string, start: Date, end: Date, timeZone: string): string {
  const parts = dateFormat(locale, { ...timeOptions, timeZone }).formatRangeToParts(start, end);
  const firstEnd = parts.findIndex((p) => p.source === 'endRange');
  const before = parts[firstEnd - 1];
  return firstEnd > 0 && before?.type === 'literal' ? before.value : ' – ';
}

/**
 * The slot's accessible name: its day, its start and end and the zone, each formatted by Intl
 * for the locale: `Tuesday, March 3 at 4:00 PM – 4:30 PM Pacific Time` /
 * `martes, 3 de marzo, 16:00–16:30 hora del Pacífico`. The start is written whole (not as
 * `formatRange` shortens it, `4:00 – 4:30 PM`) so that the button's visible `slotTime` is part of
 * its name (WCAG 2.5.3); `formatRange` would also name both ends with one zone across a DST
 * change. The end carries its date when it falls on another day. Near a DST change the zone is
 * named specifically on each end (`Pacific Daylight Time – … Pacific Standard Time`).
 */
export function slotLabel(slot: Slot, locale: Locale | string, timeZone: string): string {
  const start = new Date(slot.start);
  const end = new Date(slot.end);
  const near = nearChange(slot, timeZone);
  const from = dateFormat(locale, {
    ...dayOptions,
    ...timeOptions,
    timeZone,
    ...(near ? { timeZoneName: 'long' } : {}),
  }).format(start);
  const sameDay = dayKey(start, timeZone) === dayKey(end, timeZone);
  const zone = near ? specificName(locale, end, timeZone) : zoneName(locale, start, timeZone);
  // Intl puts the zone where the locale wants it; its text is ours (the generic name).
  const to = dateFormat(locale, {
    ...(sameDay ? {} : dayOptions),
    ...timeOptions,
    timeZone,
    timeZoneName: 'short',
  })
    .formatToParts(end)
    .map((p) => (p.type === 'timeZoneName' ? zone : p.value))
    .join('');
  return from + rangeSeparator(locale, start, end, timeZone) + to;
}

/**
 * `4:00 PM`: the start a slot button shows, a part of its `slotLabel`. In the hour around a DST
 * change, where one wall time can name two instants, the zone follows, named as in the label
 * (`1:30 AM Pacific Daylight Time`, `1:30 AM Pacific Standard Time`).
 */
export function slotTime(slot: Slot, locale: Locale | string, timeZone: string): string {
  if (!nearChange(slot, timeZone)) return formatTime(slot.start, locale, timeZone);
  return dateFormat(locale, { ...timeOptions, timeZone, timeZoneName: 'long' }).format(
    new Date(slot.start),
  );
}

/** A few US zones, for browsers without `Intl.supportedValuesOf`. */
const fallbackZones = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Puerto_Rico',
];

let zoneCache: { current: string; zones: string[] } | undefined;

/**
 * The zones a seeker may choose, sorted: every zone the browser knows, or a short US list where it
 * cannot say, always with `current` (which may be an alias, such as `Asia/Calcutta`) and `UTC`.
 */
export function timeZoneOptions(current: string): string[] {
  if (zoneCache?.current === current) return zoneCache.zones;
  let known: readonly string[] = fallbackZones;
  try {
    if (typeof Intl.supportedValuesOf === 'function') known = Intl.supportedValuesOf('timeZone');
  } catch {
    // Keep the fallback list.
  }
  const zones = [...new Set([...known, current, 'UTC'])].sort();
  zoneCache = { current, zones };
  return zones;
}

/** The browser's zone, or `UTC` when it cannot say. */
export function seekerTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
