/**
 * What a supporter search asks the API for, from the host's presets and the seeker's filters.
 * Pure: no DOM, no Lit, no HTTP, so it is tested by calling it, and the elements that search
 * (the directory now, booking later) share one rule for presets and the service area.
 */
import {
  IdSchema,
  LanguageTagSchema,
  SessionLengthSchema,
  StateCodeSchema,
  SupporterSortSchema,
  type MatchRequest,
  type Program,
  type SessionLength,
  type SupporterFilters,
  type SupporterSort,
  type Tag,
} from '../api/schemas.js';

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

/** What of the program a search depends on. */
export type ProgramOptions = Pick<Program, 'eligibility' | 'sessionLengths'>;

/** The host's presets as its attributes or properties gave them, unchecked. */
export interface Presets {
  topics: readonly string[];
  identities: readonly string[];
  languages: readonly string[];
  states: readonly string[];
  lengthMinutes?: number | null;
  availableWithin?: number | null;
  sort?: string | null;
  pageSize?: number | null;
}

/** A preset that cannot be used: the attribute, what it was given, and what it accepts. */
export interface PresetProblem {
  attribute: string;
  value: string;
  accepted: string;
}

/** The presets, normalised and checked. */
export interface ReadPresets {
  filters: Filters;
  /** The usable preset states: several are the directory's area, one is preselected. */
  states: string[];
  pageSize: number;
  /** What was left out, to warn about once. */
  problems: PresetProblem[];
}

export const DEFAULT_PAGE_SIZE = 24;
/** The API's largest page (`limit`). */
const MAX_LIMIT = 5000;
const MAX_DAYS = 365;

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
 * Normalises the presets (case: `ca` → `CA`, `First-Gen` → `first-gen`) and checks them against
 * the request schemas and, once it is known, the program: a value the API would refuse, or that
 * the program cannot offer (a state it does not serve, a session length it does not have), is
 * left out and reported, so that a typo never breaks the directory.
 */
export function readPresets(p: Presets, program?: ProgramOptions): ReadPresets {
  const problems: PresetProblem[] = [];
  /** The values `ok` accepts once normalised, without repeats; the others are reported. */
  const keep = <T>(
    attribute: string,
    values: readonly T[],
    ok: (value: T) => boolean,
    accepted: string,
    normal = (value: T) => value,
  ): T[] => {
    const bad = values.filter((value) => !ok(normal(value)));
    if (bad.length) problems.push({ attribute, value: bad.join(' '), accepted });
    return [...new Set(values.map(normal).filter(ok))];
  };
  const one = <T>(value: T | null | undefined): T[] => (value == null ? [] : [value]);
  const whole = (max: number) =>
    [
      (n: number) => Number.isInteger(n) && n > 0 && n <= max,
      `whole numbers from 1 to ${max}`,
    ] as const;
  const lower = (value: string) => value.toLowerCase();
  const isId = (value: string) => IdSchema.safeParse(value).success;
  const served = program?.eligibility.states;
  const lengths: readonly number[] = program?.sessionLengths ?? [
    ...SessionLengthSchema._zod.values,
  ];
  const sorts: readonly string[] = SupporterSortSchema.options;

  const ids = 'ids such as first-gen';
  const topics = keep('topics', p.topics, isId, ids, lower);
  const identities = keep('identities', p.identities, isId, ids, lower);
  const [language = ''] = keep(
    'languages',
    p.languages,
    (v) => LanguageTagSchema.safeParse(v).success,
    'language tags such as es or ase',
    lower,
  );
  const states = keep(
    'states',
    p.states,
    (v) => StateCodeSchema.safeParse(v).success && (!served || served.includes(v)),
    served ? served.join(', ') : 'two-letter state codes',
    (v) => v.toUpperCase(),
  );
  const [lengthMinutes] = keep(
    'length-minutes',
    one(p.lengthMinutes),
    (n) => lengths.includes(n),
    lengths.join(', '),
  );
  const [within] = keep('available-within', one(p.availableWithin), ...whole(MAX_DAYS));
  const [pageSize = DEFAULT_PAGE_SIZE] = keep('page-size', one(p.pageSize), ...whole(MAX_LIMIT));
  const [sort = 'next-available'] = keep(
    'sort',
    one(p.sort),
    (v) => sorts.includes(v),
    sorts.join(', '),
  );
  return {
    filters: {
      ...noFilters(sort as SupporterSort),
      topics,
      identities,
      language,
      state: states.length === 1 ? states[0]! : '',
      ...(lengthMinutes ? { lengthMinutes: lengthMinutes as SessionLength } : {}),
      ...(within ? { within } : {}),
    },
    states,
    pageSize,
    problems,
  };
}

/** The console warning for a preset left out. */
export function presetWarning(tag: string, { attribute, value, accepted }: PresetProblem): string {
  return `[peer-support-widgets] <${tag}> ${attribute}="${value}" is not one of: ${accepted}. Ignoring it.`;
}

/**
 * The filters without what the program rules out (a state it does not serve, a length it does not
 * offer): for a program that arrives after the filters were set. The same object when nothing is.
 */
export function withinProgram(filters: Filters, program: ProgramOptions): Filters {
  const { state, lengthMinutes } = filters;
  const badState = state && !program.eligibility.states.includes(state);
  const badLength = lengthMinutes && !program.sessionLengths.includes(lengthMinutes);
  if (!badState && !badLength) return filters;
  const next = { ...filters, ...(badState ? { state: '' } : {}) };
  if (badLength) delete next.lengthMinutes;
  return next;
}

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

/**
 * The matching questionnaire's answers as the API takes them: in the area and of the session
 * length the filters hold, judged in the seeker's time zone, ten matches at most.
 */
export function matchQuery(
  answers: Pick<MatchRequest, 'topics' | 'identities' | 'timesOfDay'> & { language: string },
  filters: Filters,
  area: readonly string[],
  timeZone: string,
): MatchRequest {
  const { language, ...ids } = answers;
  const length = filters.lengthMinutes;
  return {
    ...ids,
    languages: language ? [language] : [],
    ...stateQuery(filters, area),
    ...(length ? { lengthMinutes: length } : {}),
    timeZone,
    limit: 10,
  };
}

/** The filters as the API takes them; the state defaults to the area. */
export function supporterQuery(filters: Filters, area: readonly string[]): SupporterFilters {
  const f = filters;
  // The API takes 200 characters of text at most: a longer paste is searched by its start.
  const q = f.q.trim().slice(0, 200);
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

/** The `limit` of a search showing `pages` pages, within what the API allows. */
export const limitFor = (pageSize: number, pages: number): number =>
  Math.min(MAX_LIMIT, pageSize * pages);

/**
 * A control's options with the value in force among them, so that a filter in force always shows
 * in its control (a preset may be outside the usual options: `available-within="5"`).
 */
export function withValue<T extends string | number>(options: readonly T[], value?: T | ''): T[] {
  if (value === undefined || value === '' || options.includes(value)) return [...options];
  const all = [...options, value];
  return typeof value === 'number' ? all.sort((a, b) => (a as number) - (b as number)) : all;
}

/** Tags with the chosen ids the tags lack, named by their id, so that each can be unticked. */
export function withChosen(tags: readonly Tag[], chosen: readonly string[]): Tag[] {
  const known = new Set(tags.map((tag) => tag.id));
  return [...tags, ...chosen.filter((id) => !known.has(id)).map((id) => ({ id, label: id }))];
}

/**
 * The length of the session a card offers: the chosen length, else the shortest the supporter
 * offers within the program. The API's soonest start (`nextAvailable`) is open for that one: a
 * start open for a longer session is open for a shorter one.
 */
export function cardSessionLength(
  chosen: SessionLength | undefined,
  offers: readonly SessionLength[],
  program?: Pick<Program, 'sessionLengths'>,
): SessionLength | undefined {
  if (chosen) return chosen;
  const lengths = offers.filter((n) => !program || program.sessionLengths.includes(n));
  return lengths.length ? (Math.min(...lengths) as SessionLength) : undefined;
}

/** The set with `key` in it or not (toggled by default); the same set when nothing changes. */
export function toggled<T>(set: ReadonlySet<T>, key: T, on = !set.has(key)): ReadonlySet<T> {
  if (on === set.has(key)) return set;
  const next = new Set(set);
  if (on) next.add(key);
  else next.delete(key);
  return next;
}
