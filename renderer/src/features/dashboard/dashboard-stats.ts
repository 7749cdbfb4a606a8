import { CANDIDATE_SOURCES, type CandidateSource } from '#shared/domain/candidate/candidate-schema';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { JOB_STATUSES, type Job, type JobStatus } from '#shared/domain/job/job-schema';

const DAY_MS = 24 * 60 * 60 * 1000;

function countBy<K extends string, T>(
  keys: readonly K[],
  items: readonly T[],
  keyOf: (item: T) => K,
): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const item of items) counts[keyOf(item)] += 1;
  return counts;
}

export function jobsByStatus(jobs: readonly Job[]): Record<JobStatus, number> {
  return countBy(JOB_STATUSES, jobs, (job) => job.status);
}

export function candidatesBySource(sources: readonly CandidateSource[]): Record<CandidateSource, number> {
  return countBy(CANDIDATE_SOURCES, sources, (source) => source);
}

function startOfDay(ms: number): number {
  const date = new Date(ms);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/**
 * The scheduled times (ISO, as stored) that hold every interview `interviewsAhead` can show at `now`,
 * with a day to spare on each side: the range the local query reads through its `scheduledAt`
 * index. The same strings all day long.
 */
export function aheadQueryWindow(now: number, days = 7): { readonly from: string; readonly to: string } {
  const todayStart = startOfDay(now);
  return {
    from: new Date(todayStart - DAY_MS).toISOString(),
    to: new Date(todayStart + (days + 2) * DAY_MS).toISOString(),
  };
}

/** Scheduled interviews of today (local day), and of the next `days` days after today. */
export function interviewsAhead(
  interviews: readonly Interview[],
  now: number,
  days = 7,
): { today: Interview[]; upcoming: Interview[] } {
  const todayStart = startOfDay(now);
  const tomorrowStart = todayStart + DAY_MS;
  const horizon = tomorrowStart + days * DAY_MS;
  const scheduled = interviews
    .filter((interview) => interview.status === 'scheduled')
    .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
  const at = (interview: Interview) => Date.parse(interview.scheduledAt);
  return {
    today: scheduled.filter((interview) => at(interview) >= todayStart && at(interview) < tomorrowStart),
    upcoming: scheduled.filter((interview) => at(interview) >= tomorrowStart && at(interview) < horizon),
  };
}
