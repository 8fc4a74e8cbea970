/**
 * An iCalendar (RFC 5545) file for one session, built in the browser: "Add to calendar" works
 * with no request to any calendar service (QUALITY S3) and no personal data in a URL (S4).
 */

export interface IcsEventInput {
  /** Globally unique and stable for the booking, so that a second download updates the event. */
  uid: string;
  /** ISO 8601 with an offset (or a Date); written in UTC. */
  start: string | Date;
  end: string | Date;
  summary: string;
  description?: string;
  location?: string;
  /** The join link; a URI, written as it is (only line breaks are removed). */
  url?: string;
  /** The DTSTAMP: when the file was made; now by default. */
  now?: Date;
}

/** `20260303T000000Z`. */
function utc(at: string | Date): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) throw new RangeError(`icsEvent: not a date: ${String(at)}`);
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** A TEXT value: backslash, semicolon and comma escaped, every line break as `\n`. */
function text(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // Other control characters are not allowed in TEXT (RFC 5545 3.3.11); a tab is.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  );
}

/** A URI value has no escapes: only what would break the line goes. */
function uri(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]/g, '');
}

const encoder = new TextEncoder();

/**
 * A content line folded at 75 octets (RFC 5545 3.1): each further line starts with a space, which
 * counts in its 75. Splits fall between characters, never inside a character's UTF-8 bytes.
 */
function fold(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > 75) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n');
}

/** A VCALENDAR with one VEVENT, CRLF line ends, lines folded; times in UTC. */
export function icsEvent(event: IcsEventInput): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//peer-support-widgets//booking//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${text(event.uid)}`,
    `DTSTAMP:${utc(event.now ?? new Date())}`,
    `DTSTART:${utc(event.start)}`,
    `DTEND:${utc(event.end)}`,
    `SUMMARY:${text(event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${text(event.description)}`);
  if (event.location) lines.push(`LOCATION:${text(event.location)}`);
  if (event.url) lines.push(`URL:${uri(event.url)}`);
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** A `blob:` URL for an `<a download>`; give it back with `revokeIcsUrl` when it is replaced. */
export function icsFileUrl(text: string): string {
  return URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
}

export function revokeIcsUrl(url: string): void {
  URL.revokeObjectURL(url);
}
