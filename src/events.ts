/**
 * The DOM events the elements fire. Each bubbles and is composed, so a host page can listen on
 * the element or any ancestor. Payloads never carry personal data (no names, emails, ages, states).
 */
import { isApiError, type ApiErrorKind } from './api/errors.js';

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
 * Something failed that the element shows as an error state (or, for the provider, that leaves
 * the elements without a program). For logging and monitoring; the element already tells the user.
 */
export class PeerErrorEvent extends Event {
  static readonly eventName = 'peer-error';
  readonly detail: PeerErrorDetail;

  constructor(detail: PeerErrorDetail) {
    super(PeerErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** What a seeker chose: a supporter, and a session start when they picked one. */
export interface SupporterSelection {
  /** Opaque supporter id from the API. */
  supporterId: string;
  /** ISO 8601 start of the chosen slot, with offset; absent when only the supporter was chosen. */
  slotStart?: string;
}

/**
 * The seeker chose a supporter (and maybe a session). A `<peer-support-provider>` keeps the latest
 * selection in its context, so a booking element inside it picks it up; without a provider, a
 * host listens for this event and passes the selection on.
 */
export class PeerSupporterSelectedEvent extends Event {
  static readonly eventName = 'peer-supporter-selected';
  readonly detail: SupporterSelection;

  constructor(detail: SupporterSelection) {
    super(PeerSupporterSelectedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'peer-error': PeerErrorEvent;
    'peer-supporter-selected': PeerSupporterSelectedEvent;
  }
}

/**
 * The `peer-error` event for a failure, or undefined for an abort (the element asked to stop; there
 * is nothing to report). Carries the error's kind, operation and status, never its payload. An
 * error that is not an `ApiError` never came from the network: it is a bug or an unexpected
 * failure in the widget, reported as kind `internal`.
 */
export function errorEventFor(error: unknown, endpoint?: string): PeerErrorEvent | undefined {
  if (!isApiError(error)) {
    // A fixed message: a foreign error's text could carry anything, personal data included.
    const message = 'Unexpected error in the widget.';
    return new PeerErrorEvent({ kind: 'internal', ...(endpoint ? { endpoint } : {}), message });
  }
  if (error.kind === 'aborted') return undefined;
  return new PeerErrorEvent({
    kind: error.kind,
    endpoint: error.endpoint,
    ...(error.status === undefined ? {} : { status: error.status }),
    message: error.message,
  });
}
