import { randomBytes } from 'node:crypto';
import type { DocumentListResponse, DocumentScope } from 'nano';
import { putChecked, putManyChecked } from '../infra/checked-write';
import { couchHttpFor } from '../infra/couch-http';
import { statusOf, type CouchStore, type StoredDoc } from '../infra/couch-store';
import { ensureOwnDatabase, ownDatabase } from '../infra/own-database';
import { fail, succeed, type Outcome } from './outcome';
import type { DeliveryStatus, WebhookEventType } from '#shared/sync/admin-protocol';

/** Subscriptions and the capture's checkpoints (`<prefix>webhooks`). */
export const WEBHOOK_DATABASE = 'webhooks';
/** The delivery queue and its log (`<prefix>webhook_deliveries`). */
export const DELIVERY_DATABASE = 'webhook_deliveries';

/** A subscription: where to post which events, signed with its secret. */
export interface SubscriptionDoc extends StoredDoc {
  readonly kind: 'subscription';
  readonly url: string;
  readonly events: readonly WebhookEventType[];
  /** The HMAC key of the signatures; shown once, when the subscription is made. */
  readonly secret: string;
  readonly createdAt: number;
  readonly createdBy: string;
  /** Failed delivery attempts in a row; a success resets it. */
  readonly consecutiveFailures: number;
  readonly disabledAt?: number;
  readonly disabledReason?: string;
}

/** One event for one subscription; its id `<subscriptionId>:<eventId>` makes queueing idempotent. */
export interface DeliveryDoc extends StoredDoc {
  readonly kind: 'delivery';
  readonly subscriptionId: string;
  readonly eventId: string;
  readonly type: WebhookEventType;
  /** The exact body posted (and signed) on every attempt. */
  readonly body: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  /** `pending`: when it is due; `sending`: when the claim expires. */
  readonly nextAttemptAt: number;
  readonly createdAt: number;
  readonly claimedBy?: string;
  readonly lastAttemptAt?: number;
  /** The receiver's HTTP status on the last attempt, if it answered. */
  readonly lastStatus?: number;
  readonly lastError?: string;
  readonly deliveredAt?: number;
}

export function isSubscription(doc: StoredDoc | null): doc is SubscriptionDoc {
  return doc !== null && doc['kind'] === 'subscription' && typeof doc['url'] === 'string';
}

export function isDelivery(doc: StoredDoc | null): doc is DeliveryDoc {
  return doc !== null && doc['kind'] === 'delivery' && typeof doc['subscriptionId'] === 'string';
}

/** The two databases of webhooks, created if missing (idempotent, safe from many instances at once). */
export interface WebhookDatabases {
  readonly subscriptions: DocumentScope<StoredDoc>;
  readonly deliveries: DocumentScope<StoredDoc>;
}

export async function ensureWebhookDatabases(store: CouchStore): Promise<WebhookDatabases> {
  const subscriptions = await ensureOwnDatabase(store, WEBHOOK_DATABASE, [
    { name: 'by-kind', fields: ['kind'] },
  ]);
  const deliveries = await ensureOwnDatabase(store, DELIVERY_DATABASE, [
    { name: 'by-status-due', fields: ['status', 'nextAttemptAt'] },
    { name: 'by-subscription', fields: ['subscriptionId', 'createdAt'] },
    { name: 'by-created', fields: ['createdAt'] },
  ]);
  return { subscriptions, deliveries };
}

/** The webhook databases of a store whose organisation's set-up made them (nothing is asked of the store). */
export function webhookDatabasesOf(store: CouchStore): WebhookDatabases {
  return {
    subscriptions: ownDatabase(store, WEBHOOK_DATABASE),
    deliveries: ownDatabase(store, DELIVERY_DATABASE),
  };
}

/** A document of one of these databases, or null. */
export async function getDoc(db: DocumentScope<StoredDoc>, id: string): Promise<StoredDoc | null> {
  try {
    return await db.get(id);
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

/** A checked write with the document's `_rev`: its new revision, or null when another writer won. */
export async function putDoc(db: DocumentScope<StoredDoc>, doc: StoredDoc): Promise<string | null> {
  const written = await putChecked(couchHttpFor(db.config.url), db.config.db, doc);
  return written.ok ? written.rev : null;
}

/** Makes a subscription with a fresh 256-bit secret. */
export async function createSubscription(
  databases: WebhookDatabases,
  input: { readonly url: string; readonly events: readonly WebhookEventType[] },
  adminId: string,
  now: number,
): Promise<Outcome<SubscriptionDoc>> {
  const subscription: SubscriptionDoc = {
    _id: `wh_${randomBytes(12).toString('hex')}`,
    kind: 'subscription',
    url: input.url,
    events: [...new Set(input.events)],
    secret: `whsec_${randomBytes(32).toString('base64url')}`,
    createdAt: now,
    createdBy: adminId,
    consecutiveFailures: 0,
  };
  const rev = await putDoc(databases.subscriptions, subscription);
  return rev
    ? succeed({ ...subscription, _rev: rev })
    : fail('conflict', 'conflict', 'The subscription could not be stored; try again.');
}

/**
 * Every subscription (with its secret: for the worker; routes leave it out). Read by id order, not
 * through an index, which may lag a subscription just made: its first events must not be missed.
 */
export async function listSubscriptions(databases: WebhookDatabases): Promise<SubscriptionDoc[]> {
  const subscriptions: SubscriptionDoc[] = [];
  for (let startkey: string | undefined = 'wh_'; ;) {
    const page: DocumentListResponse<StoredDoc> = await databases.subscriptions.list({
      include_docs: true,
      startkey,
      endkey: 'wh_\ufff0',
      limit: 501,
    });
    for (const row of page.rows.slice(0, 500))
      if (row.doc && isSubscription(row.doc)) subscriptions.push(row.doc);
    startkey = page.rows[500]?.id;
    if (startkey === undefined) break;
  }
  return subscriptions.sort((a, b) => a.createdAt - b.createdAt);
}

export async function getSubscription(
  databases: WebhookDatabases,
  id: string,
): Promise<SubscriptionDoc | null> {
  if (!/^wh_[a-f0-9]{24}$/.test(id)) return null;
  const doc = await getDoc(databases.subscriptions, id);
  return isSubscription(doc) ? doc : null;
}

/** Deletes a subscription: nothing more is queued or sent for it (its log stays readable to no one). */
export async function deleteSubscription(databases: WebhookDatabases, id: string): Promise<Outcome<null>> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const doc = await getSubscription(databases, id);
    if (!doc?._rev) return fail('not_found', 'not_found', 'No such webhook.');
    try {
      await databases.subscriptions.destroy(id, doc._rev);
      return succeed(null);
    } catch (error) {
      // Its failure count changed meanwhile: read it again.
      if (statusOf(error) !== 409) throw error;
    }
  }
  return fail('conflict', 'conflict', 'The webhook kept changing; try again.');
}

/**
 * Records one attempt's outcome on its subscription: a success resets the failures, a failure counts
 * one more and, at `disableAfter` in a row, disables it with the reason admins see.
 */
export async function recordAttempt(
  databases: WebhookDatabases,
  subscriptionId: string,
  failure: string | null,
  disableAfter: number,
  now: number,
): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const current = await getSubscription(databases, subscriptionId);
    if (!current || current.disabledAt !== undefined) return;
    if (failure === null && current.consecutiveFailures === 0) return;
    const failures = failure === null ? 0 : current.consecutiveFailures + 1;
    const next: SubscriptionDoc = {
      ...current,
      consecutiveFailures: failures,
      ...(failure !== null && failures >= disableAfter
        ? {
            disabledAt: now,
            disabledReason: `Disabled after ${failures} failed delivery attempts in a row; the last: ${failure}`,
          }
        : {}),
    };
    if (await putDoc(databases.subscriptions, next)) return;
  }
}

/** Queues the deliveries not queued yet (their ids are deterministic); answers how many were added. */
export async function enqueueDeliveries(
  databases: WebhookDatabases,
  deliveries: readonly DeliveryDoc[],
): Promise<number> {
  if (deliveries.length === 0) return 0;
  const existing = await databases.deliveries.fetchRevs({ keys: deliveries.map((delivery) => delivery._id) });
  const known = new Set(existing.rows.filter((row) => 'value' in row).map((row) => row.key));
  const fresh = deliveries.filter((delivery) => !known.has(delivery._id));
  if (fresh.length === 0) return 0;
  const { deliveries: db } = databases;
  // Another instance queueing the same one meanwhile is a per-document conflict: fine.
  const results = await putManyChecked(couchHttpFor(db.config.url), db.config.db, fresh);
  return results.filter((result) => result.ok).length;
}

/** Deliveries in `status` due at `now`, oldest first. */
export async function dueDeliveries(
  databases: WebhookDatabases,
  status: 'pending' | 'sending',
  now: number,
  limit: number,
): Promise<DeliveryDoc[]> {
  const response = await databases.deliveries.find({
    selector: { status, nextAttemptAt: { $lte: now } },
    sort: [{ status: 'asc' }, { nextAttemptAt: 'asc' }],
    use_index: 'by-status-due',
    limit,
  });
  // An index can lag behind its documents: judge the documents themselves.
  return (response.docs as StoredDoc[]).filter(
    (doc): doc is DeliveryDoc => isDelivery(doc) && doc.status === status && doc.nextAttemptAt <= now,
  );
}

/** A subscription's deliveries, newest first. */
export async function recentDeliveries(
  databases: WebhookDatabases,
  subscriptionId: string,
  limit: number,
): Promise<DeliveryDoc[]> {
  const response = await databases.deliveries.find({
    selector: { subscriptionId, createdAt: { $gte: 0 } },
    sort: [{ subscriptionId: 'desc' }, { createdAt: 'desc' }],
    use_index: 'by-subscription',
    limit,
  });
  return (response.docs as StoredDoc[]).filter(
    (doc): doc is DeliveryDoc => isDelivery(doc) && doc.subscriptionId === subscriptionId,
  );
}

/** How long the log keeps a delivery that is done (delivered or failed). */
export const DELIVERY_LOG_DAYS = 30;

/**
 * Deletes done deliveries older than `DELIVERY_LOG_DAYS` (a page at a time; answers how many), so
 * the log does not grow forever. A delivery still due is never deleted.
 */
export async function purgeOldDeliveries(databases: WebhookDatabases, now: number): Promise<number> {
  const before = now - DELIVERY_LOG_DAYS * 24 * 60 * 60 * 1000;
  let deleted = 0;
  for (let page = 0; page < 20; page += 1) {
    const response = await databases.deliveries.find({
      selector: { createdAt: { $lt: before } },
      use_index: 'by-created',
      limit: 500,
    });
    const docs = response.docs as StoredDoc[];
    const done = docs.filter(
      (doc) =>
        isDelivery(doc) && doc.createdAt < before && (doc.status === 'delivered' || doc.status === 'failed'),
    );
    if (done.length > 0) {
      const results = await databases.deliveries.bulk({
        docs: done.map((doc) => ({ _id: doc._id, _rev: doc._rev, _deleted: true })),
      });
      deleted += results.filter((result) => !result.error).length;
    }
    if (docs.length < 500 || done.length === 0) return deleted;
  }
  return deleted;
}
