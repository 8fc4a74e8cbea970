/**
 * Availability: which session starts a supporter offers, as pure functions of their weekly
 * schedule, the program's hours, the active bookings' spans and the clock. No storage and no
 * HTTP, so the mock's in-memory store and the reference server's database layer decide the same
 * slots; what only a database can guarantee (two requests racing for one slot) is left to it.
 */
import type { SessionLength, TimeOfDay } from './schemas.js';
import {
  MINUTE,
  addDays,
  compareDates,
  isoWeekday,
  localParts,
  localToInstant,
  parseClock,
  type LocalDate,
} from './time.js';

/** Open [from, to) blocks per ISO weekday (index 1..7), minutes since local midnight, merged. */
export type WeeklyBlocks = readonly (readonly (readonly [number, number])[])[];

/** An active booking's time: [startMs, endMs). */
export interface Span {
  startMs: number;
  endMs: number;
  bookingId?: string;
}

/** What availability needs of a supporter. */
export interface SupporterHours {
  /** The IANA zone of the schedule. */
  zone: string;
  blocks: WeeklyBlocks;
  /** Active bookings of this supporter (others are ignored by nothing: pass only theirs). */
  spans: readonly Span[];
}

/** What availability needs of the program and the clock. */
export interface AvailabilityContext {
  nowMs: number;
  /** Slots start at least this long after now. */
  leadMs: number;
  /** Slots start before now plus this. */
  horizonMs: number;
  programZone: string;
  programHours: WeeklyBlocks;
}

export type SlotState = 'open' | 'taken' | 'not-offered';

/** Session start grid: 30-minute sessions every half hour, longer ones on the hour. */
export const stepFor = (length: number) => Math.ceil(length / 30) * 30;

/** Weekly `HH:MM` blocks as merged minute ranges per ISO weekday. */
export function weeklyBlocks(
  weekly: readonly { day: number; open: string; close: string }[],
): WeeklyBlocks {
  const byDay: [number, number][][] = Array.from({ length: 8 }, () => []);
  for (const { day, open, close } of weekly) {
    byDay[day]?.push([parseClock(open), parseClock(close)]);
  }
  return byDay.map((blocks) => {
    const merged: [number, number][] = [];
    for (const block of [...blocks].sort((a, b) => a[0] - b[0])) {
      const last = merged[merged.length - 1];
      if (last && block[0] <= last[1]) last[1] = Math.max(last[1], block[1]);
      else merged.push([block[0], block[1]]);
    }
    return merged;
  });
}

const earliestStart = (ctx: AvailabilityContext) => ctx.nowMs + ctx.leadMs;
const latestStart = (ctx: AvailabilityContext) => ctx.nowMs + ctx.horizonMs;

/** The window of starts the clock allows: [now + lead, now + horizon). */
export function bookableWindow(ctx: AvailabilityContext): { fromMs: number; toMs: number } {
  return { fromMs: earliestStart(ctx), toMs: latestStart(ctx) };
}

function inProgramHours(ctx: AvailabilityContext, startMs: number, length: number): boolean {
  const local = localParts(startMs, ctx.programZone);
  return (ctx.programHours[local.weekday] ?? []).some(
    ([open, close]) => local.minutes >= open && local.minutes + length <= close,
  );
}

function overlapsSpan(hours: SupporterHours, startMs: number, length: number, ignore?: string) {
  const endMs = startMs + length * MINUTE;
  return hours.spans.some(
    (s) =>
      (ignore === undefined || s.bookingId !== ignore) && s.startMs < endMs && startMs < s.endMs,
  );
}

/** Open slot starts of one length in [fromMs, toMs), ascending. */
export function* openSlotStarts(
  ctx: AvailabilityContext,
  hours: SupporterHours,
  length: number,
  fromMs = -Infinity,
  toMs = Infinity,
): Generator<number> {
  const from = Math.max(fromMs, earliestStart(ctx));
  const to = Math.min(toMs, latestStart(ctx));
  if (from >= to) return;
  const step = stepFor(length);
  const last: LocalDate = localParts(to, hours.zone);
  for (let date: LocalDate = localParts(from, hours.zone); compareDates(date, last) <= 0;) {
    for (const [open, close] of hours.blocks[isoWeekday(date)] ?? []) {
      for (let minutes = open; minutes + length <= close; minutes += step) {
        const start = localToInstant(date, minutes, hours.zone);
        if (start < from) continue;
        if (start >= to) return;
        if (!inProgramHours(ctx, start, length)) continue;
        if (overlapsSpan(hours, start, length)) continue;
        yield start;
      }
    }
    date = addDays(date, 1);
  }
}

/**
 * Whether `startMs` is an open slot, in O(1) rather than by listing slots: `not-offered` when
 * the schedule never offers it (off the grid, outside hours, a wall time a DST change skips or
 * repeats, past the horizon), `taken` when it is a start of the schedule that is no longer open
 * (booked meanwhile, or now too soon). `ignore`: a booking whose own span does not block it (the
 * one being moved).
 */
export function slotState(
  ctx: AvailabilityContext,
  hours: SupporterHours,
  startMs: number,
  length: number,
  ignore?: string,
): SlotState {
  if (startMs >= latestStart(ctx) || startMs % MINUTE !== 0) return 'not-offered';
  const local = localParts(startMs, hours.zone);
  const onGrid = (hours.blocks[local.weekday] ?? []).some(
    ([open, close]) =>
      local.minutes >= open &&
      local.minutes + length <= close &&
      (local.minutes - open) % stepFor(length) === 0,
  );
  // The round trip rejects wall times that a DST change skips or repeats.
  if (!onGrid || localToInstant(local, local.minutes, hours.zone) !== startMs) {
    return 'not-offered';
  }
  if (!inProgramHours(ctx, startMs, length)) return 'not-offered';
  if (startMs < earliestStart(ctx) || overlapsSpan(hours, startMs, length, ignore)) {
    return 'taken';
  }
  return 'open';
}

/** The soonest open start of one length, or null. */
export function nextOpenStart(
  ctx: AvailabilityContext,
  hours: SupporterHours,
  length: number,
): number | null {
  for (const start of openSlotStarts(ctx, hours, length)) return start;
  return null;
}

/**
 * The soonest open slot of any of `lengths` (or of `length` only, when given and offered), the
 * shortest length winning ties. `nextOf` finds one length's next start (a cache may wrap
 * `nextOpenStart`).
 */
export function nextOfLengths(
  lengths: readonly SessionLength[],
  length: number | undefined,
  nextOf: (length: SessionLength) => number | null,
): { start: number; length: SessionLength } | null {
  let best: { start: number; length: SessionLength } | null = null;
  for (const l of lengths) {
    if (length !== undefined && l !== length) continue;
    const start = nextOf(l);
    if (start !== null && (!best || start < best.start)) best = { start, length: l };
  }
  return best;
}

/** Time of day of an instant in a zone: morning before 12:00, afternoon to 17:00, then evening. */
export function timeOfDay(ms: number, timeZone: string): TimeOfDay {
  const { minutes } = localParts(ms, timeZone);
  return minutes < 12 * 60 ? 'morning' : minutes < 17 * 60 ? 'afternoon' : 'evening';
}
