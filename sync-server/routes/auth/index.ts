import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { normalizeEmail } from '../../../shared/domain/common/schema-helpers';
import { actorOf, authenticate } from '../../plugins/auth';
import { ApiError, unauthorized } from '../../plugins/api-error';
import { openSession, revokeSession, rotateRefreshToken, getSession } from '../../services/session-service';
import { hashRefreshToken, sessionIdOf } from '../../services/tokens';
import { createUser, getUser, verifyCredentials } from '../../services/user-service';
import {
  AccountSchema,
  ApiErrorSchema,
  BEARER,
  errorResponses,
  LoginEmailSchema,
  NewEmailSchema,
  PasswordSchema,
  PersonNameSchema,
  TokenPairSchema,
} from '../schemas';

/** Limits of sign-in attempts (SPEC §4): per address and per account, in a time window. */
export interface LoginLimits {
  readonly perAddress: number;
  readonly perAccount: number;
  readonly windowMs: number;
}

const RefreshBodySchema = Type.Object({ refreshToken: Type.String({ minLength: 1, maxLength: 512 }) });

/** `/api/auth/*`: login, refresh, logout, me, register (SPEC §4–§5). */
export function authRoutes(root: FastifyInstance, options: { limits: LoginLimits }): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { limits } = options;
  // The route's own limiter counts per address; this one counts per account (the email tried).
  const accountLimiter = app.createRateLimit({
    max: limits.perAccount,
    timeWindow: limits.windowMs,
    keyGenerator: (request) => {
      const email = (request.body as { email?: unknown } | undefined)?.email;
      return `account:${typeof email === 'string' ? normalizeEmail(email) : ''}`;
    },
  });
  const perAccount = async (request: FastifyRequest): Promise<void> => {
    const verdict = await accountLimiter(request);
    if (!verdict.isAllowed && verdict.isExceeded) {
      throw new ApiError(
        429,
        'rate_limited',
        `Too many sign-in attempts for this account; try again in ${verdict.ttlInSeconds} s.`,
      );
    }
  };
  const perAddress = { rateLimit: { max: limits.perAddress, timeWindow: limits.windowMs } };
  // Every laptop refreshes every few minutes; an office behind one address has many laptops.
  const refreshPerAddress = { rateLimit: { max: limits.perAddress * 5, timeWindow: limits.windowMs } };

  app.post(
    '/login',
    {
      config: perAddress,
      preHandler: perAccount,
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: Type.Object({
          email: LoginEmailSchema,
          password: Type.String({ minLength: 1, maxLength: 1_024 }),
        }),
        response: {
          200: Type.Object({ ...TokenPairSchema.properties, user: AccountSchema }),
          ...errorResponses(400, 401, 429),
        },
      },
    },
    async (request) => {
      const { email, password } = request.body;
      const user = await verifyCredentials(app.store, email, password);
      if (!user) throw unauthorized('The email or password is wrong.', 'invalid_credentials');
      if (!user.active) throw unauthorized('The account is deactivated.', 'account_disabled');
      const tokens = await openSession(app.store, app.jwtSecret, user, Date.now());
      return { ...tokens, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
    },
  );

  app.post(
    '/refresh',
    {
      config: refreshPerAddress,
      schema: {
        tags: ['auth'],
        summary: 'Swap a refresh token for a new pair (the old one is spent; reusing it ends the session)',
        body: RefreshBodySchema,
        response: { 200: TokenPairSchema, ...errorResponses(400, 401, 429) },
      },
    },
    async (request) =>
      rotateRefreshToken(
        app.store,
        app.jwtSecret,
        request.body.refreshToken,
        async (userId) => (await getUser(app.store, userId))?.active === true,
        Date.now(),
      ),
  );

  app.post(
    '/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'End the session of a refresh token',
        body: RefreshBodySchema,
        response: { 204: Type.Null(), ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const { refreshToken } = request.body;
      const sid = sessionIdOf(refreshToken);
      const session = sid ? await getSession(app.store, sid) : null;
      if (session && session.tokenHash === hashRefreshToken(refreshToken)) {
        await revokeSession(app.store, session._id, 'logout', Date.now());
      }
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      onRequest: authenticate(app),
      schema: {
        tags: ['auth'],
        summary: 'The signed-in account',
        security: BEARER,
        response: { 200: AccountSchema, ...errorResponses(401) },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return { id: actor.id, email: actor.email, name: actor.name, role: actor.role };
    },
  );

  app.post(
    '/register',
    {
      config: perAddress,
      schema: {
        tags: ['auth'],
        summary: 'Create a candidate account for the portal',
        body: Type.Object({ email: NewEmailSchema, password: PasswordSchema, name: PersonNameSchema }),
        response: { 201: AccountSchema, 400: ApiErrorSchema, 409: ApiErrorSchema, 429: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const user = await createUser(app.store, { ...request.body, role: 'candidate' }, Date.now());
      return reply.status(201).send({ id: user.id, email: user.email, name: user.name, role: user.role });
    },
  );
  return Promise.resolve();
}
