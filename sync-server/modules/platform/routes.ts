import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { authenticate } from '../../plugins/auth';
import { badRequest, unwrap } from '../../plugins/api-error';
import { BEARER, errorResponses, NewEmailSchema, PersonNameSchema } from '../../plugins/schemas';
import { PasswordSchema } from '#shared/sync/protocol';
import { SLUG_PATTERN, type Organisation } from '../../services/organisations';
import { createOrganisation, ensureOperator } from './platform-service';

/** Options of `platformRoutes`: the operator of the configuration, made or updated at start. */
export interface PlatformRoutesOptions {
  readonly operator?: { readonly email: string; readonly password: string };
}

const OrganisationSchema = Type.Object(
  {
    id: Type.String(),
    slug: Type.String(),
    name: Type.String(),
    suspended: Type.Boolean(),
    createdAt: Type.Integer({ description: 'ms since the epoch' }),
  },
  { title: 'Organisation' },
);

const OrganisationNameSchema = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

const SlugSchema = Type.String({
  pattern: SLUG_PATTERN,
  description: 'Lowercase letters, digits and `-` (2–50 characters); its careers page is `/careers/<slug>/`.',
});

function answerOf(organisation: Organisation) {
  const { id, slug, name, suspended, createdAt } = organisation;
  return { id, slug, name, suspended, createdAt };
}

/**
 * `/api/platform/organisations` (SPEC §10): the deployment's operator creates, lists, renames and
 * suspends organisations. Nothing here reads an organisation's documents.
 */
export async function platformRoutes(root: FastifyInstance, options: PlatformRoutesOptions): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  if (options.operator) {
    const operator = await ensureOperator(app.organisations, app.accounts, options.operator, Date.now());
    if (!operator.ok) throw new Error(operator.message);
  }
  app.addHook('onRequest', authenticate(app, ['operator']));

  app.post(
    '/organisations',
    {
      schema: {
        tags: ['platform'],
        summary: 'Create an organisation with its first admin',
        description:
          '409 `slug_taken` when the slug is another organisation’s (or reserved), 409 `email_taken` when the ' +
          'admin’s address has an account anywhere in the deployment.',
        security: BEARER,
        body: Type.Object({
          name: OrganisationNameSchema,
          slug: SlugSchema,
          admin: Type.Object({ email: NewEmailSchema, name: PersonNameSchema, password: PasswordSchema }),
        }),
        response: { 201: OrganisationSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { organisation } = unwrap(
        await createOrganisation(app.organisations, app.accounts, request.body, Date.now()),
      );
      await app.organisationWorkers.add(organisation);
      return reply.status(201).send(answerOf(organisation));
    },
  );

  app.get(
    '/organisations',
    {
      schema: {
        tags: ['platform'],
        summary: 'Every organisation of the deployment, oldest first',
        security: BEARER,
        response: { 200: Type.Array(OrganisationSchema), ...errorResponses(401, 403) },
      },
    },
    async () => (await app.organisations.list()).map(answerOf),
  );

  app.patch(
    '/organisations/:id',
    {
      schema: {
        tags: ['platform'],
        summary: 'Rename, suspend or resume an organisation',
        description:
          'A suspended organisation’s people get 403 `organisation_suspended` on their next request, its live ' +
          'streams end, and its careers page answers the same; its data is kept.',
        security: BEARER,
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 60 }) }),
        body: Type.Object(
          { name: Type.Optional(OrganisationNameSchema), suspended: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 200: OrganisationSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { name, suspended } = request.body;
      if (name === undefined && suspended === undefined) {
        throw badRequest('Send a name or suspended.', 'empty_patch');
      }
      const organisation = unwrap(
        await app.organisations.update(request.params.id, {
          ...(name === undefined ? {} : { name: name.trim() }),
          ...(suspended === undefined ? {} : { suspended }),
        }),
      );
      app.organisationWorkers.changed(organisation);
      return answerOf(organisation);
    },
  );
}
