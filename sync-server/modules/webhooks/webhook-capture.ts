import type { CouchStore, StoredDoc } from '../../infra/couch-store';
import { EVENT_COLLECTIONS, eventBody, eventsOf, type EventCollection } from '../../services/webhook-events';
import {
  enqueueDeliveries,
  getDoc,
  listSubscriptions,
  putDoc,
  type DeliveryDoc,
  type SubscriptionDoc,
  type WebhookDatabases,
} from '../../services/webhook-store';

/** Where the capture of one collection's `_changes` feed stands, kept beside the subscriptions. */
interface CaptureCheckpoint extends StoredDoc {
  readonly kind: 'capture-checkpoint';
  /** The store's sequence read up to (opaque). */
  readonly seq: string;
  /** When webhooks started: writes accepted before are not news. */
  readonly notifyFrom: number;
}

const PAGE_SIZE = 100;

function checkpointId(collection: EventCollection): string {
  return `capture-checkpoint-${collection}`;
}

function isCheckpoint(doc: StoredDoc | null): doc is CaptureCheckpoint {
  return doc !== null && doc['kind'] === 'capture-checkpoint' && typeof doc['seq'] === 'string';
}

/**
 * Turns accepted writes into queued deliveries, whoever made them (replication, the integration API,
 * the portal, an erasure): follows the `_changes` feeds of applications, interviews and candidates
 * from checkpoints kept in the store (normal feed, no filters), derives each changed document's
 * events from its write records, and queues one delivery per event and subscribed webhook, with an
 * id made of both, before the checkpoint passes the change. A crash or another instance re-reading a
 * page queues nothing twice.
 */
export class WebhookCapture {
  constructor(
    private readonly store: CouchStore,
    private readonly databases: WebhookDatabases,
    private readonly now: () => number,
  ) {}

  /** Gives each feed a checkpoint at its current end, if it has none: the past is not announced. */
  async initialize(): Promise<void> {
    for (const collection of EVENT_COLLECTIONS) {
      if (isCheckpoint(await getDoc(this.databases.subscriptions, checkpointId(collection)))) continue;
      const latest = await this.store.changes(collection, { since: 'now' });
      // Another instance may write it first: theirs is as good.
      await putDoc(this.databases.subscriptions, {
        _id: checkpointId(collection),
        kind: 'capture-checkpoint',
        seq: String(latest.last_seq),
        notifyFrom: this.now(),
      });
    }
  }

  /**
   * Reads every change since the checkpoints; answers how many deliveries were queued, and how many
   * webhooks there are (disabled ones too).
   */
  async runOnce(signal?: AbortSignal): Promise<{ queued: number; webhooks: number }> {
    let subscriptions: readonly SubscriptionDoc[] = await listSubscriptions(this.databases);
    let queued = 0;
    for (const collection of EVENT_COLLECTIONS) {
      const drained = await this.drain(collection, subscriptions, signal);
      queued += drained.queued;
      subscriptions = drained.subscriptions;
    }
    return { queued, webhooks: subscriptions.length };
  }

  /**
   * Reads one feed to its end. With no active webhook a page is read without its documents (most
   * organisations have none, and reading every changed document again is most of the store's work
   * after a write); the webhooks are then listed again, after the read, so one added meanwhile
   * (whose events can only be in this page if they came after it) gets the page read in full.
   */
  private async drain(
    collection: EventCollection,
    listed: readonly SubscriptionDoc[],
    signal?: AbortSignal,
  ): Promise<{ queued: number; subscriptions: readonly SubscriptionDoc[] }> {
    let queued = 0;
    let subscriptions = listed;
    for (;;) {
      if (signal?.aborted) return { queued, subscriptions };
      const checkpoint = await getDoc(this.databases.subscriptions, checkpointId(collection));
      if (!isCheckpoint(checkpoint)) {
        await this.initialize();
        continue;
      }
      const feed = { since: checkpoint.seq, limit: PAGE_SIZE } as const;
      let page = await this.store.changes(
        collection,
        { ...feed, includeDocs: isAnyActive(subscriptions) },
        signal,
      );
      if (!isAnyActive(subscriptions)) {
        subscriptions = await listSubscriptions(this.databases);
        if (isAnyActive(subscriptions))
          page = await this.store.changes(collection, { ...feed, includeDocs: true }, signal);
      }
      const active = subscriptions.filter((subscription) => subscription.disabledAt === undefined);
      const deliveries = page.results.flatMap((row) =>
        row.id.startsWith('_design/') || !row.doc
          ? []
          : deliveriesFor(collection, row.doc, active, checkpoint.notifyFrom, this.now()),
      );
      queued += await enqueueDeliveries(this.databases, deliveries);
      const seq = String(page.last_seq);
      // A lost race means another instance moved it: the next round reads its position.
      if (seq !== checkpoint.seq) await putDoc(this.databases.subscriptions, { ...checkpoint, seq });
      if (page.results.length < PAGE_SIZE) return { queued, subscriptions };
    }
  }
}

function isAnyActive(subscriptions: readonly SubscriptionDoc[]): boolean {
  return subscriptions.some((subscription) => subscription.disabledAt === undefined);
}

/** The deliveries a stored document's events call for: each to the webhooks that were there for it. */
function deliveriesFor(
  collection: EventCollection,
  stored: StoredDoc,
  subscriptions: readonly SubscriptionDoc[],
  notifyFrom: number,
  now: number,
): DeliveryDoc[] {
  const events = eventsOf(collection, stored).filter((event) => event.at >= notifyFrom);
  return events.flatMap((event) =>
    subscriptions
      .filter(
        (subscription) => subscription.events.includes(event.type) && event.at >= subscription.createdAt,
      )
      .map((subscription): DeliveryDoc => ({
        _id: `${subscription._id}:${event.id}`,
        kind: 'delivery',
        subscriptionId: subscription._id,
        eventId: event.id,
        type: event.type,
        body: eventBody(event),
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      })),
  );
}
