import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { fileURLToPath } from 'node:url';
import { careersRoutes } from './modules/careers/routes';
import { fileRoutes } from './modules/files/routes';
import { IdentityMail } from './services/identity-mail';
import type { NotificationSettings } from './services/notifications-config';
import { notificationsPlugin } from './modules/notifications/plugin';
import { installAuth } from './plugins/auth';
import { clientErrorHandler, frameworkErrors, installErrorHandler } from './plugins/error-handler';
import { withRedactedLogs } from './plugins/log-redaction';
import { installSecurity } from './plugins/security';
import { installStore } from './plugins/store';
import { installSwagger } from './plugins/swagger';
import { adminRoutes } from './modules/admin/routes';
import { appRoutes } from './modules/app/routes';
import { authRoutes, type IdentityLimits, type LoginLimits } from './modules/auth/routes';
import { DEFAULT_LOGIN_LIMITS } from './modules/auth/auth-limits';
import type { ApplyLimits } from './modules/portal/apply-limits';
import { portalRoutes } from './modules/portal/routes';
import { operationsRoutes } from './modules/operations/routes';
import { syncRoutes } from './modules/sync/routes';
import { streamRoutes } from './modules/sync/stream';
import { AuditProjector } from './services/audit-service';
import { ChangeHub } from './plugins/change-hub';
import { DbUpdatesFollower, type FollowerOptions } from './infra/db-updates-follower';
import { purgeEndedSessions, SESSION_PURGE_INTERVAL_MS } from './services/session-housekeeping';
import { getSession, sessionRefusal } from './services/session-service';
import { getUser } from './services/user-service';

/** Everything `buildApp` needs; `server.ts` fills it from the environment, tests directly. */
export interface AppConfig {
  /** Base URL of CouchDB or of the embedded store. */
  readonly couchUrl: string;
  /** Prefix of every database name (tests use a fresh one per suite). Default `shortlist_`. */
  readonly dbPrefix?: string;
  /** HS256 secret of the access tokens. */
  readonly jwtSecret: string;
  /** Fastify's logger option; default structured JSON logs at `info`. */
  readonly logger?: FastifyServerOptions['logger'];
  /** The renderer's web build; default `renderer/dist` of this repository. */
  readonly rendererDist?: string;
  /** SSE heartbeat interval; default 15 s. */
  readonly heartbeatMs?: number;
  /** Timing of the store's change follower (`_db_updates`); default per `DEFAULT_FOLLOWER_OPTIONS`. */
  readonly changeFollower?: Partial<FollowerOptions>;
  /** Sign-in rate limits; default 100 per address (offices share one) and 10 per account in 5 minutes. */
  readonly loginLimits?: LoginLimits;
  /** Limits of registration, password reset and mailed links; defaults per `DEFAULT_IDENTITY_LIMITS`. */
  readonly identityLimits?: Partial<IdentityLimits>;
  /** Minimum time of register and password-reset answers (they must not reveal accounts); default 400 ms. */
  readonly identityResponseFloorMs?: number;
  /** Largest request body outside pushes; default 1 MiB. */
  readonly bodyLimit?: number;
  /** Limits of portal applications; default per `portalRoutes`. */
  readonly portalApplyLimits?: ApplyLimits;
  /** Email notifications (outbox worker and admin listing); absent, none are sent. */
  readonly notifications?: NotificationSettings;
}

const DEFAULT_RENDERER_DIST = fileURLToPath(new URL('../renderer/dist', import.meta.url));

declare module 'fastify' {
  interface FastifyInstance {
    /** Derives the audit log's accepted entries from the documents' write records. */
    auditProjector: AuditProjector;
  }
}

export { redactUrl } from './plugins/log-redaction';

/**
 * Builds the sync server as a Fastify app (it never listens: `server.ts` does). Connects to the store
 * and creates its databases and indexes before returning.
 */
export async function buildApp(config: AppConfig): Promise<FastifyInstance> {
  const app = Fastify({
    logger: withRedactedLogs(config.logger ?? { level: 'info' }),
    clientErrorHandler,
    frameworkErrors,
    bodyLimit: config.bodyLimit ?? 1024 * 1024,
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: true, allErrors: false },
    },
    return503OnClosing: true,
  });
  installErrorHandler(app);
  installAuth(app);
  await installSecurity(app);
  await installSwagger(app);
  const store = await installStore(app, {
    couchUrl: config.couchUrl,
    dbPrefix: config.dbPrefix ?? 'shortlist_',
    jwtSecret: config.jwtSecret,
  });

  const log = (message: string, error?: unknown): void => app.log.warn({ err: error }, message);
  const follower = new DbUpdatesFollower(store.http, log, config.changeFollower);
  const hub = new ChangeHub(store, {
    heartbeatMs: config.heartbeatMs ?? 15_000,
    log,
    recheck: async (actor) => {
      const [user, session] = await Promise.all([
        getUser(store, actor.id),
        getSession(store, actor.sessionId),
      ]);
      const refusal = sessionRefusal(session, Date.now());
      if (refusal === 'wiped') return 'wipe';
      return refusal || !user?.active || user.role !== actor.role ? 'end' : 'ok';
    },
  });
  follower.subscribe(store.prefix, hub);
  const purgeSessions = (): void => {
    purgeEndedSessions(store, Date.now()).then(
      (count) => {
        if (count > 0) app.log.info(`deleted ${count} ended sessions`);
      },
      (error: unknown) => app.log.warn({ err: error }, 'could not delete ended sessions'),
    );
  };
  let purgeTimer: ReturnType<typeof setInterval> | null = null;
  const auditProjector = new AuditProjector(store, { intervalMs: 1_000, log });
  app.decorate('auditProjector', auditProjector);
  app.addHook('onReady', (done) => {
    hub.start();
    follower.start();
    auditProjector.start();
    purgeTimer = setInterval(purgeSessions, SESSION_PURGE_INTERVAL_MS);
    purgeTimer.unref();
    purgeSessions();
    done();
  });
  app.addHook('preClose', async () => {
    follower.stop();
    hub.stop();
    if (purgeTimer) clearInterval(purgeTimer);
    await auditProjector.stop();
  });

  await app.register(operationsRoutes, { prefix: '/api', changeFeed: follower });
  const identityMail = new IdentityMail(store, config.notifications ?? null);
  await app.register(authRoutes, {
    prefix: '/api/auth',
    limits: config.loginLimits ?? DEFAULT_LOGIN_LIMITS,
    mail: identityMail,
    ...(config.identityLimits ? { identityLimits: config.identityLimits } : {}),
    ...(config.identityResponseFloorMs === undefined
      ? {}
      : { responseFloorMs: config.identityResponseFloorMs }),
  });
  await app.register(syncRoutes, { prefix: '/api/sync' });
  await app.register(streamRoutes, { prefix: '/api/sync', hub });
  await app.register(adminRoutes, {
    prefix: '/api/admin',
    mailDirectory:
      config.notifications && !config.notifications.smtpUrl ? config.notifications.mailDirectory : null,
  });
  await app.register(fileRoutes, { prefix: '/api/files' });
  await app.register(portalRoutes, {
    prefix: '/api/portal',
    ...(config.portalApplyLimits ? { applyLimits: config.portalApplyLimits } : {}),
  });
  await app.register(careersRoutes, { prefix: '/careers' });
  if (config.notifications) {
    await app.register(notificationsPlugin, {
      prefix: '/api/admin/notifications',
      settings: config.notifications,
      identityMail,
    });
  }
  await app.register(appRoutes, { prefix: '/app', distDir: config.rendererDist ?? DEFAULT_RENDERER_DIST });
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/app/'));
  return app;
}
