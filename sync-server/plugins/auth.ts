import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor, Role } from '#shared/domain/common/roles';
import type { CouchStore } from '../infra/couch-store';
import { forbidden, notFound, unauthorized, type ApiError } from './api-error';
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
    const { actor, organisation } = await resolveAccessToken(app, token, Date.now());
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
