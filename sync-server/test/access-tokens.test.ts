import { createTestUser } from './support/accounts';
import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  buildTestApp,
  login,
  startTestStore,
  TEST_JWT_SECRET,
  type TestStore,
} from './support/test-server';

let testStore: TestStore;
let app: FastifyInstance;
let claims: { sub: string; sid: string };

beforeAll(async () => {
  testStore = await startTestStore();
  app = await buildTestApp(testStore);
  await createTestUser(
    app.store,
    {
      email: 'token.tester@acme.example',
      name: 'Tess',
      role: 'recruiter',
      password: 'correct-horse-battery',
    },
    Date.now(),
  );
  const session = await login(app, 'token.tester@acme.example', 'correct-horse-battery');
  claims = jwt.decode(session.accessToken) as { sub: string; sid: string };
});

afterAll(async () => {
  await app.close();
  await testStore.stop();
});

const me = (token: string) => app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
const nowSeconds = (): number => Math.floor(Date.now() / 1000);
/** A token signed with the server's own secret: only its claims are the attacker's. */
const signed = (payload: Record<string, unknown>, options: jwt.SignOptions = {}): string =>
  jwt.sign({ sid: claims.sid, sub: claims.sub, ...payload }, TEST_JWT_SECRET, {
    algorithm: 'HS256',
    ...options,
  });

/** A token assembled by hand (jsonwebtoken refuses to sign some of these claims). */
function handMade(payload: Record<string, unknown>): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sid: claims.sid, sub: claims.sub, ...payload })}`;
  return `${unsigned}.${createHmac('sha256', TEST_JWT_SECRET).update(unsigned).digest('base64url')}`;
}

describe('access tokens', () => {
  it('issues, and accepts, validly signed tokens only with a bounded life, issued in the past', async () => {
    const session = await login(app, 'token.tester@acme.example', 'correct-horse-battery');
    const issued = jwt.decode(session.accessToken) as { iat: unknown; exp: unknown };
    expect(typeof issued.iat).toBe('number');
    expect(typeof issued.exp).toBe('number');
    expect(Number(issued.exp) - Number(issued.iat)).toBeLessThanOrEqual(900);
    expect((await me(session.accessToken)).statusCode).toBe(200);
    const now = nowSeconds();
    expect((await me(signed({ iat: now, exp: now + 900 }))).statusCode).toBe(200);
    expect((await me(handMade({ iat: now, exp: now + 600 }))).statusCode).toBe(200);
    const refused: Record<string, string> = {
      'no exp': signed({ iat: now }),
      'no iat': signed({ exp: now + 600 }, { noTimestamp: true }),
      'a year of life': signed({ iat: now, exp: now + 365 * 24 * 3600 }),
      'a second too long': signed({ iat: now, exp: now + 901 }),
      'issued an hour ahead': signed({ iat: now + 3600, exp: now + 3900 }),
      'issued in the past with a long life': signed({ iat: now - 60, exp: now + 3600 }),
      'exp as text': handMade({ iat: now, exp: String(now + 600) }),
      'iat as text': handMade({ iat: String(now), exp: now + 600 }),
      'no session': jwt.sign({ sub: claims.sub, iat: now, exp: now + 600 }, TEST_JWT_SECRET),
      'no subject': jwt.sign({ sid: claims.sid, iat: now, exp: now + 600 }, TEST_JWT_SECRET),
      'another secret': jwt.sign(
        { ...claims, iat: now, exp: now + 600 },
        'another-secret-of-at-least-32-characters!',
      ),
      'alg none': jwt.sign({ ...claims, iat: now, exp: now + 600 }, '', { algorithm: 'none' }),
      HS512: jwt.sign({ ...claims, iat: now, exp: now + 600 }, TEST_JWT_SECRET, { algorithm: 'HS512' }),
      garbage: 'not.a.token',
      oversized: `${signed({ iat: now, exp: now + 600 })}${'A'.repeat(8_000)}`,
    };
    for (const [what, token] of Object.entries(refused)) {
      const response = await me(token);
      expect(response.statusCode, what).toBe(401);
      expect(response.json(), what).toEqual({
        error: { code: 'invalid_token', message: expect.any(String) as unknown },
      });
    }
    const expired = await me(signed({ iat: now - 1_000, exp: now - 100 }));
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ error: { code: 'token_expired' } });
  });

  it('refuses the same forged tokens on the event stream’s query parameter', async () => {
    const now = nowSeconds();
    for (const token of [signed({ iat: now }), signed({ iat: now, exp: now + 365 * 24 * 3600 })]) {
      const response = await app.inject({ method: 'GET', url: `/api/sync/stream?access_token=${token}` });
      expect(response.statusCode).toBe(401);
    }
  });
});
