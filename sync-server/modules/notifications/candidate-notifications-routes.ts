import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { readsEverything } from '#shared/domain/decide/read-rules';
import { CandidateNotificationsSchema, type CandidateNotification } from '#shared/sync/admin-protocol';
import { isTombstone } from '../../infra/stored-document';
import { forbidden, notFound } from '../../plugins/api-error';
import { actorOf, authenticate, storeOf } from '../../plugins/auth';
import { BEARER, errorResponses } from '../../plugins/schemas';
import { ensureOutboxDatabase, entriesFrom } from '../../services/outbox-database';
import type { OutboxEntry } from '../../services/outbox-entry';

/** How many e-mails a candidate's page lists at most. */
const LISTED = 200;

function listed(entry: OutboxEntry): CandidateNotification {
  return {
    id: entry._id,
    template: entry.template,
    to: entry.to,
    subject: entry.subject,
    status: entry.status,
    createdAt: entry.createdAt,
    ...(entry.sentAt === undefined ? {} : { sentAt: entry.sentAt }),
  };
}

/**
 * `GET /{id}/notifications` (under `/api/candidates`): the e-mails the server sent about a candidate's
 * applications and interviews (to the team: a new application, an interview's invitations; and the
 * automatic mails to the candidate of earlier versions), so their page shows every message about
 * them (SPEC §12). The candidate's own messages are the replicated `messages` and are not repeated.
 * For the roles that read every candidate; the outbox is the server's, so this needs a connection.
 */
export function candidateNotificationsRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.addHook('onRequest', authenticate(app));
  app.get(
    '/:id/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'The e-mails about a candidate’s applications and interviews, newest first',
        security: BEARER,
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 200: CandidateNotificationsSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      if (!readsEverything(actorOf(request))) {
        throw forbidden('Only recruiters, hiring managers and admins see the e-mails about a candidate.');
      }
      const store = storeOf(request);
      const candidateId = request.params.id;
      const candidate = await store.get('candidates', candidateId);
      if (!candidate || isTombstone(candidate)) throw notFound('No such candidate.');
      const [applications, interviews] = await Promise.all([
        store.find('applications', { selector: { candidateId }, limit: 10_000 }),
        store.find('interviews', { selector: { candidateId }, limit: 10_000 }),
      ]);
      const outbox = await ensureOutboxDatabase(store);
      const entries = await entriesFrom(
        outbox,
        [...applications, ...interviews].map((doc) => doc._id),
        LISTED,
      );
      return { entries: entries.map(listed) };
    },
  );
  return Promise.resolve();
}
