import {
  STAGES,
  type Application,
  type Stage,
} from '../../../../shared/domain/application/application-schema';
import {
  CANDIDATE_SOURCES,
  type CandidateSource,
} from '../../../../shared/domain/candidate/candidate-schema';
import type { Interview } from '../../../../shared/domain/interview/interview-schema';
import { JOB_STATUSES, type Job, type JobStatus } from '../../../../shared/domain/job/job-schema';

const DAY_MS = 24 * 60 * 60 * 1000;
const PIPELINE_STAGES: readonly Stage[] = ['applied', 'screening', 'interview', 'offer', 'hired'];

export interface StageDuration {
  readonly stage: Stage;
  readonly averageDays: number;
  readonly stays: number;
}

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

export function applicationsByStage(applications: readonly Application[]): Record<Stage, number> {
  return countBy(STAGES, applications, (application) => application.stage);
}

export function candidatesBySource(sources: readonly CandidateSource[]): Record<CandidateSource, number> {
  return countBy(CANDIDATE_SOURCES, sources, (source) => source);
}

/** How many applications ever reached each pipeline stage (rejected ones count up to where they got). */
export function pipelineFunnel(applications: readonly Application[]): { stage: Stage; count: number }[] {
  const reached = new Map<Stage, number>(PIPELINE_STAGES.map((stage) => [stage, 0]));
  for (const application of applications) {
    const stages = new Set(application.stageHistory.map((entry) => entry.to));
    for (const stage of PIPELINE_STAGES) {
      if (stages.has(stage)) reached.set(stage, (reached.get(stage) ?? 0) + 1);
    }
  }
  return PIPELINE_STAGES.map((stage) => ({ stage, count: reached.get(stage) ?? 0 }));
}

/** Average days an application stays in each stage: finished stays, and the current stay up to `now`. */
export function timeInStage(applications: readonly Application[], now: number): StageDuration[] {
  const totals = new Map<Stage, { ms: number; stays: number }>();
  const add = (stage: Stage, ms: number) => {
    const total = totals.get(stage) ?? { ms: 0, stays: 0 };
    totals.set(stage, { ms: total.ms + Math.max(0, ms), stays: total.stays + 1 });
  };
  for (const application of applications) {
    const history = application.stageHistory;
    history.forEach((entry, index) => {
      const next = history[index + 1];
      if (next) add(entry.to, Date.parse(next.at) - Date.parse(entry.at));
      else if (entry.to !== 'hired' && entry.to !== 'rejected') add(entry.to, now - Date.parse(entry.at));
    });
  }
  return PIPELINE_STAGES.filter((stage) => stage !== 'hired').map((stage) => {
    const total = totals.get(stage) ?? { ms: 0, stays: 0 };
    return {
      stage,
      stays: total.stays,
      averageDays: total.stays ? Math.round((total.ms / total.stays / DAY_MS) * 10) / 10 : 0,
    };
  });
}

function startOfDay(ms: number): number {
  const date = new Date(ms);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
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

/** The newest applications first. */
export function recentApplications(applications: readonly Application[], limit = 8): Application[] {
  return [...applications].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, limit);
}
