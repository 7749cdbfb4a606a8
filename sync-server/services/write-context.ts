import type { WriteContext } from '#shared/domain/decide/write-context';
import { normalizeEmail } from '#shared/domain/common/schema-helpers';
import type { User } from '#shared/domain/user/user-schema';
import { SETTINGS_ID } from '#shared/domain/settings/settings-schema';
import type { CollectionName } from '#shared/domain/collections';
import type { CouchStore, StoredDoc } from '../infra/couch-store';
import { liveContentOf } from '../infra/stored-document';
import { candidatesUsingEmails } from './email-holders';
import { listUsers } from './user-service';

function stringField(doc: Readonly<Record<string, unknown>>, field: string): string | null {
  const value = doc[field];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/**
 * A promise kept for rows that may never ask for it (a row answered as a conflict does not): its
 * failure is the asker's to handle, and unhandled when nobody asks, so it is marked handled here.
 */
function settledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** A document a write is judged against, found through one of its fields. */
interface ContextLink {
  readonly field: string;
  readonly collection: CollectionName;
  /** Only creations are judged against it (the rules read an application's candidate only then). */
  readonly onCreateOnly?: boolean;
}

/** The documents a write to each collection is judged against (other collections only). */
const CONTEXT_LINKS: Partial<Record<CollectionName, readonly ContextLink[]>> = {
  applications: [
    { field: 'jobId', collection: 'jobs' },
    { field: 'candidateId', collection: 'candidates', onCreateOnly: true },
  ],
  // The job's interview plan judges the kit and the attribute ratings.
  interviews: [
    { field: 'applicationId', collection: 'applications' },
    { field: 'jobId', collection: 'jobs' },
  ],
  messages: [{ field: 'candidateId', collection: 'candidates', onCreateOnly: true }],
};

/**
 * Lookups the rows of one push share. Linked documents live in other collections than the one
 * pushed, so a push never changes what it reads here; emails claimed by earlier rows of the same push
 * are tracked, since those rows are written together at the end.
 */
export class WriteContextCache {
  private users: Promise<ReadonlyMap<string, User>> | undefined;
  private readonly documents = new Map<string, Promise<StoredDoc | null>>();
  private readonly claimedEmails = new Map<string, string>();
  private readonly emailHolders = new Map<string, Promise<string | null>>();

  constructor(private readonly store: CouchStore) {}

  /**
   * Reads the linked documents of all these rows in one request per linked collection; `isCreate`
   * tells which rows create a document once the rows' own documents are read (links every row needs
   * are read meanwhile, so a push waits for one round trip, not two).
   */
  async prefetch(
    collection: CollectionName,
    docs: readonly Readonly<Record<string, unknown>>[],
    isCreate: Promise<(doc: Readonly<Record<string, unknown>>) => boolean>,
  ): Promise<void> {
    await Promise.all(
      (CONTEXT_LINKS[collection] ?? []).map(async (link) => {
        const linked = link.onCreateOnly ? docs.filter(await isCreate) : docs;
        const ids = [...new Set(linked.map((doc) => stringField(doc, link.field)))].filter(
          (id): id is string => id !== null && !this.documents.has(`${link.collection}/${id}`),
        );
        if (ids.length === 0) return;
        const found = this.store.getMany(link.collection, ids);
        for (const id of ids)
          this.documents.set(
            `${link.collection}/${id}`,
            settledLater(found.then((map) => map.get(id) ?? null)),
          );
        await found;
      }),
    );
    if (collection === 'candidates') {
      const emails = docs.map((doc) => stringField(doc, 'email')).filter((email) => email !== null);
      this.prefetchEmails(emails);
    }
  }

  /** Looks up who holds these emails now, in one read of their reservations. */
  private prefetchEmails(emails: readonly string[]): void {
    const wanted = [...new Set(emails.map(normalizeEmail))].filter((email) => !this.emailHolders.has(email));
    if (wanted.length === 0) return;
    const found = candidatesUsingEmails(this.store, wanted);
    for (const email of wanted)
      this.emailHolders.set(email, settledLater(found.then((holders) => holders.get(email) ?? null)));
  }

  document(collection: CollectionName, id: string | null): Promise<StoredDoc | null> | null {
    if (id === null) return null;
    const key = `${collection}/${id}`;
    let pending = this.documents.get(key);
    if (!pending) {
      pending = this.store.get(collection, id);
      this.documents.set(key, pending);
    }
    return pending;
  }

  staff(): Promise<ReadonlyMap<string, User>> {
    this.users ??= listUsers(this.store).then((users) => new Map(users.map((user) => [user.id, user])));
    return this.users;
  }

  /**
   * The candidate that already uses `email`, in the store (its reservation, confirmed by id) or
   * earlier in this push. The reservation written with the push is what finally decides a race.
   */
  async emailOwner(email: string, candidateId: unknown): Promise<string | null> {
    const key = normalizeEmail(email);
    const claimed = this.claimedEmails.get(key);
    if (claimed !== undefined && claimed !== candidateId) return claimed;
    this.prefetchEmails([key]);
    const holder = (await this.emailHolders.get(key)) ?? null;
    return holder === candidateId ? null : holder;
  }

  /** Records that a row of this push takes `email` for `candidateId`. */
  claimEmail(doc: Readonly<Record<string, unknown>>): void {
    const email = stringField(doc, 'email');
    const id = stringField(doc, 'id');
    if (email && id) this.claimedEmails.set(normalizeEmail(email), id);
  }
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
  isCreate: boolean,
  cache: WriteContextCache = new WriteContextCache(store),
): Promise<WriteContext> {
  switch (collection) {
    case 'applications': {
      const mergedFrom = isCreate ? stringField(doc, 'mergedFrom') : null;
      const [job, candidate, settings, source] = await Promise.all([
        cache.document('jobs', stringField(doc, 'jobId')),
        isCreate || stringField(doc, 'mergedInto')
          ? cache.document('candidates', stringField(doc, 'candidateId'))
          : null,
        // The rejection reasons; read by id (one document, cached for the whole push).
        doc['stage'] === 'rejected' ? cache.document('settings', SETTINGS_ID) : null,
        cache.document('applications', mergedFrom),
      ]);
      const mergeSource = liveContentOf('applications', source);
      const sourceCandidate = mergeSource ? await cache.document('candidates', mergeSource.candidateId) : null;
      return {
        now,
        job: liveContentOf('jobs', job),
        candidate: liveContentOf('candidates', candidate),
        settings: liveContentOf('settings', settings),
        mergeSource,
        mergeSourceCandidate: liveContentOf('candidates', sourceCandidate),
      };
    }
    case 'interviews': {
      const [application, job, users] = await Promise.all([
        cache.document('applications', stringField(doc, 'applicationId')),
        cache.document('jobs', stringField(doc, 'jobId')),
        cache.staff(),
      ]);
      return {
        now,
        application: liveContentOf('applications', application),
        job: liveContentOf('jobs', job),
        users,
      };
    }
    case 'messages': {
      const candidate = isCreate ? await cache.document('candidates', stringField(doc, 'candidateId')) : null;
      return { now, candidate: liveContentOf('candidates', candidate) };
    }
    case 'candidates': {
      const email = stringField(doc, 'email');
      const [emailTakenBy, target] = await Promise.all([
        email ? cache.emailOwner(email, doc['id']) : null,
        cache.document('candidates', stringField(doc, 'mergedInto')),
      ]);
      return { now, emailTakenBy, mergeTarget: liveContentOf('candidates', target) };
    }
    case 'comments':
      return { now, users: await cache.staff() };
    default:
      return { now };
  }
}
