import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { storeOf } from '../../plugins/auth';
import { BEARER } from '../../plugins/schemas';
import { computeStats, exportNdjson } from './admin-service';
import { AdminErrors, AdminStatsSchema } from './schemas';

/** `GET /api/admin/stats` and `GET /api/admin/export`. */
export function reportRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/stats',
    {
      schema: {
        tags: ['admin'],
        operationId: 'getAdminStats',
        summary:
          'Jobs by status, applications by stage, interviews today and upcoming, recent applications, candidates by source',
        security: BEARER,
        response: { 200: AdminStatsSchema, ...AdminErrors },
      },
    },
    async (request) => computeStats(storeOf(request), Date.now()),
  );

  app.get(
    '/export',
    {
      schema: {
        tags: ['admin'],
        operationId: 'exportData',
        summary: 'Every document of every collection, as NDJSON lines {collection, document}',
        security: BEARER,
        produces: ['application/x-ndjson'],
        response: {
          200: { description: 'NDJSON: one `{"collection", "document"}` line per document.' },
          ...AdminErrors,
        },
      },
    },
    async (request, reply) => {
      const date = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="shortlist-export-${date}.ndjson"`)
        .send(Readable.from(exportNdjson(storeOf(request))));
    },
  );
  return Promise.resolve();
}
