import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchHttp, isRecord } from '../infra/couch-http';
import { CouchStore, UnknownSequenceError, type StoredDoc } from '../infra/couch-store';
import { startClusterProxy, type ClusterProxy } from './support/cluster-proxy';
import {
  freshPrefix,
  isExternalStore,
  NEEDS_EMBEDDED_STORE,
  startTestStore,
  type TestStore,
} from './support/test-server';

/**
 * The store gateway's writes as a CouchDB cluster answers them: 202s, and siblings written by a
 * "second node" that had not seen the other write. Two CouchStores on one prefix are two instances.
 */
let testStore: TestStore;
let proxy: ClusterProxy;
let first: CouchStore;
let second: CouchStore;
let direct: CouchHttp;

beforeAll(async () => {
  testStore = await startTestStore();
  proxy = await startClusterProxy(testStore.store.url);
  const prefix = freshPrefix();
  first = new CouchStore(proxy.url, prefix);
  second = new CouchStore(proxy.url, prefix);
  direct = new CouchHttp(testStore.store.url);
  await first.ensureSchema();
});

afterAll(async () => {
  await proxy.close();
  await testStore.stop();
});

/** The document as the store holds it, with its hidden conflicting leaves. */
async function withConflicts(store: CouchStore, id: string): Promise<Record<string, unknown>> {
  const answer = await direct.request({
    method: 'GET',
    path: `${encodeURIComponent(store.name('jobs'))}/${id}`,
    qs: { conflicts: 'true' },
  });
  if (!isRecord(answer.body)) throw new Error(`no ${id}: ${answer.status}`);
  return answer.body;
}

function cluster(rank: 'high' | 'low' | null): void {
  proxy.answerAccepted(true);
  proxy.makeSiblings(rank);
}

function healthy(): void {
  proxy.answerAccepted(false);
  proxy.makeSiblings(null);
}

let counter = 0;
async function freshJob(): Promise<StoredDoc & { _rev: string }> {
  counter += 1;
  const doc: StoredDoc = { _id: `job-race-${counter}-${Date.now()}`, title: 'start' };
  const written = await first.put('jobs', doc);
  if (!written.ok) throw new Error('could not create');
  return { ...doc, _rev: written.rev };
}

describe.skipIf(isExternalStore)(`writes answered 202 (${NEEDS_EMBEDDED_STORE}: the proxy fronts it)`, () => {
  it('lets exactly one of two racing writes through two instances win, leaves no conflict, and accepts a lone 202', async () => {
    for (const rank of ['high', 'low', 'high', 'low'] as const) {
      healthy();
      const base = await freshJob();
      cluster(rank);
      const [viaFirst, viaSecond] = await Promise.all([
        first.put('jobs', { ...base, title: 'first' }),
        second.put('jobs', { ...base, title: 'second' }),
      ]);
      const winners = [viaFirst, viaSecond].filter((outcome) => outcome.ok);
      expect(winners, `siblings ${rank}`).toHaveLength(1);
      healthy();
      const stored = await withConflicts(first, base._id);
      expect(stored['_conflicts']).toBeUndefined();
      expect(stored['title']).toBe(viaFirst.ok ? 'first' : 'second');
      // The winner's revision is the one to write over next.
      const winner = winners[0];
      if (!winner?.ok) throw new Error('no winner');
      expect(stored['_rev']).toBe(winner.rev);
      expect((await first.put('jobs', { ...base, _rev: winner.rev, title: 'after' })).ok).toBe(true);
    }
    // A 202 with no race is a success, not a false conflict: creation, edit and deletion.
    cluster(null);
    const id = `job-lone-${Date.now()}`;
    const created = await first.put('jobs', { _id: id, title: 'alone' });
    if (!created.ok) throw new Error('the creation was refused');
    const edited = await first.put('jobs', { _id: id, _rev: created.rev, title: 'edited' });
    if (!edited.ok) throw new Error('the edit was refused');
    expect((await first.get('jobs', id))?.['title']).toBe('edited');
    const [deleted] = await first.putMany('jobs', [{ _id: id, _rev: edited.rev, _deleted: true }]);
    expect(deleted?.ok).toBe(true);
    healthy();
    expect(await first.get('jobs', id)).toBeNull();
    expect((await first.put('jobs', { _id: id, _rev: created.rev, title: 'stale' })).ok).toBe(false);
  });

  it('does the same for bulk writes, row by row', async () => {
    healthy();
    const docs = [await freshJob(), await freshJob(), await freshJob()];
    cluster('high');
    const [viaFirst, viaSecond] = await Promise.all([
      first.putMany(
        'jobs',
        docs.map((doc) => ({ ...doc, title: 'first' })),
      ),
      second.putMany(
        'jobs',
        docs.map((doc) => ({ ...doc, title: 'second' })),
      ),
    ]);
    healthy();
    for (const [index, doc] of docs.entries()) {
      const outcomes = [viaFirst[index], viaSecond[index]];
      expect(outcomes.filter((outcome) => outcome?.ok)).toHaveLength(1);
      const stored = await withConflicts(first, doc._id);
      expect(stored['_conflicts']).toBeUndefined();
      expect(stored['title']).toBe(viaFirst[index]?.ok ? 'first' : 'second');
    }
  });

  it('settles conflicting leaves a cluster left behind when it next writes the document', async () => {
    healthy();
    const base = await freshJob();
    const parentHash = base._rev.split('-')[1] ?? '';
    // Two leaves on one parent, as two nodes leave them: written with new_edits=false.
    const leaves = ['2-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '2-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'];
    await direct.request({
      method: 'POST',
      path: `${encodeURIComponent(first.name('jobs'))}/_bulk_docs`,
      body: {
        new_edits: false,
        docs: leaves.map((rev) => ({
          _id: base._id,
          _rev: rev,
          title: rev,
          _revisions: { start: 2, ids: [rev.slice(2), parentHash] },
        })),
      },
    });
    const before = await withConflicts(first, base._id);
    expect(before['_rev']).toBe(leaves[1]);
    expect(before['_conflicts']).toEqual([leaves[0]]);
    cluster(null);
    const written = await first.put('jobs', { ...base, _rev: leaves[1], title: 'settled' });
    healthy();
    expect(written.ok).toBe(true);
    const after = await withConflicts(first, base._id);
    expect(after['_conflicts']).toBeUndefined();
    expect(after['title']).toBe('settled');
  });
});

describe.skipIf(isExternalStore)(`reading changes (${NEEDS_EMBEDDED_STORE}: the proxy fronts it)`, () => {
  it('surfaces a 400 to `since` as UnknownSequenceError', async () => {
    const remove = proxy.override(
      { path: /_changes\?.*since=57/ },
      {
        kind: 'answer',
        status: 400,
        body: JSON.stringify({
          error: 'bad_request',
          reason: "Malformed sequence supplied in 'since' parameter.",
        }),
      },
    );
    try {
      const failure = await first.changes('jobs', { since: '57' }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(UnknownSequenceError);
      expect((failure as UnknownSequenceError).database).toBe('jobs');
      expect((failure as UnknownSequenceError).since).toBe('57');
      expect(await first.changes('jobs', { since: '0', limit: 1 })).toMatchObject({
        results: expect.any(Array) as unknown,
      });
    } finally {
      remove();
    }
  });
});
