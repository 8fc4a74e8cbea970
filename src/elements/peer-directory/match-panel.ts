import { html, nothing, type TemplateResult } from 'lit';
import type { Facets, MatchResult, Tag, TimeOfDay } from '../../api/schemas.js';
import { format } from '../../i18n/locale.js';
import { languageName, zoneName } from '../../internal/format.js';
import { supporterCard, type CardContext } from './supporter-card.js';

const TIMES: TimeOfDay[] = ['morning', 'afternoon', 'evening'];

/** What the matching questionnaire needs from the directory. */
export interface MatchContext {
  card: CardContext;
  facets: Facets | undefined;
  submit(event: SubmitEvent): void;
  close(): void;
}

/**
 * The matching questionnaire and, under it, `results`: what the directory's match task renders
 * (`matchResults` when complete).
 */
export function matchPanel(c: MatchContext, results: unknown): TemplateResult {
  const { t, locale } = c.card;
  const facets = c.facets;
  return html`<div part="match" id="match" class="match">
    <form @submit=${c.submit}>
      <h3>${t.matchTitle}</h3>
      ${facets ? checks(t.matchTopics, 'topics', facets.topics) : nothing}
      ${facets ? checks(t.matchIdentities, 'identities', facets.identities) : nothing}
      <label class="field">
        <span>${t.language}</span>
        <select name="language">
          <option value="">${t.anyLanguage}</option>
          ${(facets?.languages ?? []).map(
            (tag) => html`<option value=${tag}>${languageName(tag, locale)}</option>`,
          )}
        </select>
      </label>
      ${checks(
        t.matchTimes,
        'times',
        TIMES.map((id) => ({ id, label: t[id] })),
      )}
      <button type="submit" class="primary">${t.matchSubmit}</button>
    </form>
    ${results}
  </div>`;
}

function checks(legend: string, name: string, tags: readonly Tag[]): TemplateResult {
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

/** The ranked matches, each saying what the supporter shares with the seeker. */
export function matchResults(c: MatchContext, result: MatchResult): TemplateResult {
  const { t, locale } = c.card;
  if (!result.results.length) return html`<p>${t.matchNone}</p>`;
  return html`<h3>${t.matchResults}</h3>
    <p>${format(t.timesIn, { zone: zoneName(locale) })}</p>
    <ol class="list">
      ${result.results.map(
        ({ supporter, reasons }) =>
          html`<li>
            ${supporterCard(c.card, supporter, 'match-')}
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
    <button type="button" class="secondary" @click=${c.close}>${t.matchClose}</button>`;
}
