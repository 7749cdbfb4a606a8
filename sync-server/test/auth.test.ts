import jwt from 'jsonwebtoken';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getSession, REFRESH_REPLAY_WINDOW_MS, type TokenPair } from '../services/session-service';
import { hashRefreshToken } from '../services/tokens';
import { jobDoc } from './support/fixtures';
import { create } from './support/sync-client';
import {
  bearer,
  buildDemoApp,
  buildTestApp,
  login,
  startTestStore,
  TEST_JWT_SECRET,
  type Session,
  type TestStore,
} from './support/test-server';

let testStore: TestStore;
let app: FastifyInstance;
let adminSession: Session;

beforeAll(async () => {
  testStore = await startTestStore();
  ({ app } = await buildDemoApp(testStore));
  adminSession = await login(app, 'admin@example.com');
});

afterAll(async () => {
  await app.close();
  await testStore.stop();
});

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload: payload as Record<string, unknown>, headers });
const me = (token: string) => app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
const codeOf = (response: { json: <T>() => T }): string =>
  response.json<{ error: { code: string } }>().error.code;

describe('login', () => {
  it('signs in with the right password only', async () => {
    const session = await login(app, 'RECRUITER1@example.com');
    expect(session.user).toMatchObject({ email: 'recruiter1@example.com', role: 'recruiter' });
    const decoded = jwt.decode(session.accessToken, { complete: true });
    expect(decoded?.header.alg).toBe('HS256');
    const payload = decoded?.payload as { exp: number; iat: number };
    expect(payload.exp - payload.iat).toBeLessThanOrEqual(15 * 60);

    const wrong = await post('/api/auth/login', { email: 'recruiter1@example.com', password: 'nope' });
    expect(wrong.statusCode).toBe(401);
    expect(codeOf(wrong)).toBe('invalid_credentials');
    const unknown = await post('/api/auth/login', { email: 'nobody@example.com', password: 'Password123!' });
    expect(unknown.statusCode).toBe(401);
    expect(codeOf(unknown)).toBe('invalid_credentials');
  });

  it('answers bad input with 400/413 and the error body, never 5xx', async () => {
    const cases = await Promise.all([
      post('/api/auth/login', { email: 42, password: 'x' }),
      post('/api/auth/login', { email: 'a@b.c' }),
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: '{"email":',
        headers: { 'content-type': 'application/json' },
      }),
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: '',
        headers: { 'content-type': 'application/json' },
      }),
      post('/api/auth/login', { email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) }),
    ]);
    expect(cases.map((response) => response.statusCode)).toEqual([400, 400, 400, 400, 413]);
    for (const response of cases)
      expect(response.json()).toEqual({
        error: { code: expect.any(String) as unknown, message: expect.any(String) as unknown },
      });
  });

  it('is rate limited per account and per address', async () => {
    const limited = await buildTestApp(testStore, {
      loginLimits: { perAddress: 5, perAccount: 3, windowMs: 60_000 },
    });
    try {
      const attempt = (email: string) =>
        limited.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email, password: 'wrong-password' },
        });
      const statuses = [];
      for (let index = 0; index < 4; index += 1)
        statuses.push((await attempt('target@example.com')).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const other = [
        (await attempt('a@example.com')).statusCode,
        (await attempt('b@example.com')).statusCode,
      ];
      expect(other).toEqual([401, 429]);
      const body = (await attempt('c@example.com')).json<{ error: { code: string } }>();
      expect(body.error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});

describe('access tokens', () => {
  it('accepts a valid token and refuses missing, forged, expired and alg:none tokens', async () => {
    const session = await login(app, 'recruiter1@example.com');
    expect((await me(session.accessToken)).json()).toMatchObject({
      email: 'recruiter1@example.com',
      role: 'recruiter',
    });
    expect((await app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const claims = jwt.decode(session.accessToken) as { sub: string; sid: string };
    const forged = jwt.sign({ sid: claims.sid }, 'another-secret-of-at-least-32-characters', {
      subject: claims.sub,
      expiresIn: 600,
    });
    const expired = jwt.sign({ sid: claims.sid }, TEST_JWT_SECRET, { subject: claims.sub, expiresIn: -10 });
    const none = jwt.sign({ sid: claims.sid, sub: claims.sub }, '', { algorithm: 'none' });
    const hs512 = jwt.sign({ sid: claims.sid }, TEST_JWT_SECRET, { subject: claims.sub, algorithm: 'HS512' });
    for (const token of [forged, expired, none, hs512, 'garbage']) {
      const response = await me(token);
      expect(response.statusCode).toBe(401);
    }
    expect(codeOf(await me(expired))).toBe('token_expired');
  });
});

describe('refresh tokens', () => {
  const refresh = (refreshToken: string) => post('/api/auth/refresh', { refreshToken });
  const tokensOf = (answer: { json: <T>() => T }): TokenPair => answer.json<TokenPair>();
  /** Which of `pairs`' refresh tokens the session holds now, read from the store (presenting one spends it). */
  const liveRefreshTokens = async (session: Session, pairs: readonly (TokenPair | undefined)[]) => {
    const stored = await getSession(app.store, session.refreshToken.split('.')[0] ?? '');
    return pairs
      .map((pair) => pair?.refreshToken ?? '')
      .filter((token) => stored !== null && hashRefreshToken(token) === stored.tokenHash);
  };

  it('rotates on every use and revokes the session when a spent token is reused', async () => {
    const session = await login(app, 'recruiter2@example.com');
    const first = await refresh(session.refreshToken);
    expect(first.statusCode).toBe(200);
    const t1 = first.json<{ accessToken: string; refreshToken: string }>();
    expect(t1.refreshToken).not.toBe(session.refreshToken);
    expect((await me(t1.accessToken)).statusCode).toBe(200);
    expect((await refresh(t1.refreshToken)).statusCode).toBe(200);

    // The answer was lost (the app reloaded mid-refresh): the token spent a moment ago, its successor
    // unused, is presented again and gets a fresh pair instead of ending the session.
    const replay = await refresh(t1.refreshToken);
    expect(replay.statusCode).toBe(200);
    const t2 = replay.json<{ accessToken: string; refreshToken: string }>();
    const third = await refresh(t2.refreshToken);
    expect(third.statusCode).toBe(200);
    const t3 = third.json<{ accessToken: string; refreshToken: string }>();

    // An older spent token is a stolen copy: the whole session ends.
    const reuse = await refresh(session.refreshToken);
    expect(reuse.statusCode).toBe(401);
    expect(codeOf(reuse)).toBe('refresh_token_reused');
    expect((await refresh(t3.refreshToken)).statusCode).toBe(401);
    expect((await me(t3.accessToken)).statusCode).toBe(401);
  });

  it('lets the token spent last be presented again while its successor is unused, spending that successor', async () => {
    const session = await login(app, 'recruiter2@example.com');
    const lost = await refresh(session.refreshToken);
    expect(lost.statusCode).toBe(200);
    // Lost twice in a row (three reloads mid-refresh): each replay gets a fresh pair.
    const replays = [await refresh(session.refreshToken), await refresh(session.refreshToken)];
    expect(replays.map((answer) => answer.statusCode)).toEqual([200, 200]);
    const [firstReplay, latest] = replays.map((answer) => answer.json<TokenPair>());
    expect(new Set([tokensOf(lost).refreshToken, firstReplay?.refreshToken, latest?.refreshToken]).size).toBe(
      3,
    );
    expect((await me(latest?.accessToken ?? '')).statusCode).toBe(200);
    expect(await liveRefreshTokens(session, [tokensOf(lost), firstReplay, latest])).toEqual([
      latest?.refreshToken,
    ]);

    // A successor a replay invalidated is a spent token: whoever holds it, the session ends.
    const stale = await refresh(tokensOf(lost).refreshToken);
    expect(stale.statusCode).toBe(401);
    expect(codeOf(stale)).toBe('refresh_token_reused');
    expect((await refresh(latest?.refreshToken ?? '')).statusCode).toBe(401);
    expect((await me(latest?.accessToken ?? '')).statusCode).toBe(401);
  });

  it('revokes the session when the spent token comes back after its successor was used', async () => {
    const session = await login(app, 'recruiter2@example.com');
    expect((await refresh(session.refreshToken)).statusCode).toBe(200);
    const replay = await refresh(session.refreshToken);
    expect(replay.statusCode).toBe(200);
    const used = await refresh(tokensOf(replay).refreshToken);
    expect(used.statusCode).toBe(200);

    const reuse = await refresh(session.refreshToken);
    expect(reuse.statusCode).toBe(401);
    expect(codeOf(reuse)).toBe('refresh_token_reused');
    expect((await refresh(tokensOf(used).refreshToken)).statusCode).toBe(401);
    expect((await me(tokensOf(used).accessToken)).statusCode).toBe(401);
  });

  it('revokes the session when the spent token comes back after the window, replays not extending it', async () => {
    const session = await login(app, 'recruiter2@example.com');
    const start = Date.now();
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    try {
      expect((await refresh(session.refreshToken)).statusCode).toBe(200);
      vi.setSystemTime(start + REFRESH_REPLAY_WINDOW_MS - 5_000);
      const late = await refresh(session.refreshToken);
      expect(late.statusCode).toBe(200);

      vi.setSystemTime(start + REFRESH_REPLAY_WINDOW_MS + 1_000);
      const tooLate = await refresh(session.refreshToken);
      expect(tooLate.statusCode).toBe(401);
      expect(codeOf(tooLate)).toBe('refresh_token_reused');
      expect((await refresh(tokensOf(late).refreshToken)).statusCode).toBe(401);
      expect((await me(tokensOf(late).accessToken)).statusCode).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it('lets the spent token be presented again on an instance whose clock is a little behind', async () => {
    const session = await login(app, 'recruiter2@example.com');
    const start = Date.now();
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    try {
      expect((await refresh(session.refreshToken)).statusCode).toBe(200);
      vi.setSystemTime(start - 5_000);
      const replay = await refresh(session.refreshToken);
      expect(replay.statusCode).toBe(200);
      expect((await me(tokensOf(replay).accessToken)).statusCode).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves exactly one live successor when one spent token is presented many times at once', async () => {
    const session = await login(app, 'recruiter2@example.com');
    const lost = await refresh(session.refreshToken);
    const answers = await Promise.all(Array.from({ length: 6 }, () => refresh(session.refreshToken)));
    const issued = answers.filter((answer) => answer.statusCode === 200).map((answer) => tokensOf(answer));
    expect(issued.length).toBeGreaterThan(0);
    for (const answer of answers.filter((one) => one.statusCode !== 200)) {
      expect(answer.statusCode).toBe(401);
      expect(codeOf(answer)).toBe('refresh_token_superseded');
    }
    const live = await liveRefreshTokens(session, [tokensOf(lost), ...issued]);
    expect(live).toHaveLength(1);
    const next = await refresh(live[0] ?? '');
    expect(next.statusCode).toBe(200);
    // The successor every replay spent is reuse.
    expect(codeOf(await refresh(tokensOf(lost).refreshToken))).toBe('refresh_token_reused');
    expect((await refresh(tokensOf(next).refreshToken)).statusCode).toBe(401);
  });

  it('ends the session on logout', async () => {
    const session = await login(app, 'recruiter2@example.com');
    const logout = await post('/api/auth/logout', { refreshToken: session.refreshToken });
    expect(logout.statusCode).toBe(204);
    expect((await post('/api/auth/refresh', { refreshToken: session.refreshToken })).statusCode).toBe(401);
    expect((await me(session.accessToken)).statusCode).toBe(401);
    expect((await post('/api/auth/logout', { refreshToken: 'not-a-token' })).statusCode).toBe(204);
    expect((await post('/api/auth/refresh', { refreshToken: 42 })).statusCode).toBe(400);
  });

  it('ends the session on logout with the token spent just now, its refresh answer lost', async () => {
    const session = await login(app, 'recruiter2@example.com');
    const lost = await refresh(session.refreshToken);
    expect(lost.statusCode).toBe(200);
    // The session's id with a made-up secret changes nothing: knowing a session id signs nobody out.
    const [sid, , org] = session.refreshToken.split('.');
    const forged = [sid, 'A'.repeat(43), org].join('.');
    expect((await post('/api/auth/logout', { refreshToken: forged })).statusCode).toBe(204);
    expect((await me(tokensOf(lost).accessToken)).statusCode).toBe(200);
    // The page never saw `lost`: it signs out with the token it holds, spent a moment ago.
    const logout = await post('/api/auth/logout', { refreshToken: session.refreshToken });
    expect(logout.statusCode).toBe(204);
    const stored = await getSession(app.store, session.refreshToken.split('.')[0] ?? '');
    expect(stored).toMatchObject({ revokedReason: 'logout' });
    expect((await refresh(tokensOf(lost).refreshToken)).statusCode).toBe(401);
    expect((await me(tokensOf(lost).accessToken)).statusCode).toBe(401);
    expect((await me(session.accessToken)).statusCode).toBe(401);
    expect((await refresh(session.refreshToken)).statusCode).toBe(401);
  });

  it('ends the session on logout with a replayed token just before the window closes', async () => {
    const session = await login(app, 'recruiter2@example.com');
    const start = Date.now();
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    try {
      const lost = await refresh(session.refreshToken);
      expect(lost.statusCode).toBe(200);
      vi.setSystemTime(start + REFRESH_REPLAY_WINDOW_MS - 5_000);
      expect((await post('/api/auth/logout', { refreshToken: session.refreshToken })).statusCode).toBe(204);
      expect((await refresh(tokensOf(lost).refreshToken)).statusCode).toBe(401);
      expect(await getSession(app.store, session.refreshToken.split('.')[0] ?? '')).toMatchObject({
        revokedReason: 'logout',
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('ends the session when the logout races a refresh of the same token, whichever lands first', async () => {
    // The logout leaves a little later each round, so it meets the refresh before, during and after its write.
    for (const delayMs of [0, 1, 2, 4, 8, 16, 32, 64]) {
      const session = await login(app, 'recruiter2@example.com');
      const [refreshed, logout] = await Promise.all([
        refresh(session.refreshToken),
        new Promise((resolve) => setTimeout(resolve, delayMs)).then(() =>
          post('/api/auth/logout', { refreshToken: session.refreshToken }),
        ),
      ]);
      expect(logout.statusCode).toBe(204);
      expect(await getSession(app.store, session.refreshToken.split('.')[0] ?? '')).toMatchObject({
        revokedReason: 'logout',
      });
      if (refreshed.statusCode === 200) {
        expect((await me(tokensOf(refreshed).accessToken)).statusCode).toBe(401);
        expect((await refresh(tokensOf(refreshed).refreshToken)).statusCode).toBe(401);
      }
    }
  });

  it('a logout with a token spent long ago is reuse: the session ends as reuse', async () => {
    const cases = {
      // Spent, and its successor used since.
      successorUsed: async (session: Session) => {
        const next = tokensOf(await refresh(session.refreshToken));
        return tokensOf(await refresh(next.refreshToken));
      },
      // Spent, its successor unused, but past the window.
      pastWindow: async (session: Session) => {
        const start = Date.now();
        vi.useFakeTimers({ toFake: ['Date'], now: start });
        const next = tokensOf(await refresh(session.refreshToken));
        vi.setSystemTime(start + REFRESH_REPLAY_WINDOW_MS + 1_000);
        return next;
      },
    };
    for (const [name, spend] of Object.entries(cases)) {
      const session = await login(app, 'recruiter2@example.com');
      try {
        const live = await spend(session);
        expect((await me(live.accessToken)).statusCode, name).toBe(200);
        const logout = await post('/api/auth/logout', { refreshToken: session.refreshToken });
        expect(logout.statusCode, name).toBe(204);
        expect(await getSession(app.store, session.refreshToken.split('.')[0] ?? ''), name).toMatchObject({
          revokedReason: 'refresh_token_reused',
        });
        expect((await refresh(live.refreshToken)).statusCode, name).toBe(401);
        expect((await me(live.accessToken)).statusCode, name).toBe(401);
      } finally {
        vi.useRealTimers();
      }
    }
  });

});

describe('register', () => {
  it('creates candidate accounts only, once per email, answering a repeat the same way', async () => {
    const created = await post('/api/auth/register', {
      email: 'Sam.Lee@example.org',
      password: 'a-long-password',
      name: 'Sam Lee',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'check_email' });
    const again = await post('/api/auth/register', {
      email: 'sam.lee@example.org',
      password: 'another-long-password',
      name: 'Sam',
    });
    // SPEC §4 as amended: the answer never tells that the address has an account.
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(created.json());
    const session = await login(app, 'SAM.LEE@example.org', 'a-long-password');
    expect(session.user).toMatchObject({
      role: 'candidate',
      email: 'Sam.Lee@example.org',
      emailVerified: false,
    });
    const repeat = await post('/api/auth/login', {
      email: 'sam.lee@example.org',
      password: 'another-long-password',
    });
    expect(repeat.statusCode).toBe(401);
    const sneaky = await post('/api/auth/register', {
      email: 'x@example.org',
      password: 'a-long-password',
      name: 'X',
      role: 'admin',
    });
    const sneakyRole =
      sneaky.statusCode === 201
        ? (await login(app, 'x@example.org', 'a-long-password')).user.role
        : 'refused';
    expect(sneakyRole).not.toBe('admin');
    expect(
      (await post('/api/auth/register', { email: 'not-an-email', password: 'a-long-password', name: 'X' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await post('/api/auth/register', { email: 'y@example.org', password: 'short', name: 'Y' })).statusCode,
    ).toBe(400);
  });
});

describe('role and account changes take effect at once', () => {
  it('applies a demotion and a deactivation to the next request', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: bearer(adminSession),
      payload: {
        email: 'temp.recruiter@example.com',
        name: 'Temp Recruiter',
        role: 'recruiter',
        password: 'Password123!',
      },
    });
    expect(created.statusCode).toBe(201);
    const userId = created.json<{ id: string }>().id;
    const session = await login(app, 'temp.recruiter@example.com');
    expect((await create(app, session, 'jobs', jobDoc({ status: 'draft' }))).rejections).toEqual([]);

    const demote = await app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${userId}`,
      headers: bearer(adminSession),
      payload: { role: 'interviewer' },
    });
    expect(demote.statusCode).toBe(200);
    expect((await me(session.accessToken)).json()).toMatchObject({ role: 'interviewer' });
    expect((await create(app, session, 'jobs', jobDoc({ status: 'draft' }))).rejections[0]?.code).toBe(
      'forbidden_role',
    );

    await app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${userId}`,
      headers: bearer(adminSession),
      payload: { active: false },
    });
    const blocked = await me(session.accessToken);
    expect(blocked.statusCode).toBe(401);
    expect(codeOf(blocked)).toBe('account_disabled');
    expect((await post('/api/auth/refresh', { refreshToken: session.refreshToken })).statusCode).toBe(401);
    expect(
      (await post('/api/auth/login', { email: 'temp.recruiter@example.com', password: 'Password123!' }))
        .statusCode,
    ).toBe(401);
  });

  it('revokes sessions, and with wipe tells the laptop to delete its data', async () => {
    const session = await login(app, 'interviewer3@example.com');
    const other = await login(app, 'interviewer3@example.com');
    const revoke = await app.inject({
      method: 'POST',
      url: `/api/admin/users/${session.user.id}/revoke-sessions`,
      headers: bearer(adminSession),
      payload: { wipe: true },
    });
    expect(revoke.json()).toMatchObject({ wipe: true });
    expect(revoke.json<{ revoked: number }>().revoked).toBeGreaterThanOrEqual(2);
    const refresh = await post('/api/auth/refresh', { refreshToken: session.refreshToken });
    expect(refresh.statusCode).toBe(401);
    expect(codeOf(refresh)).toBe('wiped');
    const request = await me(other.accessToken);
    expect(request.statusCode).toBe(401);
    expect(codeOf(request)).toBe('wiped');
    expect((await login(app, 'interviewer3@example.com')).user.role).toBe('interviewer');
  });
});
