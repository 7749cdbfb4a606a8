import { createHash } from 'node:crypto';
import {
  interviewerScope,
  type InterviewAssignment,
  type InterviewerScope,
} from '#shared/domain/decide/read-rules';
import type { CollectionName } from '#shared/domain/collections';
import type { CouchStore } from '../infra/couch-store';
import { isTombstone } from '../infra/stored-document';

/**
 * The interviewer's current read scope, from the interviews that list them (SPEC §3).
 *
 * The `scope/by-interviewer` view finds the interviews that list them, but a view may lag a write
 * just made (a CouchDB cluster updates it after the write), so it only nominates: each interview is
 * then read by id (one `_bulk_get`) and counts as it is now. An interviewer unassigned a moment ago
 * loses access at once; one assigned a moment ago may get the interview one pull later, once the
 * view has caught up (the stream's next change event brings that pull).
 */
export async function loadInterviewerScope(store: CouchStore, userId: string): Promise<InterviewerScope> {
  const rows = await store.viewByKey('interviews', 'scope', 'by-interviewer', userId);
  const current = await store.getMany(
    'interviews',
    rows.map((row) => row.id),
  );
  const assignments = [...current.values()].flatMap((stored): InterviewAssignment[] => {
    if (isTombstone(stored)) return [];
    const { applicationId, jobId, candidateId, interviewerIds } = stored;
    if (typeof applicationId !== 'string' || typeof jobId !== 'string' || typeof candidateId !== 'string')
      return [];
    if (!Array.isArray(interviewerIds)) return [];
    const ids = interviewerIds.filter((id): id is string => typeof id === 'string');
    return [{ id: stored._id, applicationId, jobId, candidateId, interviewerIds: ids }];
  });
  return interviewerScope(userId, assignments);
}

/**
 * Keeps the `scope/by-interviewer` view indexed as interviews change, off the pull path: a view is
 * indexed when it is asked, so without this the first interviewer to pull after a large import (or
 * on a fresh store) waits for every interview to be indexed (seconds per thousand on the embedded
 * store). One refresh at a time; touches during one make one more after it.
 */
export class ScopeIndexKeeper {
  private running: Promise<void> | null = null;
  private isDirty = false;

  constructor(
    private readonly store: CouchStore,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  /** The interviews changed (or the server started): index them soon. */
  touch(): void {
    if (this.running) {
      this.isDirty = true;
      return;
    }
    this.running = this.refresh();
  }

  private async refresh(): Promise<void> {
    try {
      do {
        this.isDirty = false;
        await this.store.refreshView('interviews', 'scope', 'by-interviewer');
      } while (this.isDirty);
    } catch (error) {
      this.log('could not index the interviewer scope view; the next pull indexes it', error);
    } finally {
      this.running = null;
    }
  }
}

/** The ids of `collection` the scope lets its interviewer read (null: the whole collection). */
export function scopedIds(scope: InterviewerScope, collection: CollectionName): ReadonlySet<string> | null {
  switch (collection) {
    case 'interviews':
      return scope.interviewIds;
    case 'applications':
      return scope.applicationIds;
    case 'jobs':
      return scope.jobIds;
    case 'candidates':
      return scope.candidateIds;
    case 'users':
    case 'settings':
      return null;
    // Messages to candidates and the team's comments are for full readers only.
    case 'messages':
    case 'comments':
      return new Set<string>();
  }
}

/** A content address for a set of ids. */
export function scopeHash(collection: CollectionName, ids: Iterable<string>): string {
  const sorted = [...ids].sort();
  return createHash('sha256')
    .update(`${collection}\n${sorted.join('\n')}`)
    .digest('base64url')
    .slice(0, 32);
}

/**
 * Saves the id set a checkpoint refers to, under its hash. Content-addressed and immutable, so any
 * server instance can read it back and concurrent saves of the same set are harmless.
 */
export async function saveScopeSnapshot(
  store: CouchStore,
  collection: CollectionName,
  ids: Iterable<string>,
): Promise<string> {
  const sorted = [...ids].sort();
  const hash = scopeHash(collection, sorted);
  if (!(await store.get('scopes', `${collection}-${hash}`))) {
    await store.put('scopes', { _id: `${collection}-${hash}`, ids: sorted });
  }
  return hash;
}

/** The id set saved under `hash`, or null if unknown. */
export async function loadScopeSnapshot(
  store: CouchStore,
  collection: CollectionName,
  hash: string,
): Promise<Set<string> | null> {
  const doc = await store.get('scopes', `${collection}-${hash}`);
  const ids = doc?.['ids'];
  return Array.isArray(ids) ? new Set(ids.filter((id): id is string => typeof id === 'string')) : null;
}
