import { parseIso } from '../common/time';
import {
  arrivedAt,
  durationStats,
  isRecordedLate,
  WAITING_STAGES,
  type ReportApplication,
  type ReportJob,
  type WaitingStage,
} from './report-input';

/** How long applications stayed in one stage, measured from when people moved them (`at`). */
export interface StageTime {
  readonly stage: WaitingStage;
  /** Stays that ended (the application moved on or was rejected). */
  readonly finished: number;
  readonly medianDays: number | null;
  readonly averageDays: number | null;
  /** Of the finished stays, how many begin or end with a move the server recorded late. */
  readonly lateRecorded: number;
  /** Applications in the stage now, and for how long they have waited (median, to `now`). */
  readonly waitingNow: number;
  readonly waitingMedianDays: number | null;
}

/** A stage move that reached the server much later than it was made. */
export interface LateMove {
  readonly applicationId: string;
  readonly jobId: string;
  readonly to: string;
  readonly at: string;
  readonly recordedAt: string;
  readonly delayHours: number;
}

/**
 * Time in each stage: finished stays (from the move into the stage to the move out of it, both by
 * `at`) and stays still going on at `now`. Moves recorded late still count at their `at`; the stays
 * they bound are counted in `lateRecorded` so the reader knows.
 */
export function timeInStage(applications: readonly ReportApplication[], now: number): StageTime[] {
  const finished = new Map<WaitingStage, number[]>(WAITING_STAGES.map((stage) => [stage, []]));
  const waiting = new Map<WaitingStage, number[]>(WAITING_STAGES.map((stage) => [stage, []]));
  const late = new Map<WaitingStage, number>(WAITING_STAGES.map((stage) => [stage, 0]));
  for (const application of applications) {
    application.stageHistory.forEach((entry, index) => {
      const stage = WAITING_STAGES.find((candidate) => candidate === entry.to);
      if (!stage) return;
      const next = application.stageHistory[index + 1];
      if (next) {
        finished.get(stage)?.push(Math.max(0, parseIso(next.at) - parseIso(entry.at)));
        if (isRecordedLate(entry) || isRecordedLate(next)) late.set(stage, (late.get(stage) ?? 0) + 1);
      } else {
        waiting.get(stage)?.push(Math.max(0, now - parseIso(entry.at)));
      }
    });
  }
  return WAITING_STAGES.map((stage) => {
    const stays = finished.get(stage) ?? [];
    const current = waiting.get(stage) ?? [];
    return {
      stage,
      finished: stays.length,
      ...durationStats(stays),
      lateRecorded: late.get(stage) ?? 0,
      waitingNow: current.length,
      waitingMedianDays: durationStats(current).medianDays,
    };
  });
}

/** Every move of these applications that the server recorded late, latest first. */
export function lateMoves(applications: readonly ReportApplication[]): LateMove[] {
  const moves: LateMove[] = [];
  for (const application of applications) {
    for (const entry of application.stageHistory) {
      if (!isRecordedLate(entry)) continue;
      moves.push({
        applicationId: application.id,
        jobId: application.jobId,
        to: entry.to,
        at: entry.at,
        recordedAt: entry.recordedAt,
        delayHours: Math.round(((parseIso(entry.recordedAt) - parseIso(entry.at)) / 3_600_000) * 10) / 10,
      });
    }
  }
  return moves.sort((a, b) => b.at.localeCompare(a.at));
}

/** Time from arrival to hire, of one job or all. */
export interface TimeToHire {
  readonly hires: number;
  readonly medianDays: number | null;
  readonly averageDays: number | null;
  /** Hires whose path has a move the server recorded late. */
  readonly lateRecorded: number;
}

export interface TimeToHireReport extends TimeToHire {
  /** Per job with hires, most hires first. */
  readonly byJob: readonly (TimeToHire & { readonly jobId: string; readonly title: string })[];
}

function timeToHireOf(hired: readonly ReportApplication[]): TimeToHire {
  const durations = hired.map((application) => {
    const hire = application.stageHistory.find((entry) => entry.to === 'hired');
    return hire ? Math.max(0, parseIso(hire.at) - arrivedAt(application)) : 0;
  });
  return {
    hires: hired.length,
    ...durationStats(durations),
    lateRecorded: hired.filter((application) => application.stageHistory.some(isRecordedLate)).length,
  };
}

/** Time to hire: from the application's arrival to the move to `hired`, both by `at`. */
export function timeToHire(
  applications: readonly ReportApplication[],
  jobs: readonly ReportJob[],
): TimeToHireReport {
  const hired = applications.filter((application) => application.stage === 'hired');
  const titles = new Map(jobs.map((job) => [job.id, job.title]));
  const byJob = new Map<string, ReportApplication[]>();
  for (const application of hired)
    byJob.set(application.jobId, [...(byJob.get(application.jobId) ?? []), application]);
  return {
    ...timeToHireOf(hired),
    byJob: [...byJob.entries()]
      .map(([jobId, ofJob]) => ({ jobId, title: titles.get(jobId) ?? jobId, ...timeToHireOf(ofJob) }))
      .sort((a, b) => b.hires - a.hires || a.title.localeCompare(b.title)),
  };
}
