import { expect } from '@open-wc/testing';
import { cryptoTokens, equalHashes, seededTokens, sha256Hex } from './tokens.js';

describe('tokens', () => {
  it('are the same from the same seed, in the order asked, and differ across seeds', async () => {
    const a = seededTokens(7);
    const b = seededTokens(7);
    const drawn = (t: ReturnType<typeof seededTokens>) => [
      t.id('bk-'),
      t.manageToken(),
      t.checkoutUrl(),
      t.joinUrl(),
    ];
    const first = drawn(a);
    expect(drawn(b)).to.deep.equal(first);
    expect(drawn(seededTokens(8))).not.to.deep.equal(first);
    expect(first[0]).to.match(/^bk-[0-9a-z]{10}$/);
    expect(first[1]).to.match(/^[0-9a-f]{32}$/);
    expect(first[2]).to.match(/^https:\/\/checkout\.example\.org\/pay\/cs_[0-9a-z]{24}$/);
    expect(first[3]).to.match(/^https:\/\/video\.example\.org\/join\/[0-9a-z]{20}$/);
    expect(await a.hashToken('x')).to.equal(await b.hashToken('x'));
    expect(await a.hashToken('x')).not.to.equal(await a.hashToken('y'));
  });

  it('from crypto: 128-bit manage tokens, never repeated, hashed with SHA-256', async () => {
    const tokens = cryptoTokens();
    const drawn = new Set(Array.from({ length: 200 }, () => tokens.manageToken()));
    expect(drawn.size).to.equal(200);
    for (const token of drawn) expect(token).to.match(/^[0-9a-f]{32}$/);
    expect(tokens.id('gp-')).to.match(/^gp-[0-9a-z]{10}$/);
    expect(tokens.giftCode()).to.match(/^([A-HJ-NP-Z2-9]{4}-){3}[A-HJ-NP-Z2-9]{4}$/);
    // The SHA-256 test vector of "abc".
    expect(await sha256Hex('abc')).to.equal(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await tokens.hashToken('abc')).to.equal(await sha256Hex('abc'));
  });

  it('compares hashes whole: equal only when every character and the length are', () => {
    expect(equalHashes('abc123', 'abc123')).to.equal(true);
    expect(equalHashes('abc123', 'abc124')).to.equal(false);
    expect(equalHashes('abc123', 'bbc123')).to.equal(false);
    expect(equalHashes('abc123', 'abc12')).to.equal(false);
    expect(equalHashes('', 'a')).to.equal(false);
    expect(equalHashes('', '')).to.equal(true);
  });
});
