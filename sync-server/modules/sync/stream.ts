import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { STAFF_ROLES } from '#shared/domain/common/roles';
import { actorOf, authenticate, organisationOf } from '../../plugins/auth';
import { BEARER } from '../../plugins/schemas';
import { ApiErrorSchema } from '#shared/sync/protocol';

/**
 * `GET /api/sync/stream`: Server-Sent Events. `data: {"type":"RESYNC"}` on connect, then
 * `{"type":"change","collection":…}` when a collection changes, `{"type":"wipe"}` for a wiped
 * device, and a comment line as heartbeat.
 */
export function streamRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/stream',
    {
      onRequest: authenticate(app, STAFF_ROLES, { allowQueryToken: true }),
      schema: {
        tags: ['sync'],
        operationId: 'streamChanges',
        summary: 'Server-Sent Events naming the collections that changed',
        description:
          'Auth by `Authorization: Bearer` or the `access_token` query parameter (EventSource cannot set headers).',
        security: BEARER,
        querystring: Type.Object({ access_token: Type.Optional(Type.String({ maxLength: 4_096 })) }),
        response: {
          200: Type.String({ description: 'text/event-stream' }),
          401: ApiErrorSchema,
          403: ApiErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const hub = await app.changeHubOf(organisationOf(request));
      reply.hijack();
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
      }
      reply.raw.writeHead(200, {
        ...headers,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      reply.raw.write('retry: 3000\n\n');
      hub.add(actor, reply.raw);
    },
  );
  return Promise.resolve();
}
