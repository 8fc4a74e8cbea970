import type { ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { newIdempotencyKey, type ApiClient } from '../../api/client.js';
import type { GiftCardPurchase as GiftPurchase } from '../../api/gift-card-schemas.js';
import { isApiError } from '../../api/errors.js';
import { fieldOf, type GiftPurchaseRequest, type Problems } from './gift-card-flow.js';

export type { GiftCardPurchase as GiftPurchase } from '../../api/gift-card-schemas.js';

export interface GiftSubmitDeps {
  client: () => ApiClient | undefined;
  request: () => GiftPurchaseRequest | undefined;
  done: (purchase: GiftPurchase) => void;
  /** Offline, a timeout, a 5xx or an unreadable answer: nothing was lost. */
  failed: (error: unknown) => void;
  /**
   * The API refused fields of the draft (422), or the client refused to send it (a request the
   * contract does not accept): by draft field, which may name no field on the form.
   */
  refused: (problems: Problems) => void;
  /** The server had already seen this key with another request: a new key is ready. */
  keyReused: () => void;
}

/** Field codes the form has words for; any other is `invalid`. */
const KNOWN = new Set(['out_of_range', 'in_past', 'not_offered']);

/**
 * Sending the purchase (STYLE: a Task with `autoRun: false`): one request in flight at a time, one
 * Idempotency-Key per draft, reused on "Send gift" again after a failure, so a double click, ten
 * quick presses or a retry make one card (QUALITY R3).
 */
export class GiftSubmit {
  private readonly task: Task<readonly [], GiftPurchase | undefined>;
  private key?: { body: string; key: string };

  constructor(
    host: ReactiveControllerHost,
    private readonly deps: GiftSubmitDeps,
  ) {
    this.task = new Task(host, {
      autoRun: false,
      args: () => [] as const,
      task: async () => {
        const client = deps.client();
        const request = deps.request();
        if (!client || !request) return undefined;
        return client.purchaseGiftCard(request, { idempotencyKey: this.keyFor(request) });
      },
      onComplete: (purchase) => purchase && deps.done(purchase),
      onError: (error) => this.refused(error),
    });
  }

  get sending(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** One key per draft: the same request keeps it, a changed one gets a new one. */
  private keyFor(request: GiftPurchaseRequest): string {
    const body = JSON.stringify(request);
    if (this.key?.body !== body) this.key = { body, key: newIdempotencyKey() };
    return this.key.key;
  }

  send(): boolean {
    if (this.sending) return false;
    void this.task.run();
    return true;
  }

  private refused(error: unknown): void {
    // The client refused the request before sending it (nothing was posted): by field, as a 422.
    if (isApiError(error) && error.kind === 'validation' && error.status === undefined) {
      const problems: Problems = {};
      for (const { path } of error.issues ?? []) {
        const field = fieldOf(path);
        problems[field] ??= field === 'sessions' ? 'out_of_range' : 'invalid';
      }
      if (Object.keys(problems).length) return this.deps.refused(problems);
    }
    const body = isApiError(error) && error.kind === 'http' ? error.body : undefined;
    if (body?.error.code === 'idempotency-key-reused') {
      this.key = undefined;
      return this.deps.keyReused();
    }
    const fieldErrors = body?.error.fieldErrors ?? [];
    if (isApiError(error) && error.status === 422 && fieldErrors.length) {
      const problems: Problems = {};
      for (const { field, code } of fieldErrors)
        problems[fieldOf(field)] ??= KNOWN.has(code) ? code : 'invalid';
      return this.deps.refused(problems);
    }
    this.deps.failed(error);
  }
}
