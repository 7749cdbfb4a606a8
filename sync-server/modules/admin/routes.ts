import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { actorOf, authenticate } from '../../plugins/auth';
import { computeStats, exportNdjson } from './admin-service';
import { eraseCandidate, erasureReceipt } from './erasure-service';
import { ApiError, notFound } from '../../plugins/api-error';
import { queryAudit } from '../../services/audit-service';
import { adminUserRoutes } from './user-routes';
import { ApiErrorSchema, BEARER, DigitsSchema } from '../../plugins/schemas';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema };

/** `/api/admin/*` (SPEC §5): admin role only. */
export async function adminRoutes(
  root: FastifyInstance,
  options: { mailDirectory: string | null },
): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.addHook('onRequest', authenticate(app, ['admin']));
  await app.register(adminUserRoutes);

  app.get(
    '/audit',
    {
      schema: {
        tags: ['admin'],
        summary: 'Accepted and refused writes, newest first',
        security: BEARER,
        querystring: Type.Object({
          userId: Type.Optional(Type.String({ maxLength: 200 })),
          docId: Type.Optional(Type.String({ maxLength: 200 })),
          since: Type.Optional(DigitsSchema('Only entries at or after this time (ms since epoch).')),
          limit: Type.Optional(DigitsSchema('At most this many entries (1–1000, default 100).')),
        }),
        response: {
          200: Type.Object({
            entries: Type.Array(
              Type.Object({
                at: Type.Integer(),
                userId: Type.String(),
                collection: Type.String(),
                docId: Type.String(),
                outcome: Type.String(),
                action: Type.String(),
                code: Type.Optional(Type.String()),
                reason: Type.Optional(Type.String()),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const limit = request.query.limit === undefined ? 100 : Number(request.query.limit);
      if (limit < 1 || limit > 1_000) {
        return reply
          .status(400)
          .send({ error: { code: 'invalid_limit', message: 'limit must be from 1 to 1000.' } });
      }
      // Read-your-writes: every write stored so far is in the log before it is read.
      await app.auditProjector.catchUp();
      const entries = await queryAudit(app.store, {
        limit,
        ...(request.query.userId ? { userId: request.query.userId } : {}),
        ...(request.query.docId ? { docId: request.query.docId } : {}),
        ...(request.query.since ? { since: Number(request.query.since) } : {}),
      });
      return { entries };
    },
  );

  app.get(
    '/stats',
    {
      schema: {
        tags: ['admin'],
        summary:
          'Jobs by status, applications by stage, interviews today and upcoming, recent applications, candidates by source',
        security: BEARER,
        response: {
          200: Type.Object({
            jobsByStatus: Type.Record(Type.String(), Type.Integer()),
            applicationsByStage: Type.Record(Type.String(), Type.Integer()),
            candidatesBySource: Type.Record(Type.String(), Type.Integer()),
            interviewsToday: Type.Integer(),
            interviewsUpcoming: Type.Integer(),
            recentApplications: Type.Array(
              Type.Object({
                id: Type.String(),
                jobId: Type.String(),
                candidateId: Type.String(),
                stage: Type.String(),
                createdAt: Type.String(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async () => computeStats(app.store, Date.now()),
  );

  const ReceiptSchema = Type.Object({
    candidateId: Type.String(),
    erasedAt: Type.Integer(),
    devices: Type.Array(
      Type.Object({
        sessionId: Type.String(),
        userId: Type.String(),
        userName: Type.String(),
        role: Type.String(),
        lastCaughtUpAt: Type.Union([Type.Integer(), Type.Null()]),
        hasErasure: Type.Boolean(),
      }),
    ),
  });
  const CandidateParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) });

  app.post(
    '/candidates/:id/erase',
    {
      schema: {
        tags: ['admin'],
        summary:
          'Erase a candidate’s personal data (GDPR), on the server and through replication on every laptop',
        description:
          'Also for a candidate deleted earlier. Blanks their applications’ notes and offers, scorecard notes, ' +
          'every message to or about them and its mail file, their portal account and résumé, then compacts the ' +
          'store so no earlier revision keeps them. Sends no message. The receipt lists the signed-in devices ' +
          'that held the candidate and whether they have pulled the erasure since.',
        security: BEARER,
        params: CandidateParams,
        response: {
          200: Type.Object({
            erased: Type.Literal(true),
            applications: Type.Integer(),
            interviews: Type.Integer(),
            messages: Type.Integer(),
            mailFiles: Type.Integer(),
            portalAccount: Type.Boolean(),
            receipt: ReceiptSchema,
          }),
          ...errors,
          409: ApiErrorSchema,
        },
      },
    },
    async (request) => {
      const result = await eraseCandidate(
        app.store,
        request.params.id,
        actorOf(request).id,
        Date.now(),
        options,
      );
      if (!result.ok)
        throw new ApiError(result.code === 'not_found' ? 404 : 409, result.code, result.message);
      return { erased: true as const, ...result.value };
    },
  );

  app.get(
    '/candidates/:id/erasure',
    {
      schema: {
        tags: ['admin'],
        summary: 'The receipt of a candidate’s erasure: which signed-in devices have pulled it since',
        security: BEARER,
        params: CandidateParams,
        response: { 200: ReceiptSchema, ...errors },
      },
    },
    async (request) => {
      const receipt = await erasureReceipt(app.store, request.params.id);
      if (!receipt) throw notFound('This candidate was not erased.', 'not_erased');
      return receipt;
    },
  );

  app.get(
    '/export',
    {
      schema: {
        tags: ['admin'],
        summary: 'Every document of every collection, as NDJSON lines {collection, document}',
        security: BEARER,
        produces: ['application/x-ndjson'],
      },
    },
    async (_request, reply) => {
      const date = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="shortlist-export-${date}.ndjson"`)
        .send(Readable.from(exportNdjson(app.store)));
    },
  );
}
