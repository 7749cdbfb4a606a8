import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { UserSchema } from '#shared/domain/user/user-schema';
import { actorOf, organisationOf, storeOf } from '../../plugins/auth';
import { badRequest, conflict, notFound, unwrap } from '../../plugins/api-error';
import { linkBaseOf } from '../../plugins/link-base';
import type { IdentityService } from '../../services/identity-service';
import { recordAudit } from '../../services/audit-service';
import { revokeUserSessions } from '../../services/session-service';
import { createAccount, getUser, listUsers, patchUser, setPassword } from '../../services/user-service';
import { BEARER, NewEmailSchema, PersonNameSchema, RoleSchema } from '../../plugins/schemas';
import { ApiErrorSchema, PasswordSchema } from '#shared/sync/protocol';

const errors = {
  400: ApiErrorSchema,
  401: ApiErrorSchema,
  403: ApiErrorSchema,
  404: ApiErrorSchema,
  409: ApiErrorSchema,
};
const UserParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) });

/** `/api/admin/users*`: accounts, roles, deactivation, sessions and passwords. */
export function adminUserRoutes(
  root: FastifyInstance,
  options: { identity: IdentityService; publicUrl: string | null },
): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const audit = (request: FastifyRequest, userId: string, reason: string): Promise<void> =>
    recordAudit(storeOf(request), [
      {
        at: Date.now(),
        userId: actorOf(request).id,
        collection: 'users',
        docId: userId,
        outcome: 'accepted',
        action: 'admin',
        reason,
      },
    ]);

  app.get(
    '/users',
    {
      schema: {
        tags: ['admin'],
        operationId: 'listUsers',
        summary: 'Every account',
        security: BEARER,
        response: { 200: Type.Array(UserSchema), ...errors },
      },
    },
    async (request) => listUsers(storeOf(request)),
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['admin'],
        operationId: 'createUser',
        summary: 'Create an account',
        security: BEARER,
        body: Type.Object({
          email: NewEmailSchema,
          name: PersonNameSchema,
          role: RoleSchema,
          password: PasswordSchema,
        }),
        response: { 201: UserSchema, ...errors },
      },
    },
    async (request, reply) => {
      const user = unwrap(
        await createAccount(
          storeOf(request),
          request.body,
          Date.now(),
          app.accounts.forOrganisation(organisationOf(request).id),
        ),
      );
      await audit(request, user.id, `created as ${user.role}`);
      return reply.status(201).send(user);
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['admin'],
        operationId: 'updateUser',
        summary: 'Rename, change role, deactivate or reactivate an account (effective on its next request)',
        security: BEARER,
        params: UserParams,
        body: Type.Object(
          {
            name: Type.Optional(PersonNameSchema),
            role: Type.Optional(RoleSchema),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: UserSchema, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (
        request.params.id === actor.id &&
        (request.body.active === false || (request.body.role && request.body.role !== 'admin'))
      ) {
        throw badRequest('You cannot deactivate or demote yourself.', 'self_lockout');
      }
      const user = unwrap(await patchUser(storeOf(request), request.params.id, request.body, Date.now()));
      await audit(request, user.id, `changed ${Object.keys(request.body).join(', ')}`);
      return user;
    },
  );

  app.post(
    '/users/:id/revoke-sessions',
    {
      schema: {
        tags: ['admin'],
        operationId: 'revokeUserSessions',
        summary: 'Sign the user out everywhere; with wipe, their laptops delete local data at next contact',
        security: BEARER,
        params: UserParams,
        body: Type.Optional(
          Type.Object({ wipe: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        ),
        response: { 200: Type.Object({ revoked: Type.Integer(), wipe: Type.Boolean() }), ...errors },
      },
    },
    async (request) => {
      if (!(await getUser(storeOf(request), request.params.id))) throw notFound('No such user.');
      const wipe = request.body?.wipe === true;
      const revoked = await revokeUserSessions(
        storeOf(request),
        request.params.id,
        { wipe, reason: 'admin' },
        Date.now(),
      );
      await audit(
        request,
        request.params.id,
        wipe ? 'revoked sessions and wiped devices' : 'revoked sessions',
      );
      return { revoked, wipe };
    },
  );

  app.post(
    '/users/:id/password',
    {
      schema: {
        tags: ['admin'],
        operationId: 'setUserPassword',
        summary: 'Set a new password',
        security: BEARER,
        params: UserParams,
        body: Type.Object({ password: PasswordSchema }),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      if (!(await getUser(storeOf(request), request.params.id))) throw notFound('No such user.');
      unwrap(await setPassword(storeOf(request), request.params.id, request.body.password));
      await audit(request, request.params.id, 'set password');
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/users/:id/password-reset',
    {
      schema: {
        tags: ['admin'],
        summary: 'Mail the user a link to choose a new password (works once, for an hour)',
        description:
          'The same link as "Forgot your password?". 409 `account_disabled` for a deactivated account; ' +
          '409 `no_link_base` when the server cannot build a trustworthy link (set SHORTLIST_PUBLIC_URL).',
        security: BEARER,
        params: UserParams,
        response: { 202: Type.Object({ status: Type.Literal('sent'), email: Type.String() }), ...errors },
      },
    },
    async (request, reply) => {
      const user = await getUser(storeOf(request), request.params.id);
      if (!user) throw notFound('No such user.');
      if (!user.active)
        throw conflict('The account is deactivated: reactivate it first.', 'account_disabled');
      const base = linkBaseOf(request, options.publicUrl);
      if (!base) {
        throw conflict(
          'No trustworthy link can be built for this server: set SHORTLIST_PUBLIC_URL.',
          'no_link_base',
        );
      }
      const sent = await options.identity.requestPasswordReset(user.email, base, Date.now());
      if (!sent) throw conflict('The link could not be sent to this account.', 'not_sent');
      await audit(request, user.id, 'sent a password reset link');
      return reply.status(202).send({ status: 'sent' as const, email: user.email });
    },
  );
  return Promise.resolve();
}
