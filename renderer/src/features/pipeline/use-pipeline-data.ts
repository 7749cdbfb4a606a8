import { startOfDay } from 'date-fns';
import { useEffect, useMemo, useState } from 'react';
import { asyncScheduler, map, throttleTime, type Observable } from 'rxjs';
import type { Application } from '#shared/domain/application/application-schema';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { useDb } from '../../data/hooks/use-database';
import { useApplicationsForJob, useLiveDocuments } from '../../data/hooks/use-documents';
import { useObservableValue } from '../../data/hooks/use-live-query';

/** How often the board re-renders at most while documents stream in. */
const THROTTLE_MS = 150;

export interface PipelineData {
  /** `undefined` while the first query runs. */
  readonly applications: readonly Application[] | undefined;
  readonly candidates: ReadonlyMap<string, Candidate>;
  readonly interviews: readonly Interview[];
  readonly pendingIds: ReadonlySet<string>;
}

const NO_CANDIDATES: ReadonlyMap<string, Candidate> = new Map();
const NO_IDS: ReadonlySet<string> = new Set();

/**
 * The latest value of an observable, kept while `deps` change (the board must not blank out when
 * a live change adds a candidate to the query); `undefined` only until the first value.
 */
function useLatestValue<T>(create: () => Observable<T> | null, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = create()?.subscribe(setValue);
    return () => subscription?.unsubscribe();
  }, deps);
  return value;
}

/** The candidates of `ids`, live, by id: one keyed lookup, not a scan of every candidate. */
function useCandidatesByIds(ids: readonly string[]): ReadonlyMap<string, Candidate> | undefined {
  const db = useDb();
  const key = useMemo(() => [...new Set(ids)].sort().join('\n'), [ids]);
  return useLatestValue(() => {
    if (!key) return null;
    return db.candidates.findByIds(key.split('\n')).$.pipe(
      throttleTime(THROTTLE_MS, asyncScheduler, { leading: true, trailing: true }),
      map((documents) => new Map([...documents].map(([id, doc]) => [id, doc.toMutableJSON()]))),
    );
  }, [db, key]);
}

/** Ids of applications with a local change the server has not accepted yet. */
function usePendingApplicationIds(): ReadonlySet<string> | undefined {
  const db = useDb();
  return useObservableValue(
    () =>
      db.pending
        .find({ selector: { documentCollection: 'applications' } })
        .$.pipe(map((markers) => new Set(markers.map((marker) => marker.documentId)))),
    [db],
  );
}

/** Everything the board of `jobId` shows, live from the local database. */
export function usePipelineData(jobId: string): PipelineData {
  const applications = useApplicationsForJob(jobId);
  const candidateIds = useMemo(
    () => (applications ?? []).map((application) => application.candidateId),
    [applications],
  );
  const candidates = useCandidatesByIds(candidateIds);
  // Upcoming interviews through the scheduledAt index (a few), not a scan of every interview.
  const since = useMemo(() => startOfDay(Date.now()).toISOString(), []);
  const interviews = useLiveDocuments(
    (db) => db.interviews.find({ selector: { scheduledAt: { $gte: since }, jobId, status: 'scheduled' } }),
    [jobId, since],
  );
  const pendingIds = usePendingApplicationIds();
  return {
    applications: applications && (candidateIds.length === 0 || candidates) ? applications : undefined,
    candidates: candidates ?? NO_CANDIDATES,
    interviews: interviews ?? [],
    pendingIds: pendingIds ?? NO_IDS,
  };
}
