import {
  html,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';

/**
 * The element's one live region (QUALITY A4): loading, results, errors and confirmations are all
 * said here. The element renders `render()` once, always (a region added with its text is often
 * not read), and says things with `announce()`.
 */
export class Announcer implements ReactiveController {
  private message = '';
  private turn = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  announce(message: string): void {
    const turn = ++this.turn;
    if (message !== this.message) return this.say(message);
    // The same words again (a retry that failed again): empty the region first, or it stays
    // silent, and say them once that has rendered, unless something newer came meanwhile.
    this.say('');
    void this.host.updateComplete.then(() => turn === this.turn && this.say(message));
  }

  hostDisconnected(): void {
    // A repeat still waiting is not said into a region that is gone.
    this.turn++;
  }

  private say(message: string): void {
    this.message = message;
    this.host.requestUpdate();
  }

  render(): TemplateResult {
    return html`<p role="status" class="vh">${this.message}</p>`;
  }
}
