import { locales, type Locale } from './types.js';

/**
 * The supported locale for a BCP 47 tag: `es-MX` → `es`; anything unsupported → `en`.
 */
export function resolveLocale(tag: string | null | undefined): Locale {
  const language = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (locales as readonly string[]).includes(language) ? (language as Locale) : 'en';
}

/** Replaces `{name}` placeholders; unknown names are left as they are. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
