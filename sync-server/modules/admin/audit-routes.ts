import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { organisationOf, storeOf } from '../../plugins/auth';
import { badRequest } from '../../plugins/api-error';
import { BEARER } from '../../plugins/schemas';
import { queryAudit } from '../../services/audit-service';
import { AdminErrors, AuditEntrySchema, AuditQuerySchema } from './schemas';

/** `GET /api/admin/audit`: accepted and refused writes, newest first. */
export function auditRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/audit',
    {
      schema: {
        tags: ['admin'],
        operationId: 'listAuditEntries',
        summary: 'Accepted and refused writes, newest first',
        security: BEARER,
        querystring: AuditQuerySchema,
        response: { 200: Type.Object({ entries: Type.Array(AuditEntrySchema) }), ...AdminErrors },
      },
    },
    async (request) => {
      const limit = request.query.limit === undefined ? 100 : Number(request.query.limit);
      if (limit < 1 || limit > 1_000) throw badRequest('limit must be from 1 to 1000.', 'invalid_limit');
      // Read-your-writes: every write stored so far is in the log before it is read.
      await (await app.auditProjectorOf(organisationOf(request))).catchUp();
      const entries = await queryAudit(storeOf(request), {
        limit,
        ...(request.query.userId ? { userId: request.query.userId } : {}),
        ...(request.query.docId ? { docId: request.query.docId } : {}),
        ...(request.query.since ? { since: Number(request.query.since) } : {}),
      });
      return { entries };
    },
  );
  return Promise.resolve();
}
