import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { CouchStore } from '../../infra/couch-store';
import { actorOf, authenticate, organisationSuspended, storeOf } from '../../plugins/auth';
import { unauthorized, unwrap } from '../../plugins/api-error';
import type { AttemptLimiter } from '../../services/attempt-limiter';
import { FIRST_ORGANISATION_ID, PLATFORM_ORGANISATION_ID } from '../../services/organisation-ids';
import type { Organisation } from '../../services/organisations';
import {
  endSessionOf,
  openSession,
  REFRESH_REPLAY_WINDOW_MS,
  rotateRefreshToken,
} from '../../services/session-service';
import { refreshTokenParts } from '../../services/tokens';
import { accountStatus, getUser, updateOwnPreferences, verifyCredentials } from '../../services/user-service';
import { UserPreferencesSchema } from '#shared/domain/user/user-preferences';
import { UserSchema, type User } from '#shared/domain/user/user-schema';
import { BEARER, errorResponses } from '../../plugins/schemas';
import {
  AccountSchema,
  LoginRequestSchema,
  LoginResponseSchema,
  RefreshRequestSchema,
  TokenPairSchema,
} from '#shared/sync/protocol';
import { enforceLimits, type LoginLimits } from './auth-limits';

/** What the operator's account names as its organisation: the deployment itself. */
const PLATFORM = { id: PLATFORM_ORGANISATION_ID, slug: PLATFORM_ORGANISATION_ID, name: 'Platform' } as const;

/** Where an account lives: its organisation (null for the operator) and that organisation's store. */
interface AccountHome {
  readonly organisation: Organisation | null;
  readonly store: CouchStore;
}

/** The account answer of sign-in and `/me`. */
async function accountAnswer(home: AccountHome, user: Pick<User, 'id' | 'email' | 'name' | 'role'>) {
  const status = await accountStatus(home.store, user);
  const organisation = home.organisation ?? PLATFORM;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    emailVerified: status.emailVerified,
    organisationId: organisation.id,
    organisationSlug: organisation.slug,
    organisationName: organisation.name,
  };
}

/**
 * `POST /login`, `POST /refresh`, `POST /logout`, `GET /me` (SPEC §4–§5, §10). Sign-in is
 * deployment-wide: the email finds the account's organisation (emails are unique per deployment).
 */
export function sessionRoutes(
  root: FastifyInstance,
  options: { limits: LoginLimits; limiter: AttemptLimiter },
): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { limits, limiter } = options;
  /** The home of organisation `id`, or null when there is no such one. */
  const homeOf = async (id: string): Promise<AccountHome | null> => {
    if (id === PLATFORM_ORGANISATION_ID) return { organisation: null, store: app.organisations.platform };
    const organisation = await app.organisations.byId(id);
    return organisation ? { organisation, store: app.organisations.storeOf(organisation) } : null;
  };
  /** The home a refresh token names, or null for a token that is not one of ours. */
  const homeOfToken = async (refreshToken: string) => {
    const parts = refreshTokenParts(refreshToken);
    const home = parts ? await homeOf(parts.org ?? FIRST_ORGANISATION_ID) : null;
    return parts && home ? { ...home, sid: parts.sid } : null;
  };
  // Every laptop refreshes every few minutes; an office behind one address has many laptops.
  const refreshPerAddress = { rateLimit: { max: limits.perAddress * 5, timeWindow: limits.windowMs } };

  app.post(
    '/login',
    {
      schema: {
        tags: ['auth'],
        operationId: 'login',
        security: [],
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
      const now = Date.now();
      const location = await app.accounts.locate(email, now);
      const store = location ? await app.accounts.storeOf(location.organisationId) : null;
      // An unknown address costs the same hash as a wrong password (the platform store has no such account).
      const user = await verifyCredentials(store ?? app.organisations.platform, email, password, now);
      if (!user || !location) throw unauthorized('The email or password is wrong.', 'invalid_credentials');
      if (!user.active) throw unauthorized('The account is deactivated.', 'account_disabled');
      const home = await homeOf(location.organisationId);
      if (!home) throw unauthorized('The email or password is wrong.', 'invalid_credentials');
      if (home.organisation?.suspended) throw organisationSuspended();
      const [tokens, account] = await Promise.all([
        openSession(home.store, app.jwtSecret, user, Date.now(), location.organisationId),
        accountAnswer(home, user),
      ]);
      return { ...tokens, user: account };
    },
  );

  app.post(
    '/refresh',
    {
      config: refreshPerAddress,
      schema: {
        tags: ['auth'],
        operationId: 'refreshSession',
        security: [],
        summary: 'Swap a refresh token for a new pair (the old one is spent; reusing it ends the session)',
        description:
          'A spent token ends the session (401 `refresh_token_reused`), with one exception for an answer ' +
          'lost on its way (a reload mid-refresh): the token the last rotation spent, presented again within ' +
          `${REFRESH_REPLAY_WINDOW_MS / 1000} s while its successor is unused, gets a fresh pair and the ` +
          'successor is spent instead. Two ' +
          'presentations of one token at the same moment get one pair; the other is answered 401 ' +
          '`refresh_token_superseded` and may present the token again.',
        body: RefreshRequestSchema,
        response: { 200: TokenPairSchema, ...errorResponses(400, 401, 429) },
      },
    },
    async (request) => {
      const home = await homeOfToken(request.body.refreshToken);
      if (!home) throw unauthorized('The refresh token is not valid; sign in again.', 'invalid_token');
      if (home.organisation?.suspended) throw organisationSuspended();
      return unwrap(
        await rotateRefreshToken(
          home.store,
          app.jwtSecret,
          request.body.refreshToken,
          async (userId) => (await getUser(home.store, userId))?.active === true,
          Date.now(),
        ),
      );
    },
  );

  app.post(
    '/logout',
    {
      schema: {
        tags: ['auth'],
        operationId: 'logout',
        security: [],
        summary: 'End the session of a refresh token',
        description:
          'Ends the session of its current refresh token, or of the one its last refresh spent while that ' +
          `may still be presented (${REFRESH_REPLAY_WINDOW_MS / 1000} s, successor unused: the refresh answer ` +
          'was lost). Any older spent token of the session is reuse and ends it as on refresh. Always 204.',
        body: RefreshRequestSchema,
        response: { 204: Type.Null(), ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const { refreshToken } = request.body;
      // Signing out works in a suspended organisation too.
      const home = await homeOfToken(refreshToken);
      if (home) await endSessionOf(home.store, refreshToken, Date.now());
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      onRequest: authenticate(app),
      schema: {
        tags: ['auth'],
        operationId: 'getMe',
        summary: 'The signed-in account',
        security: BEARER,
        response: { 200: AccountSchema, ...errorResponses(401) },
      },
    },
    async (request) => {
      const store = request.organisation?.store ?? app.organisations.platform;
      return accountAnswer({ organisation: request.organisation, store }, actorOf(request));
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
