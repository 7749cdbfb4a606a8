import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { moveToStage, newApplication } from '#shared/domain/application/application-commands';
import {
  ApplicationSchema,
  OfferSchema,
  StageHistoryEntrySchema,
  STAGES,
} from '#shared/domain/application/application-schema';
import { CANDIDATE_SOURCES } from '#shared/domain/candidate/candidate-schema';
import { Id, IsoDateTime, StringEnum, Text } from '#shared/domain/common/schema-helpers';
import { parseDocumentOf } from '#shared/domain/collections';
import { unwrap } from '../../plugins/api-error';
import { actorOf, storeOf } from '../../plugins/auth';
import { fail, succeed } from '../../services/outcome';
import { type CursorCodec } from './http-semantics';
import { resourceAnswer, runIdempotent } from './idempotency';
import { nullable } from './patch';
import { singleResourceRoutes } from './single-resource-routes';
import {
  createResource,
  listResources,
  readResource,
  updateResource,
  V1Context,
  type ListSource,
} from './resource-service';
import {
  ApplicationIdParams,
  CREATE_ERRORS,
  ETAG_HEADER,
  IdempotencyHeaders,
  IfMatchHeaders,
  PageQuery,
  pageOf,
  pageSize,
  READ_ERRORS,
  V1_SECURITY,
  WRITE_ERRORS,
} from './v1-schemas';

const ApplicationCreateSchema = Type.Object(
  {
    jobId: Id(),
    candidateId: Id(),
    source: Type.Optional(StringEnum(CANDIDATE_SOURCES)),
    note: Type.Optional(Text(2_000)),
  },
  { additionalProperties: false },
);

const StageMoveSchema = Type.Object(
  {
    stage: StringEnum(STAGES),
    reason: Type.Optional(Text(200)),
    note: Type.Optional(Text(2_000)),
    at: Type.Optional(
      IsoDateTime({
        description:
          'When the move was made, if not now (offline work keeps its time): at most 5 minutes ahead, not before the previous move.',
      }),
    ),
  },
  { additionalProperties: false },
);

const ApplicationPatchSchema = Type.Object(
  {
    offer: nullable(OfferSchema),
    source: nullable(StringEnum(CANDIDATE_SOURCES)),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    examples: [{ offer: { baseSalary: 95000, currency: 'EUR', status: 'extended' } }],
  },
);

const ApplicationListQuery = Type.Object({
  jobId: Type.Optional(Id()),
  candidateId: Type.Optional(Id()),
  stage: Type.Optional(StringEnum(STAGES)),
  ...PageQuery,
});

const HistorySchema = Type.Object({
  applicationId: Type.String(),
  stage: StringEnum(STAGES),
  data: Type.Array(StageHistoryEntrySchema),
});

/**
 * `/api/v1/applications` (SPEC §11): list, create (`<jobId>__<candidateId>`, at applied), read,
 * move through the stages (the shared `moveToStage`, judged like a pushed row), its offer, its history.
 */
export function applicationRoutes(
  root: FastifyInstance,
  options: { readonly codec: CursorCodec },
): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { codec } = options;
  const contextOf = (request: Parameters<typeof actorOf>[0]) =>
    new V1Context(storeOf(request), actorOf(request));

  app.get(
    '/applications',
    {
      schema: {
        tags: ['v1'],
        operationId: 'listApplications',
        summary: 'Applications, by id, filtered by job, candidate and stage',
        security: V1_SECURITY,
        querystring: ApplicationListQuery,
        response: { 200: pageOf(ApplicationSchema), ...READ_ERRORS },
      },
    },
    async (request) => {
      const { jobId, candidateId, stage } = request.query;
      const source: ListSource = jobId
        ? { kind: 'range', start: `${jobId}__`, end: `${jobId}__\ufff0` }
        : candidateId
          ? {
              kind: 'ids',
              ids: async () =>
                (
                  await storeOf(request).find('applications', { selector: { candidateId }, limit: 10_000 })
                ).map((doc) => doc._id),
            }
          : { kind: 'range' };
      return unwrap(
        await listResources(contextOf(request), codec, {
          collection: 'applications',
          source,
          matches: (document) =>
            (jobId === undefined || document['jobId'] === jobId) &&
            (candidateId === undefined || document['candidateId'] === candidateId) &&
            (stage === undefined || document['stage'] === stage),
          filterKey: JSON.stringify([jobId ?? null, candidateId ?? null, stage ?? null]),
          limit: unwrap(pageSize(request.query.limit)),
          cursor: request.query.cursor,
        }),
      );
    },
  );

  app.post(
    '/applications',
    {
      schema: {
        tags: ['v1'],
        operationId: 'createApplication',
        summary: 'Add a candidate to an open job (an application at applied)',
        description:
          'The id is `<jobId>__<candidateId>`: the same candidate on the same job is one application (409 if it exists).',
        security: V1_SECURITY,
        headers: IdempotencyHeaders,
        body: {
          ...ApplicationCreateSchema,
          examples: [{ jobId: 'job-1', candidateId: 'cand-1', source: 'referral' }],
        },
        response: { 201: { ...ApplicationSchema, headers: ETAG_HEADER }, ...CREATE_ERRORS },
      },
    },
    async (request, reply) =>
      runIdempotent(storeOf(request), request, reply, async (ids) => {
        const context = contextOf(request);
        const { jobId, candidateId, source, note } = request.body;
        const document = newApplication(
          jobId,
          candidateId,
          context.actor,
          { at: new Date(context.now()) },
          { ...(source ? { source } : {}), ...(note ? { note } : {}) },
        );
        const created = unwrap(await createResource(context, 'applications', document, ids?.writeId));
        return resourceAnswer(201, created, `/api/v1/applications/${created.id}`);
      }),
  );

  singleResourceRoutes(app, {
    collection: 'applications',
    path: '/applications/:id',
    params: ApplicationIdParams,
    schema: ApplicationSchema,
    get: {
      operationId: 'getApplication',
      summary: 'One application (interviewers get it without the offer)',
    },
    patch: {
      operationId: 'updateApplication',
      summary: 'Change an application’s offer or source (JSON merge patch)',
      description: 'The offer is written while the application is at the offer stage.',
      body: ApplicationPatchSchema,
    },
  });

  app.patch(
    '/applications/:id/stage',
    {
      schema: {
        tags: ['v1'],
        operationId: 'moveApplicationStage',
        summary: 'Move an application to its next stage, or reject it (with a reason)',
        description:
          '`applied → screening → interview → offer → hired`, any open stage `→ rejected` (needs `reason`). ' +
          'Forward moves need an open job; `offer → hired` is for hiring managers and admins. A refused move is a 422 with the rule’s code.',
        security: V1_SECURITY,
        params: ApplicationIdParams,
        headers: Type.Object({ ...IfMatchHeaders.properties, ...IdempotencyHeaders.properties }),
        body: {
          ...StageMoveSchema,
          examples: [{ stage: 'screening' }, { stage: 'rejected', reason: 'Not a fit' }],
        },
        response: { 200: { ...ApplicationSchema, headers: ETAG_HEADER }, ...WRITE_ERRORS },
      },
    },
    async (request, reply) =>
      runIdempotent(storeOf(request), request, reply, async (ids) => {
        const context = contextOf(request);
        const { stage, reason, note, at } = request.body;
        const updated = unwrap(
          await updateResource(context, {
            collection: 'applications',
            id: request.params.id,
            ifMatch: request.headers['if-match'],
            writeId: ids?.writeId,
            change: (current) => {
              const application = parseDocumentOf('applications', current);
              if (!application.ok) return fail('refused', application.code, application.message);
              const details = {
                ...(reason === undefined ? {} : { reason }),
                ...(note === undefined ? {} : { note }),
              };
              const when = { at: new Date(at ?? context.now()) };
              return succeed(moveToStage(application.value, stage, context.actor, details, when));
            },
          }),
        );
        return resourceAnswer(200, updated);
      }),
  );

  app.get(
    '/applications/:id/history',
    {
      schema: {
        tags: ['v1'],
        operationId: 'getApplicationHistory',
        summary: 'The stage history of an application, oldest first',
        description: '`by` and `recordedAt` are the server’s; `at` is when the person made the change.',
        security: V1_SECURITY,
        params: ApplicationIdParams,
        response: { 200: HistorySchema, ...READ_ERRORS },
      },
    },
    async (request) => {
      const { document } = unwrap(await readResource(contextOf(request), 'applications', request.params.id));
      return { applicationId: document.id, stage: document['stage'], data: document['stageHistory'] };
    },
  );
  return Promise.resolve();
}
