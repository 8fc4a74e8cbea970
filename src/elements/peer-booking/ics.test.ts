import { expect } from '@open-wc/testing';
import { icsEvent, icsFileUrl, revokeIcsUrl } from './ics.js';

const now = new Date('2026-03-01T12:34:56.789Z');

const utf8 = new TextEncoder();
const strict = new TextDecoder('utf-8', { fatal: true });

/** The file's physical lines, without the CRLF that ends each. */
function physicalLines(file: string): string[] {
  expect(file.endsWith('\r\n'), 'the last line ends with CRLF').to.equal(true);
  return file.slice(0, -2).split('\r\n');
}

/** RFC 5545 unfolding: a CRLF followed by a space is removed. */
function unfold(file: string): string[] {
  return file.replace(/\r\n /g, '').slice(0, -2).split('\r\n');
}

describe('icsEvent', () => {
  it('writes one event in a PUBLISH calendar, in UTC, with CRLF line ends', () => {
    const file = icsEvent({
      uid: 'bk-42@peer-support-widgets',
      start: '2026-03-03T16:00:00-08:00',
      end: '2026-03-03T16:30:00-08:00',
      summary: 'Peer support session',
      url: 'https://meet.example.org/r/abc?x=1,2;y',
      now,
    });
    expect(file).to.equal(
      'BEGIN:VCALENDAR\r\n' +
        'VERSION:2.0\r\n' +
        'PRODID:-//peer-support-widgets//booking//EN\r\n' +
        'CALSCALE:GREGORIAN\r\n' +
        'METHOD:PUBLISH\r\n' +
        'BEGIN:VEVENT\r\n' +
        'UID:bk-42@peer-support-widgets\r\n' +
        'DTSTAMP:20260301T123456Z\r\n' +
        'DTSTART:20260304T000000Z\r\n' +
        'DTEND:20260304T003000Z\r\n' +
        'SUMMARY:Peer support session\r\n' +
        'URL:https://meet.example.org/r/abc?x=1,2;y\r\n' +
        'END:VEVENT\r\n' +
        'END:VCALENDAR\r\n',
    );
    expect(file.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
  });

  it('converts each offset to UTC, across a DST change and a date line', () => {
    const lines = unfold(
      icsEvent({
        uid: 'u',
        start: '2026-11-01T01:30:00-07:00',
        end: new Date('2026-11-01T01:30:00-08:00'),
        summary: 's',
        now,
      }),
    );
    expect(lines).to.include('DTSTART:20261101T083000Z');
    expect(lines).to.include('DTEND:20261101T093000Z');
    const east = unfold(
      icsEvent({ uid: 'u', start: '2026-03-03T09:15:00+14:00', end: now, summary: 's', now }),
    );
    expect(east).to.include('DTSTART:20260302T191500Z');
  });

  it('stamps the file with the time it is made when none is given', () => {
    const before = Date.now();
    const stamp = unfold(icsEvent({ uid: 'u', start: now, end: now, summary: 's' }))
      .find((l) => l.startsWith('DTSTAMP:'))!
      .slice(8);
    const [, y, mo, d, h, mi, s] = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(stamp)!;
    const at = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!);
    expect(at).to.be.within(before - 1000, Date.now());
  });

  it('escapes backslashes, semicolons, commas and line breaks in text', () => {
    const lines = unfold(
      icsEvent({
        uid: 'a,b;c',
        start: now,
        end: now,
        summary: 'Session; with Ana, 30 min',
        description: 'Line one\nLine two\r\nC:\\path\rend',
        location: 'Online, video',
        now,
      }),
    );
    expect(lines).to.include('UID:a\\,b\\;c');
    expect(lines).to.include('SUMMARY:Session\\; with Ana\\, 30 min');
    expect(lines).to.include('DESCRIPTION:Line one\\nLine two\\nC:\\\\path\\nend');
    expect(lines).to.include('LOCATION:Online\\, video');
  });

  it('leaves out optional properties that are not given', () => {
    const file = icsEvent({ uid: 'u', start: now, end: now, summary: 's', now });
    expect(file).not.to.contain('DESCRIPTION');
    expect(file).not.to.contain('LOCATION');
    expect(file).not.to.contain('URL');
  });

  it('refuses a start that is not a date', () => {
    expect(() => icsEvent({ uid: 'u', start: 'soon', end: now, summary: 's' })).to.throw(
      RangeError,
      'icsEvent: not a date: soon',
    );
  });

  it('folds long lines at 75 octets without splitting an accented letter', () => {
    // 'DESCRIPTION:' is 12 octets: 62 more make 74, and 'é' (2 octets) would make 76.
    const boundary = unfold(
      icsEvent({
        uid: 'u',
        start: now,
        end: now,
        summary: 's',
        description: 'a'.repeat(62) + 'éb',
        now,
      }),
    );
    expect(boundary).to.include('DESCRIPTION:' + 'a'.repeat(62) + 'éb');
    const raw = physicalLines(
      icsEvent({
        uid: 'u',
        start: now,
        end: now,
        summary: 's',
        description: 'a'.repeat(62) + 'éb',
        now,
      }),
    );
    const at = raw.findIndex((l) => l.startsWith('DESCRIPTION:'));
    expect(raw[at]).to.equal('DESCRIPTION:' + 'a'.repeat(62));
    expect(raw[at + 1]).to.equal(' éb');

    const description =
      'Tu sesión de apoyo entre pares está confirmada. Si necesitas cancelarla, hazlo con ' +
      'antelación; la línea 988 atiende en español las 24 horas: llamadas, mensajes y chat. ' +
      'Ñandú, pingüino, corazón, acción, información, ¿qué tal?, ¡ánimo!';
    const file = icsEvent({
      uid: 'u',
      start: now,
      end: now,
      summary: 'Sesión de apoyo',
      description,
      now,
    });
    const lines = physicalLines(file);
    const folded = lines.filter((l) => l.startsWith(' '));
    expect(folded.length, 'the description is folded').to.be.at.least(2);
    for (const line of lines) {
      const bytes = utf8.encode(line);
      expect(bytes.length, line).to.be.at.most(75);
      // Each physical line is valid UTF-8 on its own: no character was cut in two.
      expect(strict.decode(bytes)).to.equal(line);
    }
    expect(unfold(file)).to.include(
      'DESCRIPTION:Tu sesión de apoyo entre pares está confirmada. Si necesitas cancelarla\\, ' +
        'hazlo con antelación\\; la línea 988 atiende en español las 24 horas: llamadas\\, ' +
        'mensajes y chat. Ñandú\\, pingüino\\, corazón\\, acción\\, información\\, ¿qué tal?\\, ' +
        '¡ánimo!',
    );
  });

  it('keeps an emoji whole when it falls on the fold', () => {
    // 12 + 63 = 75 octets: the 4-octet emoji starts the next line.
    const raw = physicalLines(
      icsEvent({
        uid: 'u',
        start: now,
        end: now,
        summary: 's',
        description: 'a'.repeat(62) + '💬',
        now,
      }),
    );
    const at = raw.findIndex((l) => l.startsWith('DESCRIPTION:'));
    expect(raw[at]).to.equal('DESCRIPTION:' + 'a'.repeat(62));
    expect(raw[at + 1]).to.equal(' 💬');
  });
});

describe('icsFileUrl', () => {
  it('serves the text as a UTF-8 calendar file until it is revoked', async () => {
    const file = icsEvent({ uid: 'u', start: now, end: now, summary: 'Sesión', now });
    const url = icsFileUrl(file);
    expect(url).to.match(/^blob:/);
    const response = await fetch(url);
    expect(response.headers.get('content-type')).to.equal('text/calendar;charset=utf-8');
    expect(await response.text()).to.equal(file);
    revokeIcsUrl(url);
    let failed = false;
    try {
      await fetch(url);
    } catch {
      failed = true;
    }
    expect(failed, 'a revoked URL no longer loads').to.equal(true);
  });
});
