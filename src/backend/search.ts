/**
 * The directory's operations: search, a supporter's profile and slots, the soonest slot, and
 * matching, all read from the supporters' index and the active spans storage reports.
 */
import { openSlotStarts } from '../api/availability.js';
import { scoreMatch } from '../api/match-scoring.js';
import {
  DateTimeSchema,
  MatchRequestSchema,
  SessionLengthSchema,
  SupporterFiltersSchema,
  SupporterQuerySchema,
  type FieldError,
  type MatchReason,
  type SessionLength,
  type Slot,
  type SupporterProfile,
  type SupporterQuery,
} from '../api/schemas.js';
import { matchesFilters, searchFilters, type SearchFilters } from '../api/supporter-search.js';
import { DAY } from '../api/time.js';
import { languageName } from '../internal/format.js';
import { localizeTag, timeOfDayLabel } from '../mocks/labels.js';
import type { Backend, Locale } from './backend.js';
import { byName, type Entry } from './directory.js';
import { failure, noSuchSupporter, ok, parseRequest } from './refusals.js';

import { clone, type ServiceContext } from './context.js';

const isSessionLength = (value: number): value is SessionLength =>
  SessionLengthSchema.safeParse(value).success;

export function searchOperations(
  c: ServiceContext,
): Pick<Backend, 'listSupporters' | 'getSupporter' | 'listSlots' | 'nextAvailable' | 'match'> {
  const { now, programZone, contextAt, directory, spansBySupporter } = c;
  // --- searches ------------------------------------------------------------------------------

  /** Checks a search body against its schema and normalizes it for `matchesFilters`. */
  function checkFilters(
    schema: typeof SupporterQuerySchema | typeof SupporterFiltersSchema,
    input: unknown,
  ) {
    const parsed = parseRequest(schema, input);
    if (!parsed.ok) return parsed;
    // Filters are a search without its paging: read both as a search.
    const query: SupporterQuery = parsed.value;
    return { ok: true as const, value: searchFilters(query), query };
  }

  async function searchContext() {
    const ctx = contextAt(now().getTime());
    const [dir, spans] = await Promise.all([directory(), spansBySupporter(ctx)]);
    const next = (entry: Entry, length?: number) =>
      dir.next(ctx, entry, spans.get(entry.record.id), length);
    const matches = (entry: Entry, filters: SearchFilters) =>
      matchesFilters(entry.search, filters, ctx.nowMs, (l) => next(entry, l)?.start ?? null);
    return { ctx, dir, spans, next, matches };
  }

  return {
    async listSupporters(query = {}, locale: Locale = 'en') {
      const checked = checkFilters(SupporterQuerySchema, query);
      if (!checked.ok) return checked;
      const { dir, next, matches } = await searchContext();
      const sort = checked.query.sort ?? 'next-available';
      const offset = checked.query.offset ?? 0;
      const limit = checked.query.limit ?? 20;
      const filters = checked.value;
      const found = dir.all.filter((e) => matches(e, filters));
      const nextOf = (e: Entry) => next(e, filters.length)?.start ?? null;
      const page =
        sort === 'name'
          ? [...found]
              .sort(byName)
              .slice(offset, offset + limit)
              .map((entry) => ({ entry, next: nextOf(entry) }))
          : found
              .map((entry) => ({ entry, next: nextOf(entry) }))
              .sort(
                (a, b) => (a.next ?? Infinity) - (b.next ?? Infinity) || byName(a.entry, b.entry),
              )
              .slice(offset, offset + limit);
      return ok({
        items: page.map(({ entry, next: start }) => dir.summaryOf(entry, start, locale)),
        total: found.length,
        offset,
        limit,
        facets: dir.facets(locale),
      });
    },

    async getSupporter(supporterId, locale: Locale = 'en') {
      const { dir, next } = await searchContext();
      const entry = dir.entries.get(supporterId);
      if (!entry) return noSuchSupporter();
      const r = entry.record;
      const profile: SupporterProfile = {
        ...dir.summaryOf(entry, next(entry)?.start ?? null, locale),
        bio: r.bio,
        certifications: clone(r.certifications),
        modalities: [...r.modalities],
      };
      if (r.livedExperience !== undefined) profile.livedExperience = r.livedExperience;
      return ok(profile);
    },

    async listSlots(supporterId, query = {}) {
      const { ctx, dir, spans } = await searchContext();
      const entry = dir.entries.get(supporterId);
      if (!entry) return noSuchSupporter();
      const lengths = entry.search.lengths;
      const errors: FieldError[] = [];
      for (const field of ['from', 'to'] as const) {
        const value = query[field];
        if (value !== undefined && !DateTimeSchema.safeParse(value).success) {
          errors.push({
            field,
            code: 'invalid_format',
            message: 'Expected an ISO 8601 date-time with offset.',
          });
        }
      }
      const length = query.lengthMinutes ?? lengths[0];
      if (query.lengthMinutes !== undefined && !isSessionLength(query.lengthMinutes)) {
        errors.push({
          field: 'lengthMinutes',
          code: 'invalid_value',
          message: 'Must be 30, 50 or 60.',
        });
      } else if (length !== undefined && !lengths.includes(length as SessionLength)) {
        errors.push({
          field: 'lengthMinutes',
          code: 'not_offered',
          message: `Offered: ${lengths.join(', ') || 'none'} minutes.`,
        });
      }
      const fromMs = query.from !== undefined ? Date.parse(query.from) : ctx.nowMs;
      const toMs = query.to !== undefined ? Date.parse(query.to) : fromMs + 14 * DAY;
      if (errors.length === 0 && toMs < fromMs) {
        errors.push({ field: 'to', code: 'too_small', message: '`to` must not be before `from`.' });
      }
      if (errors.length > 0) return failure(400, 'invalid-request', 'Invalid query.', errors);

      const slots: Slot[] = [];
      if (length !== undefined) {
        const hours = dir.hours(entry, spans.get(supporterId));
        for (const start of openSlotStarts(ctx, hours, length, fromMs, toMs)) {
          slots.push(dir.slotOf(entry, start, length as SessionLength));
        }
      }
      return ok({ supporterId, timeZone: entry.zone, slots });
    },

    async nextAvailable(filters = {}) {
      const checked = checkFilters(SupporterFiltersSchema, filters);
      if (!checked.ok) return checked;
      const { dir, next, matches } = await searchContext();
      let best: { entry: Entry; start: number; length: SessionLength } | null = null;
      for (const entry of dir.all) {
        if (!matches(entry, checked.value)) continue;
        const soonest = next(entry, checked.value.length);
        if (!soonest) continue;
        if (
          !best ||
          soonest.start < best.start ||
          (soonest.start === best.start && byName(entry, best.entry) < 0)
        ) {
          best = { entry, ...soonest };
        }
      }
      return ok({ slot: best ? dir.slotOf(best.entry, best.start, best.length) : null });
    },

    async match(input, locale: Locale = 'en') {
      const parsed = parseRequest(MatchRequestSchema, input);
      if (!parsed.ok) return parsed;
      const request = parsed.value;
      const { ctx, dir, spans, next } = await searchContext();
      const timeZone = request.timeZone ?? programZone;
      const limit = request.limit ?? 10;
      const scored: { entry: Entry; score: number; reasons: MatchReason[]; next: number | null }[] =
        [];
      for (const entry of dir.all) {
        if (request.states?.length && !request.states.some((st) => entry.search.states.has(st))) {
          continue;
        }
        if (request.lengthMinutes && !entry.search.lengths.includes(request.lengthMinutes)) {
          continue;
        }
        const length = request.lengthMinutes ?? entry.search.lengths[0];
        const { score, hits } = scoreMatch({ ...request, timeZone }, entry.record, () =>
          length === undefined
            ? []
            : openSlotStarts(ctx, dir.hours(entry, spans.get(entry.record.id)), length),
        );
        const reasons = hits.map((hit): MatchReason => {
          switch (hit.kind) {
            case 'topic':
            case 'identity':
              return { kind: hit.kind, ...localizeTag(hit.kind, hit.tag, locale) };
            case 'language':
              return { kind: 'language', id: hit.id, label: languageName(hit.id, locale) };
            case 'time-of-day':
              return { kind: 'time-of-day', id: hit.id, label: timeOfDayLabel(hit.id, locale) };
          }
        });
        scored.push({
          entry,
          score,
          reasons,
          next: next(entry, request.lengthMinutes)?.start ?? null,
        });
      }
      scored.sort(
        (a, b) =>
          b.score - a.score ||
          (a.next ?? Infinity) - (b.next ?? Infinity) ||
          byName(a.entry, b.entry),
      );
      return ok({
        results: scored.slice(0, limit).map(({ entry, score, reasons, next: start }) => ({
          supporter: dir.summaryOf(entry, start, locale),
          score,
          reasons,
        })),
      });
    },
  };
}
