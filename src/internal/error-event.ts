import { isApiError } from '../api/errors.js';
import { PeerErrorEvent } from '../events.js';

// Apart from events.ts, which the script tag's loader carries: the loader has no API errors to
// map, so it does not carry the ApiError class either.
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
