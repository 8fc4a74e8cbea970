/**
 * What a supporter search asks the API for, from the host's presets and the seeker's filters.
 * Pure: no DOM, no Lit, no HTTP, so it is tested by calling it, and the elements that search
 * (the directory now, booking later) share one rule for the service area.
 */
import type { Program, SessionLength, SupporterFilters, SupporterSort } from '../api/schemas.js';

/** The seeker's filters, as the directory's controls hold them. */
export interface Filters {
  q: string;
  topics: string[];
  identities: string[];
  /** One BCP 47 tag, or '' for any. */
  language: string;
  /** One state code, or '' for the whole area. */
  state: string;
  lengthMinutes?: SessionLength;
  /** Days; only supporters with an open session within them. */
  within?: number;
  sort: SupporterSort;
}

/** No filter in force, in the given order. */
export const noFilters = (sort: SupporterSort): Filters => ({
  q: '',
  topics: [],
  identities: [],
  language: '',
  state: '',
  sort,
});

/**
 * The states a search covers when none is chosen: the host's preset states when there are several
 * (within what the program serves, so that a typo never widens the search), else every state the
 * program serves, else none (the program is not known yet).
 */
export function area(presetStates: readonly string[], program?: Pick<Program, 'eligibility'>) {
  const served = program?.eligibility.states;
  const preset = [...new Set(presetStates)].filter((code) => !served || served.includes(code));
  return preset.length > 1 ? preset : (served ?? []);
}

/** The `states` of a request: the chosen state, else the area; none when neither is known. */
export function stateQuery(filters: Filters, area: readonly string[]): { states?: string[] } {
  const states = filters.state ? [filters.state] : [...area];
  return states.length ? { states } : {};
}

/** The filters as the API takes them; the state defaults to the area. */
export function supporterQuery(filters: Filters, area: readonly string[]): SupporterFilters {
  const f = filters;
  const q = f.q.trim();
  return {
    ...(q ? { q } : {}),
    ...(f.topics.length ? { topics: f.topics } : {}),
    ...(f.identities.length ? { identities: f.identities } : {}),
    ...(f.language ? { languages: [f.language] } : {}),
    ...stateQuery(f, area),
    ...(f.lengthMinutes ? { lengthMinutes: f.lengthMinutes } : {}),
    ...(f.within ? { availableWithinDays: f.within } : {}),
  };
}
