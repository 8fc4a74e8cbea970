import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { deepArrayEquals } from '@lit/task/deep-equals.js';
import type { Facets, SessionLength, SupporterSort } from '../../api/schemas.js';
import { sharedDeadline } from '../../api/client.js';
import { PeerDataElement } from '../../internal/peer-data-element.js';
import { PeerSupporterSelectedEvent, type SupporterSelection } from '../../events.js';
import { directory as en } from '../../i18n/en.js';
import { format } from '../../i18n/locale.js';
import type { DirectoryStrings } from '../../i18n/types.js';
import { localize, type Translations } from '../../internal/localize.js';
import { formatSlot } from '../../internal/format.js';
import { Announcer } from '../../internal/announcer.js';
import { FocusKeeper } from '../../internal/focus-keeper.js';
import { ProgramLoader } from '../../internal/program-loader.js';
import {
  DEFAULT_PAGE_SIZE,
  area,
  limitFor,
  matchQuery,
  noFilters,
  supporterQuery,
  toggled,
  withinProgram,
  type Filters,
} from '../../internal/directory-query.js';
import { tokens, focusRing } from '../../styles/tokens.js';
import { sharedStyles, styles } from './peer-directory.styles.js';
import { PeerSupporterProfile } from './supporter-profile.js';
import type { CardContext } from './supporter-card.js';
import { directoryFilters, value } from './directory-filters.js';
import { MatchController } from './match-panel.js';
import { SoonestSession } from './soonest-session.js';
import { GiftNoteSlot } from './gift-note-slot.js';
import { readablePage, resultsList } from './results-list.js';
import { safeDefine } from '../../internal/define.js';
import { DirectoryPresets, list } from './directory-presets.js';

/** English travels with the element; Spanish is imported the first time it is asked for. */
const strings: Translations<DirectoryStrings> = {
  id: 'directory',
  en,
  load: { es: () => import('../../i18n/es.js') },
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
 * Presets (`topics`, `states`, `sort`, ...) are normalised when read (`states="ca"` is CA) and
 * checked against the API's request schemas and the program's options: a value that cannot be used
 * is ignored with one console warning naming the attribute and what it accepts.
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
 * @cssprop [--peer-sticky-offset=0px] - Height of the page's own sticky header: the crisis line sticks below it.
 * @cssprop [--peer-directory-card-bg=var(--peer-color-surface)] - Background of a card.
 *
 * @fires {PeerSupporterSelectedEvent} peer-supporter-selected - A supporter (and maybe a session) was chosen. Detail: `{ supporterId, slotStart?, lengthMinutes? }`.
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
   * serves; a state it does not serve is ignored.
   */
  @property({ converter: list }) states: string[] = [];
  /** Preset session length in minutes, one the program offers. */
  @property({ type: Number, attribute: 'length-minutes' }) lengthMinutes?: SessionLength;
  /** Preset: only supporters with an open session within this many days (1 to 365). */
  @property({ type: Number, attribute: 'available-within' }) availableWithin?: number;
  /** Order of results: `next-available` (default) or `name`. */
  @property() sort: SupporterSort = 'next-available';
  /** Supporters per page (1 to 5000); "Show more" adds a page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = DEFAULT_PAGE_SIZE;

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
  /**
   * The topics, identities and languages of the last page: the filters keep offering them while
   * a search fails (the task's value is undefined then).
   */
  private facets?: Facets;
  private readonly presets = new DirectoryPresets('peer-directory');

  private readonly status = new Announcer(this);
  private readonly refocus = new FocusKeeper(
    this,
    () => this.results.status !== TaskStatus.PENDING,
    '.count, [part=empty] button, [part=error] button',
  );

  // Late, after the list went on without it: the list again, now narrowed to the area.
  private readonly program = new ProgramLoader(
    this,
    () => [this.client, this.config?.program],
    () => void this.results.run(),
  );

  private readonly results = new Task(this, {
    args: () => [this.client, this.filters, this.pages, this.presets.pageSize] as const,
    argsEqual: deepArrayEquals,
    task: async ([client, filters, pages, perPage], { signal }) => {
      if (!client) return undefined;
      this.status.announce(this.strings.loading);
      const opts = sharedDeadline(client, signal);
      const program = await this.program.within(client);
      // The program may have changed the filters meanwhile (a preset it rules out): not current.
      signal.throwIfAborted();
      const page = await client.listSupporters(
        {
          ...supporterQuery(filters, this.area(program)),
          sort: filters.sort,
          offset: 0,
          limit: limitFor(perPage, pages),
        },
        opts(),
      );
      return readablePage(page, this);
    },
    onComplete: (page) => {
      if (!page) return;
      this.facets = page.facets;
      this.status.announce(() => (page.total ? this.count(page.total) : this.t.empty));
    },
    onError: (error) => this.failed(error),
  });

  private readonly giftNote = new GiftNoteSlot(this, () => this.config?.gift);

  private readonly soonest = new SoonestSession(
    this,
    async (signal) => {
      const client = this.client;
      if (!client) return undefined;
      const opts = sharedDeadline(client, signal);
      const program = await this.program.within(client);
      const { slot } = await client.nextAvailable(
        supporterQuery(this.filters, this.area(program)),
        opts(),
      );
      if (!slot) {
        this.status.announce(this.t.nextNone);
        return null;
      }
      const id = slot.supporterId;
      const known = this.results.value?.items.find((s) => s.id === id);
      const name = known?.name ?? (await client.getSupporter(id, opts())).name;
      // Filters changed, or the person chose someone, while this was on its way: not current.
      if (signal.aborted) return undefined;
      const { start, lengthMinutes } = slot;
      this.select({ supporterId: id, slotStart: start, lengthMinutes }, name, false);
      this.status.announce(
        format(this.t.nextFound, { name, time: formatSlot(start, this.locale) }),
      );
      return { name, slot };
    },
    (error) => this.failed(error),
  );

  private readonly matcher = new MatchController(
    this,
    async (answers, signal) => {
      const client = this.client;
      if (!client) return undefined;
      const opts = sharedDeadline(client, signal);
      const program = await this.program.within(client);
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const query = matchQuery(answers, this.filters, this.area(program), timeZone);
      const result = await client.match(query, opts());
      const n = result.results.length;
      this.status.announce(() => (n ? this.count(n) : this.t.matchNone));
      return result;
    },
    (error) => this.failed(error),
  );

  private get t(): DirectoryStrings {
    return localize(strings, this.locale, this);
  }

  private count(count: number): string {
    return format(count === 1 ? this.t.countOne : this.t.countOther, { count });
  }

  private area(program = this.program.value): string[] {
    return area(this.presets.states, program);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const program = this.program.value;
    const read = this.presets.update(this, changed, program);
    if (read?.reset) this.pages = 1;
    if (read?.filters) {
      this.filters = { ...read.filters, q: this.filters.q };
      this.openGroups = new Set([
        ...this.openGroups,
        ...(read.filters.topics.length ? ['topics'] : []),
        ...(read.filters.identities.length ? ['identities'] : []),
      ]);
    } else if (read && program) {
      // The program came after the filters: what it rules out goes, the seeker's choices stay.
      this.filters = withinProgram(this.filters, program);
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
      ${this.giftNote.render(this.locale, program)}
      <div class="toolbar">
        <button type="button" class="primary" @click=${this.soonest.run}>${t.findNext}</button>
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
      ${this.soonest.render(t, this.locale, this.selection)}
      ${
        this.matching
          ? this.matcher.render(card, facets, this.toggleMatching, (error, retry) =>
              this.renderError(error, retry),
            )
          : nothing
      }
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
      program: this.program.value,
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

  private renderResults(card: CardContext): TemplateResult {
    if (!this.client) {
      // No usable API: say so plainly (the crisis line stays), never an endless skeleton (R1).
      return html`<div part="error" class="error"><p>${this.strings.unavailable}</p></div>`;
    }
    if (this.results.status === TaskStatus.ERROR) {
      return this.renderError(this.results.error, () => {
        this.refocus.keep();
        this.program.retry();
        void this.results.run();
      });
    }
    return resultsList({
      card,
      // While new results load, the previous ones stay (marked busy) instead of a blank list.
      page: this.results.value,
      busy: this.results.status === TaskStatus.PENDING,
      count: this.count(this.results.value?.total ?? 0),
      clearFilters: this.clearFilters,
      showMore: this.showMore,
    });
  }

  private readonly typeSearch = (event: Event): void => {
    this.draftQ = value(event);
    clearTimeout(this.searchTimer);
    // Wait for a pause in typing; what the person typed stays in the field meanwhile.
    this.searchTimer = setTimeout(() => this.setFilter({ q: this.draftQ }), 250);
  };

  private readonly setFilter = (change: Partial<Filters>): void => {
    this.soonest.abort();
    const next = { ...this.filters, ...change };
    if (!next.lengthMinutes) delete next.lengthMinutes;
    if (!next.within) delete next.within;
    this.filters = next;
    this.pages = 1;
  };

  private readonly clearFilters = (): void => {
    clearTimeout(this.searchTimer);
    this.soonest.abort();
    this.refocus.keep();
    this.draftQ = '';
    this.filters = noFilters(this.filters.sort);
    this.pages = 1;
  };

  private readonly showMore = (): void => {
    this.refocus.keep();
    this.pages++;
  };

  private readonly toggleMatching = async (): Promise<void> => {
    this.matching = !this.matching;
    if (!this.matching) {
      // The closing button may sit in the panel that goes away: focus goes back to the opener.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('[aria-controls="match"]')?.focus();
    }
  };

  private readonly toggleGroup = (key: string, open: boolean): void => {
    this.openGroups = toggled(this.openGroups, key, open);
  };

  private readonly toggleProfile = (key: string): void => {
    this.openProfiles = toggled(this.openProfiles, key);
  };

  private readonly photoFailed = (id: string): void => {
    this.brokenPhotos = toggled(this.brokenPhotos, id, true);
  };

  private readonly select = (selection: SupporterSelection, name?: string, byPerson = true) => {
    // A choice by the person wins over a soonest-session search still on its way.
    if (byPerson) this.soonest.abort();
    this.selection = selection;
    this.dispatchEvent(new PeerSupporterSelectedEvent(selection));
    if (byPerson) this.announceSelection(selection, name);
  };

  /** Confirms a choice in the live region: the supporter's name, and the session when chosen. */
  private announceSelection({ supporterId, slotStart }: SupporterSelection, known?: string): void {
    const name = known ?? this.results.value?.items.find((s) => s.id === supporterId)?.name;
    if (!name) return;
    this.status.announce(
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
    this.status.announce(this.errorMessage(error));
  };

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
