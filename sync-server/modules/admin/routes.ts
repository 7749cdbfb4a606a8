import type { FastifyInstance } from 'fastify';
import { authenticate } from '../../plugins/auth';
import { apiKeyRoutes } from './api-key-routes';
import { webhookRoutes, type WebhookTargetPolicy } from './webhook-routes';
import { auditRoutes } from './audit-routes';
import { erasureRoutes } from './erasure-routes';
import { reportRoutes } from './report-routes';
import { adminUserRoutes } from './user-routes';

/** `/api/admin/*` (SPEC §5): admin role only, checked once for the whole area. */
export async function adminRoutes(
  root: FastifyInstance,
  options: { mailDirectory: string | null; webhookTargets: WebhookTargetPolicy },
): Promise<void> {
  root.addHook('onRequest', authenticate(root, ['admin']));
  await root.register(adminUserRoutes);
  await root.register(auditRoutes);
  await root.register(reportRoutes);
  await root.register(erasureRoutes, { mailDirectory: options.mailDirectory });
  await root.register(apiKeyRoutes);
  await root.register(webhookRoutes, { policy: options.webhookTargets });
}
