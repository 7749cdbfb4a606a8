import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../app';
import { loadDemoIfEmpty } from '../demo/load-demo';
import { CouchHttp } from '../infra/couch-http';
import { waitUntilAnswering } from '../infra/embedded-store';
import { waitFor } from './support/notification-fixture';
import { candidateDoc, jobDoc } from './support/fixtures';
import { startClusterProxy, type ClusterProxy } from './support/cluster-proxy';
import { create } from './support/sync-client';
import { isChangeOf, openStream, type OpenStream, type StreamEvent } from './support/sync-stream';
import {
  buildTestApp,
  freshPrefix,
  isExternalStore,
  login,
  NEEDS_EMBEDDED_STORE,
  startTestStore,
  type Session,
  type TestStore,
} from './support/test-server';

/** The embedded store closes any request after this long (its request timeout, shortened). */
const STORE_REQUEST_TIMEOUT_MS = 2_000;

let testStore: TestStore;
let proxy: ClusterProxy;

beforeAll(async () => {
  testStore = await startTestStore({ requestTimeoutMs: STORE_REQUEST_TIMEOUT_MS });
  proxy = await startClusterProxy(testStore.store.url);
});

afterAll(async () => {
  await proxy.close();
  await testStore.stop();
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const isResync = (event: StreamEvent): boolean => event.type === 'RESYNC';

async function demoApp(
  overrides: Partial<AppConfig> = {},
): Promise<{ app: FastifyInstance; recruiter: Session }> {
  const app = await buildTestApp(testStore, overrides);
  await loadDemoIfEmpty(app.store, Date.now());
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, recruiter: await login(app, 'recruiter1@example.com') };
}

/** Makes a change through `app` and answers how long until `stream` named its collection (at most `withinMs`). */
async function expectLiveChange(
  app: FastifyInstance,
  session: Session,
  stream: OpenStream,
  collection: 'jobs' | 'candidates' = 'jobs',
  withinMs = 3_000,
): Promise<number> {
  const from = stream.mark();
  const wroteAt = Date.now();
  await create(
    app,
    session,
    collection,
    collection === 'jobs' ? jobDoc({ status: 'draft' }) : candidateDoc(),
  );
  const event = await stream.next(isChangeOf(collection), from, withinMs);
  return event.at - wroteAt;
}

async function readiness(app: FastifyInstance): Promise<{ status: number; code?: string }> {
  const answer = await app.inject({ method: 'GET', url: '/api/ready' });
  const body = answer.json<{ error?: { code: string } }>();
  return { status: answer.statusCode, ...(body.error ? { code: body.error.code } : {}) };
}

describe.skipIf(isExternalStore)(`the embedded store's _db_updates (${NEEDS_EMBEDDED_STORE})`, () => {
  const store = (): CouchHttp => new CouchHttp(testStore.store.url);
  const prefix = freshPrefix();

  it('reports every kind of write once per database, not reads, and refuses sequences it did not issue', async () => {
    const feed = store();
    const start = await feed.request({ method: 'GET', path: '_db_updates', qs: { since: 'now' } });
    expect(start.status).toBe(200);
    const since = String((start.body as { last_seq: unknown }).last_seq);
    const namesSince = async (from: string): Promise<string[]> => {
      const page = await feed.request({ method: 'GET', path: '_db_updates', qs: { since: from } });
      expect(page.status).toBe(200);
      return (page.body as { results: { db_name: string }[] }).results.map((row) => row.db_name);
    };
    const db = (name: string): string => `${prefix}${name}`;
    await feed.request({ method: 'PUT', path: db('created') });
    expect(await namesSince(since)).toEqual([db('created')]);
    await feed.request({ method: 'PUT', path: db('docs') });
    const afterCreate = String(
      (
        (await feed.request({ method: 'GET', path: '_db_updates', qs: { since: 'now' } })).body as {
          last_seq: unknown;
        }
      ).last_seq,
    );
    const reads = [
      feed.request({ method: 'POST', path: `${db('docs')}/_all_docs`, body: { keys: ['x'] } }),
      feed.request({ method: 'POST', path: `${db('docs')}/_bulk_get`, body: { docs: [{ id: 'x' }] } }),
      feed.request({ method: 'POST', path: `${db('docs')}/_find`, body: { selector: { a: 1 } } }),
      feed.request({ method: 'GET', path: `${db('docs')}/x` }),
    ];
    await Promise.all(reads);
    expect(await namesSince(afterCreate)).toEqual([]);
    const put = await feed.request({ method: 'PUT', path: `${db('docs')}/one`, body: { a: 1 } });
    expect(put.status).toBe(201);
    expect(await namesSince(afterCreate)).toEqual([db('docs')]);
    for (const write of [
      () => feed.request({ method: 'POST', path: `${db('bulk')}`, body: {} }),
      () => feed.request({ method: 'PUT', path: db('bulk') }),
      () =>
        feed.request({ method: 'POST', path: `${db('bulk')}/_bulk_docs`, body: { docs: [{ _id: 'b' }] } }),
      () =>
        feed.request({
          method: 'POST',
          path: `${db('bulk')}/_index`,
          body: { index: { fields: ['a'] }, name: 'i' },
        }),
    ]) {
      await write();
    }
    const deleted = await feed.request({ method: 'DELETE', path: db('created') });
    expect(deleted.status).toBe(200);
    const rows = (
      (await feed.request({ method: 'GET', path: '_db_updates', qs: { since } })).body as {
        results: { db_name: string; type: string }[];
      }
    ).results.filter((row) => row.db_name.startsWith(prefix));
    // One row per database, its latest change; in the order of those changes.
    expect(rows).toEqual([
      { db_name: db('docs'), type: 'updated', seq: expect.any(String) as unknown },
      { db_name: db('bulk'), type: 'updated', seq: expect.any(String) as unknown },
      { db_name: db('created'), type: 'deleted', seq: expect.any(String) as unknown },
    ]);
    for (const unknown of ['5-nosuchepoch', '999999999-x', 'garbage', '12']) {
      const refused = await feed.request({ method: 'GET', path: '_db_updates', qs: { since: unknown } });
      expect(refused.status, unknown).toBe(400);
    }
    const ahead = `${Number(since.split('-')[0]) + 10_000}-${since.split('-')[1] ?? ''}`;
    expect((await feed.request({ method: 'GET', path: '_db_updates', qs: { since: ahead } })).status).toBe(
      400,
    );
    expect(
      (await feed.request({ method: 'GET', path: '_db_updates', qs: { feed: 'continuous' } })).status,
    ).toBe(400);
  });

  it('holds a longpoll until the next write or its timeout', async () => {
    const feed = store();
    const now = String(
      (
        (await feed.request({ method: 'GET', path: '_db_updates', qs: { since: 'now' } })).body as {
          last_seq: unknown;
        }
      ).last_seq,
    );
    const startedAt = Date.now();
    const quiet = await feed.request({
      method: 'GET',
      path: '_db_updates',
      qs: { since: now, feed: 'longpoll', timeout: '400' },
    });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(380);
    expect(quiet.body).toEqual({
      results: expect.any(Array) as unknown,
      last_seq: expect.any(String) as unknown,
    });
    const held = feed.request({
      method: 'GET',
      path: '_db_updates',
      qs: {
        since: String((quiet.body as { last_seq: unknown }).last_seq),
        feed: 'longpoll',
        timeout: '10000',
      },
    });
    await sleep(200);
    const wroteAt = Date.now();
    await feed.request({ method: 'PUT', path: `${prefix}woken` });
    const woken = await held;
    expect(Date.now() - wroteAt).toBeLessThan(1_000);
    expect((woken.body as { results: { db_name: string }[] }).results.map((row) => row.db_name)).toContain(
      `${prefix}woken`,
    );
  });
});

describe.skipIf(isExternalStore)(`live updates that never silently stop (${NEEDS_EMBEDDED_STORE})`, () => {
  it('still brings the next change within a second to a stream idle past the store’s request timeout and cut longpolls', async () => {
    // The store closes every request after 2 s; the proxy also cuts every longpoll mid-answer.
    const removeCut = proxy.override({ path: /feed=longpoll/ }, { kind: 'cut', afterMs: 1_500 });
    const { app, recruiter } = await demoApp({ couchUrl: proxy.url });
    const other = await demoApp({ couchUrl: proxy.url, dbPrefix: freshPrefix() });
    try {
      const stream = await openStream(app, recruiter);
      const bystander = await openStream(other.app, other.recruiter);
      await stream.next(isResync, 0);
      await sleep(STORE_REQUEST_TIMEOUT_MS * 2.5);
      for (const collection of ['jobs', 'candidates'] as const) {
        expect(await expectLiveChange(app, recruiter, stream, collection, 1_000)).toBeLessThan(1_000);
        await sleep(STORE_REQUEST_TIMEOUT_MS * 1.5);
      }
      expect(await readiness(app)).toEqual({ status: 200 });
      // Another organisation's (prefix's) clients hear nothing of it.
      expect(bystander.events.filter((event) => event.type === 'change')).toEqual([]);
      stream.close();
      bystander.close();
    } finally {
      removeCut();
      await Promise.all([app.close(), other.app.close()]);
    }
  });

  it('starts again from now and tells every client to resync when the store does not know its place', async () => {
    const { app, recruiter } = await demoApp({ couchUrl: proxy.url });
    try {
      const stream = await openStream(app, recruiter);
      await stream.next(isResync, 0);
      const beforeRefusal = stream.mark();
      const removeRefusal = proxy.override(
        { path: /_db_updates\?.*feed=longpoll/ },
        {
          kind: 'answer',
          status: 400,
          body: JSON.stringify({ error: 'bad_request', reason: 'Malformed sequence' }),
        },
      );
      await stream.next(isResync, beforeRefusal, 5_000);
      removeRefusal();
      await expectLiveChange(app, recruiter, stream);
      stream.close();
    } finally {
      await app.close();
    }
  });

  it('never moves its place on an empty or malformed answer, and says so on /api/ready', async () => {
    const { app, recruiter } = await demoApp({ couchUrl: proxy.url, changeFollower: { maxBackoffMs: 300 } });
    try {
      const stream = await openStream(app, recruiter);
      await stream.next(isResync, 0);
      expect(await readiness(app)).toEqual({ status: 200 });
      const job = jobDoc({ status: 'draft' });
      let from = -1;
      for (const body of ['', '{"results":[]}', '{"results":[{"type":"updated"}],"last_seq":"99-x"}']) {
        const remove = proxy.override({ path: /_db_updates/ }, { kind: 'answer', status: 200, body });
        await waitFor(`/api/ready to say the feed is down (${body})`, async () => {
          const ready = await readiness(app);
          return ready.status === 503 && ready.code === 'change_feed_down';
        });
        if (from < 0) {
          // A change while the feed answers nonsense: it must still arrive once the feed is sane.
          from = stream.mark();
          await create(app, recruiter, 'jobs', job);
        }
        remove();
        await waitFor('/api/ready to recover', async () => (await readiness(app)).status === 200);
      }
      await stream.next(isChangeOf('jobs'), from, 3_000);
      // The store's stub answer (express-pouchdb answers 400 to any _db_updates) is a feed that is down too.
      const removeStub = proxy.override({ path: /_db_updates/ }, { kind: 'answer', status: 400, body: '' });
      await waitFor(
        '/api/ready to report the stub',
        async () => (await readiness(app)).code === 'change_feed_down',
      );
      removeStub();
      stream.close();
    } finally {
      await app.close();
    }
  });

  it('restarts a follower that stopped making progress, and is not ready while it is stuck', async () => {
    // Its own abort is set far beyond the watchdog, so only the watchdog can free it.
    const { app, recruiter } = await demoApp({
      couchUrl: proxy.url,
      changeFollower: { longpollTimeoutMs: 500, abortGraceMs: 60_000, stallAfterMs: 1_200 },
    });
    try {
      const stream = await openStream(app, recruiter);
      await stream.next(isResync, 0);
      const longpolls = (): number =>
        proxy.requests.filter((request) => /_db_updates\?.*feed=longpoll/.test(request.path)).length;
      const release = proxy.override({ path: /_db_updates\?.*feed=longpoll/ }, { kind: 'hang' });
      const before = longpolls();
      await waitFor(
        'a stuck follower to be reported',
        async () => (await readiness(app)).code === 'change_feed_down',
      );
      await waitFor('the watchdog to restart it', () => Promise.resolve(longpolls() >= before + 2));
      release();
      await waitFor('/api/ready to recover', async () => (await readiness(app)).status === 200);
      await expectLiveChange(app, recruiter, stream);
      stream.close();
    } finally {
      await app.close();
    }
  });

  it('recovers after the store process is killed: resync, then live changes again', async () => {
    const { app, recruiter } = await demoApp();
    try {
      const stream = await openStream(app, recruiter);
      await stream.next(isResync, 0);
      const beforeKill = stream.mark();
      testStore.store.killForTest();
      await sleep(100);
      await waitUntilAnswering(testStore.store.url);
      // The restarted store forgot the feed's place: the follower starts again and clients resync.
      await stream.next(isResync, beforeKill, 10_000);
      expect(await readiness(app)).toEqual({ status: 200 });
      expect(await expectLiveChange(app, recruiter, stream, 'jobs', 1_000)).toBeLessThan(1_000);
      stream.close();
    } finally {
      await app.close();
    }
  });
});
