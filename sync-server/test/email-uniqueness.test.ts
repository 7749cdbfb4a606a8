import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { candidateDoc } from './support/fixtures';
import { create, edit, pullAll, type Doc } from './support/sync-client';
import {
  buildDemoApp,
  login,
  startTestStore,
  TEST_JWT_SECRET,
  type Session,
  type TestStore,
} from './support/test-server';

let testStore: TestStore;
let first: FastifyInstance;
let second: FastifyInstance;
let onFirst: Session;
let onSecond: Session;

beforeAll(async () => {
  testStore = await startTestStore();
  ({ app: first } = await buildDemoApp(testStore));
  // A second server instance on the same databases: it shares nothing with the first but the store.
  second = await buildApp({
    couchUrl: testStore.store.url,
    dbPrefix: first.store.prefix,
    jwtSecret: TEST_JWT_SECRET,
    logger: false,
    loginLimits: { perAddress: 10_000, perAccount: 10_000, windowMs: 60_000 },
  });
  await second.ready();
  onFirst = await login(first, 'recruiter1@example.com');
  onSecond = await login(second, 'recruiter2@example.com');
});

afterAll(async () => {
  await Promise.all([first.close(), second.close()]);
  await testStore.stop();
});

async function candidatesWithEmail(email: string): Promise<Doc[]> {
  const { documents } = await pullAll(first, onFirst, 'candidates', null, 500);
  return documents.filter(
    (doc) => !doc._deleted && String(doc['email']).toLowerCase() === email.toLowerCase(),
  );
}

describe('candidate emails are unique, decided by the store', () => {
  it('of eight concurrent creations of one email (mixed case) through two instances, one is stored', async () => {
    const email = `race-${Date.now()}@example.org`;
    const spellings = [email, email.toUpperCase(), ` ${email}`, email.replace('race', 'RACE')];
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        create(
          index % 2 ? second : first,
          index % 2 ? onSecond : onFirst,
          'candidates',
          candidateDoc({ email: spellings[index % 4]?.trim() }),
        ),
      ),
    );
    expect(await candidatesWithEmail(email)).toHaveLength(1);
    const refused = results.flatMap((result) => result.rejections.map((rejection) => rejection.code));
    expect(refused).toEqual(Array.from({ length: 7 }, () => 'duplicate_email'));
  });

  it('an email given up by a change can be taken; the new one cannot be taken by another', async () => {
    const old = `old-${Date.now()}@example.org`;
    const renamed = `new-${Date.now()}@example.org`;
    const candidate = candidateDoc({ email: old });
    expect((await create(first, onFirst, 'candidates', candidate)).rejections).toEqual([]);
    expect(
      (await edit(first, onFirst, 'candidates', candidate.id, (doc) => ({ ...doc, email: renamed })))
        .rejections,
    ).toEqual([]);
    expect(
      (await create(second, onSecond, 'candidates', candidateDoc({ email: old.toUpperCase() }))).rejections,
    ).toEqual([]);
    const taken = await create(second, onSecond, 'candidates', candidateDoc({ email: renamed }));
    expect(taken.rejections.map((rejection) => rejection.code)).toEqual(['duplicate_email']);
  });

  it('two instances swapping two candidates’ emails at once never leave both with one address', async () => {
    const [a, b] = [`swap-a-${Date.now()}@example.org`, `swap-b-${Date.now()}@example.org`];
    const one = candidateDoc({ email: a });
    const other = candidateDoc({ email: b });
    await create(first, onFirst, 'candidates', one);
    await create(first, onFirst, 'candidates', other);
    const target = `swap-c-${Date.now()}@example.org`;
    await Promise.all([
      edit(first, onFirst, 'candidates', one.id, (doc) => ({ ...doc, email: target })),
      edit(second, onSecond, 'candidates', other.id, (doc) => ({ ...doc, email: target })),
    ]);
    expect(await candidatesWithEmail(target)).toHaveLength(1);
  });
});
