/**
 * Match scoring, shared by the backends: how well a supporter fits what a seeker asked for, as a
 * pure function of the request, the supporter's tags and their open slots. The caller labels the
 * reasons in the answer's language.
 */
import { timeOfDay } from './availability.js';
import { primaryLanguage } from './supporter-search.js';
import type { Tag, TimeOfDay } from './schemas.js';

/** How much each asked-for aspect weighs; aspects not asked for do not count. */
export const MATCH_WEIGHTS = { topic: 0.45, identity: 0.2, language: 0.15, time: 0.2 } as const;
/**
 * Someone who can't speak any of the seeker's languages can't really help them; this factor
 * keeps every such supporter below every supporter who can.
 */
export const LANGUAGE_MISMATCH_FACTOR = 0.15;
/** Open slots in a wanted time of day that count as a full fit. */
export const TIME_FIT_SLOTS = 3;

/** Why a supporter fits, before labelling: in the answer's order. */
export type MatchHit =
  | { kind: 'topic'; tag: Tag }
  | { kind: 'identity'; tag: Tag }
  | { kind: 'language'; id: string }
  | { kind: 'time-of-day'; id: TimeOfDay };

export interface MatchWish {
  topics: readonly string[];
  identities: readonly string[];
  languages: readonly string[];
  timesOfDay: readonly TimeOfDay[];
  /** The zone the times of day are read in. */
  timeZone: string;
}

/**
 * A score in [0, 1], rounded to three decimals: the weighted share of what was asked that the
 * supporter offers (topics and identities by the share of asked ids they carry, a language as
 * all or nothing, each wanted time of day by its open slots up to `TIME_FIT_SLOTS`), times
 * `LANGUAGE_MISMATCH_FACTOR` when they speak none of the asked languages. `openStarts` is read
 * only when times of day are asked, and only until every wanted time is full.
 */
export function scoreMatch(
  wish: MatchWish,
  supporter: {
    topics: readonly Tag[];
    identities: readonly Tag[];
    languages: readonly string[];
  },
  openStarts: () => Iterable<number>,
): { score: number; hits: MatchHit[] } {
  const hits: MatchHit[] = [];
  let weighted = 0;
  let weights = 0;

  if (wish.topics.length > 0) {
    const found = supporter.topics.filter((t) => wish.topics.includes(t.id));
    for (const tag of found) hits.push({ kind: 'topic', tag });
    weighted += MATCH_WEIGHTS.topic * (found.length / new Set(wish.topics).size);
    weights += MATCH_WEIGHTS.topic;
  }
  if (wish.identities.length > 0) {
    const found = supporter.identities.filter((t) => wish.identities.includes(t.id));
    for (const tag of found) hits.push({ kind: 'identity', tag });
    weighted += MATCH_WEIGHTS.identity * (found.length / new Set(wish.identities).size);
    weights += MATCH_WEIGHTS.identity;
  }
  const wantedLanguages = new Set(wish.languages.map(primaryLanguage));
  let speaks = true;
  if (wantedLanguages.size > 0) {
    const found = supporter.languages.filter((l) => wantedLanguages.has(primaryLanguage(l)));
    speaks = found.length > 0;
    for (const id of found) hits.push({ kind: 'language', id });
    weighted += speaks ? MATCH_WEIGHTS.language : 0;
    weights += MATCH_WEIGHTS.language;
  }
  const wantedTimes = [...new Set(wish.timesOfDay)];
  if (wantedTimes.length > 0) {
    const counts = new Map<TimeOfDay, number>();
    let saturated = 0;
    for (const start of openStarts()) {
      const band = timeOfDay(start, wish.timeZone);
      if (!wantedTimes.includes(band)) continue;
      const count = (counts.get(band) ?? 0) + 1;
      counts.set(band, count);
      if (count === TIME_FIT_SLOTS && ++saturated === wantedTimes.length) break;
    }
    let fit = 0;
    for (const band of wantedTimes) {
      const count = counts.get(band) ?? 0;
      fit += Math.min(1, count / TIME_FIT_SLOTS) / wantedTimes.length;
      if (count > 0) hits.push({ kind: 'time-of-day', id: band });
    }
    weighted += MATCH_WEIGHTS.time * fit;
    weights += MATCH_WEIGHTS.time;
  }

  let score = weights > 0 ? weighted / weights : 0;
  if (!speaks) score *= LANGUAGE_MISMATCH_FACTOR;
  return { score: Math.min(1, Math.max(0, Math.round(score * 1000) / 1000)), hits };
}
