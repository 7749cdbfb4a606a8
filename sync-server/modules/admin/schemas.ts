import Type from 'typebox';
import { StringEnum } from '#shared/domain/common/schema-helpers';
import { DigitsSchema } from '../../plugins/schemas';
import { ApiErrorSchema } from '#shared/sync/protocol';

/** The error answers every admin route may give. */
export const AdminErrors = {
  400: ApiErrorSchema,
  401: ApiErrorSchema,
  403: ApiErrorSchema,
  404: ApiErrorSchema,
};

/** `GET /api/admin/audit` filters. */
export const AuditQuerySchema = Type.Object({
  userId: Type.Optional(Type.String({ maxLength: 200 })),
  docId: Type.Optional(Type.String({ maxLength: 200 })),
  collection: Type.Optional(Type.String({ maxLength: 40 })),
  outcome: Type.Optional(StringEnum(['accepted', 'rejected'] as const)),
  since: Type.Optional(DigitsSchema('Only entries at or after this time (ms since epoch).')),
  until: Type.Optional(DigitsSchema('Only entries before this time (ms since epoch).')),
  limit: Type.Optional(DigitsSchema('At most this many entries (1–1000, default 100; CSV up to 100,000).')),
});

/** One audited write. */
export const AuditEntrySchema = Type.Object({
  at: Type.Integer(),
  userId: Type.String(),
  collection: Type.String(),
  docId: Type.String(),
  outcome: Type.String(),
  action: Type.String(),
  code: Type.Optional(Type.String()),
  reason: Type.Optional(Type.String()),
});

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

/** Which signed-in devices have pulled an erasure. */
export const ErasureReceiptSchema = Type.Object({
  candidateId: Type.String(),
  erasedAt: Type.Integer(),
  devices: Type.Array(
    Type.Object({
      sessionId: Type.String(),
      userId: Type.String(),
      userName: Type.String(),
      role: Type.String(),
      lastCaughtUpAt: Type.Union([Type.Integer(), Type.Null()]),
      hasErasure: Type.Boolean(),
    }),
  ),
});

/** What an erasure removed. */
export const ErasureReportSchema = Type.Object({
  erased: Type.Literal(true),
  applications: Type.Integer(),
  interviews: Type.Integer(),
  messages: Type.Integer(),
  candidateMessages: Type.Integer(),
  mailFiles: Type.Integer(),
  portalAccount: Type.Boolean(),
  receipt: ErasureReceiptSchema,
});

/** A document id in the path. */
export const IdParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) });
