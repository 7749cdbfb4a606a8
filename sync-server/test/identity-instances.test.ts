import { createTestUser } from './support/accounts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeEmail } from '#shared/domain/common/schema-helpers';
import { AttemptLimiter } from '../services/attempt-limiter';
import { reservationId } from '../services/reservations';
import { CouchStore } from '../infra/couch-store';
import {
  bearer,
  buildTestApp,
  freshPrefix,
  GENEROUS_IDENTITY_LIMITS,
  login,
  startTestStore,
  type TestStore,
} from './support/test-server';

/**
 * Two app instances on one store and one set of databases, sharing nothing else: uniqueness and
 * limits must hold across them as on one.
 */
let testStore: TestStore;
/** Two instances with generous limits, and two with low ones. */
let first: FastifyInstance;
let second: FastifyInstance;
let limitedFirst: FastifyInstance;
let limitedSecond: FastifyInstance;
const PASSWORD = 'correct-horse-battery';
const loginLimits = { perAddress: 1_000, perAccount: 3, windowMs: 60_000 };
const identityLimits = {
  ...GENEROUS_IDENTITY_LIMITS,
  register: { perAddress: 1_000, perAccount: 2, windowMs: 60_000 },
  passwordReset: { perAddress: 1_000, perAccount: 2, windowMs: 60_000 },
};

beforeAll(async () => {
  testStore = await startTestStore();
  const dbPrefix = freshPrefix();
  const limitedPrefix = freshPrefix();
  [first, second, limitedFirst, limitedSecond] = await Promise.all([
    buildTestApp(testStore, { dbPrefix }),
    buildTestApp(testStore, { dbPrefix }),
    buildTestApp(testStore, { dbPrefix: limitedPrefix, loginLimits, identityLimits }),
    buildTestApp(testStore, { dbPrefix: limitedPrefix, loginLimits, identityLimits }),
  ]);
});

afterAll(async () => {
  await Promise.all([first.close(), second.close(), limitedFirst.close(), limitedSecond.close()]);
  await testStore.stop();
});

/** Alternates between the two instances. */
const via = (index: number): FastifyInstance => (index % 2 === 0 ? first : second);
const viaLimited = (index: number): FastifyInstance => (index % 2 === 0 ? limitedFirst : limitedSecond);
const spellings = (local: string): string[] => [
  `${local}@example.org`,
  `${local.toUpperCase()}@EXAMPLE.ORG`,
  ` ${local}@Example.org`,
  `${local[0]?.toUpperCase() ?? ''}${local.slice(1)}@example.ORG`,
];

/** Live users with this address, read from the whole database (no index). */
async function usersWith(email: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const doc of first.store.all('users')) {
    if (doc.serverMeta?.emailKey === normalizeEmail(email) && !doc.serverMeta.deleted) ids.push(doc._id);
  }
  return ids;
}

describe('one account per email, decided by the store', () => {
  it('eight concurrent registrations (mixed case) through two instances make one account', async () => {
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        via(index).inject({
          method: 'POST',
          url: '/api/auth/register',
          payload: {
            email: spellings('octo')[index % 4]?.trim(),
            password: `${PASSWORD}-${index}`,
            name: 'Octo',
          },
        }),
      ),
    );
    const answers = responses.map((response) => [response.statusCode, response.body]);
    expect(new Set(answers.map((entry) => JSON.stringify(entry))).size).toBe(1);
    expect(answers[0]?.[0]).toBe(201);
    const accounts = await usersWith('octo@example.org');
    expect(accounts).toHaveLength(1);
    const reservation = await first.store.get(
      'reservations',
      reservationId('account-email', 'octo@example.org'),
    );
    expect(reservation?.['ownerId']).toBe(accounts[0]);
    // Exactly one of the eight passwords is the account's.
    const signIns = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        second.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'octo@example.org', password: `${PASSWORD}-${index}` },
        }),
      ),
    );
    expect(signIns.filter((response) => response.statusCode === 200)).toHaveLength(1);
  });

  it('eight concurrent admin creations through two instances make one account; the rest answer 409', async () => {
    await createTestUser(
      first.store,
      { email: 'root@acme.example', name: 'Root', role: 'admin', password: PASSWORD },
      Date.now(),
    );
    const admin = await login(first, 'root@acme.example', PASSWORD);
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        via(index).inject({
          method: 'POST',
          url: '/api/admin/users',
          headers: bearer(admin),
          payload: {
            email: spellings('dup.staff')[index % 4]?.trim(),
            name: 'Dup',
            role: 'recruiter',
            password: PASSWORD,
          },
        }),
      ),
    );
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const response of responses) {
      if (response.statusCode === 409)
        expect(response.json()).toMatchObject({ error: { code: 'email_taken' } });
    }
    expect(await usersWith('dup.staff@example.org')).toHaveLength(1);
  });
});

describe('a registration that died after reserving the address', () => {
  it('holds the address for the grace period, then lets a new registration take it over', async () => {
    const email = 'crashed.midway@example.org';
    const reserve = (reservedAt: number) =>
      first.store.put('reservations', {
        _id: reservationId('account-email', email),
        kind: 'account-email',
        ownerId: 'u-never-written',
        reservedAt,
      });
    expect((await reserve(Date.now())).ok).toBe(true);
    const register = (instance: FastifyInstance) =>
      instance.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: { email, password: PASSWORD, name: 'Phoenix' },
      });
    expect((await register(first)).statusCode).toBe(201);
    expect(await usersWith(email)).toEqual([]);
    // Past the grace period (the writer died, as by kill -9 between reserving and writing).
    const stale = await first.store.get('reservations', reservationId('account-email', email));
    await first.store.put('reservations', {
      ...stale,
      _id: reservationId('account-email', email),
      reservedAt: 0,
    });
    expect((await register(second)).statusCode).toBe(201);
    const accounts = await usersWith(email);
    expect(accounts).toHaveLength(1);
    expect((await login(second, email, PASSWORD)).user.id).toBe(accounts[0]);
  });
});

describe('limits held in the store', () => {
  it('sign-in attempts for one account are counted across both instances', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const response = await viaLimited(attempt).inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: {
          email: attempt % 2 === 0 ? 'Target@example.org' : 'target@EXAMPLE.org',
          password: 'guess',
        },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    const limited = await limitedFirst.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'target@example.org', password: 'guess' },
    });
    expect(limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another account from the same address is not limited.
    const other = await limitedSecond.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'someone.else@example.org', password: 'guess' },
    });
    expect(other.statusCode).toBe(401);
  });

  it('registrations and reset requests for one address are counted across both instances', async () => {
    for (const [url, body] of [
      ['/api/auth/register', { email: 'flood@example.org', password: PASSWORD, name: 'F' }],
      ['/api/auth/password-reset', { email: 'flood@example.org' }],
    ] as const) {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt += 1) {
        const response = await viaLimited(attempt).inject({ method: 'POST', url, payload: body });
        statuses.push(response.statusCode);
      }
      expect(statuses.slice(2), url).toEqual([429, 429]);
      expect(statuses[0], url).toBeLessThan(300);
    }
  });

  it('of many concurrent attempts through two stores, exactly the limit go ahead', async () => {
    const prefix = freshPrefix();
    const a = new AttemptLimiter(
      new CouchStore(first.store.url, prefix),
      'a-secret-of-the-deployment-0123456789',
    );
    const b = new AttemptLimiter(
      new CouchStore(first.store.url, prefix),
      'a-secret-of-the-deployment-0123456789',
    );
    const limit = { scope: 'login-account', key: 'burst@example.org', max: 3, windowMs: 60_000 };
    const now = Date.now();
    const verdicts = await Promise.all(
      Array.from({ length: 12 }, (_, index) => (index % 2 === 0 ? a : b).attempt([limit], now + (index % 3))),
    );
    expect(verdicts.filter((verdict) => verdict.ok)).toHaveLength(3);
    // Past the window, the key may try again.
    expect((await a.attempt([limit], now + 60_010)).ok).toBe(true);
  });

  it('drops the attempts of days before yesterday, and keeps nothing readable of the keys', async () => {
    const store = new CouchStore(first.store.url, freshPrefix());
    const limiter = new AttemptLimiter(store, 'a-secret-of-the-deployment-0123456789');
    const day = 24 * 60 * 60 * 1000;
    const now = Date.UTC(2026, 2, 10, 12);
    const limit = { scope: 'register-account', key: 'private.person@example.org', max: 5, windowMs: day };
    for (const at of [now - 3 * day, now - day, now]) await limiter.attempt([limit], at);
    const names = async () =>
      (await store.server.db.list())
        .filter((name) => name.startsWith(`${store.prefix}auth_attempts_`))
        .sort();
    expect(await names()).toEqual([
      `${store.prefix}auth_attempts_20260307`,
      `${store.prefix}auth_attempts_20260309`,
      `${store.prefix}auth_attempts_20260310`,
    ]);
    expect(await limiter.cleanup(now)).toBe(1);
    expect(await names()).toEqual([
      `${store.prefix}auth_attempts_20260309`,
      `${store.prefix}auth_attempts_20260310`,
    ]);
    const { rows } = await store.server
      .use(`${store.prefix}auth_attempts_20260310`)
      .list({ include_docs: true });
    expect(JSON.stringify(rows)).not.toContain('private.person');
    // A window reaching into yesterday counts yesterday's attempt.
    const verdict = await limiter.attempt([{ ...limit, max: 2 }], now);
    expect(verdict.ok).toBe(false);
  });
});
