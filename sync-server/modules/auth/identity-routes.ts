import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { actorOf, authenticate, organisationOf, organisationSuspended } from '../../plugins/auth';
import { badRequest, conflict, notFound, type ApiError } from '../../plugins/api-error';
import type { Organisation } from '../../services/organisations';
import type { AttemptLimiter } from '../../services/attempt-limiter';
import type { IdentityService } from '../../services/identity-service';
import { BEARER, errorResponses, NewEmailSchema, PersonNameSchema } from '../../plugins/schemas';
import {
  ApiErrorSchema,
  CheckEmailSchema,
  EmailVerificationSchema,
  PasswordResetConfirmationSchema,
  PasswordResetRequestSchema,
  PasswordSchema,
} from '#shared/sync/protocol';
import { enforceLimits, holdUntil, type IdentityLimits } from './auth-limits';
import { linkBaseOf } from '../../plugins/link-base';

/** What `identityRoutes` needs. */
export interface IdentityRoutesOptions {
  readonly identity: IdentityService;
  readonly limiter: AttemptLimiter;
  readonly limits: IdentityLimits;
  /** The configured public base URL of links (`SHORTLIST_PUBLIC_URL`), if any. */
  readonly publicUrl: string | null;
  /** Minimum time of the answers that must not reveal whether an account exists. */
  readonly responseFloorMs: number;
}

const CHECK_EMAIL = {
  status: 'check_email',
  message:
    'Check your email: if this address can be used, we have sent a message to it. ' +
    'Open the link in it to continue.',
} as const;

const invalidLink = (): ApiError =>
  badRequest(
    'This link is not valid any more: it was used already, it has expired, or it is incomplete. Ask for a new one.',
    'invalid_link',
  );

/** The organisation a person registers with: the slug's, or the deployment's first. */
async function registrationOrganisation(
  app: FastifyInstance,
  slug: string | undefined,
): Promise<Organisation> {
  const organisation =
    slug === undefined ? await app.organisations.first() : await app.organisations.bySlug(slug);
  if (!organisation) throw notFound('There is no such organisation.', 'organisation_not_found');
  if (organisation.suspended) throw organisationSuspended();
  return organisation;
}

/**
 * `POST /register`, `POST /verify`, `POST /verify/resend`, `POST /password-reset` and
 * `POST /password-reset/confirm` (SPEC §4 as amended): portal registration with email verification,
 * and password reset for candidates and staff, all by single-use mailed links.
 */
export function identityRoutes(root: FastifyInstance, options: IdentityRoutesOptions): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { identity, limiter, limits, responseFloorMs } = options;
  const linkBase = (request: FastifyRequest) => {
    const base = linkBaseOf(request, options.publicUrl);
    if (!base) {
      request.log.warn(
        'No link was mailed: the request named a host that cannot be trusted for links; set SHORTLIST_PUBLIC_URL.',
      );
    }
    return base;
  };

  app.post(
    '/register',
    {
      schema: {
        tags: ['auth'],
        operationId: 'registerCandidate',
        security: [],
        summary: 'Create a candidate account for the portal (confirmed by a mailed link)',
        description:
          'Answers 201 `check_email` whether or not the address already has an account, in the same time. ' +
          'A new account can sign in at once but must confirm its address before applying; an address that ' +
          'already has an account is mailed a notice instead, and nothing changes.',
        body: Type.Object({
          email: NewEmailSchema,
          password: PasswordSchema,
          name: PersonNameSchema,
          organisation: Type.Optional(
            Type.String({
              maxLength: 100,
              description:
                'The slug of the organisation whose careers page the person registers on; default the first one.',
            }),
          ),
        }),
        response: { 201: CheckEmailSchema, ...errorResponses(400, 403, 404, 429) },
      },
    },
    async (request, reply) => {
      const startedAt = Date.now();
      await enforceLimits(limiter, 'register', limits.register, request, reply, {
        account: request.body.email,
      });
      const { organisation: slug, ...input } = request.body;
      const organisation = await registrationOrganisation(app, slug);
      await identity.register(organisation, input, linkBase(request), startedAt);
      await holdUntil(startedAt, responseFloorMs);
      return reply.status(201).send(CHECK_EMAIL);
    },
  );

  app.post(
    '/verify',
    {
      onRequest: authenticate(app, ['candidate']),
      schema: {
        tags: ['auth'],
        operationId: 'verifyEmail',
        summary: 'Confirm the signed-in account’s email address with the token of the mailed link',
        description:
          'The token works once, for 24 hours, and only for the account it was mailed for (signed in: opening the ' +
          'mail alone does not confirm an account someone else registered). 400 `invalid_link` otherwise.',
        security: BEARER,
        body: EmailVerificationSchema,
        response: {
          200: Type.Object({ status: Type.Literal('verified'), email: Type.String() }),
          ...errorResponses(400, 401, 403, 429),
        },
      },
    },
    async (request, reply) => {
      await enforceLimits(limiter, 'link-use', limits.linkUse, request, reply, {});
      const outcome = await identity.verifyEmail(
        organisationOf(request),
        request.body.token,
        actorOf(request).id,
        Date.now(),
      );
      if (!outcome.ok) throw invalidLink();
      return { status: 'verified' as const, email: outcome.user.email };
    },
  );

  app.post(
    '/verify/resend',
    {
      onRequest: authenticate(app, ['candidate']),
      schema: {
        tags: ['auth'],
        operationId: 'resendVerification',
        summary: 'Mail the signed-in candidate another link to confirm their address',
        security: BEARER,
        response: { 202: CheckEmailSchema, ...errorResponses(401, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await enforceLimits(limiter, 'resend', limits.resend, request, reply, { account: actor.id });
      const outcome = await identity.resendVerification(
        organisationOf(request),
        actor,
        linkBase(request),
        Date.now(),
      );
      if (!outcome.ok) throw conflict('Your email address is confirmed already.', outcome.code);
      return reply.status(202).send(CHECK_EMAIL);
    },
  );

  app.post(
    '/password-reset',
    {
      schema: {
        tags: ['auth'],
        operationId: 'requestPasswordReset',
        security: [],
        summary: 'Mail a link to choose a new password (candidates and staff)',
        description:
          'Answers 202 `check_email` whether or not an account has the address, in the same time. The link works ' +
          'once, for an hour.',
        body: PasswordResetRequestSchema,
        response: { 202: CheckEmailSchema, ...errorResponses(400, 429) },
      },
    },
    async (request, reply) => {
      const startedAt = Date.now();
      const { email } = request.body;
      await enforceLimits(limiter, 'password-reset', limits.passwordReset, request, reply, {
        account: email,
      });
      await identity.requestPasswordReset(email, linkBase(request), startedAt);
      await holdUntil(startedAt, responseFloorMs);
      return reply.status(202).send(CHECK_EMAIL);
    },
  );

  app.post(
    '/password-reset/confirm',
    {
      schema: {
        tags: ['auth'],
        operationId: 'confirmPasswordReset',
        security: [],
        summary: 'Choose a new password with the token of the mailed link; signs the account out everywhere',
        description:
          'The token works once, for an hour, and not after another password change. 400 `invalid_link` otherwise.',
        body: PasswordResetConfirmationSchema,
        response: { 204: Type.Null(), 400: ApiErrorSchema, 429: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      await enforceLimits(limiter, 'link-use', limits.linkUse, request, reply, {});
      const outcome = await identity.confirmPasswordReset(
        request.body.token,
        request.body.password,
        Date.now(),
      );
      if (!outcome.ok) throw invalidLink();
      return reply.status(204).send(null);
    },
  );
  return Promise.resolve();
}
