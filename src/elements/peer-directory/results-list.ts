import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { SupporterPage } from '../../api/client.js';
import { ApiError } from '../../api/errors.js';
import { PeerErrorEvent } from '../../events.js';
import { format } from '../../i18n/locale.js';
import { zoneName } from '../../internal/format.js';
import { supporterCard, type CardContext } from './supporter-card.js';

/** What the result list needs from the directory. */
export interface ResultsContext {
  card: CardContext;
  /** The last page; undefined before the first one. */
  page: SupporterPage | undefined;
  /** A new page is on its way: the one shown is kept, marked busy. */
  busy: boolean;
  /** "24 supporters match." */
  count: string;
  clearFilters(): void;
  showMore(): void;
}

/** The results: a skeleton before the first page, the empty state, or the cards and "Show more". */
export function resultsList(c: ResultsContext): TemplateResult {
  const { t, locale, common } = c.card;
  const page = c.page;
  if (!page) {
    // The count line and cards keep their place while loading: no layout shift (P7).
    return html`<p class="count" aria-hidden="true">&nbsp;</p>
      <ul class="list skeleton" aria-busy="true" aria-label=${common.loading}>
        ${[0, 1, 2].map(() => html`<li class="card placeholder"></li>`)}
      </ul>`;
  }
  if (page.total === 0) {
    return html`<div part="empty" class="empty">
      <slot name="empty"><p>${t.empty}</p></slot>
      <button type="button" class="secondary" @click=${c.clearFilters}>${t.clearFilters}</button>
    </div>`;
  }
  return html`<p class="count" tabindex="-1">
      ${c.count} ${format(t.timesIn, { zone: zoneName(locale) })}
    </p>
    <ul part="list" class="list" aria-busy=${c.busy ? 'true' : 'false'}>
      ${repeat(
        page.items,
        (s) => s.id,
        (s) => html`<li>${supporterCard(c.card, s)}</li>`,
      )}
    </ul>
    ${
      page.items.length < page.total
        ? html`<p class="more">
            ${format(t.showing, { shown: page.items.length, total: page.total })}
            <button type="button" class="secondary" @click=${c.showMore}>${t.showMore}</button>
          </p>`
        : nothing
    }`;
}

/**
 * The page, when some of it could be read: records that failed validation are reported to the host
 * with `peer-error` and skipped; a page with none readable is the error state, not an empty list
 * that claims matches (R5).
 */
export function readablePage(page: SupporterPage, host: EventTarget): SupporterPage {
  const rejected = page.rejected.length;
  if (rejected && !page.items.length) {
    throw new ApiError({
      kind: 'validation',
      endpoint: 'listSupporters',
      message: `listSupporters: none of the ${rejected} supporter records matched the contract.`,
    });
  }
  if (rejected) {
    host.dispatchEvent(
      new PeerErrorEvent({
        kind: 'validation',
        endpoint: 'listSupporters',
        message: `${rejected} supporter record(s) did not match the contract and were skipped.`,
      }),
    );
  }
  return page;
}
