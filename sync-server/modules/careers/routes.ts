/**
 * The public careers pages (SPEC §5 portal, §10): plain HTML, CSS and a little JavaScript, no build
 * step, talking to `/api/portal/*` and `/api/auth/*`. `/careers/` is the deployment's first
 * organisation's page, `/careers/<slug>/` each organisation's (the page reads its slug from its path).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';

/** Where the page's files are. */
export const CAREERS_PUBLIC_DIR = fileURLToPath(new URL('./public', import.meta.url));

/** Serves `public/` at the prefix (`/careers/`), and again under every organisation's slug. */
export async function careersRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  await app.register(fastifyStatic, {
    root: CAREERS_PUBLIC_DIR,
    prefix: '/',
    index: 'index.html',
    redirect: true,
    decorateReply: true,
    schemaHide: true,
    cacheControl: true,
    maxAge: 60_000,
  });
  const files = new Set(readdirSync(CAREERS_PUBLIC_DIR));
  const Slug = Type.String({ maxLength: 100 });
  // An unknown slug (or no slug at all) is a 404, like any page that is not there.
  const pageOf = async (slug: string): Promise<boolean> => (await app.organisations.bySlug(slug)) !== null;

  app.get(
    '/:organisation',
    { schema: { hide: true, params: Type.Object({ organisation: Slug }) } },
    // The page's own files are at this depth too (`/careers/careers.js`): this route comes before theirs.
    async (request, reply) => {
      const { organisation } = request.params;
      if (organisation === '') return reply.sendFile('index.html');
      if (files.has(organisation)) return reply.sendFile(organisation);
      return (await pageOf(organisation)) ? reply.redirect(`${organisation}/`) : reply.callNotFound();
    },
  );
  app.get(
    '/:organisation/',
    { schema: { hide: true, params: Type.Object({ organisation: Slug }) } },
    async (request, reply) =>
      (await pageOf(request.params.organisation)) ? reply.sendFile('index.html') : reply.callNotFound(),
  );
  app.get(
    '/:organisation/:file',
    {
      schema: {
        hide: true,
        params: Type.Object({ organisation: Slug, file: Type.String({ maxLength: 100 }) }),
      },
    },
    // The page's own files only (the same for every organisation), under a slug that is one.
    async (request, reply) =>
      files.has(request.params.file) && (await pageOf(request.params.organisation))
        ? reply.sendFile(request.params.file)
        : reply.callNotFound(),
  );
}
