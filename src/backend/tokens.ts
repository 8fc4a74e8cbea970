/**
 * Where a backend's ids, secrets and links come from. The mock draws them from a seeded source
 * (`seededTokens`), so stories and tests see the same ids and tokens on every run; the reference
 * server draws them from a cryptographic one (`cryptoTokens`). Gift codes are bearer secrets and
 * come from `crypto.getRandomValues` in both.
 */
import { cyrb53 } from '../api/idempotency.js';
import { mulberry32 } from '../mocks/data.js';

export interface TokenSource {
  /** A new id: `prefix` and ten letters or digits (`bk-…`, `gp-…`). */
  id(prefix: string): string;
  /** The secret that lets a seeker see, cancel and move their booking. */
  manageToken(): string;
  /** What the backend stores of a manage token, never the token itself. */
  hashToken(token: string): Promise<string>;
  /** The partner's checkout page for a payment: an opaque session, no personal data. */
  checkoutUrl(): string;
  /** A video session's link. */
  joinUrl(): string;
  /** `XXXX-XXXX-XXXX-XXXX`. */
  giftCode(): string;
}

const ALPHANUMERIC = '0123456789abcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';

/**
 * 16 symbols of 32 (80 bits) from a cryptographic source: a gift code is a bearer secret. No 0/O
 * or 1/I: codes get read aloud and typed by hand.
 */
export function randomGiftCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  // 32 symbols: the low five bits of a byte pick one without bias.
  const symbols = [...bytes].map((b) => alphabet[b & 31]).join('');
  return symbols.match(/.{4}/g)!.join('-');
}

function tokensFrom(
  pick: (length: number, alphabet: string) => string,
  hashToken: (token: string) => Promise<string>,
): TokenSource {
  return {
    id: (prefix) => `${prefix}${pick(10, ALPHANUMERIC)}`,
    manageToken: () => pick(32, HEX),
    hashToken,
    checkoutUrl: () => `https://checkout.example.org/pay/cs_${pick(24, ALPHANUMERIC)}`,
    joinUrl: () => `https://video.example.org/join/${pick(20, ALPHANUMERIC)}`,
    giftCode: randomGiftCode,
  };
}

/**
 * The mock's tokens: from `mulberry32(seed)`, in the order they are asked for, so the same calls
 * give the same ids, tokens and links. Manage tokens are 128 bits of that source, hashed with a
 * fast non-cryptographic hash: good for a page's memory, not for a server.
 */
export function seededTokens(seed = 0x5eed): TokenSource {
  const random = mulberry32(seed);
  const pick = (length: number, alphabet: string) => {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
    return out;
  };
  return tokensFrom(pick, (token) => Promise.resolve(cyrb53(token)));
}

/**
 * The server's tokens: `crypto.getRandomValues` for every symbol (rejection sampling, so no
 * symbol is likelier than another), 128-bit manage tokens (32 hex digits), SHA-256 hashes in hex.
 */
export function cryptoTokens(): TokenSource {
  const pick = (length: number, alphabet: string) => {
    // The largest multiple of the alphabet's size below 256: bytes above it are drawn again.
    const limit = 256 - (256 % alphabet.length);
    let out = '';
    while (out.length < length) {
      for (const byte of crypto.getRandomValues(new Uint8Array(length))) {
        if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
      }
    }
    return out;
  };
  return tokensFrom(pick, sha256Hex);
}

/** SHA-256 of the text's UTF-8 bytes, as 64 hex digits. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Compares two hashes in time that depends only on their lengths, not on where they first
 * differ, so a wrong token's answer time tells nothing about the right one.
 */
export function equalHashes(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}
