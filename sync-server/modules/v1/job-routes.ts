import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { ApplicationSchema, STAGES } from '#shared/domain/application/application-schema';
import { StringEnum } from '#shared/domain/common/schema-helpers';
import { CLOSED_REASONS, JOB_STATUSES, JobSchema } from '#shared/domain/job/job-schema';
import { unwrap } from '../../plugins/api-error';
import { actorOf, storeOf } from '../../plugins/auth';
import { succeed } from '../../services/outcome';
import { randomId } from '../../services/tokens';
import { type CursorCodec } from './http-semantics';
import { resourceAnswer, runIdempotent } from './idempotency';
import { mergePatch, nullable } from './patch';
import { singleResourceRoutes } from './single-resource-routes';
import { createResource, listResources, readResource, updateResource, V1Context } from './resource-service';
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

const job = JobSchema.properties;

/** `POST /api/v1/jobs`: a new job; a draft unless an approver opens it at once. */
const JobCreateSchema = Type.Object(
  {
    title: job.title,
    department: job.department,
    location: job.location,
    employmentType: job.employmentType,
    description: job.description,
    requirements: Type.Optional(job.requirements),
    salaryMin: job.salaryMin,
    salaryMax: job.salaryMax,
    currency: job.currency,
    status: Type.Optional(StringEnum(['draft', 'open'] as const, { description: 'Default draft.' })),
    hiringManagerId: job.hiringManagerId,
    recruiterIds: Type.Optional(job.recruiterIds),
  },
  { additionalProperties: false },
);

/** `PATCH /api/v1/jobs/{id}`: a merge patch of the job's fields (its status has its own operation). */
const JobPatchSchema = Type.Object(
  {
    title: Type.Optional(job.title),
    department: Type.Optional(job.department),
    location: Type.Optional(job.location),
    employmentType: Type.Optional(job.employmentType),
    description: Type.Optional(job.description),
    requirements: Type.Optional(job.requirements),
    salaryMin: nullable(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    salaryMax: nullable(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    currency: nullable(Type.String({ pattern: '^[A-Z]{3}$', maxLength: 3 })),
    hiringManagerId: nullable(
      Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-][A-Za-z0-9_-]*$' }),
    ),
    recruiterIds: Type.Optional(job.recruiterIds),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    examples: [{ title: 'Staff Backend Engineer', salaryMax: 120000 }],
  },
);

/** `POST /api/v1/jobs/{id}/status`. */
const JobStatusSchema = Type.Object(
  {
    status: StringEnum(JOB_STATUSES),
    closedReason: Type.Optional(StringEnum(CLOSED_REASONS, { description: 'Required when closing.' })),
  },
  { additionalProperties: false },
);

const JobListQuery = Type.Object({
  status: Type.Optional(StringEnum(JOB_STATUSES)),
  department: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Exact, any case.' })),
  ...PageQuery,
});

const JobApplicationsQuery = Type.Object({ stage: Type.Optional(StringEnum(STAGES)), ...PageQuery });

const JOB_EXAMPLE = {
  title: 'Senior Backend Engineer',
  department: 'Engineering',
  location: 'Berlin',
  employmentType: 'full_time',
  description: 'Build the services our customers rely on.',
  requirements: ['TypeScript', 'PostgreSQL'],
  salaryMin: 80000,
  salaryMax: 100000,
  currency: 'EUR',
};

/** `/api/v1/jobs` (SPEC §11): list, create, read, change, move through the status machine. */
export function jobRoutes(root: FastifyInstance, options: { readonly codec: CursorCodec }): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { codec } = options;
  const contextOf = (request: Parameters<typeof actorOf>[0]) =>
    new V1Context(storeOf(request), actorOf(request));

  app.get(
    '/jobs',
    {
      schema: {
        tags: ['v1'],
        operationId: 'listJobs',
        summary: 'Jobs, by id, filtered by status and department',
        security: V1_SECURITY,
        querystring: JobListQuery,
        response: { 200: pageOf(JobSchema), ...READ_ERRORS },
      },
    },
    async (request) => {
      const { status, department } = request.query;
      const wanted = department?.trim().toLowerCase();
      return unwrap(
        await listResources(contextOf(request), codec, {
          collection: 'jobs',
          source: { kind: 'range' },
          matches: (document) =>
            (status === undefined || document['status'] === status) &&
            (wanted === undefined || String(document['department']).trim().toLowerCase() === wanted),
          filterKey: JSON.stringify([status ?? null, wanted ?? null]),
          limit: unwrap(pageSize(request.query.limit)),
          cursor: request.query.cursor,
        }),
      );
    },
  );

  app.post(
    '/jobs',
    {
      schema: {
        tags: ['v1'],
        operationId: 'createJob',
        summary: 'Create a job',
        description: 'A draft, unless `status: open` is asked by someone who may approve jobs.',
        security: V1_SECURITY,
        headers: IdempotencyHeaders,
        body: { ...JobCreateSchema, examples: [JOB_EXAMPLE] },
        response: { 201: { ...JobSchema, headers: ETAG_HEADER }, ...CREATE_ERRORS },
      },
    },
    async (request, reply) =>
      runIdempotent(storeOf(request), request, reply, async (ids) => {
        const context = contextOf(request);
        const id = ids?.documentId('job') ?? randomId('job-', 12);
        const document = {
          ...request.body,
          id,
          updatedAt: 0,
          requirements: request.body.requirements ?? [],
          recruiterIds: request.body.recruiterIds ?? [],
          status: request.body.status ?? 'draft',
          createdBy: context.actor.id,
          createdAt: new Date(context.now()).toISOString(),
        };
        const created = unwrap(await createResource(context, 'jobs', document, ids?.writeId));
        return resourceAnswer(201, created, `/api/v1/jobs/${created.id}`);
      }),
  );

  singleResourceRoutes(app, {
    collection: 'jobs',
    path: '/jobs/:id',
    params: IdParams,
    schema: JobSchema,
    get: { operationId: 'getJob', summary: 'One job' },
    patch: {
      operationId: 'updateJob',
      summary: 'Change a job’s fields (JSON merge patch: null removes an optional field)',
      description:
        'Only while the job is draft, open or on hold. With If-Match, only that version is changed.',
      body: JobPatchSchema,
    },
  });

  app.post(
    '/jobs/:id/status',
    {
      schema: {
        tags: ['v1'],
        operationId: 'changeJobStatus',
        summary: 'Move a job through its statuses (approve, pause, reopen, close)',
        description:
          '`draft → open` (approvers only), `draft → closed`, `open ↔ on_hold`, `open|on_hold → closed` (with `closedReason`).',
        security: V1_SECURITY,
        params: IdParams,
        headers: IdempotencyHeaders,
        body: { ...JobStatusSchema, examples: [{ status: 'closed', closedReason: 'filled' }] },
        response: { 200: { ...JobSchema, headers: ETAG_HEADER }, ...WRITE_ERRORS },
      },
    },
    async (request, reply) =>
      runIdempotent(storeOf(request), request, reply, async (ids) => {
        const { status, closedReason } = request.body;
        const updated = unwrap(
          await updateResource(contextOf(request), {
            collection: 'jobs',
            id: request.params.id,
            writeId: ids?.writeId,
            change: (current) =>
              succeed(
                mergePatch(current, {
                  status,
                  closedReason: status === 'closed' ? (closedReason ?? null) : null,
                }),
              ),
          }),
        );
        return resourceAnswer(200, updated);
      }),
  );

  app.get(
    '/jobs/:id/applications',
    {
      schema: {
        tags: ['v1'],
        operationId: 'listJobApplications',
        summary: 'The applications to one job',
        security: V1_SECURITY,
        params: IdParams,
        querystring: JobApplicationsQuery,
        response: { 200: pageOf(ApplicationSchema), ...READ_ERRORS },
      },
    },
    async (request) => {
      const context = contextOf(request);
      const jobId = request.params.id;
      unwrap(await readResource(context, 'jobs', jobId));
      const { stage } = request.query;
      return unwrap(
        await listResources(context, codec, {
          collection: 'applications',
          // Application ids are `<jobId>__<candidateId>`: the job's are one range of ids.
          source: { kind: 'range', start: `${jobId}__`, end: `${jobId}__\ufff0` },
          matches: (document) =>
            document['jobId'] === jobId && (stage === undefined || document['stage'] === stage),
          filterKey: JSON.stringify(['job', jobId, stage ?? null]),
          limit: unwrap(pageSize(request.query.limit)),
          cursor: request.query.cursor,
        }),
      );
    },
  );
  return Promise.resolve();
}
