import { expect } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import type * as z from 'zod/mini';
import { endpoints, type EndpointName } from '../api/endpoints.js';
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
  type Slot,
  type SlotList,
} from '../api/schemas.js';
import {
  BookingSchema,
  CancellationSchema,
  CreatedBookingSchema,
  type BookingRequest,
  type CreatedBooking,
} from '../api/booking-schemas.js';
import { GiftCardBalanceSchema, GiftCardPurchaseSchema } from '../api/gift-card-schemas.js';
import { startMockBackend } from './browser.js';
import { programVariants, seedGiftCards } from './data.js';
import { parseQuery } from './handlers.js';
import { localeOf } from './labels.js';
import { createMockStore, type MockStore } from './store.js';
import { scenarioHandlers } from './scenarios.js';

/** Thursday 2026-03-05, 10:00 Pacific. */
const START = '2026-03-05T10:00:00-08:00';

let worker: SetupWorker;
let store: MockStore;
let clock: { now: Date };

interface Reply {
  status: number;
  headers: Headers;
  body: unknown;
}

async function api(path: string, init: RequestInit = {}): Promise<Reply> {
  const response = await fetch(`/api${path}`, init);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
  };
}

function post(
  path: string,
  body: unknown,
  key: string | null = crypto.randomUUID(),
  extra: Record<string, string> = {},
): Promise<Reply> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...extra };
  if (key !== null) headers['Idempotency-Key'] = key;
  return api(path, { method: 'POST', headers, body: JSON.stringify(body) });
}

/** The header that lets a request act on `booking`. */
const manage = (booking: CreatedBooking) => ({ 'X-Manage-Token': booking.manageToken });

/** Checks the status and the body against the schema, and returns the body. */
function expectBody<T>(reply: Reply, status: number, schema: z.ZodMiniType<T>): T {
  expect(reply.status, JSON.stringify(reply.body)).to.equal(status);
  const parsed = schema.safeParse(reply.body);
  if (!parsed.success) throw new Error(`breaks its schema: ${JSON.stringify(parsed.error.issues)}`);
  return parsed.data;
}

function expectError(reply: Reply, status: number, code: string): ErrorBody {
  const body = expectBody(reply, status, ErrorBodySchema);
  expect(body.error.code).to.equal(code);
  return body;
}

function bookingBody(slot: Slot, overrides: Partial<BookingRequest> = {}): BookingRequest {
  const state = store.supporters.find((s) => s.id === slot.supporterId)?.states[0] ?? 'CA';
  return {
    supporterId: slot.supporterId,
    slotStart: slot.start,
    lengthMinutes: slot.lengthMinutes,
    modality: 'video',
    seeker: { name: 'Sam Seeker', email: 'sam@example.org', age: 22, state },
    policies: { notTherapy: true, cancellation: true, privacy: true },
    payment: { kind: 'sliding-scale', amount: 4500 },
    timeZone: 'America/Los_Angeles',
    ...overrides,
  };
}

/** A supporter offering 60-minute sessions and their open slots for the next four weeks. */
async function sixtyMinuteSlots(): Promise<SlotList> {
  const supporter =
    store.supporters.find((s) => s.sessionLengths.includes(60)) ?? store.supporters[0];
  const to = new Date(clock.now.getTime() + 28 * 86_400_000).toISOString();
  const reply = await api(
    `/supporters/${supporter?.id}/slots?lengthMinutes=60&to=${encodeURIComponent(to)}`,
  );
  return expectBody(reply, 200, SlotListSchema);
}

before(async () => {
  ({ worker } = await startMockBackend({ quiet: true }));
});

beforeEach(async () => {
  clock = { now: new Date(START) };
  store = createMockStore({ now: () => clock.now });
  // Swaps the fresh store in as the worker's default handlers.
  await startMockBackend({ store });
});

afterEach(() => {
  worker.resetHandlers();
});

describe('mock backend over HTTP', () => {
  it('reuses the running worker on a second start', async () => {
    const again = await startMockBackend();
    expect(again.worker).to.equal(worker);
    expect(again.store).to.equal(store);
  });

  it('serves the program and schema-valid supporters, searching with a JSON body', async () => {
    expectBody(await api('/program'), 200, ProgramSchema);
    const page = expectBody(
      await post('/supporters/search', {
        topics: ['anxiety', 'grief', 'lgbtq'],
        limit: 5,
        sort: 'name',
      }),
      200,
      SupporterPageSchema,
    );
    expect(page.limit).to.equal(5);
    expect(page.items.length).to.equal(5);
    for (const item of page.items) {
      const summary = SupporterSummarySchema.parse(item);
      expect(summary.topics.some((t) => ['anxiety', 'grief', 'lgbtq'].includes(t.id))).to.equal(
        true,
      );
    }
    const profile = expectBody(await api('/supporters/sup-002'), 200, SupporterProfileSchema);
    expect(profile.id).to.equal('sup-002');
    expectError(await api('/supporters/sup-999'), 404, 'not-found');
    const { slot } = expectBody(
      await post('/slots/next', { languages: ['es'] }),
      200,
      NextAvailableSchema,
    );
    const speaker = store.supporters.find((s) => s.id === slot?.supporterId);
    expect(speaker?.languages).to.include('es');
  });

  it('labels tags in the language of Accept-Language', async () => {
    const search = (language: string) =>
      api('/supporters/search', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': language },
        body: JSON.stringify({ topics: ['anxiety'], limit: 1 }),
      });
    const es = expectBody(await search('es'), 200, SupporterPageSchema);
    const en = expectBody(await search('en'), 200, SupporterPageSchema);
    const label = (page: typeof es) =>
      (page.items[0] as { topics: { id: string; label: string }[] }).topics.find(
        (t) => t.id === 'anxiety',
      )?.label;
    expect(label(es)).to.equal('Ansiedad');
    expect(label(en)).to.equal('Anxiety');
  });

  it('searches and looks up gift cards without an Idempotency-Key: they change nothing', async () => {
    const page = expectBody(
      await post('/supporters/search', { states: ['WA'], limit: 100 }, null),
      200,
      SupporterPageSchema,
    );
    expect(page.total).to.equal(store.supporters.filter((s) => s.states.includes('WA')).length);
    expectBody(await post('/slots/next', {}, null), 200, NextAvailableSchema);
    expectBody(
      await post('/gift-cards/lookup', { code: 'GIFT-DEMO-2026-0003' }, null),
      200,
      GiftCardBalanceSchema,
    );
    // An empty body is an empty search.
    const all = await api('/supporters/search', { method: 'POST' });
    expect(expectBody(all, 200, SupporterPageSchema).total).to.equal(store.supporters.length);
  });

  it('reads search filters from the body only, never from the URL', async () => {
    const everyone = store.supporters.length;
    const reply = await post('/supporters/search?states=WA&topics=grief&limit=1', {});
    const page = expectBody(reply, 200, SupporterPageSchema);
    expect(page.total).to.equal(everyone);
    expect(page.limit).to.equal(20);
  });

  it('answers 400 with field errors for bad query parameters and bad bodies', async () => {
    const fields = (body: ErrorBody) => body.error.fieldErrors?.map((f) => f.field);
    let body = expectError(
      await post('/supporters/search', { limit: 'lots' }),
      400,
      'invalid-request',
    );
    expect(fields(body)).to.deep.equal(['limit']);
    body = expectError(
      await post('/supporters/search', { sort: 'rating' }),
      400,
      'invalid-request',
    );
    expect(fields(body)).to.deep.equal(['sort']);
    body = expectError(
      await post('/slots/next', { states: ['ca'], lengthMinutes: 45 }),
      400,
      'invalid-request',
    );
    expect(fields(body)?.sort()).to.deep.equal(['lengthMinutes', 'states.0']);
    body = expectError(await post('/gift-cards/lookup', {}), 400, 'invalid-request');
    expect(fields(body)).to.deep.equal(['code']);
    body = expectError(
      await api('/supporters/sup-001/slots?lengthMinutes=lots'),
      400,
      'invalid-request',
    );
    expect(fields(body)).to.deep.equal(['lengthMinutes']);

    const { slots } = await sixtyMinuteSlots();
    const broken = {
      ...bookingBody(slots[0] as Slot),
      seeker: { name: 'S', email: 'not-an-email', age: 22, state: 'CA' },
    };
    body = expectError(await post('/bookings', broken), 400, 'invalid-request');
    expect(body.error.fieldErrors?.map((f) => f.field)).to.deep.equal(['seeker.email']);
    const notJson = await api('/bookings', {
      method: 'POST',
      headers: { 'Idempotency-Key': 'k' },
      body: '{"oops',
    });
    expectError(notJson, 400, 'invalid-request');
    body = expectError(
      await post('/bookings', bookingBody(slots[0] as Slot), null),
      400,
      'invalid-request',
    );
    expect(body.error.fieldErrors?.[0]?.field).to.equal('Idempotency-Key');
    expect(await store.bookings()).to.deep.equal([]);
  });

  it('books a slot, after which the slot is gone', async () => {
    const list = await sixtyMinuteSlots();
    const slot = list.slots[2] as Slot;
    const booking = expectBody(
      await post('/bookings', bookingBody(slot)),
      201,
      CreatedBookingSchema,
    );
    expect(booking.status).to.equal('requested');
    expect(booking.start).to.equal(slot.start);
    const after = await sixtyMinuteSlots();
    expect(after.slots.map((s) => s.start)).not.to.include(slot.start);
    expect(after.slots.length).to.equal(list.slots.length - 1);
    const { manageToken: _, ...stored } = booking;
    const read = await api(`/bookings/${booking.id}`, { headers: manage(booking) });
    expect(expectBody(read, 200, BookingSchema)).to.deep.equal(stored);
  });

  it('asks an age only where the program has an age limit, and prices by length', async () => {
    const { slots } = await sixtyMinuteSlots();
    const { age: _, ...ageless } = bookingBody(slots[0] as Slot).seeker;
    const refused = expectError(
      await post('/bookings', bookingBody(slots[0] as Slot, { seeker: ageless })),
      422,
      'not-eligible',
    );
    expect(refused.error.fieldErrors?.map((f) => `${f.field} ${f.code}`)).to.deep.equal([
      'seeker.age required',
    ]);

    store = createMockStore({ now: () => clock.now, program: programVariants.noAgeLimit });
    await startMockBackend({ store });
    const program = expectBody(await api('/program'), 200, ProgramSchema);
    expect(program.eligibility).not.to.have.any.keys('minAge', 'maxAge');
    const booking = expectBody(
      await post('/bookings', bookingBody(slots[0] as Slot, { seeker: ageless })),
      201,
      CreatedBookingSchema,
    );
    expect(booking.status).to.equal('requested');

    // The reference pricing: at least 10.00 for 30 minutes, 20.00 for an hour.
    const thirty = expectBody(
      await api(`/supporters/${slots[0]!.supporterId}/slots?lengthMinutes=30`),
      200,
      SlotListSchema,
    ).slots.find((s) => Date.parse(s.start) >= Date.parse(slots[2]!.start)) as Slot;
    const pay = (amount: number) => ({ payment: { kind: 'sliding-scale' as const, amount } });
    const cheap = expectBody(
      await post('/bookings', bookingBody(thirty, { seeker: ageless, ...pay(1000) })),
      201,
      CreatedBookingSchema,
    );
    expect(cheap.payment.amount.amount).to.equal(1000);
    expectError(
      await post('/bookings', bookingBody(slots[5] as Slot, { seeker: ageless, ...pay(1000) })),
      422,
      'payment-below-minimum',
    );
  });

  it('answers a missing or wrong X-Manage-Token exactly as an unknown booking', async () => {
    const { slots } = await sixtyMinuteSlots();
    const booking = expectBody(
      await post('/bookings', bookingBody(slots[3] as Slot)),
      201,
      CreatedBookingSchema,
    );
    const unknown = await api('/bookings/bk-unknown00', { headers: manage(booking) });
    expectError(unknown, 404, 'not-found');
    const wrong = { 'X-Manage-Token': 'f'.repeat(32) };
    const replies = [
      await api(`/bookings/${booking.id}`),
      await api(`/bookings/${booking.id}`, { headers: wrong }),
      // Never read from the query string.
      await api(`/bookings/${booking.id}?manageToken=${booking.manageToken}`),
      await post(`/bookings/${booking.id}/cancellation`, {}),
      await post(`/bookings/${booking.id}/cancellation`, {}, undefined, wrong),
      await post(`/bookings/${booking.id}/reschedule`, { slotStart: (slots[4] as Slot).start }),
      await post(
        `/bookings/${booking.id}/reschedule`,
        { slotStart: (slots[4] as Slot).start },
        undefined,
        wrong,
      ),
    ];
    for (const reply of replies) {
      expect(reply.status).to.equal(404);
      expect(reply.body).to.deep.equal(unknown.body);
    }
    expect((await store.bookings())[0]).to.deep.include({
      status: 'requested',
      start: booking.start,
    });
  });

  it('returns the same booking for a repeated Idempotency-Key, and 409 for a taken slot', async () => {
    const { slots } = await sixtyMinuteSlots();
    const body = bookingBody(slots[0] as Slot);
    const first = expectBody(await post('/bookings', body, 'same-key'), 201, CreatedBookingSchema);
    const second = expectBody(await post('/bookings', body, 'same-key'), 201, CreatedBookingSchema);
    expect(second).to.deep.equal(first);
    expect((await store.bookings()).length).to.equal(1);
    expectError(
      await post('/bookings', bookingBody(slots[1] as Slot), 'same-key'),
      422,
      'idempotency-key-reused',
    );
    expectError(await post('/bookings', body, 'another-key'), 409, 'slot-taken');
    expect((await store.bookings()).length).to.equal(1);
  });

  it('makes one booking from ten concurrent identical submissions with one key', async () => {
    const { slots } = await sixtyMinuteSlots();
    const body = bookingBody(slots[0] as Slot);
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => post('/bookings', body, 'ten-times')),
    );
    const bookings = replies.map((r) => expectBody(r, 201, CreatedBookingSchema));
    // Every one gets the first answer, manage token included.
    for (const booking of bookings) expect(booking).to.deep.equal(bookings[0]);
    expect((await store.bookings()).length).to.equal(1);
  });

  it('performs a request again after a 500 with the same key', async () => {
    const { slots } = await sixtyMinuteSlots();
    const body = bookingBody(slots[0] as Slot);
    store.failNext('createBooking');
    expectError(await post('/bookings', body, 'after-500'), 500, 'internal');
    expect((await store.bookings()).length).to.equal(0);
    expectBody(await post('/bookings', body, 'after-500'), 201, CreatedBookingSchema);
    expect((await store.bookings()).length).to.equal(1);
  });

  it('cancels free of charge 24 h or more before, and charges the fee later', async () => {
    const { slots } = await sixtyMinuteSlots();
    const now = clock.now.getTime();
    const near = slots.find((s) => Date.parse(s.start) - now < 24 * 3_600_000) as Slot;
    const far = slots.find((s) => Date.parse(s.start) - now > 48 * 3_600_000) as Slot;
    const nearBooking = expectBody(
      await post('/bookings', bookingBody(near)),
      201,
      CreatedBookingSchema,
    );
    const farBooking = expectBody(
      await post('/bookings', bookingBody(far)),
      201,
      CreatedBookingSchema,
    );

    const free = expectBody(
      await post(
        `/bookings/${farBooking.id}/cancellation`,
        { reason: 'feeling-better' },
        undefined,
        manage(farBooking),
      ),
      200,
      CancellationSchema,
    );
    expect(free).to.deep.include({ by: 'seeker', withinFreeWindow: true, outcome: 'no-charge' });
    const fee = expectBody(
      await post(`/bookings/${nearBooking.id}/cancellation`, {}, undefined, manage(nearBooking)),
      200,
      CancellationSchema,
    );
    expect(fee).to.deep.include({ withinFreeWindow: false, outcome: 'fee-due' });
    expect(fee.feeDue).to.deep.equal({ amount: 4500, currency: 'USD' });
    const read = await api(`/bookings/${nearBooking.id}`, { headers: manage(nearBooking) });
    expect(expectBody(read, 200, BookingSchema).cancellation?.outcome).to.equal('fee-due');

    expectError(
      await post(`/bookings/${farBooking.id}/cancellation`, {}, undefined, manage(farBooking)),
      409,
      'already-cancelled',
    );
    const reopened = await sixtyMinuteSlots();
    expect(reopened.slots.map((s) => s.start)).to.include.members([far.start, near.start]);
  });

  it('reschedules to another open slot and reopens the old one', async () => {
    const { slots } = await sixtyMinuteSlots();
    const now = clock.now.getTime();
    const later = slots.filter((s) => Date.parse(s.start) - now > 48 * 3_600_000);
    const booking = expectBody(
      await post('/bookings', bookingBody(later[0] as Slot)),
      201,
      CreatedBookingSchema,
    );
    const moved = expectBody(
      await post(
        `/bookings/${booking.id}/reschedule`,
        { slotStart: (later[1] as Slot).start },
        undefined,
        manage(booking),
      ),
      200,
      BookingSchema,
    );
    expect(moved.start).to.equal((later[1] as Slot).start);
    const open = (await sixtyMinuteSlots()).slots.map((s) => s.start);
    expect(open).to.include((later[0] as Slot).start);
    expect(open).not.to.include((later[1] as Slot).start);
  });

  it('spends a gift card session, and refuses a used-up card', async () => {
    const { slots } = await sixtyMinuteSlots();
    const gift = { payment: { kind: 'gift-card' as const, code: 'GIFT-DEMO-2026-0003' } };
    const booking = expectBody(
      await post('/bookings', bookingBody(slots[0] as Slot, gift)),
      201,
      BookingSchema,
    );
    expect(booking.payment.status).to.equal('covered-by-gift');
    const card = expectBody(
      await post('/gift-cards/lookup', { code: 'GIFT-DEMO-2026-0003' }),
      200,
      GiftCardBalanceSchema,
    );
    expect(card.sessionsRemaining).to.equal(2);
    const used = { payment: { kind: 'gift-card' as const, code: 'GIFT-USED-2025-0000' } };
    expectError(
      await post('/bookings', bookingBody(slots[1] as Slot, used)),
      422,
      'gift-card-used',
    );
    expectError(
      await post('/gift-cards/lookup', { code: 'GIFT-NOPE-0000-0000' }),
      404,
      'not-found',
    );
  });

  it('sells a gift card once per Idempotency-Key', async () => {
    const purchase = {
      sessions: 2,
      lengthMinutes: 30,
      purchaser: { name: 'Pat', email: 'pat@example.org' },
      recipient: { name: 'Riley', email: 'riley@example.org' },
      timeZone: 'America/Chicago',
    };
    const first = expectBody(
      await post('/gift-cards', purchase, 'gift-key'),
      201,
      GiftCardPurchaseSchema,
    );
    const again = expectBody(
      await post('/gift-cards', purchase, 'gift-key'),
      201,
      GiftCardPurchaseSchema,
    );
    expect(again.id).to.equal(first.id);
    // Two 30-minute sessions at the sliding scale's suggested $25 for that length.
    expect(first.total.amount).to.equal(5000);
    const code = (await store.emailedCode(first.id)) as string;
    let card = expectBody(await post('/gift-cards/lookup', { code }), 200, GiftCardBalanceSchema);
    expect(card).to.deep.include({ status: 'pending', sessionsRemaining: 2, lengthMinutes: 30 });
    expect(await store.markGiftCardPaid(first.id)).to.equal(true);
    card = expectBody(await post('/gift-cards/lookup', { code }), 200, GiftCardBalanceSchema);
    expect(card.status).to.equal('active');
    expect((await store.giftCodes()).length).to.equal(seedGiftCards.length + 1);
  });

  it('makes one gift card from ten concurrent identical purchases with one key', async () => {
    const purchase = {
      sessions: 3,
      lengthMinutes: 60,
      purchaser: { name: 'Pat', email: 'pat@example.org' },
      timeZone: 'America/Chicago',
    };
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => post('/gift-cards', purchase, 'ten-gifts')),
    );
    const answers = replies.map((r) => expectBody(r, 201, GiftCardPurchaseSchema));
    for (const answer of answers) expect(answer).to.deep.equal(answers[0]);
    expect((await store.giftCodes()).length).to.equal(seedGiftCards.length + 1);
    // The answer never carries the code: it is emailed.
    expect(JSON.stringify(replies[0]!.body)).not.to.contain(
      await store.emailedCode(answers[0]!.id),
    );
  });

  it('rate-limits gift card lookups with 429 and Retry-After, and answers unknown and wrong codes alike', async () => {
    const unknown = await post('/gift-cards/lookup', { code: 'GIFT-NONE-0000-0000' }, null);
    const wrong = await post('/gift-cards/lookup', { code: 'GIFT-DEMO-2026-0004' }, null);
    expectError(unknown, 404, 'not-found');
    expect(wrong.body).to.deep.equal(unknown.body);
    for (let i = 0; i < 8; i++) {
      expectBody(
        await post('/gift-cards/lookup', { code: 'GIFT-DEMO-2026-0003' }, null),
        200,
        GiftCardBalanceSchema,
      );
    }
    const limited = await post('/gift-cards/lookup', { code: 'GIFT-DEMO-2026-0003' }, null);
    expectError(limited, 429, 'rate-limited');
    expect(limited.headers.get('Retry-After')).to.equal('60');
  });

  it('matches without an Idempotency-Key', async () => {
    const reply = await post(
      '/matches',
      { topics: ['anxiety'], identities: [], languages: ['en'], timesOfDay: ['evening'], limit: 3 },
      null,
    );
    const { results } = expectBody(reply, 200, MatchResultSchema);
    expect(results.length).to.equal(3);
    expect(results[0]?.reasons.some((r) => r.kind === 'topic' && r.id === 'anxiety')).to.equal(
      true,
    );
  });

  it('matches only supporters certified in one of the given states', async () => {
    const question = { topics: ['anxiety'], identities: [], languages: ['en'], timesOfDay: [] };
    const inOregon = store.supporters.filter((s) => s.states.includes('OR')).map((s) => s.id);
    expect(inOregon.length).to.be.within(1, 49);
    const reply = await post('/matches', { ...question, states: ['OR'], limit: 50 }, null);
    const { results } = expectBody(reply, 200, MatchResultSchema);
    expect(results.map((r) => r.supporter.id)).to.have.members(inOregon);

    const bad = await post('/matches', { ...question, states: ['or'] }, null);
    const fieldErrors = expectError(bad, 400, 'invalid-request').error.fieldErrors;
    expect(fieldErrors?.map((f) => f.field)).to.deep.equal(['states.0']);
  });
});

describe('portraits over HTTP', () => {
  /** Loads `src` in an <img>, as the directory's cards do. */
  const loadImage = (src: string) =>
    new Promise<HTMLImageElement>((resolve, reject) => {
      const img = new Image();
      img.onload = () => resolve(img);
      img.onerror = () => reject(new Error(`${src} did not load`));
      img.src = src;
    });

  it("serves every photo the mock lists as an image on the page's own origin", async () => {
    const page = expectBody(
      await post('/supporters/search', { sort: 'name', limit: 100 }),
      200,
      SupporterPageSchema,
    );
    const pictured = page.items
      .map((item) => SupporterSummarySchema.parse(item))
      .filter((s) => s.photoUrl !== undefined);
    expect(pictured.length).to.be.greaterThan(40);
    const bodies = new Set<string>();
    for (const s of pictured) {
      const url = new URL(s.photoUrl!);
      expect(url.origin, s.photoUrl).to.equal(window.location.origin);
      const response = await fetch(url);
      expect(response.status, s.photoUrl).to.equal(200);
      expect(response.headers.get('Content-Type'), s.photoUrl).to.match(/^image\/svg\+xml\b/);
      const text = await response.text();
      expect(text.length, s.photoUrl).to.be.within(200, 1024);
      bodies.add(text);
    }
    expect(bodies.size, 'different portraits').to.be.at.least(pictured.length - 2);

    const img = await loadImage(pictured[0]!.photoUrl!);
    expect(img.naturalWidth).to.be.greaterThan(0);
    expect(img.naturalHeight).to.be.greaterThan(0);
    const profile = expectBody(
      await api(`/supporters/${pictured[1]!.id}`),
      200,
      SupporterProfileSchema,
    );
    expect((await loadImage(profile.photoUrl!)).naturalWidth).to.be.greaterThan(0);
  });

  it('answers 404 for a supporter without a photo, an unknown one, or another file', async () => {
    const without = store.supporters.find((s) => s.photoUrl === undefined)!;
    expect(without, 'a supporter without a photo').to.exist;
    const status = async (path: string) => (await fetch(path)).status;
    expect(await status(`/mock-portraits/${without.id}.svg`)).to.equal(404);
    expect(await status('/mock-portraits/sup-999.svg')).to.equal(404);
    const pictured = store.supporters.find((s) => s.photoUrl !== undefined)!;
    expect(await status(`/mock-portraits/${pictured.id}.png`)).to.equal(404);
    expect(await status(`/mock-portraits/${pictured.id}.svg`)).to.equal(200);
  });

  it('still serves photos while a failure scenario breaks the API', async () => {
    worker.use(...scenarioHandlers('error'));
    expectError(await post('/supporters/search', {}), 500, 'internal');
    const pictured = store.supporters.find((s) => s.photoUrl !== undefined)!;
    expect((await fetch(pictured.photoUrl!)).status).to.equal(200);
  });
});

describe('localeOf', () => {
  it('answers in the first of es or en by preference, else English', () => {
    expect(localeOf('es')).to.equal('es');
    expect(localeOf('es-MX,es;q=0.9,en;q=0.8')).to.equal('es');
    expect(localeOf('en-US,es;q=0.5')).to.equal('en');
    expect(localeOf('fr-CA,es;q=0.7,en;q=0.3')).to.equal('es');
    expect(localeOf('en;q=0.2,es;q=0.8')).to.equal('es');
    expect(localeOf('es;q=0,en')).to.equal('en');
    expect(localeOf('de')).to.equal('en');
    expect(localeOf(null)).to.equal('en');
  });
});

describe('parseQuery', () => {
  const declared = [
    { name: 'ids', type: 'string[]' },
    { name: 'n', type: 'integer' },
    { name: 'order', type: 'string', enum: ['a', 'b'] },
  ] as const;
  const parse = (search: string) => parseQuery(declared, new URLSearchParams(search));

  it('reads repeated and comma-separated lists, integers and enums, and nothing undeclared', () => {
    expect(parse('ids=a,b&ids=c&n=5&order=b&other=x')).to.deep.equal({
      ok: true,
      value: { ids: ['a', 'b', 'c'], n: 5, order: 'b' },
    });
  });

  it('answers 400 with the fields at fault', () => {
    const result = parse('n=lots&order=c');
    expect(result.ok).to.equal(false);
    if (!result.ok) {
      expect(result.status).to.equal(400);
      expect(result.body.error.fieldErrors?.map((f) => f.field)).to.deep.equal(['n', 'order']);
    }
  });
});

describe('failure scenarios', () => {
  /** A request that reaches each endpoint, whatever its method and parameters. */
  function call(name: EndpointName): Promise<Reply> {
    const endpoint = endpoints[name];
    const path = endpoint.path.replace(/\{\w+\}/g, 'x-1');
    return endpoint.method === 'GET' ? api(path) : post(path, {});
  }
  const names = Object.keys(endpoints) as EndpointName[];

  it("'error' answers 500 with an error body, only where asked", async () => {
    worker.use(...scenarioHandlers('error', { only: ['listSupporters'] }));
    const body = expectError(await post('/supporters/search', {}), 500, 'internal');
    expect(body.error.message).to.be.a('string');
    expectBody(await api('/program'), 200, ProgramSchema);
    worker.resetHandlers();
    expectBody(await post('/supporters/search', {}), 200, SupporterPageSchema);
  });

  it("'offline' fails at the network level", async () => {
    worker.use(...scenarioHandlers('offline'));
    let error: unknown;
    try {
      await fetch('/api/supporters/search', { method: 'POST', body: '{}' });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(TypeError);
  });

  it("'malformed' answers 200 with bodies that break every response schema", async () => {
    worker.use(...scenarioHandlers('malformed'));
    for (const name of names) {
      const reply = await call(name);
      expect(reply.status, name).to.equal(200);
      if (name === 'listSupporters') {
        const page = SupporterPageSchema.parse(reply.body);
        expect(page.items.length).to.be.greaterThan(0);
        for (const item of page.items) {
          expect(SupporterSummarySchema.safeParse(item).success, JSON.stringify(item)).to.equal(
            false,
          );
        }
      } else {
        expect(endpoints[name].response.safeParse(reply.body).success, name).to.equal(false);
      }
    }
  });

  it("'empty' has no supporters, slots or matches", async () => {
    worker.use(...scenarioHandlers('empty'));
    const page = expectBody(await post('/supporters/search', {}), 200, SupporterPageSchema);
    expect(page.total).to.equal(0);
    expect(page.items).to.deep.equal([]);
    expect(expectBody(await post('/slots/next', {}), 200, NextAvailableSchema).slot).to.equal(null);
    const match = await post('/matches', {
      topics: [],
      identities: [],
      languages: [],
      timesOfDay: [],
    });
    expect(expectBody(match, 200, MatchResultSchema).results).to.deep.equal([]);
    expectError(await api('/supporters/sup-001'), 404, 'not-found');
    // The program does not depend on supporters.
    expectBody(await api('/program'), 200, ProgramSchema);
  });

  it("'rate-limited' answers 429 with Retry-After", async () => {
    worker.use(...scenarioHandlers('rate-limited', { retryAfterSeconds: 7 }));
    const reply = await post('/supporters/search', {});
    expectError(reply, 429, 'rate-limited');
    expect(reply.headers.get('Retry-After')).to.equal('7');
  });

  it("'slow' answers correctly, after the delay", async () => {
    worker.use(...scenarioHandlers('slow', { delayMs: 400, only: ['getProgram'] }));
    const started = performance.now();
    const reply = await api('/program');
    // A lower bound only: the delay guarantees it, however loaded the machine is.
    expect(performance.now() - started).to.be.at.least(390);
    expectBody(reply, 200, ProgramSchema);
  });

  it('every scenario covers every endpoint by default', () => {
    for (const scenario of [
      'slow',
      'error',
      'offline',
      'malformed',
      'empty',
      'rate-limited',
    ] as const) {
      expect(scenarioHandlers(scenario).length, scenario).to.equal(names.length);
      expect(scenarioHandlers(scenario, { only: ['getProgram', 'match'] }).length).to.equal(2);
    }
  });
});
