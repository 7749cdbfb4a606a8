import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { queryAudit } from '../services/audit-service';
import { candidateDoc } from './support/fixtures';
import { startHoldingProxy, startServerProcess } from './support/server-process';
import { startTestStore, TEST_JWT_SECRET, type TestStore } from './support/test-server';

let testStore: TestStore;

beforeAll(async () => {
  testStore = await startTestStore();
});

afterAll(async () => {
  await testStore.stop();
});

async function signIn(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'Password123!' }),
  });
  const body = (await response.json()) as { accessToken: string };
  return body.accessToken;
}

describe('no accepted write without its audit entry', () => {
  it('a server killed -9 after storing pushed rows, before it wrote anything to the audit log, loses no entry', async () => {
    // Every request to the audit database is held: the process dies with its documents written and
    // nothing of the audit written, the widest form of the window between the two.
    let holding = false;
    const proxy = await startHoldingProxy(
      testStore.store.url,
      (request) => holding && request.url?.startsWith('/shortlist_audit') === true,
    );
    const server = await startServerProcess(proxy.url);
    holding = true;
    const ids: string[] = [];
    try {
      const token = await signIn(server.url, 'recruiter1@example.com');
      const pushes = Array.from({ length: 6 }, () => {
        const rows = Array.from({ length: 5 }, () => {
          const doc = candidateDoc();
          ids.push(doc.id);
          return { assumedMasterState: null, newDocumentState: { ...doc, _deleted: false } };
        });
        return fetch(`${server.url}/api/sync/candidates/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(rows),
        }).catch(() => null);
      });
      await Promise.race([Promise.all(pushes), new Promise((resolve) => setTimeout(resolve, 3_000))]);
    } finally {
      await server.kill();
      await proxy.close();
    }

    const app = await buildApp({
      couchUrl: testStore.store.url,
      dbPrefix: 'shortlist_',
      jwtSecret: TEST_JWT_SECRET,
      logger: false,
    });
    try {
      await app.ready();
      const stored = (await app.store.getMany('candidates', ids)).size;
      expect(stored, 'the pushes stored rows before the kill').toBeGreaterThan(0);
      await (await app.auditProjectorOf(app.firstOrganisation)).catchUp();
      const entries = await queryAudit(app.store, { limit: 1_000 });
      const audited = new Set(
        entries.filter((entry) => entry.outcome === 'accepted').map((entry) => entry.docId),
      );
      const storedIds = [...(await app.store.getMany('candidates', ids)).keys()];
      expect(storedIds.filter((id) => !audited.has(id))).toEqual([]);
    } finally {
      await app.close();
    }
  }, 60_000);
});
