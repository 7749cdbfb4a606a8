import type { FastifyInstance } from 'fastify';
import { authenticate } from '../../plugins/auth';
import type { IdentityMail } from '../../services/identity-mail';
import { IdentityService } from '../../services/identity-service';
import { OneTimeTokens } from '../../services/one-time-tokens';
import { auditRoutes } from './audit-routes';
import { erasureRoutes } from './erasure-routes';
import { reportRoutes } from './report-routes';
import { adminUserRoutes } from './user-routes';

/** What the admin area needs: where mail files are (erasure) and the account mails (reset links). */
export interface AdminRoutesOptions {
  readonly mailDirectory: string | null;
  readonly mail: IdentityMail;
}

/** `/api/admin/*` (SPEC §5): admin role only, checked once for the whole area. */
export async function adminRoutes(root: FastifyInstance, options: AdminRoutesOptions): Promise<void> {
  root.addHook('onRequest', authenticate(root, ['admin']));
  const identity = new IdentityService(root.store, await OneTimeTokens.open(root.store), options.mail);
  await root.register(adminUserRoutes, { identity, publicUrl: options.mail.context.publicUrl });
  await root.register(auditRoutes);
  await root.register(reportRoutes);
  await root.register(erasureRoutes, { mailDirectory: options.mailDirectory });
}
