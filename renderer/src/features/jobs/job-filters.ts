import type { Job, JobStatus } from '#shared/domain/job/job-schema';

export interface JobFilters {
  readonly status: JobStatus | 'all';
  /** A department, or `'all'`. */
  readonly department: string;
  readonly query: string;
}

export const NO_JOB_FILTERS: JobFilters = { status: 'all', department: 'all', query: '' };

/** Jobs matching the filters, newest first. The query matches title, department and location. */
export function filterJobs(jobs: readonly Job[], filters: JobFilters): Job[] {
  const terms = filters.query.toLowerCase().split(/\s+/).filter(Boolean);
  return jobs
    .filter((job) => filters.status === 'all' || job.status === filters.status)
    .filter((job) => filters.department === 'all' || job.department === filters.department)
    .filter((job) => {
      const text = `${job.title} ${job.department} ${job.location}`.toLowerCase();
      return terms.every((term) => text.includes(term));
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The departments that appear in `jobs`, sorted. */
export function departmentsOf(jobs: readonly Job[]): string[] {
  return [...new Set(jobs.map((job) => job.department).filter(Boolean))].sort();
}
