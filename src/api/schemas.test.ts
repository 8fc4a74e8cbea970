import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import {
  DateSchema,
  DateTimeSchema,
  EmailSchema,
  HttpsUrlSchema,
  ImageUrlSchema,
  SupporterSummarySchema,
} from './schemas.js';

/** Each value with whether the schema accepts it. */
function expectAccepts(schema: z.ZodMiniType, cases: [string, boolean][]): void {
  const wrong = cases.filter(([value, ok]) => z.safeParse(schema, value).success !== ok);
  expect(wrong, 'values judged wrongly ([value, expected])').to.deep.equal([]);
}

describe('contract formats', () => {
  it('date-times: ISO 8601 with seconds and an offset, real calendar days', () => {
    expectAccepts(DateTimeSchema, [
      ['2026-03-09T09:00:00-07:00', true],
      ['2026-03-09T16:00:00Z', true],
      ['2026-03-09T16:00:00.123Z', true],
      ['2028-02-29T10:00:00+01:00', true],
      ['2026-02-29T10:00:00Z', false],
      ['2026-04-31T10:00:00Z', false],
      ['2026-03-09T09:00-07:00', false],
      ['2026-03-09T09:00:00', false],
      ['2026-03-09 09:00:00Z', false],
      ['2026-03-09T24:00:00Z', false],
    ]);
  });

  it('dates: YYYY-MM-DD, real calendar days', () => {
    expectAccepts(DateSchema, [
      ['2026-03-09', true],
      ['2024-02-29', true],
      ['2026-02-29', false],
      ['2026-13-01', false],
      ['2026-3-9', false],
    ]);
  });

  it('URLs: https only, a host, no user info, a real port', () => {
    expectAccepts(HttpsUrlSchema, [
      ['https://example.org', true],
      ['https://example.org/a/b?c=d#e', true],
      ['https://Example.org/', true],
      ['HTTPS://example.org/', false],
      ['https://bücher.example/', true],
      ['https://[::1]:8443/x', true],
      ['https://[2001:DB8::1]/', true],
      ['https://example.org:65535/', true],
      ['https://example.org/a b', true],
      [' https://example.org/ ', true],
      ['https://example.org:65536/', false],
      ['http://example.org', false],
      ['javascript:alert(1)', false],
      [' javascript:https://example.org', false],
      ['data:text/html,https://example.org', false],
      ['https://good.example@evil.example/', false],
      ['https:///path', false],
      ['https://', false],
      ['https://example.org\n/x', false],
    ]);
  });

  it('image URLs: https, or http on localhost only (development, as for API bases)', () => {
    expectAccepts(ImageUrlSchema, [
      ['https://images.example.org/a.jpg', true],
      ['https://[::1]:8443/x', true],
      ['http://localhost:8000/mock-portraits/sup-001.svg', true],
      ['http://localhost/a.svg', true],
      ['http://127.0.0.1:5173/a.svg', true],
      ['http://[::1]:6006/a.svg', true],
      ['http://localhost:65536/a.svg', false],
      ['http://localhost.evil.example/a.svg', false],
      ['http://localhost@evil.example/a.svg', false],
      ['http://127.0.0.1.nip.io/a.svg', false],
      ['http://192.168.1.5:5173/a.svg', false],
      ['http://example.org/a.jpg', false],
      ['HTTP://localhost/a.svg', false],
      ['javascript:alert(1)', false],
      ['data:image/svg+xml,<svg/>', false],
    ]);
    const summary = {
      id: 'sam',
      name: 'Sam',
      headline: 'Peer supporter.',
      topics: [],
      identities: [],
      languages: ['en'],
      states: ['CA'],
      sessionLengths: [30],
      nextAvailable: null,
    };
    const withPhoto = (photoUrl: string) =>
      z.safeParse(SupporterSummarySchema, { ...summary, photoUrl }).success;
    expect(withPhoto('http://localhost:8000/p.svg'), 'a local photo').to.equal(true);
    expect(withPhoto('http://cdn.example.org/p.jpg'), 'a plain http photo').to.equal(false);
  });

  it('email addresses: one @, a dotted domain', () => {
    expectAccepts(EmailSchema, [
      ['alex@example.org', true],
      ['a.b+c@x-y.example.org', true],
      ['.alex@example.org', false],
      ['a..b@example.org', false],
      ['alex@example', false],
      ['a b@example.org', false],
    ]);
  });
});
