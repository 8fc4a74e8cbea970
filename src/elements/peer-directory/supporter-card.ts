import { html, nothing, type TemplateResult } from 'lit';
import type { ApiClient } from '../../api/client.js';
import type { Program, SessionLength, SupporterSummary } from '../../api/schemas.js';
import type { SupporterSelection } from '../../events.js';
import { format } from '../../i18n/locale.js';
import type { CommonStrings, DirectoryStrings, Locale } from '../../i18n/types.js';
import { formatSlot, initials, languageName } from '../../internal/format.js';
import { cardSessionLength } from '../../internal/directory-query.js';
// The tag's class and types; the directory registers it (on connect, never on import).
import './supporter-profile.js';

/** What a card needs from the directory: its strings, its state and its handlers. */
export interface CardContext {
  t: DirectoryStrings;
  common: CommonStrings;
  locale: Locale;
  client: ApiClient | undefined;
  program: Program | undefined;
  selection: SupporterSelection | undefined;
  /** Keys (prefix + id) of the cards whose profile is open. */
  openProfiles: ReadonlySet<string>;
  /** Ids of the supporters whose photo failed to load. */
  brokenPhotos: ReadonlySet<string>;
  /** The session length the seeker filtered on, for the profile's slots. */
  lengthMinutes: SessionLength | undefined;
  toggleProfile(key: string): void;
  photoFailed(id: string): void;
  select(selection: SupporterSelection, name: string): void;
  failed(error: unknown): void;
}

/**
 * One supporter's card, and their profile under it when open. `prefix` keeps ids unique when a
 * supporter is both in the matches and in the list.
 */
export function supporterCard(c: CardContext, s: SupporterSummary, prefix = ''): TemplateResult {
  const t = c.t;
  const key = prefix + s.id;
  const open = c.openProfiles.has(key);
  const chosen = c.selection?.supporterId === s.id;
  const next = s.nextAvailable;
  const length = cardSessionLength(c.lengthMinutes, s.sessionLengths, c.program);
  const photo =
    s.photoUrl && !c.brokenPhotos.has(s.id)
      ? html`<img
          part="photo"
          class="photo"
          src=${s.photoUrl}
          alt=${format(t.photoOf, { name: s.name })}
          loading="lazy"
          width="64"
          height="64"
          @error=${() => c.photoFailed(s.id)}
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
        ${t.languages} ${s.languages.map((tag) => languageName(tag, c.locale)).join(', ')} ·
        ${t.serves} ${s.states.join(', ')}
      </p>
      <p class="next">
        ${
          next
            ? html`${t.nextSession}
                <button
                  type="button"
                  class="slot"
                  aria-label=${format(t.chooseSlotLabel, {
                    name: s.name,
                    time: formatSlot(next, c.locale),
                  })}
                  @click=${() =>
                    c.select(
                      {
                        supporterId: s.id,
                        slotStart: next,
                        ...(length ? { lengthMinutes: length } : {}),
                      },
                      s.name,
                    )}
                >
                  ${formatSlot(next, c.locale)}
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
          @click=${() => c.toggleProfile(key)}
        >
          ${open ? t.hideProfile : t.viewProfile}
        </button>
        <button
          type="button"
          class="primary"
          aria-pressed=${chosen ? 'true' : 'false'}
          aria-label=${format(t.chooseLabel, { name: s.name })}
          @click=${() => c.select({ supporterId: s.id }, s.name)}
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
            .lengthMinutes=${c.lengthMinutes}
            .client=${c.client}
            .strings=${t}
            .common=${c.common}
            .onError=${c.failed}
            locale=${c.locale}
          ></peer-supporter-profile>`
        : nothing
    }`;
}
