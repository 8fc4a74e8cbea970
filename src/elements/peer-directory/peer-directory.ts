import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus } from '@lit/task';
import type {
  MatchResult,
  Program,
  SessionLength,
  SupporterQuery,
  SupporterSort,
  SupporterSummary,
  Tag,
  TimeOfDay,
} from '../../api/schemas.js';
import {
  DEFAULT_TIMEOUT_MS,
  sharedDeadline,
  type ApiClient,
  type SupporterPage,
} from '../../api/client.js';
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
import { formatSlot, initials, languageName, zoneName } from '../../internal/format.js';
import { tokens, focusRing } from '../../styles/tokens.js';
import { sharedStyles, styles } from './peer-directory.styles.js';
import { PeerSupporterProfile } from './supporter-profile.js';
import { safeDefine } from '../../internal/define.js';

const strings: Record<'en' | 'es', DirectoryStrings> = { en, es };

/** Space- or comma-separated attribute lists: `topics="first-gen anxiety"`. */
const list = {
  fromAttribute: (value: string | null) => (value ? value.split(/[\s,]+/).filter(Boolean) : []),
  toAttribute: (value: string[]) => value.join(' '),
};

interface Filters {
  q: string;
  topics: string[];
  identities: string[];
  language: string;
  state: string;
  lengthMinutes?: SessionLength;
  within?: number;
  sort: SupporterSort;
}

const TIMES: TimeOfDay[] = ['morning', 'afternoon', 'evening'];

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

  @state() private filters: Filters = {
    q: '',
    topics: [],
    identities: [],
    language: '',
    state: '',
    sort: 'next-available',
  };
  @state() private draftQ = '';
  @state() private pages = 1;
  @state() private selection?: SupporterSelection;
  @state() private openProfiles: ReadonlySet<string> = new Set();
  @state() private brokenPhotos: ReadonlySet<string> = new Set();
  @state() private announcement = '';
  @state() private matching = false;
  @state() private lastPage?: SupporterPage;
  /** Filter groups the person opened (or that a preset fills); unchecking never closes one. */
  @state() private openGroups: ReadonlySet<string> = new Set();

  private searchTimer?: ReturnType<typeof setTimeout>;
  /** The last list was asked for without the program (it was late or failed). */
  private listedWithoutProgram = false;
  /** The control the person used goes away with the update: move focus somewhere sensible. */
  private focusAfterLoad = false;
  private matchRequest?: {
    topics: string[];
    identities: string[];
    languages: string[];
    timesOfDay: TimeOfDay[];
  };

  private readonly program = new Task(this, {
    args: () => [this.client, this.config?.program] as const,
    task: ([client, provided], { signal }): Promise<Program | undefined> | Program | undefined =>
      provided ?? client?.getProgram({ signal }),
    // Late, after the list went on without it: the list again, now narrowed to the area.
    onComplete: (program) => {
      if (program && this.listedWithoutProgram) void this.results.run();
    },
  });

  private readonly results = new Task(this, {
    args: () => [this.client, JSON.stringify(this.filters), this.pages] as const,
    task: async ([client], { signal }) => {
      if (!client) return undefined;
      this.announce(this.strings.loading);
      const opts = sharedDeadline(client, signal);
      const program = await this.loadProgram(client);
      this.listedWithoutProgram = !program;
      const page = await client.listSupporters(
        {
          ...this.query(program),
          sort: this.filters.sort,
          offset: 0,
          limit: this.pageSize * this.pages,
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
      this.lastPage = page;
      const t = this.t;
      const count = format(page.total === 1 ? t.countOne : t.countOther, { count: page.total });
      this.announce(page.total ? count : t.empty);
    },
    onError: (error) => this.failed(error),
  });

  private readonly next = new Task(this, {
    autoRun: false,
    args: () => [this.client] as const,
    task: async ([client], { signal }) => {
      if (!client) return undefined;
      const opts = sharedDeadline(client, signal);
      const program = await this.loadProgram(client);
      const { slot } = await client.nextAvailable(this.query(program), opts());
      if (!slot) {
        this.announce(this.t.nextNone);
        return null;
      }
      const known = this.lastPage?.items.find((s) => s.id === slot.supporterId);
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
      const program = await this.loadProgram(client);
      const result = await client.match(
        {
          ...this.matchRequest,
          ...this.stateQuery(program),
          ...(this.filters.lengthMinutes ? { lengthMinutes: this.filters.lengthMinutes } : {}),
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          limit: 10,
        },
        opts(),
      );
      this.announce(
        result.results.length
          ? format(result.results.length === 1 ? this.t.countOne : this.t.countOther, {
              count: result.results.length,
            })
          : this.t.matchNone,
      );
      return result;
    },
    onError: (error) => this.failed(error),
  });

  /**
   * The program, for its service area. Waited for at most half the client's deadline: past that,
   * or when it failed, the search goes on without it (not narrowed to the area) rather than fail
   * with it (QUALITY R1), and the list is asked for again if the program arrives later.
   */
  private async loadProgram(client: ApiClient): Promise<Program | undefined> {
    const wait = (client.deadlineMs ?? DEFAULT_TIMEOUT_MS) / 2;
    let timer = 0;
    const late = new Promise<undefined>((resolve) => (timer = window.setTimeout(resolve, wait)));
    try {
      return await Promise.race([this.program.taskComplete.catch(() => undefined), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private get t(): DirectoryStrings {
    return strings[this.locale];
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
        q: this.filters.q,
        topics: this.topics,
        identities: this.identities,
        language: this.languages[0] ?? '',
        state: this.states.length === 1 ? this.states[0]! : '',
        ...(this.lengthMinutes ? { lengthMinutes: this.lengthMinutes } : {}),
        ...(this.availableWithin ? { within: this.availableWithin } : {}),
        sort: this.sort,
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

  /** The states a search covers: the chosen one, else the host's area, else the program's. */
  private area(program: Program | undefined): string[] {
    const served = program?.eligibility.states;
    // The host's states, within what the program serves (a typo never widens the search).
    const preset = [...new Set(this.states)].filter((code) => !served || served.includes(code));
    return preset.length > 1 ? preset : (served ?? []);
  }

  private stateQuery(program: Program | undefined): { states?: string[] } {
    const states = this.filters.state ? [this.filters.state] : this.area(program);
    return states.length ? { states } : {};
  }

  /** The filters as the API takes them; the state defaults to the service area. */
  private query(program: Program | undefined): SupporterQuery {
    const f = this.filters;
    return {
      ...(f.q.trim() ? { q: f.q.trim() } : {}),
      ...(f.topics.length ? { topics: f.topics } : {}),
      ...(f.identities.length ? { identities: f.identities } : {}),
      ...(f.language ? { languages: [f.language] } : {}),
      ...this.stateQuery(program),
      ...(f.lengthMinutes ? { lengthMinutes: f.lengthMinutes } : {}),
      ...(f.within ? { availableWithinDays: f.within } : {}),
    };
  }

  override render(): TemplateResult {
    const t = this.t;
    return html`<section part="base" class="base" aria-labelledby="title">
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
      ${this.renderSelection(t)} ${this.matching ? this.renderMatch(t) : nothing}
      ${this.renderFilters(t)}
      <p role="status" class="vh">${this.announcement}</p>
      ${this.renderResults(t)} ${this.renderCrisisLine()}
    </section>`;
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

  private renderFilters(t: DirectoryStrings): TemplateResult {
    const facets = this.lastPage?.facets;
    const program = this.program.value;
    const f = this.filters;
    const lengths = program?.sessionLengths ?? [30, 60];
    const area = this.area(program);
    const states = area.length ? area : (facets?.states ?? []);
    return html`<form part="filters" class="filters" role="search" @submit=${prevent}>
      <label class="field wide">
        <span>${t.search}</span>
        <input type="search" .value=${this.draftQ} @input=${this.typeSearch} />
      </label>
      ${this.renderTagGroup(t.topics, 'topics', facets?.topics ?? [], f.topics)}
      ${this.renderTagGroup(t.identities, 'identities', facets?.identities ?? [], f.identities)}
      <label class="field">
        <span>${t.language}</span>
        <select @change=${(e: Event) => this.setFilter({ language: value(e) })}>
          <option value="" ?selected=${!f.language}>${t.anyLanguage}</option>
          ${(facets?.languages ?? (f.language ? [f.language] : [])).map(
            (tag) =>
              html`<option value=${tag} ?selected=${f.language === tag}>
                ${languageName(tag, this.locale)}
              </option>`,
          )}
        </select>
      </label>
      <label class="field">
        <span>${t.state}</span>
        <select @change=${(e: Event) => this.setFilter({ state: value(e) })}>
          <option value="" ?selected=${!f.state}>${t.anyState}</option>
          ${states.map((code) => html`<option value=${code} ?selected=${f.state === code}>${code}</option>`)}
        </select>
      </label>
      <label class="field">
        <span>${t.length}</span>
        <select
          @change=${(e: Event) => this.setFilter({ lengthMinutes: (Number(value(e)) || undefined) as SessionLength | undefined })}
        >
          <option value="" ?selected=${!f.lengthMinutes}>${t.anyLength}</option>
          ${lengths.map((n) => html`<option value=${n} ?selected=${f.lengthMinutes === n}>${format(t.minutes, { n })}</option>`)}
        </select>
      </label>
      <label class="field">
        <span>${t.within}</span>
        <select @change=${(e: Event) => this.setFilter({ within: Number(value(e)) || undefined })}>
          <option value="" ?selected=${!f.within}>${t.anyTime}</option>
          ${[3, 7, 14].map((n) => html`<option value=${n} ?selected=${f.within === n}>${format(t.days, { n })}</option>`)}
        </select>
      </label>
      <label class="field">
        <span>${t.sort}</span>
        <select @change=${(e: Event) => this.setFilter({ sort: value(e) as SupporterSort })}>
          <option value="next-available" ?selected=${f.sort === 'next-available'}>
            ${t.sortNext}
          </option>
          <option value="name" ?selected=${f.sort === 'name'}>${t.sortName}</option>
        </select>
      </label>
      <button type="button" class="secondary clear" @click=${this.clearFilters}>
        ${t.clearFilters}
      </button>
    </form>`;
  }

  private renderTagGroup(
    legend: string,
    key: 'topics' | 'identities',
    tags: readonly Tag[],
    chosen: readonly string[],
  ): TemplateResult {
    // Collapsed by default: the lists are long on a phone. Open when something is chosen.
    return html`<details
      class="tags-field"
      ?open=${this.openGroups.has(key)}
      @toggle=${(e: Event) => this.toggleGroup(key, (e.target as HTMLDetailsElement).open)}
    >
      <summary>${legend}${chosen.length ? ` (${chosen.length})` : ''}</summary>
      <fieldset>
        <legend class="vh">${legend}</legend>
        ${tags.map(
          (tag) =>
            html`<label class="chip">
              <input
                type="checkbox"
                .checked=${chosen.includes(tag.id)}
                @change=${(e: Event) => {
                  const on = (e.target as HTMLInputElement).checked;
                  const next = on ? [...chosen, tag.id] : chosen.filter((id) => id !== tag.id);
                  this.setFilter({ [key]: next });
                }}
              />
              <span>${tag.label}</span>
            </label>`,
        )}
      </fieldset>
    </details>`;
  }

  private renderResults(t: DirectoryStrings): TemplateResult {
    if (!this.client) {
      // No usable API: say so plainly (the crisis line stays), never an endless skeleton (R1).
      return html`<div part="error" class="error"><p>${this.strings.unavailable}</p></div>`;
    }
    if (this.results.status === TaskStatus.ERROR) {
      return this.renderError(this.results.error, () => {
        this.keepFocus();
        // "Try again" tries everything that failed: the program too.
        if (this.program.status === TaskStatus.ERROR) void this.program.run();
        void this.results.run();
      });
    }
    // While new results load, the previous ones stay (marked busy) instead of a blank list.
    const page = this.lastPage;
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
        ${format(page.total === 1 ? t.countOne : t.countOther, { count: page.total })}
        ${format(t.timesIn, { zone: zoneName(this.locale) })}
      </p>
      <ul part="list" class="list" aria-busy=${busy ? 'true' : 'false'}>
        ${repeat(
          page.items,
          (s) => s.id,
          (s) => html`<li>${this.renderCard(t, s)}</li>`,
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

  /** `prefix` keeps ids unique when a supporter is both in the matches and in the list. */
  private renderCard(t: DirectoryStrings, s: SupporterSummary, prefix = ''): TemplateResult {
    const key = prefix + s.id;
    const open = this.openProfiles.has(key);
    const chosen = this.selection?.supporterId === s.id;
    const photo =
      s.photoUrl && !this.brokenPhotos.has(s.id)
        ? html`<img
            part="photo"
            class="photo"
            src=${s.photoUrl}
            alt=${format(t.photoOf, { name: s.name })}
            loading="lazy"
            width="64"
            height="64"
            @error=${() => (this.brokenPhotos = new Set([...this.brokenPhotos, s.id]))}
          />`
        : html`<span part="photo" class="photo initials" aria-hidden="true"
            >${initials(s.name)}</span
          >`;
    return html`<article part="card" class="card" aria-labelledby="${prefix}name-${s.id}">
        <div class="card-head">
          ${photo}
          <div>
            <h3 id="${prefix}name-${s.id}">${s.name}</h3>
            ${s.pronouns ? html`<p class="muted">${s.pronouns}</p>` : nothing}
          </div>
        </div>
        <p>${s.headline}</p>
        <ul class="tags">
          ${s.topics.map((tag) => html`<li>${tag.label}</li>`)}
        </ul>
        <p class="muted">
          ${t.languages} ${s.languages.map((tag) => languageName(tag, this.locale)).join(', ')} ·
          ${t.serves} ${s.states.join(', ')}
        </p>
        <p class="next">
          ${
            s.nextAvailable
              ? html`${t.nextSession}
                  <button
                    type="button"
                    class="slot"
                    aria-label=${format(t.chooseSlotLabel, {
                      name: s.name,
                      time: formatSlot(s.nextAvailable, this.locale),
                    })}
                    @click=${() => this.select({ supporterId: s.id, slotStart: s.nextAvailable! }, s.name)}
                  >
                    ${formatSlot(s.nextAvailable, this.locale)}
                  </button>`
              : t.noSessions
          }
        </p>
        <div class="actions">
          <button
            type="button"
            class="secondary"
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls="${prefix}profile-${s.id}"
            @click=${() => this.toggleProfile(key)}
          >
            ${open ? t.hideProfile : t.viewProfile}
          </button>
          <button
            type="button"
            class="primary"
            aria-pressed=${chosen ? 'true' : 'false'}
            aria-label=${format(t.chooseLabel, { name: s.name })}
            @click=${() => this.select({ supporterId: s.id }, s.name)}
          >
            ${t.choose}
          </button>
          ${chosen ? html`<span class="badge">${t.selected}</span>` : nothing}
        </div>
      </article>
      ${
        open
          ? html`<peer-supporter-profile
              id="${prefix}profile-${s.id}"
              supporter-id=${s.id}
              .lengthMinutes=${this.filters.lengthMinutes}
              .client=${this.client}
              .strings=${t}
              .common=${this.strings}
              .onError=${this.failed}
              locale=${this.locale}
            ></peer-supporter-profile>`
          : nothing
      }`;
  }

  private renderMatch(t: DirectoryStrings): TemplateResult {
    const facets = this.lastPage?.facets;
    return html`<div part="match" id="match" class="match">
      <form @submit=${this.submitMatch}>
        <h3>${t.matchTitle}</h3>
        ${facets ? this.renderChecks(t.matchTopics, 'topics', facets.topics) : nothing}
        ${facets ? this.renderChecks(t.matchIdentities, 'identities', facets.identities) : nothing}
        <label class="field">
          <span>${t.language}</span>
          <select name="language">
            <option value="">${t.anyLanguage}</option>
            ${(facets?.languages ?? []).map(
              (tag) => html`<option value=${tag}>${languageName(tag, this.locale)}</option>`,
            )}
          </select>
        </label>
        ${this.renderChecks(
          t.matchTimes,
          'times',
          TIMES.map((id) => ({ id, label: t[id] })),
        )}
        <button type="submit" class="primary">${t.matchSubmit}</button>
      </form>
      ${this.match.render({
        pending: () => html`<p aria-busy="true">${this.strings.loading}</p>`,
        complete: (result) => (result ? this.renderMatches(t, result) : nothing),
        error: (error) => this.renderError(error, () => void this.match.run()),
      })}
    </div>`;
  }

  private renderChecks(legend: string, name: string, tags: readonly Tag[]): TemplateResult {
    return html`<fieldset>
      <legend>${legend}</legend>
      ${tags.map(
        (tag) =>
          html`<label class="chip"
            ><input type="checkbox" name=${name} value=${tag.id} /><span>${tag.label}</span></label
          >`,
      )}
    </fieldset>`;
  }

  private renderMatches(t: DirectoryStrings, result: MatchResult): TemplateResult {
    if (!result.results.length) return html`<p>${t.matchNone}</p>`;
    return html`<h3>${t.matchResults}</h3>
      <p>${format(t.timesIn, { zone: zoneName(this.locale) })}</p>
      <ol class="list">
        ${result.results.map(
          ({ supporter, reasons }) =>
            html`<li>
              ${this.renderCard(t, supporter, 'match-')}
              ${
                reasons.length
                  ? html`<p class="reasons">
                      ${format(t.shares, { list: reasons.map((r) => r.label).join(', ') })}
                    </p>`
                  : nothing
              }
            </li>`,
        )}
      </ol>
      <button type="button" class="secondary" @click=${this.toggleMatching}>
        ${t.matchClose}
      </button>`;
  }

  private readonly typeSearch = (event: Event): void => {
    this.draftQ = value(event);
    clearTimeout(this.searchTimer);
    // Wait for a pause in typing; what the person typed stays in the field meanwhile.
    this.searchTimer = setTimeout(() => this.setFilter({ q: this.draftQ }), 250);
  };

  private setFilter(change: Partial<Filters>): void {
    this.next.abort();
    const next = { ...this.filters, ...change };
    if (!next.lengthMinutes) delete next.lengthMinutes;
    if (!next.within) delete next.within;
    this.filters = next;
    this.pages = 1;
  }

  private readonly clearFilters = (): void => {
    clearTimeout(this.searchTimer);
    this.next.abort();
    this.keepFocus();
    this.draftQ = '';
    this.filters = {
      q: '',
      topics: [],
      identities: [],
      language: '',
      state: '',
      sort: this.filters.sort,
    };
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

  private toggleGroup(key: string, open: boolean): void {
    if (open === this.openGroups.has(key)) return;
    const groups = new Set(this.openGroups);
    if (open) groups.add(key);
    else groups.delete(key);
    this.openGroups = groups;
  }

  private toggleProfile(id: string): void {
    const open = new Set(this.openProfiles);
    if (!open.delete(id)) open.add(id);
    this.openProfiles = open;
  }

  private select(selection: SupporterSelection, name?: string, byPerson = true): void {
    // A choice by the person wins over a soonest-session search still on its way.
    if (byPerson) this.next.abort();
    this.selection = selection;
    this.dispatchEvent(new PeerSupporterSelectedEvent(selection));
    if (byPerson) this.announceSelection(selection, name);
  }

  /** Confirms a choice in the live region: the supporter's name, and the session when chosen. */
  private announceSelection({ supporterId, slotStart }: SupporterSelection, known?: string): void {
    const name = known ?? this.lastPage?.items.find((s) => s.id === supporterId)?.name;
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

  private announced = 0;

  private announce(message: string): void {
    const turn = ++this.announced;
    if (message !== this.announcement) {
      this.announcement = message;
      return;
    }
    // The same words again (a retry that failed again): empty the region first, or it stays
    // silent, and say them once that has rendered, unless something newer came meanwhile.
    this.announcement = '';
    void this.updateComplete.then(() => {
      if (turn === this.announced) this.announcement = message;
    });
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

function value(event: Event): string {
  return (event.target as HTMLInputElement | HTMLSelectElement).value;
}

function prevent(event: Event): void {
  event.preventDefault();
}

declare global {
  interface HTMLElementTagNameMap {
    'peer-directory': PeerDirectory;
  }
}
