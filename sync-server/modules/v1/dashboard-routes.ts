import type { FastifyInstance } from 'fastify';
import { readsEverything } from '#shared/domain/decide/read-rules';
import { forbidden } from '../../plugins/api-error';
import { actorOf, storeOf } from '../../plugins/auth';
import { DashboardStatsSchema } from '../../plugins/schemas';
import { computeStats } from '../../services/dashboard-stats';
import { READ_ERRORS, V1_SECURITY } from './v1-schemas';

/**
 * `GET /api/v1/dashboard/stats` (SPEC §11): the dashboard's figures, for those who read everything
 * (an interviewer's counts would tell what they may not read).
 */
export function dashboardRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/dashboard/stats',
    {
      schema: {
        tags: ['v1'],
        operationId: 'getDashboardStats',
        summary: 'Jobs by status, applications by stage, candidates by source, interviews today and upcoming',
        security: V1_SECURITY,
        response: { 200: DashboardStatsSchema, ...READ_ERRORS },
      },
    },
    async (request) => {
      if (!readsEverything(actorOf(request)))
        throw forbidden('Your role does not see the dashboard figures.');
      return computeStats(storeOf(request), Date.now());
    },
  );
  return Promise.resolve();
}
