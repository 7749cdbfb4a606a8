import type { Application } from '#shared/domain/application/application-schema';
import { toIso } from '#shared/domain/common/time';
import type { CouchStore } from '../infra/couch-store';
import { contentOf, isTombstone } from '../infra/stored-document';

/**
 * The numbers of the dashboard (`GET /api/admin/stats`, `GET /api/v1/dashboard/stats`): jobs by
 * status, applications by stage, candidates by source, interviews today and upcoming, the latest
 * applications.
 */
export interface AdminStats {
  jobsByStatus: Record<string, number>;
  applicationsByStage: Record<string, number>;
  candidatesBySource: Record<string, number>;
  interviewsToday: number;
  interviewsUpcoming: number;
  recentApplications: { id: string; jobId: string; candidateId: string; stage: string; createdAt: string }[];
}

function count(into: Record<string, number>, key: unknown): void {
  const name = typeof key === 'string' ? key : 'unknown';
  into[name] = (into[name] ?? 0) + 1;
}

/** Computes the dashboard figures by reading every live document once. */
export async function computeStats(store: CouchStore, now: number): Promise<AdminStats> {
  const stats: AdminStats = {
    jobsByStatus: {},
    applicationsByStage: {},
    candidatesBySource: {},
    interviewsToday: 0,
    interviewsUpcoming: 0,
    recentApplications: [],
  };
  for await (const doc of store.all('jobs')) if (!isTombstone(doc)) count(stats.jobsByStatus, doc['status']);
  for await (const doc of store.all('candidates'))
    if (!isTombstone(doc)) count(stats.candidatesBySource, doc['source']);
  const applications: Application[] = [];
  for await (const doc of store.all('applications')) {
    if (isTombstone(doc)) continue;
    const application = contentOf('applications', doc);
    count(stats.applicationsByStage, application.stage);
    applications.push(application);
  }
  stats.recentApplications = applications
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, 10)
    .map(({ id, jobId, candidateId, stage, createdAt }) => ({ id, jobId, candidateId, stage, createdAt }));
  const startOfDay = new Date(now);
  startOfDay.setUTCHours(0, 0, 0, 0);
  const dayStart = toIso(startOfDay.getTime());
  const dayEnd = toIso(startOfDay.getTime() + 24 * 60 * 60 * 1000);
  const nowIso = toIso(now);
  for await (const doc of store.all('interviews')) {
    if (isTombstone(doc) || doc['status'] !== 'scheduled') continue;
    const at = String(doc['scheduledAt']);
    if (at >= dayStart && at < dayEnd) stats.interviewsToday += 1;
    if (at >= nowIso) stats.interviewsUpcoming += 1;
  }
  return stats;
}
