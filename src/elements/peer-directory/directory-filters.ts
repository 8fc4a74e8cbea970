import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Facets, SessionLength, SupporterSort, Tag } from '../../api/schemas.js';
import { format } from '../../i18n/locale.js';
import type { DirectoryStrings, Locale } from '../../i18n/types.js';
import { languageName } from '../../internal/format.js';
import { withChosen, withValue, type Filters } from '../../internal/directory-query.js';

/** What the filter form needs from the directory: the filters in force and the handlers. */
export interface FiltersContext {
  t: DirectoryStrings;
  locale: Locale;
  filters: Filters;
  /** What the person typed in the search box, before the pause that searches. */
  draftQ: string;
  facets: Facets | undefined;
  /** The session lengths to offer. */
  lengths: readonly SessionLength[];
  /** The states to offer. */
  states: readonly string[];
  /** Filter groups the person opened (or that a preset fills); unchecking never closes one. */
  openGroups: ReadonlySet<string>;
  typeSearch(event: Event): void;
  setFilter(change: Partial<Filters>): void;
  clearFilters(): void;
  toggleGroup(key: string, open: boolean): void;
}

/** The filter form: search, topics, identities, language, state, length, availability, order. */
export function directoryFilters(c: FiltersContext): TemplateResult {
  const { t, filters: f, facets } = c;
  const set = c.setFilter;
  return html`<form part="filters" class="filters" role="search" @submit=${prevent}>
    <label class="field wide">
      <span>${t.search}</span>
      <input type="search" .value=${c.draftQ} @input=${c.typeSearch} />
    </label>
    ${tagGroup(c, t.topics, 'topics', facets?.topics ?? [], f.topics)}
    ${tagGroup(c, t.identities, 'identities', facets?.identities ?? [], f.identities)}
    <label class="field">
      <span>${t.language}</span>
      <select @change=${(e: Event) => set({ language: value(e) })}>
        <option value="" ?selected=${!f.language}>${t.anyLanguage}</option>
        ${withValue(facets?.languages ?? [], f.language).map(
          (tag) =>
            html`<option value=${tag} ?selected=${f.language === tag}>
              ${languageName(tag, c.locale)}
            </option>`,
        )}
      </select>
    </label>
    <label class="field">
      <span>${t.state}</span>
      <select @change=${(e: Event) => set({ state: value(e) })}>
        <option value="" ?selected=${!f.state}>${t.anyState}</option>
        ${withValue(c.states, f.state).map(
          (code) => html`<option value=${code} ?selected=${f.state === code}>${code}</option>`,
        )}
      </select>
    </label>
    <label class="field">
      <span>${t.length}</span>
      <select
        @change=${(e: Event) =>
          set({ lengthMinutes: (Number(value(e)) || undefined) as SessionLength | undefined })}
      >
        <option value="" ?selected=${!f.lengthMinutes}>${t.anyLength}</option>
        ${withValue(c.lengths, f.lengthMinutes).map(
          (n) =>
            html`<option value=${n} ?selected=${f.lengthMinutes === n}>
              ${format(t.minutes, { n })}
            </option>`,
        )}
      </select>
    </label>
    <label class="field">
      <span>${t.within}</span>
      <select @change=${(e: Event) => set({ within: Number(value(e)) || undefined })}>
        <option value="" ?selected=${!f.within}>${t.anyTime}</option>
        ${withValue([3, 7, 14], f.within).map(
          (n) =>
            html`<option value=${n} ?selected=${f.within === n}>${format(t.days, { n })}</option>`,
        )}
      </select>
    </label>
    <label class="field">
      <span>${t.sort}</span>
      <select @change=${(e: Event) => set({ sort: value(e) as SupporterSort })}>
        <option value="next-available" ?selected=${f.sort === 'next-available'}>
          ${t.sortNext}
        </option>
        <option value="name" ?selected=${f.sort === 'name'}>${t.sortName}</option>
      </select>
    </label>
    <button type="button" class="secondary clear" @click=${c.clearFilters}>
      ${t.clearFilters}
    </button>
  </form>`;
}

/** A group of tag checkboxes, collapsed by default (the lists are long on a phone). */
function tagGroup(
  c: FiltersContext,
  legend: string,
  key: 'topics' | 'identities',
  tags: readonly Tag[],
  chosen: string[],
): TemplateResult {
  return html`<details
    class="tags-field"
    ?open=${c.openGroups.has(key)}
    @toggle=${(e: Event) => c.toggleGroup(key, (e.target as HTMLDetailsElement).open)}
  >
    <summary>${legend}${chosen.length ? ` (${chosen.length})` : ''}</summary>
    <fieldset>
      <legend class="vh">${legend}</legend>
      ${chips(
        // A chosen tag the facets do not have (a preset) still shows, so it can be unticked.
        tags.length ? withChosen(tags, chosen) : tags,
        chosen,
        (next) => c.setFilter({ [key]: next }),
      )}
    </fieldset>
  </details>`;
}

/**
 * Checkboxes for tags, keyed by id and ticked from `chosen` (state, never the DOM), so a tick stays
 * with its tag when the tags come back in another order (another language).
 */
export function chips(tags: readonly Tag[], chosen: string[], set: (chosen: string[]) => void) {
  return repeat(
    tags,
    (tag) => tag.id,
    (tag) =>
      html`<label class="chip">
        <input
          type="checkbox"
          .checked=${chosen.includes(tag.id)}
          @change=${(e: Event) =>
            set(
              (e.target as HTMLInputElement).checked
                ? [...chosen, tag.id]
                : chosen.filter((id) => id !== tag.id),
            )}
        />
        <span>${tag.label}</span>
      </label>`,
  );
}

export function value(event: Event): string {
  return (event.target as HTMLInputElement | HTMLSelectElement).value;
}

function prevent(event: Event): void {
  event.preventDefault();
}
