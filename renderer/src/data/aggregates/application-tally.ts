import { STAGES, type Application, type Stage } from '#shared/domain/application/application-schema';
import type { ReportApplication } from '#shared/domain/reports/report-input';

const DAY_S = 24 * 60 * 60;
/** Times are counted in whole seconds, so sums over 100,000 applications stay exact integers. */
const seconds = (ms: number): number => Math.round(ms / 1000);
/** The stages of the funnel and of time-in-stage (rejected is an exit, not a step). */
export const PIPELINE_STAGES: readonly Stage[] = ['applied', 'screening', 'interview', 'offer', 'hired'];

export interface StageDuration {
  readonly stage: Stage;
  readonly averageDays: number;
  readonly stays: number;
}

/** What the dashboard lists of a recent application. */
export interface ApplicationSummary {
  readonly id: string;
  readonly jobId: string;
  readonly candidateId: string;
  readonly stage: Stage;
  readonly createdAt: string;
}

/** What the tally reads of an application (and hands the reports, which read a little more). */
export type TalliedApplication = ReportApplication & Pick<Application, 'createdAt'>;

/** One application's contribution to the totals, worked out once per version of it. */
interface Entry {
  /** The application as counted (the stored data itself, not a copy). */
  readonly application: TalliedApplication;
  readonly summary: ApplicationSummary;
  /** Version stamp (RxDB's last-write time): an older version never replaces a newer one. */
  readonly version: number;
  readonly reached: readonly Stage[];
  /** Finished stays: stage and seconds spent in it. */
  readonly finishedStays: readonly (readonly [Stage, number])[];
  /** The stay still going on: stage and when it began, in seconds. */
  readonly currentStay: readonly [Stage, number] | null;
}

/**
 * What the tally keeps of an application: only what the figures and reports read. The document as
 * stored also holds its notes, its offer's terms, its merge marks and RxDB's own fields, which for
 * 100,000 applications is most of the tally's memory.
 */
function talliedCopy(application: TalliedApplication): TalliedApplication {
  const { id, jobId, candidateId, stage, createdAt, rejection, offer, source } = application;
  return {
    id,
    jobId,
    candidateId,
    stage,
    createdAt,
    stageHistory: application.stageHistory.map(({ to, at, recordedAt }) => ({ to, at, recordedAt })),
    ...(rejection ? { rejection: { atStage: rejection.atStage, reason: rejection.reason } } : {}),
    ...(offer ? { offer: { status: offer.status } } : {}),
    ...(source ? { source } : {}),
  };
}

function entryOf(stored: TalliedApplication, version: number): Entry {
  const application = talliedCopy(stored);
  const history = application.stageHistory;
  const finishedStays: [Stage, number][] = [];
  let currentStay: [Stage, number] | null = null;
  history.forEach((step, index) => {
    const next = history[index + 1];
    if (next) finishedStays.push([step.to, seconds(Math.max(0, Date.parse(next.at) - Date.parse(step.at)))]);
    else if (step.to !== 'hired' && step.to !== 'rejected')
      currentStay = [step.to, seconds(Date.parse(step.at))];
  });
  const reachedStages = new Set(history.map((step) => step.to));
  return {
    application,
    summary: {
      id: application.id,
      jobId: application.jobId,
      candidateId: application.candidateId,
      stage: application.stage,
      createdAt: application.createdAt,
    },
    version,
    reached: PIPELINE_STAGES.filter((stage) => reachedStages.has(stage)),
    finishedStays,
    currentStay,
  };
}

function zeros(stages: readonly Stage[]): Record<Stage, number> {
  return Object.fromEntries(stages.map((stage) => [stage, 0])) as Record<Stage, number>;
}

/**
 * The dashboard's and the jobs list's figures over every application, kept up to date change by
 * change: each application's contribution is added when it arrives and taken out when it changes or
 * goes. With 100,000 applications local, re-reading and re-counting all of them on every change
 * held the window (and the sync it runs) for seconds.
 */
export class ApplicationTally {
  private readonly entries = new Map<string, Entry>();
  private readonly byStage = zeros(STAGES);
  private readonly reached = zeros(PIPELINE_STAGES);
  private readonly finishedSeconds = zeros(PIPELINE_STAGES);
  private readonly finishedStays = zeros(PIPELINE_STAGES);
  private readonly currentSinceSum = zeros(PIPELINE_STAGES);
  private readonly currentStays = zeros(PIPELINE_STAGES);
  private readonly byJob = new Map<string, number>();

  get size(): number {
    return this.entries.size;
  }

  /** Adds an application or replaces its older version. */
  set(application: TalliedApplication, version: number): void {
    const existing = this.entries.get(application.id);
    if (existing && existing.version > version) return;
    if (existing) this.count(existing, -1);
    const entry = entryOf(application, version);
    this.entries.set(application.id, entry);
    this.count(entry, 1);
  }

  /** Takes an application out (deleted), unless a newer version is already counted. */
  remove(id: string, version: number): void {
    const existing = this.entries.get(id);
    if (!existing || existing.version > version) return;
    this.count(existing, -1);
    this.entries.delete(id);
  }

  /** The candidates with an application to `jobId` at `stage` (null for either: any). */
  candidatesWith(jobId: string | null, stage: Stage | null): Set<string> {
    const found = new Set<string>();
    for (const { summary } of this.entries.values()) {
      if ((jobId === null || summary.jobId === jobId) && (stage === null || summary.stage === stage)) {
        found.add(summary.candidateId);
      }
    }
    return found;
  }

  applicationsByStage(): Record<Stage, number> {
    return { ...this.byStage };
  }

  /** How many applications ever reached each pipeline stage (rejected ones count up to where they got). */
  pipelineFunnel(): { stage: Stage; count: number }[] {
    return PIPELINE_STAGES.map((stage) => ({ stage, count: this.reached[stage] }));
  }

  /** Average days an application stays in each stage: finished stays, and current stays up to `now`. */
  timeInStage(now: number): StageDuration[] {
    return PIPELINE_STAGES.filter((stage) => stage !== 'hired').map((stage) => {
      const stays = this.finishedStays[stage] + this.currentStays[stage];
      const current = this.currentStays[stage] * seconds(now) - this.currentSinceSum[stage];
      const total = this.finishedSeconds[stage] + Math.max(0, current);
      return { stage, stays, averageDays: stays ? Math.round((total / stays / DAY_S) * 10) / 10 : 0 };
    });
  }

  /** The newest applications first. */
  recent(limit = 8): ApplicationSummary[] {
    const newest: ApplicationSummary[] = [];
    for (const { summary } of this.entries.values()) {
      if (newest.length === limit && summary.createdAt <= (newest.at(-1)?.createdAt ?? '')) continue;
      newest.push(summary);
      newest.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      if (newest.length > limit) newest.pop();
    }
    return newest;
  }

  /** Every counted application, for the reports (`shared/domain/reports`). */
  applications(): TalliedApplication[] {
    return [...this.entries.values()].map((entry) => entry.application);
  }

  /** Applications per job. */
  countByJob(): ReadonlyMap<string, number> {
    return this.byJob;
  }

  private count(entry: Entry, sign: 1 | -1): void {
    const { summary } = entry;
    this.byStage[summary.stage] += sign;
    const jobCount = (this.byJob.get(summary.jobId) ?? 0) + sign;
    if (jobCount === 0) this.byJob.delete(summary.jobId);
    else this.byJob.set(summary.jobId, jobCount);
    for (const stage of entry.reached) this.reached[stage] += sign;
    for (const [stage, spent] of entry.finishedStays) {
      if (!PIPELINE_STAGES.includes(stage)) continue;
      this.finishedSeconds[stage] += sign * spent;
      this.finishedStays[stage] += sign;
    }
    if (entry.currentStay) {
      const [stage, since] = entry.currentStay;
      this.currentSinceSum[stage] += sign * since;
      this.currentStays[stage] += sign;
    }
  }
}
