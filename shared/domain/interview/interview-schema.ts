import Type, { type Static } from 'typebox';
import { documentBase, Id, IsoDateTime, StringEnum, Text } from '../common/schema-helpers';
import { ApplicationSchema } from '../application/application-schema';

export const INTERVIEW_TYPES = ['phone', 'technical', 'onsite', 'hiring_manager', 'culture'] as const;
export type InterviewType = (typeof INTERVIEW_TYPES)[number];

export const INTERVIEW_STATUSES = ['scheduled', 'completed', 'cancelled', 'no_show'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

export const RECOMMENDATIONS = ['strong_yes', 'yes', 'no', 'strong_no'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/**
 * A submitted scorecard. Drafts stay on the interviewer's laptop; a scorecard in the document is
 * submitted, and its author may still edit it.
 */
export const ScorecardSchema = Type.Object(
  {
    interviewerId: Id(),
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    recommendation: StringEnum(RECOMMENDATIONS),
    notes: Text(10_000),
    submittedAt: IsoDateTime(),
  },
  { additionalProperties: false },
);
export type Scorecard = Static<typeof ScorecardSchema>;

/** A scheduled conversation with a candidate for one application (SPEC §2). */
export const InterviewSchema = Type.Object(
  {
    ...documentBase,
    applicationId: ApplicationSchema.properties.id,
    jobId: Id(),
    candidateId: Id(),
    type: StringEnum(INTERVIEW_TYPES),
    scheduledAt: IsoDateTime(),
    durationMinutes: Type.Integer({ minimum: 5, maximum: 480 }),
    location: Type.Optional(Text(200)),
    meetingUrl: Type.Optional(Type.String({ maxLength: 2_000, pattern: '^https?://[^\\s]+$' })),
    interviewerIds: Type.Array(Id(), { minItems: 1, maxItems: 10 }),
    status: StringEnum(INTERVIEW_STATUSES),
    scorecards: Type.Array(ScorecardSchema, { maxItems: 10 }),
    createdBy: Id(),
    createdAt: IsoDateTime(),
  },
  { additionalProperties: false, title: 'Interview' },
);

export type Interview = Static<typeof InterviewSchema>;
