/**
 * Time-zone arithmetic for the backends (the mock and the reference server), with nothing but `Intl.DateTimeFormat`: turning a
 * local wall-clock time in an IANA zone into an instant, and an instant into an ISO 8601 string
 * with the zone's offset at that instant (so `-08:00` in winter and `-07:00` in summer).
 */

export interface LocalDate {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
}

export interface LocalParts extends LocalDate {
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      // h23: some engines print midnight as "24" with hour12: false.
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// Zone transitions fall on quarter hours, so the offset is constant within a 15-minute bucket;
// caching per bucket keeps slot generation for thousands of supporters cheap.
const BUCKET = 15 * MINUTE;

/** Offset of `timeZone` from UTC at the instant `ms`, in minutes (e.g. -420 for PDT). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const bucket = Math.floor(ms / BUCKET);
  let cache = offsets.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsets.set(timeZone, cache);
  }
  const cached = cache.get(bucket);
  if (cached !== undefined) return cached;
  const at = bucket * BUCKET;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(at))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    parts['year'] ?? 1970,
    (parts['month'] ?? 1) - 1,
    parts['day'] ?? 1,
    parts['hour'] ?? 0,
    parts['minute'] ?? 0,
    parts['second'] ?? 0,
  );
  const offset = Math.round((wall - at) / MINUTE);
  cache.set(bucket, offset);
  return offset;
}

/** The instant at which the wall clock in `timeZone` shows `date` at `minutes` past midnight. */
export function localToInstant(date: LocalDate, minutes: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  const guess = wall - zoneOffsetMinutes(wall, timeZone) * MINUTE;
  // The offset at the guessed instant can differ from the one at `wall` near a transition.
  return wall - zoneOffsetMinutes(guess, timeZone) * MINUTE;
}

/** Local calendar date, weekday and time of day of the instant `ms` in `timeZone`. */
export function localParts(ms: number, timeZone: string): LocalParts {
  const local = new Date(ms + zoneOffsetMinutes(ms, timeZone) * MINUTE);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: ((local.getUTCDay() + 6) % 7) + 1,
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

/** The calendar date `days` after `date`. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday (1 = Monday) of a calendar date. */
export function isoWeekday(date: LocalDate): number {
  return ((new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7) + 1;
}

/** Orders calendar dates. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-03-09T09:00:00-07:00`: the instant written as wall-clock time in `timeZone`. */
export function formatInstant(ms: number, timeZone: string): string {
  const offset = zoneOffsetMinutes(ms, timeZone);
  const local = new Date(ms + offset * MINUTE);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** `2026-03-09`: the calendar date of the instant in `timeZone`. */
export function formatLocalDate(ms: number, timeZone: string): string {
  const { year, month, day } = localParts(ms, timeZone);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Minutes since midnight of an `HH:MM` string. */
export function parseClock(clock: string): number {
  const [h = '0', m = '0'] = clock.split(':');
  return Number(h) * 60 + Number(m);
}
