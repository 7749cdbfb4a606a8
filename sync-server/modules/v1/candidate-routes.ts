import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { CANDIDATE_SOURCES, CandidateSchema } from '#shared/domain/candidate/candidate-schema';
import { StringEnum, Text } from '#shared/domain/common/schema-helpers';
import { unwrap } from '../../plugins/api-error';
import { actorOf, storeOf } from '../../plugins/auth';
import { randomId } from '../../services/tokens';
import { type CursorCodec } from './http-semantics';
import { resourceAnswer, runIdempotent } from './idempotency';
import { nullable } from './patch';
import { singleResourceRoutes } from './single-resource-routes';
import { createResource, listResources, V1Context, type Representation } from './resource-service';
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
} from './v1-schemas';

const candidate = CandidateSchema.properties;

/** `POST /api/v1/candidates`: a new candidate (the email is unique, case-insensitively). */
const CandidateCreateSchema = Type.Object(
  {
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    email: candidate.email,
    phone: candidate.phone,
    location: candidate.location,
    currentCompany: candidate.currentCompany,
    currentTitle: candidate.currentTitle,
    yearsExperience: candidate.yearsExperience,
    skills: Type.Optional(candidate.skills),
    source: candidate.source,
    referredBy: candidate.referredBy,
    agency: candidate.agency,
    tags: Type.Optional(candidate.tags),
    notes: candidate.notes,
  },
  { additionalProperties: false },
);

/** `PATCH /api/v1/candidates/{id}`: a merge patch (the résumé and erasure are the server's). */
const CandidatePatchSchema = Type.Object(
  {
    firstName: Type.Optional(candidate.firstName),
    lastName: Type.Optional(candidate.lastName),
    email: Type.Optional(candidate.email),
    phone: nullable(Text(40)),
    location: nullable(Text(200)),
    currentCompany: nullable(Text(200)),
    currentTitle: nullable(Text(200)),
    yearsExperience: nullable(Type.Number({ minimum: 0, maximum: 70 })),
    skills: Type.Optional(candidate.skills),
    source: Type.Optional(candidate.source),
    referredBy: nullable(Text(200)),
    agency: nullable(Text(200)),
    tags: Type.Optional(candidate.tags),
    notes: nullable(Text(20_000)),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    examples: [{ currentTitle: 'Staff Engineer', tags: ['rehire'] }],
  },
);

const CandidateListQuery = Type.Object({
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Words found in the name, email, company, title, skills or tags (any case).',
    }),
  ),
  source: Type.Optional(StringEnum(CANDIDATE_SOURCES)),
  tag: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'Exact, any case.' })),
  ...PageQuery,
});

/** Whether every word of `q` is in one of the candidate's searchable fields. */
function matchesSearch(document: Representation, words: readonly string[]): boolean {
  const fields = ['firstName', 'lastName', 'email', 'currentCompany', 'currentTitle', 'skills', 'tags'];
  const text = fields
    .flatMap((field) => {
      const value = document[field];
      return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
    })
    .join('\n')
    .toLowerCase();
  return words.every((word) => text.includes(word));
}

/** `/api/v1/candidates` (SPEC §11): list and search, create, read, change. */
export function candidateRoutes(
  root: FastifyInstance,
  options: { readonly codec: CursorCodec },
): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { codec } = options;
  const contextOf = (request: Parameters<typeof actorOf>[0]) =>
    new V1Context(storeOf(request), actorOf(request));

  app.get(
    '/candidates',
    {
      schema: {
        tags: ['v1'],
        operationId: 'listCandidates',
        summary: 'Candidates, by id, searched and filtered by source and tag',
        security: V1_SECURITY,
        querystring: CandidateListQuery,
        response: { 200: pageOf(CandidateSchema), ...READ_ERRORS },
      },
    },
    async (request) => {
      const { q, source } = request.query;
      const words = (q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const tag = request.query.tag?.trim().toLowerCase();
      return unwrap(
        await listResources(contextOf(request), codec, {
          collection: 'candidates',
          source: { kind: 'range' },
          matches: (document) =>
            (source === undefined || document['source'] === source) &&
            (tag === undefined ||
              (Array.isArray(document['tags']) &&
                document['tags'].some((item) => String(item).trim().toLowerCase() === tag))) &&
            matchesSearch(document, words),
          filterKey: JSON.stringify([words, source ?? null, tag ?? null]),
          limit: unwrap(pageSize(request.query.limit)),
          cursor: request.query.cursor,
        }),
      );
    },
  );

  app.post(
    '/candidates',
    {
      schema: {
        tags: ['v1'],
        operationId: 'createCandidate',
        summary: 'Create a candidate',
        description: 'The email is unique (any case): another candidate’s is a 422 `duplicate_email`.',
        security: V1_SECURITY,
        headers: IdempotencyHeaders,
        body: {
          ...CandidateCreateSchema,
          examples: [
            {
              firstName: 'Ada',
              lastName: 'Lovelace',
              email: 'ada@example.org',
              source: 'referral',
              skills: ['Analysis'],
              referredBy: 'Charles Babbage',
            },
          ],
        },
        response: { 201: { ...CandidateSchema, headers: ETAG_HEADER }, ...CREATE_ERRORS },
      },
    },
    async (request, reply) =>
      runIdempotent(storeOf(request), request, reply, async (ids) => {
        const context = contextOf(request);
        const id = ids?.documentId('cand') ?? randomId('cand-', 12);
        const document = {
          ...request.body,
          id,
          updatedAt: 0,
          skills: request.body.skills ?? [],
          tags: request.body.tags ?? [],
          createdBy: context.actor.id,
          createdAt: new Date(context.now()).toISOString(),
        };
        const created = unwrap(await createResource(context, 'candidates', document, ids?.writeId));
        return resourceAnswer(201, created, `/api/v1/candidates/${created.id}`);
      }),
  );

  singleResourceRoutes(app, {
    collection: 'candidates',
    path: '/candidates/:id',
    params: IdParams,
    schema: CandidateSchema,
    get: { operationId: 'getCandidate', summary: 'One candidate' },
    patch: {
      operationId: 'updateCandidate',
      summary: 'Change a candidate (JSON merge patch: null removes an optional field)',
      body: CandidatePatchSchema,
    },
  });
  return Promise.resolve();
}
