import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoIfEmpty } from '../demo/load-demo';
import { DEMO_USER_IDS } from '../demo/demo-users';
import { codeOf, listAll, v1 } from './support/v1-client';
import {
  bearer,
  buildTestApp,
  freshPrefix,
  login,
  startTestStore,
  type Session,
  type TestStore,
} from './support/test-server';

let testStore: TestStore;
let app: FastifyInstance;
let admin: Session;

const RATE_LIMIT = { max: 5, windowMs: 60_000 };

beforeAll(async () => {
  testStore = await startTestStore();
  app = await buildTestApp(testStore, { apiKeyRateLimit: { max: 10_000, windowMs: 60_000 } });
  await loadDemoIfEmpty(app.store, Date.now());
  admin = await login(app, 'admin@example.com');
});

afterAll(async () => {
  await app.close();
  await testStore.stop();
});

interface CreatedKey {
  id: string;
  key: string;
  role: string;
  readOnly: boolean;
  userId: string;
  lastUsedAt: string | null;
}

async function createKey(body: Record<string, unknown>, on: FastifyInstance = app): Promise<CreatedKey> {
  const response = await on.inject({
    method: 'POST',
    url: '/api/admin/api-keys',
    headers: bearer(admin),
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<CreatedKey>();
}

describe('API keys', () => {
  it('are made by admins only, shown once and stored hashed', async () => {
    const created = await createKey({
      name: 'HR suite',
      role: 'recruiter',
      userId: DEMO_USER_IDS.recruiter1,
    });
    expect(created.key).toMatch(/^slk_default_[a-f0-9]{24}_[A-Za-z0-9_-]{43}$/);
    expect(created.key).toContain(created.id);
    const listed = await app.inject({ method: 'GET', url: '/api/admin/api-keys', headers: bearer(admin) });
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(created.key.split('_').at(-1));
    expect(listed.json<{ id: string }[]>().map((key) => key.id)).toContain(created.id);
    const stored = await app.store.server.use(`${app.store.prefix}api_keys`).get(created.id);
    expect(JSON.stringify(stored)).not.toContain(created.key.split('_').at(-1));
    const recruiter = await login(app, 'recruiter1@example.com');
    for (const [method, url] of [
      ['POST', '/api/admin/api-keys'],
      ['GET', '/api/admin/api-keys'],
      ['DELETE', `/api/admin/api-keys/${created.id}`],
    ] as const) {
      const response = await app.inject({
        method,
        url,
        headers: bearer(recruiter),
        payload: { name: 'x', role: 'admin' },
      });
      expect(response.statusCode, url).toBe(403);
      // A key opens the integration API only: never the admin area, nor replication.
      expect((await app.inject({ method, url, headers: bearer(created.key) })).statusCode, url).toBe(401);
    }
    expect(
      (await app.inject({ method: 'GET', url: '/api/sync/jobs/pull', headers: bearer(created.key) }))
        .statusCode,
    ).toBe(401);
  });

  it('refuse bad requests to make them', async () => {
    for (const body of [
      {},
      { name: 'x' },
      { name: 'x', role: 'candidate' },
      { name: 'x', role: 'operator' },
      { name: '', role: 'recruiter' },
      { name: '   ', role: 'recruiter' },
      { name: 'x', role: 'recruiter', readOnly: 'yes' },
      { name: 'x', role: 'recruiter', userId: 5 },
      { name: 'x', role: 'recruiter', extra: true },
    ]) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/admin/api-keys',
        headers: bearer(admin),
        payload: body,
      });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
    const above = await app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: bearer(admin),
      payload: { name: 'x', role: 'admin', userId: DEMO_USER_IDS.interviewer1 },
    });
    expect([above.statusCode, codeOf(above)]).toEqual([422, 'role_above_user']);
    const nobody = await app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: bearer(admin),
      payload: { name: 'x', role: 'recruiter', userId: 'no-such-user' },
    });
    expect(codeOf(nobody)).toBe('unknown_user');
    expect(
      (await app.inject({ method: 'DELETE', url: '/api/admin/api-keys/nope', headers: bearer(admin) }))
        .statusCode,
    ).toBe(404);
  });

  it('act for their person, with the key’s role at most, and keep lastUsedAt', async () => {
    const key = await createKey({
      name: 'Manager script',
      role: 'recruiter',
      userId: DEMO_USER_IDS.hiringManager,
    });
    const jobs = await v1(app, key.key, 'GET', '/jobs?status=draft');
    expect(jobs.statusCode, jobs.body).toBe(200);
    const draft = jobs.json<{ data: { id: string }[] }>().data[0]!;
    // A hiring manager may approve; their recruiter-role key may not.
    expect(codeOf(await v1(app, key.key, 'POST', `/jobs/${draft.id}/status`, { status: 'open' }))).toBe(
      'forbidden_role',
    );
    const created = await v1(app, key.key, 'POST', '/jobs', {
      title: 'Via key',
      department: 'Ops',
      location: 'Remote',
      employmentType: 'full_time',
      description: 'Made by a script.',
    });
    expect(created.json()).toMatchObject({ createdBy: DEMO_USER_IDS.hiringManager });
    const listed = await app.inject({ method: 'GET', url: '/api/admin/api-keys', headers: bearer(admin) });
    const summary = listed.json<CreatedKey[]>().find((item) => item.id === key.id);
    expect(summary?.lastUsedAt).toEqual(expect.any(String));
  });

  it('of an interviewer see only their slice, without offers', async () => {
    const key = await createKey({
      name: 'Calendar',
      role: 'interviewer',
      userId: DEMO_USER_IDS.interviewer2,
    });
    const asUser = await login(app, 'interviewer2@example.com');
    for (const url of ['/interviews', '/applications', '/jobs', '/candidates']) {
      const viaKey = await listAll(app, key.key, url);
      const viaToken = await listAll(app, asUser, url);
      expect(viaKey.ids, url).toEqual(viaToken.ids);
      expect(viaKey.ids.length, url).toBeGreaterThan(0);
    }
    const applications = await listAll(app, key.key, '/applications');
    expect(applications.items.every((item) => !('offer' in item))).toBe(true);
    const everything = await listAll(app, admin, '/applications?limit=200');
    expect(applications.ids.length).toBeLessThan(everything.ids.length);
  });

  it('that are read-only only read', async () => {
    const key = await createKey({ name: 'BI export', role: 'admin', readOnly: true });
    expect((await v1(app, key.key, 'GET', '/dashboard/stats')).statusCode).toBe(200);
    const job = (await v1(app, key.key, 'GET', '/jobs?status=open')).json<{ data: { id: string }[] }>()
      .data[0]!;
    for (const [method, url, body] of [
      ['POST', '/jobs', { title: 'x' }],
      ['PATCH', `/jobs/${job.id}`, { title: 'x' }],
      ['POST', `/jobs/${job.id}/status`, { status: 'on_hold' }],
      ['POST', '/candidates', {}],
      ['POST', '/applications', {}],
      ['PATCH', `/applications/${job.id}__x/stage`, { stage: 'screening' }],
    ] as const) {
      const response = await v1(app, key.key, method, url, body);
      expect([response.statusCode, codeOf(response)], url).toEqual([403, 'read_only_key']);
    }
    expect((await v1(app, admin, 'GET', `/jobs/${job.id}`)).json()).toMatchObject({ status: 'open' });
  });

  it('are refused at once when revoked, or when their person leaves', async () => {
    const key = await createKey({ name: 'Temporary', role: 'recruiter', userId: DEMO_USER_IDS.recruiter2 });
    expect((await v1(app, key.key, 'GET', '/jobs')).statusCode).toBe(200);
    const revoked = await app.inject({
      method: 'DELETE',
      url: `/api/admin/api-keys/${key.id}`,
      headers: bearer(admin),
    });
    expect(revoked.statusCode).toBe(204);
    const after = await v1(app, key.key, 'GET', '/jobs');
    expect([after.statusCode, codeOf(after)]).toEqual([401, 'api_key_revoked']);
    const listed = await app.inject({ method: 'GET', url: '/api/admin/api-keys', headers: bearer(admin) });
    expect(
      listed.json<{ id: string; revokedAt: string | null }[]>().find((item) => item.id === key.id)?.revokedAt,
    ).toEqual(expect.any(String));

    const other = await createKey({
      name: 'Leaver',
      role: 'interviewer',
      userId: DEMO_USER_IDS.interviewer3,
    });
    expect((await v1(app, other.key, 'GET', '/interviews')).statusCode).toBe(200);
    await app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${DEMO_USER_IDS.interviewer3}`,
      headers: bearer(admin),
      payload: { active: false },
    });
    expect(codeOf(await v1(app, other.key, 'GET', '/interviews'))).toBe('account_disabled');
    await app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${DEMO_USER_IDS.interviewer3}`,
      headers: bearer(admin),
      payload: { active: true },
    });
  });

  it('that are forged or malformed are a 401', async () => {
    const key = await createKey({ name: 'Real', role: 'recruiter' });
    const [, , id, secret] = key.key.split('_') as [string, string, string, string];
    const forged = [
      `slk_default_${id}_${'A'.repeat(43)}`,
      `slk_other_${id}_${secret}`,
      `slk_default_${'0'.repeat(24)}_${secret}`,
      `slk_default_${id}_${secret}x`,
      `slk_default_${id.toUpperCase()}_${secret}`,
      'slk_',
      `slk_default_../../_${secret}`,
      `slk_default_${id}`,
    ];
    for (const text of forged) {
      const response = await v1(app, text, 'GET', '/jobs');
      expect([response.statusCode, codeOf(response)], text).toEqual([401, 'invalid_api_key']);
    }
  });
});

describe('API key rate limits', () => {
  it('hold per key across two instances', async () => {
    const prefix = freshPrefix();
    const first = await buildTestApp(testStore, { dbPrefix: prefix, apiKeyRateLimit: RATE_LIMIT });
    const second = await buildTestApp(testStore, { dbPrefix: prefix, apiKeyRateLimit: RATE_LIMIT });
    try {
      await loadDemoIfEmpty(first.store, Date.now());
      admin = await login(first, 'admin@example.com');
      const limited = await createKey({ name: 'Busy', role: 'recruiter' }, first);
      const calm = await createKey({ name: 'Calm', role: 'recruiter' }, first);
      const statuses: number[] = [];
      for (let index = 0; index < 8; index += 1) {
        const response = await v1(index % 2 === 0 ? first : second, limited.key, 'GET', '/jobs');
        statuses.push(response.statusCode);
        if (response.statusCode === 429) {
          expect(codeOf(response)).toBe('rate_limited');
          expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
        }
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
      // Another key has its own allowance.
      expect((await v1(second, calm.key, 'GET', '/jobs')).statusCode).toBe(200);
    } finally {
      await Promise.all([first.close(), second.close()]);
      admin = await login(app, 'admin@example.com');
    }
  });
});
