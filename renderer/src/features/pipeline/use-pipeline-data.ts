import { startOfDay } from 'date-fns';
import { useMemo } from 'react';
import { map } from 'rxjs';
import type { Application } from '#shared/domain/application/application-schema';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { useDb } from '../../data/hooks/use-database';
import { useApplicationsForJob, useCandidatesByIds, useLiveDocuments } from '../../data/hooks/use-documents';
import { useObservableValue } from '../../data/hooks/use-live-query';

export interface PipelineData {
  /** `undefined` while the first query runs. */
  readonly applications: readonly Application[] | undefined;
  readonly candidates: ReadonlyMap<string, Candidate>;
  readonly interviews: readonly Interview[];
  readonly pendingIds: ReadonlySet<string>;
}

const NO_CANDIDATES: ReadonlyMap<string, Candidate> = new Map();
const NO_IDS: ReadonlySet<string> = new Set();

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
