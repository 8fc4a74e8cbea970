/**
 * The backend's view of its supporters: indexed once (they do not change while a backend runs)
 * for search, availability and the summaries in answers. Availability itself is decided by the
 * pure rules in `api/availability.ts` from the spans storage reports; the soonest slot is cached
 * per supporter and length, keyed by those spans, so the cache is right whatever else writes to
 * the storage (another server process included).
 */
import {
  nextOfLengths,
  nextOpenStart,
  weeklyBlocks,
  type AvailabilityContext,
  type Span,
  type SupporterHours,
  type WeeklyBlocks,
} from '../api/availability.js';
import { ImageUrlSchema } from '../api/schemas.js';
import type { Facets, Program, SessionLength, Slot, SupporterSummary, Tag } from '../api/index.js';
import { searchEntry, type SearchEntry } from '../api/supporter-search.js';
import { MINUTE, formatInstant } from '../api/time.js';
import { allLabels, localizeTag } from '../mocks/labels.js';
import type { SupporterRecord } from '../mocks/data.js';
import type { Locale } from './backend.js';

export interface Entry {
  /** With its photo path made absolute on the backend's origin. */
  record: SupporterRecord;
  search: SearchEntry;
  zone: string;
  blocks: WeeklyBlocks;
}

export interface Directory {
  readonly entries: ReadonlyMap<string, Entry>;
  readonly all: readonly Entry[];
  facets(locale: Locale): Facets;
  hours(entry: Entry, spans: readonly Span[] | undefined): SupporterHours;
  /** Soonest open slot of the entry, of `length` or of any it offers (shortest wins ties). */
  next(
    ctx: AvailabilityContext,
    entry: Entry,
    spans: readonly Span[] | undefined,
    length?: number,
  ): { start: number; length: SessionLength } | null;
  summaryOf(entry: Entry, next: number | null, locale: Locale): SupporterSummary;
  slotOf(entry: Entry, start: number, length: SessionLength): Slot;
}

/** Orders supporters by name, then id. */
export const byName = (a: Entry, b: Entry) =>
  a.record.name.localeCompare(b.record.name, 'en') || (a.record.id < b.record.id ? -1 : 1);

const NO_SPANS: readonly Span[] = [];

export function createDirectory(
  records: readonly SupporterRecord[],
  program: Program,
  origin: string | undefined,
): Directory {
  const entries = new Map<string, Entry>();
  for (const raw of records) {
    const record = withPhotoOn(raw, origin);
    entries.set(record.id, {
      record,
      search: searchEntry({
        texts: [
          record.name,
          record.headline,
          record.bio,
          ...record.topics.flatMap((t) => allLabels('topic', t)),
          ...record.identities.flatMap((t) => allLabels('identity', t)),
        ],
        topics: record.topics,
        identities: record.identities,
        languages: record.languages,
        states: record.states,
        sessionLengths: record.sessionLengths,
        programLengths: program.sessionLengths,
      }),
      zone: record.schedule.timeZone,
      blocks: weeklyBlocks(record.schedule.weekly),
    });
  }
  const all = [...entries.values()];
  const supporters = all.map((e) => e.record);
  const facets = { en: computeFacets(supporters, 'en'), es: computeFacets(supporters, 'es') };
  const nextCache = new Map<string, { nowMs: number; spans: string; value: number | null }>();

  const hours = (entry: Entry, spans: readonly Span[] | undefined): SupporterHours => ({
    zone: entry.zone,
    blocks: entry.blocks,
    spans: spans ?? NO_SPANS,
  });

  function nextOpen(
    ctx: AvailabilityContext,
    entry: Entry,
    spans: readonly Span[] | undefined,
    length: number,
  ): number | null {
    const key = `${entry.record.id}:${length}`;
    const spansKey = (spans ?? NO_SPANS).map((s) => `${s.startMs}-${s.endMs}`).join(',');
    const cached = nextCache.get(key);
    // A later clock cannot reveal an earlier slot, so a cached start stays right until it is
    // too close to now or the supporter's bookings change.
    if (
      cached &&
      cached.spans === spansKey &&
      cached.nowMs <= ctx.nowMs &&
      (cached.value === null ? cached.nowMs === ctx.nowMs : cached.value >= ctx.nowMs + ctx.leadMs)
    ) {
      return cached.value;
    }
    const value = nextOpenStart(ctx, hours(entry, spans), length);
    nextCache.set(key, { nowMs: ctx.nowMs, spans: spansKey, value });
    return value;
  }

  return {
    entries,
    all,
    facets: (locale) => structuredClone(facets[locale]),
    hours,
    next: (ctx, entry, spans, length) =>
      nextOfLengths(entry.search.lengths, length, (l) => nextOpen(ctx, entry, spans, l)),
    summaryOf(entry, next, locale) {
      const r = entry.record;
      const summary: SupporterSummary = {
        id: r.id,
        name: r.name,
        headline: r.headline,
        topics: r.topics.map((t) => localizeTag('topic', t, locale)),
        identities: r.identities.map((t) => localizeTag('identity', t, locale)),
        languages: [...r.languages],
        states: [...r.states],
        sessionLengths: [...r.sessionLengths],
        nextAvailable: next === null ? null : formatInstant(next, entry.zone),
      };
      if (r.pronouns !== undefined) summary.pronouns = r.pronouns;
      if (r.photoUrl !== undefined) summary.photoUrl = r.photoUrl;
      return summary;
    },
    slotOf: (entry, start, length) => ({
      supporterId: entry.record.id,
      start: formatInstant(start, entry.zone),
      end: formatInstant(start + length * MINUTE, entry.zone),
      lengthMinutes: length,
    }),
  };
}

/**
 * The record with its photo path (`/mock-portraits/...`) made an absolute URL on `origin`, or
 * without a photo where that gives no URL the contract accepts. Absolute photo URLs stay as given.
 */
export function withPhotoOn(record: SupporterRecord, origin: string | undefined): SupporterRecord {
  const path = record.photoUrl;
  if (path === undefined || !path.startsWith('/') || path.startsWith('//')) return record;
  const { photoUrl: _, ...rest } = record;
  if (origin === undefined) return rest;
  let url: string;
  try {
    url = new URL(path, origin).href;
  } catch {
    return rest;
  }
  return ImageUrlSchema.safeParse(url).success ? { ...rest, photoUrl: url } : rest;
}

function computeFacets(supporters: readonly SupporterRecord[], locale: Locale): Facets {
  const topics = new Map<string, Tag>();
  const identities = new Map<string, Tag>();
  const languages = new Set<string>();
  const states = new Set<string>();
  for (const s of supporters) {
    for (const t of s.topics) topics.set(t.id, t);
    for (const t of s.identities) identities.set(t.id, t);
    for (const l of s.languages) languages.add(l);
    for (const st of s.states) states.add(st);
  }
  const byLabel = (a: Tag, b: Tag) => a.label.localeCompare(b.label, locale);
  return {
    topics: [...topics.values()].map((t) => localizeTag('topic', t, locale)).sort(byLabel),
    identities: [...identities.values()]
      .map((t) => localizeTag('identity', t, locale))
      .sort(byLabel),
    languages: [...languages].sort(),
    states: [...states].sort(),
  };
}
