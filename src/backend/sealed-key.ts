/**
 * What a backend keeps of an Idempotency-Key, sealed with the key itself, so that its storage (a
 * database, a backup of it) holds nothing a reader could use or learn from:
 * - the scope is SHA-256 of `operation:key`, not the key;
 * - the fingerprint is an HMAC of the request's canonical JSON, not a plain hash of the seeker's
 *   answers, which a short list of guesses could match;
 * - the first answer (a new booking's carries its manage token) is encrypted with AES-GCM.
 * The HMAC and AES keys are derived from the Idempotency-Key with HKDF. Only a client sending the
 * same key can have the answer replayed, which is all the contract promises.
 *
 * Web Crypto only (`crypto.subtle`): the same code in the browser's mock and in Node's server.
 */
import type { StoredAnswer } from './storage.js';

const encoder = new TextEncoder();

const hex = (bytes: ArrayBuffer) =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unbase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The 12-byte IV followed by the ciphertext, base64: an opened answer's `body`. */
interface SealedBody {
  sealed: string;
}

export interface SealedKey {
  /** Where the storage keeps it: SHA-256 hex of `operation:key`. */
  scope: string;
  /** The request's fingerprint under this key: HMAC-SHA-256 hex of its canonical JSON. */
  fingerprint(canonicalRequest: string): Promise<string>;
  /** The answer as stored: its status, and everything encrypted. */
  seal(answer: StoredAnswer): Promise<StoredAnswer>;
  /** The answer as first sent, from what `seal` stored. */
  open(stored: StoredAnswer): Promise<StoredAnswer>;
}

export async function sealedKey(operation: string, key: string): Promise<SealedKey> {
  const scope = hex(await crypto.subtle.digest('SHA-256', encoder.encode(`${operation}:${key}`)));
  const material = await crypto.subtle.importKey('raw', encoder.encode(key), 'HKDF', false, [
    'deriveKey',
  ]);
  const derive = (
    info: string,
    algorithm: HmacImportParams | AesKeyAlgorithm,
    usages: KeyUsage[],
  ) =>
    crypto.subtle.deriveKey(
      {
        name: 'HKDF',
        hash: 'SHA-256',
        salt: encoder.encode(operation),
        info: encoder.encode(info),
      },
      material,
      algorithm,
      false,
      usages,
    );
  const [mac, cipher] = await Promise.all([
    derive('fingerprint', { name: 'HMAC', hash: 'SHA-256', length: 256 }, ['sign']),
    derive('answer', { name: 'AES-GCM', length: 256 }, ['encrypt', 'decrypt']),
  ]);
  return {
    scope,
    async fingerprint(canonicalRequest) {
      return hex(await crypto.subtle.sign('HMAC', mac, encoder.encode(canonicalRequest)));
    },
    async seal(answer) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const plain = encoder.encode(JSON.stringify(answer));
      const encrypted = new Uint8Array(
        await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, cipher, plain),
      );
      const sealed = new Uint8Array(iv.length + encrypted.length);
      sealed.set(iv);
      sealed.set(encrypted, iv.length);
      return { status: answer.status, body: { sealed: base64(sealed) } satisfies SealedBody };
    },
    async open(stored) {
      const bytes = unbase64((stored.body as SealedBody).sealed);
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: bytes.subarray(0, 12) },
        cipher,
        bytes.subarray(12),
      );
      return JSON.parse(new TextDecoder().decode(plain)) as StoredAnswer;
    },
  };
}
