import type { ReactiveControllerHost } from 'lit';
import { Task } from '@lit/task';
import type { ApiClient } from '../../api/client.js';
import type { BookingRequest } from '../../api/booking-schemas.js';
import type { SessionLength, Slot, SupporterProfile, SupporterSummary } from '../../api/schemas.js';
import { isApiError } from '../../api/errors.js';
import { normalizeCode, type BookingDraft, type GiftCheck } from './booking-draft.js';
import type { FlowContext } from './booking-flow.js';
import { slotLabel } from './slot-calendar.js';

export interface BookingTaskDeps {
  client: () => ApiClient | undefined;
  draft: () => BookingDraft;
  flow: () => FlowContext | undefined;
  needsChooser: () => boolean;
  failed: (error: unknown) => void;
}

/** How many supporters the element's own chooser offers. */
const CHOOSER_SIZE = 12;

/**
 * What the booking flow loads: the supporter, the chooser's list, the open times, a gift code's
 * balance; and the one idempotency key of the request being sent (R3).
 */
export class BookingTasks {
  readonly supporter: Task<readonly [ApiClient | undefined, string], SupporterProfile | undefined>;
  readonly supporters: Task<
    readonly [ApiClient | undefined, boolean],
    SupporterSummary[] | undefined
  >;
  readonly slots: Task<
    readonly [ApiClient | undefined, string, SessionLength | undefined],
    Slot[] | undefined
  >;
  readonly gift: Task<readonly [string], GiftCheck | undefined>;
  private key?: { body: string; key: string };

  constructor(
    host: ReactiveControllerHost,
    private readonly deps: BookingTaskDeps,
  ) {
    this.supporter = new Task(host, {
      args: () => [deps.client(), deps.draft().supporterId] as const,
      task: ([client, id], { signal }) =>
        client && id ? client.getSupporter(id, { signal }) : undefined,
      onError: (error) => deps.failed(error),
    });
    this.supporters = new Task(host, {
      args: () => [deps.client(), deps.needsChooser()] as const,
      task: async ([client, needed], { signal }) => {
        if (!client || !needed) return undefined;
        const page = await client.listSupporters({ limit: CHOOSER_SIZE }, { signal });
        return page.items;
      },
      onError: (error) => deps.failed(error),
    });
    this.slots = new Task(host, {
      args: () => [deps.client(), deps.draft().supporterId, deps.draft().lengthMinutes] as const,
      task: async ([client, id, lengthMinutes], { signal }) => {
        if (!client || !id || !lengthMinutes) return undefined;
        const list = await client.listSlots(id, { lengthMinutes }, { signal });
        return list.slots;
      },
      onError: (error) => deps.failed(error),
    });
    this.gift = new Task(host, {
      autoRun: false,
      args: () => [normalizeCode(deps.draft().giftCode)] as const,
      task: async ([code], { signal }) => {
        const client = deps.client();
        if (!client || !code) return undefined;
        try {
          const balance = await client.getGiftCard(code, { signal });
          const lengths = deps.flow()?.program.sessionLengths;
          const problem =
            balance.status === 'expired'
              ? 'expired'
              : balance.status === 'used' || balance.sessionsRemaining === 0
                ? 'used'
                : lengths && !lengths.includes(balance.lengthMinutes)
                  ? 'wrong-length'
                  : undefined;
          return { code, balance, ...(problem ? { problem } : {}) } satisfies GiftCheck;
        } catch (error) {
          if (isApiError(error) && error.status === 404) return { code, problem: 'unknown' };
          throw error;
        }
      },
      onError: (error) => deps.failed(error),
    });
  }

  /** Checks a gift code (the one typed now). */
  async checkGift(code: string): Promise<GiftCheck | undefined> {
    if (!code) return undefined;
    await this.gift.run([code]).catch(() => undefined);
    return this.gift.value?.code === code ? this.gift.value : undefined;
  }

  giftChecked(typed: string): boolean {
    return this.gift.value?.code === normalizeCode(typed);
  }

  async reloadSlots(): Promise<Slot[] | undefined> {
    try {
      await this.slots.run();
      return this.slots.value;
    } catch {
      return undefined;
    }
  }

  /**
   * The idempotency key for this request: the same as last time for the same request (a retry, a
   * double click), a new one once anything in it changed.
   */
  keyFor(request: BookingRequest): string {
    const body = JSON.stringify(request);
    if (this.key?.body !== body) this.key = { body, key: crypto.randomUUID() };
    return this.key.key;
  }

  forgetKey(): void {
    this.key = undefined;
  }

  slotText(slot: Slot, locale: string, timeZone: string): string {
    return slotLabel(slot, locale, timeZone);
  }
}
