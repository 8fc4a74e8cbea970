/**
 * Typed translations. Each element imports only the sections it needs, so that the crisis banner's
 * own bundle carries its strings and nothing else.
 */

/** Locales with complete translations. */
export type Locale = 'en' | 'es';

export const locales: readonly Locale[] = ['en', 'es'];

/** Crisis messaging, written in line with safe-messaging guidance: direct, hopeful, actionable. */
export interface CrisisStrings {
  /** Accessible name of the crisis landmark. */
  regionLabel: string;
  title: string;
  intro: string;
  call988: string;
  text988: string;
  /** Text link in the narrow docked bar. */
  text988Short: string;
  chat988: string;
  /** The 988 Lifeline's chat, in this language. */
  chatUrl: string;
  spanish: string;
  asl: string;
  veterans: string;
  /** The 911 sentence; the Call 911 link follows it. */
  emergency: string;
  call911: string;
  notCrisisService: string;
  /** Compact form: the lead before the 988 links. */
  compactLead: string;
  /** Compact form: the lead before the 911 link. */
  compactEmergency: string;
  /** Call link of the partner's extra line: `{label}` is replaced. */
  callExtra: string;
  textExtra: string;
  moreHelp: string;
  lessHelp: string;
  opensInNewTab: string;
}

/** Strings every element shares: states, retry, announcements. */
export interface CommonStrings {
  /** No usable API is configured (no or a refused `api-base`). */
  unavailable: string;
  loading: string;
  retry: string;
  offline: string;
  loadFailed: string;
  invalidData: string;
}

/** `<peer-directory>`. Placeholders in braces are filled in by the element. */
export interface DirectoryStrings {
  title: string;
  intro: string;
  search: string;
  filters: string;
  topics: string;
  identities: string;
  language: string;
  anyLanguage: string;
  state: string;
  anyState: string;
  length: string;
  anyLength: string;
  minutes: string;
  within: string;
  anyTime: string;
  days: string;
  sort: string;
  sortNext: string;
  sortName: string;
  clearFilters: string;
  findNext: string;
  nextFound: string;
  nextNone: string;
  countOne: string;
  countOther: string;
  showing: string;
  showMore: string;
  empty: string;
  nextSession: string;
  noSessions: string;
  timesIn: string;
  viewProfile: string;
  hideProfile: string;
  choose: string;
  chooseLabel: string;
  chooseSlotLabel: string;
  selected: string;
  selectedAnnouncement: string;
  selectedSlotAnnouncement: string;
  languages: string;
  serves: string;
  about: string;
  livedExperience: string;
  availability: string;
  noSlots: string;
  certified: string;
  matchOpen: string;
  matchTitle: string;
  matchTopics: string;
  matchIdentities: string;
  matchTimes: string;
  morning: string;
  afternoon: string;
  evening: string;
  matchSubmit: string;
  /** Clears the questionnaire's answers and the matches made from them. */
  matchClear: string;
  matchResults: string;
  matchNone: string;
  shares: string;
  matchClose: string;
  photoOf: string;
}
