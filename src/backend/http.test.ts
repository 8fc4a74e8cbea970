import { expect } from '@open-wc/testing';
import { createMockStore } from '../mocks/store.js';
import { handleApiRequest } from './http.js';

const NOW = new Date('2026-03-05T08:00:00-08:00');
const ORIGIN = 'http://localhost:5173';

function call(path: string, init: RequestInit = {}, baseUrl = '/api') {
  const store = createMockStore({ now: () => NOW, origin: ORIGIN });
  return handleApiRequest(store, new Request(new URL(path, ORIGIN), init), { baseUrl });
}

const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('handleApiRequest', () => {
  it('answers the contract’s routes below the base URL, and nothing else', async () => {
    const program = await call('/api/program');
    expect(program?.status).to.equal(200);
    expect(program?.headers.get('Content-Type')).to.contain('application/json');
    expect(((await program!.json()) as { id: string }).id).to.be.a('string');
    expect(await call('/api/nothing-here')).to.equal(undefined);
    expect(await call('/other/program')).to.equal(undefined);
    expect(
      await call('/api/program', { method: 'POST' }),
      'a method the path does not take',
    ).to.equal(undefined);
    const absolute = 'https://api.example.org/v1';
    expect(await call('/v1/program', {}, absolute), 'another origin').to.equal(undefined);
    const store = createMockStore({ now: () => NOW });
    const there = await handleApiRequest(store, new Request(`${absolute}/program`), {
      baseUrl: absolute,
    });
    expect(there?.status).to.equal(200);
  });

  it('reads path parameters and declared query parameters, and refuses bad ones with 400', async () => {
    const slots = await call('/api/supporters/sup-001/slots?lengthMinutes=60');
    expect(slots?.status).to.equal(200);
    expect(((await slots!.json()) as { supporterId: string }).supporterId).to.equal('sup-001');
    const bad = await call('/api/supporters/sup-001/slots?lengthMinutes=sixty');
    expect(bad?.status).to.equal(400);
    expect(await bad!.json()).to.deep.equal({
      error: {
        code: 'invalid-request',
        message: 'Invalid query parameters.',
        fieldErrors: [
          { field: 'lengthMinutes', code: 'invalid_type', message: 'Expected an integer.' },
        ],
      },
    });
    expect((await call('/api/supporters/nobody'))?.status).to.equal(404);
  });

  it('validates the JSON body with the operation’s schema', async () => {
    const notJson = await call('/api/supporters/search', post('{oops'));
    expect(notJson?.status).to.equal(400);
    expect(((await notJson!.json()) as { error: { message: string } }).error.message).to.equal(
      'The request body is not valid JSON.',
    );
    const invalid = await call('/api/supporters/search', post({ limit: 0 }));
    expect(invalid?.status).to.equal(400);
    const { error } = (await invalid!.json()) as { error: { fieldErrors: { field: string }[] } };
    expect(error.fieldErrors.map((f) => f.field)).to.deep.equal(['limit']);
  });

  it('needs an Idempotency-Key on the operations that change state', async () => {
    const purchase = {
      sessions: 1,
      lengthMinutes: 60,
      purchaser: { name: 'Pat', email: 'pat@example.org' },
      timeZone: 'America/New_York',
    };
    const noKey = await call('/api/gift-cards', post(purchase));
    expect(noKey?.status).to.equal(400);
    const { error } = (await noKey!.json()) as { error: { fieldErrors: { field: string }[] } };
    expect(error.fieldErrors.map((f) => f.field)).to.deep.equal(['Idempotency-Key']);
    const blank = await call('/api/gift-cards', post(purchase, { 'Idempotency-Key': '  ' }));
    expect(blank?.status).to.equal(400);
    const keyed = await call('/api/gift-cards', post(purchase, { 'Idempotency-Key': 'k-1' }));
    expect(keyed?.status).to.equal(201);
  });

  it('labels in the language of Accept-Language, and sends Retry-After with a 429', async () => {
    const store = createMockStore({ now: () => NOW });
    const search = (lang: string) =>
      handleApiRequest(
        store,
        new Request(`${ORIGIN}/api/supporters/search`, post({}, { 'Accept-Language': lang })),
        { baseUrl: '/api' },
      ).then((r) => r!.json() as Promise<{ facets: { topics: { id: string; label: string }[] } }>);
    const es = await search('es-MX,es;q=0.9');
    const en = await search('en-US');
    const anxietyEs = es.facets.topics.find((t) => t.id === 'anxiety');
    const anxietyEn = en.facets.topics.find((t) => t.id === 'anxiety');
    expect(anxietyEn?.label).to.equal('Anxiety');
    expect(anxietyEs?.label).to.equal('Ansiedad');

    const lookup = () =>
      handleApiRequest(
        store,
        new Request(`${ORIGIN}/api/gift-cards/lookup`, post({ code: 'GIFT-DEMO-2026-0003' })),
        {
          baseUrl: '/api',
        },
      );
    for (let i = 0; i < 10; i++) expect((await lookup())?.status).to.equal(200);
    const limited = await lookup();
    expect(limited?.status).to.equal(429);
    expect(limited?.headers.get('Retry-After')).to.equal('60');
  });
});

describe('handleApiRequest when the backend throws', () => {
  it('answers 500 internal with the contract’s error body, and tells onError', async () => {
    const store = createMockStore({ now: () => NOW });
    const broken = {
      ...store,
      getProgram: () => Promise.reject(new Error('database unreachable')),
    };
    const seen: unknown[] = [];
    const response = await handleApiRequest(broken, new Request(`${ORIGIN}/api/program`), {
      baseUrl: '/api',
      onError: (error) => seen.push(error),
    });
    expect(response?.status).to.equal(500);
    expect(await response!.json()).to.deep.equal({
      error: { code: 'internal', message: 'The request failed; nothing was done.' },
    });
    expect(seen.map((e) => (e as Error).message)).to.deep.equal(['database unreachable']);
  });
});
