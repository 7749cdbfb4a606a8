import { randomUUID } from 'node:crypto';
import nano, { type DocumentScope, type MangoQuery, type ServerScope } from 'nano';
import { COLLECTIONS, type CollectionName } from '#shared/domain/collections';
import { putChecked, putManyChecked } from './checked-write';
import { couchHttpFor, type CouchHttp } from './couch-http';
import { ensureDatabase, ensureIndex } from './ensure-database';

/** Server-only databases beside the replicated collections. */
export const SERVER_DATABASES = [
  'credentials',
  'sessions',
  'audit',
  'scopes',
  'reservations',
  // The platform store's registry of organisations (empty in an organisation's own store).
  'organisations',
] as const;
/** A server-only database. */
export type ServerDatabase = (typeof SERVER_DATABASES)[number];
/** Any database of the server, replicated or not. */
export type DatabaseKey = CollectionName | ServerDatabase;

/** One accepted write of a document, as its audit log entry will say. */
export interface WriteRecord {
  /** Unique per write: the audit entry's id is derived from it, so projecting it twice adds it once. */
  readonly id: string;
  readonly at: number;
  readonly userId: string;
  readonly action: 'create' | 'update' | 'delete' | 'erase' | 'admin';
}

/** Fields the server keeps on a stored document and never sends (CouchDB forbids top-level `_` names). */
export interface ServerMeta {
  /** The document is a tombstone (its body holds neutral values only). */
  deleted?: boolean;
  /** Normalized email (users, candidates). */
  emailKey?: string;
  /** The last accepted writes, oldest first (bounded): the audit log is derived from them. */
  writes?: WriteRecord[];
  /** When the server first stored the document (ms); absent for documents loaded in bulk. */
  firstStoredAt?: number;
}

/** A document as CouchDB holds it. */
export type StoredDoc = Record<string, unknown> & { _id: string; _rev?: string; serverMeta?: ServerMeta };

/** One row of a normal `_changes` feed read with `include_docs=true`. */
export interface ChangeRow {
  id: string;
  seq: string | number;
  deleted?: boolean;
  doc?: StoredDoc;
}

/** The answer of `POST /{db}/_bulk_get`: per id, its document or an error. */
interface BulkGetResponse {
  results: { id: string; docs: { ok?: StoredDoc; error?: { error: string } }[] }[];
}

/** A page of a normal `_changes` feed. */
export interface ChangesPage {
  results: ChangeRow[];
  last_seq: string | number;
}

/** The document of the `scopes` database holding the store's identity. */
const STORE_IDENTITY_ID = 'store-identity';

/** Mango indexes created on start, per database. */
const INDEXES: Partial<Record<DatabaseKey, readonly { name: string; fields: string[] }[]>> = {
  users: [{ name: 'by-email', fields: ['serverMeta.emailKey'] }],
  candidates: [{ name: 'by-email', fields: ['serverMeta.emailKey'] }],
  applications: [{ name: 'by-candidate', fields: ['candidateId'] }],
  interviews: [{ name: 'by-candidate', fields: ['candidateId'] }],
  messages: [
    { name: 'by-candidate', fields: ['candidateId'] },
    { name: 'by-status', fields: ['status'] },
  ],
  comments: [{ name: 'by-candidate', fields: ['candidateId'] }],
  sessions: [{ name: 'by-user', fields: ['userId'] }],
  audit: [{ name: 'by-time', fields: ['at'] }],
};

/**
 * JavaScript views, for lookups Mango cannot index (array elements). Views are plain CouchDB, and the
 * embedded store evaluates them too. The map functions skip tombstones.
 */
const DESIGN_DOCS: Partial<Record<DatabaseKey, { name: string; views: Record<string, { map: string }> }>> = {
  interviews: {
    name: 'scope',
    views: {
      'by-interviewer': {
        map: [
          'function (doc) {',
          '  if ((doc.serverMeta && doc.serverMeta.deleted) || !Array.isArray(doc.interviewerIds)) return;',
          '  for (var i = 0; i < doc.interviewerIds.length; i++) {',
          '    emit(doc.interviewerIds[i], [doc.applicationId, doc.jobId, doc.candidateId]);',
          '  }',
          '}',
        ].join('\n'),
      },
    },
  },
};

/** One row of a view. */
export interface ViewRow {
  id: string;
  key: unknown;
  value: unknown;
}

/** Whether an error is the store's answer (nano's or ours), as opposed to a fault of this process. */
export function isStoreError(error: unknown): boolean {
  return error instanceof Error && (error as { scope?: unknown }).scope === 'couch';
}

/**
 * Whether nano failed because the store did not answer or failed on its side (not our request): no
 * answer, a 5xx, or a database it cannot open (`no_db_file`: the embedded store out of file handles).
 */
export function isStoreUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.message.startsWith('error happened in your connection')) return true;
  if (!isStoreError(error)) return false;
  const status = statusOf(error);
  return status === undefined || status >= 500 || (error as { reason?: unknown }).reason === 'no_db_file';
}

/** A field's expected value, or a range over it. */
export type FieldCondition =
  string | number | boolean | null | { $gte?: number; $gt?: number; $lte?: number; $lt?: number };

/** The Mango queries the server makes: equality and ranges on (dotted) field paths. */
export type StoreQuery = Omit<MangoQuery, 'selector'> & {
  selector: Record<string, FieldCondition>;
  limit: number;
};

function fieldAt(doc: Readonly<Record<string, unknown>>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined,
      doc,
    );
}

/** Whether `doc` satisfies `selector`, as CouchDB would judge it. */
export function matchesSelector(
  doc: Readonly<Record<string, unknown>>,
  selector: Readonly<Record<string, FieldCondition>>,
): boolean {
  return Object.entries(selector).every(([path, condition]) => {
    const value = fieldAt(doc, path);
    if (condition === null || typeof condition !== 'object') return value === condition;
    if (typeof value !== 'number') return false;
    return (
      (condition.$gte === undefined || value >= condition.$gte) &&
      (condition.$gt === undefined || value > condition.$gt) &&
      (condition.$lte === undefined || value <= condition.$lte) &&
      (condition.$lt === undefined || value < condition.$lt)
    );
  });
}

/** Status code of an error thrown by nano, if any. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * The one gateway to CouchDB (real, or the embedded CouchDB-compatible store), through nano.
 * Database names are `<prefix><key>`, so tests can use fresh databases on one store.
 */
export class CouchStore {
  readonly server: ServerScope;
  /** The same store without nano, for answers whose status matters (202 writes, feeds). */
  readonly http: CouchHttp;
  private readonly scopes = new Map<DatabaseKey, DocumentScope<StoredDoc>>();
  private identityOnce: Promise<string> | null = null;

  constructor(
    readonly url: string,
    readonly prefix = 'shortlist_',
  ) {
    // nano asks for gzip; the embedded store then compresses every answer (CPU on both sides of a
    // local socket). CouchDB itself never compresses answers, so identity costs nothing there.
    this.server = nano({ url, headers: { 'Accept-Encoding': 'identity' } });
    this.http = couchHttpFor(url);
  }

  name(key: DatabaseKey): string {
    return `${this.prefix}${key}`;
  }

  db(key: DatabaseKey): DocumentScope<StoredDoc> {
    let scope = this.scopes.get(key);
    if (!scope) {
      scope = this.server.use<StoredDoc>(this.name(key));
      this.scopes.set(key, scope);
    }
    return scope;
  }

  /**
   * Creates every database, index and design document if missing; safe to run on every start and
   * from any number of instances at once (see `ensure-database.ts`).
   */
  async ensureSchema(): Promise<void> {
    for (const key of [...COLLECTIONS, ...SERVER_DATABASES]) {
      await ensureDatabase(this.http, this.name(key));
      for (const index of INDEXES[key] ?? []) await ensureIndex(this.http, this.name(key), index);
      const design = DESIGN_DOCS[key];
      if (design) await this.ensureDesignDoc(key, design.name, design.views);
    }
  }

  /** Writes a design document unless the same one is there; a lost race is re-read and judged again. */
  private async ensureDesignDoc(
    key: DatabaseKey,
    name: string,
    views: Record<string, { map: string }>,
  ): Promise<void> {
    const id = `_design/${name}`;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      let existing: StoredDoc | null = null;
      try {
        existing = await this.db(key).get(id);
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
      if (existing && JSON.stringify(existing['views']) === JSON.stringify(views)) return;
      const written = await this.put(key, {
        _id: id,
        ...(existing?._rev ? { _rev: existing._rev } : {}),
        language: 'javascript',
        views,
      });
      if (written.ok) return;
    }
    throw new Error(`The design document ${this.name(key)}/${id} kept changing while it was written.`);
  }

  /**
   * Brings a view's index up to date with the database without reading rows (a view is indexed when
   * it is asked, so the first reader after many writes otherwise waits for the whole indexing).
   */
  async refreshView(key: DatabaseKey, design: string, view: string): Promise<void> {
    await this.db(key).view(design, view, { limit: 0 });
  }

  /** The rows of a view for one key. */
  async viewByKey(key: DatabaseKey, design: string, view: string, viewKey: string): Promise<ViewRow[]> {
    const response = await this.db(key).view(design, view, { key: viewKey });
    return response.rows.map((row) => ({ id: row.id, key: row.key, value: row.value }));
  }

  /**
   * This store's identity: a random id written once into its `scopes` database. Pull checkpoints are
   * bound to it, so a laptop's checkpoint from another store (a move to CouchDB, a restore) is not
   * taken for one of this store's.
   */
  identity(): Promise<string> {
    this.identityOnce ??= this.readOrCreateIdentity().catch((error: unknown) => {
      this.identityOnce = null;
      throw error;
    });
    return this.identityOnce;
  }

  private async readOrCreateIdentity(): Promise<string> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const stored = (await this.get('scopes', STORE_IDENTITY_ID))?.['identity'];
      if (typeof stored === 'string') return stored;
      // Another instance may write it first: the loop then reads theirs.
      await this.put('scopes', { _id: STORE_IDENTITY_ID, identity: randomUUID() });
    }
    throw new Error('The store identity could not be read.');
  }

  /**
   * Removes the bodies of every non-current revision of a database for real (compaction), and waits
   * until it is done (CouchDB compacts in the background; the embedded store answers when done).
   * After it, `GET doc?rev=<old>` finds nothing: what erasure replaced is gone from the store.
   */
  async compact(key: string, timeoutMs = 60_000): Promise<void> {
    // Databases other areas own (`files`, `outbox`) follow the same naming.
    const db = isDatabaseKey(key) ? this.name(key) : `${this.prefix}${key}`;
    await this.server.request({ db, path: '_compact', method: 'POST', body: {} });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const info = (await this.server.request({ db, method: 'GET' })) as { compact_running?: boolean };
      if (info.compact_running !== true) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`Compaction of ${db} did not finish within ${timeoutMs} ms.`);
  }

  /** The revisions of `id` that lost a conflict (CouchDB keeps them as hidden leaves). */
  async conflictingRevs(key: DatabaseKey, id: string): Promise<string[]> {
    if (!isStorableId(id)) return [];
    try {
      const doc = await this.db(key).get(id, { conflicts: true });
      const conflicts = doc['_conflicts'];
      return Array.isArray(conflicts)
        ? conflicts.filter((rev): rev is string => typeof rev === 'string')
        : [];
    } catch (error) {
      if (statusOf(error) === 404) return [];
      throw error;
    }
  }

  /**
   * How many live documents the database holds, design documents left out: the store's own count
   * (`doc_count`) less the few design documents (one short range read). No scan.
   */
  async documentCount(key: DatabaseKey): Promise<number> {
    const db = this.name(key);
    const [info, designs] = await Promise.all([
      this.server.request({ db, method: 'GET' }) as Promise<{ doc_count?: unknown }>,
      this.server.request({
        db,
        path: '_all_docs',
        // nano JSON-encodes key parameters itself.
        qs: { startkey: '_design/', endkey: '_design0' },
      }) as Promise<{ rows?: unknown[] }>,
    ]);
    const count = typeof info.doc_count === 'number' ? info.doc_count : 0;
    return Math.max(0, count - (designs.rows?.length ?? 0));
  }

  /** Whether the store answers. */
  async ping(): Promise<boolean> {
    try {
      await this.server.db.get(this.name('users'));
      return true;
    } catch {
      return false;
    }
  }

  /** The stored document, or null if there is none. */
  async get(key: DatabaseKey, id: string): Promise<StoredDoc | null> {
    if (!isStorableId(id)) return null;
    try {
      return await this.db(key).get(id);
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }

  /**
   * Writes `doc` (with the `_rev` it was read at, if any). A lost race comes back as `conflict`,
   * never as an overwrite, also on a cluster: a 202 is checked and settled (`checked-write.ts`).
   */
  put(key: DatabaseKey, doc: StoredDoc): Promise<{ ok: true; rev: string } | { ok: false }> {
    return putChecked(this.http, this.name(key), doc);
  }

  /** Deletes revision `rev` of `id`; a lost race (another revision is current) answers `{ ok: false }`. */
  async remove(key: DatabaseKey, id: string, rev: string): Promise<{ ok: boolean }> {
    try {
      await this.db(key).destroy(id, rev);
      return { ok: true };
    } catch (error) {
      if (statusOf(error) === 409 || statusOf(error) === 404) return { ok: false };
      throw error;
    }
  }

  /**
   * Writes `docs` in one `_bulk_docs` request, each with the `_rev` it was read at. The result has one
   * entry per document, in order: a lost race is `{ ok: false }`, never an overwrite (a 202 is
   * checked and settled per document, as for `put`).
   */
  putMany(
    key: DatabaseKey,
    docs: readonly StoredDoc[],
  ): Promise<({ ok: true; rev: string } | { ok: false })[]> {
    return putManyChecked(this.http, this.name(key), docs);
  }

  /**
   * The stored documents with these ids (missing and deleted ones are absent from the map), in one
   * `_bulk_get` (CouchDB 2+; several times faster than `_all_docs?keys` on the embedded store).
   */
  async getMany(key: DatabaseKey, ids: readonly string[]): Promise<Map<string, StoredDoc>> {
    const found = new Map<string, StoredDoc>();
    const storable = [...new Set(ids.filter(isStorableId))];
    if (storable.length === 0) return found;
    const response = (await this.server.request({
      db: this.name(key),
      path: '_bulk_get',
      method: 'POST',
      body: { docs: storable.map((id) => ({ id })) },
    })) as BulkGetResponse;
    for (const result of response.results) {
      const doc = result.docs.find((entry) => entry.ok)?.ok;
      if (doc && doc['_deleted'] !== true) found.set(result.id, doc);
    }
    return found;
  }

  /** A Mango query; `limit` is always explicit (CouchDB's default is 25). */
  async find(key: DatabaseKey, query: StoreQuery): Promise<StoredDoc[]> {
    const response = await this.db(key).find(query);
    // Indexes may lag behind the documents (seen on the embedded store): check what they return.
    return response.docs.filter((doc) => matchesSelector(doc, query.selector));
  }

  /** Every non-design document of a database, in pages. */
  async *all(key: DatabaseKey, pageSize = 1_000): AsyncGenerator<StoredDoc> {
    let startkey: string | undefined;
    for (;;) {
      const page = await this.db(key).list({
        include_docs: true,
        limit: pageSize + 1,
        ...(startkey === undefined ? {} : { startkey }),
      });
      const rows = page.rows.slice(0, pageSize);
      for (const row of rows) {
        if (row.id.startsWith('_design/') || !row.doc) continue;
        yield row.doc;
      }
      const next = page.rows[pageSize];
      if (!next) return;
      startkey = next.id;
    }
  }

  /**
   * A page of the `_changes` feed. Only options real CouchDB supports are used, and no filters
   * (the embedded store crashes on `_selector` and on missing filter design docs).
   */
  async changes(
    key: DatabaseKey,
    params: { since: string; limit?: number; includeDocs?: boolean; feed?: 'normal' | 'longpoll' },
    signal?: AbortSignal,
  ): Promise<ChangesPage> {
    const qs: Record<string, string> = { since: params.since, feed: params.feed ?? 'normal' };
    if (params.limit !== undefined) qs['limit'] = String(params.limit);
    if (params.includeDocs) qs['include_docs'] = 'true';
    if (params.feed === 'longpoll') qs['timeout'] = '60000';
    const options = { db: this.name(key), path: '_changes', qs, signal };
    try {
      return (await this.server.request(options)) as ChangesPage;
    } catch (error) {
      // CouchDB validates `since` and answers 400 to one it did not issue (another store's, forged).
      if (statusOf(error) === 400) throw new UnknownSequenceError(key, params.since, error);
      throw error;
    }
  }
}

/**
 * The store does not know the sequence a `_changes` read started from (it answered 400): a checkpoint
 * from another store (the embedded store's integers after a move to CouchDB), or a forged one. The
 * reader must start again from a sequence the store issued.
 */
export class UnknownSequenceError extends Error {
  override readonly name = 'UnknownSequenceError';

  constructor(
    readonly database: DatabaseKey,
    readonly since: string,
    cause: unknown,
  ) {
    super(`The store does not know the sequence ${JSON.stringify(since.slice(0, 80))} of ${database}.`, {
      cause,
    });
  }
}

function isDatabaseKey(key: string): key is DatabaseKey {
  return ([...COLLECTIONS, ...SERVER_DATABASES] as readonly string[]).includes(key);
}

/**
 * Ids the server stores: URL-safe (so no `..` or `/` can turn a document URL into another one) and
 * not starting with `_`, which CouchDB reserves.
 */
export function isStorableId(id: string): boolean {
  return /^[A-Za-z0-9-][A-Za-z0-9_-]{0,199}$/.test(id);
}
