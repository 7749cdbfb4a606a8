import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { APPLICATION_ID_SEPARATOR, ApplicationSchema } from '#shared/domain/application/application-schema';
import { Id, IsoDateTime, StringEnum } from '#shared/domain/common/schema-helpers';
import {
  INTERVIEW_STATUSES,
  InterviewSchema,
  ScorecardSchema,
} from '#shared/domain/interview/interview-schema';
import { unwrap } from '../../plugins/api-error';
import { actorOf, storeOf } from '../../plugins/auth';
import { fail, succeed } from '../../services/outcome';
import { randomId } from '../../services/tokens';
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
  CREATE_ERRORS,
  ETAG_HEADER,
  IdempotencyHeaders,
  IdParams,
  PageQuery,
  pageOf,
  pageSize,
  READ_ERRORS,
  V1_SECURITY,
  WRITE_ERRORS,
} from './v1-schemas';

const interview = InterviewSchema.properties;

const InterviewCreateSchema = Type.Object(
  {
    applicationId: ApplicationSchema.properties.id,
    type: interview.type,
    scheduledAt: interview.scheduledAt,
    durationMinutes: interview.durationMinutes,
    location: interview.location,
    meetingUrl: interview.meetingUrl,
    interviewerIds: interview.interviewerIds,
  },
  { additionalProperties: false },
);

const InterviewPatchSchema = Type.Object(
  {
    type: Type.Optional(interview.type),
    scheduledAt: Type.Optional(interview.scheduledAt),
    durationMinutes: Type.Optional(interview.durationMinutes),
    location: nullable(Type.String({ maxLength: 200 })),
    meetingUrl: nullable(Type.String({ maxLength: 2_000, pattern: '^https?://[^\\s]+$' })),
    interviewerIds: Type.Optional(interview.interviewerIds),
    status: Type.Optional(interview.status),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    examples: [{ scheduledAt: '2030-01-16T14:00:00Z' }, { status: 'cancelled' }],
  },
);

const sc = ScorecardSchema.properties;
const ScorecardBodySchema = Type.Object(
  {
    rating: sc.rating,
    recommendation: sc.recommendation,
    notes: sc.notes,
    submittedAt: Type.Optional(IsoDateTime({ description: 'When it was written, if not now.' })),
  },
  { additionalProperties: false },
);

const InterviewListQuery = Type.Object({
  applicationId: Type.Optional(ApplicationSchema.properties.id),
  interviewerId: Type.Optional(Id()),
  from: Type.Optional(IsoDateTime({ description: 'Scheduled at or after this time.' })),
  to: Type.Optional(IsoDateTime({ description: 'Scheduled before this time.' })),
  status: Type.Optional(StringEnum(INTERVIEW_STATUSES)),
  ...PageQuery,
});

/** The candidate ids an application id may name (ids may themselves hold the separator). */
function candidateIdsOf(applicationId: string): string[] {
  const ids: string[] = [];
  for (let at = applicationId.indexOf(APPLICATION_ID_SEPARATOR); at > 0;) {
    ids.push(applicationId.slice(at + APPLICATION_ID_SEPARATOR.length));
    at = applicationId.indexOf(APPLICATION_ID_SEPARATOR, at + 1);
  }
  return ids.filter((id) => id.length > 0);
}

/**
 * `/api/v1/interviews` (SPEC §11): list, schedule, read, reschedule or cancel, and the caller's own
 * scorecard. Interviewers see only the interviews they are assigned to, and others' scorecards only
 * once their own is in.
 */
export function interviewRoutes(
  root: FastifyInstance,
  options: { readonly codec: CursorCodec },
): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { codec } = options;
  const contextOf = (request: Parameters<typeof actorOf>[0]) =>
    new V1Context(storeOf(request), actorOf(request));

  app.get(
    '/interviews',
    {
      schema: {
        tags: ['v1'],
        operationId: 'listInterviews',
        summary: 'Interviews, by id, filtered by application, interviewer, status and time',
        security: V1_SECURITY,
        querystring: InterviewListQuery,
        response: { 200: pageOf(InterviewSchema), ...READ_ERRORS },
      },
    },
    async (request) => {
      const { applicationId, interviewerId, from, to, status } = request.query;
      const source: ListSource = interviewerId
        ? {
            kind: 'ids',
            ids: async () =>
              (await storeOf(request).viewByKey('interviews', 'scope', 'by-interviewer', interviewerId)).map(
                (row) => row.id,
              ),
          }
        : applicationId
          ? {
              kind: 'ids',
              ids: async () => {
                const found = await Promise.all(
                  candidateIdsOf(applicationId).map((candidateId) =>
                    storeOf(request).find('interviews', { selector: { candidateId }, limit: 10_000 }),
                  ),
                );
                return found.flat().map((doc) => doc._id);
              },
            }
          : { kind: 'range' };
      return unwrap(
        await listResources(contextOf(request), codec, {
          collection: 'interviews',
          source,
          matches: (document) => {
            const at = String(document['scheduledAt']);
            const interviewers = document['interviewerIds'];
            return (
              (applicationId === undefined || document['applicationId'] === applicationId) &&
              (interviewerId === undefined ||
                (Array.isArray(interviewers) && interviewers.includes(interviewerId))) &&
              (status === undefined || document['status'] === status) &&
              (from === undefined || Date.parse(at) >= Date.parse(from)) &&
              (to === undefined || Date.parse(at) < Date.parse(to))
            );
          },
          filterKey: JSON.stringify([
            applicationId ?? null,
            interviewerId ?? null,
            from ?? null,
            to ?? null,
            status ?? null,
          ]),
          limit: unwrap(pageSize(request.query.limit)),
          cursor: request.query.cursor,
        }),
      );
    },
  );

  app.post(
    '/interviews',
    {
      schema: {
        tags: ['v1'],
        operationId: 'scheduleInterview',
        summary: 'Schedule an interview for an application',
        description:
          'Interviewers must be active staff; the application must be open (not hired or rejected).',
        security: V1_SECURITY,
        headers: IdempotencyHeaders,
        body: {
          ...InterviewCreateSchema,
          examples: [
            {
              applicationId: 'job-1__cand-1',
              type: 'technical',
              scheduledAt: '2030-01-15T10:00:00Z',
              durationMinutes: 60,
              meetingUrl: 'https://meet.example.com/abc',
              interviewerIds: ['user-interviewer-1'],
            },
          ],
        },
        response: { 201: { ...InterviewSchema, headers: ETAG_HEADER }, ...CREATE_ERRORS },
      },
    },
    async (request, reply) =>
      runIdempotent(storeOf(request), request, reply, async (ids) => {
        const context = contextOf(request);
        const application = await readResource(context, 'applications', request.body.applicationId);
        if (!application.ok) {
          if (application.kind !== 'not_found') return unwrap(application);
          unwrap(fail('refused', 'not_found', 'The application does not exist.'));
        }
        const linked = application.ok ? application.value.document : null;
        const document = {
          ...request.body,
          id: ids?.documentId('int') ?? randomId('int-', 12),
          updatedAt: 0,
          jobId: String(linked?.['jobId'] ?? ''),
          candidateId: String(linked?.['candidateId'] ?? ''),
          status: 'scheduled',
          scorecards: [],
          createdBy: context.actor.id,
          createdAt: new Date(context.now()).toISOString(),
        };
        const created = unwrap(await createResource(context, 'interviews', document, ids?.writeId));
        return resourceAnswer(201, created, `/api/v1/interviews/${created.id}`);
      }),
  );

  singleResourceRoutes(app, {
    collection: 'interviews',
    path: '/interviews/:id',
    params: IdParams,
    schema: InterviewSchema,
    get: {
      operationId: 'getInterview',
      summary: 'One interview (an interviewer sees others’ scorecards once theirs is in)',
    },
    patch: {
      operationId: 'updateInterview',
      summary: 'Reschedule, reassign, complete or cancel an interview (JSON merge patch)',
      body: InterviewPatchSchema,
    },
  });

  app.post(
    '/interviews/:id/scorecards',
    {
      schema: {
        tags: ['v1'],
        operationId: 'submitScorecard',
        summary: 'Submit or replace the caller’s own scorecard on an interview they are assigned to',
        security: V1_SECURITY,
        params: IdParams,
        headers: IdempotencyHeaders,
        body: {
          ...ScorecardBodySchema,
          examples: [{ rating: 4, recommendation: 'yes', notes: 'Clear, careful design.' }],
        },
        response: { 200: { ...InterviewSchema, headers: ETAG_HEADER }, ...WRITE_ERRORS },
      },
    },
    async (request, reply) =>
      runIdempotent(storeOf(request), request, reply, async (ids) => {
        const context = contextOf(request);
        const { submittedAt, ...card } = request.body;
        const updated = unwrap(
          await updateResource(context, {
            collection: 'interviews',
            id: request.params.id,
            writeId: ids?.writeId,
            change: (current) => {
              const cards: unknown[] = Array.isArray(current['scorecards']) ? current['scorecards'] : [];
              const own = {
                interviewerId: context.actor.id,
                ...card,
                submittedAt: submittedAt ?? new Date(context.now()).toISOString(),
              };
              const isOwn = (item: unknown) =>
                typeof item === 'object' &&
                item !== null &&
                'interviewerId' in item &&
                item.interviewerId === context.actor.id;
              const scorecards = cards.some(isOwn)
                ? cards.map((item) => (isOwn(item) ? own : item))
                : [...cards, own];
              return succeed({ ...current, scorecards });
            },
          }),
        );
        return resourceAnswer(200, updated);
      }),
  );
  return Promise.resolve();
}
