import { expect } from '@open-wc/testing';
import type { Booking } from '../api/booking-schemas.js';
import { createMemoryStorage } from './memory-storage.js';
import type { StoredBooking } from './storage.js';

const card = { code: 'AAAA-BBBB-CCCC-DDDD', sessionsTotal: 2, sessionsRemaining: 1 };

function booking(id: string, start: string, end: string, supporterId = 'sup-1'): StoredBooking {
  const value: Booking = {
    id,
    status: 'requested',
    supporterId,
    start,
    end,
    lengthMinutes: 60,
    modality: 'video',
    payment: { kind: 'free', status: 'not-required', amount: { amount: 0, currency: 'USD' } },
    freeCancellationUntil: start,
    createdAt: start,
  };
  return { booking: value, tokenHash: 'h' };
}

const nine = booking('bk-1', '2026-03-09T09:00:00-07:00', '2026-03-09T10:00:00-07:00');

describe('memory storage', () => {
  it('keeps what a transaction wrote once it ends, and nothing of one that throws', async () => {
    const storage = createMemoryStorage({ supporters: [], giftCards: [card] });
    await storage.transaction(async (tx) => {
      expect(await tx.insertBooking(nine)).to.equal('ok');
      expect(await tx.takeGiftSession(card.code, '2026-03-01T00:00:00Z')).to.deep.include({
        sessionsRemaining: 0,
        usedUpAt: '2026-03-01T00:00:00Z',
      });
      await tx.saveKey('createBooking:k', { fingerprint: 'f', answer: { status: 201, body: {} } });
    });
    const failed = storage.transaction(async (tx) => {
      await tx.returnGiftSession(card.code);
      await tx.insertBooking(
        booking('bk-2', '2026-03-10T09:00:00-07:00', '2026-03-10T10:00:00-07:00'),
      );
      await tx.saveKey('createBooking:other', {
        fingerprint: 'g',
        answer: { status: 201, body: {} },
      });
      throw new Error('part-way');
    });
    await failed.then(
      () => expect.fail('the error is thrown on'),
      (error: Error) => expect(error.message).to.equal('part-way'),
    );
    expect((await storage.bookings()).map((b) => b.booking.id)).to.deep.equal(['bk-1']);
    expect((await storage.giftCard('aaaa-bbbb-cccc-dddd'))?.sessionsRemaining).to.equal(0);
    await storage.transaction(async (tx) => {
      expect(await tx.claimKey('createBooking:k')).to.deep.equal({
        fingerprint: 'f',
        answer: { status: 201, body: {} },
      });
      expect(await tx.claimKey('createBooking:other'), 'released by the rollback').to.equal(
        undefined,
      );
    });
  });

  it('refuses an overlapping active booking of the same supporter, and a taken id', async () => {
    const storage = createMemoryStorage({ supporters: [] });
    const results = await storage.transaction(async (tx) => [
      await tx.insertBooking(nine),
      await tx.insertBooking(
        booking('bk-2', '2026-03-09T09:30:00-07:00', '2026-03-09T10:30:00-07:00'),
      ),
      await tx.insertBooking(
        booking('bk-3', '2026-03-09T10:00:00-07:00', '2026-03-09T11:00:00-07:00'),
      ),
      await tx.insertBooking(
        booking('bk-4', '2026-03-09T09:00:00-07:00', '2026-03-09T10:00:00-07:00', 'sup-2'),
      ),
      await tx.insertBooking({
        ...nine,
        booking: { ...nine.booking, start: '2026-04-01T09:00:00Z' },
      }),
    ]);
    expect(results).to.deep.equal(['ok', 'slot-taken', 'ok', 'ok', 'id-taken']);
    const spans = await storage.activeSpans({
      supporterId: 'sup-1',
      fromMs: Date.parse('2026-03-09T09:59:00-07:00'),
      toMs: Date.parse('2026-03-09T10:01:00-07:00'),
    });
    expect(spans.map((s) => s.bookingId)).to.deep.equal(['bk-1', 'bk-3']);
    // A cancelled booking frees its time.
    await storage.transaction(async (tx) => {
      expect(
        await tx.updateBooking({ ...nine, booking: { ...nine.booking, status: 'cancelled' } }),
      ).to.equal('ok');
      expect(
        await tx.insertBooking(
          booking('bk-5', '2026-03-09T09:00:00-07:00', '2026-03-09T10:00:00-07:00'),
        ),
      ).to.equal('ok');
    });
  });

  it('runs transactions one at a time, in the order they were asked for', async () => {
    const storage = createMemoryStorage({ supporters: [] });
    const log: string[] = [];
    const slow = storage.transaction(async () => {
      log.push('a starts');
      await new Promise((resolve) => setTimeout(resolve, 20));
      log.push('a ends');
    });
    const fast = storage.transaction(async () => {
      log.push('b starts');
      return Promise.resolve();
    });
    await Promise.all([slow, fast]);
    expect(log).to.deep.equal(['a starts', 'a ends', 'b starts']);
  });

  it('never gives out its own records: changing an answer changes nothing stored', async () => {
    const storage = createMemoryStorage({ supporters: [], giftCards: [card] });
    const read = await storage.giftCard(card.code);
    read!.sessionsRemaining = 99;
    expect((await storage.giftCard(card.code))?.sessionsRemaining).to.equal(1);
    await storage.transaction(async (tx) => {
      await tx.takeGiftSession(card.code, 'now');
      expect(await tx.takeGiftSession(card.code, 'now'), 'none left').to.equal(undefined);
    });
    await storage.reset();
    expect((await storage.giftCard(card.code))?.sessionsRemaining, 'as seeded').to.equal(1);
  });
});
