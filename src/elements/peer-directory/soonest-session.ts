import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { Task } from '@lit/task';
import type { Slot } from '../../api/schemas.js';
import type { SupporterSelection } from '../../events.js';
import { format } from '../../i18n/locale.js';
import type { DirectoryStrings } from '../../i18n/types.js';
import { formatSlot } from '../../internal/format.js';

/** The soonest open session found, and the name of its supporter. */
export interface Found {
  name: string;
  slot: Slot;
}

/**
 * "Find the soonest session": one search at a time (a new one, or `abort()` when the filters or
 * the selection change, drops the one on its way), and a line saying what it found for as long as
 * that is the selection.
 */
export class SoonestSession {
  private readonly task: Task<readonly [], Found | null | undefined>;

  constructor(
    host: ReactiveControllerHost,
    find: (signal: AbortSignal) => Promise<Found | null | undefined>,
    failed: (error: unknown) => void,
  ) {
    this.task = new Task(host, {
      autoRun: false,
      args: () => [] as const,
      task: (_, { signal }) => find(signal),
      onError: failed,
    });
  }

  readonly run = (): void => void this.task.run();

  abort(): void {
    this.task.abort();
  }

  render(
    t: DirectoryStrings,
    locale: string,
    selection: SupporterSelection | undefined,
  ): TemplateResult | typeof nothing {
    const found = this.task.value;
    if (
      !found ||
      selection?.supporterId !== found.slot.supporterId ||
      selection.slotStart !== found.slot.start
    ) {
      return nothing;
    }
    const time = formatSlot(found.slot.start, locale);
    return html`<p class="selection">${format(t.nextFound, { name: found.name, time })}</p>`;
  }
}
