/**
 * The DOM events the elements fire. Each bubbles and is composed, so a host page can listen on
 * the element or any ancestor. Payloads never carry personal data (no names, emails, ages, states).
 */
import type { ApiErrorKind } from './api/errors.js';

export interface PeerErrorDetail {
  /**
   * What went wrong:
   * - an API error kind: `network` (the API could not be reached), `timeout`, `http` (an error
   *   status), `validation` (a request or response outside the contract);
   * - `config`: unusable configuration, such as a refused `api-base`;
   * - `internal`: a bug or an unexpected failure in the widget itself, not the network;
   * - `load`: an element's script chunk failed to load (the loader fires it on the element;
   *   `tag` says which element).
   */
  kind: ApiErrorKind | 'config' | 'internal' | 'load';
  /** Operation that failed, e.g. `getProgram`, when the error came from the API. */
  endpoint?: string;
  /** HTTP status, when there was a response. */
  status?: number;
  /** Tag name of the element whose script failed to load (kind `load`), e.g. `peer-directory`. */
  tag?: string;
  /** Developer-facing explanation, in English. Never includes personal data. */
  message: string;
}

/**
 * The base of every event the elements fire: bubbles and is composed (a host page hears it on the
 * element or any ancestor, through shadow roots), with a typed `detail`. "About to happen" events
 * are cancelable.
 */
export class PeerEvent<T> extends Event {
  readonly detail: T;

  constructor(type: string, detail: T, cancelable = false) {
    super(type, { bubbles: true, composed: true, cancelable });
    this.detail = detail;
  }
}

/**
 * Something failed that the element shows as an error state (or, for the provider, that leaves
 * the elements without a program). For logging and monitoring; the element already tells the user.
 */
export class PeerErrorEvent extends PeerEvent<PeerErrorDetail> {
  static readonly eventName = 'peer-error';

  constructor(detail: PeerErrorDetail) {
    super(PeerErrorEvent.eventName, detail);
  }
}

/** What a seeker chose: a supporter, and a session start when they picked one. */
export interface SupporterSelection {
  /** Opaque supporter id from the API. */
  supporterId: string;
  /** ISO 8601 start of the chosen slot, with offset; absent when only the supporter was chosen. */
  slotStart?: string;
  /**
   * Minutes of the chosen session (a `SessionLength`): the length its start was offered for, since
   * a start open for 30 minutes may not be open for 60. Given with `slotStart`.
   */
  lengthMinutes?: 30 | 50 | 60;
}

/**
 * The seeker chose a supporter (and maybe a session). A `<peer-support-provider>` keeps the latest
 * selection in its context, so a booking element inside it picks it up; without a provider, a
 * host listens for this event and passes the selection on.
 */
export class PeerSupporterSelectedEvent extends PeerEvent<SupporterSelection> {
  static readonly eventName = 'peer-supporter-selected';

  constructor(detail: SupporterSelection) {
    super(PeerSupporterSelectedEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'peer-error': PeerErrorEvent;
    'peer-supporter-selected': PeerSupporterSelectedEvent;
  }
}
