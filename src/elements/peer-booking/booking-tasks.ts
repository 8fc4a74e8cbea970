import type { ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { newIdempotencyKey, type ApiClient } from '../../api/client.js';
import type { BookingRequest } from '../../api/booking-schemas.js';
import type { SessionLength, Slot, SupporterProfile, SupporterSummary } from '../../api/schemas.js';
import { isApiError } from '../../api/errors.js';
import { acceptedPaymentKinds } from '../../api/booking-rules.js';
import { normalizeCode, type BookingDraft, type GiftCheck } from './booking-draft.js';
import type { FlowContext } from './booking-flow.js';
import type { ProvidedGift } from '../../config/context.js';

export interface BookingTaskDeps {
  client: () => ApiClient | undefined;
  draft: () => BookingDraft;
  flow: () => FlowContext | undefined;
  needsChooser: () => boolean;
  /** Days of open times asked for, from now. */
  horizonDays: () => number;
  /** The provider's gift code and its check, asked once for every element inside it. */
  provided: () => ProvidedGift | undefined;
  failed: (error: unknown) => void;
}

const DAY_MS = 86_400_000;

/** The end of a horizon of `days` from now, ISO 8601. */
export const horizonEnd = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

/**
 * The first day of the time step: today; but if the server's clock is behind this one (its open
 * times would all be past here), its first open time's day, so that the days shown are the ones
 * it offers.
 */
export function horizonStart(slots: readonly Slot[] | undefined): Date {
  const first = slots?.[0] ? Date.parse(slots[0].start) : NaN;
  return first < Date.now() ? new Date(first) : new Date();
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
    readonly [ApiClient | undefined, string, SessionLength | undefined, number],
    Slot[] | undefined
  >;
  /** The time step's first day (kept with its list, so the calendar is computed once). */
  slotsFrom = new Date();
  readonly gift: Task<readonly [string], GiftCheck | undefined>;
  private key?: { body: string; key: string };
  /** The provider's check already used: a later check (a retry, a rebooking) asks anew. */
  private usedCheck?: ProvidedGift;

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
      args: () =>
        [deps.client(), deps.draft().supporterId, this.slotLength(), deps.horizonDays()] as const,
      task: async ([client, id, lengthMinutes, days], { signal }) => {
        if (!client || !id || !lengthMinutes) return undefined;
        // The whole horizon the step shows (the API's default is shorter): a day shown empty
        // must be a day with nothing open. From the server's now (its default).
        const to = horizonEnd(days);
        const list = await client.listSlots(id, { to, lengthMinutes }, { signal });
        this.slotsFrom = horizonStart(list.slots);
        this.slotsOf = `${id}:${lengthMinutes}`;
        return list.slots;
      },
      onError: (error) => deps.failed(error),
    });
    this.gift = new Task(host, {
      autoRun: false,
      args: () => [normalizeCode(deps.draft().giftCode)] as const,
      task: async ([code], { signal }) => {
        const client = deps.client();
        const program = deps.flow()?.program;
        // A program that takes no gift cards is not asked about a code (from a link, say).
        if (!client || !code || (program && !acceptedPaymentKinds(program).includes('gift-card')))
          return undefined;
        try {
          const provided = deps.provided();
          const fresh = provided?.code === code && provided !== this.usedCheck;
          if (fresh) this.usedCheck = provided;
          const balance = await (fresh ? provided.check : client.getGiftCard(code, { signal }));
          // Whether its length fits this booking is the flow's to say (flowContext).
          const problem =
            balance.status === 'pending' || balance.status === 'expired'
              ? balance.status
              : balance.status === 'used' || balance.sessionsRemaining === 0
                ? 'used'
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

  /** The length to ask open times for: one the supporter (once known) offers. */
  private slotLength(): SessionLength | undefined {
    const length = this.deps.draft().lengthMinutes;
    const flow = this.deps.flow();
    return length && this.supporterSettled && flow?.lengths.includes(length) ? length : undefined;
  }

  /** Whose open times `slots` holds (supporter and length). */
  private slotsOf = '';

  /**
   * The open times of the chosen supporter and length: never another length's or supporter's
   * while the new list loads (a start from another list would be refused).
   */
  currentSlots(): Slot[] | undefined {
    const key = `${this.deps.draft().supporterId}:${this.slotLength()}`;
    return this.slotsOf === key ? this.slots.value : undefined;
  }

  /** The chosen supporter's profile: never the previous supporter's while the new one loads. */
  profile(): SupporterProfile | undefined {
    const profile = this.supporter.value;
    return profile && profile.id === this.deps.draft().supporterId ? profile : undefined;
  }

  /** Whether the steps can be known: no supporter yet, or theirs loaded (or failed to). */
  get supporterSettled(): boolean {
    return (
      !this.deps.draft().supporterId ||
      !!this.profile() ||
      this.supporter.status === TaskStatus.ERROR
    );
  }

  /** Waits for the chosen supporter's profile (the steps after the chooser depend on it). */
  async supporterLoaded(): Promise<void> {
    await this.supporter.taskComplete.catch(() => undefined);
  }

  /** "Try again" after a failed load: everything that failed loads again. */
  retryFailed(): void {
    for (const task of [this.supporter, this.supporters, this.slots]) {
      if (task.status === TaskStatus.ERROR) void task.run();
    }
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
    if (this.key?.body !== body) this.key = { body, key: newIdempotencyKey() };
    return this.key.key;
  }

  forgetKey(): void {
    this.key = undefined;
  }
}
