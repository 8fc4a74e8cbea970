import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { newIdempotencyKey, type ApiClient } from '../../api/client.js';
import type { Booking, BookingCancellation } from '../../api/booking-schemas.js';
import type { Slot } from '../../api/schemas.js';
import { isApiError } from '../../api/errors.js';
import { format } from '../../i18n/locale.js';
import type { BookingStrings } from '../../i18n/booking-en.js';
import type { Locale } from '../../i18n/types.js';
import { formatMoney } from '../../internal/form-fields.js';
import {
  cancelTerms,
  cancelledText,
  formatDeadline,
  statusText,
  windowText,
} from './manage-text.js';
import type { BookingCancelledDetail, BookingRescheduledDetail } from './booking-events.js';
import { icsEvent, icsFileUrl, revokeIcsUrl } from './ics.js';
import type { SlotPicker } from './slot-picker.js';

/** What the manage view needs from its element. */
export interface ManageHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface ManageDeps {
  client: () => ApiClient | undefined;
  t: () => BookingStrings;
  locale: () => Locale;
  timeZone: () => string;
  currency: () => string;
  announce: (message: string) => void;
  failed: (error: unknown) => void;
  errorView: (error: unknown, retry: () => void) => TemplateResult;
  picker: SlotPicker;
  /** Days of open times offered ahead, from now. */
  pickerDays: () => number;
  setZone: (zone: string) => void;
  /** Book again: with the same supporter (back to the times), or with another one. */
  rebook: (same?: Pick<Booking, 'supporterId' | 'lengthMinutes' | 'modality'>) => void;
}

/**
 * What the view needs from the booking's own modules, handed in (by ManageSlot) rather than
 * imported: this file's chunk then imports nothing from the booking's, which stays a plain
 * entry, and no bundler runtime helper has to be split off into a file of its own (QUALITY P1).
 */
export interface ManageKit {
  slotLabel: (slot: Slot, locale: string, timeZone: string) => string;
  horizonEnd: (days: number) => string;
  horizonStart: (slots: readonly Slot[] | undefined) => Date;
  cancelled: (detail: BookingCancelledDetail) => Event;
  rescheduled: (detail: BookingRescheduledDetail) => Event;
}

type Mode = 'view' | 'cancel' | 'reschedule';

/**
 * A booking after it was sent: its status, and cancel, reschedule, add to calendar, or book again.
 * The server decides every outcome; the view shows the server's answer.
 */
export class ManageBooking {
  private id = '';
  private token = '';
  private mode: Mode = 'view';
  private newStart = '';
  private calendarUrl = '';
  private problem = '';

  readonly booking: Task<readonly [ApiClient | undefined, string, string], Booking | undefined>;
  private readonly supporter: Task<
    readonly [ApiClient | undefined, string],
    { id: string; name: string } | undefined
  >;
  private readonly slots: Task<
    readonly [ApiClient | undefined, string, number, Mode, number],
    readonly Slot[] | undefined
  >;
  /** The first day offered (kept with its list, so the calendar is computed once). */
  private slotsFrom = new Date();
  private readonly cancelTask: Task<readonly [], BookingCancellation | undefined>;
  private readonly moveTask: Task<readonly [], Booking | undefined>;
  /** Shown at once after a new booking, instead of a round trip. */
  private known?: Booking | undefined;
  private knownSupporter?: { id: string; name: string } | undefined;

  constructor(
    private readonly host: ManageHost,
    private readonly deps: ManageDeps,
    private readonly kit: ManageKit,
  ) {
    this.booking = new Task(host, {
      args: () => [deps.client(), this.id, this.token] as const,
      task: async ([client, id, token], { signal }) => {
        if (!client || !id || !token) return undefined;
        if (this.known?.id === id) return this.known;
        return client.getBooking(id, token, { signal });
      },
      onError: (error) => deps.failed(error),
    });
    this.supporter = new Task(host, {
      args: () => [deps.client(), this.current?.supporterId ?? ''] as const,
      task: async ([client, id], { signal }) => {
        if (!client || !id) return undefined;
        if (this.knownSupporter?.id === id) return this.knownSupporter;
        return { id, name: (await client.getSupporter(id, { signal })).name };
      },
    });
    this.slots = new Task(host, {
      args: () =>
        [
          deps.client(),
          this.current?.supporterId ?? '',
          this.current?.lengthMinutes ?? 0,
          this.mode,
          deps.pickerDays(),
        ] as const,
      task: async ([client, id, length, mode, days], { signal }) => {
        if (!client || !id || mode !== 'reschedule') return undefined;
        const list = await client.listSlots(
          id,
          { to: kit.horizonEnd(days), lengthMinutes: length as 30 | 50 | 60 },
          { signal },
        );
        this.slotsFrom = kit.horizonStart(list.slots);
        return list.slots;
      },
      onError: (error) => deps.failed(error),
    });
    this.cancelTask = new Task(host, {
      autoRun: false,
      args: () => [] as const,
      task: async () => {
        const client = deps.client();
        if (!client) return undefined;
        const result = await client.cancelBooking(this.id, this.token, {}, this.keyed('cancel'));
        const { status: _status, bookingId: _id, ...cancellation } = result;
        this.known = { ...this.current!, status: 'cancelled', cancellation };
        this.mode = 'view';
        host.dispatchEvent(
          kit.cancelled({
            bookingId: this.id,
            // A late gift session is lost as a fee would be: the host hears that something was lost.
            feeApplies:
              cancellation.outcome === 'fee-due' ||
              cancellation.outcome === 'gift-session-used' ||
              cancellation.feeDue.amount > 0,
          }),
        );
        deps.announce(cancelledText(deps.t(), cancellation, this.money));
        void this.booking.run().then(() => this.focusTitle());
        return cancellation;
      },
      onError: (error) => this.refused(error),
    });
    this.moveTask = new Task(host, {
      autoRun: false,
      args: () => [] as const,
      task: async () => {
        const client = deps.client();
        if (!client || !this.newStart) return undefined;
        const moved = await client.rescheduleBooking(
          this.id,
          this.token,
          { slotStart: this.newStart },
          this.keyed(`move:${this.newStart}`),
        );
        this.known = moved;
        this.mode = 'view';
        this.newStart = '';
        host.dispatchEvent(kit.rescheduled({ bookingId: moved.id, start: moved.start }));
        deps.announce(format(deps.t().moved, { time: this.label(moved) }));
        void this.booking.run().then(() => this.focusTitle());
        return moved;
      },
      onError: (error) => this.refused(error),
    });
  }

  /**
   * One idempotency key per operation on this booking, kept until it succeeds: pressing again
   * after a lost answer replays the first request instead of making a second (R3).
   */
  private readonly keys = new Map<string, string>();
  private keyed(operation: string): { idempotencyKey: string } {
    const name = `${this.id}:${operation}`;
    let key = this.keys.get(name);
    if (!key) this.keys.set(name, (key = newIdempotencyKey()));
    return { idempotencyKey: key };
  }

  /** After its control went away (a move, a cancellation): focus on the view's heading. */
  private async focusTitle(): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('#step-title')?.focus();
  }

  /** Shows this booking (from the link's id and token, or a booking just made). */
  open(id: string, token: string, booking?: Booking, supporterName?: string): void {
    this.known = booking;
    this.knownSupporter =
      booking && supporterName ? { id: booking.supporterId, name: supporterName } : undefined;
    this.id = id;
    this.token = token;
    this.mode = 'view';
    this.problem = '';
    this.host.requestUpdate();
  }

  /**
   * The booking shown: the one just made or changed at once (no round trip, so the heading is
   * there to take focus), else the loaded one; never another booking's while this one loads.
   */
  private get current(): Booking | undefined {
    if (this.known?.id === this.id) return this.known;
    const loaded = this.booking.value;
    return loaded?.id === this.id ? loaded : undefined;
  }

  get active(): boolean {
    return !!(this.id && this.token);
  }

  close(): void {
    this.id = this.token = '';
    this.known = undefined;
    if (this.calendarUrl) revokeIcsUrl(this.calendarUrl);
    this.calendarUrl = '';
  }

  private refused(error: unknown): void {
    const code = isApiError(error) ? error.body?.error.code : undefined;
    this.problem =
      code === 'too-late' ||
      code === 'slot-taken' ||
      code === 'already-cancelled' ||
      code === 'booking-declined'
        ? code
        : 'failed';
    if (code === 'slot-taken') void this.slots.run();
    // The booking changed elsewhere (cancelled in another tab, declined meanwhile): show it as it is.
    if (code === 'already-cancelled' || code === 'booking-declined') {
      this.known = undefined;
      this.mode = 'view';
      void this.booking.run();
    }
    if (this.problem === 'failed') this.deps.failed(error);
    this.deps.announce(this.problemText());
    this.host.requestUpdate();
  }

  private problemText(): string {
    const t = this.deps.t();
    const key = `manage:${this.problem}` as keyof BookingStrings['problems'];
    return t.problems[key] ?? t.problems.unknown;
  }

  private readonly money = (minor: number) =>
    formatMoney(minor, this.deps.currency(), this.deps.locale());

  private label(b: Pick<Booking, 'supporterId' | 'start' | 'end' | 'lengthMinutes'>): string {
    return this.kit.slotLabel(b, this.deps.locale(), this.deps.timeZone());
  }

  render(justRequested: boolean): TemplateResult {
    const d = this.deps;
    const t = d.t();
    const booking = this.current;
    if (this.booking.status === TaskStatus.ERROR && !booking) {
      const error = this.booking.error;
      return isApiError(error) && error.status === 404
        ? html`<div part="error" class="error"><p>${t.bookingNotFound}</p></div>`
        : d.errorView(error, () => void this.booking.run());
    }
    if (!booking) return html`<p class="loading" part="loading">${t.loadingBooking}</p>`;
    const supporter = this.supporter.value ?? this.knownSupporter;
    const name = supporter?.id === booking.supporterId ? supporter.name : t.yourSupporter;
    const free = Date.now() <= Date.parse(booking.freeCancellationUntil);
    const deadline = formatDeadline(booking.freeCancellationUntil, d.locale(), d.timeZone());
    const open = booking.status === 'requested' || booking.status === 'confirmed';
    // The "sent" wording holds while the request waits; once anything happened, its status says it.
    justRequested &&= booking.status === 'requested';
    return html`<div class="manage" part="manage">
      <h3 id="step-title" tabindex="-1">${justRequested ? t.requestedTitle : t.manageTitle}</h3>
      <p class="status" part="status">${statusText(t, booking, name, this.money)}</p>
      <p>${this.label(booking)} · ${t.modalities[booking.modality]}</p>
      ${
        booking.status === 'confirmed'
          ? html`${
                // The video link for a video session; a phone or messaging session has none to show.
                booking.joinUrl && booking.modality === 'video'
                  ? html`<p>
                      <a href=${booking.joinUrl} target="_blank" rel="noopener">${t.joinLink}</a>
                    </p>`
                  : nothing
              }
              <p>
                <a
                  part="calendar"
                  href=${this.calendarFor(booking, name)}
                  download="peer-support-session.ics"
                  >${t.addToCalendar}</a
                >
              </p>`
          : nothing
      }
      ${
        justRequested
          ? html`<ul class="next">
              ${t.nextSteps.map((s) => html`<li>${s}</li>`)}
            </ul>`
          : nothing
      }
      ${this.problem ? html`<p class="field-error" part="field-error">${this.problemText()}</p>` : nothing}
      ${open ? this.renderActions(booking, free, deadline) : this.renderRebook(booking, name)}
      ${
        justRequested || !open
          ? html`<button type="button" class="secondary" @click=${() => d.rebook()}>
              ${t.bookAnother}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderActions(booking: Booking, free: boolean, deadline: string): TemplateResult {
    const t = this.deps.t();
    if (this.mode === 'cancel') {
      return html`<div class="confirm" part="confirm-cancel">
        <p>${cancelTerms(t, booking, free, deadline, this.money)}</p>
        <button
          type="button"
          class="primary"
          ?disabled=${this.cancelTask.status === TaskStatus.PENDING}
          @click=${() => void this.cancelTask.run()}
        >
          ${t.cancelConfirm}
        </button>
        <button type="button" class="secondary" @click=${() => this.setMode('view')}>
          ${t.keepSession}
        </button>
      </div>`;
    }
    if (this.mode === 'reschedule') return this.renderReschedule(booking);
    return html`<p class="muted">${windowText(t, booking, free, deadline)}</p>
      <div class="actions">
        ${
          free
            ? html`<button
                type="button"
                class="secondary"
                @click=${() => this.setMode('reschedule')}
              >
                ${t.reschedule}
              </button>`
            : nothing
        }
        <button type="button" class="secondary" @click=${() => this.setMode('cancel')}>
          ${t.cancel}
        </button>
      </div>`;
  }

  private renderReschedule(booking: Booking): TemplateResult {
    const d = this.deps;
    const t = d.t();
    const slots = this.slots.value?.filter((s) => s.start !== booking.start);
    const chosen = slots?.find((s) => s.start === this.newStart);
    return html`<div class="reschedule" part="reschedule">
      <h4 tabindex="-1">${t.rescheduleTitle}</h4>
      ${
        this.slots.status === TaskStatus.ERROR
          ? d.errorView(this.slots.error, () => void this.slots.run())
          : slots
            ? d.picker.render({
                slots,
                from: this.slotsFrom,
                days: d.pickerDays(),
                timeZone: d.timeZone(),
                locale: d.locale(),
                // Under this view's h4.
                headingLevel: 5,
                ...(this.newStart ? { selected: this.newStart } : {}),
                strings: t.picker,
                onSelect: (slot) => {
                  this.newStart = slot.start;
                  this.problem = '';
                  this.host.requestUpdate();
                },
                onTimeZone: d.setZone,
              })
            : html`<p class="loading">${t.loadingTimes}</p>`
      }
      <button
        type="button"
        class="primary"
        ?disabled=${!chosen || this.moveTask.status === TaskStatus.PENDING}
        @click=${() => void this.moveTask.run()}
      >
        ${chosen ? format(t.moveTo, { time: this.label(chosen) }) : t.moveChoose}
      </button>
      <button type="button" class="secondary" @click=${() => this.setMode('view')}>
        ${t.keepTime}
      </button>
    </div>`;
  }

  private renderRebook(booking: Booking, name: string): TemplateResult | typeof nothing {
    const t = this.deps.t();
    const bySupporter = booking.status === 'declined' || booking.cancellation?.by === 'supporter';
    return bySupporter
      ? html`<button type="button" class="primary" @click=${() => this.deps.rebook(booking)}>
          ${format(t.rebookSame, { name })}
        </button>`
      : nothing;
  }

  private setMode(mode: Mode): void {
    this.mode = mode;
    this.problem = '';
    this.host.requestUpdate();
    void this.host.updateComplete.then(() =>
      this.host.renderRoot
        .querySelector<HTMLElement>(
          '[part=confirm-cancel] button, [part=reschedule] h4, .actions button',
        )
        ?.focus(),
    );
  }

  private calendarFor(booking: Booking, name: string): string {
    if (this.calendarUrl) revokeIcsUrl(this.calendarUrl);
    const t = this.deps.t();
    this.calendarUrl = icsFileUrl(
      icsEvent({
        uid: `${booking.id}@peer-support-widgets`,
        start: booking.start,
        end: booking.end,
        summary: format(t.calendarTitle, { name }),
        description: t.calendarDescription,
        ...(booking.joinUrl ? { url: booking.joinUrl, location: booking.joinUrl } : {}),
      }),
    );
    return this.calendarUrl;
  }
}
