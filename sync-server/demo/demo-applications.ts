import {
  applicationId,
  type Application,
  type Offer,
  type Stage,
  type StageHistoryEntry,
} from '#shared/domain/application/application-schema';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import { toIso } from '#shared/domain/common/time';
import type { DemoClock } from './demo-time';

/** One stage change of a demo application: who made it, how many days ago, at what UTC hour, and why. */
export interface StagePlan {
  readonly to: Stage;
  readonly by: string;
  readonly daysAgo: number;
  readonly hour: number;
  readonly note: string;
  /** Minutes between the change and the server recording it; long when it was made offline. */
  readonly syncDelayMinutes?: number;
}

/** An offer, with its dates as days from today so they stay current. */
export type OfferPlan = Omit<Offer, 'startDate' | 'deadline'> & {
  readonly startInDays?: number;
  readonly deadlineInDays?: number;
};

/**
 * A demo application as a story: the stages it went through, in order, starting with its arrival at
 * `applied`; a rejection's reason when the last stage is `rejected` (the stage it was rejected at is
 * the one before); the offer, when one was made.
 */
export interface ApplicationPlan {
  readonly jobId: string;
  readonly candidateId: string;
  readonly stages: readonly StagePlan[];
  readonly rejection?: { readonly reason: string; readonly note?: string };
  readonly offer?: OfferPlan;
}

/** Shorthand for a stage change of a plan. */
export function move(
  to: Stage,
  by: string,
  daysAgo: number,
  hour: number,
  note: string,
  syncDelayMinutes?: number,
): StagePlan {
  return syncDelayMinutes === undefined
    ? { to, by, daysAgo, hour, note }
    : { to, by, daysAgo, hour, note, syncDelayMinutes };
}

const DEFAULT_SYNC_DELAY_MINUTES = 1;

/** Turns plans into application documents; the application's source is its candidate's. */
export function buildDemoApplications(
  clock: DemoClock,
  plans: readonly ApplicationPlan[],
  candidates: readonly Candidate[],
): Application[] {
  const sourceOf = new Map(candidates.map((candidate) => [candidate.id, candidate.source]));
  return plans.map((plan) => buildApplication(clock, plan, sourceOf.get(plan.candidateId)));
}

function buildApplication(
  clock: DemoClock,
  plan: ApplicationPlan,
  source: Candidate['source'] | undefined,
): Application {
  const stageHistory = plan.stages.map((stage, index): StageHistoryEntry => {
    const at = clock.at({ daysAgo: stage.daysAgo, hour: stage.hour, minute: 10 + index * 3 });
    return {
      from: index === 0 ? null : (plan.stages[index - 1]?.to ?? null),
      to: stage.to,
      by: stage.by,
      at: toIso(at),
      recordedAt: clock.isoPlusMinutes(at, stage.syncDelayMinutes ?? DEFAULT_SYNC_DELAY_MINUTES),
      note: stage.note,
    };
  });
  const first = stageHistory[0];
  const last = stageHistory.at(-1);
  if (!first || !last) throw new Error(`Demo application ${plan.jobId}/${plan.candidateId} has no history.`);
  const application: Application = {
    id: applicationId(plan.jobId, plan.candidateId),
    jobId: plan.jobId,
    candidateId: plan.candidateId,
    stage: last.to,
    stageHistory,
    createdBy: first.by,
    createdAt: first.at,
    updatedAt: clock.now,
  };
  if (source) application.source = source;
  if (plan.rejection && last.from) application.rejection = { atStage: last.from, ...plan.rejection };
  if (plan.offer) application.offer = buildOffer(clock, plan.offer);
  return application;
}

function buildOffer(clock: DemoClock, plan: OfferPlan): Offer {
  const { startInDays, deadlineInDays, ...offer } = plan;
  return {
    ...offer,
    ...(startInDays === undefined ? {} : { startDate: clock.date(startInDays) }),
    ...(deadlineInDays === undefined ? {} : { deadline: clock.date(deadlineInDays) }),
  };
}
