import { useEffect, useMemo, useState } from 'react';
import { asyncScheduler, map, of, throttleTime, type Observable } from 'rxjs';
import type { Application } from '#shared/domain/application/application-schema';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import type { Comment } from '#shared/domain/comment/comment-schema';
import type { Interview } from '#shared/domain/interview/interview-schema';
import type { Job } from '#shared/domain/job/job-schema';
import type { User } from '#shared/domain/user/user-schema';
import { SETTINGS_ID, type Settings } from '#shared/domain/settings/settings-schema';
import type { ShortlistDatabase } from '../database';
import { useDb } from './use-database';
import { useObservableValue } from './use-live-query';

interface JsonDocument<T> {
  toMutableJSON(): T;
}

interface LiveQuery<R> {
  readonly $: Observable<R>;
}

/** How often a list re-renders at most while its documents stream in (a first download writes thousands). */
const LIST_THROTTLE_MS = 200;

/**
 * Plain copies of documents, made once per document state. RxDB hands out the same RxDocument for a
 * document state it has seen, so a live list of 100,000 applications copies only what changed
 * instead of deep-copying all of them on every change (which held up the window for seconds).
 * The copies are shared: read them, never change them in place.
 */
const plainCopies = new WeakMap<object, unknown>();

function plainCopy<T>(doc: JsonDocument<T>): T {
  if (plainCopies.has(doc)) return plainCopies.get(doc) as T;
  const copy = doc.toMutableJSON();
  plainCopies.set(doc, copy);
  return copy;
}

/** A live query's documents as plain objects; `undefined` while loading. */
export function useLiveDocuments<T>(
  select: (db: ShortlistDatabase) => LiveQuery<JsonDocument<T>[]>,
  deps: readonly unknown[],
): T[] | undefined {
  const db = useDb();
  return useObservableValue(
    () =>
      select(db).$.pipe(
        throttleTime(LIST_THROTTLE_MS, asyncScheduler, { leading: true, trailing: true }),
        map((docs) => docs.map(plainCopy)),
      ),
    [db, ...deps],
  );
}

/** One document, live; `null` when it does not exist (here), `undefined` while loading. */
export function useLiveDocument<T>(
  select: (db: ShortlistDatabase) => LiveQuery<JsonDocument<T> | null>,
  deps: readonly unknown[],
): T | null | undefined {
  const db = useDb();
  return useObservableValue(() => select(db).$.pipe(map((doc) => (doc ? plainCopy(doc) : null))), [db, ...deps]);
}

/** The live query of a document that cannot exist. */
const NO_DOCUMENT: LiveQuery<null> = { $: of(null) };

/**
 * The document with id `id`, live; for no id (`''`, as pages pass while what names it still loads)
 * no query at all. RxDB takes `findOne('')` for a query rather than a lookup by id, and runs it over
 * the collection's first index: a walk through every document (50,000 candidates at SPEC §9's
 * scale) for a result that is always null, each time a page showed.
 */
export function byId<R>(collection: { findOne(id: string): LiveQuery<R> }, id: string): LiveQuery<R | null> {
  return id === '' ? NO_DOCUMENT : collection.findOne(id);
}

export const useJobs = (): Job[] | undefined => useLiveDocuments((db) => db.jobs.find(), []);
export const useJob = (id: string): Job | null | undefined => useLiveDocument((db) => byId(db.jobs, id), [id]);
export const useCandidate = (id: string): Candidate | null | undefined =>
  useLiveDocument((db) => byId(db.candidates, id), [id]);
export const useApplication = (id: string): Application | null | undefined =>
  useLiveDocument((db) => byId(db.applications, id), [id]);
export const useApplications = (): Application[] | undefined => useLiveDocuments((db) => db.applications.find(), []);
export const useInterviews = (): Interview[] | undefined => useLiveDocuments((db) => db.interviews.find(), []);
export const useUsers = (): User[] | undefined => useLiveDocuments((db) => db.users.find(), []);
/** The organisation's settings (its rejection reasons, …); `null` until the first sync brings them. */
export const useSettings = (): Settings | null | undefined =>
  useLiveDocument((db) => db.settings.findOne(SETTINGS_ID), []);

export const useApplicationsForJob = (jobId: string): Application[] | undefined =>
  useLiveDocuments((db) => db.applications.find({ selector: { jobId } }), [jobId]);
export const useApplicationsForCandidate = (candidateId: string): Application[] | undefined =>
  useLiveDocuments((db) => db.applications.find({ selector: { candidateId } }), [candidateId]);
export const useInterviewsForApplication = (applicationId: string): Interview[] | undefined =>
  useLiveDocuments((db) => db.interviews.find({ selector: { applicationId }, sort: [{ scheduledAt: 'asc' }] }), [applicationId]);
/** Scheduled interviews from `from` (inclusive) to `to` (ISO times), through the `scheduledAt` index. */
export const useScheduledInterviews = (from: string, to: string): Interview[] | undefined =>
  useLiveDocuments(
    (db) => db.interviews.find({ selector: { status: 'scheduled', scheduledAt: { $gte: from, $lt: to } } }),
    [from, to],
  );
export const useInterviewsForCandidate = (candidateId: string): Interview[] | undefined =>
  useLiveDocuments((db) => db.interviews.find({ selector: { candidateId } }), [candidateId]);
/** The comments on any of `candidateIds` (a candidate and the records merged into it). */
export const useCommentsForCandidates = (candidateIds: readonly string[]): Comment[] | undefined =>
  useLiveDocuments(
    (db) => db.comments.find({ selector: { candidateId: { $in: [...candidateIds] } } }),
    [candidateIds.join('\n')],
  );

/**
 * The latest value of an observable, kept while `deps` change (a board must not blank out when a
 * live change adds a candidate to the query); `undefined` only until the first value.
 */
function useLatestValue<T>(create: () => Observable<T> | null, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = create()?.subscribe(setValue);
    return () => subscription?.unsubscribe();
  }, deps);
  return value;
}

/**
 * The candidates of `ids`, live, by id: one keyed lookup, not a scan of every candidate (50,000 at
 * SPEC §9's scale); `undefined` until the first answer (and for no ids at all).
 */
export function useCandidatesByIds(ids: readonly string[]): ReadonlyMap<string, Candidate> | undefined {
  const db = useDb();
  const key = useMemo(() => [...new Set(ids)].sort().join('\n'), [ids]);
  return useLatestValue(() => {
    if (!key) return null;
    return db.candidates.findByIds(key.split('\n')).$.pipe(
      throttleTime(LIST_THROTTLE_MS, asyncScheduler, { leading: true, trailing: true }),
      map((documents) => new Map([...documents].map(([id, doc]) => [id, doc.toMutableJSON()]))),
    );
  }, [db, key]);
}
