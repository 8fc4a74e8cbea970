import { expect } from '@open-wc/testing';
import {
  bookableWindow,
  nextOfLengths,
  nextOpenStart,
  openSlotStarts,
  slotState,
  stepFor,
  timeOfDay,
  weeklyBlocks,
  type AvailabilityContext,
  type SupporterHours,
} from './availability.js';
import { HOUR, MINUTE } from './time.js';

const LA = 'America/Los_Angeles';
/** Thursday 2026-03-05, 08:00 in Los Angeles (PST). */
const NOW = Date.parse('2026-03-05T08:00:00-08:00');
const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '12:00' }));

const ctx = (overrides: Partial<AvailabilityContext> = {}): AvailabilityContext => ({
  nowMs: NOW,
  leadMs: 2 * HOUR,
  horizonMs: 7 * 24 * HOUR,
  programZone: LA,
  programHours: weeklyBlocks(
    [1, 2, 3, 4, 5].map((day) => ({ day, open: '08:00', close: '20:00' })),
  ),
  ...overrides,
});

const hours = (overrides: Partial<SupporterHours> = {}): SupporterHours => ({
  zone: LA,
  blocks: weeklyBlocks(weekdays),
  spans: [],
  ...overrides,
});

const iso = (ms: number) => new Date(ms).toISOString();
const starts = (
  c: AvailabilityContext,
  h: SupporterHours,
  length: number,
  from?: number,
  to?: number,
) => [...openSlotStarts(c, h, length, from, to)].map(iso);

describe('weeklyBlocks', () => {
  it('merges overlapping and touching blocks of a day, in minutes since midnight', () => {
    const blocks = weeklyBlocks([
      { day: 2, open: '13:00', close: '15:00' },
      { day: 2, open: '09:00', close: '10:30' },
      { day: 2, open: '10:30', close: '11:00' },
      { day: 2, open: '14:00', close: '16:00' },
      { day: 6, open: '08:15', close: '09:00' },
    ]);
    expect(blocks[2]).to.deep.equal([
      [540, 660],
      [780, 960],
    ]);
    expect(blocks[6]).to.deep.equal([[495, 540]]);
    expect(blocks[1]).to.deep.equal([]);
  });
});

describe('openSlotStarts', () => {
  it('starts on the grid (every half hour for 30 minutes, every hour for 50 and 60)', () => {
    expect([stepFor(30), stepFor(50), stepFor(60)]).to.deep.equal([30, 60, 60]);
    const from = Date.parse('2026-03-06T00:00:00-08:00');
    const to = Date.parse('2026-03-07T00:00:00-08:00');
    expect(starts(ctx(), hours(), 30, from, to)).to.deep.equal([
      '2026-03-06T17:00:00.000Z',
      '2026-03-06T17:30:00.000Z',
      '2026-03-06T18:00:00.000Z',
      '2026-03-06T18:30:00.000Z',
      '2026-03-06T19:00:00.000Z',
      '2026-03-06T19:30:00.000Z',
    ]);
    expect(starts(ctx(), hours(), 50, from, to)).to.deep.equal([
      '2026-03-06T17:00:00.000Z',
      '2026-03-06T18:00:00.000Z',
      '2026-03-06T19:00:00.000Z',
    ]);
  });

  it('begins after the lead time and ends before the horizon', () => {
    const all = [...openSlotStarts(ctx(), hours(), 60)];
    // 10:00 today is exactly the lead time: still offered; 09:00 is not.
    expect(iso(all[0]!)).to.equal('2026-03-05T18:00:00.000Z');
    expect(all.every((s) => s >= NOW + 2 * HOUR && s < NOW + 7 * 24 * HOUR)).to.equal(true);
    // Thu 10, 11; Fri, Mon, Tue, Wed 9, 10, 11; Thu 12th at 08:00 is the horizon, before 09:00.
    expect(all.length).to.equal(2 + 4 * 3);
  });

  it('leaves out starts outside the program hours and starts an active span overlaps', () => {
    const program = ctx({
      programHours: weeklyBlocks([{ day: 5, open: '10:00', close: '12:00' }]),
    });
    const friday = Date.parse('2026-03-06T00:00:00-08:00');
    const saturday = friday + 24 * HOUR;
    expect(starts(program, hours(), 60, friday, saturday)).to.deep.equal([
      '2026-03-06T18:00:00.000Z',
      '2026-03-06T19:00:00.000Z',
    ]);
    // A booking 10:15 to 10:45 blocks the 10:00 and the 10:30 half hours, not 09:30 nor 11:00.
    const busy = hours({
      spans: [
        {
          startMs: Date.parse('2026-03-06T10:15:00-08:00'),
          endMs: Date.parse('2026-03-06T10:45:00-08:00'),
        },
      ],
    });
    expect(starts(ctx(), busy, 30, friday, saturday)).to.deep.equal([
      '2026-03-06T17:00:00.000Z',
      '2026-03-06T17:30:00.000Z',
      '2026-03-06T19:00:00.000Z',
      '2026-03-06T19:30:00.000Z',
    ]);
  });

  it('keeps the wall clock across a DST change: 09:00 is 17:00Z before and 16:00Z after', () => {
    const c = ctx({ nowMs: Date.parse('2026-03-05T12:00:00-08:00') });
    const all = [...openSlotStarts(c, hours(), 60)].map(iso);
    const firstOf = (day: string) => all.find((s) => s.startsWith(day));
    expect(firstOf('2026-03-06'), 'Friday, PST').to.equal('2026-03-06T17:00:00.000Z');
    expect(firstOf('2026-03-09'), 'Monday, PDT').to.equal('2026-03-09T16:00:00.000Z');
  });

  it('gives nothing when the window is empty', () => {
    expect(starts(ctx(), hours(), 60, NOW + 8 * 24 * HOUR, NOW + 9 * 24 * HOUR)).to.deep.equal([]);
    expect(bookableWindow(ctx())).to.deep.equal({
      fromMs: NOW + 2 * HOUR,
      toMs: NOW + 7 * 24 * HOUR,
    });
  });
});

describe('slotState', () => {
  const friday9 = Date.parse('2026-03-06T09:00:00-08:00');

  it('is open for a listed start, taken once a span overlaps it or it is too soon', () => {
    expect(slotState(ctx(), hours(), friday9, 60)).to.equal('open');
    const busy = hours({
      spans: [{ bookingId: 'bk-1', startMs: friday9 + 30 * MINUTE, endMs: friday9 + 90 * MINUTE }],
    });
    expect(slotState(ctx(), busy, friday9, 60)).to.equal('taken');
    // The booking being moved does not block itself.
    expect(slotState(ctx(), busy, friday9, 60, 'bk-1')).to.equal('open');
    expect(slotState(ctx(), busy, friday9, 60, 'bk-2')).to.equal('taken');
    // 09:00 today is within the lead time: a start of the schedule, no longer open.
    expect(slotState(ctx(), hours(), Date.parse('2026-03-05T09:00:00-08:00'), 60)).to.equal(
      'taken',
    );
  });

  it('is not offered off the grid, outside the hours, past the horizon or off the minute', () => {
    expect(slotState(ctx(), hours(), friday9 + 30 * MINUTE, 60)).to.equal('not-offered');
    expect(slotState(ctx(), hours(), friday9 + 30 * MINUTE, 30)).to.equal('open');
    expect(slotState(ctx(), hours(), friday9 + 3 * HOUR, 60)).to.equal('not-offered');
    expect(slotState(ctx(), hours(), Date.parse('2026-03-07T09:00:00-08:00'), 60)).to.equal(
      'not-offered',
    );
    expect(slotState(ctx(), hours(), Date.parse('2026-03-13T09:00:00-07:00'), 60)).to.equal(
      'not-offered',
    );
    expect(slotState(ctx(), hours(), friday9 + 1000, 60)).to.equal('not-offered');
    const narrow = ctx({ programHours: weeklyBlocks([{ day: 5, open: '10:00', close: '12:00' }]) });
    expect(slotState(narrow, hours(), friday9, 60)).to.equal('not-offered');
  });

  it('is not offered for the second of a wall time a DST change repeats', () => {
    const night = hours({ blocks: weeklyBlocks([{ day: 7, open: '01:00', close: '04:00' }]) });
    const allDay = ctx({
      nowMs: Date.parse('2026-10-30T00:00:00-07:00'),
      programHours: weeklyBlocks([{ day: 7, open: '00:00', close: '23:59' }]),
    });
    // Sunday 2026-11-01: 01:00 comes twice, at 08:00Z (PDT) and at 09:00Z (PST).
    expect(slotState(allDay, night, Date.parse('2026-11-01T08:00:00Z'), 60)).to.equal('open');
    expect(slotState(allDay, night, Date.parse('2026-11-01T09:00:00Z'), 60)).to.equal(
      'not-offered',
    );
    expect(slotState(allDay, night, Date.parse('2026-11-01T10:00:00Z'), 60)).to.equal('open');
    const listed = [...openSlotStarts(allDay, night, 60)].map(iso);
    expect(listed.slice(0, 3)).to.deep.equal([
      '2026-11-01T08:00:00.000Z',
      '2026-11-01T10:00:00.000Z',
      '2026-11-01T11:00:00.000Z',
    ]);
  });
});

describe('next open start', () => {
  it('is the first open start, or null when there is none', () => {
    expect(iso(nextOpenStart(ctx(), hours(), 60)!)).to.equal('2026-03-05T18:00:00.000Z');
    expect(nextOpenStart(ctx(), hours({ blocks: weeklyBlocks([]) }), 60)).to.equal(null);
  });

  it('picks the soonest of the lengths, the shortest on a tie, or only the one asked', () => {
    const next: Record<number, number | null> = { 30: 500, 50: 400, 60: 400 };
    expect(nextOfLengths([30, 50, 60], undefined, (l) => next[l] ?? null)).to.deep.equal({
      start: 400,
      length: 50,
    });
    expect(nextOfLengths([30, 50, 60], 30, (l) => next[l] ?? null)).to.deep.equal({
      start: 500,
      length: 30,
    });
    expect(nextOfLengths([30], 60, () => 1)).to.equal(null);
    expect(nextOfLengths([30, 60], undefined, () => null)).to.equal(null);
  });
});

describe('timeOfDay', () => {
  it('is morning before 12:00, afternoon to 17:00, evening after, in the zone given', () => {
    const at = Date.parse('2026-03-09T11:59:00-07:00');
    expect(timeOfDay(at, LA)).to.equal('morning');
    expect(timeOfDay(at, 'America/New_York')).to.equal('afternoon');
    expect(timeOfDay(Date.parse('2026-03-09T16:59:00-07:00'), LA)).to.equal('afternoon');
    expect(timeOfDay(Date.parse('2026-03-09T17:00:00-07:00'), LA)).to.equal('evening');
  });
});
