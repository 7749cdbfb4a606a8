import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { readsEverything } from '#shared/domain/decide/read-rules';
import type { ReportFilter } from '#shared/domain/reports/report-input';
import { badRequest, forbidden } from '../../plugins/api-error';
import { actorOf, storeOf } from '../../plugins/auth';
import { DashboardStatsSchema } from '../../plugins/schemas';
import { computeStats } from '../../services/dashboard-stats';
import { storeHiringReport } from '../../services/store-hiring-report';
import { DashboardQuerySchema, HiringReportSchema } from './report-schemas';
import { READ_ERRORS, V1_SECURITY } from './v1-schemas';

/** The reports' filter from the query: times as ISO date-times, `from` before `to`. */
function reportFilterOf(query: {
  from?: string | undefined;
  to?: string | undefined;
  jobId?: string | undefined;
  recruiterId?: string | undefined;
}): ReportFilter {
  const from = query.from === undefined ? undefined : Date.parse(query.from);
  const to = query.to === undefined ? undefined : Date.parse(query.to);
  if (from !== undefined && to !== undefined && !(from < to)) {
    throw badRequest('`from` must be before `to`.', 'invalid_range');
  }
  return {
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(query.jobId === undefined ? {} : { jobId: query.jobId }),
    ...(query.recruiterId === undefined ? {} : { recruiterId: query.recruiterId }),
  };
}

/**
 * `GET /api/v1/dashboard/stats` (SPEC §11): the dashboard's figures and the hiring reports, for those
 * who read everything (an interviewer's counts would tell what they may not read).
 */
export function dashboardRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/dashboard/stats',
    {
      schema: {
        tags: ['v1'],
        operationId: 'getDashboardStats',
        summary:
          'Jobs by status, applications by stage, candidates by source, interviews today and upcoming, and the hiring reports',
        description:
          'The reports (`report`) cover the applications that arrived in `[from, to)`, of one job or of one recruiter’s jobs; ' +
          'they are the figures the app computes from its local copy.',
        security: V1_SECURITY,
        querystring: DashboardQuerySchema,
        response: {
          200: Type.Object({ ...DashboardStatsSchema.properties, report: HiringReportSchema }),
          ...READ_ERRORS,
        },
      },
    },
    async (request) => {
      if (!readsEverything(actorOf(request)))
        throw forbidden('Your role does not see the dashboard figures.');
      const filter = reportFilterOf(request.query);
      const now = Date.now();
      const store = storeOf(request);
      const [stats, report] = await Promise.all([
        computeStats(store, now),
        storeHiringReport(store, filter, now),
      ]);
      return { ...stats, report };
    },
  );
  return Promise.resolve();
}
