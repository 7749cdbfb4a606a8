import type { User } from '#shared/domain/user/user-schema';
import type { CouchStore, StoredDoc } from '../infra/couch-store';
import { FIRST_ORGANISATION_ID } from './organisation-ids';
import { fail, succeed, type Outcome } from './outcome';
import {
  hashRefreshToken,
  newRefreshToken,
  randomId,
  REFRESH_TOKEN_TTL_MS,
  sessionIdOf,
  signAccessToken,
} from './tokens';

/** How many spent refresh-token hashes a session remembers for reuse detection. */
const SPENT_HASHES_KEPT = 200;
/**
 * How long a refresh token stays presentable after a rotation spent it, while its successor has never
 * been used. The answer carrying a new token can be lost after the server rotated (the app reloaded or
 * closed mid-request, the network dropped the answer): the app then still holds the spent token, and
 * treating it as stolen would end a session nobody attacked (issue 18). Within this window the spent
 * token gets a fresh pair and the unused successor is invalidated (at most one live refresh token per
 * session); once the successor was used, or later than this, presenting it is reuse and revokes the
 * session (SPEC §4). Short, because a thief holding a just-spent token is also let in during it.
 */
export const REFRESH_REPLAY_WINDOW_MS = 60_000;

/** One signed-in device: the current refresh token's hash, and the spent ones. */
export interface SessionDoc extends StoredDoc {
  userId: string;
  tokenHash: string;
  spentHashes: string[];
  createdAt: number;
  expiresAt: number;
  /** When the current token was issued by a rotation. */
  rotatedAt?: number;
  /**
   * The token the last rotation spent and when, while its successor (the current token) is unused: it
   * may be presented again within `REFRESH_REPLAY_WINDOW_MS`. Replaced when the successor is used.
   */
  replayable?: { readonly hash: string; readonly spentAt: number };
  revokedAt?: number;
  revokedReason?: string;
  /** Set by an admin for a lost laptop: its next contact is told to delete local data. */
  wipe?: boolean;
  /** The organisation the session's tokens name (absent in sessions of the first versions: the first). */
  organisationId?: string;
}

/** What sign-in and refresh hand out. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

export function isSessionDoc(doc: StoredDoc | null): doc is SessionDoc {
  return doc !== null && typeof doc['userId'] === 'string' && typeof doc['tokenHash'] === 'string';
}

/** The session `sid`, or null. */
export async function getSession(store: CouchStore, sid: string): Promise<SessionDoc | null> {
  const doc = await store.get('sessions', sid);
  return isSessionDoc(doc) ? doc : null;
}

/** Why a session may not be used, as a 401 code, or null when it may. */
export function sessionRefusal(session: SessionDoc | null, now: number): string | null {
  if (!session) return 'session_not_found';
  if (session.wipe) return 'wiped';
  if (session.revokedAt !== undefined) return 'session_revoked';
  if (session.expiresAt <= now) return 'session_expired';
  return null;
}

/** Opens a session for `user` and returns its first token pair. */
export async function openSession(
  store: CouchStore,
  secret: string,
  user: User,
  now: number,
  organisationId: string = FIRST_ORGANISATION_ID,
): Promise<TokenPair> {
  const sid = randomId('s', 12);
  const refreshToken = newRefreshToken(sid, organisationId);
  const session: SessionDoc = {
    _id: sid,
    organisationId,
    userId: user.id,
    tokenHash: hashRefreshToken(refreshToken),
    spentHashes: [],
    createdAt: now,
    expiresAt: now + REFRESH_TOKEN_TTL_MS,
  };
  const written = await store.put('sessions', session);
  if (!written.ok) throw new Error('session id collision');
  return { accessToken: signAccessToken(secret, { sub: user.id, sid, org: organisationId }), refreshToken };
}

/**
 * Rotates a refresh token: the presented one is spent and a new pair issued. Presenting a spent
 * token (a stolen copy, or a replay) revokes the whole session, except the one the last rotation
 * spent, within `REFRESH_REPLAY_WINDOW_MS` and while its successor is unused: that one gets a fresh
 * pair and the successor is spent in its place. Of concurrent presentations of one token, the one
 * whose write the store keeps wins; the others are answered 401 `refresh_token_superseded` with no
 * tokens (presenting the token again afterwards is a replay like any other).
 */
export async function rotateRefreshToken(
  store: CouchStore,
  secret: string,
  refreshToken: string,
  isUserActive: (userId: string) => Promise<boolean>,
  now: number,
): Promise<Outcome<TokenPair>> {
  const sid = sessionIdOf(refreshToken);
  if (!sid) return fail('unauthorized', 'invalid_refresh_token', 'The refresh token is not valid.');
  const presentedHash = hashRefreshToken(refreshToken);
  /** The current token hash this request last tried to replace, when its write lost to another. */
  let lostTo: string | null = null;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const session = await getSession(store, sid);
    const refusal = sessionRefusal(session, now);
    if (!session || refusal)
      return fail('unauthorized', refusal ?? 'invalid_refresh_token', refusalMessage(refusal));
    const isCurrent = session.tokenHash === presentedHash;
    const isReplay = !isCurrent && isReplayable(session, presentedHash, now);
    if (lostTo !== null && lostTo !== session.tokenHash && isReplay) {
      return fail(
        'unauthorized',
        'refresh_token_superseded',
        'This refresh token was just used by another request at the same moment; present it again.',
      );
    }
    if (!isCurrent && !isReplay) {
      if (session.spentHashes.includes(presentedHash)) {
        await revokeSession(store, sid, 'refresh_token_reused', now);
        return fail(
          'unauthorized',
          'refresh_token_reused',
          'This sign-in was ended because an old refresh token was used again.',
        );
      }
      return fail('unauthorized', 'invalid_refresh_token', 'The refresh token is not valid.');
    }
    if (!(await isUserActive(session.userId)))
      return fail('unauthorized', 'account_disabled', 'The account is deactivated.');
    const organisationId = session.organisationId ?? FIRST_ORGANISATION_ID;
    const next = newRefreshToken(sid, organisationId);
    const rotated: SessionDoc = {
      ...session,
      tokenHash: hashRefreshToken(next),
      // A replay spends the unused successor instead: presenting it later is reuse.
      spentHashes: [isCurrent ? presentedHash : session.tokenHash, ...session.spentHashes].slice(
        0,
        SPENT_HASHES_KEPT,
      ),
      expiresAt: now + REFRESH_TOKEN_TTL_MS,
      rotatedAt: now,
      // A replay keeps the window of the first spend: replays never extend it.
      replayable: isCurrent ? { hash: presentedHash, spentAt: now } : session.replayable,
    };
    if ((await store.put('sessions', rotated)).ok) {
      return succeed({
        accessToken: signAccessToken(secret, { sub: session.userId, sid, org: organisationId }),
        refreshToken: next,
      });
    }
    // Someone else wrote the session at the same moment: the next read tells whether they used this token.
    lostTo = session.tokenHash;
  }
  return fail('unauthorized', 'invalid_refresh_token', 'The refresh token is not valid.');
}

/**
 * Ends the session of `refreshToken` (sign-out) when it is one of the session's: its current token,
 * or the token the last rotation spent while that may still be presented (`REFRESH_REPLAY_WINDOW_MS`,
 * successor unused: the page whose refresh answer was lost signs out with what it holds). Any other
 * spent token of the session is reuse, and ends it as reuse does on refresh. A token that is not the
 * session's changes nothing. Answers why the session ended, or null when nothing changed.
 */
export async function endSessionOf(
  store: CouchStore,
  refreshToken: string,
  now: number,
): Promise<'logout' | 'refresh_token_reused' | null> {
  const sid = sessionIdOf(refreshToken);
  const session = sid ? await getSession(store, sid) : null;
  if (!session || session.revokedAt !== undefined) return null;
  const hash = hashRefreshToken(refreshToken);
  const reason =
    session.tokenHash === hash || isReplayable(session, hash, now)
      ? 'logout'
      : session.spentHashes.includes(hash)
        ? 'refresh_token_reused'
        : null;
  if (reason) await revokeSession(store, session._id, reason, now);
  return reason;
}

/** Whether `hash` is the token the last rotation spent, its successor unused, within the window. */
function isReplayable(session: SessionDoc, hash: string, now: number): boolean {
  const { replayable } = session;
  // Either way round: the instance that spent it may have a clock a little ahead of this one's.
  return replayable?.hash === hash && Math.abs(now - replayable.spentAt) < REFRESH_REPLAY_WINDOW_MS;
}

function refusalMessage(code: string | null): string {
  switch (code) {
    case 'wiped':
      return 'This device was signed out by an administrator and must delete its local data.';
    case 'session_revoked':
      return 'This sign-in was ended; sign in again.';
    case 'session_expired':
      return 'This sign-in has expired; sign in again.';
    default:
      return 'The refresh token is not valid.';
  }
}

/** Ends one session (logout, reuse detection). */
export async function revokeSession(
  store: CouchStore,
  sid: string,
  reason: string,
  now: number,
): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const session = await getSession(store, sid);
    if (!session || session.revokedAt !== undefined) return;
    if ((await store.put('sessions', { ...session, revokedAt: now, revokedReason: reason })).ok) return;
  }
}

/** Ends every session of a user; with `wipe`, marks them so the devices delete their local data. */
export async function revokeUserSessions(
  store: CouchStore,
  userId: string,
  options: { wipe: boolean; reason: string },
  now: number,
): Promise<number> {
  const sessions = (await store.find('sessions', { selector: { userId }, limit: 100_000 })).filter(
    isSessionDoc,
  );
  let count = 0;
  for (const session of sessions) {
    const alreadyDone = session.revokedAt !== undefined && (!options.wipe || session.wipe);
    if (alreadyDone || session.expiresAt <= now) continue;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const current = attempt === 0 ? session : await getSession(store, session._id);
      if (!current) break;
      const next: SessionDoc = {
        ...current,
        revokedAt: current.revokedAt ?? now,
        revokedReason: current.revokedReason ?? options.reason,
        ...(options.wipe ? { wipe: true } : {}),
      };
      if ((await store.put('sessions', next)).ok) {
        count += 1;
        break;
      }
    }
  }
  return count;
}
