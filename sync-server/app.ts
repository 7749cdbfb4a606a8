import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { fileURLToPath } from 'node:url';
import type { FollowerOptions } from './infra/db-updates-follower';
import { adminRoutes } from './modules/admin/routes';
import { appRoutes } from './modules/app/routes';
import { DEFAULT_LOGIN_LIMITS } from './modules/auth/auth-limits';
import { authRoutes, type IdentityLimits, type LoginLimits } from './modules/auth/routes';
import { careersRoutes } from './modules/careers/routes';
import { fileRoutes } from './modules/files/routes';
import { notificationsPlugin } from './modules/notifications/plugin';
import { candidateNotificationsRoutes } from './modules/notifications/candidate-notifications-routes';
import { operationsRoutes } from './modules/operations/routes';
import type { ApplyLimits } from './modules/portal/apply-limits';
import { platformRoutes } from './modules/platform/routes';
import { portalRoutes } from './modules/portal/routes';
import { syncRoutes } from './modules/sync/routes';
import { v1Routes } from './modules/v1/routes';
import { webhooksPlugin } from './modules/webhooks/plugin';
import type { WebhookTiming } from './modules/webhooks/webhook-worker';
import { streamRoutes } from './modules/sync/stream';
import { authPlugin, type ApiKeyRateLimit } from './plugins/auth';
import { changeFeedPlugin } from './plugins/change-feed';
import { clientErrorHandler, errorHandlerPlugin, frameworkErrors } from './plugins/error-handler';
import { housekeepingPlugin } from './plugins/housekeeping';
import { withRedactedLogs } from './plugins/log-redaction';
import { securityPlugin } from './plugins/security';
import { storePlugin } from './plugins/store';
import { swaggerPlugin } from './plugins/swagger';
import { IdentityMail } from './services/identity-mail';
import { systemResolver, type HostResolver } from './services/webhook-target';
import type { NotificationSettings } from './services/notifications-config';

/** Everything `buildApp` needs; `server.ts` fills it from the environment, tests directly. */
export interface AppConfig {
  /** Base URL of CouchDB or of the embedded store. */
  readonly couchUrl: string;
  /** Prefix of every database name (tests use a fresh one per suite). Default `shortlist_`. */
  readonly dbPrefix?: string;
  /**
   * The deployment's first organisation (SPEC §10: a single-organisation deployment needs no setting):
   * default slug `demo`, name "Demo organisation".
   */
  readonly firstOrganisation?: { readonly slug: string; readonly name: string };
  /** The deployment's operator (SPEC §10), created or updated at start when given. */
  readonly operator?: { readonly email: string; readonly password: string };
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
  /** Requests each API key may make per window (across instances); default 600 a minute. */
  readonly apiKeyRateLimit?: ApiKeyRateLimit;
  /** Webhooks (SPEC §11): the worker's timing, and whether targets may be on private networks. */
  readonly webhooks?: WebhookSettings;
}

/** How webhooks are delivered. */
export interface WebhookSettings {
  /** `SHORTLIST_WEBHOOK_ALLOW_PRIVATE=1`: targets on loopback or private networks are allowed. */
  readonly allowPrivateTargets?: boolean;
  /** Overrides of the worker's timing (tests). */
  readonly timing?: Partial<WebhookTiming>;
  /** How host names resolve (tests); the system's resolver by default. */
  readonly resolve?: HostResolver;
  /** Run the delivery worker in this process (default true). */
  readonly runWorker?: boolean;
}

const DEFAULT_RENDERER_DIST = fileURLToPath(new URL('../renderer/dist', import.meta.url));

export { redactUrl } from './plugins/log-redaction';

/**
 * Builds the sync server as a Fastify app (it never listens: `server.ts` does): infrastructure
 * plugins first (each declares what it needs, and Fastify checks the order), then one module per URL
 * area. Connects to the store and creates its databases and indexes before returning.
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
    // Start-up creates every organisation's databases and migrates stores of any size (a migration
    // reads whole collections): Fastify's 10 s per plugin fails a large store on a busy machine.
    pluginTimeout: 10 * 60_000,
  });
  await app.register(errorHandlerPlugin);
  await app.register(securityPlugin);
  await app.register(swaggerPlugin);
  await app.register(storePlugin, {
    couchUrl: config.couchUrl,
    dbPrefix: config.dbPrefix ?? 'shortlist_',
    jwtSecret: config.jwtSecret,
    firstOrganisation: config.firstOrganisation ?? { slug: 'demo', name: 'Demo organisation' },
  });
  await app.register(authPlugin);
  await app.register(changeFeedPlugin, {
    heartbeatMs: config.heartbeatMs ?? 15_000,
    ...(config.changeFollower ? { follower: config.changeFollower } : {}),
  });
  await app.register(housekeepingPlugin);
  const identityMail = new IdentityMail(config.notifications ?? null);
  const webhookTargets = {
    allowPrivate: config.webhooks?.allowPrivateTargets ?? false,
    resolve: config.webhooks?.resolve ?? systemResolver,
  };

  await app.register(operationsRoutes, { prefix: '/api' });
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
  await app.register(streamRoutes, { prefix: '/api/sync' });
  await app.register(adminRoutes, {
    prefix: '/api/admin',
    mail: identityMail,
    mailDirectory:
      config.notifications && !config.notifications.smtpUrl ? config.notifications.mailDirectory : null,
    webhookTargets,
  });
  await app.register(fileRoutes, { prefix: '/api/files' });
  await app.register(v1Routes, {
    prefix: '/api/v1',
    ...(config.apiKeyRateLimit ? { apiKeyRateLimit: config.apiKeyRateLimit } : {}),
  });
  const portalOptions = config.portalApplyLimits ? { applyLimits: config.portalApplyLimits } : {};
  await app.register(portalRoutes, { prefix: '/api/portal', ...portalOptions });
  await app.register(portalRoutes, { prefix: '/api/portal/:organisation', ...portalOptions });
  await app.register(platformRoutes, {
    prefix: '/api/platform',
    ...(config.operator ? { operator: config.operator } : {}),
  });
  await app.register(careersRoutes, { prefix: '/careers' });
  if (config.notifications) {
    await app.register(notificationsPlugin, {
      prefix: '/api/admin/notifications',
      settings: config.notifications,
      identityMail,
    });
  }
  if (config.webhooks?.runWorker !== false) {
    await app.register(webhooksPlugin, {
      ...webhookTargets,
      ...(config.webhooks?.timing ? { timing: config.webhooks.timing } : {}),
    });
  }
  await app.register(candidateNotificationsRoutes, { prefix: '/api/candidates' });
  await app.register(appRoutes, { prefix: '/app', distDir: config.rendererDist ?? DEFAULT_RENDERER_DIST });
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/app/'));
  return app;
}
