import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shortlist</title></head>
<body><h1>Shortlist</h1><p>The web app is not built yet. Run <code>npm run build</code>, then reload this page.</p></body></html>`;

/**
 * `/app/`: the renderer's web build (SPEC §5), with client-side routes working on reload (unknown
 * paths under /app/ answer index.html). Without a build, a page saying how to make one.
 */
export async function appRoutes(app: FastifyInstance, options: { distDir: string }): Promise<void> {
  const { distDir } = options;
  const hasBuild = existsSync(path.join(distDir, 'index.html'));
  if (!hasBuild) {
    const notBuilt = (
      _request: unknown,
      reply: { type: (value: string) => { send: (body: string) => unknown } },
    ) => reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
    app.get('/', { schema: { hide: true } }, notBuilt);
    app.get('/*', { schema: { hide: true } }, notBuilt);
    return;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    prefix: '/',
    index: 'index.html',
    redirect: true,
    schemaHide: true,
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return reply.status(404).send({ error: { code: 'not_found', message: 'Not found.' } });
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
