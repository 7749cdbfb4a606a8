import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import { ApiError } from './api-error';

/** Origins of the app: the dev server and web build on loopback (any port), and Electron's `app://`. */
export function isAppOrigin(origin: string): boolean {
  return (
    /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/.test(origin) ||
    /^app:\/\/[A-Za-z0-9.-]*$/.test(origin)
  );
}

/** Security headers, CORS for the app's origins, and the rate limiter (applied per route). */
export const securityPlugin = fp(
  async (app) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'", 'data:'],
          // The résumé preview frames a PDF the app made into a blob: URL (downloaded or cached).
          frameSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
        },
      },
    });
    await app.register(cors, {
      origin: (origin, callback) => callback(null, origin === undefined || isAppOrigin(origin)),
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowedHeaders: ['Authorization', 'Content-Type'],
      maxAge: 600,
    });
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) =>
        new ApiError(
          429,
          'rate_limited',
          `Too many attempts; try again in ${Math.ceil(context.ttl / 1000)} s.`,
        ),
    });
  },
  { name: 'security' },
);
