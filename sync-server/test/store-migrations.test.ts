import { createTestUser } from './support/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { CouchStore } from '../infra/couch-store';
import { candidateDoc, jobDoc } from './support/fixtures';
import { hashRefreshToken, signAccessToken } from '../services/tokens';
import { hashPassword } from '../services/user-service';
import { create } from './support/sync-client';
import {
  bearer,
  freshPrefix,
  login,
  startTestStore,
  TEST_JWT_SECRET,
  type TestStore,
} from './support/test-server';

let testStore: TestStore;

beforeAll(async () => {
  testStore = await startTestStore();
});

afterAll(async () => {
  await testStore.stop();
});

describe('a store made by an earlier version is brought up to date on start', () => {
  it('reserves the emails stored before, and scrubs tombstones that kept their body', async () => {
    // The store as the earlier version left it: documents written without reservations, and a
    // tombstone with its whole last body.
    const prefix = freshPrefix();
    const old = new CouchStore(testStore.store.url, prefix);
    await old.ensureSchema();
    const kept = candidateDoc({ email: 'kept@example.org' });
    const deleted = candidateDoc({
      firstName: 'Gone',
      lastName: 'Person',
      email: 'gone@example.org',
      notes: 'Private',
    });
    const [, oldTombstone] = await old.db('candidates').bulk({
      docs: [
        { ...kept, _id: kept.id, serverMeta: { emailKey: 'kept@example.org' } },
        { ...deleted, _id: deleted.id, serverMeta: { emailKey: 'gone@example.org', deleted: true } },
      ],
    });

    const app = await buildApp({
      couchUrl: testStore.store.url,
      dbPrefix: prefix,
      jwtSecret: TEST_JWT_SECRET,
      logger: false,
    });
    try {
      await app.ready();
      await createTestUser(
        app.store,
        { email: 'rita@example.com', name: 'Rita', role: 'recruiter', password: 'Password123!' },
        Date.now(),
      );
      const recruiter = await login(app, 'rita@example.com', 'Password123!');
      const duplicate = await create(
        app,
        recruiter,
        'candidates',
        candidateDoc({ email: 'KEPT@example.org' }),
      );
      expect(duplicate.rejections.map((rejection) => rejection.code)).toEqual(['duplicate_email']);
      const tombstone = await app.store.get('candidates', deleted.id);
      expect(tombstone?.serverMeta?.deleted).toBe(true);
      expect(JSON.stringify(tombstone)).not.toMatch(/Gone|Person|gone@|Private/);
      // The old body is gone for real, not only replaced.
      await expect(app.store.db('candidates').get(deleted.id, { rev: oldTombstone?.rev })).rejects.toThrow();
    } finally {
      await app.close();
    }
  });

  it('becomes the deployment’s first organisation, nothing moved: its people, sessions and tokens go on', async () => {
    // One organisation's store as the versions before organisations left it: an account with its
    // credentials and a session whose refresh token is `<sid>.<secret>`, access tokens without `org`.
    const prefix = freshPrefix();
    const old = new CouchStore(testStore.store.url, prefix);
    await old.ensureSchema();
    const job = { ...jobDoc({ title: 'Kept through the upgrade' }) };
    await old.db('jobs').bulk({ docs: [{ ...job, _id: job.id, updatedAt: 1 }] });
    const user = {
      id: 'u-old-admin',
      email: 'old-admin@example.com',
      name: 'Old',
      role: 'admin',
      active: true,
    };
    await old.db('users').bulk({
      docs: [{ ...user, _id: user.id, updatedAt: 1, serverMeta: { emailKey: user.email } }],
    });
    await old.db('credentials').bulk({
      docs: [{ _id: user.id, passwordHash: await hashPassword('Password123!'), passwordChangedAt: 1 }],
    });
    const sid = 'sOldSession1234';
    const oldRefreshToken = `${sid}.${'A'.repeat(43)}`;
    await old.db('sessions').bulk({
      docs: [
        {
          _id: sid,
          userId: user.id,
          tokenHash: hashRefreshToken(oldRefreshToken),
          spentHashes: [],
          createdAt: Date.now(),
          expiresAt: Date.now() + 86_400_000,
        },
      ],
    });
    const oldAccessToken = signAccessToken(TEST_JWT_SECRET, { sub: user.id, sid });

    const app = await buildApp({
      couchUrl: testStore.store.url,
      dbPrefix: prefix,
      jwtSecret: TEST_JWT_SECRET,
      logger: false,
    });
    try {
      await app.ready();
      expect(app.firstOrganisation).toMatchObject({ id: 'first', slug: 'demo', dbPrefix: prefix });
      const pulled = await app.inject({
        method: 'GET',
        url: '/api/sync/jobs/pull',
        headers: bearer(oldAccessToken),
      });
      expect(pulled.statusCode).toBe(200);
      expect(pulled.json<{ documents: { title: string }[] }>().documents.map((doc) => doc.title)).toEqual([
        'Kept through the upgrade',
      ]);
      const refreshed = await app.inject({
        method: 'POST',
        url: '/api/auth/refresh',
        payload: { refreshToken: oldRefreshToken },
      });
      expect(refreshed.statusCode, refreshed.body).toBe(200);
      expect(refreshed.json<{ refreshToken: string }>().refreshToken.split('.')).toHaveLength(3);
      const signedIn = await login(app, user.email, 'Password123!');
      expect(signedIn.user).toMatchObject({ id: user.id, organisationId: 'first', organisationSlug: 'demo' });
      // The address is now held deployment-wide: no new organisation can give it to someone else.
      expect(
        (await app.accounts.claim(user.email, { organisationId: 'oother', userId: 'u2' }, Date.now())).ok,
      ).toBe(false);
    } finally {
      await app.close();
    }
  });
});
