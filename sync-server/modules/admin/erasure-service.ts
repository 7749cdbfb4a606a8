import { deliveryId } from '../../services/deliveries';
import type { Application } from '#shared/domain/application/application-schema';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import { normalizeEmail } from '#shared/domain/common/schema-helpers';
import { toIso } from '#shared/domain/common/time';
import type { Interview } from '#shared/domain/interview/interview-schema';
import type { Message } from '#shared/domain/message/message-schema';
import { readsEverything } from '#shared/domain/decide/read-rules';
import type { User } from '#shared/domain/user/user-schema';
import { eraseResumeFiles, FILES_DATABASE } from '../../services/resume-service';
import { eraseNotificationsAbout } from '../../services/outbox-erasure';
import { OUTBOX_DATABASE } from '../../services/outbox-database';
import type { CouchStore, StoredDoc, WriteRecord } from '../../infra/couch-store';
import { contentOf, isTombstone, liveContentOf, toStored } from '../../infra/stored-document';
import { release, reservationOwner } from '../../services/reservations';
import { isSessionDoc, revokeUserSessions } from '../../services/session-service';
import { fail, succeed, type Outcome } from '../../services/outcome';
import { randomId } from '../../services/tokens';
import { findAccountByEmail, type DeploymentClaim } from '../../services/user-service';

/** Where erasure looks beyond the store: the folder of mail files, if mail is written to files. */
export interface ErasureOptions {
  readonly mailDirectory: string | null;
  /** The deployment-wide reservation of account emails, released with the portal account's address. */
  readonly deployment?: DeploymentClaim;
}

/** What an erasure removed, for the admin who asked for it. */
export interface ErasureReport {
  readonly applications: number;
  readonly interviews: number;
  /** Outbox messages to or about the candidate that were blanked. */
  readonly messages: number;
  /** Messages on the candidate's page (what the team sent or meant to send them) that were blanked. */
  readonly candidateMessages: number;
  /** Mail files naming the candidate that were deleted. */
  readonly mailFiles: number;
  /** Whether a portal account of the candidate was anonymised. */
  readonly portalAccount: boolean;
  readonly receipt: ErasureReceipt;
}

/** Which signed-in devices have pulled the erased version since (SPEC §5: erasure reaches every laptop). */
export interface ErasureReceipt {
  readonly candidateId: string;
  readonly erasedAt: number;
  readonly devices: {
    readonly sessionId: string;
    readonly userId: string;
    readonly userName: string;
    readonly role: string;
    /** The last time this device's candidates were up to date with the server, if known. */
    readonly lastCaughtUpAt: number | null;
    readonly hasErasure: boolean;
  }[];
}

/** The record of an erasure, in the audit database (not an audit entry: no `at`/`userId`). */
interface ErasureRecord extends StoredDoc {
  readonly kind: 'erasure';
  readonly candidateId: string;
  readonly erasedAt: number;
  readonly erasedBy: string;
  /** Interviewers whose laptops held the candidate when it was erased. */
  readonly interviewerIds: readonly string[];
}

function erasureRecordId(candidateId: string): string {
  return `erasure-${candidateId}`;
}

/** The databases erasure rewrites; compacted afterwards so the replaced revisions are gone. */
const COMPACTED = [
  'candidates',
  'messages',
  'applications',
  'interviews',
  'comments',
  'users',
  'credentials',
  FILES_DATABASE,
  OUTBOX_DATABASE,
];

/**
 * GDPR erasure (SPEC §5), leaving nothing of the person behind: the candidate's personal fields are
 * replaced by placeholders and marked `erasedAt` (a deleted candidate can be erased too); their
 * applications keep only anonymous stage history (no notes, rejection note or offer), their
 * interviews' scorecard notes are blanked, and the messages on their page lose their words and
 * address (one still queued is cancelled); their portal account is anonymised and signed out; every
 * outbox message to or about them (to anyone) is blanked and its mail file deleted; their résumé and
 * email reservation are deleted; then the databases are compacted, so no earlier revision keeps
 * what was replaced. Every write is marked as an erasure, so no message is derived from it.
 * Replication then carries the erased versions to every laptop; the receipt tells which have them.
 */
export async function eraseCandidate(
  store: CouchStore,
  candidateId: string,
  adminId: string,
  now: number,
  options: ErasureOptions,
): Promise<Outcome<ErasureReport>> {
  const stored = await store.get('candidates', candidateId);
  if (!stored) return fail('not_found', 'not_found', 'No such candidate.');
  const person = await personOf(store, stored);
  const record: WriteRecord = { id: randomId('w', 9), at: now, userId: adminId, action: 'erase' };

  const [applications, interviews, messages, comments] = await Promise.all([
    store.find('applications', { selector: { candidateId }, limit: 100_000 }),
    store.find('interviews', { selector: { candidateId }, limit: 100_000 }),
    store.find('messages', { selector: { candidateId }, limit: 100_000 }),
    store.find('comments', { selector: { candidateId }, limit: 100_000 }),
  ]);
  // Messages go first, while the person's address and name are still known.
  const sources = [...applications, ...interviews, ...messages, ...comments].map((doc) => doc._id);
  const scrubbed = await eraseNotificationsAbout(
    store,
    { ...person, sourceIds: sources },
    options.mailDirectory,
  );
  // A candidate deleted earlier stays deleted (its tombstone neutral); a live one keeps its place, erased.
  const wasDeleted = isTombstone(stored);
  const written = await store.put(
    'candidates',
    toStored('candidates', wasDeleted ? contentOf('candidates', stored) : erasedCandidate(stored, now), {
      previous: stored,
      deleted: wasDeleted,
      write: record,
    }),
  );
  if (!written.ok)
    return fail('conflict', 'conflict', 'The candidate was changed at the same moment; try again.');
  await removeConflictLeaves(store, 'candidates', candidateId);

  const applicationCount = await rewriteAll(store, 'applications', applications, record, (doc) =>
    anonymousApplication(doc, now),
  );
  const messageCount = await rewriteAll(store, 'messages', messages, record, (doc) =>
    erasedMessage(doc, now),
  );
  const interviewCount = await rewriteAll(store, 'interviews', interviews, record, (doc) =>
    blankedInterview(doc, now),
  );
  // The team's comments on the person are about them: they go, as tombstones with neutral values.
  await rewriteAll(
    store,
    'comments',
    comments,
    record,
    (doc) => ({ ...contentOf('comments', doc), updatedAt: now }),
    'delete',
  );
  const portalAccount = person.email
    ? await anonymiseAccount(store, person.email, now, record, options.deployment)
    : false;
  if (person.email) await release(store, 'candidate-email', person.email, candidateId);
  await eraseResumeFiles(store, candidateId);

  const interviewerIds = [
    ...new Set(interviews.flatMap((doc) => liveContentOf('interviews', doc)?.interviewerIds ?? [])),
  ];
  const erasure: ErasureRecord = {
    _id: erasureRecordId(candidateId),
    kind: 'erasure',
    candidateId,
    erasedAt: now,
    erasedBy: adminId,
    interviewerIds,
  };
  const previousRecord = await store.get('audit', erasure._id);
  await store.put('audit', { ...erasure, ...(previousRecord?._rev ? { _rev: previousRecord._rev } : {}) });
  for (const database of COMPACTED) await store.compact(database);

  return succeed({
    applications: applicationCount,
    interviews: interviewCount,
    messages: scrubbed.messages,
    candidateMessages: messageCount,
    mailFiles: scrubbed.files,
    portalAccount,
    receipt: await receiptOf(store, erasure),
  });
}

/** How often erasure re-reads a document that changed under it (e.g. the change capture marking a message). */
const ERASURE_ATTEMPTS = 5;

/**
 * Rewrites each of `docs` as `erase` says (and deletes it, with `'delete'`), leaving no conflict leaf
 * behind; answers how many were written. A document that changed since it was read (another writer,
 * the change capture, a comment edited at that moment) is read again and erased in its new version:
 * an erasure never leaves a version it lost a race with.
 */
async function rewriteAll(
  store: CouchStore,
  collection: 'applications' | 'interviews' | 'messages' | 'comments',
  docs: readonly StoredDoc[],
  record: WriteRecord,
  erase: (doc: StoredDoc) => Readonly<Record<string, unknown>>,
  mode: 'keep' | 'delete' = 'keep',
): Promise<number> {
  let written = 0;
  for (const doc of docs) {
    let current: StoredDoc | null = doc;
    for (let attempt = 0; current && attempt < ERASURE_ATTEMPTS; attempt += 1) {
      const deleted = mode === 'delete' || isTombstone(current);
      const options = { previous: current, deleted, write: record };
      if ((await store.put(collection, toStored(collection, erase(current), options))).ok) {
        written += 1;
        break;
      }
      current = await store.get(collection, doc._id);
    }
    await removeConflictLeaves(store, collection, doc._id);
  }
  return written;
}

/** The name and email of the person a stored candidate is (or was, for one deleted earlier). */
async function personOf(
  store: CouchStore,
  stored: StoredDoc,
): Promise<{ email: string | null; names: string[] }> {
  const body = isTombstone(stored) ? await lastLiveRevision(store, stored) : stored;
  const email =
    typeof body?.['email'] === 'string' && !body['erasedAt'] ? normalizeEmail(body['email']) : null;
  const first = typeof body?.['firstName'] === 'string' ? body['firstName'] : '';
  const last = typeof body?.['lastName'] === 'string' ? body['lastName'] : '';
  const fullName = `${first} ${last}`.trim();
  return { email, names: fullName.length > 3 && !body?.['erasedAt'] ? [fullName] : [] };
}

/**
 * The newest earlier revision of a deleted candidate that still has its content (deletions store
 * neutral values; the revision before holds who it was, until compaction removes it).
 */
async function lastLiveRevision(store: CouchStore, stored: StoredDoc): Promise<StoredDoc | null> {
  const withRevs = await store.db('candidates').get(stored._id, { revs_info: true });
  const revsInfo = withRevs['_revs_info'];
  for (const info of Array.isArray(revsInfo) ? revsInfo : []) {
    const { rev, status } = info as { rev?: unknown; status?: unknown };
    if (status !== 'available' || typeof rev !== 'string' || rev === stored._rev) continue;
    const earlier = await store.db('candidates').get(stored._id, { rev });
    if (!isTombstone(earlier)) return earlier;
  }
  return null;
}

function erasedCandidate(stored: StoredDoc, now: number): Candidate {
  const candidate = contentOf('candidates', stored);
  return {
    id: candidate.id,
    updatedAt: now,
    firstName: 'Erased',
    lastName: 'Candidate',
    email: `erased-${candidate.id.toLowerCase()}@erased.invalid`,
    skills: [],
    source: candidate.source,
    tags: [],
    erasedAt: toIso(now),
    createdBy: candidate.createdBy,
    createdAt: candidate.createdAt,
  };
}

function anonymousApplication(doc: StoredDoc, now: number): Application {
  const { offer: _offer, rejection, stageHistory, ...rest } = contentOf('applications', doc);
  return {
    ...rest,
    updatedAt: now,
    stageHistory: stageHistory.map(({ note: _note, ...entry }) => entry),
    ...(rejection ? { rejection: { atStage: rejection.atStage, reason: rejection.reason } } : {}),
  };
}

/** A message to the erased person: its words and address gone; one not sent yet never will be. */
function erasedMessage(doc: StoredDoc, now: number): Message {
  const { sentTo: _sentTo, statusNote: _statusNote, ...message } = contentOf('messages', doc);
  return {
    ...message,
    updatedAt: now,
    subject: 'Erased',
    body: 'Erased',
    ...(message.status === 'queued'
      ? { status: 'cancelled' as const, statusNote: 'The candidate was erased at their request.' }
      : {}),
  };
}

function blankedInterview(doc: StoredDoc, now: number): Interview {
  const interview = contentOf('interviews', doc);
  return {
    ...interview,
    updatedAt: now,
    scorecards: interview.scorecards.map((card) => ({ ...card, notes: '' })),
  };
}

/** Deletes the leaves of `id` that lost a conflict: their bodies would keep what was erased. */
async function removeConflictLeaves(
  store: CouchStore,
  database: 'candidates' | 'applications' | 'interviews' | 'messages' | 'comments',
  id: string,
): Promise<void> {
  for (const rev of await store.conflictingRevs(database, id)) await store.remove(database, id, rev);
}

/**
 * The candidate's portal account (the account with their email), anonymised: placeholder name and
 * address, deactivated, its password and sessions gone, its email reservation released.
 */
async function anonymiseAccount(
  store: CouchStore,
  email: string,
  now: number,
  record: WriteRecord,
  deployment: DeploymentClaim | undefined,
): Promise<boolean> {
  // Accounts made before emails were reserved are found by their (possibly lagging) index.
  const userId =
    (await reservationOwner(store, 'account-email', email)) ??
    (await findAccountByEmail(store, email, now))?.id;
  const stored = userId ? await store.get('users', userId) : null;
  const user = liveContentOf('users', stored);
  if (!stored || !user || user.role !== 'candidate' || stored.serverMeta?.emailKey !== email) return false;
  const anonymous: User = {
    ...user,
    name: 'Erased candidate',
    email: `erased-${user.id.toLowerCase()}@erased.invalid`,
    active: false,
    updatedAt: now,
  };
  await store.put('users', toStored('users', anonymous, { previous: stored, write: record }));
  const credentials = await store.get('credentials', user.id);
  if (credentials?._rev) await store.remove('credentials', user.id, credentials._rev);
  await revokeUserSessions(store, user.id, { wipe: false, reason: 'erased' }, now);
  await release(store, 'account-email', email, user.id);
  await deployment?.release(email, user.id);
  return true;
}

/** The receipt of a candidate's erasure, or null if they were never erased. */
export async function erasureReceipt(store: CouchStore, candidateId: string): Promise<ErasureReceipt | null> {
  const doc = await store.get('audit', erasureRecordId(candidateId));
  return isErasureRecord(doc) ? receiptOf(store, doc) : null;
}

function isErasureRecord(doc: StoredDoc | null): doc is ErasureRecord {
  return (
    doc?.['kind'] === 'erasure' && typeof doc['erasedAt'] === 'number' && Array.isArray(doc['interviewerIds'])
  );
}

async function receiptOf(store: CouchStore, erasure: ErasureRecord): Promise<ErasureReceipt> {
  const now = Date.now();
  const sessions: StoredDoc[] = [];
  for await (const doc of store.all('sessions')) {
    if (isSessionDoc(doc) && doc.revokedAt === undefined && !doc.wipe && doc.expiresAt > now)
      sessions.push(doc);
  }
  const users = await store.getMany('users', [...new Set(sessions.map((doc) => String(doc['userId'])))]);
  const deliveries = await store.getMany(
    'scopes',
    sessions.map((doc) => deliveryId(doc._id)),
  );
  const devices = sessions.flatMap((session) => {
    const user = liveContentOf('users', users.get(String(session['userId'])) ?? null);
    if (!user) return [];
    const heldIt =
      readsEverything(user) || (user.role === 'interviewer' && erasure.interviewerIds.includes(user.id));
    if (!heldIt) return [];
    const caughtUp = deliveries.get(deliveryId(session._id))?.['candidatesCaughtUpAt'];
    const lastCaughtUpAt = typeof caughtUp === 'number' ? caughtUp : null;
    return [
      {
        sessionId: session._id,
        userId: user.id,
        userName: user.name,
        role: user.role,
        lastCaughtUpAt,
        hasErasure: lastCaughtUpAt !== null && lastCaughtUpAt >= erasure.erasedAt,
      },
    ];
  });
  return { candidateId: erasure.candidateId, erasedAt: erasure.erasedAt, devices };
}
