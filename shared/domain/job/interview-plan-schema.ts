import Type, { type Static } from 'typebox';
import { Id, StringEnum, Text } from '../common/schema-helpers';
import { INTERVIEW_TYPES } from '../interview/interview-schema';

/**
 * What the team wants to learn about every candidate for the job ("System design", "Ownership"):
 * interview kits focus on some of them, scorecards rate them. The id is what scorecards name, so a
 * renamed attribute keeps its ratings.
 */
export const FocusAttributeSchema = Type.Object(
  {
    id: Id(),
    name: Text(100, 1),
    description: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);
export type FocusAttribute = Static<typeof FocusAttributeSchema>;

/**
 * One interview of the plan and what its interviewer needs: why it is held, the questions to ask and
 * the attributes to rate. An interview document follows a kit by naming its id (`kitId`).
 */
export const InterviewKitSchema = Type.Object(
  {
    id: Id(),
    name: Text(100, 1),
    type: StringEnum(INTERVIEW_TYPES),
    durationMinutes: Type.Integer({ minimum: 5, maximum: 480 }),
    purpose: Text(2_000),
    questions: Type.Array(Text(500, 1), { maxItems: 30 }),
    /** Ids of the plan's `attributes` this interview assesses. */
    focusAttributeIds: Type.Array(Id(), { maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type InterviewKit = Static<typeof InterviewKitSchema>;

/** A step of the hiring process ("Technical round"), with the interviews held in it. */
export const InterviewPlanStageSchema = Type.Object(
  {
    id: Id(),
    name: Text(100, 1),
    kits: Type.Array(InterviewKitSchema, { maxItems: 10 }),
  },
  { additionalProperties: false },
);
export type InterviewPlanStage = Static<typeof InterviewPlanStageSchema>;

/**
 * A job's structured interview plan: the attributes it assesses and its stages of interviews, in
 * order. Ids are unique within the plan (kits across all stages); every focus attribute of a kit is
 * one of the plan's attributes (`decideInterviewPlan`).
 */
export const InterviewPlanSchema = Type.Object(
  {
    attributes: Type.Array(FocusAttributeSchema, { maxItems: 50 }),
    stages: Type.Array(InterviewPlanStageSchema, { maxItems: 10 }),
  },
  { additionalProperties: false },
);
export type InterviewPlan = Static<typeof InterviewPlanSchema>;
