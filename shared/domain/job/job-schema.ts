import Type, { type Static } from 'typebox';
import { documentBase, Id, IsoDateTime, StringEnum, Text } from '../common/schema-helpers';
import { InterviewPlanSchema } from './interview-plan-schema';

export const JOB_STATUSES = ['draft', 'open', 'on_hold', 'closed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const EMPLOYMENT_TYPES = ['full_time', 'part_time', 'contract', 'internship'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const CLOSED_REASONS = ['filled', 'cancelled'] as const;
export type ClosedReason = (typeof CLOSED_REASONS)[number];

/**
 * A job opening (SPEC §2). `closedReason` is present exactly when the job is closed. `interviewPlan`
 * (optional: jobs written before plans existed have none) is its structured interview plan.
 */
export const JobSchema = Type.Object(
  {
    ...documentBase,
    title: Text(200, 1),
    department: Text(100),
    location: Text(200),
    employmentType: StringEnum(EMPLOYMENT_TYPES),
    description: Text(20_000),
    requirements: Type.Array(Text(500, 1), { maxItems: 100 }),
    salaryMin: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    salaryMax: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', maxLength: 3 })),
    status: StringEnum(JOB_STATUSES),
    closedReason: Type.Optional(StringEnum(CLOSED_REASONS)),
    /** How many people the job hires; once that many are hired the app offers to close it as filled. */
    openings: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000 })),
    hiringManagerId: Type.Optional(Id()),
    recruiterIds: Type.Array(Id(), { maxItems: 50 }),
    interviewPlan: Type.Optional(InterviewPlanSchema),
    createdBy: Id(),
    createdAt: IsoDateTime(),
  },
  { additionalProperties: false, title: 'Job' },
);

export type Job = Static<typeof JobSchema>;
