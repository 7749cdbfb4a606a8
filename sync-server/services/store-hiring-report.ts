import type { Application } from '#shared/domain/application/application-schema';
import type { CandidateSource } from '#shared/domain/candidate/candidate-schema';
import { hiringReport, type HiringReport } from '#shared/domain/reports/hiring-report';
import type { ReportFilter, ReportJob } from '#shared/domain/reports/report-input';
import type { CouchStore } from '../infra/couch-store';
import { contentOf, isTombstone } from '../infra/stored-document';

/**
 * The hiring reports from the store's documents, by the same pure functions the app runs on its
 * local copy (so the API and an up-to-date laptop answer the same figures).
 */
export async function storeHiringReport(
  store: CouchStore,
  filter: ReportFilter,
  now: number,
): Promise<HiringReport> {
  const jobs: ReportJob[] = [];
  for await (const doc of store.all('jobs')) {
    if (isTombstone(doc)) continue;
    const { id, title, recruiterIds } = contentOf('jobs', doc);
    jobs.push({ id, title, recruiterIds });
  }
  const candidateSources = new Map<string, CandidateSource>();
  for await (const doc of store.all('candidates')) {
    if (isTombstone(doc)) continue;
    const candidate = contentOf('candidates', doc);
    candidateSources.set(candidate.id, candidate.source);
  }
  const applications: Application[] = [];
  for await (const doc of store.all('applications')) {
    if (!isTombstone(doc)) applications.push(contentOf('applications', doc));
  }
  return hiringReport({ applications, jobs, candidateSources }, filter, now);
}
