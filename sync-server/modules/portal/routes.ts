/**
 * The candidate portal (SPEC §5, §10), registered twice: at `/api/portal/:organisation` for each
 * organisation by its slug, and at `/api/portal` for the deployment's first one.
 *
 * Options (all optional): `applyLimits` — applications per account and per address in a window
 * (default 10 per account and 30 per address per hour).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { ResumeRefSchema } from '#shared/domain/candidate/candidate-schema';
import {
  actorOf,
  authenticate,
  organisationOf,
  resolveOrganisation,
  storeOf,
  type RequestActor,
} from '../../plugins/auth';
import { ApiError, unwrap } from '../../plugins/api-error';
import { accountStatus } from '../../services/user-service';
import { BEARER, errorResponses } from '../../plugins/schemas';
import { ownDatabase } from '../../infra/own-database';
import { acceptRawBodies, rawBodyOf } from '../../infra/raw-body';
import { FILES_DATABASE, MAX_RESUME_BYTES, storeResume } from '../../services/resume-service';
import { DEFAULT_APPLY_LIMITS, portalWriteLimiter, type ApplyLimits } from './apply-limits';
import {
  applyToJob,
  getPortalJob,
  listOwnApplications,
  listPortalJobs,
  ownResumeCandidateId,
} from './portal-service';
import {
  ApplicationParamsSchema,
  ApplyBodySchema,
  JobParamsSchema,
  PortalApplicationSchema,
  PortalJobSchema,
} from './portal-schemas';

export type { ApplyLimits };

/** Options of `portalRoutes`. */
export interface PortalRoutesOptions {
  readonly applyLimits?: ApplyLimits;
}

const candidateOnly = (app: FastifyInstance) => authenticate(app, ['candidate']);

/**
 * A preHandler (after authentication): the account's address must be verified (SPEC §4) before it
 * may apply or upload, so nobody can file anything under an address they do not own.
 */
const verifiedOnly = async (request: FastifyRequest): Promise<void> => {
  if (!(await accountStatus(storeOf(request), actorOf(request))).emailVerified) {
    throw new ApiError(
      403,
      'email_not_verified',
      'Please confirm your email address first: open the link we sent you when you registered, or ask for a new one.',
    );
  }
};

/**
 * `GET /jobs`, `GET /jobs/{id}` (public: open jobs only), `POST /jobs/{id}/apply`,
 * `GET /applications` and `PUT /applications/{id}/resume` (candidate accounts).
 */
export async function portalRoutes(root: FastifyInstance, options: PortalRoutesOptions = {}): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const limits = options.applyLimits ?? DEFAULT_APPLY_LIMITS;
  // The organisation of the path, before anything else: every route below reads its store only.
  app.addHook('onRequest', resolveOrganisation(app));

  /** The public pages are cheap but open to anyone: a generous per-address limit. */
  const publicLimit = { rateLimit: { max: 600, timeWindow: 60_000 } };

  app.get(
    '/organisation',
    {
      config: publicLimit,
      schema: {
        tags: ['portal'],
        operationId: 'getPortalOrganisation',
        summary: 'The organisation of this careers page: its name, for the page header (no sign-in)',
        security: [],
        response: {
          200: Type.Object({ id: Type.String(), slug: Type.String(), name: Type.String() }),
          ...errorResponses(403, 404, 429),
        },
      },
    },
    (request) => {
      const { id, slug, name } = organisationOf(request);
      return Promise.resolve({ id, slug, name });
    },
  );

  app.get(
    '/jobs',
    {
      config: publicLimit,
      schema: {
        tags: ['portal'],
        operationId: 'listPortalJobs',
        security: [],
        summary: 'Open jobs, for the careers page (no sign-in)',
        response: { 200: Type.Object({ jobs: Type.Array(PortalJobSchema) }), ...errorResponses(429) },
      },
    },
    async (request) => ({ jobs: await listPortalJobs(storeOf(request)) }),
  );

  app.get(
    '/jobs/:id',
    {
      config: publicLimit,
      schema: {
        tags: ['portal'],
        operationId: 'getPortalJob',
        security: [],
        summary: 'One open job (404 for drafts, paused and closed jobs)',
        params: JobParamsSchema,
        response: { 200: PortalJobSchema, ...errorResponses(400, 404, 429) },
      },
    },
    async (request) => unwrap(await getPortalJob(storeOf(request), request.params.id)),
  );

  app.post(
    '/jobs/:id/apply',
    {
      onRequest: candidateOnly(app),
      preHandler: [verifiedOnly, portalWriteLimiter(app, 'portal-apply', limits)],
      schema: {
        tags: ['portal'],
        operationId: 'applyToJob',
        summary: 'Apply for an open job as the signed-in candidate',
        description:
          'Links the candidate record with the account’s email (created if missing). 403 `email_not_verified` until the ' +
          'account confirmed its address; 409 `already_applied` when applying twice; ' +
          '404 `job_not_found` for unknown and draft jobs; 422 `job_not_open` for paused and closed ones.',
        security: BEARER,
        params: JobParamsSchema,
        body: ApplyBodySchema,
        response: { 201: PortalApplicationSchema, ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const application = unwrap(
        await applyToJob(
          storeOf(request),
          accountOf(actorOf(request)),
          request.params.id,
          request.body,
          Date.now,
        ),
      );
      return reply.status(201).send(application);
    },
  );

  app.get(
    '/applications',
    {
      onRequest: candidateOnly(app),
      schema: {
        tags: ['portal'],
        operationId: 'listOwnApplications',
        summary: 'The signed-in candidate’s applications, with dated stages',
        security: BEARER,
        response: {
          200: Type.Object({ applications: Type.Array(PortalApplicationSchema) }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      const account = accountOf(actorOf(request));
      // An unverified address is linked to no candidate record: nothing to show yet.
      if (!(await accountStatus(storeOf(request), account)).emailVerified) return { applications: [] };
      return { applications: await listOwnApplications(storeOf(request), account) };
    },
  );

  await app.register(portalResumeRoute, { limits });
}

/**
 * `PUT /applications/{id}/resume`: the candidate attaches a résumé (raw body, PDF or DOCX by content,
 * ≤ 10 MB) to their own application; it becomes the résumé of their candidate record.
 */
function portalResumeRoute(root: FastifyInstance, options: { limits: ApplyLimits }): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  acceptRawBodies(app, MAX_RESUME_BYTES);
  app.put(
    '/applications/:id/resume',
    {
      onRequest: candidateOnly(app),
      bodyLimit: MAX_RESUME_BYTES,
      preHandler: [verifiedOnly, portalWriteLimiter(app, 'portal-resume', options.limits)],
      schema: {
        tags: ['portal'],
        operationId: 'uploadOwnResume',
        summary: 'Attach a résumé (PDF or DOCX, ≤ 10 MB) to one’s own application',
        description: 'The body is the file itself. `fileName` names it for the recruiters.',
        security: BEARER,
        params: ApplicationParamsSchema,
        querystring: Type.Object({ fileName: Type.Optional(Type.String({ maxLength: 255 })) }),
        response: { 200: ResumeRefSchema, ...errorResponses(400, 401, 403, 404, 413, 415, 422, 429) },
      },
    },
    async (request) => {
      const account = accountOf(actorOf(request));
      const candidateId = unwrap(await ownResumeCandidateId(storeOf(request), account, request.params.id));
      return unwrap(
        await storeResume(
          storeOf(request),
          ownDatabase(storeOf(request), FILES_DATABASE),
          account,
          {
            candidateId,
            content: rawBodyOf(request),
            ...(request.query.fileName ? { fileName: request.query.fileName } : {}),
          },
          Date.now,
        ),
      );
    },
  );
  return Promise.resolve();
}

function accountOf(actor: RequestActor) {
  return { id: actor.id, role: actor.role, email: actor.email, name: actor.name };
}
