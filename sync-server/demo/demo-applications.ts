import {
  moveToStage,
  newApplication,
  type CommandTime,
} from '#shared/domain/application/application-commands';
import type { Application, Offer, Stage } from '#shared/domain/application/application-schema';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
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
  const [arrival, ...moves] = plan.stages;
  if (!arrival) throw new Error(`Demo application ${plan.jobId}/${plan.candidateId} has no history.`);
  const timeOf = (stage: StagePlan, index: number): CommandTime => {
    const at = clock.at({ daysAgo: stage.daysAgo, hour: stage.hour, minute: 10 + index * 3 });
    const recordedAt = clock.isoPlusMinutes(at, stage.syncDelayMinutes ?? DEFAULT_SYNC_DELAY_MINUTES);
    return { at: new Date(at), recordedAt: new Date(recordedAt) };
  };
  let application = newApplication(plan.jobId, plan.candidateId, { id: arrival.by }, timeOf(arrival, 0), {
    ...(source ? { source } : {}),
    note: arrival.note,
  });
  for (const [index, stage] of moves.entries()) {
    const details = {
      note: stage.note,
      ...(stage.to === 'rejected' ? { reason: plan.rejection?.reason } : {}),
    };
    application = moveToStage(application, stage.to, { id: stage.by }, details, timeOf(stage, index + 1));
  }
  // The demo's rejections carry a note of their own, apart from the stage change's.
  if (plan.rejection && application.rejection)
    application.rejection = { atStage: application.rejection.atStage, ...plan.rejection };
  if (plan.offer) application.offer = buildOffer(clock, plan.offer);
  return { ...application, updatedAt: clock.now };
}

function buildOffer(clock: DemoClock, plan: OfferPlan): Offer {
  const { startInDays, deadlineInDays, ...offer } = plan;
  return {
    ...offer,
    ...(startInDays === undefined ? {} : { startDate: clock.date(startInDays) }),
    ...(deadlineInDays === undefined ? {} : { deadline: clock.date(deadlineInDays) }),
  };
}
