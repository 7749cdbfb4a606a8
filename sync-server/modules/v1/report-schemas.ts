import Type, { type TSchema } from 'typebox';
import { CANDIDATE_SOURCES } from '#shared/domain/candidate/candidate-schema';
import { StringEnum } from '#shared/domain/common/schema-helpers';
import { PIPELINE_STAGES, WAITING_STAGES } from '#shared/domain/reports/report-input';

const Count = Type.Integer({ minimum: 0 });
/** A list the reports answer read-only. */
const List = <T extends TSchema>(item: T, options: { description?: string } = {}) =>
  Type.Immutable(Type.Array(item, options));
const Ratio = Type.Union([Type.Number(), Type.Null()], {
  description: 'null when there is nothing to divide by',
});
const Days = Type.Union([Type.Number(), Type.Null()], {
  description: 'days; null when nothing was measured',
});
const PipelineStage = StringEnum(PIPELINE_STAGES);
const WaitingStage = StringEnum(WAITING_STAGES);
const PerWaitingStage = Type.Object({ applied: Count, screening: Count, interview: Count, offer: Count });
const TimeToHire = {
  hires: Count,
  medianDays: Days,
  averageDays: Days,
  lateRecorded: Type.Integer({ minimum: 0, description: 'hires whose path has a move recorded late' }),
};

/**
 * The hiring reports of `shared/domain/reports` (the same figures the app computes offline), for the
 * applications that arrived in the asked range, of one job or one recruiter's jobs.
 */
export const HiringReportSchema = Type.Object(
  {
    filter: Type.Object({
      from: Type.Optional(Type.Number({ description: 'ms, inclusive' })),
      to: Type.Optional(Type.Number({ description: 'ms, exclusive' })),
      jobId: Type.Optional(Type.String()),
      recruiterId: Type.Optional(Type.String()),
    }),
    applications: Count,
    funnel: List(Type.Object({ stage: PipelineStage, reached: Count }), {
      description: 'How many applications ever reached each stage (not where they are now).',
    }),
    currentStages: Type.Object(
      {
        applied: Count,
        screening: Count,
        interview: Count,
        offer: Count,
        hired: Count,
        rejected: Count,
      },
      { description: 'Where the applications are now.' },
    ),
    conversion: List(
      Type.Object({
        stage: WaitingStage,
        next: PipelineStage,
        reached: Count,
        advanced: Count,
        rejected: Count,
        stillThere: Count,
        conversion: Ratio,
      }),
    ),
    timeInStage: List(
      Type.Object({
        stage: WaitingStage,
        finished: Count,
        medianDays: Days,
        averageDays: Days,
        lateRecorded: Count,
        waitingNow: Count,
        waitingMedianDays: Days,
      }),
      { description: 'Measured from when people acted (`at`), not when the server heard of it.' },
    ),
    timeToHire: Type.Object({
      ...TimeToHire,
      byJob: List(Type.Object({ ...TimeToHire, jobId: Type.String(), title: Type.String() })),
    }),
    lateMoves: List(
      Type.Object({
        applicationId: Type.String(),
        jobId: Type.String(),
        to: Type.String(),
        at: Type.String(),
        recordedAt: Type.String(),
        delayHours: Type.Number(),
      }),
      { description: 'Moves the server recorded over an hour after they were made (offline work).' },
    ),
    sources: List(
      Type.Object({
        source: StringEnum([...CANDIDATE_SOURCES, 'unknown']),
        applications: Count,
        interviewed: Count,
        hires: Count,
        hireRate: Ratio,
      }),
    ),
    offers: Type.Object({
      drafts: Count,
      made: Count,
      accepted: Count,
      declined: Count,
      pending: Count,
      acceptanceRate: Ratio,
    }),
    rejectionReasons: List(
      Type.Object({ reason: Type.String(), byStage: PerWaitingStage, total: Count }),
    ),
  },
  { description: 'The hiring reports (SPEC §11, issue 19).' },
);

/** The query of the dashboard's figures: which applications the reports cover. */
export const DashboardQuerySchema = Type.Object({
  from: Type.Optional(
    Type.String({ format: 'date-time', description: 'applications that arrived from then' }),
  ),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'arrived before then' })),
  jobId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  recruiterId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});
