import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { Task } from '@lit/task';
import type { Facets, MatchResult, TimeOfDay } from '../../api/schemas.js';
import { format } from '../../i18n/locale.js';
import { languageName, zoneName } from '../../internal/format.js';
import { supporterCard, type CardContext } from './supporter-card.js';
import { chips, value } from './directory-filters.js';

const TIMES: TimeOfDay[] = ['morning', 'afternoon', 'evening'];

/** The seeker's answers to the questionnaire: ids only, kept until the seeker clears them. */
export interface Answers {
  topics: string[];
  identities: string[];
  /** One BCP 47 tag, or '' for any. */
  language: string;
  timesOfDay: TimeOfDay[];
}

export const noAnswers = (): Answers => ({
  topics: [],
  identities: [],
  language: '',
  timesOfDay: [],
});

/** What the matching questionnaire shows and does. */
interface MatchContext {
  card: CardContext;
  facets: Facets | undefined;
  answers: Answers;
  answer(change: Partial<Answers>): void;
  submit(event: SubmitEvent): void;
  /** Clears the answers and the matches made from them. */
  clear(): void;
  close(): void;
}

/**
 * The questionnaire's state: the answers, kept (by id) while the panel is closed or the language
 * changes, until the seeker clears them, and the matches asked for with them.
 */
export class MatchController implements ReactiveController {
  answers = noAnswers();
  /** The answers the matches shown were asked for. */
  private asked?: Answers;
  private readonly task: Task<readonly [], MatchResult | undefined>;

  constructor(
    private readonly host: ReactiveControllerHost,
    ask: (answers: Answers, signal: AbortSignal) => Promise<MatchResult | undefined>,
    failed: (error: unknown) => void,
  ) {
    host.addController(this);
    this.task = new Task(host, {
      autoRun: false,
      args: () => [] as const,
      task: (_, { signal }) => (this.asked ? ask(this.asked, signal) : undefined),
      onError: failed,
    });
  }

  hostDisconnected(): void {
    this.task.abort();
  }

  private readonly answer = (change: Partial<Answers>): void => {
    this.answers = { ...this.answers, ...change };
    this.host.requestUpdate();
  };

  private readonly submit = (event: SubmitEvent): void => {
    event.preventDefault();
    this.asked = this.answers;
    void this.task.run();
  };

  private readonly clear = (): void => {
    this.task.abort();
    this.asked = undefined;
    this.answer(noAnswers());
  };

  /** The panel; `close` closes it, `renderError` renders a failure with its retry. */
  render(
    card: CardContext,
    facets: Facets | undefined,
    close: () => void,
    renderError: (error: unknown, retry: () => void) => TemplateResult,
  ): TemplateResult {
    const { answers, answer, submit, clear } = this;
    const c: MatchContext = { card, facets, answers, answer, submit, clear, close };
    return matchPanel(
      c,
      this.asked
        ? this.task.render({
            pending: () => html`<p aria-busy="true">${card.common.loading}</p>`,
            complete: (result) => (result ? matchResults(c, result) : nothing),
            error: (error) => renderError(error, () => void this.task.run()),
          })
        : nothing,
    );
  }
}

/**
 * The matching questionnaire and, under it, `results`: what the directory's match task renders
 * (`matchResults` when complete).
 */
function matchPanel(c: MatchContext, results: unknown): TemplateResult {
  const { t, locale } = c.card;
  const { facets, answers: a, answer } = c;
  return html`<div part="match" id="match" class="match">
    <form @submit=${c.submit}>
      <h3>${t.matchTitle}</h3>
      ${
        facets
          ? html`<fieldset>
                <legend>${t.matchTopics}</legend>
                ${chips(facets.topics, a.topics, (topics) => answer({ topics }))}
              </fieldset>
              <fieldset>
                <legend>${t.matchIdentities}</legend>
                ${chips(facets.identities, a.identities, (identities) => answer({ identities }))}
              </fieldset>`
          : nothing
      }
      <label class="field">
        <span>${t.language}</span>
        <select name="language" @change=${(e: Event) => answer({ language: value(e) })}>
          <option value="" ?selected=${!a.language}>${t.anyLanguage}</option>
          ${(facets?.languages ?? []).map(
            (tag) =>
              html`<option value=${tag} ?selected=${a.language === tag}>
                ${languageName(tag, locale)}
              </option>`,
          )}
        </select>
      </label>
      <fieldset>
        <legend>${t.matchTimes}</legend>
        ${chips(
          TIMES.map((id) => ({ id, label: t[id] })),
          a.timesOfDay,
          (times) => answer({ timesOfDay: times as TimeOfDay[] }),
        )}
      </fieldset>
      <button type="submit" class="primary">${t.matchSubmit}</button>
      <button type="button" class="secondary" @click=${c.clear}>${t.matchClear}</button>
    </form>
    ${results}
  </div>`;
}

/** The ranked matches, each saying what the supporter shares with the seeker. */
function matchResults(c: MatchContext, result: MatchResult): TemplateResult {
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
