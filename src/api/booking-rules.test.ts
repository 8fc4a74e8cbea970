import { expect } from '@open-wc/testing';
import {
  acceptedPaymentKinds,
  asksAge,
  cancellationTerms,
  checkPayment,
  eligibilityProblems,
  freeCancellationUntil,
  giftCardExpiry,
  giftCardProblem,
  giftCardStatus,
  giftPurchaseProblems,
  returnGiftSession,
  takeGiftSession,
  isFreeCancellation,
  pricingFor,
} from './booking-rules.js';
import {
  EligibilitySchema,
  PricingSchema,
  type Eligibility,
  type Pricing,
  type Program,
  type SessionLength,
} from './schemas.js';

const states = ['CA', 'OR', 'WA'];
const ages: Eligibility = { states, minAge: 18, maxAge: 30 };
const range: Eligibility = { ...ages, ageQuestion: 'range' };
const noLimit: Eligibility = { states };

const sliding: Pricing = {
  model: 'sliding-scale',
  suggested: 4500,
  minimum: 2000,
  maximum: 9000,
  byLength: [{ lengthMinutes: 30, suggested: 2500, minimum: 1000 }],
};
const fixed: Pricing = {
  model: 'fixed',
  price: 6500,
  moneyBackGuarantee: true,
  byLength: [{ lengthMinutes: 30, price: 3500 }],
};
const free: Pricing = { model: 'free', sponsor: 'Your campus' };

describe('eligibility', () => {
  it('asks for an age, a yes to the range, or nothing', () => {
    expect(asksAge(ages)).to.equal('age');
    expect(asksAge({ ...ages, ageQuestion: 'age' })).to.equal('age');
    expect(asksAge(range)).to.equal('range');
    expect(asksAge({ states, minAge: 18 })).to.equal('age');
    expect(asksAge({ states, maxAge: 25, ageQuestion: 'range' })).to.equal('range');
    expect(asksAge(noLimit)).to.equal('none');
    // Without a limit there is nothing to ask, whatever the question says.
    expect(asksAge({ states, ageQuestion: 'range' })).to.equal('none');
  });

  it('takes the schema: no age limit, either bound alone, the question, a referral page', () => {
    for (const eligibility of [
      noLimit,
      { states, minAge: 18 },
      { states, maxAge: 30 },
      { ...range, referralUrl: 'https://support.example.org/other-help' },
    ]) {
      expect(
        EligibilitySchema.safeParse(eligibility).success,
        JSON.stringify(eligibility),
      ).to.equal(true);
    }
    for (const eligibility of [
      { states: [] },
      { states, minAge: 0 },
      { states, ageQuestion: 'exact' },
      { states, referralUrl: 'http://support.example.org/' },
    ]) {
      expect(
        EligibilitySchema.safeParse(eligibility).success,
        JSON.stringify(eligibility),
      ).to.equal(false);
    }
  });

  it('checks an age against both bounds, inclusive', () => {
    expect(eligibilityProblems(ages, { state: 'CA', age: 18 })).to.deep.equal([]);
    expect(eligibilityProblems(ages, { state: 'CA', age: 30 })).to.deep.equal([]);
    expect(eligibilityProblems(ages, { state: 'CA', age: 17 })).to.deep.equal([
      { field: 'seeker.age', code: 'out_of_range' },
    ]);
    expect(eligibilityProblems(ages, { state: 'CA', age: 31 })).to.deep.equal([
      { field: 'seeker.age', code: 'out_of_range' },
    ]);
  });

  it('checks one bound alone', () => {
    const adults: Eligibility = { states, minAge: 18 };
    expect(eligibilityProblems(adults, { state: 'OR', age: 99 })).to.deep.equal([]);
    expect(eligibilityProblems(adults, { state: 'OR', age: 17 })).to.deep.equal([
      { field: 'seeker.age', code: 'out_of_range' },
    ]);
    const young: Eligibility = { states, maxAge: 25 };
    expect(eligibilityProblems(young, { state: 'OR', age: 0 })).to.deep.equal([]);
    expect(eligibilityProblems(young, { state: 'OR', age: 26 })).to.deep.equal([
      { field: 'seeker.age', code: 'out_of_range' },
    ]);
  });

  it('requires the age when asked; a yes to the range does not stand in for it', () => {
    expect(eligibilityProblems(ages, { state: 'CA' })).to.deep.equal([
      { field: 'seeker.age', code: 'required' },
    ]);
    expect(eligibilityProblems(ages, { state: 'CA', ageInRange: true })).to.deep.equal([
      { field: 'seeker.age', code: 'required' },
    ]);
  });

  it('takes a yes to the range question, or an age within it', () => {
    expect(eligibilityProblems(range, { state: 'WA', ageInRange: true })).to.deep.equal([]);
    expect(eligibilityProblems(range, { state: 'WA', age: 22 })).to.deep.equal([]);
    expect(eligibilityProblems(range, { state: 'WA' })).to.deep.equal([
      { field: 'seeker.age', code: 'required' },
    ]);
    // A "no" is an answer: out of range, not missing.
    expect(eligibilityProblems(range, { state: 'WA', ageInRange: false })).to.deep.equal([
      { field: 'seeker.age', code: 'out_of_range' },
    ]);
    // An age given decides, whatever the yes says.
    expect(eligibilityProblems(range, { state: 'WA', age: 40, ageInRange: true })).to.deep.equal([
      { field: 'seeker.age', code: 'out_of_range' },
    ]);
  });

  it('needs no age without a limit, and ignores one given', () => {
    expect(eligibilityProblems(noLimit, { state: 'CA' })).to.deep.equal([]);
    expect(eligibilityProblems(noLimit, { state: 'CA', age: 3 })).to.deep.equal([]);
    expect(eligibilityProblems(noLimit, { state: 'CA', ageInRange: false })).to.deep.equal([]);
  });

  it('checks the state, after the age', () => {
    expect(eligibilityProblems(ages, { state: 'NV', age: 22 })).to.deep.equal([
      { field: 'seeker.state', code: 'not_served' },
    ]);
    expect(eligibilityProblems(ages, { age: 22 })).to.deep.equal([
      { field: 'seeker.state', code: 'required' },
    ]);
    expect(eligibilityProblems(ages, { state: 'NV', age: 31 })).to.deep.equal([
      { field: 'seeker.age', code: 'out_of_range' },
      { field: 'seeker.state', code: 'not_served' },
    ]);
    expect(eligibilityProblems(noLimit, { state: 'ca' })).to.deep.equal([
      { field: 'seeker.state', code: 'not_served' },
    ]);
  });
});

describe('price per session length', () => {
  it("applies a length's own amounts, all of them, and drops byLength", () => {
    expect(pricingFor(sliding, 30)).to.deep.equal({
      model: 'sliding-scale',
      suggested: 2500,
      minimum: 1000,
    });
    expect(pricingFor(sliding, 60)).to.deep.equal({
      model: 'sliding-scale',
      suggested: 4500,
      minimum: 2000,
      maximum: 9000,
    });
    expect(pricingFor(fixed, 30)).to.deep.equal({
      model: 'fixed',
      price: 3500,
      moneyBackGuarantee: true,
    });
    expect(pricingFor(fixed, 50)).to.deep.equal({
      model: 'fixed',
      price: 6500,
      moneyBackGuarantee: true,
    });
    expect(pricingFor(free, 30)).to.deep.equal(free);
    // The pricing given is left as it was.
    expect((sliding as { byLength?: unknown[] }).byLength).to.have.length(1);
  });

  it('keeps a maximum given for the length', () => {
    const capped: Pricing = {
      model: 'sliding-scale',
      suggested: 4500,
      minimum: 2000,
      byLength: [
        { lengthMinutes: 50, suggested: 4000, minimum: 1500, maximum: 6000 },
        { lengthMinutes: 30, suggested: 2500, minimum: 1000, maximum: 3000 },
      ],
    };
    expect(pricingFor(capped, 30)).to.deep.equal({
      model: 'sliding-scale',
      suggested: 2500,
      minimum: 1000,
      maximum: 3000,
    });
    expect(PricingSchema.safeParse(capped).success).to.equal(true);
    expect(PricingSchema.safeParse(sliding).success).to.equal(true);
    expect(PricingSchema.safeParse(fixed).success).to.equal(true);
    expect(
      PricingSchema.safeParse({ ...fixed, byLength: [{ lengthMinutes: 45, price: 100 }] }).success,
    ).to.equal(false);
  });
});

describe('payment', () => {
  const program = (pricing: Pricing, enabled = true) => ({
    pricing,
    giftCards: { enabled, pricePerSession: 4500, maxSessions: 10 },
  });

  it('takes the pricing model, and gift cards where sold and not free', () => {
    expect(acceptedPaymentKinds(program(sliding))).to.deep.equal(['sliding-scale', 'gift-card']);
    expect(acceptedPaymentKinds(program(fixed, false))).to.deep.equal(['fixed']);
    expect(acceptedPaymentKinds(program(free))).to.deep.equal(['free']);
  });

  it("checks a sliding-scale amount against the length's minimum and maximum, both included", () => {
    const p = program(sliding);
    const pay = (amount: number) => ({ kind: 'sliding-scale' as const, amount });
    expect(checkPayment(p, 60, pay(2000))).to.deep.equal({ ok: true, amount: 2000 });
    expect(checkPayment(p, 60, pay(9000))).to.deep.equal({ ok: true, amount: 9000 });
    expect(checkPayment(p, 60, pay(1999))).to.deep.equal({
      ok: false,
      code: 'payment-below-minimum',
      field: 'payment.amount',
      limit: 2000,
    });
    expect(checkPayment(p, 60, pay(9001))).to.deep.equal({
      ok: false,
      code: 'payment-above-maximum',
      field: 'payment.amount',
      limit: 9000,
    });
    // 30 minutes: its own minimum, and no maximum (the entry has none).
    expect(checkPayment(p, 30, pay(1000))).to.deep.equal({ ok: true, amount: 1000 });
    expect(checkPayment(p, 30, pay(999))).to.deep.include({
      code: 'payment-below-minimum',
      limit: 1000,
    });
    expect(checkPayment(p, 30, pay(20000))).to.deep.equal({ ok: true, amount: 20000 });
  });

  it('charges the fixed price of the length, nothing when free or on a gift card', () => {
    expect(checkPayment(program(fixed), 30, { kind: 'fixed' })).to.deep.equal({
      ok: true,
      amount: 3500,
    });
    expect(checkPayment(program(fixed), 60, { kind: 'fixed' })).to.deep.equal({
      ok: true,
      amount: 6500,
    });
    expect(checkPayment(program(free), 30, { kind: 'free' })).to.deep.equal({
      ok: true,
      amount: 0,
    });
    const gift = { kind: 'gift-card' as const, code: 'GIFT-DEMO-2026-0003' };
    expect(checkPayment(program(fixed), 60, gift)).to.deep.equal({ ok: true, amount: 0 });
  });

  it('refuses a kind the program does not take, with the kinds it does', () => {
    expect(checkPayment(program(sliding), 60, { kind: 'fixed' })).to.deep.equal({
      ok: false,
      code: 'payment-kind-not-accepted',
      field: 'payment.kind',
      accepted: ['sliding-scale', 'gift-card'],
    });
    const gift = { kind: 'gift-card' as const, code: 'GIFT-DEMO-2026-0003' };
    expect(checkPayment(program(fixed, false), 60, gift)).to.deep.include({
      code: 'payment-kind-not-accepted',
      accepted: ['fixed'],
    });
    expect(checkPayment(program(free), 60, gift)).to.deep.include({
      code: 'payment-kind-not-accepted',
      accepted: ['free'],
    });
  });
});

describe('gift cards', () => {
  it('are pending until paid and delivered, expire after their last day, and are used once no session is left', () => {
    const card = { sessionsRemaining: 2, expiresOn: '2026-03-05' };
    expect(giftCardStatus(card, '2026-03-05')).to.equal('active');
    expect(giftCardStatus(card, '2026-03-06')).to.equal('expired');
    expect(giftCardStatus({ ...card, sessionsRemaining: 0 }, '2026-03-01')).to.equal('used');
    expect(giftCardStatus({ sessionsRemaining: 1 }, '2099-01-01')).to.equal('active');
    expect(giftCardStatus({ ...card, pending: true }, '2026-03-01')).to.equal('pending');
    expect(giftCardStatus({ ...card, pending: false }, '2026-03-01')).to.equal('active');
  });

  it('pay for a session of their own length only, or of any length without one', () => {
    expect(giftCardProblem({ status: 'active', lengthMinutes: 60 }, 60)).to.equal(undefined);
    expect(giftCardProblem({ status: 'active', lengthMinutes: 60 }, 30)).to.deep.equal({
      code: 'gift-card-wrong-length',
      reason: 'wrong-length',
    });
    expect(giftCardProblem({ status: 'active' }, 30)).to.equal(undefined);
    expect(giftCardProblem({ status: 'active' }, 60)).to.equal(undefined);
    expect(giftCardProblem({ status: 'pending', lengthMinutes: 60 }, 60)).to.deep.equal({
      code: 'gift-card-invalid',
      reason: 'pending',
    });
    expect(giftCardProblem({ status: 'expired', lengthMinutes: 60 }, 60)).to.deep.equal({
      code: 'gift-card-invalid',
      reason: 'expired',
    });
    expect(giftCardProblem({ status: 'used', lengthMinutes: 60 }, 60)).to.deep.equal({
      code: 'gift-card-used',
      reason: 'used',
    });
  });

  it('take one session at a time, never below zero, the last one recording when', () => {
    const card = { sessionsTotal: 2, sessionsRemaining: 2 };
    const once = takeGiftSession(card, '2026-03-05T10:00:00-08:00');
    expect(once).to.deep.equal({ sessionsTotal: 2, sessionsRemaining: 1 });
    const twice = takeGiftSession(once, '2026-03-06T10:00:00-08:00');
    expect(twice).to.deep.equal({
      sessionsTotal: 2,
      sessionsRemaining: 0,
      usedUpAt: '2026-03-06T10:00:00-08:00',
    });
    expect(takeGiftSession(twice, '2026-03-07T10:00:00-08:00')).to.deep.equal(twice);
    expect(card.sessionsRemaining, 'the input is not changed').to.equal(2);
  });

  it('get a session back, never above the total, and are then no longer used up', () => {
    const used = { sessionsTotal: 2, sessionsRemaining: 0, usedUpAt: '2026-03-06T10:00:00Z' };
    expect(returnGiftSession(used)).to.deep.equal({ sessionsTotal: 2, sessionsRemaining: 1 });
    expect(returnGiftSession({ sessionsTotal: 2, sessionsRemaining: 2 })).to.deep.equal({
      sessionsTotal: 2,
      sessionsRemaining: 2,
    });
  });

  it('are sold within the program’s limits, for a length unless any length is covered, delivered today or later', () => {
    const gifts = (giftCards: Partial<Program['giftCards']> = {}) => ({
      sessionLengths: [30, 60] as SessionLength[],
      giftCards: { enabled: true, pricePerSession: 4500, maxSessions: 10, ...giftCards },
    });
    const today = '2026-03-05';
    const ask = { sessions: 3, lengthMinutes: 60 as const };
    expect(giftPurchaseProblems(gifts(), ask, today)).to.deep.equal([]);
    expect(giftPurchaseProblems(gifts(), { ...ask, sessions: 10 }, today)).to.deep.equal([]);
    expect(giftPurchaseProblems(gifts(), { ...ask, sessions: 11 }, today)).to.deep.equal([
      { field: 'sessions', code: 'out_of_range' },
    ]);
    expect(giftPurchaseProblems(gifts(), { ...ask, sessions: 0 }, today)).to.deep.equal([
      { field: 'sessions', code: 'out_of_range' },
    ]);
    expect(giftPurchaseProblems(gifts(), { sessions: 3 }, today)).to.deep.equal([
      { field: 'lengthMinutes', code: 'required' },
    ]);
    expect(giftPurchaseProblems(gifts({ anyLength: true }), { sessions: 3 }, today)).to.deep.equal(
      [],
    );
    expect(giftPurchaseProblems(gifts(), { ...ask, lengthMinutes: 50 }, today)).to.deep.equal([
      { field: 'lengthMinutes', code: 'not_offered' },
    ]);
    expect(giftPurchaseProblems(gifts(), { ...ask, deliverOn: today }, today)).to.deep.equal([]);
    expect(giftPurchaseProblems(gifts(), { ...ask, deliverOn: '2026-03-04' }, today)).to.deep.equal(
      [{ field: 'deliverOn', code: 'in_past' }],
    );
  });

  it('never expire by default, else after the program’s years (29 February to 28 February)', () => {
    expect(giftCardExpiry({}, '2026-03-05')).to.equal(undefined);
    expect(giftCardExpiry({ expiresAfterYears: 5 }, '2026-03-05')).to.equal('2031-03-05');
    expect(giftCardExpiry({ expiresAfterYears: 5 }, '2028-02-29')).to.equal('2033-02-28');
    expect(giftCardExpiry({ expiresAfterYears: 8 }, '2028-02-29')).to.equal('2036-02-29');
  });
});

describe('cancellation window', () => {
  const start = '2026-03-10T09:00:00-07:00';

  it('ends exactly windowHours before the start', () => {
    expect(freeCancellationUntil(start, 24).toISOString()).to.equal('2026-03-09T16:00:00.000Z');
    expect(freeCancellationUntil(new Date(start), 48).toISOString()).to.equal(
      '2026-03-08T16:00:00.000Z',
    );
    expect(freeCancellationUntil(start, 0).getTime()).to.equal(Date.parse(start));
  });

  it('is free at the boundary itself, not a millisecond later', () => {
    const boundary = Date.parse('2026-03-09T09:00:00-07:00');
    expect(isFreeCancellation(new Date(boundary - 1), start, 24)).to.equal(true);
    expect(isFreeCancellation(new Date(boundary), start, 24)).to.equal(true);
    expect(isFreeCancellation(new Date(boundary + 1), start, 24)).to.equal(false);
    expect(isFreeCancellation(new Date(start), new Date(start), 0)).to.equal(true);
    expect(isFreeCancellation(new Date(Date.parse(start) + 1), start, 0)).to.equal(false);
  });

  it('crosses a daylight-saving change in real hours', () => {
    // DST starts at 02:00 on 2026-03-08 in Los Angeles: 24 hours before 09:00 PDT that day is
    // 08:00 PST the day before, not 09:00.
    expect(freeCancellationUntil('2026-03-08T09:00:00-07:00', 24).toISOString()).to.equal(
      '2026-03-07T16:00:00.000Z',
    );
  });
});

describe('cancellation terms', () => {
  const start = '2026-03-10T09:00:00-07:00';
  const inTime = new Date('2026-03-09T09:00:00-07:00');
  const late = new Date('2026-03-09T09:00:01-07:00');
  const money = (amount: number) => ({ amount, currency: 'USD' });
  const terms = (
    now: Date,
    payment: Parameters<typeof cancellationTerms>[0]['payment'],
    by: 'seeker' | 'supporter' = 'seeker',
  ) => cancellationTerms({ now, start, windowHours: 24, by, payment });

  it('costs nothing in time: a payment made is refunded, one due is no longer due', () => {
    expect(
      terms(inTime, { kind: 'sliding-scale', status: 'paid', amount: money(4500) }),
    ).to.deep.equal({
      withinFreeWindow: true,
      outcome: 'refunded',
      feeDue: 0,
      refunded: 4500,
      releasesPayment: true,
    });
    expect(terms(inTime, { kind: 'fixed', status: 'due', amount: money(6500) })).to.deep.equal({
      withinFreeWindow: true,
      outcome: 'no-charge',
      feeDue: 0,
      refunded: 0,
      releasesPayment: true,
    });
    expect(
      terms(inTime, { kind: 'gift-card', status: 'covered-by-gift', amount: money(0) }),
    ).to.deep.include({ outcome: 'no-charge', releasesPayment: true });
  });

  it('late: the full fee stands, a gift session is spent, a free session still costs nothing', () => {
    expect(terms(late, { kind: 'fixed', status: 'due', amount: money(6500) })).to.deep.equal({
      withinFreeWindow: false,
      outcome: 'fee-due',
      feeDue: 6500,
      refunded: 0,
      releasesPayment: false,
    });
    expect(
      terms(late, { kind: 'sliding-scale', status: 'paid', amount: money(2000) }),
      'already paid: the fee stands, nothing more is owed, nothing is refunded',
    ).to.deep.include({
      outcome: 'fee-due',
      feeDue: 0,
      refunded: 0,
    });
    expect(
      terms(late, { kind: 'gift-card', status: 'covered-by-gift', amount: money(0) }),
    ).to.deep.include({ outcome: 'gift-session-used', releasesPayment: false });
    expect(terms(late, { kind: 'free', status: 'not-required', amount: money(0) })).to.deep.include(
      {
        outcome: 'no-charge',
        feeDue: 0,
      },
    );
  });

  it('is free to the seeker whenever the supporter cancels', () => {
    expect(
      terms(late, { kind: 'sliding-scale', status: 'paid', amount: money(4500) }, 'supporter'),
    ).to.deep.equal({
      withinFreeWindow: false,
      outcome: 'refunded',
      feeDue: 0,
      refunded: 4500,
      releasesPayment: true,
    });
  });
});
