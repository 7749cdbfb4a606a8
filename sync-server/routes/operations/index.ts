import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ApiErrorSchema } from '../schemas';

/** `GET /api/health` (the process runs) and `GET /api/ready` (the store answers). */
export function operationsRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/health',
    {
      schema: {
        tags: ['operations'],
        summary: 'The process is running',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    () => ({ status: 'ok' as const }),
  );
  app.get(
    '/ready',
    {
      schema: {
        tags: ['operations'],
        summary: 'The store answers',
        response: { 200: Type.Object({ status: Type.Literal('ready') }), 503: ApiErrorSchema },
      },
    },
    async (_request, reply) => {
      if (await app.store.ping()) return { status: 'ready' as const };
      return reply
        .status(503)
        .send({ error: { code: 'store_unavailable', message: 'The store does not answer.' } });
    },
  );
  return Promise.resolve();
}
