/**
 * The directory's search rule, shared by the backends: which supporters a search body's filters
 * match. Pure: the caller indexes each supporter once (`searchEntry`) and says when each one is
 * next available.
 */
import type { SessionLength, SupporterFilters } from './schemas.js';
import { DAY } from './time.js';

/** Lower case, accents removed: what `q` is compared in. */
export function normalizeText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** `es-MX` → `es`. */
export function primaryLanguage(tag: string): string {
  return (tag.split('-')[0] ?? tag).toLowerCase();
}

/** What the filters are compared with, for one supporter. */
export interface SearchEntry {
  /** Normalized text searched by `q`. */
  haystack: string;
  topics: ReadonlySet<string>;
  identities: ReadonlySet<string>;
  /** Primary language subtags. */
  languages: ReadonlySet<string>;
  states: ReadonlySet<string>;
  /** Lengths both the supporter and the program offer, shortest first. */
  lengths: readonly SessionLength[];
}

/** Filters normalized for `matchesFilters`. */
export interface SearchFilters {
  terms: string[];
  topics: string[];
  identities: string[];
  languages: string[];
  states: string[];
  length?: SessionLength;
  withinMs?: number;
}

export function searchEntry(supporter: {
  /** Every text `q` finds the supporter by: name, headline, bio, tag labels in every language. */
  texts: readonly string[];
  topics: readonly { id: string }[];
  identities: readonly { id: string }[];
  languages: readonly string[];
  states: readonly string[];
  sessionLengths: readonly SessionLength[];
  programLengths: readonly SessionLength[];
}): SearchEntry {
  return {
    haystack: normalizeText(supporter.texts.join('\n')),
    topics: new Set(supporter.topics.map((t) => t.id)),
    identities: new Set(supporter.identities.map((t) => t.id)),
    languages: new Set(supporter.languages.map(primaryLanguage)),
    states: new Set(supporter.states),
    lengths: supporter.sessionLengths
      .filter((l) => supporter.programLengths.includes(l))
      .sort((a, b) => a - b),
  };
}

/** A search body (already valid against its schema) as `matchesFilters` reads it. */
export function searchFilters(filters: SupporterFilters): SearchFilters {
  const value: SearchFilters = {
    terms: normalizeText(filters.q ?? '')
      .split(/\s+/)
      .filter((t) => t.length > 0),
    topics: [...(filters.topics ?? [])],
    identities: [...(filters.identities ?? [])],
    languages: (filters.languages ?? []).map(primaryLanguage),
    states: [...(filters.states ?? [])],
  };
  if (filters.lengthMinutes !== undefined) value.length = filters.lengthMinutes;
  if (filters.availableWithinDays !== undefined) value.withinMs = filters.availableWithinDays * DAY;
  return value;
}

/**
 * Any value within one filter matches; every filter given must match. Every term of `q` must be
 * in the text. `availableWithinDays` asks for an open slot (of the length, when one is asked)
 * before now plus that many days: `next` gives the soonest, asked only then.
 */
export function matchesFilters(
  entry: SearchEntry,
  f: SearchFilters,
  nowMs: number,
  next: (length: SessionLength | undefined) => number | null,
): boolean {
  if (f.terms.some((t) => !entry.haystack.includes(t))) return false;
  if (f.topics.length > 0 && !f.topics.some((t) => entry.topics.has(t))) return false;
  if (f.identities.length > 0 && !f.identities.some((t) => entry.identities.has(t))) return false;
  if (f.languages.length > 0 && !f.languages.some((t) => entry.languages.has(t))) return false;
  if (f.states.length > 0 && !f.states.some((t) => entry.states.has(t))) return false;
  if (f.length !== undefined && !entry.lengths.includes(f.length)) return false;
  if (f.withinMs !== undefined) {
    const start = next(f.length);
    if (start === null || start >= nowMs + f.withinMs) return false;
  }
  return true;
}
