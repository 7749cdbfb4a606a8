import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ApiErrorSchema } from '#shared/sync/protocol';

/** What any route answers to a URL it cannot route (a malformed percent-escape). */
const ROUTING_ERROR = { ...ApiErrorSchema, description: 'The URL is malformed.' };

/** How long `/api/ready` lets a change follower that is between attempts try again before it answers. */
const FOLLOWER_GRACE_MS = 1_500;

/**
 * `GET /api/health` (the process runs) and `GET /api/ready` (the store answers and its change feed
 * is followed: without it, streams would stay silent while the app looks fine).
 */
export function operationsRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/health',
    {
      schema: {
        tags: ['operations'],
        operationId: 'getHealth',
        security: [],
        summary: 'The process is running',
        response: { 200: Type.Object({ status: Type.Literal('ok') }), 400: ROUTING_ERROR },
      },
    },
    () => ({ status: 'ok' as const }),
  );
  app.get(
    '/ready',
    {
      schema: {
        tags: ['operations'],
        operationId: 'getReadiness',
        security: [],
        summary: 'The store answers and its change feed is followed',
        description:
          '503 `store_unavailable` when the store does not answer; 503 `change_feed_down` when live updates are not followed.',
        response: {
          200: Type.Object({ status: Type.Literal('ready') }),
          400: ROUTING_ERROR,
          503: ApiErrorSchema,
        },
      },
    },
    async (_request, reply) => {
      if (!(await app.organisations.platform.ping())) {
        return reply
          .status(503)
          .send({ error: { code: 'store_unavailable', message: 'The store does not answer.' } });
      }
      const { changeFeed } = app;
      if (changeFeed.health().isFollowing || (await changeFeed.whenFollowing(FOLLOWER_GRACE_MS))) {
        return { status: 'ready' as const };
      }
      return reply.status(503).send({
        error: {
          code: 'change_feed_down',
          message: `Live updates are not followed: ${changeFeed.health().reason}`,
        },
      });
    },
  );
  return Promise.resolve();
}
