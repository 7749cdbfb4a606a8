import Type from 'typebox';
import { ApiErrorSchema } from '#shared/sync/protocol';

export {
  AuditEntrySchema,
  AuditQuerySchema,
  ErasureReceiptSchema,
  ErasureReportSchema,
} from '#shared/sync/admin-protocol';

/** The error answers every admin route may give. */
export const AdminErrors = {
  400: ApiErrorSchema,
  401: ApiErrorSchema,
  403: ApiErrorSchema,
  404: ApiErrorSchema,
};

/** `GET /api/admin/stats`. */
export const AdminStatsSchema = Type.Object({
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

/** A document id in the path. */
export const IdParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) });
