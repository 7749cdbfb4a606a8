import { createHash, randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';

/** Access tokens live 15 minutes at most (SPEC §4). */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** Refresh tokens live 30 days from their last use, so an interviewer can work offline for weeks. */
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** What an access token says: who, which session. Role and active flag are re-read on every request. */
export interface AccessClaims {
  readonly sub: string;
  readonly sid: string;
}

/** A short-lived HS256 access token. */
export function signAccessToken(secret: string, claims: AccessClaims): string {
  return jwt.sign({ sid: claims.sid }, secret, {
    algorithm: 'HS256',
    subject: claims.sub,
    expiresIn: ACCESS_TOKEN_TTL_SECONDS,
  });
}

/** The claims of a valid token; throws on forged, expired, `alg: none` or other algorithms. */
export function verifyAccessToken(secret: string, token: string): AccessClaims & { expired?: false } {
  const payload = jwt.verify(token, secret, { algorithms: ['HS256'] });
  if (typeof payload !== 'object' || typeof payload.sub !== 'string' || typeof payload['sid'] !== 'string') {
    throw new Error('token claims are missing');
  }
  return { sub: payload.sub, sid: payload['sid'] };
}

/** Whether a verification error is an expiry (so the client knows to refresh). */
export function isExpiredTokenError(error: unknown): boolean {
  return error instanceof jwt.TokenExpiredError;
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
