import type { FastifyInstance } from 'fastify';
import type { IdentityMail } from '../../services/identity-mail';
import { AttemptLimiter } from '../../services/attempt-limiter';
import { IdentityService } from '../../services/identity-service';
import { DEFAULT_IDENTITY_LIMITS, type IdentityLimits, type LoginLimits } from './auth-limits';
import { identityRoutes } from './identity-routes';
import { sessionRoutes } from './session-routes';

export type { IdentityLimits, LoginLimits };

/** How often expired links and old attempt records are cleaned up (also once at start). */
export const IDENTITY_CLEANUP_INTERVAL_MS = 6 * 60 * 60 * 1000;

/** Options of `authRoutes`. */
export interface AuthRoutesOptions {
  readonly limits: LoginLimits;
  readonly identityLimits?: Partial<IdentityLimits>;
  /** Where account mails go (the outbox). */
  readonly mail: IdentityMail;
  /** Minimum time of register and password-reset answers; default 400 ms. */
  readonly responseFloorMs?: number;
}

/**
 * `/api/auth/*`: sign-in and sessions (login, refresh, logout, me) and identity (register, verify,
 * password reset). Every limit is held in the store (`AttemptLimiter`), so it holds across instances.
 */
export async function authRoutes(app: FastifyInstance, options: AuthRoutesOptions): Promise<void> {
  // Sign-in and mailed links are deployment-wide (emails are unique per deployment): so are their limits.
  const limiter = new AttemptLimiter(app.organisations.platform, app.jwtSecret);
  const identity = new IdentityService(app.organisations, app.accounts, options.mail);

  const cleanup = (): void => {
    const now = Date.now();
    Promise.all([identity.cleanup(now), limiter.cleanup(now)]).then(
      ([links, days]) => {
        if (links + days > 0)
          app.log.info(`deleted ${links} expired account links and ${days} days of attempts`);
      },
      (error: unknown) => app.log.warn({ err: error }, 'could not clean up account links and attempts'),
    );
  };
  let timer: ReturnType<typeof setInterval> | null = null;
  app.addHook('onReady', (done) => {
    timer = setInterval(cleanup, IDENTITY_CLEANUP_INTERVAL_MS);
    timer.unref();
    cleanup();
    done();
  });
  app.addHook('preClose', (done) => {
    if (timer) clearInterval(timer);
    done();
  });

  await app.register(sessionRoutes, { limits: options.limits, limiter });
  await app.register(identityRoutes, {
    identity,
    limiter,
    limits: { ...DEFAULT_IDENTITY_LIMITS, ...options.identityLimits },
    publicUrl: options.mail.publicUrl,
    responseFloorMs: options.responseFloorMs ?? 400,
  });
}
