import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus } from '@lit/task';
import { deepArrayEquals } from '@lit/task/deep-equals.js';
import type {
  Facets,
  MatchResult,
  SessionLength,
  SupporterSort,
  TimeOfDay,
} from '../../api/schemas.js';
import { sharedDeadline } from '../../api/client.js';
import { PeerDataElement } from '../../internal/peer-data-element.js';
import { ApiError } from '../../api/errors.js';
import {
  PeerErrorEvent,
  PeerSupporterSelectedEvent,
  type SupporterSelection,
} from '../../events.js';
import { directory as en } from '../../i18n/en.js';
import { directory as es } from '../../i18n/es.js';
import { format } from '../../i18n/locale.js';
import type { DirectoryStrings } from '../../i18n/types.js';
import { formatSlot, zoneName } from '../../internal/format.js';
import { Announcer } from '../../internal/announcer.js';
import { ProgramLoader } from '../../internal/program-loader.js';
import {
  area,
  noFilters,
  stateQuery,
  supporterQuery,
  type Filters,
} from '../../internal/directory-query.js';
import { tokens, focusRing } from '../../styles/tokens.js';
import { sharedStyles, styles } from './peer-directory.styles.js';
import { PeerSupporterProfile } from './supporter-profile.js';
import { supporterCard, type CardContext } from './supporter-card.js';
import { directoryFilters, value } from './directory-filters.js';
import { matchPanel, matchResults, type MatchContext } from './match-panel.js';
import { safeDefine } from '../../internal/define.js';

const strings: Record<'en' | 'es', DirectoryStrings> = { en, es };

/** Space- or comma-separated attribute lists: `topics="first-gen anxiety"`. */
const list = {
  fromAttribute: (value: string | null) => (value ? value.split(/[\s,]+/).filter(Boolean) : []),
  toAttribute: (value: string[]) => value.join(' '),
};

/**
 * Searchable directory of peer supporters: browse cards, filter by topics, identities, language,
 * session length, state and availability, search the text, sort, open profiles in place (several
 * at once, to compare), find the soonest open session across everyone who matches, or answer a
 * short questionnaire to be matched. Times are shown in the seeker's own time zone, named.
 *
 * Inside a `<peer-support-provider>`, the choice is kept in the provider's context for the other
 * elements; without one, listen for `peer-supporter-selected`.
 *
 * @summary Browse, filter, match and pick a peer supporter.
 * @tag peer-directory
 *
 * @slot empty - Shown when no supporter matches the filters (a default message otherwise).
 *
 * @csspart base - The whole directory.
 * @csspart filters - The filter form.
 * @csspart list - The list of results.
 * @csspart card - One supporter card.
 * @csspart photo - A supporter's photo or initials.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @csspart match - The matching questionnaire and its results.
 * @csspart crisis - The crisis line, shown in every state.
 *
 * @cssprop [--peer-directory-gap=1rem] - Gap between cards.
 * @cssprop [--peer-directory-card-bg=var(--peer-color-surface)] - Background of a card.
 *
 * @fires {PeerSupporterSelectedEvent} peer-supporter-selected - A supporter (and maybe a session) was chosen. Detail: `{ supporterId, slotStart? }`.
 * @fires {PeerErrorEvent} peer-error - Loading failed, or supporter records failed validation and were skipped.
 */
export class PeerDirectory extends PeerDataElement {
  static override tagName = 'peer-directory';
  static override styles = [tokens, focusRing, sharedStyles, styles];

  /** Preset topic ids, e.g. `topics="first-gen anxiety"`. */
  @property({ converter: list }) topics: string[] = [];
  /** Preset identity ids. */
  @property({ converter: list }) identities: string[] = [];
  /** Preset language (BCP 47), e.g. `languages="es"`. */
  @property({ converter: list }) languages: string[] = [];
  /**
   * The states to search: one code preselects it in the state filter; several make them the
   * directory's area (the filter then offers just those). By default, every state the program
   * serves.
   */
  @property({ converter: list }) states: string[] = [];
  /** Preset session length in minutes. */
  @property({ type: Number, attribute: 'length-minutes' }) lengthMinutes?: SessionLength;
  /** Preset: only supporters with an open session within this many days. */
  @property({ type: Number, attribute: 'available-within' }) availableWithin?: number;
  /** Order of results: `next-available` (default) or `name`. */
  @property() sort: SupporterSort = 'next-available';
  /** Supporters per page; "Show more" adds a page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 24;

  @state() private filters: Filters = noFilters('next-available');
  @state() private draftQ = '';
  @state() private pages = 1;
  @state() private selection?: SupporterSelection;
  @state() private openProfiles: ReadonlySet<string> = new Set();
  @state() private brokenPhotos: ReadonlySet<string> = new Set();
  @state() private matching = false;
  /** Filter groups the person opened (or that a preset fills); unchecking never closes one. */
  @state() private openGroups: ReadonlySet<string> = new Set();

  private searchTimer?: ReturnType<typeof setTimeout>;
  /** The control the person used goes away with the update: move focus somewhere sensible. */
  private focusAfterLoad = false;
  /**
   * The topics, identities and languages of the last page: the filters keep offering them while
   * a search fails (the task's value is undefined then).
   */
  private facets?: Facets;
  private matchRequest?: {
    topics: string[];
    identities: string[];
    languages: string[];
    timesOfDay: TimeOfDay[];
  };

  private readonly status = new Announcer(this);

  // Late, after the list went on without it: the list again, now narrowed to the area.
  private readonly program = new ProgramLoader(
    this,
    () => [this.client, this.config?.program],
    () => void this.results.run(),
  );

  private readonly results = new Task(this, {
    args: () => [this.client, this.filters, this.pages] as const,
    argsEqual: deepArrayEquals,
    task: async ([client, filters, pages], { signal }) => {
      if (!client) return undefined;
      this.announce(this.strings.loading);
      const opts = sharedDeadline(client, signal);
      const program = await this.program.within(client);
      const page = await client.listSupporters(
        {
          ...supporterQuery(filters, this.area(program)),
          sort: filters.sort,
          offset: 0,
          limit: this.pageSize * pages,
        },
        opts(),
      );
      if (page.items.length === 0 && page.rejected.length > 0) {
        // Nothing readable at all: the error state, not an empty list that claims matches (R5).
        throw new ApiError({
          kind: 'validation',
          endpoint: 'listSupporters',
          message: `listSupporters: none of the ${page.rejected.length} supporter records matched the contract.`,
        });
      }
      if (page.rejected.length) {
        this.dispatchEvent(
          new PeerErrorEvent({
            kind: 'validation',
            endpoint: 'listSupporters',
            message: `${page.rejected.length} supporter record(s) did not match the contract and were skipped.`,
          }),
        );
      }
      return page;
    },
    onComplete: (page) => {
      if (!page) return;
      this.facets = page.facets;
      this.announce(page.total ? this.count(page.total) : this.t.empty);
    },
    onError: (error) => this.failed(error),
  });

  private readonly next = new Task(this, {
    autoRun: false,
    args: () => [this.client] as const,
    task: async ([client], { signal }) => {
      if (!client) return undefined;
      const opts = sharedDeadline(client, signal);
      const program = await this.program.within(client);
      const { slot } = await client.nextAvailable(
        supporterQuery(this.filters, this.area(program)),
        opts(),
      );
      if (!slot) {
        this.announce(this.t.nextNone);
        return null;
      }
      const known = this.results.value?.items.find((s) => s.id === slot.supporterId);
      const name = known?.name ?? (await client.getSupporter(slot.supporterId, opts())).name;
      // Filters changed, or the person chose someone, while this was on its way: not current.
      if (signal.aborted) return undefined;
      this.select({ supporterId: slot.supporterId, slotStart: slot.start }, name, false);
      this.announce(format(this.t.nextFound, { name, time: formatSlot(slot.start, this.locale) }));
      return { name, slot };
    },
    onError: (error) => this.failed(error),
  });

  private readonly match = new Task(this, {
    autoRun: false,
    args: () => [this.client] as const,
    task: async ([client], { signal }): Promise<MatchResult | undefined> => {
      if (!client || !this.matchRequest) return undefined;
      const opts = sharedDeadline(client, signal);
      const program = await this.program.within(client);
      const result = await client.match(
        {
          ...this.matchRequest,
          ...stateQuery(this.filters, this.area(program)),
          ...(this.filters.lengthMinutes ? { lengthMinutes: this.filters.lengthMinutes } : {}),
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          limit: 10,
        },
        opts(),
      );
      const n = result.results.length;
      this.announce(n ? this.count(n) : this.t.matchNone);
      return result;
    },
    onError: (error) => this.failed(error),
  });

  private get t(): DirectoryStrings {
    return strings[this.locale];
  }

  private count(count: number): string {
    return format(count === 1 ? this.t.countOne : this.t.countOther, { count });
  }

  private area(program = this.program.value): string[] {
    return area(this.states, program);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const presets = [
      'topics',
      'identities',
      'languages',
      'states',
      'lengthMinutes',
      'availableWithin',
      'sort',
    ] as const;
    if (presets.some((name) => changed.has(name))) {
      this.filters = {
        ...noFilters(this.sort),
        q: this.filters.q,
        topics: this.topics,
        identities: this.identities,
        language: this.languages[0] ?? '',
        state: this.states.length === 1 ? this.states[0]! : '',
        ...(this.lengthMinutes ? { lengthMinutes: this.lengthMinutes } : {}),
        ...(this.availableWithin ? { within: this.availableWithin } : {}),
      };
      this.pages = 1;
      this.openGroups = new Set([
        ...this.openGroups,
        ...(this.topics.length ? ['topics'] : []),
        ...(this.identities.length ? ['identities'] : []),
      ]);
    }
    // A selection made elsewhere inside the same provider shows here too.
    const shared = this.config?.selection;
    if (shared && shared !== this.selection) this.selection = shared;
  }

  override render(): TemplateResult {
    const t = this.t;
    const card = this.cardContext(t);
    const facets = this.facets;
    const program = this.program.value;
    const area = this.area(program);
    return html`<section part="base" class="base" aria-labelledby="title">
      ${this.renderCrisisLine()}
      <h2 id="title">${t.title}</h2>
      <p class="intro">${t.intro}</p>
      <div class="toolbar">
        <button type="button" class="primary" @click=${this.findNext}>${t.findNext}</button>
        <button
          type="button"
          class="secondary"
          aria-expanded=${this.matching ? 'true' : 'false'}
          aria-controls="match"
          @click=${this.toggleMatching}
        >
          ${t.matchOpen}
        </button>
      </div>
      ${this.renderSelection(t)}
      ${this.matching ? this.renderMatch({ card, facets, submit: this.submitMatch, close: this.toggleMatching }) : nothing}
      ${directoryFilters({
        t,
        locale: this.locale,
        filters: this.filters,
        draftQ: this.draftQ,
        facets,
        lengths: program?.sessionLengths ?? [30, 60],
        states: area.length ? area : (facets?.states ?? []),
        openGroups: this.openGroups,
        typeSearch: this.typeSearch,
        setFilter: this.setFilter,
        clearFilters: this.clearFilters,
        toggleGroup: this.toggleGroup,
      })}
      ${this.status.render()} ${this.renderResults(card)}
    </section>`;
  }

  private cardContext(t: DirectoryStrings): CardContext {
    return {
      t,
      common: this.strings,
      locale: this.locale,
      client: this.client,
      selection: this.selection,
      openProfiles: this.openProfiles,
      brokenPhotos: this.brokenPhotos,
      lengthMinutes: this.filters.lengthMinutes,
      toggleProfile: this.toggleProfile,
      photoFailed: this.photoFailed,
      select: this.select,
      failed: this.failed,
    };
  }

  private renderSelection(t: DirectoryStrings): TemplateResult | typeof nothing {
    const next = this.next.value;
    const shown = this.selection;
    if (
      !next ||
      shown?.supporterId !== next.slot.supporterId ||
      shown.slotStart !== next.slot.start
    ) {
      return nothing;
    }
    return html`<p class="selection">
      ${format(t.nextFound, { name: next.name, time: formatSlot(next.slot.start, this.locale) })}
    </p>`;
  }

  private renderMatch(c: MatchContext): TemplateResult {
    return matchPanel(
      c,
      this.match.render({
        pending: () => html`<p aria-busy="true">${this.strings.loading}</p>`,
        complete: (result) => (result ? matchResults(c, result) : nothing),
        error: (error) => this.renderError(error, () => void this.match.run()),
      }),
    );
  }

  private renderResults(card: CardContext): TemplateResult {
    const t = card.t;
    if (!this.client) {
      // No usable API: say so plainly (the crisis line stays), never an endless skeleton (R1).
      return html`<div part="error" class="error"><p>${this.strings.unavailable}</p></div>`;
    }
    if (this.results.status === TaskStatus.ERROR) {
      return this.renderError(this.results.error, () => {
        this.keepFocus();
        this.program.retry();
        void this.results.run();
      });
    }
    // While new results load, the previous ones stay (marked busy) instead of a blank list.
    const page = this.results.value;
    if (!page) {
      // The count line and cards keep their place while loading: no layout shift (P7).
      return html`<p class="count" aria-hidden="true">&nbsp;</p>
        <ul class="list skeleton" aria-busy="true" aria-label=${this.strings.loading}>
          ${[0, 1, 2].map(() => html`<li class="card placeholder"></li>`)}
        </ul>`;
    }
    const busy = this.results.status === TaskStatus.PENDING;
    if (page.total === 0) {
      return html`<div part="empty" class="empty">
        <slot name="empty"><p>${t.empty}</p></slot>
        <button type="button" class="secondary" @click=${this.clearFilters}>
          ${t.clearFilters}
        </button>
      </div>`;
    }
    return html`<p class="count" tabindex="-1">
        ${this.count(page.total)} ${format(t.timesIn, { zone: zoneName(this.locale) })}
      </p>
      <ul part="list" class="list" aria-busy=${busy ? 'true' : 'false'}>
        ${repeat(
          page.items,
          (s) => s.id,
          (s) => html`<li>${supporterCard(card, s)}</li>`,
        )}
      </ul>
      ${
        page.items.length < page.total
          ? html`<p class="more">
              ${format(t.showing, { shown: page.items.length, total: page.total })}
              <button type="button" class="secondary" @click=${this.showMore}>${t.showMore}</button>
            </p>`
          : nothing
      }`;
  }

  private readonly typeSearch = (event: Event): void => {
    this.draftQ = value(event);
    clearTimeout(this.searchTimer);
    // Wait for a pause in typing; what the person typed stays in the field meanwhile.
    this.searchTimer = setTimeout(() => this.setFilter({ q: this.draftQ }), 250);
  };

  private readonly setFilter = (change: Partial<Filters>): void => {
    this.next.abort();
    const next = { ...this.filters, ...change };
    if (!next.lengthMinutes) delete next.lengthMinutes;
    if (!next.within) delete next.within;
    this.filters = next;
    this.pages = 1;
  };

  private readonly clearFilters = (): void => {
    clearTimeout(this.searchTimer);
    this.next.abort();
    this.keepFocus();
    this.draftQ = '';
    this.filters = noFilters(this.filters.sort);
    this.pages = 1;
  };

  private readonly showMore = (): void => {
    this.keepFocus();
    this.pages++;
  };

  private readonly findNext = (): void => {
    void this.next.run();
  };

  private readonly toggleMatching = async (): Promise<void> => {
    this.matching = !this.matching;
    if (!this.matching) {
      // The closing button may sit in the panel that goes away: focus goes back to the opener.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('[aria-controls="match"]')?.focus();
    }
  };

  private readonly submitMatch = (event: SubmitEvent): void => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const language = String(data.get('language') ?? '');
    this.matchRequest = {
      topics: data.getAll('topics').map(String),
      identities: data.getAll('identities').map(String),
      languages: language ? [language] : [],
      timesOfDay: data.getAll('times').map(String) as TimeOfDay[],
    };
    void this.match.run();
  };

  private keepFocus(): void {
    this.focusAfterLoad = true;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.focusAfterLoad || this.results.status === TaskStatus.PENDING) return;
    this.focusAfterLoad = false;
    // Only when focus was lost with the control that had it: never take focus from elsewhere.
    if (this.shadowRoot?.activeElement || document.activeElement !== document.body) return;
    this.renderRoot
      .querySelector<HTMLElement>('.count, [part=empty] button, [part=error] button')
      ?.focus();
  }

  private readonly toggleGroup = (key: string, open: boolean): void => {
    if (open === this.openGroups.has(key)) return;
    const groups = new Set(this.openGroups);
    if (open) groups.add(key);
    else groups.delete(key);
    this.openGroups = groups;
  };

  private readonly toggleProfile = (id: string): void => {
    const open = new Set(this.openProfiles);
    if (!open.delete(id)) open.add(id);
    this.openProfiles = open;
  };

  private readonly photoFailed = (id: string): void => {
    this.brokenPhotos = new Set([...this.brokenPhotos, id]);
  };

  private readonly select = (selection: SupporterSelection, name?: string, byPerson = true) => {
    // A choice by the person wins over a soonest-session search still on its way.
    if (byPerson) this.next.abort();
    this.selection = selection;
    this.dispatchEvent(new PeerSupporterSelectedEvent(selection));
    if (byPerson) this.announceSelection(selection, name);
  };

  /** Confirms a choice in the live region: the supporter's name, and the session when chosen. */
  private announceSelection({ supporterId, slotStart }: SupporterSelection, known?: string): void {
    const name = known ?? this.results.value?.items.find((s) => s.id === supporterId)?.name;
    if (!name) return;
    this.announce(
      slotStart
        ? format(this.t.selectedSlotAnnouncement, {
            name,
            time: formatSlot(slotStart, this.locale),
          })
        : format(this.t.selectedAnnouncement, { name }),
    );
  }

  /** A failed load: the host page hears of it, the person is told in the live region. */
  private readonly failed = (error: unknown): void => {
    this.reportError(error);
    this.announce(this.errorMessage(error));
  };

  private announce(message: string): void {
    this.status.announce(message);
  }

  override connectedCallback(): void {
    // The profile panel is part of the directory: registered with it, never on import.
    safeDefine('peer-supporter-profile', PeerSupporterProfile);
    super.connectedCallback();
    // A session chosen in a profile (a child element) is this directory's selection too.
    this.addEventListener(PeerSupporterSelectedEvent.eventName, this.noteSelection);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    this.removeEventListener(PeerSupporterSelectedEvent.eventName, this.noteSelection);
  }

  private readonly noteSelection = (event: Event): void => {
    const selection = (event as PeerSupporterSelectedEvent).detail;
    const fromProfile = event.composedPath()[0] !== this;
    this.selection = selection;
    if (fromProfile) this.announceSelection(selection);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'peer-directory': PeerDirectory;
  }
}
