import { createHash, randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';

/** Access tokens live 15 minutes at most (SPEC §4). */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** Refresh tokens live 30 days from their last use, so an interviewer can work offline for weeks. */
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/**
 * How far in the future a token's `iat` may be: several instances sign tokens, each with its own clock.
 * Further than this, the token was not made by one of them.
 */
export const CLOCK_SKEW_SECONDS = 60;

/** What an access token says: who, which session. Role and active flag are re-read on every request. */
export interface AccessClaims {
  readonly sub: string;
  readonly sid: string;
}

/** Why an access token was refused: `token_expired` tells the client to refresh, the rest to sign in. */
export type AccessTokenRefusal = 'token_expired' | 'invalid_token';

/** The outcome of checking an access token. */
export type AccessTokenCheck =
  | { readonly ok: true; readonly claims: AccessClaims }
  | { readonly ok: false; readonly code: AccessTokenRefusal };

/** A short-lived HS256 access token, with `iat` and `exp` (15 minutes apart). */
export function signAccessToken(secret: string, claims: AccessClaims, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  return jwt.sign({ sid: claims.sid, iat, exp: iat + ACCESS_TOKEN_TTL_SECONDS }, secret, {
    algorithm: 'HS256',
    subject: claims.sub,
  });
}

/**
 * Checks an access token: HS256 only (no `alg: none`, no other algorithm), signed with `secret`, with
 * numeric `iat` and `exp` at most 15 minutes apart (a validly signed token without `exp`, or with a
 * longer life, was not issued by this server), not issued in the future, not expired.
 */
export function verifyAccessToken(secret: string, token: string, now = Date.now()): AccessTokenCheck {
  const nowSeconds = Math.floor(now / 1000);
  let payload: string | jwt.JwtPayload;
  try {
    payload = jwt.verify(token, secret, { algorithms: ['HS256'], clockTimestamp: nowSeconds });
  } catch (error) {
    return { ok: false, code: error instanceof jwt.TokenExpiredError ? 'token_expired' : 'invalid_token' };
  }
  if (typeof payload !== 'object') return { ok: false, code: 'invalid_token' };
  const { sub, iat, exp } = payload;
  const sid: unknown = payload['sid'];
  const hasBoundedLife =
    typeof iat === 'number' &&
    typeof exp === 'number' &&
    exp > iat &&
    exp - iat <= ACCESS_TOKEN_TTL_SECONDS &&
    iat <= nowSeconds + CLOCK_SKEW_SECONDS;
  if (!hasBoundedLife || typeof sub !== 'string' || typeof sid !== 'string') {
    return { ok: false, code: 'invalid_token' };
  }
  return { ok: true, claims: { sub, sid } };
}

/** A random URL-safe id. */
export function randomId(prefix = '', bytes = 12): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

/** A new opaque refresh token for session `sid`: `<sid>.<secret>`. Only its hash is stored. */
export function newRefreshToken(sid: string): string {
  return `${sid}.${randomBytes(32).toString('base64url')}`;
}

/** The session id inside a refresh token, or null when it is not one of ours. */
export function sessionIdOf(refreshToken: string): string | null {
  const match = /^([A-Za-z0-9_-]{8,64})\.[A-Za-z0-9_-]{20,100}$/.exec(refreshToken);
  return match?.[1] ?? null;
}

/** Refresh tokens are 256-bit random values, so a fast hash is enough to store them safely. */
export function hashRefreshToken(refreshToken: string): string {
  return createHash('sha256').update(refreshToken).digest('hex');
}

/** A one-time token for a mailed link (email verification, password reset): 256 random bits. */
export function newOneTimeToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The shape of `newOneTimeToken`'s tokens: anything else is refused before the store is asked. */
export function isOneTimeTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** How one-time tokens are stored: a SHA-256 hash (the token is random, so no slow hash is needed). */
export function hashOneTimeToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
