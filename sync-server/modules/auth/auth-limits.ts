import type { FastifyReply, FastifyRequest } from 'fastify';
import { normalizeEmail } from '#shared/domain/common/schema-helpers';
import { ApiError } from '../../plugins/api-error';
import type { AttemptLimit, AttemptLimiter } from '../../services/attempt-limiter';

/** Attempts allowed per address and per account (an email, or a signed-in account) in a window. */
export interface AttemptLimits {
  readonly perAddress: number;
  readonly perAccount: number;
  readonly windowMs: number;
}

/** Limits of sign-in attempts (SPEC §4): per address and per account, in a time window. */
export type LoginLimits = AttemptLimits;

/** Limits of the other account actions, all held in the store like the sign-in limits. */
export interface IdentityLimits {
  /** Registrations per address, and per email (so nobody can flood an address with mails). */
  readonly register: AttemptLimits;
  /** Password-reset requests per address and per email. */
  readonly passwordReset: AttemptLimits;
  /** Uses of mailed links (verification, reset confirmation) per address; `perAccount` is unused. */
  readonly linkUse: AttemptLimits;
  /** New verification links per address and per signed-in account. */
  readonly resend: AttemptLimits;
}

const HOUR_MS = 60 * 60 * 1000;

/** Sign-in: 100 per address (offices share one) and 10 per account in 5 minutes. */
export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAddress: 100, perAccount: 10, windowMs: 5 * 60 * 1000 };

export const DEFAULT_IDENTITY_LIMITS: IdentityLimits = {
  register: { perAddress: 20, perAccount: 3, windowMs: HOUR_MS },
  passwordReset: { perAddress: 20, perAccount: 3, windowMs: HOUR_MS },
  linkUse: { perAddress: 60, perAccount: 60, windowMs: HOUR_MS },
  resend: { perAddress: 20, perAccount: 3, windowMs: HOUR_MS },
};

/** What an attempt is counted against: the address always, an account when there is one. */
export interface AttemptSubject {
  readonly account?: string;
}

/**
 * A hook body: counts the request against `limits` under `scope` (per `request.ip`, and per account
 * when given), and answers 429 `rate_limited` with `Retry-After` when over. The answer is the same
 * whether or not the account exists.
 */
export async function enforceLimits(
  limiter: AttemptLimiter,
  scope: string,
  limits: AttemptLimits,
  request: FastifyRequest,
  reply: FastifyReply,
  subject: AttemptSubject,
): Promise<void> {
  const counted: AttemptLimit[] = [
    { scope: `${scope}-address`, key: request.ip, max: limits.perAddress, windowMs: limits.windowMs },
  ];
  if (subject.account !== undefined) {
    counted.push({
      scope: `${scope}-account`,
      key: normalizeEmail(subject.account),
      max: limits.perAccount,
      windowMs: limits.windowMs,
    });
  }
  const verdict = await limiter.attempt(counted, Date.now());
  if (verdict.ok) return;
  void reply.header('retry-after', String(verdict.retryAfterSeconds));
  throw new ApiError(429, 'rate_limited', `Too many attempts; try again in ${verdict.retryAfterSeconds} s.`);
}

/** Waits until `floorMs` after `startedAt`: answers that may reveal nothing take the same minimum time. */
export async function holdUntil(startedAt: number, floorMs: number): Promise<void> {
  const left = startedAt + floorMs - Date.now();
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
}
