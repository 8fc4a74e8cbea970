import { expect } from '@open-wc/testing';
import { ApiError } from './api/errors.js';
import { PeerErrorEvent } from './events.js';
import { errorEventFor } from './internal/error-event.js';

describe('errorEventFor', () => {
  it('reports an error that is not an API error as internal, without its text', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'alex@example.com')");
    const event = errorEventFor(bug, 'getProgram')!;
    expect(event).to.be.instanceOf(PeerErrorEvent);
    expect(event.type).to.equal('peer-error');
    expect(event.detail.kind).to.equal('internal');
    expect(event.detail.endpoint).to.equal('getProgram');
    expect(event.detail.message).not.to.contain('alex@example.com');
    expect(event.detail.message).not.to.contain('Cannot read');
    expect(Object.keys(event.detail).sort()).to.deep.equal(['endpoint', 'kind', 'message']);

    for (const thrown of [new Error('boom'), 'a string', undefined, { kind: 'network' }]) {
      expect(errorEventFor(thrown)!.detail.kind, String(thrown)).to.equal('internal');
    }
    expect(Object.keys(errorEventFor(new Error('x'))!.detail).sort()).to.deep.equal([
      'kind',
      'message',
    ]);
  });

  it('keeps the kind, operation and status of an API error', () => {
    const offline = errorEventFor(
      new ApiError({ kind: 'network', endpoint: 'listSupporters', message: 'unreachable' }),
    )!;
    expect(offline.detail).to.deep.equal({
      kind: 'network',
      endpoint: 'listSupporters',
      message: 'unreachable',
    });

    const unavailable = errorEventFor(
      new ApiError({ kind: 'http', endpoint: 'getProgram', status: 503, message: 'HTTP 503' }),
    )!;
    expect(unavailable.detail.kind).to.equal('http');
    expect(unavailable.detail.status).to.equal(503);
  });

  it('reports nothing for an abort', () => {
    const aborted = new ApiError({ kind: 'aborted', endpoint: 'getProgram', message: 'stop' });
    expect(errorEventFor(aborted)).to.equal(undefined);
  });
});

describe('PeerErrorEvent', () => {
  it('reaches the host page from inside a shadow root, with a load failure and its tag', () => {
    const host = document.createElement('div');
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    document.body.append(host);
    const seen: { event: PeerErrorEvent; target: EventTarget | null }[] = [];
    const listener = (event: PeerErrorEvent) => seen.push({ event, target: event.target });
    document.addEventListener('peer-error', listener);
    try {
      inner.dispatchEvent(
        new PeerErrorEvent({ kind: 'load', tag: 'peer-directory', message: 'chunk failed' }),
      );
    } finally {
      document.removeEventListener('peer-error', listener);
      host.remove();
    }
    expect(seen).to.have.length(1);
    expect(seen[0]!.event.detail.kind).to.equal('load');
    expect(seen[0]!.event.detail.tag).to.equal('peer-directory');
    // Retargeted to the element the host page knows, not the node inside its shadow root.
    expect(seen[0]!.target).to.equal(host);
  });
});
