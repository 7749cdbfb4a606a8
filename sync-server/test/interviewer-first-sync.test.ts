import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionName } from '#shared/domain/collections';
import { buildDemoOrganisation, type DemoOrganisation } from '../demo/demo-organisation';
import { loadDemoIfEmpty } from '../demo/load-demo';
import { CouchHttp, isRecord } from '../infra/couch-http';
import { startClusterProxy, type ClusterProxy } from './support/cluster-proxy';
import { pull, pullAll } from './support/sync-client';
import {
  buildTestApp,
  freshPrefix,
  login,
  startTestStore,
  type Session,
  type TestStore,
} from './support/test-server';

/**
 * An interviewer's first sync (issue 20): their slice is found by index (the interviews that list
 * them, then what those name), never by reading a scoped collection's change feed from the start, and
 * the scope's view is kept indexed by the server rather than by the first pull that asks for it.
 * A proxy in front of the store records every request the server makes.
 */
let testStore: TestStore;
let proxy: ClusterProxy;

beforeAll(async () => {
  testStore = await startTestStore();
  proxy = await startClusterProxy(testStore.store.url);
});

afterAll(async () => {
  await proxy.close();
  await testStore.stop();
});

const SCOPED: readonly CollectionName[] = ['interviews', 'applications', 'jobs', 'candidates'];

/** What SPEC §3 lets `userId` read of each scoped collection: their interviews and what those name. */
function sliceOf(organisation: DemoOrganisation, userId: string): Record<string, string[]> {
  const own = organisation.interviews.filter((interview) => interview.interviewerIds.includes(userId));
  const ids = (pick: (interview: (typeof own)[number]) => string) => [...new Set(own.map(pick))].sort();
  return {
    interviews: ids((interview) => interview.id),
    applications: ids((interview) => interview.applicationId),
    jobs: ids((interview) => interview.jobId),
    candidates: ids((interview) => interview.candidateId),
  };
}

/** Requests the server made to `database` since `from` (an index into the proxy's record). */
function requestsTo(prefix: string, database: string, from: number): string[] {
  return proxy.requests
    .slice(from)
    .map((request) => request.path)
    .filter((path) => path.startsWith(`/${prefix}${database}/`) || path.startsWith(`/${prefix}${database}?`));
}

describe('an interviewer’s first sync', () => {
  let app: FastifyInstance;
  let prefix: string;
  let organisation: DemoOrganisation;
  let interviewer: Session;

  beforeAll(async () => {
    prefix = freshPrefix();
    app = await buildTestApp(testStore, { couchUrl: proxy.url, dbPrefix: prefix });
    const now = Date.now();
    await loadDemoIfEmpty(app.store, now);
    organisation = buildDemoOrganisation(now);
    interviewer = await login(app, 'interviewer1@example.com');
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers exactly their slice, page by page, read by id and not from any scoped change feed’s start', async () => {
    const expected = sliceOf(organisation, interviewer.user.id);
    expect(expected['interviews']?.length).toBeGreaterThan(1);
    for (const collection of SCOPED) {
      const from = proxy.requests.length;
      // Pages of 2: the slice comes in several pulls, each continuing from the set already delivered.
      const pulled = await pullAll(app, interviewer, collection, null, 2);
      expect(pulled.documents.every((doc) => doc._deleted !== true)).toBe(true);
      expect(pulled.documents.map((doc) => doc.id).sort()).toEqual(expected[collection]);
      const feedReads = requestsTo(prefix, collection, from).filter((path) => path.includes('/_changes'));
      expect(feedReads.length).toBeGreaterThan(0);
      // The feed is only asked where it is now (`since=now`) and from there on, never from the start.
      for (const path of feedReads) {
        const since = new URLSearchParams(path.split('?')[1] ?? '').get('since');
        expect(since, path).not.toBeNull();
        expect(since, path).not.toBe('0');
      }
      expect(requestsTo(prefix, collection, from).some((path) => path.includes('/_all_docs'))).toBe(false);
    }
  });

  it('reads no interview to send the directory or the settings, which are everyone’s', async () => {
    const from = proxy.requests.length;
    const users = await pullAll(app, interviewer, 'users', null, 100);
    const settings = await pull(app, interviewer, 'settings', null, 100);
    expect(users.documents.map((doc) => doc.id).sort()).toEqual(
      organisation.users.map((user) => user.id).sort(),
    );
    expect(settings.documents).toHaveLength(organisation.settings.length);
    expect(requestsTo(prefix, 'interviews', from)).toEqual([]);
  });
});

describe('the interviewer scope’s view', () => {
  it('is indexed by the server as interviews are written, before any pull asks for it', async () => {
    const prefix = freshPrefix();
    const app = await buildTestApp(testStore, { couchUrl: proxy.url, dbPrefix: prefix });
    try {
      const now = Date.now();
      await loadDemoIfEmpty(app.store, now);
      const organisation = buildDemoOrganisation(now);
      const rows = organisation.interviews.reduce(
        (sum, interview) => sum + interview.interviewerIds.length,
        0,
      );
      // `stale=ok` reads the index as it is, without indexing anything: rows show only if the server
      // indexed them itself. Nobody pulls in this test.
      const direct = new CouchHttp(testStore.store.url);
      const indexed = async (): Promise<number> => {
        const answer = await direct.request({
          method: 'GET',
          path: `${prefix}interviews/_design/scope/_view/by-interviewer`,
          qs: { stale: 'ok', limit: '10000' },
        });
        const found = isRecord(answer.body) ? answer.body['rows'] : null;
        return Array.isArray(found) ? found.length : -1;
      };
      let seen = await indexed();
      for (let attempt = 0; attempt < 100 && seen < rows; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        seen = await indexed();
      }
      expect(seen).toBe(rows);
    } finally {
      await app.close();
    }
  });
});
