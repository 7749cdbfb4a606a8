import type { CouchStore, FieldCondition, StoredDoc } from '../store/couch-store';
import { randomId } from './tokens';

/** One audited write: who, when, which document, the outcome and, if refused, why. */
export interface AuditEntry {
  readonly at: number;
  readonly userId: string;
  readonly collection: string;
  readonly docId: string;
  readonly outcome: 'accepted' | 'rejected';
  readonly action: 'create' | 'update' | 'delete' | 'erase' | 'admin';
  readonly code?: string;
  readonly reason?: string;
}

function isAuditEntry(doc: StoredDoc): boolean {
  return typeof doc['at'] === 'number' && typeof doc['userId'] === 'string';
}

/** Appends entries to the audit log (one bulk write). */
export async function recordAudit(store: CouchStore, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const docs = entries.map((entry) => ({
    ...entry,
    _id: `${String(entry.at).padStart(15, '0')}-${randomId('', 6)}`,
  }));
  await store.db('audit').bulk({ docs });
}

/** The audit log, newest first, filtered by user, document and time. */
export async function queryAudit(
  store: CouchStore,
  filter: { userId?: string; docId?: string; since?: number; limit: number },
): Promise<AuditEntry[]> {
  const selector: Record<string, FieldCondition> = { at: { $gte: filter.since ?? 0 } };
  if (filter.userId) selector['userId'] = filter.userId;
  if (filter.docId) selector['docId'] = filter.docId;
  const docs = await store.find('audit', {
    selector,
    sort: [{ at: 'desc' }],
    limit: filter.limit,
    use_index: 'by-time',
  });
  return docs.filter(isAuditEntry).map((doc) => {
    const { _id: _ignoredId, _rev: _ignoredRev, ...entry } = doc;
    return entry as unknown as AuditEntry;
  });
}
