/**
 * How long the stories wait. The mock backend answers on the same page: loads take
 * milliseconds, the client's retries about two seconds.
 */

/** A load or an update of the element: the backend answered, the element rendered. */
export const loaded = { timeout: 5_000 };

/** Error and offline states come after the client's retries (R2, at most ~2 s of backoff). */
export const settled = { timeout: 10_000 };

/**
 * Long enough that a Loading story stays loading while its test runs. Open in Storybook, it
 * turns into the error state after the client's own deadline (10 s, QUALITY R1): by design.
 */
export const loadingDelayMs = 60_000;

/**
 * A slow backend that does answer: the loading state shows for this long, then the content
 * replaces it (with no endless spinner, R1).
 */
export const slowMs = 1_500;
