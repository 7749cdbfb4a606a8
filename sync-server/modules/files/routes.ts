/**
 * Résumé files (SPEC §6). Register in `sync-server/app.ts`, after the other routes:
 *
 * ```ts
 * import { fileRoutes } from './files/file-routes';
 * await app.register(fileRoutes, { prefix: '/api/files' });
 * ```
 *
 * No options. Creates the `<prefix>files` database (idempotently) when registered.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { ResumeRefSchema } from '#shared/domain/candidate/candidate-schema';
import { ROLES, STAFF_ROLES } from '#shared/domain/common/roles';
import { Id } from '#shared/domain/common/schema-helpers';
import { canRead } from '#shared/domain/decide/read-rules';
import { roleMay } from '#shared/domain/access/write-matrix';
import { actorOf, authenticate, storeOf } from '../../plugins/auth';
import { notFound, unwrap } from '../../plugins/api-error';
import { loadInterviewerScope } from '../../services/interviewer-scope';
import { BEARER, errorResponses } from '../../plugins/schemas';
import { ownDatabase } from '../../infra/own-database';
import { FILES_DATABASE, MAX_RESUME_BYTES, openResume, storeResume } from '../../services/resume-service';
import { acceptRawBodies, contentDisposition, rawBodyOf } from '../../infra/raw-body';

const CandidateParamsSchema = Type.Object({ id: Id({ description: 'The candidate id' }) });
const UploadQuerySchema = Type.Object({
  fileName: Type.Optional(
    Type.String({ maxLength: 255, description: 'The original file name, for downloads.' }),
  ),
});

/** Roles that may upload a résumé: those that may edit candidates (SPEC §3). */
const UPLOADER_ROLES = ROLES.filter((role) => roleMay(role, 'candidate.edit'));

/**
 * `PUT /api/files/candidates/{id}/resume` (raw body, PDF or DOCX by content, ≤ 10 MB) and
 * `GET /api/files/candidates/{id}/resume` (read by the candidate's read rules, interviewers by scope).
 */
export function fileRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  acceptRawBodies(app, MAX_RESUME_BYTES);

  app.put(
    '/candidates/:id/resume',
    {
      onRequest: authenticate(app, UPLOADER_ROLES),
      bodyLimit: MAX_RESUME_BYTES,
      schema: {
        tags: ['files'],
        operationId: 'uploadResume',
        summary: 'Upload a candidate’s résumé (PDF or DOCX, checked by content, at most 10 MB)',
        description:
          'The body is the file itself (any Content-Type). Sets the candidate’s `resume` reference.',
        security: BEARER,
        params: CandidateParamsSchema,
        querystring: UploadQuerySchema,
        response: { 200: ResumeRefSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request) =>
      unwrap(
        await storeResume(
          storeOf(request),
          ownDatabase(storeOf(request), FILES_DATABASE),
          actorOf(request),
          {
            candidateId: request.params.id,
            content: rawBodyOf(request),
            ...(request.query.fileName ? { fileName: request.query.fileName } : {}),
          },
          Date.now,
        ),
      ),
  );

  app.get(
    '/candidates/:id/resume',
    {
      onRequest: authenticate(app, STAFF_ROLES),
      schema: {
        tags: ['files'],
        operationId: 'downloadResume',
        summary: 'Download a candidate’s résumé',
        description:
          'Readable by whoever may read the candidate: staff with full read, interviewers assigned to them.',
        security: BEARER,
        params: CandidateParamsSchema,
        response: { ...errorResponses(401, 403, 404), 200: Type.Unknown({ description: 'The file' }) },
      },
    },
    async (request, reply) => {
      await assertMayReadCandidate(request, request.params.id);
      const { resume, stream } = unwrap(
        await openResume(storeOf(request), ownDatabase(storeOf(request), FILES_DATABASE), request.params.id),
      );
      return reply
        .header('content-type', resume.contentType)
        .header('content-length', String(resume.size))
        .header('content-disposition', contentDisposition(resume.fileName))
        .header('etag', `"${resume.sha256}"`)
        .header('cache-control', 'private, no-cache')
        .send(stream);
    },
  );
  return Promise.resolve();
}

/** The candidate's read rule (shared `canRead`); an interviewer out of scope gets a 404, as in pulls. */
async function assertMayReadCandidate(request: FastifyRequest, candidateId: string): Promise<void> {
  const actor = actorOf(request);
  const scope = actor.role === 'interviewer' ? await loadInterviewerScope(storeOf(request), actor.id) : null;
  if (!canRead(actor, 'candidates', { id: candidateId }, scope)) throw notFound('No such candidate.');
}
