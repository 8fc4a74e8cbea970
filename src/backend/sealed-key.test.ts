import { expect } from '@open-wc/testing';
import { sealedKey } from './sealed-key.js';

const KEY = '5b1d6c3e-2f44-4d7a-9a51-0c8e7f1b2a90';
const TOKEN = '0123456789abcdef0123456789abcdef';
const answer = { status: 201, body: { id: 'bk-1', manageToken: TOKEN, seeker: 'Ana Seeker' } };

describe('sealedKey: what a backend keeps of an Idempotency-Key', () => {
  it('keeps the scope as a SHA-256 of the operation and the key, never the key', async () => {
    const sealed = await sealedKey('createBooking', KEY);
    expect(sealed.scope).to.match(/^[0-9a-f]{64}$/);
    expect(sealed.scope).not.to.contain(KEY);
    expect((await sealedKey('createBooking', KEY)).scope).to.equal(sealed.scope);
    expect(
      (await sealedKey('cancelBooking', KEY)).scope,
      'a key belongs to one operation',
    ).not.to.equal(sealed.scope);
  });

  it('fingerprints a request under its key: the same body alike, another body or key apart', async () => {
    const sealed = await sealedKey('createBooking', KEY);
    const body = '{"seeker":{"email":"ana@example.org","name":"Ana Seeker"}}';
    const fingerprint = await sealed.fingerprint(body);
    expect(fingerprint).to.match(/^[0-9a-f]{64}$/);
    expect(await sealed.fingerprint(body)).to.equal(fingerprint);
    expect(await sealed.fingerprint(body.replace('Ana', 'Bo'))).not.to.equal(fingerprint);
    const other = await sealedKey('createBooking', `${KEY}x`);
    expect(
      await other.fingerprint(body),
      'without the key, a guess cannot be checked',
    ).not.to.equal(fingerprint);
  });

  it('stores the answer encrypted, and opens it as it was sent', async () => {
    const sealed = await sealedKey('createBooking', KEY);
    const stored = await sealed.seal(answer);
    expect(stored.status).to.equal(201);
    const kept = JSON.stringify(stored);
    expect(kept).not.to.contain(TOKEN);
    expect(kept).not.to.contain('Ana Seeker');
    expect(await sealed.open(stored)).to.deep.equal(answer);
    // Sealed twice, stored differently (a fresh IV each time), opened alike.
    const again = await sealed.seal(answer);
    expect(JSON.stringify(again)).not.to.equal(kept);
    expect(await sealed.open(again)).to.deep.equal(answer);
  });

  it('cannot open an answer under another key', async () => {
    const stored = await (await sealedKey('createBooking', KEY)).seal(answer);
    const other = await sealedKey('createBooking', `${KEY}x`);
    let failed = false;
    await other.open(stored).catch(() => (failed = true));
    expect(failed).to.equal(true);
  });
});
