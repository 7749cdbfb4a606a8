import type { Offer, Rejection, Stage, StageHistoryEntry } from '../application/application-schema';
import type { CandidateSource } from '../candidate/candidate-schema';
import { parseIso } from '../common/time';
import type { Job } from '../job/job-schema';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A move the server recorded this much later than the person made it was made offline (or synced late). */
export const LATE_RECORDING_MS = 60 * 60 * 1000;

/** The stages applications move through, in order; `rejected` is an exit, not a step. */
export const PIPELINE_STAGES = ['applied', 'screening', 'interview', 'offer', 'hired'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];
/** The stages a candidate waits in (every pipeline stage but the last). */
export const WAITING_STAGES = ['applied', 'screening', 'interview', 'offer'] as const;
export type WaitingStage = (typeof WAITING_STAGES)[number];

/**
 * What the reports read of an application (the laptop's copy and the server's store alike have it;
 * read-only, so the laptop's frozen documents need no copy).
 */
export interface ReportApplication {
  readonly id: string;
  readonly jobId: string;
  readonly candidateId: string;
  readonly stage: Stage;
  readonly stageHistory: readonly Pick<StageHistoryEntry, 'to' | 'at' | 'recordedAt'>[];
  readonly rejection?: Pick<Rejection, 'atStage' | 'reason'> | undefined;
  readonly offer?: Pick<Offer, 'status'> | undefined;
  readonly source?: CandidateSource | undefined;
}

/** What the reports read of a job. */
export type ReportJob = Pick<Job, 'id' | 'title' | 'recruiterIds'>;

/** The documents reports are computed from. */
export interface ReportInput {
  readonly applications: readonly ReportApplication[];
  readonly jobs: readonly ReportJob[];
  /** Candidates' sources, for applications that carry none of their own. */
  readonly candidateSources?: ReadonlyMap<string, CandidateSource>;
}

/**
 * Which applications a report covers: those that arrived (their first stage-history entry's `at`)
 * in `[from, to)`, for one job, or for the jobs one recruiter works on (`recruiterIds`). Every part
 * is optional; none means every application.
 */
export interface ReportFilter {
  /** ms, inclusive. */
  readonly from?: number;
  /** ms, exclusive. */
  readonly to?: number;
  readonly jobId?: string;
  readonly recruiterId?: string;
}

/** When an application arrived, in ms (its first entry's `at`). */
export function arrivedAt(application: Pick<ReportApplication, 'stageHistory'>): number {
  const first = application.stageHistory[0];
  return first ? parseIso(first.at) : Number.NaN;
}

/** The applications `filter` covers. */
export function selectApplications(input: ReportInput, filter: ReportFilter): ReportApplication[] {
  const recruiterJobs =
    filter.recruiterId === undefined
      ? null
      : new Set(
          input.jobs
            .filter(
              (job) => filter.recruiterId !== undefined && job.recruiterIds.includes(filter.recruiterId),
            )
            .map((job) => job.id),
        );
  return input.applications.filter((application) => {
    if (filter.jobId !== undefined && application.jobId !== filter.jobId) return false;
    if (recruiterJobs && !recruiterJobs.has(application.jobId)) return false;
    const arrival = arrivedAt(application);
    if (filter.from !== undefined && !(arrival >= filter.from)) return false;
    if (filter.to !== undefined && !(arrival < filter.to)) return false;
    return true;
  });
}

/** Whether the server recorded a stage-history entry much later than the person made the move. */
export function isRecordedLate(entry: { readonly at: string; readonly recordedAt: string }): boolean {
  return parseIso(entry.recordedAt) - parseIso(entry.at) > LATE_RECORDING_MS;
}

/** The stages an application reached, from its history (a rejected one reached the stages before). */
export function reachedStages(application: Pick<ReportApplication, 'stageHistory'>): ReadonlySet<Stage> {
  return new Set(application.stageHistory.map((entry) => entry.to));
}

/** Days, to one decimal. */
export function toDays(ms: number): number {
  return Math.round((ms / DAY_MS) * 10) / 10;
}

/** The share `part / whole`, to three decimals; null when nothing was counted. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}

/** Median and mean of durations in ms, in days; null for both when there are none. */
export function durationStats(durations: readonly number[]): {
  medianDays: number | null;
  averageDays: number | null;
} {
  if (durations.length === 0) return { medianDays: null, averageDays: null };
  const sorted = [...durations].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return { medianDays: toDays(median), averageDays: toDays(mean) };
}
