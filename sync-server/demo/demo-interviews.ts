import { applicationId } from '#shared/domain/application/application-schema';
import { toIso } from '#shared/domain/common/time';
import type { Interview, Scorecard } from '#shared/domain/interview/interview-schema';
import type { DemoClock, DemoMoment } from './demo-time';

/** A scorecard of a demo interview, submitted so many minutes after the interview ended. */
export type ScorecardPlan = Omit<Scorecard, 'submittedAt'> & { readonly minutesAfterEnd: number };

/** A demo interview, with its times relative to the day the demo is built; it follows a kit of its job's plan. */
export type DemoInterviewPlan = Omit<
  Interview,
  'applicationId' | 'scheduledAt' | 'scorecards' | 'createdAt' | 'updatedAt' | 'interviewerIds' | 'kitId'
> & {
  readonly kitId: string;
  readonly when: DemoMoment;
  readonly interviewerIds: readonly string[];
  readonly scorecards: readonly ScorecardPlan[];
  readonly createdDaysAgo: number;
};

/** Turns plans (the demo's are `DEMO_INTERVIEW_PLANS`) into interview documents. */
export function buildDemoInterviews(clock: DemoClock, plans: readonly DemoInterviewPlan[]): Interview[] {
  return plans.map((plan) => buildInterview(clock, plan));
}

function buildInterview(clock: DemoClock, plan: DemoInterviewPlan): Interview {
  const { when, scorecards, createdDaysAgo, interviewerIds, ...interview } = plan;
  const scheduledAt = clock.at(when);
  const endsAt = scheduledAt + plan.durationMinutes * 60_000;
  return {
    ...interview,
    applicationId: applicationId(plan.jobId, plan.candidateId),
    scheduledAt: toIso(scheduledAt),
    interviewerIds: [...interviewerIds],
    scorecards: scorecards.map(({ minutesAfterEnd, ...card }) => ({
      ...card,
      submittedAt: clock.isoPlusMinutes(endsAt, minutesAfterEnd),
    })),
    createdAt: clock.iso({ daysAgo: createdDaysAgo, hour: 17, minute: 20 }),
    updatedAt: clock.now,
  };
}
