import { expect } from '@open-wc/testing';
import type { Slot } from '../../api/schemas.js';
import {
  calendarDays,
  dayKey,
  dayLabel,
  firstOpenDay,
  nextOpenDay,
  seekerTimeZone,
  slotLabel,
  slotTime,
  timeZoneOptions,
  type CalendarDay,
} from './slot-calendar.js';

const pacific = 'America/Los_Angeles';

/** A 30-minute slot starting at `start`; the end is computed on the instant, not the wall clock. */
function slot(start: string, lengthMinutes = 30): Slot {
  const end = new Date(Date.parse(start) + lengthMinutes * 60_000).toISOString();
  return {
    supporterId: 'sup-1',
    start,
    end,
    lengthMinutes: lengthMinutes as Slot['lengthMinutes'],
  };
}

/** Each day as `key: start, start`, so a failure shows the whole calendar. */
function summary(days: CalendarDay[]): string[] {
  return days.map((d) => `${d.key}: ${d.slots.map((s) => s.start).join(', ')}`);
}

describe('calendarDays', () => {
  it('lists every day of the horizon, empty ones included, from the day `from` falls on', () => {
    const days = calendarDays(
      [slot('2026-03-03T16:00:00-08:00')],
      pacific,
      new Date('2026-03-02T23:59:00-08:00'),
      3,
    );
    expect(summary(days)).to.deep.equal([
      '2026-03-02: ',
      '2026-03-03: 2026-03-03T16:00:00-08:00',
      '2026-03-04: ',
    ]);
  });

  it('groups by the local date across the spring-forward change (a 23-hour Sunday)', () => {
    const days = calendarDays(
      [
        slot('2026-03-08T23:30:00-07:00'), // Sunday 11:30 PM PDT, the last half hour of the short day
        slot('2026-03-09T07:30:00Z'), // Monday 12:30 AM PDT: 24 h after Sunday's start it is Monday
        slot('2026-03-08T00:30:00-08:00'), // Sunday 12:30 AM PST
        slot('2026-03-08T07:30:00Z'), // Saturday 11:30 PM PST, written in UTC
        slot('2026-03-06T23:00:00-08:00'), // Friday: before the horizon
        slot('2026-03-11T00:30:00-07:00'), // Wednesday: after it
      ],
      pacific,
      new Date('2026-03-07T10:00:00-08:00'),
      4,
    );
    expect(summary(days)).to.deep.equal([
      '2026-03-07: 2026-03-08T07:30:00Z',
      '2026-03-08: 2026-03-08T00:30:00-08:00, 2026-03-08T23:30:00-07:00',
      '2026-03-09: 2026-03-09T07:30:00Z',
      '2026-03-10: ',
    ]);
  });

  it('groups by the local date across the fall-back change (a 25-hour Sunday)', () => {
    const days = calendarDays(
      [
        slot('2026-11-02T00:30:00-08:00'), // Monday 12:30 AM PST
        slot('2026-11-01T23:30:00-08:00'), // Sunday 11:30 PM PST, the 25th hour's last half
        slot('2026-11-01T01:30:00-08:00'), // Sunday, the second 1:30 AM (PST)
        slot('2026-11-01T01:30:00-07:00'), // Sunday, the first 1:30 AM (PDT)
      ],
      pacific,
      new Date('2026-10-31T12:00:00-07:00'),
      3,
    );
    expect(summary(days)).to.deep.equal([
      '2026-10-31: ',
      '2026-11-01: 2026-11-01T01:30:00-07:00, 2026-11-01T01:30:00-08:00, 2026-11-01T23:30:00-08:00',
      '2026-11-02: 2026-11-02T00:30:00-08:00',
    ]);
  });

  it('puts one instant on the date it has in each zone', () => {
    const late = slot('2026-03-06T21:00:00-08:00'); // 9 PM Pacific = midnight Eastern
    const from = new Date('2026-03-06T12:00:00Z');
    expect(summary(calendarDays([late], pacific, from, 2))).to.deep.equal([
      '2026-03-06: 2026-03-06T21:00:00-08:00',
      '2026-03-07: ',
    ]);
    expect(summary(calendarDays([late], 'America/New_York', from, 2))).to.deep.equal([
      '2026-03-06: ',
      '2026-03-07: 2026-03-06T21:00:00-08:00',
    ]);
    expect(dayKey('2026-03-06T21:00:00-08:00', 'UTC')).to.equal('2026-03-07');
  });
});

describe('open days', () => {
  const days = calendarDays(
    [slot('2026-03-04T10:00:00-08:00'), slot('2026-03-06T10:00:00-08:00')],
    pacific,
    new Date('2026-03-02T12:00:00-08:00'),
    7,
  );

  it('finds the first day with a slot, and the next after a given day', () => {
    expect(firstOpenDay(days)).to.equal(2);
    expect(nextOpenDay(days, 0)).to.equal(2);
    expect(nextOpenDay(days, 2)).to.equal(4);
    expect(nextOpenDay(days, 4)).to.equal(-1);
  });

  it('answers -1 when nothing is open', () => {
    expect(firstOpenDay(calendarDays([], pacific, new Date(), 7))).to.equal(-1);
  });
});

describe('labels', () => {
  const tuesday = slot('2026-03-03T16:00:00-08:00');

  it('names a day in full, in the locale’s order, whatever zone the calendar is in', () => {
    expect(dayLabel('2026-03-03', 'en', pacific)).to.equal('Tuesday, March 3');
    expect(dayLabel('2026-03-03', 'es', pacific)).to.equal('martes, 3 de marzo');
    expect(dayLabel('2026-03-03', 'en', 'Pacific/Kiritimati')).to.equal('Tuesday, March 3');
    expect(dayLabel('2026-11-01', 'en', 'Pacific/Pago_Pago')).to.equal('Sunday, November 1');
  });

  it('names a slot with its day, both times and the zone', () => {
    expect(slotLabel(tuesday, 'en', pacific)).to.equal(
      'Tuesday, March 3 at 4:00 PM – 4:30 PM Pacific Time',
    );
    expect(slotLabel(tuesday, 'es', pacific)).to.equal(
      'martes, 3 de marzo, 16:00–16:30 hora del Pacífico',
    );
    expect(slotLabel(tuesday, 'en', 'America/New_York')).to.equal(
      'Tuesday, March 3 at 7:00 PM – 7:30 PM Eastern Time',
    );
    expect(slotLabel(tuesday, 'en', 'UTC')).to.equal(
      'Wednesday, March 4 at 12:00 AM – 12:30 AM Coordinated Universal Time',
    );
  });

  it('shows the start time alone on the button', () => {
    expect(slotTime(tuesday, 'en', pacific)).to.equal('4:00 PM');
    expect(slotTime(tuesday, 'es', pacific)).to.equal('16:00');
  });

  it('tells apart the two 1:30 AMs of the fall-back night', () => {
    const first = slot('2026-11-01T01:30:00-07:00');
    const second = slot('2026-11-01T01:30:00-08:00');
    expect(slotTime(first, 'en', pacific)).to.equal('1:30 AM Pacific Daylight Time');
    expect(slotTime(second, 'en', pacific)).to.equal('1:30 AM Pacific Standard Time');
    // The first ends at 2:00 PDT, which the clocks call 1:00 PST.
    expect(slotLabel(first, 'en', pacific)).to.equal(
      'Sunday, November 1 at 1:30 AM Pacific Daylight Time – 1:00 AM Pacific Standard Time',
    );
    expect(slotLabel(second, 'en', pacific)).to.equal(
      'Sunday, November 1 at 1:30 AM Pacific Standard Time – 2:00 AM Pacific Standard Time',
    );
    expect(slotLabel(second, 'es', pacific)).to.equal(
      'domingo, 1 de noviembre, 1:30 hora estándar del Pacífico–2:00 hora estándar del Pacífico',
    );
  });

  it('names both sides of a slot that spans the spring-forward change', () => {
    // 30 minutes from 1:30 AM PST is 3:00 AM PDT: 2:xx never happens that night.
    expect(slotLabel(slot('2026-03-08T01:30:00-08:00'), 'en', pacific)).to.equal(
      'Sunday, March 8 at 1:30 AM Pacific Standard Time – 3:00 AM Pacific Daylight Time',
    );
  });

  it('keeps the generic name on an ordinary slot of a DST day', () => {
    expect(slotLabel(slot('2026-03-08T10:00:00-07:00'), 'en', pacific)).to.equal(
      'Sunday, March 8 at 10:00 AM – 10:30 AM Pacific Time',
    );
    expect(slotTime(slot('2026-03-08T10:00:00-07:00'), 'en', pacific)).to.equal('10:00 AM');
  });
});

describe('label in name (WCAG 2.5.3)', () => {
  it('writes the visible time of every slot inside its accessible name', () => {
    const starts = [
      '2026-03-03T16:00:00-08:00',
      '2026-03-03T23:30:00-08:00', // ends on the next day
      '2026-03-08T01:30:00-08:00', // spans the spring-forward change
      '2026-11-01T00:30:00-07:00',
      '2026-11-01T01:30:00-07:00', // spans the fall-back change
      '2026-11-01T01:30:00-08:00',
    ];
    for (const locale of ['en', 'es'] as const) {
      for (const zone of [pacific, 'America/New_York', 'UTC', 'Asia/Kolkata']) {
        for (const start of starts) {
          const s = slot(start);
          const label = slotLabel(s, locale, zone);
          expect(label, `${locale} ${zone} ${start}`).to.contain(slotTime(s, locale, zone));
        }
      }
    }
  });

  it('names the end’s day when the slot ends on the next one', () => {
    expect(slotLabel(slot('2026-03-03T23:30:00-08:00', 60), 'en', pacific)).to.equal(
      'Tuesday, March 3 at 11:30 PM – Wednesday, March 4 at 12:30 AM Pacific Time',
    );
  });
});

describe('time zones', () => {
  it('offers every zone the browser knows, sorted, with the current one and UTC', () => {
    const zones = timeZoneOptions('Etc/GMT+5');
    expect(zones).to.include.members(['America/New_York', 'Europe/Madrid', 'UTC', 'Etc/GMT+5']);
    expect(zones.length).to.be.greaterThan(300);
    expect(zones).to.deep.equal([...zones].sort());
    expect(new Set(zones).size).to.equal(zones.length);
  });

  it('falls back to US zones where Intl cannot list them', () => {
    const supported = Intl.supportedValuesOf;
    try {
      (Intl as { supportedValuesOf?: unknown }).supportedValuesOf = undefined;
      const zones = timeZoneOptions('Europe/Madrid');
      expect(zones).to.include.members([
        'America/New_York',
        'America/Los_Angeles',
        'Pacific/Honolulu',
        'Europe/Madrid',
        'UTC',
      ]);
      expect(zones.length).to.be.lessThan(20);
    } finally {
      Intl.supportedValuesOf = supported;
    }
  });

  it('reads the browser’s zone, and UTC when it has none', () => {
    expect(seekerTimeZone()).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
    const resolved = Intl.DateTimeFormat.prototype.resolvedOptions;
    try {
      Intl.DateTimeFormat.prototype.resolvedOptions = function () {
        return { ...resolved.call(this), timeZone: '' };
      };
      expect(seekerTimeZone()).to.equal('UTC');
    } finally {
      Intl.DateTimeFormat.prototype.resolvedOptions = resolved;
    }
  });
});
