import type { FastifyInstance } from 'fastify';
import { isCollectionName } from '#shared/domain/collections';
import { webhookDatabasesOf } from '../../services/webhook-store';
import { WebhookWorker, type WebhookWorkerOptions } from './webhook-worker';

/**
 * Webhooks (SPEC §11): a worker per organisation turns every accepted write into signed deliveries
 * to its subscribed URLs, retried from a durable queue; the change feed wakes it after each write.
 * Starts when the app is ready, stops when it closes. The subscriptions themselves are managed by
 * admins (`/api/admin/webhooks`).
 */
export function webhooksPlugin(
  app: FastifyInstance,
  options: Omit<WebhookWorkerOptions, 'log'>,
): Promise<void> {
  app.organisationWorkers.register('webhooks', (_organisation, store) => {
    const worker = new WebhookWorker(store, webhookDatabasesOf(store), {
      ...options,
      log: (message, error) => app.log.warn({ err: error }, message),
    });
    return {
      start: () => worker.start(),
      stop: () => worker.stop(),
      databasesChanged: (keys) => {
        if ([...keys].some(isCollectionName)) worker.wake();
      },
      resync: () => worker.wake(),
    };
  });
  return Promise.resolve();
}
