/**
 * Writes that stay correct on a CouchDB cluster. A write answered 202 reached fewer copies than the
 * quorum, and a second writer going through another node may have "won" the same revision too,
 * leaving two leaves. After a 202 the writer reads the document's leaves and settles them by the
 * winner the store itself shows, which CouchDB (and PouchDB) pick by one deterministic rule (live
 * before deleted, then the highest revision position, then the highest revision id), so every
 * instance that looks agrees: the losing leaves are deleted, and a writer whose leaf lost is
 * answered `{ ok: false }`, as for a 409.
 *
 * A winner confirms its leaf with one more revision of the same body before it answers: a sibling
 * created later from the same parent (a slow node) is then one position behind and loses by the
 * same rule, instead of out-ranking a write that was already answered as accepted.
 */
import { docPath, isRecord, unexpectedAnswer, type CouchHttp, type StoreAnswer } from './couch-http';

/** A document as the checked writes take it (CouchDB's `_id`, `_rev`, `_deleted`). */
export type WritableDoc = Record<string, unknown> & { _id: string; _rev?: string };

/** The outcome of one document's write: its revision, or a lost race. */
export type WriteOutcome = { ok: true; rev: string } | { ok: false };

/** How many read-and-settle rounds a write gets before it gives up as a conflict. */
const MAX_SETTLE_ROUNDS = 6;

/** PUT of one document; after a 202 its outcome is checked and settled. */
export async function putChecked(http: CouchHttp, db: string, doc: WritableDoc): Promise<WriteOutcome> {
  const answer = await http.request({ method: 'PUT', path: docPath(db, doc._id), body: doc });
  if (answer.status === 409) return { ok: false };
  const rev = acceptedRev(answer);
  if (answer.status === 202 && rev) return settle(http, db, doc, rev);
  if ((answer.status === 201 || answer.status === 200) && rev) return { ok: true, rev };
  throw unexpectedAnswer(`Writing ${db}/${doc._id}`, answer);
}

/**
 * `_bulk_docs` of several documents; one outcome per document, in order. After a 202 every
 * accepted document is checked and settled.
 */
export async function putManyChecked(
  http: CouchHttp,
  db: string,
  docs: readonly WritableDoc[],
): Promise<WriteOutcome[]> {
  if (docs.length === 0) return [];
  const answer = await http.request({
    method: 'POST',
    path: `${encodeURIComponent(db)}/_bulk_docs`,
    body: { docs },
  });
  if ((answer.status !== 201 && answer.status !== 202) || !Array.isArray(answer.body)) {
    throw unexpectedAnswer(`Writing ${docs.length} documents to ${db}`, answer);
  }
  const rows: unknown[] = answer.body;
  return Promise.all(
    docs.map(async (doc, index): Promise<WriteOutcome> => {
      const row = rows[index];
      const result = isRecord(row) ? row : {};
      const rev = typeof result['rev'] === 'string' && result['error'] === undefined ? result['rev'] : null;
      if (rev) return answer.status === 202 ? settle(http, db, doc, rev) : { ok: true, rev };
      if (result['error'] === 'conflict') return { ok: false };
      const error = typeof result['error'] === 'string' ? result['error'] : 'error';
      const reason = typeof result['reason'] === 'string' ? result['reason'] : '';
      throw new Error(`The store refused ${doc._id}: ${error} ${reason}`.trim());
    }),
  );
}

function acceptedRev(answer: StoreAnswer): string | null {
  return isRecord(answer.body) && typeof answer.body['rev'] === 'string' ? answer.body['rev'] : null;
}

/** What a read with `conflicts=true&revs=true` tells about a document's leaves. */
interface LeafView {
  /** The winning revision; null when no live leaf is left (the document is deleted). */
  readonly winner: string | null;
  /** Revisions the winner descends from (itself included). */
  readonly ancestry: ReadonlySet<string>;
  /** The other live leaves. */
  readonly conflicts: readonly string[];
}

async function readLeaves(http: CouchHttp, db: string, id: string): Promise<LeafView> {
  const answer = await http.request({
    method: 'GET',
    path: docPath(db, id),
    qs: { conflicts: 'true', revs: 'true' },
  });
  if (answer.status === 404) return { winner: null, ancestry: new Set(), conflicts: [] };
  if (answer.status !== 200 || !isRecord(answer.body) || typeof answer.body['_rev'] !== 'string') {
    throw unexpectedAnswer(`Checking ${db}/${id}`, answer);
  }
  const winner = answer.body['_rev'];
  const ancestry = new Set([winner]);
  const revisions = answer.body['_revisions'];
  if (isRecord(revisions) && typeof revisions['start'] === 'number' && Array.isArray(revisions['ids'])) {
    const start = revisions['start'];
    revisions['ids'].forEach((hash, index) => {
      if (typeof hash === 'string') ancestry.add(`${start - index}-${hash}`);
    });
  }
  const conflicts = Array.isArray(answer.body['_conflicts'])
    ? answer.body['_conflicts'].filter((rev): rev is string => typeof rev === 'string')
    : [];
  return { winner, ancestry, conflicts };
}

/** Deletes leaves that lost; false when one of them changed meanwhile (another writer acted). */
async function deleteLeaves(
  http: CouchHttp,
  db: string,
  id: string,
  revs: readonly string[],
): Promise<boolean> {
  if (revs.length === 0) return true;
  const answer = await http.request({
    method: 'POST',
    path: `${encodeURIComponent(db)}/_bulk_docs`,
    body: { docs: revs.map((rev) => ({ _id: id, _rev: rev, _deleted: true })) },
  });
  if ((answer.status !== 201 && answer.status !== 202) || !Array.isArray(answer.body)) {
    throw unexpectedAnswer(`Settling ${db}/${id}`, answer);
  }
  return answer.body.every((row) => isRecord(row) && row['error'] === undefined);
}

/**
 * Settles a write that was answered 202 with revision `rev`: reads the leaves until the outcome is
 * known. The winner deletes the other leaves and confirms its own (one more revision); a loser
 * deletes its leaf. Any change seen meanwhile (a 409 while settling) means another writer is
 * settling too: read again.
 */
async function settle(http: CouchHttp, db: string, doc: WritableDoc, rev: string): Promise<WriteOutcome> {
  const isDeletion = doc['_deleted'] === true;
  let ours = rev;
  let isConfirmed = false;
  for (let round = 0; round < MAX_SETTLE_ROUNDS; round += 1) {
    const view = await readLeaves(http, db, doc._id);
    // No live leaf: a deletion stands; a live write was deleted as a loser.
    if (view.winner === null) return isDeletion ? { ok: true, rev: ours } : { ok: false };
    if (!(await deleteLeaves(http, db, doc._id, view.conflicts))) continue;
    if (view.winner !== ours) {
      // Our write is in the winner's history (it was built on, or confirmed): it stands.
      return view.ancestry.has(ours) && !isDeletion ? { ok: true, rev: ours } : { ok: false };
    }
    if (isConfirmed) return { ok: true, rev: ours };
    const confirm = await http.request({
      method: 'PUT',
      path: docPath(db, doc._id),
      body: { ...doc, _rev: ours },
    });
    const confirmedRev = acceptedRev(confirm);
    if (confirm.status === 409) continue;
    if (!confirmedRev || (confirm.status !== 201 && confirm.status !== 202 && confirm.status !== 200)) {
      throw unexpectedAnswer(`Confirming ${db}/${doc._id}`, confirm);
    }
    if (confirm.status !== 202) return { ok: true, rev: confirmedRev };
    ours = confirmedRev;
    isConfirmed = true;
  }
  // Still contested after every round: withdraw our leaf, so it cannot win later, and report a conflict.
  await deleteLeaves(http, db, doc._id, [ours]).catch(() => false);
  return { ok: false };
}
