import type { FastifyInstance } from 'fastify';
import { ensureWebhookDatabases } from '../../services/webhook-store';
import { WebhookWorker, type WebhookWorkerOptions } from './webhook-worker';

/**
 * Webhooks (SPEC §11): the worker that turns every accepted write into signed deliveries to the
 * subscribed URLs, retried from a durable queue. Starts when the app is ready, stops when it closes.
 * The subscriptions themselves are managed by admins (`/api/admin/webhooks`).
 */
export async function webhooksPlugin(
  app: FastifyInstance,
  options: Omit<WebhookWorkerOptions, 'log'>,
): Promise<void> {
  const databases = await ensureWebhookDatabases(app.store);
  const worker = new WebhookWorker(app.store, databases, {
    ...options,
    log: (message, error) => app.log.warn({ err: error }, message),
  });
  app.addHook('onReady', async () => {
    await worker.start();
  });
  app.addHook('preClose', async () => {
    await worker.stop();
  });
}
