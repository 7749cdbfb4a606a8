import { describe, expect, it } from 'vitest';
import type { User } from '#shared/domain/user/user-schema';
import { ENDED_SESSION_RETENTION_MS, purgeEndedSessions } from '../services/session-housekeeping';
import { getSession, openSession, rotateRefreshToken, type SessionDoc } from '../services/session-service';
import { sessionIdOf } from '../services/tokens';
import { TEST_JWT_SECRET, useSchemaStore } from './support/test-server';

const store = useSchemaStore();

const DAY = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 10, 22, 12);
const user = { id: 'u-1', email: 'ada@example.com', name: 'Ada', role: 'recruiter', active: true } as User;

/** Opens a real session, then sets what its document says about its end. */
async function sessionThat(change: Partial<SessionDoc>): Promise<{ sid: string; refreshToken: string }> {
  const { refreshToken } = await openSession(store(), TEST_JWT_SECRET, user, now - 40 * DAY);
  const sid = sessionIdOf(refreshToken) ?? '';
  const session = await getSession(store(), sid);
  if (!session) throw new Error('no session');
  expect((await store().put('sessions', { ...session, ...change })).ok).toBe(true);
  return { sid, refreshToken };
}

describe('deleting ended sessions', () => {
  it('deletes sessions ended longer ago than the retention, and keeps live, recent and wipe ones', async () => {
    const long = now - ENDED_SESSION_RETENTION_MS - DAY;
    const recent = now - DAY;
    const live = await sessionThat({ expiresAt: now + 10 * DAY });
    const expiredLongAgo = await sessionThat({ expiresAt: long });
    const expiredRecently = await sessionThat({ expiresAt: recent });
    const revokedLongAgo = await sessionThat({
      expiresAt: now + 10 * DAY,
      revokedAt: long,
      revokedReason: 'logout',
    });
    const revokedRecently = await sessionThat({
      expiresAt: now + 10 * DAY,
      revokedAt: recent,
      revokedReason: 'logout',
    });
    const wipeLongAgo = await sessionThat({
      expiresAt: long,
      revokedAt: long,
      revokedReason: 'lost',
      wipe: true,
    });

    expect(await purgeEndedSessions(store(), now)).toBe(2);
    const left = async (sid: string) => (await getSession(store(), sid)) !== null;
    expect(await left(live.sid)).toBe(true);
    expect(await left(expiredLongAgo.sid)).toBe(false);
    expect(await left(expiredRecently.sid)).toBe(true);
    expect(await left(revokedLongAgo.sid)).toBe(false);
    expect(await left(revokedRecently.sid)).toBe(true);
    expect(await left(wipeLongAgo.sid)).toBe(true);
    expect(await purgeEndedSessions(store(), now)).toBe(0);

    // A device that comes back with a deleted session's token is asked to sign in again.
    await expect(
      rotateRefreshToken(
        store(),
        TEST_JWT_SECRET,
        expiredLongAgo.refreshToken,
        () => Promise.resolve(true),
        now,
      ),
    ).resolves.toMatchObject({ ok: false, kind: 'unauthorized', code: 'session_not_found' });
  });
});
