import { expect } from '@open-wc/testing';
import { canonicalJson, cyrb53, isRemembered, replayDecision } from './idempotency.js';

describe('idempotency', () => {
  it('writes canonical JSON: keys sorted at every depth, undefined members left out', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: undefined } })).to.equal(
      '{"a":{"d":[2,{"y":null,"z":1}]},"b":1}',
    );
    expect(canonicalJson('x')).to.equal('"x"');
    expect(canonicalJson(undefined)).to.equal('null');
  });

  it('writes equal requests alike whatever their key order, and others apart', () => {
    const a = canonicalJson({ supporterId: 's1', seeker: { age: 20, state: 'CA' } });
    const b = canonicalJson({ seeker: { state: 'CA', age: 20 }, supporterId: 's1' });
    const c = canonicalJson({ seeker: { state: 'CA', age: 21 }, supporterId: 's1' });
    expect(a).to.equal(b);
    expect(a).not.to.equal(c);
    expect(cyrb53('a')).to.equal(cyrb53('a'));
    expect(cyrb53('a')).not.to.equal(cyrb53('b'));
    expect(cyrb53('a')).to.match(/^[0-9a-z]+$/);
  });

  it('remembers successes and decided refusals, never a 400, a 429 or a 5xx', () => {
    const remembered = [200, 201, 404, 409, 422].filter(isRemembered);
    expect(remembered).to.deep.equal([200, 201, 404, 409, 422]);
    expect([400, 429, 500, 503].filter(isRemembered)).to.deep.equal([]);
  });

  it('performs a new key, replays the same request and refuses another one', () => {
    const answer = { status: 201, body: { id: 'bk-1' } };
    expect(replayDecision(undefined, 'f1')).to.deep.equal({ kind: 'perform' });
    expect(replayDecision({ fingerprint: 'f1', answer }, 'f1')).to.deep.equal({
      kind: 'replay',
      answer,
    });
    expect(replayDecision({ fingerprint: 'f1', answer }, 'f2')).to.deep.equal({
      kind: 'key-reused',
    });
  });
});
