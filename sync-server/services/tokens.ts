import { createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { nanoid } from 'nanoid';
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

/**
 * What an access token says: who, which session, of which organisation (`platform` for the operator;
 * tokens of the first versions name none: theirs is the first organisation). Role and active flag are
 * re-read on every request.
 */
export interface AccessClaims {
  readonly sub: string;
  readonly sid: string;
  readonly org?: string;
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
  const payload = { sid: claims.sid, ...(claims.org ? { org: claims.org } : {}) };
  return jwt.sign({ ...payload, iat, exp: iat + ACCESS_TOKEN_TTL_SECONDS }, secret, {
    algorithm: 'HS256',
    subject: claims.sub,
  });
}

let verifying: { readonly secret: string; readonly key: KeyObject } | null = null;

/**
 * The secret as a key object, made once: given the string, jsonwebtoken first tries it as a public
 * key and then makes a secret key of it, on every request.
 */
function verifyingKey(secret: string): KeyObject {
  if (verifying?.secret !== secret) verifying = { secret, key: createSecretKey(Buffer.from(secret)) };
  return verifying.key;
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
    payload = jwt.verify(token, verifyingKey(secret), { algorithms: ['HS256'], clockTimestamp: nowSeconds });
  } catch (error) {
    return { ok: false, code: error instanceof jwt.TokenExpiredError ? 'token_expired' : 'invalid_token' };
  }
  if (typeof payload !== 'object') return { ok: false, code: 'invalid_token' };
  const { sub, iat, exp } = payload;
  const sid: unknown = payload['sid'];
  const org: unknown = payload['org'];
  const hasBoundedLife =
    typeof iat === 'number' &&
    typeof exp === 'number' &&
    exp > iat &&
    exp - iat <= ACCESS_TOKEN_TTL_SECONDS &&
    iat <= nowSeconds + CLOCK_SKEW_SECONDS;
  if (!hasBoundedLife || typeof sub !== 'string' || typeof sid !== 'string') {
    return { ok: false, code: 'invalid_token' };
  }
  if (org !== undefined && (typeof org !== 'string' || !ORGANISATION_ID.test(org))) {
    return { ok: false, code: 'invalid_token' };
  }
  return { ok: true, claims: { sub, sid, ...(typeof org === 'string' ? { org } : {}) } };
}

/**
 * A random URL-safe id of `bytes` bytes of entropy (`bytes` × 4/3 characters of base64url's alphabet),
 * from nanoid's pool of the system's secure randomness: a push stamps one per written row, and a
 * system call for each was a visible part of its time.
 */
export function randomId(prefix = '', bytes = 12): string {
  return `${prefix}${nanoid(Math.ceil((bytes * 4) / 3))}`;
}

/** The shape of an organisation id in tokens. */
const ORGANISATION_ID = /^[a-z0-9]{1,40}$/;

/**
 * A new opaque refresh token for session `sid` of organisation `org`: `<sid>.<secret>.<org>`. Only
 * its hash is stored.
 */
export function newRefreshToken(sid: string, org: string): string {
  return `${sid}.${randomBytes(32).toString('base64url')}.${org}`;
}

/**
 * The session id and organisation inside a refresh token, or null when it is not one of ours. Tokens
 * of the first versions (`<sid>.<secret>`) name no organisation: theirs is the first one.
 */
export function refreshTokenParts(refreshToken: string): { sid: string; org: string | null } | null {
  const match = /^([A-Za-z0-9_-]{8,64})\.[A-Za-z0-9_-]{20,100}(?:\.([a-z0-9]{1,40}))?$/.exec(refreshToken);
  return match?.[1] ? { sid: match[1], org: match[2] ?? null } : null;
}

/** The session id inside a refresh token, or null when it is not one of ours. */
export function sessionIdOf(refreshToken: string): string | null {
  return refreshTokenParts(refreshToken)?.sid ?? null;
}

/** Refresh tokens are 256-bit random values, so a fast hash is enough to store them safely. */
export function hashRefreshToken(refreshToken: string): string {
  return createHash('sha256').update(refreshToken).digest('hex');
}

/** A one-time token for a mailed link (email verification, password reset): 256 random bits. */
export function newOneTimeToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The length of `newOneTimeToken`'s tokens (32 bytes in base64url). */
export const ONE_TIME_TOKEN_LENGTH = 43;

/** The shape of `newOneTimeToken`'s tokens: anything else is refused before the store is asked. */
export function isOneTimeTokenShape(token: string): boolean {
  return token.length === ONE_TIME_TOKEN_LENGTH && /^[A-Za-z0-9_-]+$/.test(token);
}

/** How one-time tokens are stored: a SHA-256 hash (the token is random, so no slow hash is needed). */
export function hashOneTimeToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
