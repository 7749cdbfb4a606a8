import { createTestUser } from './support/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { CouchStore } from '../infra/couch-store';
import { candidateDoc } from './support/fixtures';
import { create } from './support/sync-client';
import { freshPrefix, login, startTestStore, TEST_JWT_SECRET, type TestStore } from './support/test-server';

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
});
