import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { notFound, unwrap } from '../../plugins/api-error';
import { actorOf, organisationOf, storeOf } from '../../plugins/auth';
import { mailDirectoryOf } from '../../services/notifications-config';
import { BEARER } from '../../plugins/schemas';
import { ApiErrorSchema } from '#shared/sync/protocol';
import { eraseCandidate, erasureReceipt } from './erasure-service';
import { AdminErrors, ErasureReceiptSchema, ErasureReportSchema, IdParamsSchema } from './schemas';

/** `POST /api/admin/candidates/{id}/erase` and its receipt (SPEC §5, right to erasure). */
export function erasureRoutes(
  root: FastifyInstance,
  options: { mailDirectory: string | null },
): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/candidates/:id/erase',
    {
      schema: {
        tags: ['admin'],
        operationId: 'eraseCandidate',
        summary:
          'Erase a candidate’s personal data (GDPR), on the server and through replication on every laptop',
        description:
          'Also for a candidate deleted earlier. Blanks their applications’ notes and offers, scorecard notes, ' +
          'every message to or about them and its mail file, their portal account and résumé, then compacts the ' +
          'store so no earlier revision keeps them. Sends no message. The receipt lists the signed-in devices ' +
          'that held the candidate and whether they have pulled the erasure since.',
        security: BEARER,
        params: IdParamsSchema,
        response: { 200: ErasureReportSchema, ...AdminErrors, 409: ApiErrorSchema },
      },
    },
    async (request) => {
      const organisation = organisationOf(request);
      const report = unwrap(
        await eraseCandidate(storeOf(request), request.params.id, actorOf(request).id, Date.now(), {
          mailDirectory: options.mailDirectory && mailDirectoryOf(options.mailDirectory, organisation),
          deployment: app.accounts.forOrganisation(organisation.id),
        }),
      );
      return { erased: true as const, ...report };
    },
  );

  app.get(
    '/candidates/:id/erasure',
    {
      schema: {
        tags: ['admin'],
        operationId: 'getErasureReceipt',
        summary: 'The receipt of a candidate’s erasure: which signed-in devices have pulled it since',
        security: BEARER,
        params: IdParamsSchema,
        response: { 200: ErasureReceiptSchema, ...AdminErrors },
      },
    },
    async (request) => {
      const receipt = await erasureReceipt(storeOf(request), request.params.id);
      if (!receipt) throw notFound('This candidate was not erased.', 'not_erased');
      return receipt;
    },
  );
  return Promise.resolve();
}
