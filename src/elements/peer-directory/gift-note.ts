import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { ProvidedGift } from '../../config/context.js';
import type { GiftCardBalance } from '../../api/gift-card-schemas.js';
import type { Program } from '../../api/schemas.js';
import { isApiError } from '../../api/errors.js';
import { format } from '../../i18n/locale.js';
import type { Locale } from '../../i18n/types.js';

/**
 * The note's words in every language: the module is fetched only on a page given a gift code (a
 * recipient's link), so it carries them all and the directory's own strings stay lighter (P1).
 */
const words = {
  en: {
    checking: 'Checking your gift card…',
    one: 'Your gift: 1 session, booked free with any supporter.',
    many: 'Your gift: {n} sessions, booked free with any supporter.',
    oneOfLength: 'Your gift: 1 session of {minutes} minutes, booked free with any supporter.',
    manyOfLength: 'Your gift: {n} sessions of {minutes} minutes, booked free with any supporter.',
    used: 'Your gift card has no sessions left: sessions are booked at the normal price.',
    pending: 'Your gift card is not active yet: it works once it has been paid and delivered.',
    expired: 'Your gift card has expired: sessions are booked at the normal price.',
    unknown: 'We could not find the gift code from your link. Check the link in your email.',
    failed:
      'We could not check your gift card just now. The booking form checks it again when you book.',
  },
  es: {
    checking: 'Verificando tu tarjeta de regalo…',
    one: 'Tu regalo: 1 sesión, gratis con cualquier compañero de apoyo.',
    many: 'Tu regalo: {n} sesiones, gratis con cualquier compañero de apoyo.',
    oneOfLength:
      'Tu regalo: 1 sesión de {minutes} minutos, gratis con cualquier compañero de apoyo.',
    manyOfLength:
      'Tu regalo: {n} sesiones de {minutes} minutos, gratis con cualquier compañero de apoyo.',
    used: 'A tu tarjeta de regalo no le quedan sesiones: las sesiones tienen el precio normal.',
    pending:
      'Tu tarjeta de regalo todavía no está activa: funcionará cuando se haya pagado y entregado.',
    expired: 'Tu tarjeta de regalo venció: las sesiones tienen el precio normal.',
    unknown:
      'No encontramos el código de regalo de tu enlace. Revisa el enlace de tu correo electrónico.',
    failed:
      'No pudimos verificar tu tarjeta de regalo en este momento. El formulario de reserva la verifica otra vez cuando reserves.',
  },
} satisfies Record<Locale, Record<string, string>>;

/**
 * What a gift code kept by the provider (from the recipient's link) covers: "Your gift: 3
 * sessions, booked free with any supporter", or why it cannot be used. The provider asks the API
 * once for every element inside it; this awaits that answer.
 */
export class GiftNote {
  private readonly task: Task<readonly [ProvidedGift | undefined], GiftCardBalance | undefined>;

  constructor(
    host: ReactiveControllerHost,
    private readonly gift: () => ProvidedGift | undefined,
  ) {
    this.task = new Task(host, {
      args: () => [gift()] as const,
      task: ([provided]) => provided?.check,
    });
  }

  /** Nothing without a gift, or where the program takes no gift cards. */
  render(locale: Locale, program: Program | undefined): TemplateResult | typeof nothing {
    const { status, value, error } = this.task;
    if (!this.gift() || !program?.giftCards.enabled || program.pricing.model === 'free') {
      return nothing;
    }
    const t = words[locale];
    let text = t.checking;
    if (status === TaskStatus.ERROR) {
      text = isApiError(error) && error.status === 404 ? t.unknown : t.failed;
    } else if (status === TaskStatus.COMPLETE && value) {
      const left = value.sessionsRemaining;
      const length = value.lengthMinutes;
      text =
        value.status !== 'active'
          ? t[value.status]
          : left === 0
            ? t.used
            : format(
                length
                  ? left === 1
                    ? t.oneOfLength
                    : t.manyOfLength
                  : left === 1
                    ? t.one
                    : t.many,
                { n: left, minutes: length ?? 0 },
              );
    }
    return html`<p class="gift-note">${text}</p>`;
  }
}
