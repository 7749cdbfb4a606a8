import { COLLECTIONS, isCollectionName, type CollectionName } from '#shared/domain/collections';
import type { CouchStore, FieldCondition, StoredDoc, WriteRecord } from '../infra/couch-store';
import { randomId } from './tokens';
import type { OrganisationWorker } from './organisation-workers';

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

function isAuditEntry(doc: StoredDoc): doc is StoredDoc & AuditEntry {
  return (
    typeof doc['at'] === 'number' &&
    typeof doc['userId'] === 'string' &&
    typeof doc['collection'] === 'string' &&
    typeof doc['docId'] === 'string' &&
    (doc['outcome'] === 'accepted' || doc['outcome'] === 'rejected')
  );
}

/** Audit ids sort by time, so the log reads newest first by id too. */
function auditId(at: number, suffix: string): string {
  return `${String(at).padStart(15, '0')}-${suffix}`;
}

/**
 * Appends entries that are not in any stored document (refused writes, admin actions on server-only
 * data) to the audit log, in one bulk write. Accepted writes of replicated documents are not written
 * here: they carry their record in the document itself and are projected (`AuditProjector`).
 */
export async function recordAudit(store: CouchStore, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const docs = entries.map((entry) => ({ ...entry, _id: auditId(entry.at, randomId('', 6)) }));
  await store.db('audit').bulk({ docs });
}

/** The audit entry of an accepted write recorded in a stored document; its id is the write's own. */
function entryOfWrite(collection: CollectionName, docId: string, write: WriteRecord): StoredDoc & AuditEntry {
  return {
    _id: auditId(write.at, write.id),
    at: write.at,
    userId: write.userId,
    collection,
    docId,
    outcome: 'accepted',
    action: write.action,
  };
}

/** Where the projection of one collection's feed stands, kept in the audit database. */
interface ProjectionCheckpoint extends StoredDoc {
  readonly seq: string;
}

const PROJECTION_PAGE = 500;

function isProjectionCheckpoint(doc: StoredDoc | null): doc is ProjectionCheckpoint {
  return doc !== null && typeof doc['seq'] === 'string';
}

/**
 * Derives the audit log's accepted entries from the write records stored in the documents
 * themselves (`serverMeta.writes`), by following each collection's `_changes` feed from a checkpoint
 * kept in the audit database. An accepted write and its record are one document write, so a process
 * killed at any moment loses no entry: the next pass, on any instance, projects it. Entry ids are the
 * writes' own, so passes by several instances, or a replay, add each entry once.
 *
 * A document remembers its last `WRITES_KEPT` writes: an entry is lost only if more writes than that
 * hit one document between two passes (passes run every second, and before every audit query).
 */
export class AuditProjector implements OrganisationWorker {
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private isDirty = false;
  private timer: NodeJS.Timeout | undefined;
  private isStarted = false;
  private readonly seqs = new Map<CollectionName, string>();

  /**
   * `intervalMs`: the pause between passes when nothing is heard from the change feed (the feed's
   * `databasesChanged` runs a pass at once).
   */
  constructor(
    private readonly store: CouchStore,
    private readonly options: { intervalMs: number; log: (message: string, error: unknown) => void },
  ) {}

  /** Projects now, then whenever a collection changes, and on a timer until stopped. */
  start(): void {
    this.isStarted = true;
    this.timer = setTimeout(() => this.tick(), 0).unref();
  }

  async stop(): Promise<void> {
    this.isStarted = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** From the change feed: a pass when a collection changed (another right after one running now). */
  databasesChanged(keys: ReadonlySet<string>): void {
    if (![...keys].some(isCollectionName)) return;
    if (this.running) this.isDirty = true;
    else this.tick();
  }

  /** From the change feed: changes may have been missed. */
  resync(): void {
    this.databasesChanged(new Set(COLLECTIONS));
  }

  private tick(): void {
    if (!this.isStarted) return;
    clearTimeout(this.timer);
    this.catchUp()
      .catch((error: unknown) => this.options.log('audit projection failed; retrying', error))
      .finally(() => {
        if (!this.isStarted) return;
        const again = this.isDirty;
        this.isDirty = false;
        this.timer = setTimeout(() => this.tick(), again ? 0 : this.options.intervalMs).unref();
      });
  }

  /**
   * Projects every write stored so far. One pass runs at a time; a caller during a pass waits for it
   * and then for one more (which sees the writes made while the first ran), shared by every caller
   * that arrives meanwhile.
   */
  catchUp(): Promise<void> {
    if (!this.running) return this.pass();
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.pass();
      });
    return this.queued;
  }

  private pass(): Promise<void> {
    const running = this.projectAll().finally(() => {
      this.running = null;
    });
    this.running = running;
    return running;
  }

  private async projectAll(): Promise<void> {
    for (const collection of COLLECTIONS) await this.project(collection);
  }

  private async project(collection: CollectionName): Promise<void> {
    const checkpointId = `projection-${collection}`;
    const stored = await this.store.get('audit', checkpointId);
    const persisted = isProjectionCheckpoint(stored) ? stored : null;
    let seq = this.seqs.get(collection) ?? persisted?.seq ?? '0';
    let rev = persisted?._rev;
    for (;;) {
      const page = await this.store.changes(collection, {
        since: seq,
        limit: PROJECTION_PAGE,
        includeDocs: true,
      });
      const entries = page.results.flatMap((row) =>
        (row.doc?.serverMeta?.writes ?? []).map((write) => entryOfWrite(collection, row.id, write)),
      );
      await this.addMissing(entries);
      const next = String(page.last_seq);
      if (next === seq) return;
      seq = next;
      this.seqs.set(collection, seq);
      const written = await this.store.put('audit', {
        _id: checkpointId,
        ...(rev ? { _rev: rev } : {}),
        seq,
      });
      // Another instance moved it meanwhile: ours is as good, and the next pass reads theirs.
      rev = written.ok ? written.rev : (await this.store.get('audit', checkpointId))?._rev;
      if (page.results.length < PROJECTION_PAGE) return;
    }
  }

  /** Writes the entries the log does not hold yet (a replay finds most of them there). */
  private async addMissing(entries: readonly (StoredDoc & AuditEntry)[]): Promise<void> {
    if (entries.length === 0) return;
    const existing = await this.store.getMany(
      'audit',
      entries.map((entry) => entry._id),
    );
    const missing = entries.filter((entry) => !existing.has(entry._id));
    // Without `_rev`, an entry another instance added meanwhile is a per-document conflict: fine.
    if (missing.length > 0) await this.store.db('audit').bulk({ docs: missing });
  }
}

/** What the audit log can be filtered by (every field optional but the limit). */
export interface AuditFilter {
  readonly userId?: string;
  readonly docId?: string;
  readonly collection?: string;
  readonly outcome?: AuditEntry['outcome'];
  /** From this time on (ms), inclusive. */
  readonly since?: number;
  /** Before this time (ms), exclusive. */
  readonly until?: number;
  readonly limit: number;
}

/** The audit log, newest first, filtered by person, document, collection, outcome and time. */
export async function queryAudit(store: CouchStore, filter: AuditFilter): Promise<AuditEntry[]> {
  const at: FieldCondition = {
    $gte: filter.since ?? 0,
    ...(filter.until === undefined ? {} : { $lt: filter.until }),
  };
  const selector: Record<string, FieldCondition> = { at };
  if (filter.userId) selector['userId'] = filter.userId;
  if (filter.docId) selector['docId'] = filter.docId;
  if (filter.collection) selector['collection'] = filter.collection;
  if (filter.outcome) selector['outcome'] = filter.outcome;
  const docs = await store.find('audit', {
    selector,
    sort: [{ at: 'desc' }],
    limit: filter.limit,
    use_index: 'by-time',
  });
  return docs
    .filter(isAuditEntry)
    .map(({ _id: _ignoredId, _rev: _ignoredRev, serverMeta: _ignoredMeta, ...entry }) => entry);
}

const CSV_COLUMNS = ['at', 'userId', 'collection', 'docId', 'outcome', 'action', 'code', 'reason'] as const;

function csvField(value: string): string {
  // Quoted when needed; a leading =, +, - or @ is escaped so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The entries as CSV (RFC 4180), times as ISO-8601 UTC, with a header line. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = entries.map((entry) =>
    CSV_COLUMNS.map((column) =>
      csvField(column === 'at' ? new Date(entry.at).toISOString() : String(entry[column] ?? '')),
    ).join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}
