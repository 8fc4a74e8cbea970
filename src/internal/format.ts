/**
 * Dates and times for people: always in the seeker's own time zone, with the zone named
 * (QUALITY R6), in the element's locale.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are costly to build and a card list uses the same few: keep them. */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let formatter = formats.get(key);
  if (!formatter) formats.set(key, (formatter = new Intl.DateTimeFormat(locale, options)));
  return formatter;
}

/** `Mon, Mar 9, 9:00 AM PDT` in the seeker's zone. */
export function formatSlot(iso: string, locale: string, timeZone?: string): string {
  return dateFormat(locale, {
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
  return dateFormat(locale, {
    hour: 'numeric',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

/** `Monday, March 9` in the seeker's zone: the heading of a day of slots. */
export function formatDay(iso: string, locale: string, timeZone?: string): string {
  return dateFormat(locale, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

/** The seeker's zone, named for people: `Pacific Daylight Time`. */
export function zoneName(locale: string, at = new Date(), timeZone?: string): string {
  const name = (style: 'longGeneric' | 'long') =>
    dateFormat(locale, { timeZoneName: style, ...(timeZone ? { timeZone } : {}) })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  // The generic name ("Pacific Time") holds on both sides of a DST change; zones without one
  // (UTC) come out as a bare offset, where the specific name reads better.
  const generic = name('longGeneric');
  return /^GMT[+-]/.test(generic) ? name('long') : generic;
}

/** Display name of a language tag in the given locale: `es` → `Spanish` / `español`. */
const languageNames = new Map<string, Intl.DisplayNames>();

/**
 * Names that `Intl.DisplayNames` lacks in some browsers (it answers with the code itself): ASL
 * is `ase` in BCP 47, and several browsers name it in no locale.
 */
const missingNames: Record<string, Record<string, string>> = {
  en: { ase: 'American Sign Language' },
  es: { ase: 'lengua de señas americana' },
};

/**
 * A language tag's name in `locale`, e.g. `es` → "Spanish". A name the browser does not know in
 * that locale comes from `missingNames`, else in English, and only then as the bare code.
 */
export function languageName(tag: string, locale: string): string {
  let name: string | undefined;
  try {
    let names = languageNames.get(locale);
    if (!names)
      languageNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'language' })));
    name = names.of(tag);
  } catch {
    // An unknown locale or a malformed tag: fall through.
  }
  if (name && name.toLowerCase() !== tag.toLowerCase()) return name;
  const known = missingNames[locale.split('-')[0]!]?.[tag];
  if (known) return known;
  return locale === 'en' ? tag : languageName(tag, 'en');
}

/** Up to two initials for a photo placeholder: `María José Ruiz` → `MR`. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
