/**
 * The server's configuration (demo/server/config.ts), its rate limiter, route templates, clock
 * and portraits: the pieces of the shell that need no HTTP.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, describeConfig, loadConfig } from '../../demo/server/config.js';
import { appDeps, createClock, portraitsOf } from '../../demo/server/deps.js';
import { createLogger } from '../../demo/server/log.js';
import { createRateLimiter } from '../../demo/server/rate-limit.js';
import { apiTemplates } from '../../demo/server/routes.js';
import type { Program } from '../../src/api/schemas.js';
import type { Backend } from '../../src/backend/backend.js';
import type { Storage } from '../../src/backend/storage.js';
import { programVariants, type SupporterRecord } from '../../src/mocks/data.js';

function problems(env: Record<string, string>, argv: string[] = []): readonly string[] {
  try {
    loadConfig(env, argv);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  assert.fail('the configuration was accepted');
}

describe('configuration', () => {
  it('has defaults that run the demo on one machine', () => {
    const config = loadConfig({});
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 8787);
    assert.equal(config.apiBasePath, '/api');
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.dataDir, '.data/pglite');
    assert.deepEqual(config.corsOrigins, ['http://localhost:5173']);
    assert.equal(config.adminToken, undefined);
    assert.equal(config.publicOrigin, 'http://localhost:8787');
    assert.equal(config.bodyLimitBytes, 16384);
    assert.deepEqual(config.rateLimit, { postsPerMinute: 60 });
    assert.equal(config.logLevel, 'info');
    assert.equal(config.seedSupporters, undefined);
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        HOST: '0.0.0.0',
        PORT: '9000',
        API_BASE_PATH: '/v1/peer',
        DATABASE_URL: 'postgres://peer:secret@db.internal:5432/peer',
        DATA_DIR: '/var/lib/peer',
        CORS_ORIGINS: 'https://a.example, https://b.example:8443',
        ADMIN_TOKEN: 'x'.repeat(32),
        PUBLIC_ORIGIN: 'https://api.partner.example',
        BODY_LIMIT_BYTES: '32768',
        RATE_LIMIT_POSTS_PER_MINUTE: '0',
        TRUST_PROXY: 'true',
        LOG_LEVEL: 'warn',
        SHUTDOWN_GRACE_MS: '500',
        PROGRAM: 'reference',
      },
      ['--seed-supporters', '5000'],
    );
    assert.equal(config.port, 9000);
    assert.equal(config.apiBasePath, '/v1/peer');
    assert.deepEqual(config.corsOrigins, ['https://a.example', 'https://b.example:8443']);
    assert.deepEqual(config.rateLimit, { postsPerMinute: 0 });
    assert.equal(config.trustProxy, true);
    assert.equal(config.seedSupporters, 5000);
    assert.equal(config.program, 'reference');
    // What the start-up log says: no token, no database credentials.
    const described = JSON.stringify(describeConfig(config));
    assert.doesNotMatch(described, /secret|xxxxxxxx|db\.internal/);
    assert.match(described, /postgresql/);
  });

  it('names every bad value at once', () => {
    const found = problems({
      PORT: '80a',
      API_BASE_PATH: 'api/',
      CORS_ORIGINS: 'https://ok.example,*,https://slash.example/',
      ADMIN_TOKEN: 'short',
      LOG_LEVEL: 'loud',
      RATE_LIMIT_POSTS_PER_MINUTE: '-1',
      PUBLIC_ORIGIN: 'http://api.example',
    });
    const names = [
      'PORT',
      'API_BASE_PATH',
      'CORS_ORIGINS',
      'ADMIN_TOKEN',
      'LOG_LEVEL',
      'RATE_LIMIT_POSTS_PER_MINUTE',
      'PUBLIC_ORIGIN',
    ];
    for (const name of names) {
      assert.ok(
        found.some((problem) => problem.startsWith(name)),
        name,
      );
    }
    assert.equal(found.filter((problem) => problem.startsWith('CORS_ORIGINS')).length, 2);
  });

  it('never repeats a database URL, which may hold a password', () => {
    const [problem] = problems({ DATABASE_URL: 'mysql://root:hunter2@db/x' });
    assert.match(problem!, /^DATABASE_URL/);
    assert.doesNotMatch(problem!, /hunter2/);
  });

  it('refuses a base path the server uses itself, and unknown arguments', () => {
    assert.match(problems({ API_BASE_PATH: '/admin' })[0]!, /^API_BASE_PATH/);
    assert.match(problems({}, ['--verbose'])[0]!, /--verbose/);
    assert.match(problems({ SEED_SUPPORTERS: '0' })[0]!, /^SEED_SUPPORTERS/);
  });
});

describe('the rate limiter', () => {
  it('allows `limit` hits per key in a window, then says how long to wait', () => {
    let now = 1_000_000;
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, now: () => now });
    assert.equal(limiter.hit('a').allowed, true);
    now += 10_000;
    assert.equal(limiter.hit('a').allowed, true);
    assert.deepEqual(limiter.hit('a'), { allowed: false, retryAfterSeconds: 50 });
    assert.equal(limiter.hit('b').allowed, true, 'another key');
    now += 50_000;
    assert.equal(limiter.hit('a').allowed, true, 'a new window');
  });

  it('keeps at most maxKeys windows', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2, now: () => 0 });
    limiter.hit('a');
    limiter.hit('b');
    limiter.hit('c');
    assert.equal(limiter.hit('a').allowed, true, 'the oldest window was dropped');
    assert.equal(limiter.hit('c').allowed, false);
  });
});

describe('route templates', () => {
  it('name the contract operation, not the values in its path', () => {
    const templateOf = apiTemplates('/api');
    assert.equal(templateOf('GET', '/api/bookings/bk-1'), '/api/bookings/{bookingId}');
    assert.equal(
      templateOf('POST', '/api/bookings/bk-1/cancellation'),
      '/api/bookings/{bookingId}/cancellation',
    );
    assert.equal(templateOf('POST', '/api/supporters/search'), '/api/supporters/search');
    assert.equal(templateOf('GET', '/api/supporters/search'), '/api/supporters/{supporterId}');
    assert.equal(templateOf('POST', '/api/bookings/bk-1'), undefined);
    assert.equal(templateOf('GET', '/api/elsewhere/deep/path'), undefined);
  });
});

describe('the clock', () => {
  it('follows real time until set, and again after set(null)', () => {
    let real = new Date('2026-01-01T00:00:00Z');
    const clock = createClock(() => real);
    clock.set(new Date('2026-03-08T10:00:00Z'));
    real = new Date('2026-01-02T00:00:00Z');
    assert.equal(clock.now().toISOString(), '2026-03-08T10:00:00.000Z');
    clock.set(null);
    assert.equal(clock.now().toISOString(), '2026-01-02T00:00:00.000Z');
  });
});

describe('portraits', () => {
  it('are drawn for the supporters whose photo this server serves', async () => {
    let reads = 0;
    const supporters = [
      { id: 'sup-001', name: 'Ada', photoUrl: '/mock-portraits/sup-001.svg' },
      { id: 'sup-002', name: 'Bo', photoUrl: 'https://cdn.example/bo.jpg' },
      { id: 'sup-003', name: 'Cy' },
    ] as unknown as SupporterRecord[];
    const portrait = portraitsOf({
      async supporters() {
        reads += 1;
        return supporters;
      },
    });
    assert.match((await portrait('sup-001')) ?? '', /^<svg/);
    assert.equal(await portrait('sup-002'), undefined);
    assert.equal(await portrait('sup-003'), undefined);
    assert.equal(await portrait('sup-404'), undefined);
    assert.equal(reads, 1, 'supporters are read once');
  });
});

describe('the app’s dependencies over a backend', () => {
  it('answer from the current backend; reset and setProgram start one afresh', async () => {
    const made: string[] = [];
    const resets: string[] = [];
    const backendFor = (program: Program) => {
      made.push(program.id);
      return {
        confirmBooking: async (id: string) => id === `${program.id}:bk`,
      } as unknown as Backend;
    };
    const deps = appDeps({
      createBackend: backendFor,
      program: programVariants.campusCrisisLine,
      storage: {
        reset: async () => void resets.push('reset'),
        ready: async () => true,
        supporters: async () => [],
      } as unknown as Storage,
      handle: async (backend, request) =>
        Response.json({
          confirms: await backend.confirmBooking(new URL(request.url).pathname.slice(1)),
        }),
      clock: createClock(),
      config: loadConfig({}),
      log: createLogger({ level: 'silent' }),
    });
    const seed = programVariants.campusCrisisLine.id;
    const other = programVariants.fixed.id;
    assert.equal(await deps.control.confirmBooking(`${seed}:bk`), true);
    await deps.control.setProgram!(programVariants.fixed);
    assert.equal(await deps.control.confirmBooking(`${seed}:bk`), false);
    assert.equal(await deps.control.confirmBooking(`${other}:bk`), true);
    const answer = await deps.handle(new Request(`http://localhost/${other}:bk`));
    assert.deepEqual(await answer!.json(), { confirms: true });
    await deps.control.reset();
    assert.equal(await deps.control.confirmBooking(`${seed}:bk`), true);
    assert.deepEqual(made, [seed, other, seed]);
    assert.deepEqual(resets, ['reset', 'reset']);
  });
});
