import Type, { type TSchema } from 'typebox';
import { ORGANISATION_ROLES } from '#shared/domain/common/roles';
import { Email, StringEnum } from '#shared/domain/common/schema-helpers';
import { ApiErrorSchema } from '#shared/sync/protocol';

/** Error responses of an authenticated route, for the OpenAPI document. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((status) => [status, ApiErrorSchema]));
}

/** The email typed at sign-in (checked against the accounts, not for format). */
export const LoginEmailSchema = Type.String({ minLength: 1, maxLength: 254 });
/** The email of a new account. */
export const NewEmailSchema = Email();
/** A person's display name. */
export const PersonNameSchema = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
/** One of the roles an organisation gives its people (SPEC §1; never the deployment's operator). */
export const RoleSchema = StringEnum(ORGANISATION_ROLES);

/** A digits-only query parameter (query strings are not type-coerced). */
export const DigitsSchema = (description: string) => Type.String({ pattern: '^[0-9]{1,15}$', description });

/** OpenAPI security requirement of the authenticated routes. */
export const BEARER = [{ bearer: [] }];

/** The dashboard figures (`services/dashboard-stats`), for `/api/admin/stats` and `/api/v1/dashboard/stats`. */
export const DashboardStatsSchema = Type.Object({
  jobsByStatus: Type.Record(Type.String(), Type.Integer()),
  applicationsByStage: Type.Record(Type.String(), Type.Integer()),
  candidatesBySource: Type.Record(Type.String(), Type.Integer()),
  interviewsToday: Type.Integer(),
  interviewsUpcoming: Type.Integer(),
  recentApplications: Type.Array(
    Type.Object({
      id: Type.String(),
      jobId: Type.String(),
      candidateId: Type.String(),
      stage: Type.String(),
      createdAt: Type.String(),
    }),
  ),
});
