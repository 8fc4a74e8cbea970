/**
 * The contract suite: the API tests every backend must pass, the MSW mock and the reference
 * server alike, so that neither drifts from `openapi.json`. It speaks HTTP only (fetch, JSON,
 * headers) and drives what the contract leaves to other systems (the clock, the supporter's
 * answer, payments, the emailed gift code) through `control`.
 *
 * Every test starts from the seed, with the clock on Monday 9 March 2026, 08:00 Pacific. Slots
 * come from the API's own answers (the directory, `listSlots`, `nextAvailable`), never from a
 * backend's internals; the program, the supporters and the gift cards of the seed are fixtures
 * that every backend seeded by the project's generator holds.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { Program, Slot, SupporterProfile, SupporterSummary } from '../../src/api/schemas.js';
import type { BookingRequest, CreatedBooking } from '../../src/api/booking-schemas.js';
import type { GiftCardPurchaseRequest } from '../../src/api/gift-card-schemas.js';
// Fixture values only (the seed a real backend is given too), never the mock's store.
import {
  createSeedSupporters,
  programVariants,
  referenceProgram,
  seedGiftCards,
} from '../../src/mocks/data.js';
import {
  createApi,
  faultyFields,
  fieldErrors,
  ok,
  randomKey,
  refused,
  show,
  withoutRequestId,
  type RequestOf,
} from './api.js';
import type { ContractBackend } from './control.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Monday 9 March 2026, 08:00 in Los Angeles (daylight time began the day before). */
const MONDAY = new Date('2026-03-09T08:00:00-07:00');
/** The date of MONDAY in the program's zone and the purchaser's. */
const TODAY = '2026-03-09';
/** Sunday 15 March 2026, noon Pacific: the program has no hours on Sundays. */
const SUNDAY_NOON = '2026-03-15T12:00:00-07:00';

const ms = (instant: string | Date) =>
  typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
const plus = (instant: string | Date, delta: number) => new Date(ms(instant) + delta);
const iso = (instant: Date) => instant.toISOString();

/** The seed's program: CA, OR and WA, ages 18 to 30, a sliding scale priced by length. */
const PROGRAM_STATES: readonly string[] = referenceProgram.eligibility.states;
/** The sliding scale's suggested amounts of the seed's program, by length (minor units). */
const SUGGESTED = { 30: 2500, 60: 4500 } as const;
type Length = keyof typeof SUGGESTED;

const seedCard = (test: (card: (typeof seedGiftCards)[number]) => boolean) => {
  const card = seedGiftCards.find(test);
  assert.ok(card, 'the seed has such a gift card');
  return card.code;
};
/** Seeded cards: 60-minute, 3 sessions left; 60-minute, used up; 60-minute, expired 2024-12-31. */
const ACTIVE_CARD = seedCard((c) => c.sessionsRemaining > 0 && c.expiresOn === undefined);
const USED_CARD = seedCard((c) => c.sessionsRemaining === 0);
const EXPIRED_CARD = seedCard((c) => c.expiresOn !== undefined);
/** Well-formed codes of no card: one unknown, one a seeded code with one symbol changed. */
const UNKNOWN_CODE = 'ZZZZ-9999-QQQQ-7777';
const WRONG_CODE = `${ACTIVE_CARD.slice(0, -1)}${ACTIVE_CARD.endsWith('9') ? '8' : '9'}`;

const SEEKER = { name: 'Sam Seeker', email: 'sam@example.org', age: 22 };
const POLICIES = { notTherapy: true, cancellation: true, privacy: true } as const;
const PURCHASE: GiftCardPurchaseRequest = {
  sessions: 3,
  lengthMinutes: 60,
  purchaser: { name: 'Pat Purchaser', email: 'pat@example.org' },
  recipient: { name: 'Robin Recipient', email: 'robin@example.org' },
  timeZone: 'America/Los_Angeles',
};

/** A slot and the supporter who offers it, as the directory lists them. */
interface Pick {
  supporter: SupporterSummary;
  slot: Slot;
}

interface Booked extends Pick {
  request: BookingRequest;
  created: CreatedBooking;
  /** The booking's manage token. */
  token: string;
}

interface SlotWanted {
  lengthMinutes?: Length;
  /** The slot starts at least this long after now (the suite's clock). */
  hoursAhead?: number;
  /** Only supporters passing this; the first by name who has such a slot is taken. */
  where?: (supporter: SupporterSummary) => boolean;
}

export function runContractSuite(backend: ContractBackend): void {
  const { call } = createApi(backend);
  const { control } = backend;
  let now = MONDAY;

  async function setClock(instant: Date): Promise<void> {
    now = instant;
    await control.setNow(instant);
  }

  // --- fixtures read through the API ----------------------------------------------------------

  async function directory(query: RequestOf<'listSupporters'> = {}): Promise<SupporterSummary[]> {
    const page = ok(await call('listSupporters', { body: { sort: 'name', limit: 100, ...query } }));
    return page.items as SupporterSummary[];
  }

  async function profile(supporterId: string): Promise<SupporterProfile> {
    return ok(await call('getSupporter', { params: { supporterId } }));
  }

  /** The first supporter by name whose profile passes `test`. */
  async function profileWhere(
    test: (profile: SupporterProfile) => boolean,
    what: string,
  ): Promise<SupporterProfile> {
    for (const summary of await directory()) {
      const found = await profile(summary.id);
      if (test(found)) return found;
    }
    assert.fail(`no supporter ${what}`);
  }

  async function openSlots(
    supporterId: string,
    lengthMinutes: Length,
    from: Date = now,
    to: Date = plus(from, 14 * DAY),
  ): Promise<Slot[]> {
    const list = ok(
      await call('listSlots', {
        params: { supporterId },
        query: { from: iso(from), to: iso(to), lengthMinutes: String(lengthMinutes) },
      }),
    );
    return list.slots;
  }

  /** Open slots of one supporter who has at least `count` of them, as `wanted` asks. */
  async function findSlots(
    wanted: SlotWanted = {},
    count = 1,
  ): Promise<{ supporter: SupporterSummary; slots: Slot[] }> {
    const { lengthMinutes = 60, hoursAhead = 48, where = () => true } = wanted;
    const candidates = await directory({ lengthMinutes });
    for (const supporter of candidates.filter(where)) {
      const slots = await openSlots(supporter.id, lengthMinutes, plus(now, hoursAhead * HOUR));
      if (slots.length >= count) return { supporter, slots };
    }
    assert.fail(`no supporter has ${count} open ${lengthMinutes}-minute slots as wanted`);
  }

  async function findSlot(wanted: SlotWanted = {}): Promise<Pick> {
    const { supporter, slots } = await findSlots(wanted);
    return { supporter, slot: slots[0]! };
  }

  /** A state the program serves and the supporter is certified in. */
  function stateOf(supporter: SupporterSummary): string {
    const state = supporter.states.find((s) => PROGRAM_STATES.includes(s));
    assert.ok(state, `${supporter.id} is certified in none of the program's states`);
    return state;
  }

  function bookingRequest(
    { supporter, slot }: Pick,
    overrides: Partial<BookingRequest> = {},
  ): BookingRequest {
    return {
      supporterId: slot.supporterId,
      slotStart: slot.start,
      lengthMinutes: slot.lengthMinutes,
      modality: 'video',
      seeker: { ...SEEKER, state: stateOf(supporter) },
      policies: POLICIES,
      payment: { kind: 'sliding-scale', amount: SUGGESTED[slot.lengthMinutes as Length] },
      timeZone: 'America/Los_Angeles',
      ...overrides,
    };
  }

  /** Books an open slot (the first as `wanted` asks, or `pick`), checking the 201. */
  async function book(
    wanted: SlotWanted & { pick?: Pick; request?: Partial<BookingRequest> } = {},
  ): Promise<Booked> {
    const pick = wanted.pick ?? (await findSlot(wanted));
    const request = bookingRequest(pick, wanted.request);
    const created = ok(await call('createBooking', { body: request }));
    return { ...pick, request, created, token: created.manageToken };
  }

  const getBooking = async (booked: Booked) =>
    ok(await call('getBooking', { params: { bookingId: booked.created.id }, token: booked.token }));

  const cancel = (booked: Booked, key?: string) =>
    call('cancelBooking', {
      params: { bookingId: booked.created.id },
      token: booked.token,
      body: { reason: 'schedule-conflict' },
      ...(key === undefined ? {} : { key }),
    });

  const reschedule = (booked: Booked, slotStart: string, key?: string) =>
    call('rescheduleBooking', {
      params: { bookingId: booked.created.id },
      token: booked.token,
      body: { slotStart },
      ...(key === undefined ? {} : { key }),
    });

  const lookup = (code: string) => call('getGiftCard', { body: { code } });

  async function remaining(code: string): Promise<number> {
    return ok(await lookup(code)).sessionsRemaining;
  }

  /** Buys a card; `paid`: the checkout then reports the payment. The purchase and its code. */
  async function buyGiftCard(
    overrides: Partial<GiftCardPurchaseRequest> = {},
    { paid = true } = {},
  ): Promise<{ id: string; code: string }> {
    const purchase = ok(await call('purchaseGiftCard', { body: { ...PURCHASE, ...overrides } }));
    if (paid && purchase.status === 'pending-payment') {
      assert.equal(await control.markGiftCardPaid(purchase.id), true);
    }
    const code = await control.emailedCode(purchase.id);
    assert.ok(code, 'the purchase has an emailed code');
    return { id: purchase.id, code };
  }

  /** Whether `slot` is still listed as open. */
  async function isOpen(slot: Slot): Promise<boolean> {
    const slots = await openSlots(
      slot.supporterId,
      slot.lengthMinutes as Length,
      plus(slot.start, -MINUTE),
      plus(slot.start, MINUTE),
    );
    return slots.some((s) => ms(s.start) === ms(slot.start));
  }

  describe(`API contract: ${backend.name}`, () => {
    beforeEach(async () => {
      await control.reset();
      await setClock(MONDAY);
    });

    // ------------------------------------------------------------------------------------------
    describe('program and directory', () => {
      it('serves the seeded program', async () => {
        assert.deepEqual(ok(await call('getProgram')), referenceProgram);
      });

      it('lists every seeded supporter, 20 a page by default, with facets', async () => {
        const page = ok(await call('listSupporters', { body: {} }));
        assert.equal(page.total, createSeedSupporters().length);
        assert.equal(page.offset, 0);
        assert.equal(page.limit, 20);
        assert.equal(page.items.length, 20);
        const all = await directory();
        assert.deepEqual(
          all.map((s) => s.id).sort(),
          createSeedSupporters()
            .map((s) => s.id)
            .sort(),
        );
        assert.deepEqual([...page.facets.states].sort(), ['CA', 'OR', 'WA']);
        assert.ok(page.facets.topics.some((t) => t.id === 'anxiety'));
      });

      it('pages through the same order with offset and limit', async () => {
        const whole = await directory({ limit: 30 });
        const first = ok(await call('listSupporters', { body: { sort: 'name', limit: 15 } }));
        const second = ok(
          await call('listSupporters', { body: { sort: 'name', limit: 15, offset: 15 } }),
        );
        assert.equal(second.offset, 15);
        assert.equal(second.total, first.total);
        const ids = [...first.items, ...second.items].map((s) => (s as SupporterSummary).id);
        assert.deepEqual(
          ids,
          whole.map((s) => s.id),
        );
        const beyond = ok(await call('listSupporters', { body: { offset: 1000 } }));
        assert.equal(beyond.items.length, 0);
        assert.equal(beyond.total, first.total);
      });

      it('sorts by name, and by next available slot by default (none last)', async () => {
        const names = (await directory()).map((s) => s.name);
        const collator = new Intl.Collator('en');
        assert.deepEqual(names, [...names].sort(collator.compare));
        const page = ok(await call('listSupporters', { body: { limit: 100 } }));
        const next = (page.items as SupporterSummary[]).map((s) =>
          s.nextAvailable === null ? Infinity : ms(s.nextAvailable),
        );
        assert.deepEqual(
          next,
          [...next].sort((a, b) => a - b),
        );
        assert.ok(next.every((t) => t === Infinity || t > ms(now)));
      });

      it('filters by state, language, length, topic and free text', async () => {
        const total = (await directory()).length;
        const inWashington = await directory({ states: ['WA'] });
        assert.ok(inWashington.length > 0 && inWashington.length < total);
        assert.ok(inWashington.every((s) => s.states.includes('WA')));

        const spanish = await directory({ languages: ['es'] });
        assert.ok(spanish.length > 0 && spanish.length < total);
        assert.ok(spanish.every((s) => s.languages.some((l) => l.split('-')[0] === 'es')));

        const halfHours = await directory({ lengthMinutes: 30 });
        assert.ok(halfHours.length > 0 && halfHours.length < total);
        assert.ok(halfHours.every((s) => s.sessionLengths.includes(30)));

        const anxious = await directory({ topics: ['anxiety'] });
        assert.ok(anxious.length > 0 && anxious.length < total);
        assert.ok(anxious.every((s) => s.topics.some((t) => t.id === 'anxiety')));

        const someone = inWashington[0]!;
        const byName = await directory({ q: someone.name });
        assert.ok(byName.some((s) => s.id === someone.id));
        assert.deepEqual(await directory({ q: 'qqxqq zzyzz' }), []);
      });

      it('keeps to supporters with a slot within availableWithinDays', async () => {
        const soon = await directory({ availableWithinDays: 1 });
        assert.ok(soon.length > 0);
        assert.ok(
          soon.every((s) => s.nextAvailable !== null && ms(s.nextAvailable) < ms(now) + DAY),
        );
        const later = await directory({ availableWithinDays: 7 });
        assert.ok(later.length >= soon.length);
      });

      it('labels tags in the language of Accept-Language', async () => {
        const body = { topics: ['anxiety'], limit: 1 };
        const en = ok(await call('listSupporters', { body }));
        const es = ok(await call('listSupporters', { body, headers: { 'Accept-Language': 'es' } }));
        const label = (page: typeof en) =>
          (page.items[0] as SupporterSummary).topics.find((t) => t.id === 'anxiety')?.label;
        assert.equal(label(en), 'Anxiety');
        assert.equal(label(es), 'Ansiedad');
        assert.ok(es.facets.topics.some((t) => t.id === 'anxiety' && t.label === 'Ansiedad'));
      });

      it('refuses a malformed search with 400 and the fields at fault', async () => {
        const error = refused(
          await call('listSupporters', { rawBody: JSON.stringify({ limit: 0, states: ['ca'] }) }),
          400,
          'invalid-request',
        );
        assert.deepEqual(faultyFields(error), ['limit', 'states.0']);
        refused(await call('listSupporters', { rawBody: '{"limit": 5' }), 400, 'invalid-request');
      });

      it("serves a supporter's profile, agreeing with the directory", async () => {
        const [summary] = await directory({ limit: 1 });
        const found = await profile(summary!.id);
        for (const field of ['id', 'name', 'states', 'languages', 'sessionLengths'] as const) {
          assert.deepEqual(found[field], summary![field]);
        }
        assert.equal(found.nextAvailable, summary!.nextAvailable);
        assert.ok(found.modalities.length > 0);
      });

      it('answers 404 not-found for an unknown supporter', async () => {
        refused(
          await call('getSupporter', { params: { supporterId: 'sup-999' } }),
          404,
          'not-found',
        );
      });
    });

    // ------------------------------------------------------------------------------------------
    describe('availability', () => {
      it("lists a supporter's open slots, the shortest length by default, from now on", async () => {
        const [supporter] = await directory({ limit: 1, sort: 'next-available' });
        const shortest = Math.min(...supporter!.sessionLengths);
        const list = ok(await call('listSlots', { params: { supporterId: supporter!.id } }));
        assert.equal(list.supporterId, supporter!.id);
        assert.ok(list.slots.length > 0);
        for (const slot of list.slots) {
          assert.equal(slot.supporterId, supporter!.id);
          assert.equal(slot.lengthMinutes, shortest);
          assert.equal(ms(slot.end) - ms(slot.start), shortest * MINUTE);
          assert.ok(ms(slot.start) > ms(now) && ms(slot.start) < ms(now) + 14 * DAY);
        }
        const starts = list.slots.map((s) => ms(s.start));
        assert.deepEqual(
          starts,
          [...new Set(starts)].sort((a, b) => a - b),
        );
        assert.equal(starts[0], ms(supporter!.nextAvailable!));
      });

      it('keeps to from, to and lengthMinutes', async () => {
        const { supporter } = await findSlot({ lengthMinutes: 60 });
        const from = plus(now, 2 * DAY);
        const to = plus(now, 5 * DAY);
        const slots = await openSlots(supporter.id, 60, from, to);
        assert.ok(slots.length > 0);
        for (const slot of slots) {
          assert.equal(slot.lengthMinutes, 60);
          assert.ok(ms(slot.start) >= ms(from) && ms(slot.start) < ms(to), slot.start);
        }
      });

      it('refuses a bad query with 400 and the parameter at fault', async () => {
        const [supporter] = await directory({ limit: 1 });
        const params = { supporterId: supporter!.id };
        for (const [query, field] of [
          [{ lengthMinutes: 'sixty' }, 'lengthMinutes'],
          [{ lengthMinutes: '45' }, 'lengthMinutes'],
          [{ from: 'next monday' }, 'from'],
          [{ to: '2026-03-10' }, 'to'],
        ] as const) {
          const error = refused(await call('listSlots', { params, query }), 400, 'invalid-request');
          assert.deepEqual(faultyFields(error), [field]);
        }
      });

      it('answers 404 not-found for the slots of an unknown supporter', async () => {
        refused(await call('listSlots', { params: { supporterId: 'sup-999' } }), 404, 'not-found');
      });

      it('finds the soonest open slot across matching supporters', async () => {
        const { slot } = ok(await call('nextAvailable', { body: {} }));
        assert.ok(slot);
        const [soonest] = await directory({ sort: 'next-available', limit: 1 });
        assert.equal(ms(slot.start), ms(soonest!.nextAvailable!));
        assert.ok(await isOpen(slot));

        const filtered = ok(
          await call('nextAvailable', { body: { lengthMinutes: 60, states: ['OR'] } }),
        ).slot;
        assert.ok(filtered);
        assert.equal(filtered.lengthMinutes, 60);
        assert.ok((await profile(filtered.supporterId)).states.includes('OR'));

        const none = ok(await call('nextAvailable', { body: { q: 'qqxqq zzyzz' } }));
        assert.equal(none.slot, null);
        refused(
          await call('nextAvailable', { rawBody: JSON.stringify({ lengthMinutes: 45 }) }),
          400,
          'invalid-request',
        );
      });

      it('no longer offers a booked slot, nor the shorter slots inside it', async () => {
        const { slot } = ok(await call('nextAvailable', { body: { lengthMinutes: 60 } }));
        assert.ok(slot);
        const supporter = (await directory()).find((s) => s.id === slot.supporterId)!;
        await book({ pick: { supporter, slot } });
        assert.equal(await isOpen(slot), false);
        const after = ok(await call('nextAvailable', { body: { lengthMinutes: 60 } })).slot;
        assert.ok(after);
        assert.ok(after.supporterId !== slot.supporterId || ms(after.start) !== ms(slot.start));
        if (supporter.sessionLengths.includes(30)) {
          const halves = await openSlots(
            supporter.id,
            30,
            plus(slot.start, -MINUTE),
            plus(slot.end, -MINUTE),
          );
          assert.deepEqual(halves, []);
        }
      });
    });

    // ------------------------------------------------------------------------------------------
    describe('matching', () => {
      const question = {
        topics: ['anxiety', 'school-stress'],
        identities: [],
        languages: ['en'],
        timesOfDay: ['evening' as const],
      };

      it('ranks supporters by fit, best first, with reasons from the questionnaire', async () => {
        const { results } = ok(await call('match', { body: { ...question, limit: 5 } }));
        assert.equal(results.length, 5);
        const scores = results.map((r) => r.score);
        assert.deepEqual(
          scores,
          [...scores].sort((a, b) => b - a),
        );
        for (const { supporter, reasons } of results) {
          for (const reason of reasons) {
            // A reason names what the seeker asked for and the supporter has.
            if (reason.kind === 'topic') {
              assert.ok(question.topics.includes(reason.id));
              assert.ok(supporter.topics.some((t) => t.id === reason.id));
            }
            if (reason.kind === 'language') assert.equal(reason.id.split('-')[0], 'en');
            if (reason.kind === 'identity') assert.fail('no identity was asked for');
            if (reason.kind === 'time-of-day') assert.equal(reason.id, 'evening');
          }
        }
        assert.ok(results[0]!.reasons.some((r) => r.kind === 'topic'));
      });

      it('keeps to supporters certified in the given states', async () => {
        const { results } = ok(
          await call('match', { body: { ...question, states: ['WA'], limit: 50 } }),
        );
        assert.ok(results.length > 0);
        assert.ok(results.every((r) => r.supporter.states.includes('WA')));
      });

      it('refuses a questionnaire without its lists with 400', async () => {
        const error = refused(
          await call('match', { rawBody: JSON.stringify({ topics: ['anxiety'] }) }),
          400,
          'invalid-request',
        );
        assert.deepEqual(faultyFields(error), ['identities', 'languages', 'timesOfDay']);
      });

      it('needs no Idempotency-Key for the POSTs that only read', async () => {
        ok(await call('listSupporters', { body: {}, key: null }));
        ok(await call('nextAvailable', { body: {}, key: null }));
        ok(await call('match', { body: question, key: null }));
        ok(await call('getGiftCard', { body: { code: ACTIVE_CARD }, key: null }));
      });
    });

    // ------------------------------------------------------------------------------------------
    describe('booking', () => {
      it('books an offered slot as a request, priced by length, with a manage token', async () => {
        const booked = await book({ lengthMinutes: 60 });
        const { created, slot } = booked;
        assert.equal(created.status, 'requested');
        assert.equal(created.supporterId, slot.supporterId);
        assert.equal(ms(created.start), ms(slot.start));
        assert.equal(ms(created.end), ms(slot.start) + 60 * MINUTE);
        assert.equal(created.lengthMinutes, 60);
        assert.equal(created.modality, 'video');
        assert.equal(ms(created.freeCancellationUntil), ms(slot.start) - 24 * HOUR);
        assert.equal(ms(created.createdAt), ms(now));
        assert.equal(created.payment.kind, 'sliding-scale');
        assert.equal(created.payment.status, 'due');
        assert.deepEqual(created.payment.amount, { amount: 4500, currency: 'USD' });
        assert.ok(created.payment.checkoutUrl);
        assert.equal(created.joinUrl, undefined);
        assert.equal(created.cancellation, undefined);

        const { manageToken, ...booking } = created;
        assert.equal(booked.token, manageToken);
        assert.deepEqual(await getBooking(booked), booking);
        assert.equal(await isOpen(slot), false);
      });

      it("takes a slot's start in any offset: an instant is an instant", async () => {
        const pick = await findSlot();
        const utc = iso(new Date(pick.slot.start));
        assert.notEqual(utc, pick.slot.start);
        const booked = await book({ pick, request: { slotStart: utc } });
        assert.equal(ms(booked.created.start), ms(pick.slot.start));
        assert.equal(await isOpen(pick.slot), false);
      });

      it('prices a 30-minute session from its own entry of the sliding scale', async () => {
        const pick = await findSlot({ lengthMinutes: 30 });
        const below = bookingRequest(pick, { payment: { kind: 'sliding-scale', amount: 999 } });
        const error = refused(
          await call('createBooking', { body: below }),
          422,
          'payment-below-minimum',
        );
        assert.deepEqual(faultyFields(error), ['payment.amount']);
        const booked = await book({
          pick,
          request: { payment: { kind: 'sliding-scale', amount: 1000 } },
        });
        assert.deepEqual(booked.created.payment.amount, { amount: 1000, currency: 'USD' });
      });

      it('takes any amount from the minimum up on a sliding scale without a maximum', async () => {
        const { supporter, slots } = await findSlots({ lengthMinutes: 60 }, 3);
        const at = (i: number) => ({ supporter, slot: slots[i]! });
        const error = refused(
          await call('createBooking', {
            body: bookingRequest(at(0), { payment: { kind: 'sliding-scale', amount: 1999 } }),
          }),
          422,
          'payment-below-minimum',
        );
        assert.deepEqual(faultyFields(error), ['payment.amount']);
        const minimum = await book({
          pick: at(0),
          request: { payment: { kind: 'sliding-scale', amount: 2000 } },
        });
        assert.equal(minimum.created.payment.amount.amount, 2000);
        const generous = await book({
          pick: at(2),
          request: { payment: { kind: 'sliding-scale', amount: 100_000 } },
        });
        assert.equal(generous.created.payment.amount.amount, 100_000);
      });

      it('refuses payment kinds the program does not take', async () => {
        const pick = await findSlot();
        for (const payment of [{ kind: 'fixed' }, { kind: 'free' }] as const) {
          const error = refused(
            await call('createBooking', { body: bookingRequest(pick, { payment }) }),
            422,
            'payment-kind-not-accepted',
          );
          assert.deepEqual(faultyFields(error), ['payment.kind']);
        }
        assert.ok(await isOpen(pick.slot));
      });

      it('books seekers aged 18 to 30 and refuses other ages as not eligible', async () => {
        const { supporter, slots } = await findSlots({}, 3);
        const pick = { supporter, slot: slots[0]! };
        for (const age of [17, 31, 0]) {
          const request = bookingRequest(pick, {
            seeker: { ...SEEKER, age, state: stateOf(supporter) },
          });
          const error = refused(
            await call('createBooking', { body: request }),
            422,
            'not-eligible',
          );
          assert.deepEqual(fieldErrors(error), ['seeker.age out_of_range']);
        }
        for (const [i, age] of [
          [0, 18],
          [2, 30],
        ] as const) {
          const booked = await book({
            pick: { supporter, slot: slots[i]! },
            request: { seeker: { ...SEEKER, age, state: stateOf(supporter) } },
          });
          assert.equal(booked.created.status, 'requested');
        }
      });

      it('asks for an age: without one, or with only ageInRange, it is required', async () => {
        const pick = await findSlot();
        const state = stateOf(pick.supporter);
        for (const seeker of [
          { name: 'Sam Seeker', email: 'sam@example.org', state },
          { name: 'Sam Seeker', email: 'sam@example.org', state, ageInRange: true as const },
        ]) {
          const error = refused(
            await call('createBooking', { body: bookingRequest(pick, { seeker }) }),
            422,
            'not-eligible',
          );
          assert.deepEqual(fieldErrors(error), ['seeker.age required']);
        }
      });

      it('refuses a state the program does not serve, or the supporter is not certified in', async () => {
        const pick = await findSlot();
        const elsewhere = refused(
          await call('createBooking', {
            body: bookingRequest(pick, { seeker: { ...SEEKER, state: 'NY' } }),
          }),
          422,
          'not-eligible',
        );
        assert.deepEqual(fieldErrors(elsewhere), ['seeker.state not_served']);

        const both = refused(
          await call('createBooking', {
            body: bookingRequest(pick, { seeker: { ...SEEKER, age: 40, state: 'NY' } }),
          }),
          422,
          'not-eligible',
        );
        assert.deepEqual(fieldErrors(both), ['seeker.age out_of_range', 'seeker.state not_served']);

        const uncertified = await findSlot({
          where: (s) => PROGRAM_STATES.some((state) => !s.states.includes(state)),
        });
        const state = PROGRAM_STATES.find((st) => !uncertified.supporter.states.includes(st))!;
        const error = refused(
          await call('createBooking', {
            body: bookingRequest(uncertified, { seeker: { ...SEEKER, state } }),
          }),
          422,
          'not-eligible',
        );
        assert.deepEqual(fieldErrors(error), ['seeker.state not_certified']);
        assert.ok(await isOpen(uncertified.slot));
      });

      it('refuses a session length the program or the supporter does not offer', async () => {
        const pick = await findSlot({ where: (s) => !s.sessionLengths.includes(30) });
        const notOffered = refused(
          await call('createBooking', { body: bookingRequest(pick, { lengthMinutes: 50 }) }),
          422,
          'invalid-request',
        );
        assert.deepEqual(faultyFields(notOffered), ['lengthMinutes']);
        const notTheirs = refused(
          await call('createBooking', {
            body: bookingRequest(pick, {
              lengthMinutes: 30,
              payment: { kind: 'sliding-scale', amount: 2500 },
            }),
          }),
          422,
          'invalid-request',
        );
        assert.deepEqual(faultyFields(notTheirs), ['lengthMinutes']);
      });

      it('refuses a modality the supporter does not offer', async () => {
        const without = await profileWhere(
          (p) => !p.modalities.includes('messaging') && p.sessionLengths.includes(60),
          'without messaging',
        );
        const { supporter, slot } = await findSlot({ where: (s) => s.id === without.id });
        const error = refused(
          await call('createBooking', {
            body: bookingRequest({ supporter, slot }, { modality: 'messaging' }),
          }),
          422,
          'invalid-request',
        );
        assert.deepEqual(faultyFields(error), ['modality']);
        const phone = without.modalities.includes('phone') ? 'phone' : 'video';
        const booked = await book({ pick: { supporter, slot }, request: { modality: phone } });
        assert.equal(booked.created.modality, phone);
      });

      it('refuses a time the supporter never offered with 422 slot-not-offered', async () => {
        const pick = await findSlot();
        for (const slotStart of [iso(plus(pick.slot.start, 10 * MINUTE)), SUNDAY_NOON]) {
          const error = refused(
            await call('createBooking', { body: bookingRequest(pick, { slotStart }) }),
            422,
            'slot-not-offered',
          );
          assert.deepEqual(faultyFields(error), ['slotStart']);
        }
      });

      it('refuses a slot taken meanwhile with 409 slot-taken, overlaps included', async () => {
        const booked = await book({
          lengthMinutes: 60,
          where: (s) => s.sessionLengths.includes(30),
        });
        refused(await call('createBooking', { body: bookingRequest(booked) }), 409, 'slot-taken');
        const halfPast = {
          supporter: booked.supporter,
          slot: {
            ...booked.slot,
            start: iso(plus(booked.slot.start, 30 * MINUTE)),
            end: booked.slot.end,
            lengthMinutes: 30 as const,
          },
        };
        refused(await call('createBooking', { body: bookingRequest(halfPast) }), 409, 'slot-taken');
      });

      it('answers 404 not-found for an unknown supporter', async () => {
        const pick = await findSlot();
        refused(
          await call('createBooking', { body: bookingRequest(pick, { supporterId: 'sup-999' }) }),
          404,
          'not-found',
        );
      });

      it('refuses malformed requests with 400 and the fields at fault', async () => {
        const pick = await findSlot();
        const valid = bookingRequest(pick);
        const cases: [unknown, string[]][] = [
          [{ ...valid, seeker: { ...valid.seeker, email: 'sam at example' } }, ['seeker.email']],
          [{ ...valid, policies: { ...POLICIES, privacy: false } }, ['policies.privacy']],
          [{ ...valid, slotStart: '2026-03-11T10:00:00' }, ['slotStart']],
          [{ ...valid, lengthMinutes: 45 }, ['lengthMinutes']],
          [{ ...valid, payment: { kind: 'sliding-scale', amount: -1 } }, ['payment.amount']],
        ];
        for (const [body, fields] of cases) {
          const error = refused(
            await call('createBooking', { rawBody: JSON.stringify(body) }),
            400,
            'invalid-request',
          );
          assert.ok(
            fields.every((f) => faultyFields(error).includes(f)),
            `${fields.join()} in ${faultyFields(error).join()}`,
          );
        }
        refused(
          await call('createBooking', { rawBody: '{"supporterId": ' }),
          400,
          'invalid-request',
        );
        refused(await call('createBooking', { body: valid, key: null }), 400, 'invalid-request');
        // A body far over any limit: refused as too large (413) or as breaking the schema (400),
        // with the contract's error body either way, and nothing booked.
        const huge = await call('createBooking', {
          rawBody: JSON.stringify({ ...valid, note: 'x'.repeat(200_000) }),
        });
        assert.ok([400, 413].includes(huge.status), show(huge));
        refused(huge, huge.status, 'invalid-request');
        assert.ok(await isOpen(pick.slot));
      });
    });

    // ------------------------------------------------------------------------------------------
    describe('managing a booking', () => {
      it('answers an unknown booking, a wrong and a missing token with the same 404', async () => {
        const booked = await book();
        const other = await book({ where: (s) => s.id !== booked.supporter.id });
        const bookingId = booked.created.id;
        const attempts = {
          getBooking: [
            call('getBooking', { params: { bookingId: 'bk-0000000000' }, token: booked.token }),
            call('getBooking', { params: { bookingId }, token: other.token }),
            call('getBooking', { params: { bookingId } }),
          ],
          cancelBooking: [
            call('cancelBooking', { params: { bookingId: 'bk-0000000000' }, body: {} }),
            call('cancelBooking', { params: { bookingId }, token: other.token, body: {} }),
            call('cancelBooking', { params: { bookingId }, body: {} }),
          ],
          rescheduleBooking: [
            call('rescheduleBooking', {
              params: { bookingId: 'bk-0000000000' },
              token: booked.token,
              body: { slotStart: other.slot.start },
            }),
            call('rescheduleBooking', {
              params: { bookingId },
              token: other.token,
              body: { slotStart: other.slot.start },
            }),
          ],
        };
        for (const [operation, pending] of Object.entries(attempts)) {
          const replies = await Promise.all(pending);
          for (const reply of replies) refused(reply, 404, 'not-found');
          const bodies = replies.map(withoutRequestId);
          for (const body of bodies) assert.deepEqual(body, bodies[0], operation);
        }
        assert.equal((await getBooking(booked)).status, 'requested');
      });

      it("shows the supporter's answer: confirmed with a video link, or declined", async () => {
        const video = await book();
        assert.equal(await control.confirmBooking(video.created.id), true);
        const confirmed = await getBooking(video);
        assert.equal(confirmed.status, 'confirmed');
        assert.ok(confirmed.joinUrl);
        assert.equal(await control.confirmBooking(video.created.id), false);
        assert.equal(await control.declineBooking(video.created.id), false);

        const declinedOne = await book({ where: (s) => s.id !== video.supporter.id });
        assert.equal(await control.declineBooking(declinedOne.created.id), true);
        const declined = await getBooking(declinedOne);
        assert.equal(declined.status, 'declined');
        assert.equal(declined.joinUrl, undefined);
        assert.equal(await isOpen(declinedOne.slot), true);
        assert.equal(await control.confirmBooking('bk-0000000000'), false);
      });

      it('reports a payment made at the checkout', async () => {
        const booked = await book();
        assert.equal(await control.markPaid(booked.created.id), true);
        const paid = await getBooking(booked);
        assert.equal(paid.payment.status, 'paid');
        assert.deepEqual(paid.payment.amount, { amount: 4500, currency: 'USD' });
        assert.equal(await control.markPaid(booked.created.id), false);
      });
    });

    // ------------------------------------------------------------------------------------------
    describe('cancellation', () => {
      it('is free well before the start, and frees the slot', async () => {
        const booked = await book({ hoursAhead: 72 });
        const cancellation = ok(await cancel(booked));
        assert.deepEqual(cancellation, {
          bookingId: booked.created.id,
          status: 'cancelled',
          cancelledAt: cancellation.cancelledAt,
          by: 'seeker',
          withinFreeWindow: true,
          outcome: 'no-charge',
          feeDue: { amount: 0, currency: 'USD' },
          refunded: { amount: 0, currency: 'USD' },
          giftSessionRestored: false,
        });
        assert.equal(ms(cancellation.cancelledAt), ms(now));
        const after = await getBooking(booked);
        assert.equal(after.status, 'cancelled');
        const { bookingId, status, ...shown } = cancellation;
        assert.deepEqual([bookingId, status], [after.id, after.status]);
        assert.deepEqual(after.cancellation, shown);
        assert.equal(await isOpen(booked.slot), true);
      });

      it("is free at the window's last instant, on the server's clock", async () => {
        const booked = await book();
        await setClock(new Date(booked.created.freeCancellationUntil));
        const cancellation = ok(await cancel(booked));
        assert.equal(cancellation.withinFreeWindow, true);
        assert.equal(cancellation.outcome, 'no-charge');
        assert.equal(cancellation.feeDue.amount, 0);
      });

      it('leaves the full fee due one second after the window', async () => {
        const booked = await book();
        await setClock(plus(booked.created.freeCancellationUntil, 1000));
        const cancellation = ok(await cancel(booked));
        assert.equal(cancellation.withinFreeWindow, false);
        assert.equal(cancellation.outcome, 'fee-due');
        assert.deepEqual(cancellation.feeDue, { amount: 4500, currency: 'USD' });
        assert.deepEqual(cancellation.refunded, { amount: 0, currency: 'USD' });
      });

      it('refunds a paid booking cancelled in time, and keeps one cancelled late', async () => {
        const early = await book();
        const late = await book({ where: (s) => s.id !== early.supporter.id });
        assert.equal(await control.markPaid(early.created.id), true);
        assert.equal(await control.markPaid(late.created.id), true);

        const refund = ok(await cancel(early));
        assert.equal(refund.outcome, 'refunded');
        assert.deepEqual(refund.refunded, { amount: 4500, currency: 'USD' });
        assert.equal(refund.feeDue.amount, 0);
        assert.equal((await getBooking(early)).payment.status, 'refunded');

        await setClock(plus(late.created.start, -HOUR));
        const kept = ok(await cancel(late));
        assert.equal(kept.withinFreeWindow, false);
        assert.equal(kept.outcome, 'fee-due');
        assert.deepEqual(kept.feeDue, { amount: 0, currency: 'USD' });
        assert.deepEqual(kept.refunded, { amount: 0, currency: 'USD' });
        assert.equal((await getBooking(late)).payment.status, 'paid');
      });

      it('is free to the seeker when the supporter cancels, even late', async () => {
        const booked = await book();
        await setClock(plus(booked.created.start, -2 * HOUR));
        assert.equal(await control.cancelAsSupporter(booked.created.id), true);
        const after = await getBooking(booked);
        assert.equal(after.status, 'cancelled');
        assert.equal(after.cancellation?.by, 'supporter');
        assert.equal(after.cancellation?.withinFreeWindow, false);
        assert.equal(after.cancellation?.outcome, 'no-charge');
        assert.deepEqual(after.cancellation?.feeDue, { amount: 0, currency: 'USD' });
        assert.equal(await control.cancelAsSupporter(booked.created.id), false);
      });

      it('refuses a cancelled booking with 409 already-cancelled', async () => {
        const booked = await book();
        ok(await cancel(booked));
        refused(await cancel(booked), 409, 'already-cancelled');
        const bySupporter = await book({ where: (s) => s.id !== booked.supporter.id });
        assert.equal(await control.cancelAsSupporter(bySupporter.created.id), true);
        refused(await cancel(bySupporter), 409, 'already-cancelled');
      });

      it('refuses a declined booking with 409 booking-declined', async () => {
        const booked = await book();
        assert.equal(await control.declineBooking(booked.created.id), true);
        refused(await cancel(booked), 409, 'booking-declined');
      });

      it('refuses a session already started with 422 too-late', async () => {
        const booked = await book();
        assert.equal(await control.confirmBooking(booked.created.id), true);
        await setClock(plus(booked.created.start, MINUTE));
        refused(await cancel(booked), 422, 'too-late');
        assert.equal((await getBooking(booked)).status, 'confirmed');
      });

      it('refuses a bad reason and a missing Idempotency-Key with 400', async () => {
        const booked = await book();
        const params = { bookingId: booked.created.id };
        const error = refused(
          await call('cancelBooking', {
            params,
            token: booked.token,
            rawBody: JSON.stringify({ reason: 'bored' }),
          }),
          400,
          'invalid-request',
        );
        assert.deepEqual(faultyFields(error), ['reason']);
        refused(
          await call('cancelBooking', { params, token: booked.token, rawBody: '{reason' }),
          400,
          'invalid-request',
        );
        refused(
          await call('cancelBooking', { params, token: booked.token, body: {}, key: null }),
          400,
          'invalid-request',
        );
        assert.equal((await getBooking(booked)).status, 'requested');
      });
    });

    // ------------------------------------------------------------------------------------------
    describe('rescheduling', () => {
      /** A booking and another open slot of the same supporter, after it. */
      async function bookedWithTarget(): Promise<{ booked: Booked; target: Slot }> {
        const { supporter, slots } = await findSlots({}, 2);
        const booked = await book({ pick: { supporter, slot: slots[0]! } });
        const target = slots.find((s) => ms(s.start) >= ms(booked.slot.end));
        assert.ok(target, 'a later slot');
        return { booked, target };
      }

      it('moves a booking to another open slot, as a request again', async () => {
        const { booked, target } = await bookedWithTarget();
        assert.equal(await control.confirmBooking(booked.created.id), true);
        const moved = ok(await reschedule(booked, target.start));
        assert.equal(moved.id, booked.created.id);
        assert.equal(moved.status, 'requested');
        assert.equal(moved.joinUrl, undefined);
        assert.equal(ms(moved.start), ms(target.start));
        assert.equal(ms(moved.end), ms(target.start) + 60 * MINUTE);
        assert.equal(ms(moved.freeCancellationUntil), ms(target.start) - 24 * HOUR);
        assert.deepEqual(moved.payment, booked.created.payment);
        assert.deepEqual(await getBooking(booked), moved);
        assert.equal(await isOpen(booked.slot), true);
        assert.equal(await isOpen(target), false);
      });

      it("is allowed up to the window's last instant, and too late after it", async () => {
        const { booked, target } = await bookedWithTarget();
        await setClock(plus(booked.created.freeCancellationUntil, 1000));
        refused(await reschedule(booked, target.start), 422, 'too-late');
        await setClock(new Date(booked.created.freeCancellationUntil));
        ok(await reschedule(booked, target.start));
      });

      it('refuses a slot another booking holds with 409, a time never offered with 422', async () => {
        const { booked, target } = await bookedWithTarget();
        await book({ pick: { supporter: booked.supporter, slot: target } });
        refused(await reschedule(booked, target.start), 409, 'slot-taken');
        const error = refused(
          await reschedule(booked, iso(plus(target.start, 10 * MINUTE))),
          422,
          'slot-not-offered',
        );
        assert.deepEqual(faultyFields(error), ['slotStart']);
        refused(await reschedule(booked, SUNDAY_NOON), 422, 'slot-not-offered');
        assert.equal(ms((await getBooking(booked)).start), ms(booked.slot.start));
      });

      it('refuses a declined or cancelled booking with 409', async () => {
        const { booked, target } = await bookedWithTarget();
        assert.equal(await control.declineBooking(booked.created.id), true);
        refused(await reschedule(booked, target.start), 409, 'booking-declined');

        const other = await book({ where: (s) => s.id !== booked.supporter.id });
        ok(await cancel(other));
        refused(await reschedule(other, target.start), 409, 'already-cancelled');
      });

      it('refuses a malformed request and a missing Idempotency-Key with 400', async () => {
        const { booked, target } = await bookedWithTarget();
        const params = { bookingId: booked.created.id };
        const error = refused(
          await call('rescheduleBooking', {
            params,
            token: booked.token,
            rawBody: JSON.stringify({ slotStart: 'tomorrow' }),
          }),
          400,
          'invalid-request',
        );
        assert.deepEqual(faultyFields(error), ['slotStart']);
        refused(
          await call('rescheduleBooking', { params, token: booked.token, rawBody: 'slotStart' }),
          400,
          'invalid-request',
        );
        refused(
          await call('rescheduleBooking', {
            params,
            token: booked.token,
            body: { slotStart: target.start },
            key: null,
          }),
          400,
          'invalid-request',
        );
        assert.equal(await isOpen(target), true);
      });
    });

    // ------------------------------------------------------------------------------------------
    describe('gift cards', () => {
      it('looks up the seeded cards: active, used and expired', async () => {
        assert.deepEqual(ok(await lookup(ACTIVE_CARD)), {
          code: ACTIVE_CARD,
          status: 'active',
          lengthMinutes: 60,
          sessionsTotal: 3,
          sessionsRemaining: 3,
        });
        const used = ok(await lookup(USED_CARD));
        assert.equal(used.status, 'used');
        assert.equal(used.sessionsRemaining, 0);
        assert.ok(used.usedUpAt);
        const expired = ok(await lookup(EXPIRED_CARD));
        assert.equal(expired.status, 'expired');
        assert.equal(expired.expiresOn, '2024-12-31');
      });

      it('answers an unknown code and a wrong one with the same 404', async () => {
        const unknown = await lookup(UNKNOWN_CODE);
        const wrong = await lookup(WRONG_CODE);
        refused(unknown, 404, 'not-found');
        refused(wrong, 404, 'not-found');
        assert.deepEqual(withoutRequestId(wrong), withoutRequestId(unknown));
        const error = refused(await lookup('GIFT-DEMO'), 400, 'invalid-request');
        assert.deepEqual(faultyFields(error), ['code']);
      });

      it('pays for a session of its length at price 0, taking one session', async () => {
        const booked = await book({
          request: { payment: { kind: 'gift-card', code: ACTIVE_CARD } },
        });
        assert.deepEqual(booked.created.payment, {
          kind: 'gift-card',
          status: 'covered-by-gift',
          amount: { amount: 0, currency: 'USD' },
        });
        assert.equal(await remaining(ACTIVE_CARD), 2);
      });

      it('refuses used, expired, unknown, pending and wrong-length cards on payment.code', async () => {
        const pick = await findSlot({ lengthMinutes: 60 });
        const pending = await buyGiftCard({}, { paid: false });
        const cases: [string, string][] = [
          [USED_CARD, 'gift-card-used'],
          [EXPIRED_CARD, 'gift-card-invalid'],
          [UNKNOWN_CODE, 'gift-card-invalid'],
          [pending.code, 'gift-card-invalid'],
        ];
        for (const [code, expected] of cases) {
          const error = refused(
            await call('createBooking', {
              body: bookingRequest(pick, { payment: { kind: 'gift-card', code } }),
            }),
            422,
            expected,
          );
          assert.deepEqual(faultyFields(error), ['payment.code'], code);
        }
        const half = await findSlot({ lengthMinutes: 30 });
        const error = refused(
          await call('createBooking', {
            body: bookingRequest(half, { payment: { kind: 'gift-card', code: ACTIVE_CARD } }),
          }),
          422,
          'gift-card-wrong-length',
        );
        assert.deepEqual(faultyFields(error), ['payment.code']);
        assert.equal(await remaining(ACTIVE_CARD), 3);
        assert.ok(await isOpen(pick.slot));
      });

      it('gives the session back on a free cancellation or a decline, not a late one', async () => {
        const gift = { payment: { kind: 'gift-card' as const, code: ACTIVE_CARD } };
        const { supporter, slots } = await findSlots({}, 3);
        const [first, second, third] = slots as [Slot, Slot, Slot];
        const inTime = await book({ pick: { supporter, slot: first }, request: gift });
        const declined = await book({ pick: { supporter, slot: second }, request: gift });
        const late = await book({ pick: { supporter, slot: third }, request: gift });
        assert.equal(await remaining(ACTIVE_CARD), 0);

        const freeCancel = ok(await cancel(inTime));
        assert.equal(freeCancel.outcome, 'no-charge');
        assert.equal(freeCancel.giftSessionRestored, true);
        assert.equal(await remaining(ACTIVE_CARD), 1);

        assert.equal(await control.declineBooking(declined.created.id), true);
        assert.equal(await remaining(ACTIVE_CARD), 2);

        await setClock(plus(late.created.start, -HOUR));
        const lateCancel = ok(await cancel(late));
        assert.equal(lateCancel.outcome, 'gift-session-used');
        assert.equal(lateCancel.giftSessionRestored, false);
        assert.deepEqual(lateCancel.feeDue, { amount: 0, currency: 'USD' });
        assert.equal(await remaining(ACTIVE_CARD), 2);
      });

      it('is used up by its last session, and active again when it comes back', async () => {
        const card = await buyGiftCard({ sessions: 1 });
        const booked = await book({ request: { payment: { kind: 'gift-card', code: card.code } } });
        const used = ok(await lookup(card.code));
        assert.equal(used.status, 'used');
        assert.equal(used.sessionsRemaining, 0);
        assert.equal(ms(used.usedUpAt!), ms(now));
        ok(await cancel(booked));
        const back = ok(await lookup(card.code));
        assert.equal(back.status, 'active');
        assert.equal(back.sessionsRemaining, 1);
        assert.equal(back.usedUpAt, undefined);
      });

      it('sells sessions pending payment, issued once paid, never answering the code', async () => {
        const reply = await call('purchaseGiftCard', { body: PURCHASE });
        const purchase = ok(reply);
        assert.equal(purchase.status, 'pending-payment');
        assert.equal(purchase.sessions, 3);
        assert.equal(purchase.lengthMinutes, 60);
        assert.deepEqual(purchase.total, { amount: 13_500, currency: 'USD' });
        assert.ok(purchase.checkoutUrl);
        assert.equal(purchase.deliverOn, TODAY);

        const code = await control.emailedCode(purchase.id);
        assert.ok(code);
        assert.equal(reply.text.includes(code), false);
        assert.deepEqual(ok(await lookup(code)), {
          code,
          status: 'pending',
          lengthMinutes: 60,
          sessionsTotal: 3,
          sessionsRemaining: 3,
        });
        assert.equal(await control.markGiftCardPaid(purchase.id), true);
        assert.equal(ok(await lookup(code)).status, 'active');
        assert.equal(await control.markGiftCardPaid(purchase.id), false);

        const booked = await book({ request: { payment: { kind: 'gift-card', code } } });
        assert.deepEqual(booked.created.payment.amount, { amount: 0, currency: 'USD' });
        assert.equal(await remaining(code), 2);
      });

      it('prices a 30-minute card from the 30-minute suggested amount', async () => {
        const purchase = ok(
          await call('purchaseGiftCard', { body: { ...PURCHASE, sessions: 2, lengthMinutes: 30 } }),
        );
        assert.deepEqual(purchase.total, { amount: 5000, currency: 'USD' });
        assert.equal(purchase.lengthMinutes, 30);
      });

      it('stays pending until its delivery date, even paid', async () => {
        const card = await buyGiftCard({ deliverOn: '2026-03-10' });
        assert.equal(ok(await lookup(card.code)).status, 'pending');
        const pick = await findSlot({ hoursAhead: 72 });
        refused(
          await call('createBooking', {
            body: bookingRequest(pick, { payment: { kind: 'gift-card', code: card.code } }),
          }),
          422,
          'gift-card-invalid',
        );
        await setClock(new Date('2026-03-10T08:00:00-07:00'));
        assert.equal(ok(await lookup(card.code)).status, 'active');
        await book({ pick, request: { payment: { kind: 'gift-card', code: card.code } } });
        assert.equal(await remaining(card.code), 2);
      });

      it('refuses a purchase out of the program’s limits with 422 and the field codes', async () => {
        const anyLength = { ...PURCHASE, lengthMinutes: undefined };
        const cases: [GiftCardPurchaseRequest, string][] = [
          [{ ...PURCHASE, sessions: 11 }, 'sessions out_of_range'],
          [anyLength, 'lengthMinutes required'],
          [{ ...PURCHASE, lengthMinutes: 50 }, 'lengthMinutes not_offered'],
          [{ ...PURCHASE, deliverOn: '2026-03-08' }, 'deliverOn in_past'],
          [{ ...PURCHASE, timeZone: 'Mars/Olympus_Mons' }, 'timeZone invalid'],
        ];
        for (const [body, expected] of cases) {
          const error = refused(await call('purchaseGiftCard', { body }), 422, 'invalid-request');
          assert.deepEqual(fieldErrors(error), [expected]);
        }
      });

      it('refuses a malformed purchase and a missing Idempotency-Key with 400', async () => {
        const error = refused(
          await call('purchaseGiftCard', {
            rawBody: JSON.stringify({ ...PURCHASE, sessions: 21 }),
          }),
          400,
          'invalid-request',
        );
        assert.deepEqual(faultyFields(error), ['sessions']);
        refused(
          await call('purchaseGiftCard', { rawBody: '{"sessions":' }),
          400,
          'invalid-request',
        );
        refused(
          await call('purchaseGiftCard', { body: PURCHASE, key: null }),
          400,
          'invalid-request',
        );
      });

      it('rate-limits lookups with 429 rate-limited and Retry-After, until it has passed', async () => {
        let limited;
        for (let attempt = 0; attempt < 200 && !limited; attempt++) {
          const reply = await lookup(ACTIVE_CARD);
          if (reply.status === 429) limited = reply;
          else ok(reply);
        }
        assert.ok(limited, 'lookups are limited');
        refused(limited, 429, 'rate-limited');
        const retryAfter = limited.headers.get('Retry-After');
        assert.match(retryAfter ?? '', /^\d+$/, show(limited));
        refused(await lookup(UNKNOWN_CODE), 429, 'rate-limited');
        // Bookings are not gift lookups: they go on.
        await book();
        await setClock(plus(now, (Number(retryAfter) + 1) * 1000));
        ok(await lookup(ACTIVE_CARD));
      });
    });

    // ------------------------------------------------------------------------------------------
    describe('idempotency', () => {
      it('answers a repeated key and body with the first answer, token included', async () => {
        const pick = await findSlot();
        const key = randomKey();
        const body = bookingRequest(pick);
        const first = await call('createBooking', { body, key });
        const created = ok(first);
        // The same JSON with its keys in another order is the same body.
        const reordered = JSON.stringify(Object.fromEntries(Object.entries(body).reverse()));
        const replays = [
          await call('createBooking', { body, key }),
          await call('createBooking', { rawBody: reordered, key }),
        ];
        // Keys are kept at least 24 hours.
        await setClock(plus(now, 23 * HOUR));
        replays.push(await call('createBooking', { body, key }));
        for (const again of replays) {
          assert.equal(again.status, 201);
          assert.deepEqual(again.body, first.body);
        }
        assert.equal(
          (await getBooking({ ...pick, request: body, created, token: created.manageToken })).id,
          created.id,
        );
      });

      it('refuses the same key with another body, 422 idempotency-key-reused, doing nothing', async () => {
        const { supporter, slots } = await findSlots({}, 2);
        const key = randomKey();
        ok(
          await call('createBooking', {
            body: bookingRequest({ supporter, slot: slots[0]! }),
            key,
          }),
        );
        const other = { supporter, slot: slots[1]! };
        const error = refused(
          await call('createBooking', { body: bookingRequest(other), key }),
          422,
          'idempotency-key-reused',
        );
        assert.ok(error.message.length > 0);
        assert.equal(await isOpen(other.slot), true);
      });

      it('replays a refusal: a 422, and a 409 even once the slot is free again', async () => {
        const pick = await findSlot();
        const young = bookingRequest(pick, {
          seeker: { ...SEEKER, age: 16, state: stateOf(pick.supporter) },
        });
        const key = randomKey();
        const refusal = await call('createBooking', { body: young, key });
        refused(refusal, 422, 'not-eligible');
        const again = await call('createBooking', { body: young, key });
        assert.equal(again.status, 422);
        assert.deepEqual(again.body, refusal.body);

        const holder = await book({ pick });
        const loserKey = randomKey();
        const taken = await call('createBooking', { body: bookingRequest(pick), key: loserKey });
        refused(taken, 409, 'slot-taken');
        ok(await cancel(holder));
        assert.equal(await isOpen(pick.slot), true);
        const replay = await call('createBooking', { body: bookingRequest(pick), key: loserKey });
        assert.equal(replay.status, 409);
        assert.deepEqual(replay.body, taken.body);
        assert.equal(await isOpen(pick.slot), true);
      });

      it('refuses an Idempotency-Key longer than 255 characters with 400', async () => {
        const pick = await findSlot();
        refused(
          await call('createBooking', { body: bookingRequest(pick), key: 'k'.repeat(256) }),
          400,
          'invalid-request',
        );
        assert.equal(await isOpen(pick.slot), true);
        ok(await call('createBooking', { body: bookingRequest(pick), key: 'k'.repeat(255) }));
      });

      it("refuses a cancellation's key for another booking, which stays as it was", async () => {
        const first = await book();
        const second = await book({ where: (s) => s.id !== first.supporter.id });
        const key = randomKey();
        ok(await cancel(first, key));
        refused(await cancel(second, key), 422, 'idempotency-key-reused');
        assert.equal((await getBooking(second)).status, 'requested');
      });

      it('does not remember a 400: the key then serves a valid request', async () => {
        const pick = await findSlot();
        const key = randomKey();
        const bad = { ...bookingRequest(pick), policies: { ...POLICIES, notTherapy: false } };
        refused(
          await call('createBooking', { rawBody: JSON.stringify(bad), key }),
          400,
          'invalid-request',
        );
        ok(await call('createBooking', { body: bookingRequest(pick), key }));
      });

      it('keeps a key to its operation: the same key elsewhere is another key', async () => {
        const key = randomKey();
        const booked = ok(
          await call('createBooking', { body: bookingRequest(await findSlot()), key }),
        );
        ok(await call('purchaseGiftCard', { body: PURCHASE, key }));
        const cancelled = ok(
          await call('cancelBooking', {
            params: { bookingId: booked.id },
            token: booked.manageToken,
            body: {},
            key,
          }),
        );
        assert.equal(cancelled.bookingId, booked.id);
      });

      it('does not use up a key on a wrong manage token', async () => {
        const booked = await book();
        const other = await book({ where: (s) => s.id !== booked.supporter.id });
        const key = randomKey();
        const params = { bookingId: booked.created.id };
        refused(
          await call('cancelBooking', { params, token: other.token, body: {}, key }),
          404,
          'not-found',
        );
        ok(await call('cancelBooking', { params, token: booked.token, body: {}, key }));
      });

      it('replays a cancellation to its key, and refuses a new key once cancelled', async () => {
        const booked = await book();
        const key = randomKey();
        const first = await cancel(booked, key);
        ok(first);
        await setClock(plus(now, HOUR));
        const again = await cancel(booked, key);
        assert.equal(again.status, 200);
        assert.deepEqual(again.body, first.body);
        refused(await cancel(booked, randomKey()), 409, 'already-cancelled');
        const otherReason = await call('cancelBooking', {
          params: { bookingId: booked.created.id },
          token: booked.token,
          body: { reason: 'feeling-better' },
          key,
        });
        refused(otherReason, 422, 'idempotency-key-reused');
      });

      it('replays a reschedule to its key, and refuses its key for another slot', async () => {
        const { supporter, slots } = await findSlots({}, 3);
        const booked = await book({ pick: { supporter, slot: slots[0]! } });
        const key = randomKey();
        const first = await reschedule(booked, slots[1]!.start, key);
        ok(first);
        const again = await reschedule(booked, slots[1]!.start, key);
        assert.equal(again.status, 200);
        assert.deepEqual(again.body, first.body);
        refused(await reschedule(booked, slots[2]!.start, key), 422, 'idempotency-key-reused');
        assert.equal(ms((await getBooking(booked)).start), ms(slots[1]!.start));
        assert.equal(await isOpen(slots[2]!), true);
      });

      it('sells one card per key, and refuses the key for another purchase', async () => {
        const key = randomKey();
        const first = await call('purchaseGiftCard', { body: PURCHASE, key });
        const again = await call('purchaseGiftCard', { body: PURCHASE, key });
        assert.equal(again.status, 201);
        assert.deepEqual(again.body, first.body);
        refused(
          await call('purchaseGiftCard', { body: { ...PURCHASE, sessions: 5 }, key }),
          422,
          'idempotency-key-reused',
        );
      });
    });

    // ------------------------------------------------------------------------------------------
    describe(
      "other programs' rules",
      { skip: control.setProgram ? false : 'the backend cannot serve another program' },
      () => {
        async function useProgram(program: Program): Promise<void> {
          await control.setProgram!(program);
          assert.deepEqual(ok(await call('getProgram')), program);
        }
        const giftCards = referenceProgram.giftCards;

        it('charges a fixed price by length, and refuses a chosen amount', async () => {
          await useProgram(programVariants.fixed);
          const fixed = { payment: { kind: 'fixed' as const } };
          const hour = await book({ lengthMinutes: 60, request: fixed });
          assert.deepEqual(hour.created.payment.amount, { amount: 6500, currency: 'USD' });
          assert.equal(hour.created.payment.status, 'due');
          const half = await book({ lengthMinutes: 30, request: fixed });
          assert.deepEqual(half.created.payment.amount, { amount: 3500, currency: 'USD' });
          const error = refused(
            await call('createBooking', { body: bookingRequest(await findSlot()) }),
            422,
            'payment-kind-not-accepted',
          );
          assert.deepEqual(faultyFields(error), ['payment.kind']);
          const gift = ok(await call('purchaseGiftCard', { body: { ...PURCHASE, sessions: 2 } }));
          assert.deepEqual(gift.total, { amount: 13_000, currency: 'USD' });
          await setClock(plus(hour.created.start, -HOUR));
          assert.deepEqual(ok(await cancel(hour)).feeDue, { amount: 6500, currency: 'USD' });
        });

        it('books a free program on a yes to the age range, and sells no gift cards', async () => {
          await useProgram(programVariants.free);
          const { supporter, slots } = await findSlots({}, 2);
          const pick = { supporter, slot: slots[0]! };
          const state = stateOf(supporter);
          const person = { name: SEEKER.name, email: SEEKER.email, state };
          const free = { kind: 'free' as const };
          const booked = await book({
            pick,
            request: { seeker: { ...person, ageInRange: true }, payment: free },
          });
          assert.deepEqual(booked.created.payment, {
            kind: 'free',
            status: 'not-required',
            amount: { amount: 0, currency: 'USD' },
          });

          const next = { supporter, slot: slots[1]! };
          for (const [seeker, expected] of [
            [person, 'seeker.age required'],
            [{ ...person, age: 40 }, 'seeker.age out_of_range'],
          ] as const) {
            const error = refused(
              await call('createBooking', {
                body: bookingRequest(next, { seeker, payment: free }),
              }),
              422,
              'not-eligible',
            );
            assert.deepEqual(fieldErrors(error), [expected]);
          }
          for (const payment of [
            { kind: 'sliding-scale' as const, amount: 2000 },
            { kind: 'gift-card' as const, code: ACTIVE_CARD },
          ]) {
            const error = refused(
              await call('createBooking', { body: bookingRequest(next, { payment }) }),
              422,
              'payment-kind-not-accepted',
            );
            assert.deepEqual(faultyFields(error), ['payment.kind']);
          }
          refused(
            await call('purchaseGiftCard', { body: { ...PURCHASE, sessions: 1 } }),
            422,
            'gift-cards-disabled',
          );

          await setClock(plus(booked.created.start, -HOUR));
          const late = ok(await cancel(booked));
          assert.equal(late.withinFreeWindow, false);
          assert.equal(late.outcome, 'no-charge');
          assert.deepEqual(late.feeDue, { amount: 0, currency: 'USD' });
        });

        it('asks no age without an age limit, and ignores one sent', async () => {
          await useProgram(programVariants.noAgeLimit);
          const { supporter, slots } = await findSlots({}, 2);
          const state = stateOf(supporter);
          await book({
            pick: { supporter, slot: slots[0]! },
            request: { seeker: { name: SEEKER.name, email: SEEKER.email, state } },
          });
          await book({
            pick: { supporter, slot: slots[1]! },
            request: { seeker: { ...SEEKER, age: 90, state } },
          });
        });

        it('refuses an amount above the maximum, which a length entry without one lifts', async () => {
          await useProgram({
            ...referenceProgram,
            id: 'capped',
            pricing: {
              model: 'sliding-scale',
              suggested: 4500,
              minimum: 2000,
              maximum: 9000,
              byLength: [{ lengthMinutes: 30, suggested: 2500, minimum: 1000 }],
            },
          });
          const { supporter, slots } = await findSlots({ lengthMinutes: 60 }, 2);
          const at = (i: number, amount: number) =>
            bookingRequest(
              { supporter, slot: slots[i]! },
              { payment: { kind: 'sliding-scale', amount } },
            );
          const error = refused(
            await call('createBooking', { body: at(0, 9001) }),
            422,
            'payment-above-maximum',
          );
          assert.deepEqual(faultyFields(error), ['payment.amount']);
          ok(await call('createBooking', { body: at(0, 9000) }));
          const half = await book({
            lengthMinutes: 30,
            request: { payment: { kind: 'sliding-scale', amount: 20_000 } },
          });
          assert.equal(half.created.payment.amount.amount, 20_000);
        });

        it('sells cards of any length at the dearest length, paying for either', async () => {
          await useProgram({ ...referenceProgram, giftCards: { ...giftCards, anyLength: true } });
          const purchase = ok(
            await call('purchaseGiftCard', {
              body: { ...PURCHASE, sessions: 2, lengthMinutes: undefined },
            }),
          );
          assert.deepEqual(purchase.total, { amount: 9000, currency: 'USD' });
          assert.equal(purchase.lengthMinutes, undefined);
          assert.equal(await control.markGiftCardPaid(purchase.id), true);
          const code = (await control.emailedCode(purchase.id))!;
          const payment = { kind: 'gift-card' as const, code };
          await book({ lengthMinutes: 30, request: { payment } });
          await book({ lengthMinutes: 60, request: { payment } });
          const card = ok(await lookup(code));
          assert.equal(card.lengthMinutes, undefined);
          assert.equal(card.status, 'used');
        });

        it('prices a gift session at pricePerSession where the program sets one', async () => {
          await useProgram({
            ...referenceProgram,
            giftCards: { ...giftCards, pricePerSession: 3000 },
          });
          const purchase = ok(await call('purchaseGiftCard', { body: PURCHASE }));
          assert.deepEqual(purchase.total, { amount: 9000, currency: 'USD' });
        });

        it('expires a card expiresAfterYears after its purchase, that day still good', async () => {
          await useProgram({
            ...referenceProgram,
            giftCards: { ...giftCards, expiresAfterYears: 5 },
          });
          const { code } = await buyGiftCard();
          assert.equal(ok(await lookup(code)).expiresOn, '2031-03-09');
          await setClock(new Date('2031-03-09T20:00:00-07:00'));
          assert.equal(ok(await lookup(code)).status, 'active');
          await setClock(new Date('2031-03-10T08:00:00-07:00'));
          assert.equal(ok(await lookup(code)).status, 'expired');
          const pick = await findSlot();
          const error = refused(
            await call('createBooking', {
              body: bookingRequest(pick, { payment: { kind: 'gift-card', code } }),
            }),
            422,
            'gift-card-invalid',
          );
          assert.deepEqual(faultyFields(error), ['payment.code']);
        });

        it('keeps to its own cancellation window', async () => {
          await useProgram({ ...referenceProgram, cancellation: { windowHours: 48 } });
          const booked = await book({ hoursAhead: 72 });
          assert.equal(ms(booked.created.freeCancellationUntil), ms(booked.slot.start) - 48 * HOUR);
          await setClock(plus(booked.slot.start, -47 * HOUR));
          const late = ok(await cancel(booked));
          assert.equal(late.withinFreeWindow, false);
          assert.equal(late.outcome, 'fee-due');
        });

        it('comes back to the seed program on reset', async () => {
          await useProgram(programVariants.fixed);
          await control.reset();
          assert.deepEqual(ok(await call('getProgram')), referenceProgram);
        });
      },
    );

    // ------------------------------------------------------------------------------------------
    describe('concurrency', () => {
      it('lets exactly one of two keys racing for one slot book it; the other gets 409', async () => {
        const pick = await findSlot();
        const body = bookingRequest(pick);
        const replies = await Promise.all([
          call('createBooking', { body, key: randomKey() }),
          call('createBooking', { body, key: randomKey() }),
        ]);
        assert.deepEqual(replies.map((r) => r.status).sort(), [201, 409]);
        refused(
          replies.find((r) => r.status === 409)!,
          409,
          'slot-taken',
        );
      });

      it('makes one booking of ten concurrent identical requests with one key', async () => {
        const pick = await findSlot();
        const body = bookingRequest(pick);
        const key = randomKey();
        const replies = await Promise.all(
          Array.from({ length: 10 }, () => call('createBooking', { body, key })),
        );
        for (const reply of replies) {
          assert.equal(reply.status, 201, show(reply));
          assert.deepEqual(reply.body, replies[0]!.body);
        }
        assert.equal(await isOpen(pick.slot), false);
        refused(await call('createBooking', { body, key: randomKey() }), 409, 'slot-taken');
      });

      it('lets one of ten keys book a slot and refuses the nine', async () => {
        const pick = await findSlot();
        const body = bookingRequest(pick);
        const replies = await Promise.all(
          Array.from({ length: 10 }, () => call('createBooking', { body, key: randomKey() })),
        );
        const statuses = replies.map((r) => r.status).sort();
        assert.deepEqual(statuses, [201, ...Array<number>(9).fill(409)]);
      });

      it('moves only one of two bookings racing onto one slot', async () => {
        const { supporter, slots } = await findSlots({}, 3);
        const a = await book({ pick: { supporter, slot: slots[0]! } });
        const b = await book({ pick: { supporter, slot: slots[1]! } });
        const target = slots[2]!.start;
        const replies = await Promise.all([reschedule(a, target), reschedule(b, target)]);
        assert.deepEqual(replies.map((r) => r.status).sort(), [200, 409]);
      });

      it('spends the last gift session once when two bookings race for it', async () => {
        const card = await buyGiftCard({ sessions: 1 });
        const { supporter, slots } = await findSlots({}, 2);
        const payment = { kind: 'gift-card' as const, code: card.code };
        const replies = await Promise.all(
          slots
            .slice(0, 2)
            .map((slot) =>
              call('createBooking', { body: bookingRequest({ supporter, slot }, { payment }) }),
            ),
        );
        assert.deepEqual(replies.map((r) => r.status).sort(), [201, 422]);
        refused(
          replies.find((r) => r.status === 422)!,
          422,
          'gift-card-used',
        );
        assert.equal(await remaining(card.code), 0);
      });

      it('sells one card of ten concurrent identical purchases with one key', async () => {
        const key = randomKey();
        const replies = await Promise.all(
          Array.from({ length: 10 }, () => call('purchaseGiftCard', { body: PURCHASE, key })),
        );
        for (const reply of replies) {
          assert.equal(reply.status, 201, show(reply));
          assert.deepEqual(reply.body, replies[0]!.body);
        }
      });
    });
  });
}
