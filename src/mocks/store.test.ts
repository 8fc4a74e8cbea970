import { expect } from '@open-wc/testing';
import type * as z from 'zod/mini';
import {
  ErrorBodySchema,
  MatchResultSchema,
  NextAvailableSchema,
  ProgramSchema,
  SlotListSchema,
  SupporterPageSchema,
  SupporterProfileSchema,
  SupporterSummarySchema,
  type ErrorBody,
  type ErrorCode,
  type Program,
  type Slot,
  type SupporterFilters,
  type SupporterQuery,
  type SupporterSummary,
} from '../api/schemas.js';
import {
  BookingSchema,
  CancellationSchema,
  CreatedBookingSchema,
  type BookingRequest,
  type CreatedBooking,
} from '../api/booking-schemas.js';
import {
  GiftCardBalanceSchema,
  GiftCardPurchaseSchema,
  GiftCodeSchema,
} from '../api/gift-card-schemas.js';
import {
  MARKUP_SUPPORTER_ID,
  createSeedSupporters,
  programVariants,
  referenceProgram,
  seedGiftCards,
  type SupporterRecord,
} from './data.js';
import { createMockStore, timeOfDay, type ApiResult, type MockStoreOptions } from './store.js';
import { samsRequest } from '../../test/support/booking-fixtures.js';

// ---------------------------------------------------------------------------------------------
// Helpers.

/** Unwraps a success after checking its status and its body against the response schema. */
function expectOk<T>(result: ApiResult<T>, schema: z.ZodMiniType, status = 200): T {
  if (!result.ok) {
    throw new Error(`expected ${status}, got ${result.status}: ${JSON.stringify(result.body)}`);
  }
  expect(result.status).to.equal(status);
  const parsed = schema.safeParse(result.body);
  if (!parsed.success) {
    throw new Error(`response breaks its schema: ${JSON.stringify(parsed.error.issues)}`);
  }
  return result.body;
}

function expectError(result: ApiResult<unknown>, status: number, code: ErrorCode): ErrorBody {
  if (result.ok) throw new Error(`expected ${status} ${code}, got ${JSON.stringify(result.body)}`);
  expect(result.status).to.equal(status);
  expect(ErrorBodySchema.safeParse(result.body).success).to.equal(true);
  expect(result.body.error.code).to.equal(code);
  return result.body;
}

const fieldsOf = (body: ErrorBody) => (body.error.fieldErrors ?? []).map((f) => f.field);

// Without a photo: the photo tests below give one where they need it.
const { photoUrl: _, ...base } = createSeedSupporters(1)[0] as SupporterRecord;

/** A supporter with exactly the hours and tags a test needs. */
function supporter(id: string, overrides: Partial<SupporterRecord> = {}): SupporterRecord {
  return {
    ...base,
    id,
    name: `Person ${id}`,
    headline: 'Here to listen.',
    bio: 'A plain bio.\n\nSecond paragraph.',
    topics: [],
    identities: [],
    languages: ['en'],
    states: ['CA'],
    sessionLengths: [30, 60],
    modalities: ['video', 'phone'],
    schedule: {
      timeZone: 'America/Los_Angeles',
      weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '12:00' })),
    },
    ...overrides,
  };
}

/** Thursday 2026-03-05, 10:00 in Los Angeles (PST); DST starts on Sunday 2026-03-08. */
const MARCH = '2026-03-05T10:00:00-08:00';
/** Thursday 2026-10-29, 10:00 in Los Angeles (PDT); DST ends on Sunday 2026-11-01. */
const OCTOBER = '2026-10-29T10:00:00-07:00';

/** A store with a clock the test can move. */
function storeAt(iso: string, options: MockStoreOptions = {}) {
  const clock = { now: new Date(iso) };
  const store = createMockStore({ now: () => clock.now, ...options });
  return {
    store,
    clock,
    setNow: (at: string) => {
      clock.now = new Date(at);
    },
  };
}

const request = samsRequest;

async function slotsOf(store: ReturnType<typeof createMockStore>, id: string, lengthMinutes = 60) {
  return expectOk(
    await store.listSlots(id, { lengthMinutes, to: '2026-12-31T00:00:00Z' }),
    SlotListSchema,
  ).slots;
}

const HOUR = 3_600_000;

// ---------------------------------------------------------------------------------------------

describe('seed data', () => {
  const supporters = createSeedSupporters();

  it('has 64 varied, schema-valid supporters across CA, OR and WA', () => {
    expect(supporters.length).to.equal(64);
    // As the store serves them: photo paths made URLs on the mock's origin.
    for (const s of createMockStore({ supporters, origin: 'http://localhost:5173' }).supporters) {
      const parsed = SupporterProfileSchema.safeParse({ ...s, nextAvailable: null });
      expect(parsed.success, `${s.id}: ${JSON.stringify(parsed.error?.issues)}`).to.equal(true);
    }
    const withState = (st: string) => supporters.filter((s) => s.states.includes(st)).length;
    expect(withState('CA')).to.be.greaterThan(10);
    expect(withState('OR')).to.be.greaterThan(3);
    expect(withState('WA')).to.be.greaterThan(3);
    expect(supporters.some((s) => s.states.length === 2)).to.equal(true);
    for (const lang of ['es', 'vi', 'zh', 'tl', 'ase']) {
      expect(
        supporters.some((s) => s.languages.includes(lang)),
        lang,
      ).to.equal(true);
    }
    expect(supporters.every((s) => s.languages.includes('en'))).to.equal(true);
    expect(supporters.some((s) => s.pronouns === undefined)).to.equal(true);
    expect(supporters.some((s) => s.photoUrl === undefined)).to.equal(true);
    expect(supporters.filter((s) => s.photoUrl).length).to.be.greaterThan(40);
    expect(new Set(supporters.map((s) => s.name)).size).to.equal(supporters.length);
    expect(supporters.some((s) => s.sessionLengths.length === 2)).to.equal(true);
    expect(supporters.some((s) => s.sessionLengths.length === 1)).to.equal(true);
    const topics = new Set(supporters.flatMap((s) => s.topics.map((t) => t.id)));
    for (const t of [
      'anxiety',
      'depression',
      'grief',
      'lgbtq',
      'first-gen',
      'substance-use-recovery',
    ]) {
      expect(topics.has(t), t).to.equal(true);
    }
    expect(supporters.every((s) => s.bio.split('\n\n').length >= 2)).to.equal(true);
  });

  it('keeps weekly hours inside Monday to Friday, 09:00 to 21:00 Pacific', () => {
    for (const s of supporters) {
      expect(s.schedule.timeZone).to.equal('America/Los_Angeles');
      expect(s.schedule.weekly.length).to.be.within(2, 8);
      for (const b of s.schedule.weekly) {
        expect(b.day).to.be.within(1, 5);
        expect(b.open >= '09:00' && b.close <= '21:00' && b.open < b.close, JSON.stringify(b)).to.be
          .true;
      }
    }
  });

  it('includes one supporter whose text carries markup, served verbatim', async () => {
    const marked = supporters.filter((s) => /<img|<b>|<script/.test(s.bio + s.headline));
    expect(marked.map((s) => s.id)).to.deep.equal([MARKUP_SUPPORTER_ID]);
    const profile = expectOk(
      await createMockStore().getSupporter(MARKUP_SUPPORTER_ID),
      SupporterProfileSchema,
    );
    expect(profile.headline).to.equal(
      'I <b>really</b> listen. <i>No judgement</i>, just peer support.',
    );
    expect(profile.bio).to.contain('P.S. <img src=x onerror=alert(1)> If you can read');
    expect(profile.livedExperience).to.match(/ <script>alert\("lived"\)<\/script>$/);
  });

  it('is deterministic, seedable, and fast with unique ids at 5,000', () => {
    expect(createSeedSupporters()).to.deep.equal(supporters);
    expect(createSeedSupporters(64, 2)).not.to.deep.equal(supporters);
    const big = createSeedSupporters(5000);
    expect(new Set(big.map((s) => s.id)).size).to.equal(5000);
    expect(big.slice(0, 64)).to.deep.equal(supporters);
  });

  it('serves valid programs; the reference program by default, with the reference values', async () => {
    // What the mock answers, against the values stories, tests and the demo rely on.
    const served = async (program?: (typeof programVariants)[keyof typeof programVariants]) =>
      expectOk(await createMockStore(program ? { program } : {}).getProgram(), ProgramSchema);
    for (const program of Object.values(programVariants)) {
      expect(ProgramSchema.safeParse(program).success, program.id).to.equal(true);
    }
    const reference = await served();
    expect(reference.id).to.equal('reference');
    expect(reference.eligibility).to.deep.equal({
      minAge: 18,
      maxAge: 30,
      states: ['CA', 'OR', 'WA'],
      ageQuestion: 'age',
      referralUrl: 'https://support.example.org/other-help',
    });
    expect(reference.pricing).to.deep.equal({
      model: 'sliding-scale',
      suggested: 4500,
      minimum: 2000,
      byLength: [{ lengthMinutes: 30, suggested: 2500, minimum: 1000 }],
    });
    expect(reference.cancellation.windowHours).to.equal(24);
    expect(reference.sessionLengths).to.deep.equal([30, 60]);
    expect((await served(programVariants.fixed)).pricing).to.deep.equal({
      model: 'fixed',
      price: 6500,
      moneyBackGuarantee: true,
      byLength: [{ lengthMinutes: 30, price: 3500 }],
    });
    expect((await served(programVariants.free)).pricing).to.deep.equal({
      model: 'free',
      sponsor: 'Your campus',
    });
    expect((await served(programVariants.free)).eligibility).to.deep.include({
      minAge: 18,
      maxAge: 30,
      ageQuestion: 'range',
    });
    const allAges = (await served(programVariants.noAgeLimit)).eligibility;
    expect(allAges).to.deep.equal({
      states: ['CA', 'OR', 'WA'],
      referralUrl: 'https://support.example.org/other-help',
    });
    expect((await served(programVariants.campusCrisisLine)).crisisLine).to.deep.include({
      phone: '+15105550123',
      sms: '+15105550124',
      url: 'https://counseling.example.edu/crisis',
    });
    expect(reference.crisisLine, 'the reference program has no line of its own').to.equal(
      undefined,
    );
  });
});

describe('portraits', () => {
  const ORIGIN = 'http://localhost:5173';
  /** The summaries with a photo, as the store lists them. */
  const pictured = async (store: ReturnType<typeof createMockStore>) =>
    expectOk(
      await store.listSupporters({ sort: 'name', limit: 100 }),
      SupporterPageSchema,
    ).items.filter((s) => s.photoUrl !== undefined);

  it('are URLs on the origin the mock answers on, one for each supporter', async () => {
    const { store } = storeAt(MARCH, { origin: ORIGIN });
    const items = await pictured(store);
    expect(items.length).to.be.greaterThan(40);
    const urls = items.map((s) => new URL(s.photoUrl!));
    for (const url of urls) {
      expect(url.origin, url.href).to.equal('http://localhost:5173');
      expect(url.pathname, url.href).to.match(/^\/mock-portraits\/[^/]+\.svg$/);
      expect(url.search + url.hash, url.href).to.equal('');
    }
    expect(new Set(urls.map((u) => u.href)).size, 'distinct URLs').to.equal(items.length);
    // The profile shows the photo its card shows.
    const profile = expectOk(await store.getSupporter(items[3]!.id), SupporterProfileSchema);
    expect(profile.photoUrl).to.equal(items[3]!.photoUrl);
  });

  it("are on the page's own origin by default", async () => {
    const items = await pictured(createMockStore());
    expect(items.length).to.be.greaterThan(40);
    for (const s of items) expect(new URL(s.photoUrl!).origin).to.equal(window.location.origin);
  });

  it('keep an https origin; where only http off localhost is left, supporters have no photo', async () => {
    const https = await pictured(createMockStore({ origin: 'https://widgets.partner.example' }));
    expect(https.length).to.be.greaterThan(40);
    expect(new URL(https[0]!.photoUrl!).origin).to.equal('https://widgets.partner.example');
    for (const origin of ['http://192.168.1.20:5173', 'http://widgets.partner.example', 'null']) {
      const store = createMockStore({ origin });
      // Still schema-valid pages, just without photos (the cards show initials).
      expect(await pictured(store), origin).to.deep.equal([]);
      expect(store.portrait('sup-003'), origin).to.equal(undefined);
    }
  });

  it('are small SVG drawings, the same from every store, different between supporters', async () => {
    const a = createMockStore({ origin: ORIGIN });
    const b = createMockStore({ origin: ORIGIN });
    const ids = (await pictured(a)).map((s) => s.id);
    const svgs = ids.map((id) => a.portrait(id));
    expect(ids.map((id) => b.portrait(id))).to.deep.equal(svgs);
    expect(new Set(svgs).size, 'distinct portraits').to.be.at.least(ids.length - 2);
    for (const [i, svg] of svgs.entries()) {
      expect(svg, ids[i]).to.be.a('string');
      expect(new Blob([svg!]).size, ids[i]).to.be.below(1024);
      const doc = new DOMParser().parseFromString(svg!, 'image/svg+xml');
      expect(doc.querySelector('parsererror'), ids[i]).to.equal(null);
      expect(doc.documentElement.localName).to.equal('svg');
      expect(doc.documentElement.getAttribute('width')).to.equal('96');
      // Shapes only: no text, no script, nothing fetched from elsewhere.
      expect(doc.querySelectorAll('text, script, image, use, foreignObject').length).to.equal(0);
      expect(svg, ids[i]).not.to.match(/\bon\w+=|href=/);
    }
    // Another seed names supporters differently, and draws them differently.
    const other = createMockStore({
      origin: ORIGIN,
      supporters: createSeedSupporters(64, 2),
    });
    const both = ids.filter((id) => other.portrait(id) !== undefined);
    expect(both.length).to.be.greaterThan(20);
    expect(both.filter((id) => other.portrait(id) === a.portrait(id)).length).to.be.below(3);
  });

  it('are served only for supporters who have one', () => {
    const store = createMockStore({ origin: ORIGIN });
    const without = store.supporters.find((s) => s.photoUrl === undefined)!;
    expect(without).to.exist;
    expect(store.portrait(without.id)).to.equal(undefined);
    expect(store.portrait('sup-999')).to.equal(undefined);
  });

  it('keep an absolute photo URL as given, and make a portrait path a URL on the origin', async () => {
    const { store } = storeAt(MARCH, {
      origin: ORIGIN,
      supporters: [
        supporter('elsewhere', { photoUrl: 'https://images.partner.example/elsewhere.jpg' }),
        supporter('local', { photoUrl: '/mock-portraits/local.svg' }),
        supporter('plain'),
      ],
    });
    const photos = Object.fromEntries(
      expectOk(await store.listSupporters({ sort: 'name' }), SupporterPageSchema).items.map((s) => [
        s.id,
        s.photoUrl,
      ]),
    );
    expect(photos).to.deep.equal({
      elsewhere: 'https://images.partner.example/elsewhere.jpg',
      local: 'http://localhost:5173/mock-portraits/local.svg',
      plain: undefined,
    });
    expect(store.portrait('elsewhere'), 'not the mock to serve').to.equal(undefined);
    expect(store.portrait('local')).to.match(/^<svg /);
  });
});

describe('slots and time zones', () => {
  it('writes -08:00 before the March DST change and -07:00 after it', async () => {
    const { store } = storeAt(MARCH, { supporters: [supporter('dst')] });
    const slots = await slotsOf(store, 'dst');
    const starts = slots.map((s) => s.start);
    expect(starts).to.include('2026-03-06T09:00:00-08:00');
    expect(starts).to.include('2026-03-09T09:00:00-07:00');
    expect(starts).not.to.include('2026-03-09T09:00:00-08:00');
    // Same wall-clock time, one hour less of UTC offset: the instants are 71 h apart, not 72.
    expect(
      Date.parse('2026-03-09T09:00:00-07:00') - Date.parse('2026-03-06T09:00:00-08:00'),
    ).to.equal(71 * HOUR);
    for (const slot of slots) {
      expect(slot.start.endsWith(slot.start < '2026-03-08' ? '-08:00' : '-07:00'), slot.start).to.be
        .true;
      expect(slot.start.slice(11, 16) >= '09:00' && slot.end.slice(11, 16) <= '12:00').to.be.true;
    }
  });

  it('writes -07:00 before the November DST change and -08:00 after it', async () => {
    const { store } = storeAt(OCTOBER, { supporters: [supporter('dst')] });
    const starts = (await slotsOf(store, 'dst')).map((s) => s.start);
    expect(starts).to.include('2026-10-30T09:00:00-07:00');
    expect(starts).to.include('2026-11-02T09:00:00-08:00');
    expect(starts).not.to.include('2026-11-02T09:00:00-07:00');
  });

  it('offers only future slots past the lead time, within the horizon, on the session grid', async () => {
    const { store } = storeAt(MARCH, { supporters: [supporter('dst')], horizonDays: 7 });
    const now = Date.parse(MARCH);
    const sixty = await slotsOf(store, 'dst', 60);
    const thirty = await slotsOf(store, 'dst', 30);
    for (const s of [...sixty, ...thirty]) {
      expect(Date.parse(s.start)).to.be.at.least(now + 2 * HOUR);
      expect(Date.parse(s.start)).to.be.below(now + 7 * 24 * HOUR);
      expect(Date.parse(s.end) - Date.parse(s.start)).to.equal(s.lengthMinutes * 60_000);
    }
    // Thursday's 09:00-12:00 block is within the 2 h lead time (now 10:00), so Friday comes first.
    expect(sixty[0]?.start).to.equal('2026-03-06T09:00:00-08:00');
    // Sixty-minute sessions start on the hour, thirty-minute ones every half hour.
    expect(
      sixty.filter((s) => s.start.startsWith('2026-03-06')).map((s) => s.start.slice(11, 16)),
    ).to.deep.equal(['09:00', '10:00', '11:00']);
    expect(thirty.filter((s) => s.start.startsWith('2026-03-06')).length).to.equal(6);
    // No weekend: Mon-Fri only, seven days => Fri, Mon, Tue, Wed, Thu (Thursday 12th before 10:00 only).
    const days = new Set(sixty.map((s) => new Date(s.start).getUTCDay()));
    expect(days.has(0) || days.has(6)).to.equal(false);
  });

  it('clips supporter hours to the program hours', async () => {
    const { store } = storeAt(MARCH, {
      supporters: [
        supporter('late', {
          schedule: {
            timeZone: 'America/Los_Angeles',
            weekly: [
              { day: 5, open: '19:00', close: '23:00' },
              { day: 6, open: '10:00', close: '14:00' },
            ],
          },
        }),
      ],
    });
    const starts = (await slotsOf(store, 'late')).map((s) => s.start.slice(11, 16));
    expect(new Set(starts)).to.deep.equal(new Set(['19:00', '20:00']));
  });

  it('honours from, to and lengthMinutes, and refuses bad ones', async () => {
    const { store } = storeAt(MARCH, { supporters: [supporter('dst', { sessionLengths: [60] })] });
    const list = expectOk(
      await store.listSlots('dst', {
        from: '2026-03-09T00:00:00-07:00',
        to: '2026-03-10T00:00:00-07:00',
      }),
      SlotListSchema,
    );
    expect(list.timeZone).to.equal('America/Los_Angeles');
    expect(list.slots.map((s) => s.start)).to.deep.equal([
      '2026-03-09T09:00:00-07:00',
      '2026-03-09T10:00:00-07:00',
      '2026-03-09T11:00:00-07:00',
    ]);
    expectError(await store.listSlots('dst', { lengthMinutes: 30 }), 400, 'invalid-request');
    expectError(await store.listSlots('dst', { from: 'tomorrow' }), 400, 'invalid-request');
    expectError(await store.listSlots('nobody'), 404, 'not-found');
  });

  it('classifies times of day in the seeker zone', () => {
    const at = Date.parse('2026-03-09T09:00:00-07:00');
    expect(timeOfDay(at, 'America/Los_Angeles')).to.equal('morning');
    expect(timeOfDay(at, 'America/New_York')).to.equal('afternoon');
    expect(timeOfDay(Date.parse('2026-03-09T17:00:00-07:00'), 'America/Los_Angeles')).to.equal(
      'evening',
    );
  });
});

describe('listing supporters', () => {
  const { store } = storeAt(MARCH);
  const all = async () =>
    expectOk(await store.listSupporters({ sort: 'name', limit: 5000 }), SupporterPageSchema).items;

  async function page(query: Parameters<typeof store.listSupporters>[0]) {
    const body = expectOk(await store.listSupporters(query), SupporterPageSchema);
    for (const item of body.items) {
      expect(SupporterSummarySchema.safeParse(item).success, JSON.stringify(item)).to.equal(true);
    }
    return body;
  }

  it('pages every supporter, soonest available first, nulls last, with facets of all tags', async () => {
    const first = await page({});
    expect(first.total).to.equal(64);
    expect(first.limit).to.equal(20);
    expect(first.items.length).to.equal(20);
    const everyone = (await page({ limit: 5000 })).items;
    const nexts = everyone.map((s) => s.nextAvailable);
    const firstNull = nexts.indexOf(null);
    const dated = (firstNull === -1 ? nexts : nexts.slice(0, firstNull)) as string[];
    expect(dated.map(Date.parse)).to.deep.equal([...dated.map(Date.parse)].sort((a, b) => a - b));
    if (firstNull !== -1) expect(nexts.slice(firstNull).every((n) => n === null)).to.equal(true);
    const topicIds = new Set(store.supporters.flatMap((s) => s.topics.map((t) => t.id)));
    expect(first.facets.topics.map((t) => t.id).sort()).to.deep.equal([...topicIds].sort());
    expect(first.facets.states).to.deep.equal(['CA', 'OR', 'WA']);
    expect(first.facets.languages).to.include.members(['en', 'es', 'vi', 'zh', 'tl', 'ase']);
    expect(first.items[0]).not.to.have.property('schedule');
  });

  it('pages consistently by name', async () => {
    const names = (await all()).map((s) => s.name);
    expect(names).to.deep.equal([...names].sort((a, b) => a.localeCompare(b, 'en')));
    const pages = (
      await Promise.all(
        [0, 25, 50].map(async (offset) => (await page({ sort: 'name', offset, limit: 25 })).items),
      )
    ).flat();
    expect(pages.map((s) => s.id)).to.deep.equal((await all()).map((s) => s.id));
    expect((await page({ offset: 60, limit: 25 })).items.length).to.equal(4);
  });

  it('searches name, headline, bio and tags, ignoring case and accents', async () => {
    const target = (await all())[5] as SupporterSummary;
    const byName = await page({ q: target.name.toUpperCase(), limit: 100 });
    expect(byName.items.map((s) => s.id)).to.include(target.id);
    const lucia = store.supporters.find((s) => s.name.startsWith('Lucía'));
    if (lucia)
      expect((await page({ q: 'lucia', limit: 100 })).items.map((s) => s.id)).to.include(lucia.id);
    const espanol = (await page({ q: 'ESPAÑOL', limit: 100 })).items;
    expect(espanol.length).to.be.greaterThan(0);
    expect(espanol.every((s) => s.languages.includes('es'))).to.equal(true);
    const lgbtq = (await page({ q: 'lgbtq+', limit: 100 })).items;
    expect(lgbtq.length).to.be.greaterThan(0);
    expect((await page({ q: 'zzzz-nothing', limit: 100 })).total).to.equal(0);
  });

  it('matches any value within a filter and every filter together', async () => {
    const either = (await page({ topics: ['grief', 'adhd'], limit: 100 })).items;
    expect(either.every((s) => s.topics.some((t) => t.id === 'grief' || t.id === 'adhd'))).to.be
      .true;
    const grief = (await page({ topics: ['grief'], limit: 100 })).total;
    const adhd = (await page({ topics: ['adhd'], limit: 100 })).total;
    expect(either.length).to.be.at.least(Math.max(grief, adhd));

    const combined = await page({
      topics: ['anxiety'],
      languages: ['es'],
      states: ['CA'],
      limit: 100,
    });
    expect(combined.total).to.be.greaterThan(0);
    for (const s of combined.items) {
      expect(s.topics.map((t) => t.id)).to.include('anxiety');
      expect(s.languages).to.include('es');
      expect(s.states).to.include('CA');
    }
    const expected = store.supporters.filter(
      (s) =>
        s.topics.some((t) => t.id === 'anxiety') &&
        s.languages.includes('es') &&
        s.states.includes('CA'),
    );
    expect(combined.total).to.equal(expected.length);

    const identities = (await page({ identities: ['nonbinary', 'veteran'], limit: 100 })).items;
    expect(identities.length).to.be.greaterThan(0);
    expect(
      identities.every((s) => s.identities.some((t) => t.id === 'nonbinary' || t.id === 'veteran')),
    ).to.be.true;

    const thirty = await page({ lengthMinutes: 30, limit: 100 });
    expect(thirty.items.every((s) => s.sessionLengths.includes(30))).to.be.true;
    expect(thirty.total).to.equal(
      store.supporters.filter((s) => s.sessionLengths.includes(30)).length,
    );
  });

  it('filters by availability within a number of days', async () => {
    const soon = await page({ availableWithinDays: 2, limit: 100 });
    const limit = Date.parse(MARCH) + 2 * 24 * HOUR;
    expect(soon.total).to.be.greaterThan(0);
    expect(soon.total).to.be.below(64);
    for (const s of soon.items) expect(Date.parse(s.nextAvailable ?? 'x')).to.be.below(limit);
  });

  it('refuses malformed filters with the fields at fault, checked against the contract', async () => {
    // Bodies as a careless or hostile client could send them, past the TypeScript types.
    const refused = async (query: Record<string, unknown>) =>
      fieldsOf(
        expectError(await store.listSupporters(query as SupporterQuery), 400, 'invalid-request'),
      );
    expect(await refused({ limit: 0 })).to.deep.equal(['limit']);
    expect(await refused({ limit: 5001 })).to.deep.equal(['limit']);
    expect(await refused({ limit: 2.5 })).to.deep.equal(['limit']);
    expect(await refused({ offset: -1 })).to.deep.equal(['offset']);
    expect(await refused({ lengthMinutes: 45 })).to.deep.equal(['lengthMinutes']);
    expect(await refused({ sort: 'rating' })).to.deep.equal(['sort']);
    expect(await refused({ availableWithinDays: -1 })).to.deep.equal(['availableWithinDays']);
    expect(await refused({ q: 'x'.repeat(201) })).to.deep.equal(['q']);
    expect(await refused({ states: ['ca'] })).to.deep.equal(['states.0']);
    expect(await refused({ topics: 'grief' })).to.deep.equal(['topics']);
    expect(await refused({ languages: Array.from({ length: 101 }, () => 'en') })).to.deep.equal([
      'languages',
    ]);
    // The bounds themselves are accepted.
    expect(
      (await page({ limit: 5000, q: 'x'.repeat(200), availableWithinDays: 365 })).total,
    ).to.equal(0);
    expect((await page({ q: '', limit: 1 })).total).to.equal(64);
  });
});

describe('labels in the language asked for', () => {
  const { store } = storeAt(MARCH);
  const labels = (tags: readonly { id: string; label: string }[]) =>
    Object.fromEntries(tags.map((t) => [t.id, t.label]));

  it('gives tags, facets and profiles in Spanish for es, ids unchanged', async () => {
    const en = expectOk(await store.listSupporters({ sort: 'name' }), SupporterPageSchema);
    const es = expectOk(await store.listSupporters({ sort: 'name' }, 'es'), SupporterPageSchema);
    expect(labels(en.facets.topics).anxiety).to.equal('Anxiety');
    expect(labels(es.facets.topics).anxiety).to.equal('Ansiedad');
    expect(labels(es.facets.identities).nonbinary).to.equal('No binario');
    expect(es.facets.topics.map((t) => t.id).sort()).to.deep.equal(
      en.facets.topics.map((t) => t.id).sort(),
    );
    // Sorted as a Spanish reader expects, by the Spanish labels.
    const spanish = es.facets.topics.map((t) => t.label);
    expect(spanish).to.deep.equal([...spanish].sort((a, b) => a.localeCompare(b, 'es')));
    expect(es.items.map((s) => s.id)).to.deep.equal(en.items.map((s) => s.id));
    const translated = es.items.flatMap((s) => s.topics).filter((t) => t.id === 'grief');
    expect(translated.length).to.be.greaterThan(0);
    for (const t of translated) expect(t.label).to.equal('Duelo y pérdida');

    const profile = expectOk(
      await store.getSupporter(en.items[0]!.id, 'es'),
      SupporterProfileSchema,
    );
    expect(profile.topics).to.deep.equal(es.items[0]!.topics);
  });

  it('explains matches in Spanish for es', async () => {
    const request = {
      topics: ['anxiety'],
      identities: [],
      languages: ['es'],
      timesOfDay: ['evening' as const],
    };
    const { results } = expectOk(await store.match(request, 'es'), MatchResultSchema);
    const reasons = Object.fromEntries(results[0]!.reasons.map((r) => [r.kind, r.label]));
    expect(reasons).to.deep.include({ topic: 'Ansiedad', language: 'español' });
    const times = results.flatMap((r) => r.reasons).filter((r) => r.kind === 'time-of-day');
    expect(times.length, 'evening sessions among the matches').to.be.greaterThan(0);
    expect(new Set(times.map((r) => r.label))).to.deep.equal(new Set(['Noches']));
    const [bestEn] = expectOk(await store.match(request), MatchResultSchema).results;
    expect(Object.fromEntries(bestEn!.reasons.map((r) => [r.kind, r.label]))).to.deep.include({
      topic: 'Anxiety',
      language: 'Spanish',
    });
  });

  it('finds a tag by its label in either language, whatever the answer language', async () => {
    const byEnglish = expectOk(
      await store.listSupporters({ q: 'grief', limit: 100 }),
      SupporterPageSchema,
    );
    const bySpanish = expectOk(
      await store.listSupporters({ q: 'duelo', limit: 100 }),
      SupporterPageSchema,
    );
    expect(bySpanish.total).to.be.greaterThan(0);
    expect(bySpanish.items.map((s) => s.id)).to.include.members(
      byEnglish.items.filter((s) => s.topics.some((t) => t.id === 'grief')).map((s) => s.id),
    );
  });
});

describe('profiles and next available', () => {
  it('returns a profile without the schedule, and 404 for an unknown id', async () => {
    const { store } = storeAt(MARCH);
    const profile = expectOk(await store.getSupporter('sup-001'), SupporterProfileSchema);
    expect(profile.bio.length).to.be.greaterThan(50);
    expect(profile).not.to.have.property('schedule');
    expect(profile.nextAvailable).to.match(/-08:00$/);
    expectError(await store.getSupporter('sup-999'), 404, 'not-found');
  });

  it('finds the soonest slot across the filtered supporters, and moves on once it is booked', async () => {
    const { store } = storeAt(MARCH);
    const next = expectOk(await store.nextAvailable({}), NextAvailableSchema).slot as Slot;
    expect(next).to.not.equal(null);
    const soonest = expectOk(await store.listSupporters({ limit: 1 }), SupporterPageSchema)
      .items[0] as SupporterSummary;
    expect(Date.parse(next.start)).to.equal(Date.parse(soonest.nextAvailable ?? ''));

    const vi = expectOk(await store.nextAvailable({ languages: ['vi'] }), NextAvailableSchema)
      .slot as Slot;
    const viSupporter = store.supporters.find((s) => s.id === vi.supporterId);
    expect(viSupporter?.languages).to.include('vi');

    const state = store.supporters.find((s) => s.id === next.supporterId)?.states[0] ?? 'CA';
    expectOk(
      await store.createBooking(
        request(next, { seeker: { name: 'A', email: 'a@example.org', age: 20, state } }),
      ),
      BookingSchema,
      201,
    );
    const after = expectOk(await store.nextAvailable({}), NextAvailableSchema).slot as Slot;
    expect(after.supporterId === next.supporterId && after.start === next.start).to.equal(false);
    expect(Date.parse(after.start)).to.be.at.least(Date.parse(next.start));

    expect(
      expectOk(await store.nextAvailable({ q: 'zzzz-nothing' }), NextAvailableSchema).slot,
    ).to.equal(null);
  });

  it('refuses malformed filters, and ignores paging and order it does not take', async () => {
    const { store } = storeAt(MARCH);
    const bad = { lengthMinutes: 45, states: ['California'] } as unknown as SupporterFilters;
    const body = expectError(await store.nextAvailable(bad), 400, 'invalid-request');
    expect(fieldsOf(body).sort()).to.deep.equal(['lengthMinutes', 'states.0']);
    const paged = { limit: 0, sort: 'rating' } as unknown as SupporterFilters;
    expect(expectOk(await store.nextAvailable(paged), NextAvailableSchema).slot).to.deep.equal(
      expectOk(await store.nextAvailable({}), NextAvailableSchema).slot,
    );
  });
});

describe('matching', () => {
  const weekdays = (open: string, close: string) => ({
    timeZone: 'America/Los_Angeles',
    weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open, close })),
  });
  const tag = (id: string) => ({ id, label: id });
  const people = [
    supporter('both-morning', {
      topics: [tag('anxiety'), tag('grief')],
      schedule: weekdays('09:00', '12:00'),
    }),
    supporter('both-evening', {
      topics: [tag('anxiety'), tag('grief')],
      schedule: weekdays('17:00', '21:00'),
    }),
    supporter('one-topic', {
      topics: [tag('anxiety')],
      identities: [tag('latine')],
      schedule: weekdays('17:00', '21:00'),
    }),
    supporter('spanish', {
      topics: [],
      languages: ['en', 'es'],
      schedule: weekdays('12:00', '15:00'),
    }),
    supporter('none', { topics: [tag('body-image')], schedule: weekdays('09:00', '10:00') }),
    supporter('oregon', {
      topics: [tag('anxiety'), tag('grief')],
      states: ['OR'],
      schedule: weekdays('17:00', '21:00'),
    }),
  ];

  it('ranks topic overlap highest, then time of day, with reasons and scores in 0..1', async () => {
    const { store } = storeAt(MARCH, { supporters: people });
    const { results } = expectOk(
      await store.match({
        topics: ['anxiety', 'grief'],
        identities: [],
        languages: [],
        timesOfDay: ['evening'],
        states: ['CA'],
      }),
      MatchResultSchema,
    );
    const ids = results.map((r) => r.supporter.id);
    expect(ids).not.to.include('oregon');
    expect(ids.slice(0, 3)).to.deep.equal(['both-evening', 'both-morning', 'one-topic']);
    expect(results[0]?.score).to.equal(1);
    expect(ids[ids.length - 1]).to.be.oneOf(['spanish', 'none']);
    const scores = results.map((r) => r.score);
    expect(scores).to.deep.equal([...scores].sort((a, b) => b - a));
    for (const s of scores) expect(s).to.be.within(0, 1);
    const reasons = results[0]?.reasons.map((r) => `${r.kind}:${r.id}`);
    expect(reasons).to.have.members(['topic:anxiety', 'topic:grief', 'time-of-day:evening']);
    expect(results[1]?.reasons.map((r) => r.kind)).not.to.include('time-of-day');
  });

  it('never matches a supporter certified only outside the given states', async () => {
    const { store } = storeAt(MARCH, {
      supporters: [
        ...people,
        supporter('washington', {
          topics: [tag('anxiety'), tag('grief')],
          states: ['WA'],
          schedule: weekdays('17:00', '21:00'),
        }),
        supporter('or-and-wa', { topics: [tag('grief')], states: ['OR', 'WA'] }),
      ],
    });
    const ask = async (states?: string[]) =>
      expectOk(
        await store.match({
          topics: ['anxiety', 'grief'],
          identities: [],
          languages: [],
          timesOfDay: ['evening'],
          ...(states ? { states } : {}),
          limit: 50,
        }),
        MatchResultSchema,
      ).results.map((r) => r.supporter);

    // Any overlap is enough; the best fits elsewhere are left out however well they score.
    const northwest = await ask(['OR', 'WA']);
    expect(northwest.map((s) => s.id)).to.have.members(['oregon', 'washington', 'or-and-wa']);
    const california = await ask(['CA']);
    expect(california.map((s) => s.id)).to.have.members(
      people.filter((p) => p.states.includes('CA')).map((p) => p.id),
    );
    for (const s of california) expect(s.states).to.include('CA');
    expect(await ask(['NV'])).to.deep.equal([]);
    // No states (or an empty list) means no state filter.
    expect((await ask()).length).to.equal(people.length + 2);
    expect((await ask([])).length).to.equal(people.length + 2);

    const body = expectError(
      await store.match({
        topics: [],
        identities: [],
        languages: [],
        timesOfDay: [],
        states: ['California'],
      }),
      400,
      'invalid-request',
    );
    expect(fieldsOf(body)).to.deep.equal(['states.0']);
  });

  it('puts supporters who cannot speak a requested language far below those who can', async () => {
    const { store } = storeAt(MARCH, { supporters: people });
    const { results } = expectOk(
      await store.match({
        topics: ['anxiety', 'grief'],
        identities: [],
        languages: ['es'],
        timesOfDay: [],
      }),
      MatchResultSchema,
    );
    expect(results[0]?.supporter.id).to.equal('spanish');
    expect(results[0]?.reasons).to.deep.equal([{ kind: 'language', id: 'es', label: 'Spanish' }]);
    const others = results.slice(1);
    expect(others.every((r) => r.score < (results[0]?.score ?? 0) / 2)).to.equal(true);
  });

  it('judges times of day in the seeker zone', async () => {
    const { store } = storeAt(MARCH, { supporters: people });
    // 09:00-12:00 Pacific is 12:00-15:00 in New York: afternoon there, not morning.
    const { results } = expectOk(
      await store.match({
        topics: [],
        identities: [],
        languages: [],
        timesOfDay: ['afternoon'],
        timeZone: 'America/New_York',
      }),
      MatchResultSchema,
    );
    const morning = results.find((r) => r.supporter.id === 'both-morning');
    expect(morning?.reasons.map((r) => r.id)).to.deep.equal(['afternoon']);
    expect(morning?.score).to.equal(1);
  });

  it('breaks ties by next available and honours the limit', async () => {
    const { store } = storeAt(MARCH);
    const { results } = expectOk(
      await store.match({ topics: [], identities: [], languages: [], timesOfDay: [], limit: 5 }),
      MatchResultSchema,
    );
    expect(results.length).to.equal(5);
    const starts = results.map((r) => Date.parse(r.supporter.nextAvailable ?? '9999'));
    expect(starts).to.deep.equal([...starts].sort((a, b) => a - b));
  });
});

describe('booking', () => {
  async function setup(iso = MARCH, options: MockStoreOptions = {}) {
    const fixture = storeAt(iso, {
      supporters: [supporter('dst'), supporter('wa', { states: ['WA'] })],
      ...options,
    });
    const slots = await slotsOf(fixture.store, 'dst');
    return { ...fixture, slots };
  }

  it('books an open slot as a request with a checkout link and frees nothing else', async () => {
    const { store, slots } = await setup();
    const slot = slots[3] as Slot;
    const booking = expectOk(await store.createBooking(request(slot)), CreatedBookingSchema, 201);
    expect(booking.status).to.equal('requested');
    expect(booking.start).to.equal(slot.start);
    expect(booking.end).to.equal(slot.end);
    expect(booking.payment).to.include({ kind: 'sliding-scale', status: 'due' });
    expect(booking.payment.amount).to.deep.equal({ amount: 4500, currency: 'USD' });
    // An opaque token only: no name, email or age of the seeker in the URL (QUALITY S4).
    expect(booking.payment.checkoutUrl).to.match(
      /^https:\/\/checkout\.example\.org\/pay\/cs_[a-z0-9]+$/,
    );
    expect(Date.parse(booking.start) - Date.parse(booking.freeCancellationUntil)).to.equal(
      24 * HOUR,
    );
    expect(booking.freeCancellationUntil.slice(-6)).to.match(/^-0[78]:00$/);
    expect(booking.joinUrl).to.equal(undefined);

    const after = (await slotsOf(store, 'dst')).map((s) => s.start);
    expect(after).not.to.include(slot.start);
    expect(after.length).to.equal(slots.length - 1);
    // The 30-minute slots inside the booked hour are gone too.
    const thirty = (await slotsOf(store, 'dst', 30)).map((s) => Date.parse(s.start));
    const start = Date.parse(slot.start);
    expect(thirty.some((t) => t >= start && t < start + HOUR)).to.equal(false);
    const { manageToken, ...stored } = booking;
    expect(expectOk(await store.getBooking(booking.id, manageToken), BookingSchema)).to.deep.equal(
      stored,
    );
    expectError(await store.getBooking('bk-nope', manageToken), 404, 'not-found');
  });

  it('returns the same booking for the same Idempotency-Key, and refuses the key for another body', async () => {
    const { store, slots } = await setup();
    const body = request(slots[0] as Slot);
    const first = expectOk(await store.createBooking(body, 'key-1'), BookingSchema, 201);
    const again = expectOk(
      await store.createBooking(structuredClone(body), 'key-1'),
      BookingSchema,
      201,
    );
    expect(again).to.deep.equal(first);
    expect((await store.bookings()).length).to.equal(1);
    const other = request(slots[1] as Slot);
    expectError(await store.createBooking(other, 'key-1'), 422, 'idempotency-key-reused');
    expect((await store.bookings()).length).to.equal(1);
    // Without a key the second identical request meets a taken slot.
    expectError(await store.createBooking(body), 409, 'slot-taken');
  });

  it('refuses a taken slot or one now too soon with 409, a time never offered with 422', async () => {
    const { store, slots } = await setup();
    const slot = slots[0] as Slot;
    expectOk(await store.createBooking(request(slot), 'a'), BookingSchema, 201);
    let body = expectError(await store.createBooking(request(slot), 'b'), 409, 'slot-taken');
    expect(fieldsOf(body)).to.deep.equal(['slotStart']);
    // On the schedule's grid but within the two hours' lead: offered before, not any more.
    expectError(
      await store.createBooking(request({ ...slot, start: '2026-03-05T11:00:00-08:00' }), 'd'),
      409,
      'slot-taken',
    );
    // Never offered: off the grid, outside the supporter's hours, past the horizon.
    for (const [start, key] of [
      ['2026-03-06T09:15:00-08:00', 'c1'],
      ['2026-03-07T10:00:00-08:00', 'c2'],
      ['2026-03-06T13:00:00-08:00', 'c3'],
      ['2026-05-04T10:00:00-07:00', 'c4'],
    ] as const) {
      body = expectError(
        await store.createBooking(request({ ...slot, start }), key),
        422,
        'slot-not-offered',
      );
      expect(fieldsOf(body), start).to.deep.equal(['slotStart']);
    }
    // The same instant written with another offset is the same slot.
    const utc = new Date(Date.parse((slots[1] as Slot).start)).toISOString();
    expectOk(await store.createBooking(request({ ...slot, start: utc }), 'e'), BookingSchema, 201);
  });

  it('checks eligibility: age, state of the program, and the supporter certification', async () => {
    const { store, slots } = await setup();
    const slot = slots[0] as Slot;
    const seeker = (age: number, state: string) => ({
      seeker: { name: 'S', email: 's@example.org', age, state },
    });
    let body = expectError(
      await store.createBooking(request(slot, seeker(17, 'CA'))),
      422,
      'not-eligible',
    );
    expect(fieldsOf(body)).to.deep.equal(['seeker.age']);
    body = expectError(
      await store.createBooking(request(slot, seeker(31, 'NV'))),
      422,
      'not-eligible',
    );
    expect(fieldsOf(body)).to.deep.equal(['seeker.age', 'seeker.state']);
    body = expectError(
      await store.createBooking(request(slot, seeker(25, 'WA'))),
      422,
      'not-eligible',
    );
    expect(fieldsOf(body)).to.deep.equal(['seeker.state']);
    expectOk(await store.createBooking(request(slot, seeker(18, 'CA'))), BookingSchema, 201);
    expectOk(
      await store.createBooking(request(slots[1] as Slot, seeker(30, 'CA'))),
      BookingSchema,
      201,
    );
    expectError(
      await store.createBooking(request({ ...slot, supporterId: 'ghost' })),
      404,
      'not-found',
    );
  });

  it('requires the age when the program asks it, and says which code applies', async () => {
    const { store, slots } = await setup();
    const slot = slots[0] as Slot;
    const codesOf = (body: ErrorBody) =>
      (body.error.fieldErrors ?? []).map((f) => `${f.field} ${f.code}`);
    const noAge = { seeker: { name: 'S', email: 's@example.org', state: 'CA' } };
    let body = expectError(await store.createBooking(request(slot, noAge)), 422, 'not-eligible');
    expect(codesOf(body)).to.deep.equal(['seeker.age required']);
    // A yes to the range does not stand in for an age the program asks.
    const yes = { seeker: { ...noAge.seeker, ageInRange: true as const } };
    body = expectError(await store.createBooking(request(slot, yes)), 422, 'not-eligible');
    expect(codesOf(body)).to.deep.equal(['seeker.age required']);
    const old = { seeker: { ...noAge.seeker, age: 31, state: 'NV' } };
    body = expectError(await store.createBooking(request(slot, old)), 422, 'not-eligible');
    expect(codesOf(body)).to.deep.equal(['seeker.age out_of_range', 'seeker.state not_served']);
    expect(body.error.fieldErrors?.[0]?.message).to.contain('18 to 30');
    const uncertified = { seeker: { ...noAge.seeker, age: 17, state: 'WA' } };
    body = expectError(await store.createBooking(request(slot, uncertified)), 422, 'not-eligible');
    expect(codesOf(body)).to.deep.equal(['seeker.age out_of_range', 'seeker.state not_certified']);
  });

  it("takes a yes to the range question where that is the program's question", async () => {
    const { store, slots } = await setup(MARCH, { program: programVariants.free });
    const seeker = { name: 'S', email: 's@example.org', state: 'CA' };
    const free = { payment: { kind: 'free' as const } };
    const yes = { ...free, seeker: { ...seeker, ageInRange: true as const } };
    expectOk(await store.createBooking(request(slots[0] as Slot, yes)), BookingSchema, 201);
    // An age is accepted too, and must then be within the range.
    const aged = (age: number) => ({ ...free, seeker: { ...seeker, age } });
    expectOk(await store.createBooking(request(slots[1] as Slot, aged(30))), BookingSchema, 201);
    let body = expectError(
      await store.createBooking(request(slots[2] as Slot, aged(31))),
      422,
      'not-eligible',
    );
    expect(body.error.fieldErrors?.map((f) => f.code)).to.deep.equal(['out_of_range']);
    body = expectError(
      await store.createBooking(request(slots[2] as Slot, { ...free, seeker })),
      422,
      'not-eligible',
    );
    expect(body.error.fieldErrors?.map((f) => `${f.field} ${f.code}`)).to.deep.equal([
      'seeker.age required',
    ]);
    // The contract has no "no": only `true` or nothing.
    const no = { ...free, seeker: { ...seeker, ageInRange: false } } as unknown as BookingRequest;
    body = expectError(
      await store.createBooking(request(slots[2] as Slot, no)),
      400,
      'invalid-request',
    );
    expect(fieldsOf(body)).to.deep.equal(['seeker.ageInRange']);
  });

  it('needs no age on a program without an age limit, and ignores one sent', async () => {
    const { store, slots } = await setup(MARCH, { program: programVariants.noAgeLimit });
    const seeker = { name: 'S', email: 's@example.org', state: 'CA' };
    expectOk(await store.createBooking(request(slots[0] as Slot, { seeker })), BookingSchema, 201);
    expectOk(
      await store.createBooking(request(slots[1] as Slot, { seeker: { ...seeker, age: 70 } })),
      BookingSchema,
      201,
    );
    const body = expectError(
      await store.createBooking(request(slots[2] as Slot, { seeker: { ...seeker, state: 'NV' } })),
      422,
      'not-eligible',
    );
    expect(fieldsOf(body)).to.deep.equal(['seeker.state']);
  });

  it('prices a session by its length: the sliding scale and the fixed price', async () => {
    const { store } = await setup();
    const thirty = await slotsOf(store, 'dst', 30);
    const sixty = await slotsOf(store, 'dst', 60);
    const pay = (amount: number) => ({ payment: { kind: 'sliding-scale' as const, amount } });
    // 30 minutes: at least 10.00; 60 minutes: at least 20.00 (the top level).
    const low = expectOk(
      await store.createBooking(request(thirty[0] as Slot, pay(1000))),
      BookingSchema,
      201,
    );
    expect(low.payment.amount).to.deep.equal({ amount: 1000, currency: 'USD' });
    let body = expectError(
      await store.createBooking(request(thirty[4] as Slot, pay(999))),
      422,
      'payment-below-minimum',
    );
    expect(body.error.fieldErrors?.[0]?.message).to.contain('1000');
    body = expectError(
      await store.createBooking(request(sixty[5] as Slot, pay(1000))),
      422,
      'payment-below-minimum',
    );
    expect(body.error.fieldErrors?.[0]?.message).to.contain('2000');

    const fixed = await setup(MARCH, { program: programVariants.fixed });
    const fixedPay = { payment: { kind: 'fixed' as const } };
    const short = expectOk(
      await fixed.store.createBooking(
        request((await slotsOf(fixed.store, 'dst', 30))[0] as Slot, fixedPay),
      ),
      BookingSchema,
      201,
    );
    expect(short.payment.amount).to.deep.equal({ amount: 3500, currency: 'USD' });
    const long = expectOk(
      await fixed.store.createBooking(
        request((await slotsOf(fixed.store, 'dst', 60))[5] as Slot, fixedPay),
      ),
      BookingSchema,
      201,
    );
    expect(long.payment.amount).to.deep.equal({ amount: 6500, currency: 'USD' });
  });

  it('checks session length, modality and the shape of the request', async () => {
    const { store } = storeAt(MARCH, {
      supporters: [supporter('short', { sessionLengths: [30], modalities: ['video'] })],
    });
    const slot = (await slotsOf(store, 'short', 30))[0] as Slot;
    let body = expectError(
      await store.createBooking(request({ ...slot, lengthMinutes: 60 })),
      422,
      'invalid-request',
    );
    expect(fieldsOf(body)).to.deep.equal(['lengthMinutes']);
    body = expectError(
      await store.createBooking(request(slot, { modality: 'phone' })),
      422,
      'invalid-request',
    );
    expect(fieldsOf(body)).to.deep.equal(['modality']);
    const broken = { ...request(slot), seeker: { name: '', email: 'nope', age: 20, state: 'CA' } };
    body = expectError(await store.createBooking(broken), 400, 'invalid-request');
    expect(fieldsOf(body)).to.include.members(['seeker.name', 'seeker.email']);
  });

  it('checks payment against the sliding scale', async () => {
    const { store, slots } = await setup(MARCH, {
      program: {
        ...referenceProgram,
        pricing: { model: 'sliding-scale', suggested: 4500, minimum: 2000, maximum: 9000 },
      },
    });
    const at = (i: number) => slots[i] as Slot;
    let body = expectError(
      await store.createBooking(
        request(at(0), { payment: { kind: 'sliding-scale', amount: 1999 } }),
      ),
      422,
      'payment-below-minimum',
    );
    expect(fieldsOf(body)).to.deep.equal(['payment.amount']);
    body = expectError(
      await store.createBooking(
        request(at(0), { payment: { kind: 'sliding-scale', amount: 9001 } }),
      ),
      422,
      'payment-above-maximum',
    );
    expect(fieldsOf(body)).to.deep.equal(['payment.amount']);
    body = expectError(
      await store.createBooking(request(at(0), { payment: { kind: 'fixed' } })),
      422,
      'payment-kind-not-accepted',
    );
    expect(fieldsOf(body)).to.deep.equal(['payment.kind']);
    // The maximum itself is accepted, as the minimum is below.
    expectOk(
      await store.createBooking(
        request(at(1), { payment: { kind: 'sliding-scale', amount: 9000 } }),
      ),
      BookingSchema,
      201,
    );
    const low = expectOk(
      await store.createBooking(
        request(at(0), { payment: { kind: 'sliding-scale', amount: 2000 } }),
      ),
      BookingSchema,
      201,
    );
    expect(low.payment.amount.amount).to.equal(2000);
  });

  it('charges the fixed price, and nothing on a free program', async () => {
    const fixed = await setup(MARCH, { program: programVariants.fixed });
    expectError(
      await fixed.store.createBooking(request(fixed.slots[0] as Slot)),
      422,
      'payment-kind-not-accepted',
    );
    const paid = expectOk(
      await fixed.store.createBooking(
        request(fixed.slots[0] as Slot, { payment: { kind: 'fixed' } }),
      ),
      BookingSchema,
      201,
    );
    expect(paid.payment).to.deep.include({
      kind: 'fixed',
      status: 'due',
      amount: { amount: 6500, currency: 'USD' },
    });

    const free = await setup(MARCH, { program: programVariants.free });
    const booking = expectOk(
      await free.store.createBooking(request(free.slots[0] as Slot, { payment: { kind: 'free' } })),
      BookingSchema,
      201,
    );
    expect(booking.payment).to.deep.equal({
      kind: 'free',
      status: 'not-required',
      amount: { amount: 0, currency: 'USD' },
    });
    const body = expectError(
      await free.store.createBooking(
        request(free.slots[1] as Slot, {
          payment: { kind: 'gift-card', code: 'GIFT-DEMO-2026-0003' },
        }),
      ),
      422,
      'payment-kind-not-accepted',
    );
    expect(fieldsOf(body)).to.deep.equal(['payment.kind']);
  });

  it('applies a gift card: balance goes down, used-up, unknown and wrong-length cards are refused', async () => {
    const { store, slots } = await setup();
    const gift = { payment: { kind: 'gift-card' as const, code: 'GIFT-DEMO-2026-0003' } };
    const balance = async () =>
      expectOk(await store.getGiftCard('GIFT-DEMO-2026-0003'), GiftCardBalanceSchema);
    expect(await balance()).to.deep.include({
      status: 'active',
      sessionsTotal: 3,
      sessionsRemaining: 3,
      lengthMinutes: 60,
    });

    const booking = expectOk(
      await store.createBooking(request(slots[0] as Slot, gift)),
      BookingSchema,
      201,
    );
    expect(booking.payment).to.deep.equal({
      kind: 'gift-card',
      status: 'covered-by-gift',
      amount: { amount: 0, currency: 'USD' },
    });
    expect((await balance()).sessionsRemaining).to.equal(2);

    const thirty = (await slotsOf(store, 'dst', 30)).find(
      (s) => !slots.slice(0, 1).some((x) => x.start === s.start),
    ) as Slot;
    const wrong = expectError(
      await store.createBooking(request(thirty, gift)),
      422,
      'gift-card-wrong-length',
    );
    expect(fieldsOf(wrong)).to.deep.equal(['payment.code']);
    expectError(
      await store.createBooking(
        request(slots[1] as Slot, { payment: { kind: 'gift-card', code: 'GIFT-USED-2025-0000' } }),
      ),
      422,
      'gift-card-used',
    );
    expectError(
      await store.createBooking(
        request(slots[1] as Slot, { payment: { kind: 'gift-card', code: 'GIFT-NOPE-0000-0000' } }),
      ),
      422,
      'gift-card-invalid',
    );

    expectOk(await store.createBooking(request(slots[1] as Slot, gift)), BookingSchema, 201);
    expectOk(await store.createBooking(request(slots[2] as Slot, gift)), BookingSchema, 201);
    expect(await balance()).to.deep.include({ status: 'used', sessionsRemaining: 0 });
    expectError(await store.createBooking(request(slots[3] as Slot, gift)), 422, 'gift-card-used');
    expect(
      expectOk(await store.getGiftCard('GIFT-USED-2025-0000'), GiftCardBalanceSchema).status,
    ).to.equal('used');
  });
});

describe('cancelling and rescheduling', () => {
  async function setup() {
    const fixture = storeAt(MARCH, { supporters: [supporter('dst')] });
    const slots = await slotsOf(fixture.store, 'dst');
    const book = async (
      slot: Slot,
      overrides: Partial<BookingRequest> = {},
    ): Promise<CreatedBooking> =>
      expectOk(
        await fixture.store.createBooking(request(slot, overrides)),
        CreatedBookingSchema,
        201,
      );
    return { ...fixture, slots, book };
  }
  const monday = '2026-03-09T10:00:00-07:00';
  const mondaySlot: Slot = { supporterId: 'dst', start: monday, end: '', lengthMinutes: 60 };
  const usd = (amount: number) => ({ amount, currency: 'USD' });

  it('cancels free of charge exactly 24 h before, the slot reopens, the booking shows it', async () => {
    const { store, book, setNow } = await setup();
    const booking = await book(mondaySlot);
    expect(booking.freeCancellationUntil).to.equal('2026-03-08T10:00:00-07:00');
    // Exactly 24 h before still counts as "at least 24 hours".
    setNow('2026-03-08T10:00:00-07:00');
    const cancellation = expectOk(
      await store.cancelBooking(booking.id, booking.manageToken, { reason: 'schedule-conflict' }),
      CancellationSchema,
    );
    expect(cancellation).to.deep.equal({
      bookingId: booking.id,
      status: 'cancelled',
      cancelledAt: '2026-03-08T10:00:00-07:00',
      by: 'seeker',
      withinFreeWindow: true,
      outcome: 'no-charge',
      feeDue: usd(0),
      refunded: usd(0),
      giftSessionRestored: false,
    });
    const after = expectOk(await store.getBooking(booking.id, booking.manageToken), BookingSchema);
    expect(after.status).to.equal('cancelled');
    expect(after.payment.status).to.equal('not-required');
    const { bookingId: _, status: _s, ...shown } = cancellation;
    expect(after.cancellation).to.deep.equal(shown);
    expect((await slotsOf(store, 'dst')).map((s) => s.start)).to.include(monday);
  });

  it('charges the full fee one second after the boundary', async () => {
    const { store, book, setNow } = await setup();
    const booking = await book(mondaySlot);
    expect(
      expectOk(await store.getBooking(booking.id, booking.manageToken), BookingSchema).cancellation,
    ).to.equal(undefined);
    setNow('2026-03-08T10:00:01-07:00');
    const cancellation = expectOk(
      await store.cancelBooking(booking.id, booking.manageToken, {}),
      CancellationSchema,
    );
    expect(cancellation).to.deep.include({
      by: 'seeker',
      withinFreeWindow: false,
      outcome: 'fee-due',
    });
    expect(cancellation.feeDue).to.deep.equal(usd(4500));
    expect(cancellation.refunded).to.deep.equal(usd(0));
  });

  it('refunds a paid booking cancelled in time, and says so in refunded, not feeDue', async () => {
    const { store, book } = await setup();
    const booking = await book(mondaySlot);
    expect(await store.markPaid(booking.id)).to.equal(true);
    const cancellation = expectOk(
      await store.cancelBooking(booking.id, booking.manageToken),
      CancellationSchema,
    );
    expect(cancellation.outcome).to.equal('refunded');
    expect(cancellation.refunded).to.deep.equal(usd(4500));
    expect(cancellation.feeDue).to.deep.equal(usd(0));
    expect(
      expectOk(await store.getBooking(booking.id, booking.manageToken), BookingSchema).payment
        .status,
    ).to.equal('refunded');
  });

  it('restores a gift session in time, not later', async () => {
    const { store, book, slots, setNow } = await setup();
    const gift = { payment: { kind: 'gift-card' as const, code: 'GIFT-DEMO-2026-0003' } };
    const remaining = async () =>
      expectOk(await store.getGiftCard('GIFT-DEMO-2026-0003'), GiftCardBalanceSchema)
        .sessionsRemaining;
    const early = await book(mondaySlot, gift);
    const late = await book(slots[0] as Slot, gift);
    expect(await remaining()).to.equal(1);
    const restored = expectOk(
      await store.cancelBooking(early.id, early.manageToken),
      CancellationSchema,
    );
    expect(restored).to.deep.include({ outcome: 'no-charge', giftSessionRestored: true });
    expect(await remaining()).to.equal(2);
    setNow('2026-03-06T06:00:00-08:00');
    const spent = expectOk(
      await store.cancelBooking(late.id, late.manageToken),
      CancellationSchema,
    );
    expect(spent).to.deep.include({
      outcome: 'gift-session-used',
      giftSessionRestored: false,
      withinFreeWindow: false,
    });
    expect(spent.feeDue).to.deep.equal(usd(0));
    expect(await remaining()).to.equal(2);
  });

  it("shows a supporter's cancellation on the booking: free to the seeker even when late", async () => {
    const { store, book, slots } = await setup();
    const soon = await book(slots[0] as Slot); // Friday 09:00, less than 24 h away
    expect(await store.markPaid(soon.id)).to.equal(true);
    expect(await store.cancelAsSupporter(soon.id)).to.equal(true);
    const after = expectOk(await store.getBooking(soon.id, soon.manageToken), BookingSchema);
    expect(after.status).to.equal('cancelled');
    expect(after.cancellation).to.deep.include({
      by: 'supporter',
      withinFreeWindow: false,
      outcome: 'refunded',
    });
    expect(after.cancellation?.refunded).to.deep.equal(usd(4500));
    expect(after.cancellation?.feeDue).to.deep.equal(usd(0));
    expect(await store.cancelAsSupporter(soon.id)).to.equal(false);
    expectError(await store.cancelBooking(soon.id, soon.manageToken), 409, 'already-cancelled');
  });

  it('refuses a second cancellation with 409 but replays the same key', async () => {
    const { store, book } = await setup();
    const booking = await book(mondaySlot);
    const first = expectOk(
      await store.cancelBooking(booking.id, booking.manageToken, {}, 'cancel-1'),
      CancellationSchema,
    );
    const replay = expectOk(
      await store.cancelBooking(booking.id, booking.manageToken, {}, 'cancel-1'),
      CancellationSchema,
    );
    expect(replay).to.deep.equal(first);
    expectError(
      await store.cancelBooking(booking.id, booking.manageToken, {}, 'cancel-2'),
      409,
      'already-cancelled',
    );
    expectError(await store.cancelBooking('bk-missing', booking.manageToken), 404, 'not-found');
  });

  it('refuses to cancel or move a declined booking with its own code', async () => {
    const { store, book } = await setup();
    const booking = await book(mondaySlot);
    expect(await store.declineBooking(booking.id)).to.equal(true);
    expect(await store.declineBooking(booking.id)).to.equal(false);
    const declined = expectOk(
      await store.getBooking(booking.id, booking.manageToken),
      BookingSchema,
    );
    expect(declined.status).to.equal('declined');
    expect(declined.payment.status).to.equal('not-required');
    expect(declined.payment.checkoutUrl).to.equal(undefined);
    expectError(
      await store.cancelBooking(booking.id, booking.manageToken),
      409,
      'booking-declined',
    );
    expectError(
      await store.rescheduleBooking(booking.id, booking.manageToken, {
        slotStart: '2026-03-10T10:00:00-07:00',
      }),
      409,
      'booking-declined',
    );
    // Its time is open again.
    expect((await slotsOf(store, 'dst')).map((s) => s.start)).to.include(monday);
  });

  it('moves a booking to another open slot of the same supporter; the old one reopens', async () => {
    const { store, book, slots } = await setup();
    const booking = await book(mondaySlot);
    const target = '2026-03-10T11:00:00-07:00';
    const moved = expectOk(
      await store.rescheduleBooking(
        booking.id,
        booking.manageToken,
        { slotStart: target },
        'move-1',
      ),
      BookingSchema,
    );
    expect(moved.id).to.equal(booking.id);
    expect(moved.start).to.equal(target);
    expect(moved.status).to.equal('requested');
    expect(Date.parse(moved.start) - Date.parse(moved.freeCancellationUntil)).to.equal(24 * HOUR);
    const open = (await slotsOf(store, 'dst')).map((s) => s.start);
    expect(open).to.include(monday);
    expect(open).not.to.include(target);
    expect(
      expectOk(
        await store.rescheduleBooking(
          booking.id,
          booking.manageToken,
          { slotStart: target },
          'move-1',
        ),
        BookingSchema,
      ),
    ).to.deep.equal(moved);

    const other = await book(slots[0] as Slot);
    expectError(
      await store.rescheduleBooking(booking.id, booking.manageToken, { slotStart: other.start }),
      409,
      'slot-taken',
    );
    expectError(
      await store.rescheduleBooking(booking.id, booking.manageToken, {
        slotStart: '2026-03-14T10:00:00-07:00',
      }),
      422,
      'slot-not-offered',
    );
  });

  it('moves a booking exactly 24 h before, not later, and not once cancelled', async () => {
    const { store, book, slots, setNow } = await setup();
    const soon = await book(slots[0] as Slot); // Friday 09:00, less than 24 h away
    expectError(
      await store.rescheduleBooking(soon.id, soon.manageToken, { slotStart: monday }),
      422,
      'too-late',
    );
    const later = await book(mondaySlot);
    expectOk(await store.cancelBooking(later.id, later.manageToken), CancellationSchema);
    expectError(
      await store.rescheduleBooking(later.id, later.manageToken, {
        slotStart: '2026-03-10T10:00:00-07:00',
      }),
      409,
      'already-cancelled',
    );
    const tuesday = await book({ ...mondaySlot, start: '2026-03-10T10:00:00-07:00' });
    setNow('2026-03-09T10:00:01-07:00');
    expectError(
      await store.rescheduleBooking(tuesday.id, tuesday.manageToken, {
        slotStart: '2026-03-12T10:00:00-07:00',
      }),
      422,
      'too-late',
    );
    setNow('2026-03-09T10:00:00-07:00');
    expectOk(
      await store.rescheduleBooking(tuesday.id, tuesday.manageToken, {
        slotStart: '2026-03-12T10:00:00-07:00',
      }),
      BookingSchema,
    );
    setNow('2026-03-09T11:00:00-07:00');
    expectError(await store.cancelBooking(soon.id, soon.manageToken), 422, 'too-late');
  });
});

describe('manage token', () => {
  async function setup() {
    const fixture = storeAt(MARCH, { supporters: [supporter('dst')] });
    const slots = await slotsOf(fixture.store, 'dst');
    const booking = expectOk(
      await fixture.store.createBooking(request(slots[0] as Slot)),
      CreatedBookingSchema,
      201,
    );
    return { ...fixture, slots, booking };
  }

  it('comes with a new booking only: 128 bits, one per booking, never on a read', async () => {
    const { store, slots, booking } = await setup();
    expect(booking.manageToken).to.match(/^[0-9a-f]{32}$/);
    const other = expectOk(
      await store.createBooking(request(slots[1] as Slot)),
      CreatedBookingSchema,
      201,
    );
    expect(other.manageToken).not.to.equal(booking.manageToken);
    const read = expectOk(await store.getBooking(booking.id, booking.manageToken), BookingSchema);
    expect(read).not.to.have.property('manageToken');
    expect((await store.bookings())[0]).not.to.have.property('manageToken');
  });

  it('answers a missing or wrong token exactly as an unknown booking', async () => {
    const { store, booking, slots } = await setup();
    const unknown = await store.getBooking('bk-unknown00', booking.manageToken);
    expectError(unknown, 404, 'not-found');
    const other = expectOk(
      await store.createBooking(request(slots[1] as Slot)),
      CreatedBookingSchema,
      201,
    );
    const attempts: [string, ApiResult<unknown>][] = [
      ['missing', await store.getBooking(booking.id, undefined)],
      ['empty', await store.getBooking(booking.id, '')],
      ['wrong', await store.getBooking(booking.id, 'f'.repeat(32))],
      ["another booking's", await store.getBooking(booking.id, other.manageToken)],
      ['cancel, wrong', await store.cancelBooking(booking.id, 'f'.repeat(32), {}, 'k1')],
      ['cancel, missing', await store.cancelBooking(booking.id, undefined, {}, 'k2')],
      [
        'reschedule, wrong',
        await store.rescheduleBooking(booking.id, other.manageToken, {
          slotStart: (slots[2] as Slot).start,
        }),
      ],
    ];
    for (const [label, result] of attempts) {
      expect(result, label).to.deep.equal(unknown);
    }
    // Nothing happened to the booking.
    const read = expectOk(await store.getBooking(booking.id, booking.manageToken), BookingSchema);
    expect(read.status).to.equal('requested');
    expect(read.start).to.equal((slots[0] as Slot).start);
    // A refused token did not use up the key: the right token with it cancels.
    expectOk(
      await store.cancelBooking(booking.id, booking.manageToken, {}, 'k1'),
      CancellationSchema,
    );
  });
});

describe('idempotency rules', () => {
  async function setup() {
    const fixture = storeAt(MARCH, { supporters: [supporter('dst')] });
    return { ...fixture, slots: await slotsOf(fixture.store, 'dst') };
  }

  it('replays the first answer, status and body, token included, even after the booking changed', async () => {
    const { store, slots } = await setup();
    const body = request(slots[0] as Slot);
    const first = await store.createBooking(body, 'key-1');
    const booking = expectOk(first, CreatedBookingSchema, 201);
    expect(await store.confirmBooking(booking.id)).to.equal(true);
    const again = await store.createBooking(structuredClone(body), 'key-1');
    expect(again).to.deep.equal(first);
    // Key order does not make another body.
    const reordered = Object.fromEntries(Object.entries(body).reverse()) as BookingRequest;
    expect(await store.createBooking(reordered, 'key-1')).to.deep.equal(first);
    expect((await store.bookings()).length).to.equal(1);
  });

  it('scopes a key to its operation', async () => {
    const { store, slots } = await setup();
    const booking = expectOk(
      await store.createBooking(request(slots[0] as Slot), 'shared'),
      CreatedBookingSchema,
      201,
    );
    expectOk(
      await store.cancelBooking(booking.id, booking.manageToken, {}, 'shared'),
      CancellationSchema,
    );
    const purchase = {
      sessions: 1,
      lengthMinutes: 60 as const,
      purchaser: { name: 'Pat', email: 'pat@example.org' },
      recipient: { name: 'Riley', email: 'riley@example.org' },
      timeZone: 'America/Chicago',
    };
    expectOk(await store.purchaseGiftCard(purchase, 'shared'), GiftCardPurchaseSchema, 201);
  });

  it('refuses the same key with another body with its own code, and does nothing', async () => {
    const { store, slots } = await setup();
    const booking = expectOk(
      await store.createBooking(request(slots[0] as Slot), 'key-1'),
      CreatedBookingSchema,
      201,
    );
    const body = expectError(
      await store.createBooking(request(slots[1] as Slot), 'key-1'),
      422,
      'idempotency-key-reused',
    );
    expect(fieldsOf(body)).to.deep.equal(['Idempotency-Key']);
    expect((await store.bookings()).length).to.equal(1);
    expect((await slotsOf(store, 'dst')).map((s) => s.start)).to.include((slots[1] as Slot).start);
    // On a booking: another reason, or the same body on another booking, is another body.
    expectOk(
      await store.cancelBooking(booking.id, booking.manageToken, {}, 'c-1'),
      CancellationSchema,
    );
    expectError(
      await store.cancelBooking(booking.id, booking.manageToken, { reason: 'other' }, 'c-1'),
      422,
      'idempotency-key-reused',
    );
    const other = expectOk(
      await store.createBooking(request(slots[2] as Slot)),
      CreatedBookingSchema,
      201,
    );
    expectError(
      await store.cancelBooking(other.id, other.manageToken, {}, 'c-1'),
      422,
      'idempotency-key-reused',
    );
    expect(
      expectOk(await store.getBooking(other.id, other.manageToken), BookingSchema).status,
    ).to.equal('requested');
  });

  it('remembers a refusal the operation decided, but not a 400', async () => {
    const { store, slots } = await setup();
    const low = request(slots[0] as Slot, { payment: { kind: 'sliding-scale', amount: 1 } });
    const refused = await store.createBooking(low, 'low');
    expectError(refused, 422, 'payment-below-minimum');
    expect(await store.createBooking(structuredClone(low), 'low')).to.deep.equal(refused);
    // A body the contract refuses (400) does not take the key.
    const broken = { ...request(slots[0] as Slot), lengthMinutes: 45 } as unknown as BookingRequest;
    expectError(await store.createBooking(broken, 'fresh'), 400, 'invalid-request');
    expectOk(
      await store.createBooking(request(slots[0] as Slot), 'fresh'),
      CreatedBookingSchema,
      201,
    );
  });

  it('does not remember a 5xx: the same key performs the request afresh', async () => {
    const { store, slots } = await setup();
    const body = request(slots[0] as Slot);
    store.failNext('createBooking');
    expectError(await store.createBooking(body, 'retry-me'), 500, 'internal');
    expect((await store.bookings()).length).to.equal(0);
    const booking = expectOk(
      await store.createBooking(body, 'retry-me'),
      CreatedBookingSchema,
      201,
    );
    expect((await store.bookings()).length).to.equal(1);
    // And that success is what the key now replays.
    expect(
      expectOk(await store.createBooking(body, 'retry-me'), CreatedBookingSchema, 201),
    ).to.deep.equal(booking);

    store.failNext('cancelBooking');
    expectError(
      await store.cancelBooking(booking.id, booking.manageToken, {}, 'c'),
      500,
      'internal',
    );
    expect(
      expectOk(await store.getBooking(booking.id, booking.manageToken), BookingSchema).status,
    ).to.equal('requested');
    // Even another body with that key is performed: the 500 kept nothing.
    expectOk(
      await store.cancelBooking(booking.id, booking.manageToken, { reason: 'other' }, 'c'),
      CancellationSchema,
    );
  });
});

describe('gift cards', () => {
  const purchase = {
    sessions: 3,
    lengthMinutes: 60 as const,
    purchaser: { name: 'Pat', email: 'pat@example.org' },
    recipient: { name: 'Riley', email: 'riley@example.org' },
    timeZone: 'America/Los_Angeles',
  };
  /** The contract's form, from the mock's alphabet: 16 of 32 symbols, no 0, O, 1 or I. */
  const ISSUED = /^[A-HJ-NP-Z2-9]{4}(?:-[A-HJ-NP-Z2-9]{4}){3}$/;
  const balanceOf = async (store: ReturnType<typeof createMockStore>, code: string) =>
    expectOk(await store.getGiftCard(code), GiftCardBalanceSchema);
  const withGiftCards = (giftCards: Partial<typeof referenceProgram.giftCards>) => ({
    ...referenceProgram,
    giftCards: { ...referenceProgram.giftCards, ...giftCards },
  });

  it('the reference program sells packages of 1, 3 and 5 (up to 10), of one length, never expiring, priced from its pricing', async () => {
    const { giftCards } = expectOk(await createMockStore().getProgram(), ProgramSchema);
    expect(giftCards).to.deep.equal({
      enabled: true,
      maxSessions: 10,
      packages: [1, 3, 5],
    });
    for (const size of giftCards.packages ?? []) expect(size).to.be.at.most(giftCards.maxSessions);
    // An expiry, when a program sets one, is at least five years.
    const expiring = (years: number) =>
      ProgramSchema.safeParse(withGiftCards({ expiresAfterYears: years })).success;
    expect([expiring(4), expiring(5), expiring(10)]).to.deep.equal([false, true, true]);
  });

  it('prices a gift session from the pricing for its length, or at the program’s own gift price', async () => {
    const totalOf = async (program: Program, request: { lengthMinutes?: 30 | 60 }) =>
      expectOk(
        await createMockStore({ program }).purchaseGiftCard({ ...purchase, ...request }),
        GiftCardPurchaseSchema,
        201,
      ).total.amount;
    // Sliding scale: the suggested amount for the length ($25 for 30 minutes, $45 for 60).
    expect(await totalOf(referenceProgram, { lengthMinutes: 30 })).to.equal(3 * 2500);
    expect(await totalOf(referenceProgram, { lengthMinutes: 60 })).to.equal(3 * 4500);
    // A card of any length costs what the longest costs.
    const anyLength = withGiftCards({ anyLength: true });
    const { lengthMinutes: _, ...anyLengthPurchase } = purchase;
    expect(
      expectOk(
        await createMockStore({ program: anyLength }).purchaseGiftCard(anyLengthPurchase),
        GiftCardPurchaseSchema,
        201,
      ).total.amount,
    ).to.equal(3 * 4500);
    // Fixed pricing, its byLength first.
    const fixed: Program = {
      ...referenceProgram,
      pricing: {
        model: 'fixed',
        price: 5000,
        moneyBackGuarantee: true,
        byLength: [{ lengthMinutes: 30, price: 3000 }],
      },
    };
    expect(await totalOf(fixed, { lengthMinutes: 30 })).to.equal(3 * 3000);
    expect(await totalOf(fixed, { lengthMinutes: 60 })).to.equal(3 * 5000);
    // The program's own gift price wins, whatever the length.
    expect(await totalOf(withGiftCards({ pricePerSession: 4000 }), { lengthMinutes: 30 })).to.equal(
      3 * 4000,
    );
  });

  it('sells a card pending payment, never answering its code; paid, it is active', async () => {
    const { store } = storeAt(MARCH);
    const bought = expectOk(
      await store.purchaseGiftCard(purchase, 'gift-1'),
      GiftCardPurchaseSchema,
      201,
    );
    expect(bought).to.deep.include({
      status: 'pending-payment',
      sessions: 3,
      lengthMinutes: 60,
      deliverOn: '2026-03-05',
    });
    expect(bought.total).to.deep.equal({ amount: 13500, currency: 'USD' });
    expect(bought.checkoutUrl).to.match(/^https:\/\/checkout\.example\.org\//);
    const code = (await store.emailedCode(bought.id)) as string;
    expect(code).to.match(ISSUED);
    expect(GiftCodeSchema.safeParse(code).success).to.equal(true);
    expect(JSON.stringify(bought)).not.to.contain(code);
    expect(await store.giftCodes()).to.include.members([
      'GIFT-DEMO-2026-0003',
      'GIFT-USED-2025-0000',
      'GIFT-OLD0-2019-0002',
      code,
    ]);
    expect(await balanceOf(store, code.toLowerCase())).to.deep.equal({
      code,
      status: 'pending',
      lengthMinutes: 60,
      sessionsTotal: 3,
      sessionsRemaining: 3,
    });
    expect(await store.markGiftCardPaid(bought.id)).to.equal(true);
    expect(await store.markGiftCardPaid(bought.id)).to.equal(false);
    expect(await store.markGiftCardPaid('gp-unknown')).to.equal(false);
    // The reference program sets no expiry.
    expect(await balanceOf(store, code)).to.deep.equal({
      code,
      status: 'active',
      lengthMinutes: 60,
      sessionsTotal: 3,
      sessionsRemaining: 3,
    });

    const again = expectOk(
      await store.purchaseGiftCard(structuredClone(purchase), 'gift-1'),
      GiftCardPurchaseSchema,
      201,
    );
    expect(again).to.deep.equal(bought);
    expect((await store.giftCodes()).length).to.equal(seedGiftCards.length + 1);
    expectError(
      await store.purchaseGiftCard({ ...purchase, sessions: 4 }, 'gift-1'),
      422,
      'idempotency-key-reused',
    );
  });

  it('makes one card from ten identical submissions with one key', async () => {
    const { store } = storeAt(MARCH);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => store.purchaseGiftCard(structuredClone(purchase), 'ten')),
    );
    const first = expectOk(answers[0]!, GiftCardPurchaseSchema, 201);
    for (const answer of answers) expect(answer).to.deep.equal(answers[0]);
    expect((await store.giftCodes()).length).to.equal(seedGiftCards.length + 1);
    expect(await store.emailedCode(first.id)).to.match(ISSUED);
  });

  it('draws codes from a cryptographic source: stores with the same seed issue different codes', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const { store } = storeAt(MARCH, { seed: 7 });
      for (let j = 0; j < 5; j++) {
        const { id } = expectOk(
          await store.purchaseGiftCard(purchase),
          GiftCardPurchaseSchema,
          201,
        );
        codes.add((await store.emailedCode(id)) as string);
      }
    }
    expect(codes.size).to.equal(15);
    for (const code of codes) expect(code).to.match(ISSUED);
  });

  it('keeps a paid card pending until its delivery date in the purchaser’s zone', async () => {
    const { store, setNow } = storeAt(MARCH);
    const later = expectOk(
      await store.purchaseGiftCard({ ...purchase, deliverOn: '2026-03-07' }),
      GiftCardPurchaseSchema,
      201,
    );
    expect(later.deliverOn).to.equal('2026-03-07');
    const code = (await store.emailedCode(later.id)) as string;
    await store.markGiftCardPaid(later.id);
    expect((await balanceOf(store, code)).status).to.equal('pending');
    setNow('2026-03-07T00:30:00-08:00');
    expect((await balanceOf(store, code)).status).to.equal('active');
    // 10:00 in Los Angeles is already the next day in Kiritimati (UTC+14): today there is the 6th.
    setNow(MARCH);
    const body = expectError(
      await store.purchaseGiftCard({
        ...purchase,
        timeZone: 'Pacific/Kiritimati',
        deliverOn: '2026-03-05',
      }),
      422,
      'invalid-request',
    );
    expect(body.error.fieldErrors).to.deep.include({
      field: 'deliverOn',
      code: 'in_past',
      message: 'Pick today (2026-03-06) or a later date.',
    });
  });

  it('seeds a pending card where a test asks for one', async () => {
    const seeded = { code: 'GIFT-WAIT-2026-0001', sessionsTotal: 1, sessionsRemaining: 1 };
    const { store } = storeAt(MARCH, { giftCards: [{ ...seeded, pending: true }] });
    expect(await balanceOf(store, seeded.code)).to.deep.equal({ ...seeded, status: 'pending' });
  });

  it('refuses a pending card for a booking', async () => {
    const { store } = storeAt(MARCH, { supporters: [supporter('dst')] });
    const { id } = expectOk(await store.purchaseGiftCard(purchase), GiftCardPurchaseSchema, 201);
    const code = (await store.emailedCode(id)) as string;
    const slot = (await slotsOf(store, 'dst'))[0] as Slot;
    const body = expectError(
      await store.createBooking(request(slot, { payment: { kind: 'gift-card', code } })),
      422,
      'gift-card-invalid',
    );
    expect(body.error.fieldErrors?.[0]).to.deep.include({ field: 'payment.code', code: 'pending' });
    await store.markGiftCardPaid(id);
    expectOk(
      await store.createBooking(request(slot, { payment: { kind: 'gift-card', code } })),
      BookingSchema,
      201,
    );
    expect((await balanceOf(store, code)).sessionsRemaining).to.equal(2);
  });

  it('has an expired seed card, which looks up as expired and pays for nothing', async () => {
    const { store } = storeAt(MARCH, {
      supporters: [supporter('dst')],
    });
    expect(await balanceOf(store, 'GIFT-OLD0-2019-0002')).to.deep.equal({
      code: 'GIFT-OLD0-2019-0002',
      status: 'expired',
      lengthMinutes: 60,
      sessionsTotal: 2,
      sessionsRemaining: 2,
      expiresOn: '2024-12-31',
    });
    const slot = (await slotsOf(store, 'dst'))[0] as Slot;
    const body = expectError(
      await store.createBooking(
        request(slot, { payment: { kind: 'gift-card', code: 'GIFT-OLD0-2019-0002' } }),
      ),
      422,
      'gift-card-invalid',
    );
    expect(body.error.message).to.contain('expired');
    expect(fieldsOf(body)).to.deep.equal(['payment.code']);
  });

  it('refuses sessions out of range, a past delivery date, a missing length and programs without gift cards', async () => {
    const { store } = storeAt(MARCH);
    const fieldErrors = async (input: Parameters<typeof store.purchaseGiftCard>[0]) =>
      expectError(
        await store.purchaseGiftCard(input),
        422,
        'invalid-request',
      ).error.fieldErrors?.map((e) => `${e.field} ${e.code}`);
    expect(await fieldErrors({ ...purchase, sessions: 11 })).to.deep.equal([
      'sessions out_of_range',
    ]);
    expect(await fieldErrors({ ...purchase, deliverOn: '2026-03-04' })).to.deep.equal([
      'deliverOn in_past',
    ]);
    const { lengthMinutes: _, ...noLength } = purchase;
    expect(await fieldErrors(noLength)).to.deep.equal(['lengthMinutes required']);
    expect(await fieldErrors({ ...purchase, timeZone: 'Mars/Olympus_Mons' })).to.deep.equal([
      'timeZone invalid',
    ]);
    // 21 is beyond the contract itself: a 400.
    expectError(
      await store.purchaseGiftCard({ ...purchase, sessions: 21 }),
      400,
      'invalid-request',
    );
    expectOk(
      await store.purchaseGiftCard({ ...purchase, sessions: 10, deliverOn: '2026-03-05' }),
      GiftCardPurchaseSchema,
      201,
    );
    // No recipient: the card is for the purchaser.
    const { recipient: _r, ...forMe } = purchase;
    expectOk(await store.purchaseGiftCard(forMe), GiftCardPurchaseSchema, 201);
    const free = storeAt(MARCH, { program: programVariants.free }).store;
    expect(await free.purchaseGiftCard(purchase)).to.deep.include({ status: 422 });
    expectError(await free.purchaseGiftCard(purchase), 422, 'gift-cards-disabled');
  });

  it('sells cards for any length where the program says so, and expires them when it sets years', async () => {
    const { store } = storeAt(MARCH, {
      supporters: [supporter('dst')],
      program: withGiftCards({ anyLength: true, expiresAfterYears: 5 }),
    });
    const { lengthMinutes: _, ...noLength } = purchase;
    const bought = expectOk(await store.purchaseGiftCard(noLength), GiftCardPurchaseSchema, 201);
    expect(bought).not.to.have.property('lengthMinutes');
    const code = (await store.emailedCode(bought.id)) as string;
    await store.markGiftCardPaid(bought.id);
    const card = await balanceOf(store, code);
    expect(card).not.to.have.property('lengthMinutes');
    expect(card).to.deep.include({ status: 'active', expiresOn: '2031-03-05' });
    const gift = { payment: { kind: 'gift-card' as const, code } };
    const hour = (await slotsOf(store, 'dst', 60))[0] as Slot;
    const half = (await slotsOf(store, 'dst', 30)).find(
      (s) => Date.parse(s.start) >= Date.parse(hour.end),
    ) as Slot;
    expectOk(await store.createBooking(request(hour, gift)), BookingSchema, 201);
    expectOk(await store.createBooking(request(half, gift)), BookingSchema, 201);
    expect((await balanceOf(store, code)).sessionsRemaining).to.equal(1);
  });

  it('records when the last session is used, and forgets it when a session comes back', async () => {
    const { store, setNow } = storeAt(MARCH, { supporters: [supporter('dst')] });
    const { id } = expectOk(
      await store.purchaseGiftCard({ ...purchase, sessions: 2 }),
      GiftCardPurchaseSchema,
      201,
    );
    const code = (await store.emailedCode(id)) as string;
    await store.markGiftCardPaid(id);
    const gift = { payment: { kind: 'gift-card' as const, code } };
    const slots = await slotsOf(store, 'dst');
    const later = slots.filter((s) => Date.parse(s.start) - Date.parse(MARCH) > 48 * HOUR);
    const first = expectOk(
      await store.createBooking(request(later[0]!, gift)),
      CreatedBookingSchema,
      201,
    );
    expect(await balanceOf(store, code)).not.to.have.property('usedUpAt');
    setNow('2026-03-05T11:00:00-08:00');
    const second = expectOk(
      await store.createBooking(request(later[1]!, gift)),
      CreatedBookingSchema,
      201,
    );
    expect(await balanceOf(store, code)).to.deep.include({
      status: 'used',
      sessionsRemaining: 0,
      usedUpAt: '2026-03-05T11:00:00-08:00',
    });
    // A free cancellation gives the session back: the card is no longer used up.
    expect(
      expectOk(await store.cancelBooking(first.id, first.manageToken), CancellationSchema),
    ).to.deep.include({ giftSessionRestored: true });
    expect(await balanceOf(store, code)).to.deep.include({
      status: 'active',
      sessionsRemaining: 1,
    });
    expect(await balanceOf(store, code)).not.to.have.property('usedUpAt');
    // So does a decline.
    expect(await store.declineBooking(second.id)).to.equal(true);
    expect((await balanceOf(store, code)).sessionsRemaining).to.equal(2);
  });

  it('rate-limits lookups: the eleventh in a minute gets 429 with Retry-After', async () => {
    const { store, setNow } = storeAt(MARCH);
    const retryAfter = (result: ApiResult<unknown>) => (result.ok ? undefined : result.retryAfter);
    for (let i = 0; i < 4; i++) {
      expectOk(await store.getGiftCard('GIFT-DEMO-2026-0003'), GiftCardBalanceSchema);
    }
    // An unknown code and a wrong one (a real code with one symbol changed) are answered alike.
    const unknown = expectError(await store.getGiftCard('GIFT-NONE-0000-0000'), 404, 'not-found');
    const wrong = expectError(await store.getGiftCard('GIFT-DEMO-2026-0004'), 404, 'not-found');
    expect(wrong).to.deep.equal(unknown);
    setNow('2026-03-05T10:00:20-08:00');
    for (let i = 0; i < 4; i++) {
      expectOk(await store.getGiftCard('GIFT-DEMO-2026-0003'), GiftCardBalanceSchema);
    }
    const refused = await store.getGiftCard('GIFT-DEMO-2026-0003');
    expectError(refused, 429, 'rate-limited');
    expect(retryAfter(refused)).to.equal(40);
    // Refused lookups do not count, and the first six leave the window a minute later.
    setNow('2026-03-05T10:01:00-08:00');
    expect(retryAfter(await store.getGiftCard('GIFT-DEMO-2026-0003'))).to.equal(undefined);
    expectOk(await store.getGiftCard('GIFT-DEMO-2026-0003'), GiftCardBalanceSchema);
  });
});
