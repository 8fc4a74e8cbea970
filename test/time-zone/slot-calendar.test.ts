import { expect } from '@open-wc/testing';
import type { Slot } from '../../src/api/schemas.js';
import {
  calendarDays,
  dayLabel,
  seekerTimeZone,
  slotLabel,
  slotTime,
} from '../../src/elements/peer-booking/slot-calendar.js';

/**
 * R6 for the booking calendar, from the seeker's side: this file runs in a browser whose zone is
 * America/New_York while the program's slots are written in Pacific time. Late Pacific evenings
 * are the next day in New York, and the calendar must say so, on both sides of the change to
 * daylight time on Sunday 2026-03-08.
 */

function slot(start: string, lengthMinutes = 30): Slot {
  const end = new Date(Date.parse(start) + lengthMinutes * 60_000).toISOString();
  return {
    supporterId: 'sup-1',
    start,
    end,
    lengthMinutes: lengthMinutes as Slot['lengthMinutes'],
  };
}

const zone = seekerTimeZone();

describe('the booking calendar in the seeker’s zone (America/New_York)', () => {
  it('takes the browser’s zone', () => {
    expect(zone).to.equal('America/New_York');
  });

  it('puts a 9 PM Pacific slot on the next day, at midnight Eastern', () => {
    const friday9pm = slot('2026-03-06T21:00:00-08:00');
    const friday830pm = slot('2026-03-06T20:30:00-08:00');
    const days = calendarDays(
      [friday9pm, friday830pm],
      zone,
      new Date('2026-03-06T08:00:00-08:00'),
      2,
    );
    expect(days.map((d) => d.key)).to.deep.equal(['2026-03-06', '2026-03-07']);
    expect(days[0]!.slots).to.deep.equal([friday830pm]);
    expect(days[1]!.slots).to.deep.equal([friday9pm]);
    expect(dayLabel(days[1]!.key, 'en', zone)).to.equal('Saturday, March 7');
    expect(slotTime(friday9pm, 'en', zone)).to.equal('12:00 AM');
    expect(slotLabel(friday9pm, 'en', zone)).to.equal(
      'Saturday, March 7 at 12:00 AM – 12:30 AM Eastern Time',
    );
    expect(slotLabel(friday9pm, 'es', zone)).to.equal(
      'sábado, 7 de marzo, 0:00–0:30 hora oriental',
    );
  });

  it('names a slot that ends at midnight with both of its days', () => {
    expect(slotLabel(slot('2026-03-06T20:30:00-08:00'), 'en', zone)).to.equal(
      'Friday, March 6 at 11:30 PM – Saturday, March 7 at 12:00 AM Eastern Time',
    );
  });

  it('shows Pacific slots in Eastern time on both sides of the change', () => {
    const before = slot('2026-03-06T09:00:00-08:00'); // Friday, EST
    const after = slot('2026-03-09T09:00:00-07:00'); // Monday, EDT
    const days = calendarDays([after, before], zone, new Date('2026-03-06T08:00:00-08:00'), 7);
    expect(days.map((d) => `${d.key} ${d.slots.length}`)).to.deep.equal([
      '2026-03-06 1',
      '2026-03-07 0',
      '2026-03-08 0',
      '2026-03-09 1',
      '2026-03-10 0',
      '2026-03-11 0',
      '2026-03-12 0',
    ]);
    expect(slotLabel(before, 'en', zone)).to.equal(
      'Friday, March 6 at 12:00 PM – 12:30 PM Eastern Time',
    );
    expect(slotLabel(after, 'en', zone)).to.equal(
      'Monday, March 9 at 12:00 PM – 12:30 PM Eastern Time',
    );
  });

  it('puts the first Pacific slot after midnight of the short Sunday on that Sunday', () => {
    // 10 PM Saturday Pacific is 1 AM Sunday Eastern, just before the Eastern clocks jump.
    const saturday10pm = slot('2026-03-07T22:00:00-08:00');
    const days = calendarDays([saturday10pm], zone, new Date('2026-03-07T12:00:00-05:00'), 2);
    expect(days[1]!.key).to.equal('2026-03-08');
    expect(days[1]!.slots).to.deep.equal([saturday10pm]);
    expect(slotTime(saturday10pm, 'en', zone)).to.equal('1:00 AM Eastern Standard Time');
  });
});
