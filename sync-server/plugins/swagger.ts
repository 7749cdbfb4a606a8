import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { isRecord } from '../infra/couch-http';

/** OpenAPI generated from the route schemas, at `/openapi.json`, with Swagger UI at `/docs`. */
export const swaggerPlugin = fp(
  async (app) => {
    await app.register(swagger, {
      // Every route names its operation; one that does not (yet) gets a stable name from its method and
      // path. A plugin's `/` is served with and without the slash: it is documented without.
      transform: ({ schema, url, route }) => {
        const documented = url.length > 1 ? url.replace(/\/+$/, '') : url;
        const operationId = schema?.operationId ?? derivedOperationId(route.method, documented);
        // The portal is documented under each organisation's slug; the first organisation's copy
        // without a slug (kept for careers pages of earlier versions) is served but not documented.
        if (documented.startsWith('/api/portal/:organisation')) {
          return {
            schema: { ...schema, operationId, params: withOrganisationParam(schema?.params) },
            url: documented,
          };
        }
        if (documented.startsWith('/api/portal'))
          return { schema: { ...schema, hide: true }, url: documented };
        return { schema: { ...schema, operationId }, url: documented };
      },
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'Shortlist sync server',
          description:
            'Replication (RxDB protocol), sign-in and administration of the Shortlist applicant tracking system. ' +
            'Errors are `{"error": {"code", "message"}}`.',
          version: '0.1.0',
          license: { name: 'Proprietary', url: 'https://example.com/shortlist/license' },
        },
        servers: [{ url: '/', description: 'This server' }],
        components: {
          securitySchemes: {
            bearer: {
              type: 'http',
              scheme: 'bearer',
              bearerFormat: 'JWT',
              description: 'An access token from `POST /api/auth/login` (15 minutes; refresh it).',
            },
            apiKey: {
              type: 'http',
              scheme: 'bearer',
              bearerFormat: 'slk_<organisation>_<id>_<secret>',
              description:
                'An API key from `POST /api/admin/api-keys`, as `Authorization: Bearer <key>`; for `/api/v1` only.',
            },
          },
        },
        tags: [
          { name: 'auth', description: 'Sign-in and sessions' },
          { name: 'sync', description: 'Replication of the collections' },
          { name: 'admin', description: 'Administration (admin role)' },
          { name: 'operations', description: 'Health and readiness' },
          {
            name: 'v1',
            description: 'Integration API for scripts and other systems (access token or API key)',
          },
          { name: 'files', description: 'Résumés of candidates' },
          { name: 'portal', description: 'The candidate portal' },
        ],
      },
    });
    await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
    app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
  },
  { name: 'swagger' },
);

/** `GET /api/admin/notifications/:id` → `getAdminNotificationsById`. */
function derivedOperationId(method: string | readonly string[], url: string): string {
  const verb = (Array.isArray(method) ? String(method[0]) : String(method)).toLowerCase();
  const words = url
    .replace(/^\/api\//, '/')
    .split('/')
    .filter(Boolean)
    .map((part) => (part.startsWith(':') ? `by-${part.slice(1)}` : part))
    .flatMap((part) => part.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  return [verb, ...words.map((word) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`)].join('');
}

/** A portal route's path parameters with the organisation's slug first (the plugin's prefix names it). */
function withOrganisationParam(params: unknown): Record<string, unknown> {
  const own = isRecord(params) ? params : {};
  const properties = isRecord(own['properties']) ? own['properties'] : {};
  const listed: unknown = own['required'];
  const required = Array.isArray(listed) ? listed.filter((name) => typeof name === 'string') : [];
  return {
    ...own,
    type: 'object',
    properties: {
      organisation: {
        type: 'string',
        description: 'The organisation’s slug, as in its careers page’s address.',
      },
      ...properties,
    },
    required: ['organisation', ...required],
  };
}

