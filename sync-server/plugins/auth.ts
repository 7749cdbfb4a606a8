import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Role } from '#shared/domain/common/roles';
import type { CouchStore } from '../infra/couch-store';
import { ApiError, apiErrorOf, forbidden, unauthorized } from './api-error';
import { looksLikeApiKey, verifyApiKey } from '../services/api-keys';
import { AttemptLimiter } from '../services/attempt-limiter';
import { getSession, sessionRefusal } from '../services/session-service';
import { getUser } from '../services/user-service';
import { verifyAccessToken } from '../services/tokens';

/** The person behind a request, as the store says now (not as the token said when issued). */
export interface RequestActor extends Actor {
  readonly email: string;
  readonly name: string;
  readonly sessionId: string;
  /** Set when the request came with an API key instead of an access token. */
  readonly apiKey?: { readonly id: string; readonly readOnly: boolean };
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

/** How many requests one API key may make in a window, across every instance. */
export interface ApiKeyRateLimit {
  readonly max: number;
  readonly windowMs: number;
}

/**
 * Resolves the actor of an API key (SPEC §11): the key's document is read by id on every request
 * (a revoked key is refused at once), the person it acts for is re-read, and the key's requests are
 * counted against its limit in the store, so the limit holds across instances.
 */
export async function actorFromApiKey(
  store: CouchStore,
  limiter: AttemptLimiter,
  limit: ApiKeyRateLimit,
  key: string,
  now: number,
  reply: FastifyReply,
): Promise<RequestActor> {
  const verified = await verifyApiKey(store, key, now, (error) =>
    reply.log.warn({ err: error }, 'could not record when an API key was used'),
  );
  if (!verified.ok) throw apiErrorOf(verified);
  const { value } = verified;
  const verdict = await limiter.attempt([{ scope: 'api-key', key: value.keyId, ...limit }], now);
  if (!verdict.ok) {
    void reply.header('retry-after', String(verdict.retryAfterSeconds));
    throw new ApiError(
      429,
      'rate_limited',
      `Too many requests with this key; try again in ${verdict.retryAfterSeconds} s.`,
    );
  }
  return {
    id: value.userId,
    role: value.role,
    email: value.email,
    name: value.name,
    sessionId: `api-key-${value.keyId}`,
    apiKey: { id: value.keyId, readOnly: value.readOnly },
  };
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
 * `allowQueryToken` is for EventSource, which cannot send headers; `apiKeys` also accepts API keys
 * (the integration API only), each limited to `apiKeys.max` requests per window.
 */
export function authenticate(
  app: FastifyInstance,
  roles: readonly Role[] = [],
  options: { allowQueryToken?: boolean; apiKeys?: ApiKeyRateLimit } = {},
): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  const { apiKeys } = options;
  const limiter = apiKeys ? new AttemptLimiter(app.store, app.jwtSecret) : null;
  return async (request, reply) => {
    const token = tokenOf(request, options.allowQueryToken ?? false);
    if (!token) throw unauthorized('Sign in first: no access token was sent.');
    const now = Date.now();
    const actor =
      limiter && apiKeys && looksLikeApiKey(token)
        ? await actorFromApiKey(app.store, limiter, apiKeys, token, now, reply)
        : await actorFromToken(app.store, app.jwtSecret, token, now);
    if (roles.length > 0 && !roles.includes(actor.role)) throw forbidden();
    request.actor = actor;
  };
}

/** The actor of an authenticated request (the hook guarantees one). */
export function actorOf(request: FastifyRequest): RequestActor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}
