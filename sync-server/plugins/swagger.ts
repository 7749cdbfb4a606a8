import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { COLLECTION_SCHEMAS } from '#shared/domain/collections';

/** OpenAPI generated from the route schemas, at `/openapi.json`, with Swagger UI at `/docs`. */
export const swaggerPlugin = fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'Shortlist sync server',
          description:
            'Replication (RxDB protocol), sign-in and administration of the Shortlist applicant tracking system. ' +
            'Errors are `{"error": {"code", "message"}}`.',
          version: '0.1.0',
        },
        components: {
          securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
          schemas: Object.fromEntries(
            Object.entries(COLLECTION_SCHEMAS).map(([name, schema]) => [
              name,
              JSON.parse(JSON.stringify(schema)) as object,
            ]),
          ),
        },
        tags: [
          { name: 'auth', description: 'Sign-in and sessions' },
          { name: 'sync', description: 'Replication of the collections' },
          { name: 'admin', description: 'Administration (admin role)' },
          { name: 'operations', description: 'Health and readiness' },
        ],
      },
    });
    await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
    app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
  },
  { name: 'swagger' },
);
