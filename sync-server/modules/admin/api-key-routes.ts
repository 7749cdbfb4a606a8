import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { ApiKeySummarySchema, CreatedApiKeySchema, NewApiKeySchema } from '#shared/sync/admin-protocol';
import { unwrap } from '../../plugins/api-error';
import { actorOf, organisationOf, storeOf } from '../../plugins/auth';
import { BEARER, errorResponses } from '../../plugins/schemas';
import { createApiKey, listApiKeys, revokeApiKey } from '../../services/api-keys';
import { recordAudit } from '../../services/audit-service';

/**
 * `/api/admin/api-keys` (SPEC §11): keys for scripts and other systems. A key is shown once (only its
 * hash is kept), acts for one person with at most their role, and is revoked at once.
 */
export function apiKeyRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const audit = (request: FastifyRequest, keyId: string, reason: string) =>
    recordAudit(storeOf(request), [
      {
        at: Date.now(),
        userId: actorOf(request).id,
        collection: 'api_keys',
        docId: keyId,
        outcome: 'accepted',
        action: 'admin',
        reason,
      },
    ]);

  app.post(
    '/api-keys',
    {
      schema: {
        tags: ['admin'],
        operationId: 'createApiKey',
        summary: 'Create an API key (its text is shown once)',
        security: BEARER,
        body: { ...NewApiKeySchema, examples: [{ name: 'HR suite sync', role: 'recruiter' }] },
        response: {
          201: CreatedApiKeySchema,
          ...errorResponses(400, 401, 403, 422),
        },
      },
    },
    async (request, reply) => {
      const admin = actorOf(request);
      const { name, role, readOnly, userId } = request.body;
      const created = unwrap(
        await createApiKey(
          storeOf(request),
          { name: name.trim(), role, readOnly: readOnly ?? false, userId: userId ?? admin.id },
          admin.id,
          Date.now(),
          organisationOf(request).id,
        ),
      );
      await audit(request, created.summary.id, `created API key "${created.summary.name}" as ${role}`);
      return reply.status(201).send({ ...created.summary, key: created.key });
    },
  );

  app.get(
    '/api-keys',
    {
      schema: {
        tags: ['admin'],
        operationId: 'listApiKeys',
        summary: 'Every API key, newest first, without secrets',
        security: BEARER,
        response: { 200: Type.Array(ApiKeySummarySchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listApiKeys(storeOf(request)),
  );

  app.delete(
    '/api-keys/:id',
    {
      schema: {
        tags: ['admin'],
        operationId: 'revokeApiKey',
        summary: 'Revoke an API key (refused from its next request on)',
        security: BEARER,
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const revoked = unwrap(await revokeApiKey(storeOf(request), request.params.id, Date.now()));
      await audit(request, revoked.id, 'revoked API key');
      return reply.status(204).send(null);
    },
  );
  return Promise.resolve();
}
