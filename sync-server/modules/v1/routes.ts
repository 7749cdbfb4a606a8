import type { FastifyInstance } from 'fastify';
import { STAFF_ROLES } from '#shared/domain/common/roles';
import { forbidden } from '../../plugins/api-error';
import { actorOf, authenticate, type ApiKeyRateLimit } from '../../plugins/auth';
import {
  IDEMPOTENCY_PURGE_INTERVAL_MS,
  purgeExpiredIdempotencyRecords,
} from '../../services/idempotency-records';
import { applicationRoutes } from './application-routes';
import { candidateRoutes } from './candidate-routes';
import { dashboardRoutes } from './dashboard-routes';
import { CursorCodec } from './http-semantics';
import { interviewRoutes } from './interview-routes';
import { jobRoutes } from './job-routes';

/** Requests one API key may make, by default: 600 a minute, across every instance. */
export const DEFAULT_API_KEY_RATE_LIMIT: ApiKeyRateLimit = { max: 600, windowMs: 60_000 };

/**
 * `/api/v1/*`, the integration API (SPEC §11): staff access tokens or API keys, checked once for the
 * whole area; a read-only key may only read. Every write goes through the one write path of
 * replication (`services/document-writes`), so the same rules judge it and laptops receive it.
 */
export async function v1Routes(
  root: FastifyInstance,
  options: { readonly apiKeyRateLimit?: ApiKeyRateLimit },
): Promise<void> {
  // Every organisation's expired records, one organisation after another (their databases were made with it).
  const purgeAll = async (): Promise<void> => {
    for (const organisation of await root.organisations.list()) {
      await purgeExpiredIdempotencyRecords(root.organisations.storeOf(organisation), Date.now());
    }
  };
  const purge = (): void => {
    purgeAll().catch((error: unknown) =>
      root.log.warn({ err: error }, 'could not delete expired idempotency records'),
    );
  };
  let purgeTimer: NodeJS.Timeout | undefined;
  root.addHook('onReady', (done) => {
    purgeTimer = setInterval(purge, IDEMPOTENCY_PURGE_INTERVAL_MS).unref();
    purge();
    done();
  });
  root.addHook('onClose', (_instance, done) => {
    clearInterval(purgeTimer);
    done();
  });
  root.addHook(
    'onRequest',
    authenticate(root, STAFF_ROLES, { apiKeys: options.apiKeyRateLimit ?? DEFAULT_API_KEY_RATE_LIMIT }),
  );
  root.addHook('onRequest', (request, _reply, done) => {
    const isWrite = request.method !== 'GET' && request.method !== 'HEAD';
    done(
      isWrite && actorOf(request).apiKey?.readOnly
        ? forbidden('This API key is read-only.', 'read_only_key')
        : undefined,
    );
  });
  const codec = new CursorCodec(root.jwtSecret);
  await root.register(jobRoutes, { codec });
  await root.register(candidateRoutes, { codec });
  await root.register(applicationRoutes, { codec });
  await root.register(interviewRoutes, { codec });
  await root.register(dashboardRoutes);
}
