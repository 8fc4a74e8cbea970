import type { ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { DEFAULT_TIMEOUT_MS, type ApiClient } from '../api/client.js';
import type { Program } from '../api/schemas.js';

/**
 * The partner's program (service area, session lengths, pricing) for an element that loads data:
 * the provider's when it has one, else loaded with the element's client. What depends on it waits
 * at most half the client's deadline (`within`): past that, or when it failed, the element goes on
 * without it rather than fail with it (QUALITY R1), and `late` is called when it comes after all.
 */
export class ProgramLoader {
  readonly task: Task<readonly [ApiClient | undefined, Program | undefined], Program | undefined>;
  /** Someone went on without the program: tell them when it comes. */
  private missed = false;

  constructor(
    host: ReactiveControllerHost,
    args: () => readonly [client: ApiClient | undefined, provided: Program | undefined],
    late: () => void,
    /** Told of a failed load, once per failure (an element that shows it says and reports it). */
    failed?: (error: unknown) => void,
  ) {
    this.task = new Task(host, {
      args,
      task: ([client, provided], { signal }) => provided ?? client?.getProgram({ signal }),
      onComplete: (program) => {
        if (program && this.missed) late();
        this.missed = false;
      },
      ...(failed ? { onError: failed } : {}),
    });
  }

  get value(): Program | undefined {
    return this.task.value;
  }

  /** The program, or undefined when it failed or is later than half the client's deadline. */
  async within(client: ApiClient): Promise<Program | undefined> {
    const wait = (client.deadlineMs ?? DEFAULT_TIMEOUT_MS) / 2;
    let timer = 0;
    const late = new Promise<undefined>((resolve) => (timer = window.setTimeout(resolve, wait)));
    try {
      const program = await Promise.race([this.task.taskComplete.catch(() => undefined), late]);
      this.missed ||= !program;
      return program;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Loads it again if it failed ("Try again" tries everything that failed). */
  retry(): void {
    if (this.task.status === TaskStatus.ERROR) void this.task.run();
  }
}
