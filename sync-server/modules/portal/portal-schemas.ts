import Type from 'typebox';
import { STAGES } from '#shared/domain/application/application-schema';
import { Id, StringEnum } from '#shared/domain/common/schema-helpers';
import { EMPLOYMENT_TYPES } from '#shared/domain/job/job-schema';

/**
 * Response schemas of the portal: exactly the fields of the shared `PortalJob` and
 * `PortalApplication` views. Fastify's serializer drops anything else, a second guard against leaks.
 */
export const PortalJobSchema = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    department: Type.String(),
    location: Type.String(),
    employmentType: StringEnum(EMPLOYMENT_TYPES),
    description: Type.String(),
    requirements: Type.Array(Type.String()),
    salaryMin: Type.Optional(Type.Integer()),
    salaryMax: Type.Optional(Type.Integer()),
    currency: Type.Optional(Type.String()),
  },
  { title: 'PortalJob' },
);

export const PortalApplicationSchema = Type.Object(
  {
    id: Type.String(),
    jobId: Type.String(),
    jobTitle: Type.String(),
    stage: StringEnum(STAGES),
    appliedAt: Type.String(),
    stageHistory: Type.Array(Type.Object({ stage: StringEnum(STAGES), at: Type.String() })),
  },
  { title: 'PortalApplication' },
);

export const JobParamsSchema = Type.Object({ id: Id({ description: 'The job id' }) });

export const ApplicationParamsSchema = Type.Object({
  id: Type.String({
    minLength: 3,
    maxLength: 130,
    pattern: '^[A-Za-z0-9_-]+$',
    description: 'The application id',
  }),
});

/** The body of an application: an optional cover letter (kept as the note of its first history entry). */
export const ApplyBodySchema = Type.Object(
  { coverLetter: Type.Optional(Type.String({ maxLength: 2_000 })) },
  { additionalProperties: false },
);
