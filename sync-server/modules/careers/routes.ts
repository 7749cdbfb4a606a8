/**
 * The public careers page (SPEC §5 portal): plain HTML, CSS and a little JavaScript, no build step,
 * talking to `/api/portal/*` and `/api/auth/*`. Register in `sync-server/app.ts`:
 *
 * ```ts
 * import { careersRoutes } from './careers/careers-routes';
 * await app.register(careersRoutes, { prefix: '/careers' });
 * ```
 *
 * No options.
 */
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where the page's files are. */
export const CAREERS_PUBLIC_DIR = fileURLToPath(new URL('./public', import.meta.url));

/** Serves `public/` at the prefix (`/careers/`), `index.html` for the folder itself. */
export async function careersRoutes(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, {
    root: CAREERS_PUBLIC_DIR,
    prefix: '/',
    index: 'index.html',
    redirect: true,
    decorateReply: false,
    schemaHide: true,
    cacheControl: true,
    maxAge: 60_000,
  });
}
