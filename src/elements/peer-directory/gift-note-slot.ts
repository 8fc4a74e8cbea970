import { nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ProvidedGift } from '../../config/context.js';
import type { Program } from '../../api/schemas.js';
import type { Locale } from '../../i18n/types.js';
import type { GiftNote } from './gift-note.js';

/**
 * Where the directory says what a gift from the provider covers. The note's file is fetched the
 * first time the provider holds a gift (a recipient's link), never on other pages (QUALITY P1).
 * Offline, say, there is no note; the booking still checks and applies the gift.
 */
export class GiftNoteSlot implements ReactiveController {
  private note?: GiftNote;
  private loading = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly gift: () => ProvidedGift | undefined,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    if (this.loading || !this.gift()) return;
    this.loading = true;
    import('./gift-note.js').then(
      ({ GiftNote }) => {
        this.note = new GiftNote(this.host, this.gift);
        this.host.requestUpdate();
      },
      () => undefined,
    );
  }

  render(locale: Locale, program: Program | undefined) {
    return this.note?.render(locale, program) ?? nothing;
  }
}
