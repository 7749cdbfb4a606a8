import type { WriteContext } from '../../shared/domain/permissions/write-context';
import { normalizeEmail } from '../../shared/domain/common/schema-helpers';
import type { User } from '../../shared/domain/user/user-schema';
import type { CollectionName } from '../../shared/sync/collections';
import type { CouchStore } from '../store/couch-store';
import { isTombstone, liveContentOf } from '../store/stored-document';
import { listUsers } from './user-service';

function stringField(doc: Readonly<Record<string, unknown>>, field: string): string | null {
  const value = doc[field];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** Lookups one push may share between its rows (the staff directory does not change within one). */
export interface WriteContextCache {
  users?: Promise<ReadonlyMap<string, User>>;
}

/**
 * Fills the shared `WriteContext` for a write of `doc` to `collection` from the store's current
 * versions (never from what the client believes), with the server's clock.
 */
export async function loadWriteContext(
  store: CouchStore,
  collection: CollectionName,
  doc: Readonly<Record<string, unknown>>,
  now: number,
  cache: WriteContextCache = {},
): Promise<WriteContext> {
  switch (collection) {
    case 'applications': {
      const jobId = stringField(doc, 'jobId');
      const candidateId = stringField(doc, 'candidateId');
      const [job, candidate] = await Promise.all([
        jobId ? store.get('jobs', jobId) : null,
        candidateId ? store.get('candidates', candidateId) : null,
      ]);
      return { now, job: liveContentOf('jobs', job), candidate: liveContentOf('candidates', candidate) };
    }
    case 'interviews': {
      const applicationId = stringField(doc, 'applicationId');
      cache.users ??= listUsers(store).then(
        (users) => new Map<string, User>(users.map((user) => [user.id, user])),
      );
      const [application, users] = await Promise.all([
        applicationId ? store.get('applications', applicationId) : null,
        cache.users,
      ]);
      return { now, application: liveContentOf('applications', application), users };
    }
    case 'candidates': {
      const email = stringField(doc, 'email');
      if (!email) return { now, emailTakenBy: null };
      const matches = await store.find('candidates', {
        selector: { 'serverMeta.emailKey': normalizeEmail(email) },
        limit: 10,
      });
      const other = matches.find((match) => !isTombstone(match) && match._id !== doc['id']);
      return { now, emailTakenBy: other?._id ?? null };
    }
    default:
      return { now };
  }
}
