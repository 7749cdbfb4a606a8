import type { FastifyInstance } from 'fastify';
import { authenticate } from '../../plugins/auth';
import { apiKeyRoutes } from './api-key-routes';
import { webhookRoutes, type WebhookTargetPolicy } from './webhook-routes';
import type { IdentityMail } from '../../services/identity-mail';
import { IdentityService } from '../../services/identity-service';
import { auditRoutes } from './audit-routes';
import { erasureRoutes } from './erasure-routes';
import { reportRoutes } from './report-routes';
import { adminUserRoutes } from './user-routes';

/** What the admin area needs: where mail files are (erasure) and the account mails (reset links). */
export interface AdminRoutesOptions {
  readonly mailDirectory: string | null;
  readonly mail: IdentityMail;
  readonly webhookTargets: WebhookTargetPolicy;
}

/** `/api/admin/*` (SPEC §5): admin role only, checked once for the whole area. */
export async function adminRoutes(root: FastifyInstance, options: AdminRoutesOptions): Promise<void> {
  root.addHook('onRequest', authenticate(root, ['admin']));
  const identity = new IdentityService(root.organisations, root.accounts, options.mail);
  await root.register(adminUserRoutes, { identity, publicUrl: options.mail.publicUrl });
  await root.register(auditRoutes);
  await root.register(reportRoutes);
  await root.register(erasureRoutes, { mailDirectory: options.mailDirectory });
  await root.register(apiKeyRoutes);
  await root.register(webhookRoutes, { policy: options.webhookTargets });
}
