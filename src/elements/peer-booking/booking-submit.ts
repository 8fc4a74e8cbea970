import type { ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { ApiClient } from '../../api/client.js';
import type { BookingRequest, CreatedBooking } from '../../api/booking-schemas.js';
import type { Problems } from './booking-draft.js';
import { refusalOf, settleRefusal } from './booking-errors.js';
import type { BookingTasks } from './booking-tasks.js';

export interface SubmitDeps {
  client: () => ApiClient | undefined;
  /** The request for the draft as it is now; undefined before the program is known. */
  request: () => BookingRequest | undefined;
  tasks: BookingTasks;
  /** The time the request asked for (a taken one is replaced by the next open one). */
  slotStart: () => string;
  created: (created: CreatedBooking) => void;
  /** Not a refusal: offline, a timeout, a 5xx or an unreadable answer. Nothing was lost. */
  failed: (error: unknown) => void;
  /** The API refused: problems by field, maybe the next open time, maybe a general reason. */
  refused: (settled: { problems: Problems; slotStart?: string }, general?: string) => void;
}

/**
 * Sending the booking request (STYLE: a Task with `autoRun: false`): one request in flight at a
 * time, one idempotency key per request, reused on "Send" again after a failure, so that a double
 * click, ten quick presses or a retry book once (QUALITY R3). A refusal is settled before the
 * element shows it: a taken time reloads the open times and selects the next one (R4).
 */
export class BookingSubmit {
  private readonly task: Task<readonly [], CreatedBooking | undefined>;

  constructor(
    host: ReactiveControllerHost,
    private readonly deps: SubmitDeps,
  ) {
    this.task = new Task(host, {
      autoRun: false,
      args: () => [] as const,
      task: async () => {
        const client = deps.client();
        const request = deps.request();
        if (!client || !request) return undefined;
        return client.createBooking(request, { idempotencyKey: deps.tasks.keyFor(request) });
      },
      onComplete: (created) => created && deps.created(created),
      onError: (error) => void this.refused(error),
    });
  }

  get sending(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** Sends the request, unless one is in flight (then the press adds nothing). */
  send(): boolean {
    if (this.sending) return false;
    void this.task.run();
    return true;
  }

  private async refused(error: unknown): Promise<void> {
    const refusal = refusalOf(error);
    if (!refusal) return this.deps.failed(error);
    if (refusal.newKey) this.deps.tasks.forgetKey();
    const settled = await settleRefusal(refusal, this.deps.slotStart(), () =>
      this.deps.tasks.reloadSlots(),
    );
    this.deps.refused(settled, refusal.general);
  }
}
