import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { ApiClient } from '../../api/client.js';
import type { Slot, SupporterProfile } from '../../api/schemas.js';
import { PeerSupporterSelectedEvent } from '../../events.js';
import { format } from '../../i18n/locale.js';
import type { CommonStrings, DirectoryStrings } from '../../i18n/types.js';
import { formatDay, formatTime, languageName, zoneName } from '../../internal/format.js';
import { tokens, focusRing } from '../../styles/tokens.js';
import { profileStyles, sharedStyles } from './peer-directory.styles.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The full profile of one supporter, shown in place under their card by `<peer-directory>`:
 * biography, lived experience, identities, languages, certifications and the open sessions of the
 * next 14 days. Several can be open at once, so a seeker can compare supporters. Choosing a
 * session fires `peer-supporter-selected` with the supporter, the session start and its length.
 *
 * @summary One supporter's profile and availability (used inside `<peer-directory>`).
 * @tag peer-supporter-profile
 * @fires {PeerSupporterSelectedEvent} peer-supporter-selected - A session was chosen.
 * @csspart slot - A button for one open session.
 * @csspart retry - The retry button when the profile could not be loaded.
 */
export class PeerSupporterProfile extends LitElement {
  static override styles = [tokens, focusRing, sharedStyles, profileStyles];

  /** The supporter to show. */
  @property({ attribute: 'supporter-id' }) supporterId = '';

  /** Session length of the slots to show, if the seeker filtered on one. */
  @property({ type: Number, attribute: 'length-minutes' }) lengthMinutes?: 30 | 50 | 60;

  /** Set by the directory. */
  @property({ attribute: false }) client?: ApiClient;
  @property({ attribute: false }) strings?: DirectoryStrings;
  @property({ attribute: false }) common?: CommonStrings;
  @property() locale = 'en';
  /**
   * Set by the directory: a failed load is reported and announced there, in its one live region
   * (QUALITY A4), rather than in a second one here.
   */
  @property({ attribute: false }) onError?: (error: unknown) => void;

  private readonly profile = new Task(this, {
    args: () => [this.client, this.supporterId, this.lengthMinutes] as const,
    task: async ([client, id, lengthMinutes], { signal }) => {
      if (!client || !id) return undefined;
      const from = new Date();
      const to = new Date(from.getTime() + 14 * DAY);
      const [profile, slots] = await Promise.all([
        client.getSupporter(id, { signal }),
        client.listSlots(
          id,
          {
            from: from.toISOString(),
            to: to.toISOString(),
            ...(lengthMinutes ? { lengthMinutes } : {}),
          },
          { signal },
        ),
      ]);
      return { profile, slots: slots.slots };
    },
    onError: (error) => this.onError?.(error),
  });

  override render(): TemplateResult {
    const t = this.strings;
    if (!t) return html``;
    return html`${this.profile.render({
      pending: () => html`<div class="skeleton" aria-busy="true">${this.common?.loading}</div>`,
      complete: (data) => (data ? this.renderProfile(t, data.profile, data.slots) : html``),
      error: () =>
        html`<div class="error">
          <p>${this.common?.loadFailed}</p>
          <button
            type="button"
            part="retry"
            class="secondary"
            @click=${() => void this.profile.run()}
          >
            ${this.common?.retry}
          </button>
        </div>`,
    })}`;
  }

  private renderProfile(t: DirectoryStrings, p: SupporterProfile, slots: Slot[]): TemplateResult {
    const days = new Map<string, Slot[]>();
    for (const slot of slots) {
      const day = formatDay(slot.start, this.locale);
      days.set(day, [...(days.get(day) ?? []), slot]);
    }
    return html`<div class="profile">
      <h4>${t.about}</h4>
      ${p.bio.split(/\n\s*\n/).map((paragraph) => html`<p>${paragraph}</p>`)}
      ${
        p.livedExperience
          ? html`<h4>${t.livedExperience}</h4>
              <p>${p.livedExperience}</p>`
          : nothing
      }
      ${
        p.identities.length
          ? html`<h4>${t.identities}</h4>
              <ul class="tags">
                ${p.identities.map((tag) => html`<li>${tag.label}</li>`)}
              </ul>`
          : nothing
      }
      <p>${t.languages} ${p.languages.map((tag) => languageName(tag, this.locale)).join(', ')}</p>
      ${p.certifications.map(
        (c) => html`<p class="muted">${format(t.certified, { name: c.name })}</p>`,
      )}
      <h4>${t.availability}</h4>
      <p class="muted">${format(t.timesIn, { zone: zoneName(this.locale) })}</p>
      ${
        days.size === 0
          ? html`<p>${t.noSlots}</p>`
          : [...days].map(
              ([day, daySlots]) =>
                html`<div class="day" role="group" aria-label=${day}>
                  <p class="day-name">${day}</p>
                  ${daySlots.map((slot) => {
                    const time = formatTime(slot.start, this.locale);
                    return html`<button
                      type="button"
                      part="slot"
                      class="slot"
                      aria-label=${format(t.chooseSlotLabel, {
                        name: p.name,
                        time: `${day}, ${time}`,
                      })}
                      @click=${() => this.chooseSlot(slot)}
                    >
                      ${time}
                    </button>`;
                  })}
                </div>`,
            )
      }
    </div>`;
  }

  private chooseSlot(slot: Slot): void {
    this.dispatchEvent(
      new PeerSupporterSelectedEvent({
        supporterId: slot.supporterId,
        slotStart: slot.start,
        lengthMinutes: slot.lengthMinutes,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'peer-supporter-profile': PeerSupporterProfile;
  }
}
