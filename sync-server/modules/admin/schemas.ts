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

/** `GET /api/admin/stats` (the same figures as the integration API's dashboard). */
export { DashboardStatsSchema as AdminStatsSchema } from '../../plugins/schemas';

/** A document id in the path. */
export const IdParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) });
