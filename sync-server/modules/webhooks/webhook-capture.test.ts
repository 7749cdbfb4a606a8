import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchStore, type ChangesPage, type DatabaseKey, type StoredDoc } from '../../infra/couch-store';
import {
  createSubscription,
  ensureWebhookDatabases,
  type WebhookDatabases,
} from '../../services/webhook-store';
import { freshPrefix, startTestStore, type TestStore } from '../../test/support/test-server';
import { WebhookCapture } from './webhook-capture';

/** A store that records how each `_changes` page was asked for, and runs `beforeAnswer` once first. */
class WatchedStore extends CouchStore {
  readonly asked: { key: DatabaseKey; includeDocs: boolean }[] = [];
  beforeAnswer: (() => Promise<void>) | null = null;

  override async changes(
    key: DatabaseKey,
    params: Parameters<CouchStore['changes']>[1],
    signal?: AbortSignal,
  ): Promise<ChangesPage> {
    this.asked.push({ key, includeDocs: params.includeDocs === true });
    const page = await super.changes(key, params, signal);
    const run = this.beforeAnswer;
    this.beforeAnswer = null;
    await run?.();
    return page;
  }
}

let testStore: TestStore;
beforeAll(async () => {
  testStore = await startTestStore();
});
afterAll(async () => {
  await testStore.stop();
});

async function fresh(): Promise<{ store: WatchedStore; databases: WebhookDatabases }> {
  const store = new WatchedStore(testStore.store.url, freshPrefix());
  await store.ensureSchema();
  return { store, databases: await ensureWebhookDatabases(store) };
}

/** A candidate whose stored write record says it was erased at `at` (a `candidate.erased` event). */
function erased(id: string, at: number): StoredDoc {
  return { _id: id, serverMeta: { writes: [{ id: `w-${id}`, at, userId: 'u-admin', action: 'erase' }] } };
}

describe('webhook capture', () => {
  it('reads the feed without its documents while no webhook exists, and announces nothing', async () => {
    const { store, databases } = await fresh();
    const capture = new WebhookCapture(store, databases, Date.now);
    await capture.initialize();
    await store.putMany('candidates', [erased('c-before', Date.now())]);
    store.asked.length = 0;

    expect(await capture.runOnce()).toEqual({ queued: 0, webhooks: 0 });
    expect(store.asked.filter((page) => page.key === 'candidates')).toEqual([
      { key: 'candidates', includeDocs: false },
    ]);
    // The checkpoint passed the change: a webhook made now does not hear of it.
    await createSubscription(
      databases,
      { url: 'https://hooks.example.com/a', events: ['candidate.erased'] },
      'u',
      Date.now(),
    );
    expect((await capture.runOnce()).queued).toBe(0);
  });

  it('reads the page again in full when a webhook was made while it was read without documents', async () => {
    const { store, databases } = await fresh();
    const capture = new WebhookCapture(store, databases, Date.now);
    await capture.initialize();
    const madeAt = Date.now();
    // The erasure comes after the webhook was made, but the capture listed the webhooks before both.
    await store.putMany('candidates', [erased('c-after', madeAt + 5)]);
    store.asked.length = 0;
    store.beforeAnswer = async () => {
      const made = await createSubscription(
        databases,
        { url: 'https://hooks.example.com/b', events: ['candidate.erased'] },
        'u-admin',
        madeAt,
      );
      expect(made.ok).toBe(true);
    };

    expect(await capture.runOnce()).toEqual({ queued: 1, webhooks: 1 });
    expect(store.asked.slice(0, 2)).toEqual([
      { key: 'applications', includeDocs: false },
      { key: 'applications', includeDocs: true },
    ]);
    expect(store.asked.filter((page) => page.key === 'candidates')).toEqual([
      { key: 'candidates', includeDocs: true },
    ]);
    // Queued once: reading again finds nothing new.
    expect((await capture.runOnce()).queued).toBe(0);
  });
});
