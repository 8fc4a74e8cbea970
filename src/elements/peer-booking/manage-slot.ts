import { html, type TemplateResult } from 'lit';
import type { ManageBooking, ManageDeps, ManageHost, ManageKit } from './manage-booking.js';
import { PeerBookingCancelledEvent, PeerBookingRescheduledEvent } from './booking-events.js';
import { horizonEnd, horizonStart } from './booking-tasks.js';
import { slotLabel } from './slot-calendar.js';

const kit: ManageKit = {
  slotLabel,
  horizonEnd,
  horizonStart,
  cancelled: (detail) => new PeerBookingCancelledEvent(detail),
  rescheduled: (detail) => new PeerBookingRescheduledEvent(detail),
};

type OpenArgs = Parameters<ManageBooking['open']>;

/**
 * The manage view, imported the first time it is needed (after a request, or for a booking link):
 * a seeker browsing times never downloads it (QUALITY P1). Until it is there, a loading line; if it
 * cannot load (offline), the error state with a retry.
 */
export class ManageSlot {
  private view?: ManageBooking;
  private opened?: OpenArgs | undefined;
  private loading?: Promise<void> | undefined;
  private error: unknown;

  constructor(
    private readonly host: ManageHost,
    private readonly deps: ManageDeps,
  ) {}

  get active(): boolean {
    return !!this.opened;
  }

  open(...args: OpenArgs): void {
    this.opened = args;
    if (this.view) this.view.open(...args);
    else this.load();
    this.host.requestUpdate();
  }

  /** Focuses the view's heading once it is on screen (the view may still be on its way). */
  async focusTitle(): Promise<void> {
    await this.loading;
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('#step-title')?.focus();
  }

  close(): void {
    this.opened = undefined;
    this.view?.close();
  }

  private load(): void {
    this.error = undefined;
    this.loading ??= import('./manage-booking.js').then(
      ({ ManageBooking }) => {
        this.view = new ManageBooking(this.host, this.deps, kit);
        if (this.opened) this.view.open(...this.opened);
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.loading = undefined;
        this.error = error;
        this.deps.failed(error);
        this.host.requestUpdate();
      },
    );
  }

  render(justRequested: boolean): TemplateResult {
    if (this.view) return this.view.render(justRequested);
    if (this.error) return this.deps.errorView(this.error, () => this.load());
    return html`<p class="loading" part="loading">${this.deps.t().loadingBooking}</p>`;
  }
}
