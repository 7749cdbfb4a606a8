import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import Type from 'typebox';
import { organisationOf, storeOf } from '../../plugins/auth';
import { badRequest } from '../../plugins/api-error';
import { BEARER } from '../../plugins/schemas';
import { auditCsv, queryAudit, type AuditFilter } from '../../services/audit-service';
import { AdminErrors, AuditEntrySchema, AuditQuerySchema } from './schemas';

/** The filter of a query, or a 400 for a limit or time range that makes no sense. */
function filterOf(
  query: Static<typeof AuditQuerySchema>,
  maxLimit: number,
  defaultLimit: number,
): AuditFilter {
  const limit = query.limit === undefined ? defaultLimit : Number(query.limit);
  if (limit < 1 || limit > maxLimit)
    throw badRequest(`limit must be from 1 to ${maxLimit}.`, 'invalid_limit');
  const since = query.since === undefined ? undefined : Number(query.since);
  const until = query.until === undefined ? undefined : Number(query.until);
  if (since !== undefined && until !== undefined && until <= since) {
    throw badRequest('until must be later than since.', 'invalid_range');
  }
  return {
    limit,
    ...(query.userId ? { userId: query.userId } : {}),
    ...(query.docId ? { docId: query.docId } : {}),
    ...(query.collection ? { collection: query.collection } : {}),
    ...(query.outcome ? { outcome: query.outcome } : {}),
    ...(since === undefined ? {} : { since }),
    ...(until === undefined ? {} : { until }),
  };
}

/** `GET /api/admin/audit` and `GET /api/admin/audit/export` (CSV): accepted and refused writes, newest first. */
export function auditRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const query = async (request: FastifyRequest, filter: AuditFilter) => {
    // Read-your-writes: every write stored so far is in the log before it is read.
    await (await app.auditProjectorOf(organisationOf(request))).catchUp();
    return queryAudit(storeOf(request), filter);
  };
  app.get(
    '/audit',
    {
      schema: {
        tags: ['admin'],
        operationId: 'listAuditEntries',
        summary: 'Accepted and refused writes, newest first',
        description:
          'Filters: person (`userId`), document (`docId`), `collection`, `outcome`, and a time range `since` ≤ at < `until`.',
        security: BEARER,
        querystring: AuditQuerySchema,
        response: { 200: Type.Object({ entries: Type.Array(AuditEntrySchema) }), ...AdminErrors },
      },
    },
    async (request) => ({ entries: await query(request, filterOf(request.query, 1_000, 100)) }),
  );

  app.get(
    '/audit/export',
    {
      schema: {
        tags: ['admin'],
        summary: 'The audit log as CSV (the same filters; up to 100,000 entries, default 10,000)',
        security: BEARER,
        querystring: AuditQuerySchema,
        produces: ['text/csv'],
        response: {
          200: Type.String({ description: 'CSV: at,userId,collection,docId,outcome,action,code,reason' }),
          ...AdminErrors,
        },
      },
    },
    async (request, reply) => {
      const entries = await query(request, filterOf(request.query, 100_000, 10_000));
      const date = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="shortlist-audit-${date}.csv"`)
        .send(auditCsv(entries));
    },
  );
  return Promise.resolve();
}
