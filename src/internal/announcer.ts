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
  /** What the region says: a function of the strings, so it follows a language that comes later. */
  private message: () => string = () => '';
  private turn = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /**
   * Says `message`. Give a function of the element's strings (`() => this.count(n)`) for words
   * that must follow the language: Spanish arriving after the results re-words the region.
   */
  announce(message: string | (() => string)): void {
    const turn = ++this.turn;
    const next = typeof message === 'string' ? () => message : message;
    if (next() !== this.message()) return this.say(next);
    // The same words again (a retry that failed again): empty the region first, or it stays
    // silent, and say them once that has rendered, unless something newer came meanwhile.
    this.say(() => '');
    void this.host.updateComplete.then(() => turn === this.turn && this.say(next));
  }

  hostDisconnected(): void {
    // A repeat still waiting is not said into a region that is gone.
    this.turn++;
  }

  private say(message: () => string): void {
    this.message = message;
    this.host.requestUpdate();
  }

  render(): TemplateResult {
    return html`<p role="status" class="vh">${this.message()}</p>`;
  }
}
