import Type, { type Static } from 'typebox';
import { documentBase, Id, IsoDateTime, StringEnum, Text } from '../common/schema-helpers';
import { ApplicationSchema } from '../application/application-schema';

export const INTERVIEW_TYPES = ['phone', 'technical', 'onsite', 'hiring_manager', 'culture'] as const;
export type InterviewType = (typeof INTERVIEW_TYPES)[number];

export const INTERVIEW_STATUSES = ['scheduled', 'completed', 'cancelled', 'no_show'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

export const RECOMMENDATIONS = ['strong_yes', 'yes', 'no', 'strong_no'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** The lowest and highest rating, of a scorecard overall and of each attribute. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;
const Rating = () => Type.Integer({ minimum: RATING_MIN, maximum: RATING_MAX });

/** How the candidate did on one focus attribute of the interview's kit, with what backs it up. */
export const AttributeRatingSchema = Type.Object(
  {
    attributeId: Id(),
    rating: Rating(),
    note: Type.Optional(Text(2_000)),
  },
  { additionalProperties: false },
);
export type AttributeRating = Static<typeof AttributeRatingSchema>;

/**
 * A submitted scorecard. Drafts stay on the interviewer's laptop; a scorecard in the document is
 * submitted, and its author may still edit it. `attributeRatings` (optional: scorecards written before
 * kits existed have none) rate attributes of the interview's kit, each at most once.
 */
export const ScorecardSchema = Type.Object(
  {
    interviewerId: Id(),
    rating: Rating(),
    recommendation: StringEnum(RECOMMENDATIONS),
    notes: Text(10_000),
    attributeRatings: Type.Optional(Type.Array(AttributeRatingSchema, { maxItems: 20 })),
    submittedAt: IsoDateTime(),
  },
  { additionalProperties: false },
);
export type Scorecard = Static<typeof ScorecardSchema>;

/**
 * An interviewer's "I cannot make it" for the interview at the time it had then (`scheduledAt`): the
 * schedulers see it and find someone else or another time. A decline for an earlier time no longer counts.
 */
export const InterviewDeclineSchema = Type.Object(
  {
    interviewerId: Id(),
    reason: Text(500, 1),
    at: IsoDateTime(),
    scheduledAt: IsoDateTime(),
  },
  { additionalProperties: false },
);
export type InterviewDecline = Static<typeof InterviewDeclineSchema>;

/**
 * A scheduled conversation with a candidate for one application (SPEC §2). Optional, for documents
 * written before they existed: `kitId`, the kit of the job's interview plan it follows; `declines`,
 * one per interviewer at most; `withheldScorecardAuthors`, set by the server only, in an interviewer's
 * copy whose colleagues' scorecards are withheld: who they are (never what they say).
 */
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
    kitId: Type.Optional(Id()),
    declines: Type.Optional(Type.Array(InterviewDeclineSchema, { maxItems: 10 })),
    withheldScorecardAuthors: Type.Optional(Type.Array(Id(), { maxItems: 10 })),
    createdBy: Id(),
    createdAt: IsoDateTime(),
  },
  { additionalProperties: false, title: 'Interview' },
);

export type Interview = Static<typeof InterviewSchema>;
