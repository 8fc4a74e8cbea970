/**
 * The Idempotency-Key rules (documented with the IdempotencyKey parameter of the OpenAPI
 * document), shared by the backends: a key belongs to one operation; the same key with the same
 * body replays the first answer, status and body; with another body it is refused and nothing is
 * done; only some answers are remembered. Pure: the backend stores what `isRemembered` says, under
 * a fingerprint of the request's `canonicalJson` (keyed by the Idempotency-Key:
 * `backend/sealed-key.ts`), and follows `replayDecision`.
 */

/** Stable JSON: keys sorted, `undefined` members dropped, so equal requests give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** cyrb53, base 36: a short, fast, non-cryptographic hash. */
export function cyrb53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * Which answers a key keeps: successes and the refusals the operation decided (404, 409, 422).
 * Not a 400 (the request was not understood, nothing was looked at), not a 429 (nothing was
 * tried) and never a 5xx: trying again with the same key performs the request afresh.
 */
export function isRemembered(status: number): boolean {
  return status !== 400 && status !== 429 && status < 500;
}

export type ReplayDecision<A> =
  { kind: 'perform' } | { kind: 'replay'; answer: A } | { kind: 'key-reused' };

/**
 * What to do with a request whose key has `stored` (undefined: a new key): perform it, replay
 * the first answer (same fingerprint), or refuse it as a reused key (another fingerprint).
 */
export function replayDecision<A>(
  stored: { fingerprint: string; answer: A } | undefined,
  fingerprint: string,
): ReplayDecision<A> {
  if (!stored) return { kind: 'perform' };
  if (stored.fingerprint !== fingerprint) return { kind: 'key-reused' };
  return { kind: 'replay', answer: stored.answer };
}
