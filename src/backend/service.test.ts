import { expect } from '@open-wc/testing';
import type { Slot } from '../api/schemas.js';
import { createSeedSupporters, referenceProgram, seedGiftCards } from '../mocks/data.js';
import type { ApiResult, Backend } from './backend.js';
import { createMemoryStorage } from './memory-storage.js';
import { createBackend, type BackendOptions } from './service.js';
import type { Storage, Transaction } from './storage.js';
import { cryptoTokens } from './tokens.js';
import { samsRequest } from '../../test/support/booking-fixtures.js';

/** Thursday 2026-03-05, 08:00 in Los Angeles. */
const NOW = new Date('2026-03-05T08:00:00-08:00');
const GIFT = 'GIFT-DEMO-2026-0003';

const memory = () =>
  createMemoryStorage({ supporters: createSeedSupporters(8), giftCards: seedGiftCards });

function backendOn(storage: Storage, options: Partial<BackendOptions> = {}): Backend {
  return createBackend({
    storage,
    program: referenceProgram,
    now: () => NOW,
    tokens: cryptoTokens(),
    ...options,
  });
}

function body<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`${result.status}: ${JSON.stringify(result.body)}`);
  return result.body;
}

/** A 60-minute video slot of a supporter certified in California, and a request for it. */
async function openSlot(backend: Backend): Promise<Slot> {
  const { items } = body(await backend.listSupporters({ states: ['CA'], lengthMinutes: 60 }));
  for (const item of items) {
    const profile = body(await backend.getSupporter(item.id));
    if (!profile.modalities.includes('video')) continue;
    const [slot] = body(await backend.listSlots(item.id, { lengthMinutes: 60 })).slots;
    if (slot) return slot;
  }
  throw new Error('no open slot in the seed');
}

const request = samsRequest;

/** The storage, but every transaction sees what `tamper` makes of it. */
function tampered(storage: Storage, tamper: (tx: Transaction) => Partial<Transaction>): Storage {
  return {
    ...storage,
    transaction: (work) => storage.transaction((tx) => work({ ...tx, ...tamper(tx) })),
  };
}

describe('backend service', () => {
  it('books one slot once when two keys race for it: one 201, one 409', async () => {
    const backend = backendOn(memory());
    const slot = await openSlot(backend);
    const answers = await Promise.all([
      backend.createBooking(request(slot), 'key-a'),
      backend.createBooking(
        request(slot, { seeker: { ...request(slot).seeker, age: 30 } }),
        'key-b',
      ),
    ]);
    expect(answers.map((a) => a.status).sort()).to.deep.equal([201, 409]);
    expect((await backend.bookings()).length).to.equal(1);
    const slots = body(await backend.listSlots(slot.supporterId, { lengthMinutes: 60 })).slots;
    expect(slots.map((s) => s.start)).not.to.include(slot.start);
  });

  it('answers 409 when storage reports the slot taken, though the service saw it open', async () => {
    const storage = memory();
    const backend = backendOn(storage);
    const slot = await openSlot(backend);
    // Another process books the slot between the service's look and its write.
    const racing = backendOn(
      tampered(storage, (tx) => ({
        activeSpans: () => Promise.resolve([]),
        insertBooking: async (record) => {
          await tx.insertBooking({
            ...record,
            booking: { ...record.booking, id: 'bk-elsewhere' },
          });
          return tx.insertBooking(record);
        },
      })),
    );
    const gift = { payment: { kind: 'gift-card' as const, code: GIFT } };
    const answer = await racing.createBooking(request(slot, gift), 'k');
    expect(answer.status).to.equal(409);
    expect(!answer.ok && answer.body.error.code).to.equal('slot-taken');
    // The gift session it took is back on the card.
    expect(body(await backend.getGiftCard(GIFT)).sessionsRemaining).to.equal(3);
  });

  it('answers the gift card "used" 422 when storage has no session left to take', async () => {
    const storage = memory();
    const backend = backendOn(storage);
    const slot = await openSlot(backend);
    const spent = backendOn(
      tampered(storage, () => ({ takeGiftSession: () => Promise.resolve(undefined) })),
    );
    const answer = await spent.createBooking(
      request(slot, { payment: { kind: 'gift-card', code: GIFT } }),
      'k',
    );
    expect(answer.status).to.equal(422);
    expect(!answer.ok && answer.body.error.code).to.equal('gift-card-used');
    expect(await backend.bookings()).to.deep.equal([]);
  });

  it('keeps nothing of an answer it does not remember: a 500 leaves the key free', async () => {
    let fail = true;
    const backend = backendOn(memory(), {
      fault: (operation) => operation === 'createBooking' && fail,
    });
    const slot = await openSlot(backend);
    const failed = await backend.createBooking(request(slot), 'key');
    expect(failed.status).to.equal(500);
    expect(!failed.ok && failed.body.error.code).to.equal('internal');
    expect(await backend.bookings()).to.deep.equal([]);
    fail = false;
    const created = await backend.createBooking(request(slot), 'key');
    expect(created.status).to.equal(201);
    expect(await backend.createBooking(request(slot), 'key')).to.deep.equal(created);
  });

  it('gives 128-bit manage tokens and keeps only their SHA-256', async () => {
    const storage = memory();
    const backend = backendOn(storage);
    const created = body(await backend.createBooking(request(await openSlot(backend)), 'k'));
    expect(created.manageToken).to.match(/^[0-9a-f]{32}$/);
    const [stored] = await storage.bookings();
    expect(stored!.tokenHash).to.match(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.to.contain(created.manageToken);
    expect(body(await backend.getBooking(created.id, created.manageToken)).id).to.equal(created.id);
    const wrong = await backend.getBooking(created.id, created.manageToken.replace(/.$/, 'x'));
    expect(wrong.status).to.equal(404);
  });

  it('indexes the supporters once, on first use', async () => {
    const storage = memory();
    let reads = 0;
    const counted: Storage = {
      ...storage,
      supporters: () => {
        reads++;
        return storage.supporters();
      },
    };
    const backend = backendOn(counted);
    expect(reads).to.equal(0);
    await backend.listSupporters({});
    await backend.nextAvailable({});
    await backend.getSupporter('sup-001');
    expect(reads).to.equal(1);
  });
});

describe('backend service on a storage that fails', () => {
  it('reads the supporters again after a failed first read', async () => {
    const storage = memory();
    let down = true;
    const flaky: Storage = {
      ...storage,
      supporters: () => (down ? Promise.reject(new Error('not ready')) : storage.supporters()),
    };
    const backend = backendOn(flaky);
    await backend.listSupporters({}).then(
      () => expect.fail('the failure is thrown on'),
      (error: Error) => expect(error.message).to.equal('not ready'),
    );
    down = false;
    expect(body(await backend.listSupporters({})).total).to.equal(8);
  });
});

describe('backend service: gift card lookups', () => {
  it('counts lookups per client: one client over the limit does not lock out another', async () => {
    const backend = backendOn(memory());
    for (let i = 0; i < 10; i++) {
      expect((await backend.getGiftCard(GIFT, '203.0.113.7')).status, `lookup ${i + 1}`).to.equal(
        200,
      );
    }
    const refused = await backend.getGiftCard(GIFT, '203.0.113.7');
    expect(refused.status).to.equal(429);
    expect(refused.ok ? undefined : refused.retryAfter).to.equal(60);
    expect((await backend.getGiftCard(GIFT, '198.51.100.4')).status, 'another client').to.equal(
      200,
    );
  });
});
