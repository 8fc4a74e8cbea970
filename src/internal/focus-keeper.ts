import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost &
  HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * When the control a person used goes away with the update it caused ("Show more", "Clear
 * filters", "Try again"), focus moves to what replaced it (`targets`, the first that exists) once
 * the element is `ready`, instead of falling to the page's body (A2). Never takes focus from
 * anywhere else.
 */
export class FocusKeeper implements ReactiveController {
  private pending = false;

  constructor(
    private readonly host: Host,
    private readonly ready: () => boolean,
    private readonly targets: string,
  ) {
    host.addController(this);
  }

  /** Called by the handler whose control may go away. */
  keep(): void {
    this.pending = true;
  }

  hostUpdated(): void {
    if (!this.pending || !this.ready()) return;
    this.pending = false;
    // Only when focus was lost with the control that had it.
    if (this.host.shadowRoot?.activeElement || document.activeElement !== document.body) return;
    this.host.renderRoot.querySelector<HTMLElement>(this.targets)?.focus();
  }
}
