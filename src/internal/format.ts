/**
 * Dates and times for people: always in the seeker's own time zone, with the zone named
 * (QUALITY R6), in the element's locale.
 */

/** `Mon, Mar 9, 9:00 AM PDT` in the seeker's zone. */
export function formatSlot(iso: string, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

/** `9:00 AM` in the seeker's zone. */
export function formatTime(iso: string, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    hour: 'numeric',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

/** `Monday, March 9` in the seeker's zone: the heading of a day of slots. */
export function formatDay(iso: string, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

/** The seeker's zone, named for people: `Pacific Daylight Time`. */
export function zoneName(locale: string, at = new Date(), timeZone?: string): string {
  const part = new Intl.DateTimeFormat(locale, {
    timeZoneName: 'long',
    ...(timeZone ? { timeZone } : {}),
  })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? '';
}

/** Display name of a language tag in the given locale: `es` → `Spanish` / `español`. */
export function languageName(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** Up to two initials for a photo placeholder: `María José Ruiz` → `MR`. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
