import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Role } from '#shared/domain/common/roles';
import type { CouchStore } from '../infra/couch-store';
import { ApiError, apiErrorOf, forbidden, notFound, unauthorized } from './api-error';
import { apiKeyOrganisation, looksLikeApiKey, verifyApiKey } from '../services/api-keys';
import { AttemptLimiter } from '../services/attempt-limiter';
import { getSession, sessionRefusal } from '../services/session-service';
import { getUser } from '../services/user-service';
import { verifyAccessToken, type AccessClaims } from '../services/tokens';
import { FIRST_ORGANISATION_ID, PLATFORM_ORGANISATION_ID } from '../services/organisation-ids';
import type { Organisation } from '../services/organisations';

/** The person behind a request, as the store says now (not as the token said when issued). */
export interface RequestActor extends Actor {
  readonly email: string;
  readonly name: string;
  readonly sessionId: string;
  /** Set when the request came with an API key instead of an access token. */
  readonly apiKey?: { readonly id: string; readonly readOnly: boolean };
}

/** The organisation a request belongs to, with its store: the only databases the request may use. */
export interface RequestOrganisation extends Organisation {
  readonly store: CouchStore;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticate`; null on public routes. */
    actor: RequestActor | null;
    /** Set by `authenticate` (the caller's) or `resolveOrganisation` (a public page's); null before. */
    organisation: RequestOrganisation | null;
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
 * Resolves the actor of an access token in `store`: re-reads the user's current role and active flag
 * and the session, so demotion, deactivation and revocation apply at once.
 */
async function actorOfClaims(store: CouchStore, claims: AccessClaims, now: number): Promise<RequestActor> {
  const [user, session] = await Promise.all([getUser(store, claims.sub), getSession(store, claims.sid)]);
  if (!user) throw unauthorized('The account no longer exists.', 'invalid_token');
  if (!user.active) throw unauthorized('The account is deactivated.', 'account_disabled');
  if (!session || session.userId !== user.id)
    throw unauthorized('The sign-in is not valid.', 'invalid_token');
  const refusal = sessionRefusal(session, now);
  if (refusal) throw unauthorized('This sign-in was ended; sign in again.', refusal);
  return { id: user.id, role: user.role, email: user.email, name: user.name, sessionId: session._id };
}

/** The organisation of `id` as a request sees it: 401 when unknown, 403 once suspended. */
export async function requestOrganisation(app: FastifyInstance, id: string): Promise<RequestOrganisation> {
  const organisation = await app.organisations.byId(id);
  if (!organisation) throw unauthorized('The sign-in is not valid.', 'invalid_token');
  if (organisation.suspended) throw organisationSuspended();
  return { ...organisation, store: app.organisations.storeOf(organisation) };
}

/**
 * Resolves an access token: verifies the JWT (HS256 only, bounded life), then finds its organisation
 * (read on every request, so a suspension applies at once) and its actor in that organisation's store.
 * The operator's tokens name the platform: no organisation, and so no organisation's store.
 */
export async function resolveAccessToken(
  app: FastifyInstance,
  token: string,
  now: number,
): Promise<{ actor: RequestActor; organisation: RequestOrganisation | null }> {
  const checked = verifyAccessToken(app.jwtSecret, token, now);
  if (!checked.ok) {
    throw checked.code === 'token_expired'
      ? unauthorized('The access token has expired; refresh it.', 'token_expired')
      : unauthorized('The access token is not valid.', 'invalid_token');
  }
  const { claims } = checked;
  const organisationId = claims.org ?? FIRST_ORGANISATION_ID;
  if (organisationId === PLATFORM_ORGANISATION_ID) {
    return { actor: await actorOfClaims(app.organisations.platform, claims, now), organisation: null };
  }
  const organisation = await requestOrganisation(app, organisationId);
  return { actor: await actorOfClaims(organisation.store, claims, now), organisation };
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
  organisation: Pick<RequestOrganisation, 'id' | 'store'>,
  limiter: AttemptLimiter,
  limit: ApiKeyRateLimit,
  key: string,
  now: number,
  reply: FastifyReply,
): Promise<RequestActor> {
  const verified = await verifyApiKey(
    organisation.store,
    key,
    now,
    (error) => reply.log.warn({ err: error }, 'could not record when an API key was used'),
    organisation.id,
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

/**
 * Resolves an API key: the organisation its text names (read first, so a suspended organisation's
 * keys stop at once and no other organisation's databases are ever asked), then the key in that
 * organisation's store.
 */
async function resolveApiKey(
  app: FastifyInstance,
  limiter: AttemptLimiter,
  limit: ApiKeyRateLimit,
  key: string,
  now: number,
  reply: FastifyReply,
): Promise<{ actor: RequestActor; organisation: RequestOrganisation }> {
  const organisationId = apiKeyOrganisation(key);
  if (!organisationId) throw unauthorized('The API key is not valid.', 'invalid_api_key');
  const organisation = await requestOrganisation(app, organisationId).catch((error: unknown) => {
    // An unknown organisation is an unknown key; a suspended one says so.
    throw error instanceof ApiError && error.code === 'organisation_suspended'
      ? error
      : unauthorized('The API key is not valid.', 'invalid_api_key');
  });
  return { actor: await actorFromApiKey(organisation, limiter, limit, key, now, reply), organisation };
}

/** Registers the request decoration; routes then use `authenticate(...)` as an `onRequest`/`preHandler` hook. */
export const authPlugin = fp(
  (app, _options, done) => {
    app.decorateRequest('actor', null);
    app.decorateRequest('organisation', null);
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
  // Keys are counted deployment-wide (their ids are unique across organisations).
  const limiter = apiKeys ? new AttemptLimiter(app.organisations.platform, app.jwtSecret) : null;
  return async (request, reply) => {
    const token = tokenOf(request, options.allowQueryToken ?? false);
    if (!token) throw unauthorized('Sign in first: no access token was sent.');
    const now = Date.now();
    const { actor, organisation } =
      limiter && apiKeys && looksLikeApiKey(token)
        ? await resolveApiKey(app, limiter, apiKeys, token, now, reply)
        : await resolveAccessToken(app, token, now);
    if (roles.length > 0 && !roles.includes(actor.role)) throw forbidden();
    // A public page's organisation was resolved first (`resolveOrganisation`): the caller must be of it.
    if (request.organisation && request.organisation.id !== organisation?.id) throw otherOrganisation();
    request.actor = actor;
    request.organisation = organisation;
  };
}

/**
 * The store of the organisation a request belongs to: the databases every read and write of the
 * request goes to, and no others. Routes and services get their store from here (never `app.store`
 * directly), so organisations stay apart by construction.
 */
export function storeOf(request: FastifyRequest): CouchStore {
  return organisationOf(request).store;
}

/** The organisation of a request (authenticated, or a public page's); a request without one is refused. */
export function organisationOf(request: FastifyRequest): RequestOrganisation {
  if (!request.organisation) throw forbidden('This request belongs to no organisation.', 'no_organisation');
  return request.organisation;
}

/**
 * A hook for public routes of an organisation (careers page, portal): the organisation of the route's
 * `:organisation` slug, or the deployment's first one where the route has none. 404 for an unknown
 * slug, 403 for a suspended organisation.
 */
export function resolveOrganisation(app: FastifyInstance): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    const params = (request.params ?? {}) as Record<string, unknown>;
    const slug = params['organisation'];
    const organisation =
      typeof slug === 'string' ? await app.organisations.bySlug(slug) : await app.organisations.first();
    if (!organisation) throw notFound('There is no such organisation.', 'organisation_not_found');
    if (organisation.suspended) throw organisationSuspended();
    // A signed-in caller of another organisation's page is refused, not quietly served this one.
    if (request.organisation && request.organisation.id !== organisation.id) throw otherOrganisation();
    request.organisation = { ...organisation, store: app.organisations.storeOf(organisation) };
  };
}

/** 403 `organisation_suspended`: the operator suspended the caller's organisation. */
export function organisationSuspended(): ApiError {
  return forbidden(
    'This organisation is suspended; contact the operator of this service.',
    'organisation_suspended',
  );
}

function otherOrganisation(): ApiError {
  return forbidden(
    'Your account belongs to another organisation: sign in on its own careers page.',
    'other_organisation',
  );
}

/** The actor of an authenticated request (the hook guarantees one). */
export function actorOf(request: FastifyRequest): RequestActor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}
