import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor, Role } from '#shared/domain/common/roles';
import type { CouchStore } from '../infra/couch-store';
import { forbidden, unauthorized } from './api-error';
import { getSession, sessionRefusal } from '../services/session-service';
import { getUser } from '../services/user-service';
import { verifyAccessToken } from '../services/tokens';

/** The person behind a request, as the store says now (not as the token said when issued). */
export interface RequestActor extends Actor {
  readonly email: string;
  readonly name: string;
  readonly sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticate`; null on public routes. */
    actor: RequestActor | null;
  }
}

/** The bearer token of a request: the `Authorization` header, or `access_token` where allowed. */
function tokenOf(request: FastifyRequest, allowQueryToken: boolean): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1] ?? null;
  }
  if (allowQueryToken) {
    const query = request.query as Record<string, unknown> | undefined;
    const token = query?.['access_token'];
    return typeof token === 'string' && token.length > 0 ? token : null;
  }
  return null;
}

/**
 * Resolves the actor of an access token: verifies the JWT (HS256 only), then re-reads the user's
 * current role and active flag and the session, so demotion, deactivation and revocation apply at once.
 */
export async function actorFromToken(
  store: CouchStore,
  secret: string,
  token: string,
  now: number,
): Promise<RequestActor> {
  const checked = verifyAccessToken(secret, token, now);
  if (!checked.ok) {
    throw checked.code === 'token_expired'
      ? unauthorized('The access token has expired; refresh it.', 'token_expired')
      : unauthorized('The access token is not valid.', 'invalid_token');
  }
  const { claims } = checked;
  const [user, session] = await Promise.all([getUser(store, claims.sub), getSession(store, claims.sid)]);
  if (!user) throw unauthorized('The account no longer exists.', 'invalid_token');
  if (!user.active) throw unauthorized('The account is deactivated.', 'account_disabled');
  if (!session || session.userId !== user.id)
    throw unauthorized('The sign-in is not valid.', 'invalid_token');
  const refusal = sessionRefusal(session, now);
  if (refusal) throw unauthorized('This sign-in was ended; sign in again.', refusal);
  return { id: user.id, role: user.role, email: user.email, name: user.name, sessionId: session._id };
}

/** Registers the request decoration; routes then use `authenticate(...)` as an `onRequest`/`preHandler` hook. */
export const authPlugin = fp(
  (app, _options, done) => {
    app.decorateRequest('actor', null);
    done();
  },
  { name: 'auth', dependencies: ['store'] },
);

/**
 * A hook that requires a signed-in user whose role is one of `roles` (any role when empty).
 * `allowQueryToken` is for EventSource, which cannot send headers.
 */
export function authenticate(
  app: FastifyInstance,
  roles: readonly Role[] = [],
  options: { allowQueryToken?: boolean } = {},
): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    const token = tokenOf(request, options.allowQueryToken ?? false);
    if (!token) throw unauthorized('Sign in first: no access token was sent.');
    const actor = await actorFromToken(app.store, app.jwtSecret, token, Date.now());
    if (roles.length > 0 && !roles.includes(actor.role)) throw forbidden();
    request.actor = actor;
  };
}

/**
 * The store of the organisation a request belongs to: the databases every read and write of the
 * request goes to, and no others. Routes and services get their store from here (never `app.store`
 * directly), so organisations stay apart by construction.
 */
export function storeOf(request: FastifyRequest): CouchStore {
  return request.server.store;
}

/** The actor of an authenticated request (the hook guarantees one). */
export function actorOf(request: FastifyRequest): RequestActor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}
