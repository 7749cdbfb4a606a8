import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../../plugins/api-error';

/** How many portal writes (applications, résumés) one account, and one address, may send in a window. */
export interface ApplyLimits {
  readonly perAccount: number;
  readonly perAddress: number;
  readonly windowMs: number;
}

export const DEFAULT_APPLY_LIMITS: ApplyLimits = { perAccount: 10, perAddress: 30, windowMs: 60 * 60 * 1000 };

/**
 * A preHandler (after authentication) counting against both limits. Built on `createRateLimit`,
 * because two `rateLimit` hooks on one route only ever run the first.
 */
export function portalWriteLimiter(
  app: FastifyInstance,
  scope: string,
  limits: ApplyLimits,
): (request: FastifyRequest) => Promise<void> {
  const perAccount = app.createRateLimit({
    max: limits.perAccount,
    timeWindow: limits.windowMs,
    keyGenerator: (request) => `${scope}:account:${request.actor?.id ?? request.ip}`,
  });
  const perAddress = app.createRateLimit({
    max: limits.perAddress,
    timeWindow: limits.windowMs,
    keyGenerator: (request) => `${scope}:address:${request.ip}`,
  });
  return async (request) => {
    for (const limiter of [perAddress, perAccount]) {
      const result = await limiter(request);
      // `isAllowed` only means "on the allow list"; `isExceeded` is the verdict.
      if (!result.isAllowed && result.isExceeded) {
        throw new ApiError(
          429,
          'rate_limited',
          `Too many attempts; try again in ${Math.ceil(result.ttl / 1000)} s.`,
        );
      }
    }
  };
}
