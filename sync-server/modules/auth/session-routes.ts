import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { actorOf, authenticate, storeOf } from '../../plugins/auth';
import { unauthorized, unwrap } from '../../plugins/api-error';
import type { AttemptLimiter } from '../../services/attempt-limiter';
import { getSession, openSession, revokeSession, rotateRefreshToken } from '../../services/session-service';
import { hashRefreshToken, sessionIdOf } from '../../services/tokens';
import { accountStatus, getUser, updateOwnPreferences, verifyCredentials } from '../../services/user-service';
import { UserPreferencesSchema } from '#shared/domain/user/user-preferences';
import { UserSchema } from '#shared/domain/user/user-schema';
import { BEARER, errorResponses } from '../../plugins/schemas';
import {
  AccountSchema,
  LoginRequestSchema,
  LoginResponseSchema,
  RefreshRequestSchema,
  TokenPairSchema,
} from '#shared/sync/protocol';
import { enforceLimits, type LoginLimits } from './auth-limits';

/** `POST /login`, `POST /refresh`, `POST /logout`, `GET /me` (SPEC §4–§5). */
export function sessionRoutes(
  root: FastifyInstance,
  options: { limits: LoginLimits; limiter: AttemptLimiter },
): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { limits, limiter } = options;
  // Every laptop refreshes every few minutes; an office behind one address has many laptops.
  const refreshPerAddress = { rateLimit: { max: limits.perAddress * 5, timeWindow: limits.windowMs } };

  app.post(
    '/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        description:
          'Rate limited per address and per account across every server instance (429 `rate_limited`). ' +
          'An unknown email and a wrong password answer the same 401 `invalid_credentials`, in the same time.',
        body: LoginRequestSchema,
        response: {
          200: LoginResponseSchema,
          ...errorResponses(400, 401, 429),
        },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      await enforceLimits(limiter, 'login', limits, request, reply, { account: email });
      const user = await verifyCredentials(app.store, email, password, Date.now());
      if (!user) throw unauthorized('The email or password is wrong.', 'invalid_credentials');
      if (!user.active) throw unauthorized('The account is deactivated.', 'account_disabled');
      const [tokens, status] = await Promise.all([
        openSession(app.store, app.jwtSecret, user, Date.now()),
        accountStatus(app.store, user),
      ]);
      return {
        ...tokens,
        user: {
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          emailVerified: status.emailVerified,
        },
      };
    },
  );

  app.post(
    '/refresh',
    {
      config: refreshPerAddress,
      schema: {
        tags: ['auth'],
        summary: 'Swap a refresh token for a new pair (the old one is spent; reusing it ends the session)',
        body: RefreshRequestSchema,
        response: { 200: TokenPairSchema, ...errorResponses(400, 401, 429) },
      },
    },
    async (request) =>
      unwrap(
        await rotateRefreshToken(
          app.store,
          app.jwtSecret,
          request.body.refreshToken,
          async (userId) => (await getUser(app.store, userId))?.active === true,
          Date.now(),
        ),
      ),
  );

  app.post(
    '/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'End the session of a refresh token',
        body: RefreshRequestSchema,
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
    async (request) => {
      const actor = actorOf(request);
      const status = await accountStatus(app.store, actor);
      return {
        id: actor.id,
        email: actor.email,
        name: actor.name,
        role: actor.role,
        emailVerified: status.emailVerified,
      };
    },
  );
  app.patch(
    '/me',
    {
      onRequest: authenticate(app, ['admin', 'hiring_manager', 'recruiter', 'interviewer']),
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own preferences: time zone and e-mail notifications',
        description:
          'Writes the fields on the signed-in person’s directory entry (which replicates read-only): ' +
          '`timeZone` (an IANA zone, e.g. Europe/Berlin; times in the app, their messages and invites use it) ' +
          'and `emailNotifications` (false: no e-mail notifications of new assignments or applications).',
        security: BEARER,
        body: UserPreferencesSchema,
        response: { 200: UserSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request) =>
      unwrap(await updateOwnPreferences(storeOf(request), actorOf(request), request.body, Date.now())),
  );
  return Promise.resolve();
}
