import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type DemoOrganisation } from '../demo/demo-organisation';
import { loadDemoIfEmpty } from '../demo/load-demo';
import { advanced } from './support/fixtures';
import { pullAll, push, serverDoc } from './support/sync-client';
import {
  bearer,
  buildDemoApp,
  login,
  startTestStore,
  type Session,
  type TestStore,
} from './support/test-server';

let testStore: TestStore;
let app: FastifyInstance;
let organisation: DemoOrganisation;
let admin: Session;
let recruiter: Session;

beforeAll(async () => {
  testStore = await startTestStore();
  ({ app, organisation } = await buildDemoApp(testStore));
  admin = await login(app, 'admin@example.com');
  recruiter = await login(app, 'recruiter1@example.com');
});

afterAll(async () => {
  await app.close();
  await testStore.stop();
});

const asAdmin = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Record<string, unknown>) =>
  app.inject({ method, url, headers: bearer(admin), ...(payload ? { payload } : {}) });

describe('demo organisation', () => {
  it('is loaded once, with a working password for every account', async () => {
    expect(await loadDemoIfEmpty(app.store, Date.now())).toBe(false);
    for (const user of organisation.users) {
      expect((await login(app, user.email, DEMO_PASSWORD)).user.role).toBe(user.role);
    }
    const { documents } = await pullAll(app, admin, 'interviews');
    expect(documents.length).toBe(organisation.interviews.length);
    expect(documents.every((doc) => typeof doc['updatedAt'] === 'number' && doc['updatedAt'] > 0)).toBe(true);
  });
});

describe('admin access', () => {
  it('is for admins only', async () => {
    for (const url of ['/api/admin/users', '/api/admin/stats', '/api/admin/audit', '/api/admin/export']) {
      expect((await app.inject({ method: 'GET', url, headers: bearer(recruiter) })).statusCode, url).toBe(
        403,
      );
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
  });
});

describe('users', () => {
  it('lists, creates, changes and re-passwords accounts', async () => {
    const list = await asAdmin('GET', '/api/admin/users');
    expect(list.json<unknown[]>().length).toBeGreaterThanOrEqual(organisation.users.length);
    const created = await asAdmin('POST', '/api/admin/users', {
      email: 'new.hm@example.com',
      name: 'New HM',
      role: 'hiring_manager',
      password: 'Password123!',
    });
    expect(created.statusCode).toBe(201);
    const user = created.json<{ id: string }>();
    expect(
      (
        await asAdmin('POST', '/api/admin/users', {
          email: 'NEW.HM@example.com',
          name: 'Dup',
          role: 'recruiter',
          password: 'Password123!',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await asAdmin('POST', '/api/admin/users', {
          email: 'x@example.com',
          name: 'X',
          role: 'overlord',
          password: 'Password123!',
        })
      ).statusCode,
    ).toBe(400);
    const renamed = await asAdmin('PATCH', `/api/admin/users/${user.id}`, { name: 'Renamed HM' });
    expect(renamed.json()).toMatchObject({ name: 'Renamed HM', role: 'hiring_manager', active: true });
    expect((await asAdmin('PATCH', `/api/admin/users/${user.id}`, { role: 42 })).statusCode).toBe(400);
    expect((await asAdmin('PATCH', '/api/admin/users/nobody', { name: 'X' })).statusCode).toBe(404);
    for (const id of ['..', '%2E%2E', '_all_docs', 'a%2Fb']) {
      expect((await asAdmin('PATCH', `/api/admin/users/${id}`, { name: 'X' })).statusCode, id).toBe(404);
      expect(
        (await asAdmin('POST', `/api/admin/users/${id}/password`, { password: 'Password123!' })).statusCode,
        id,
      ).toBe(404);
    }
    expect((await asAdmin('PATCH', `/api/admin/users/${admin.user.id}`, { active: false })).statusCode).toBe(
      400,
    );
    expect(
      (await asAdmin('POST', `/api/admin/users/${user.id}/password`, { password: 'short' })).statusCode,
    ).toBe(400);
    expect(
      (await asAdmin('POST', `/api/admin/users/${user.id}/revoke-sessions`, { wipe: 'yes' })).statusCode,
    ).toBe(400);
    expect((await asAdmin('POST', '/api/admin/users/nobody/revoke-sessions', {})).statusCode).toBe(404);
    const password = await asAdmin('POST', `/api/admin/users/${user.id}/password`, {
      password: 'Another-pass-1',
    });
    expect(password.statusCode).toBe(204);
    expect((await login(app, 'new.hm@example.com', 'Another-pass-1')).user.name).toBe('Renamed HM');
    const { documents } = await pullAll(app, recruiter, 'users');
    expect(documents.find((doc) => doc.id === user.id)).toMatchObject({ name: 'Renamed HM' });
    expect(JSON.stringify(documents)).not.toContain('argon2');
  });
});

describe('audit, stats, export', () => {
  it('audits accepted and refused writes', async () => {
    const application = organisation.applications.find((candidate) => candidate.stage === 'applied');
    if (!application) throw new Error('demo has no applied application');
    const current = await serverDoc(app, recruiter, 'applications', application.id);
    if (!current) throw new Error('missing');
    await push(app, recruiter, 'applications', [
      { assumedMasterState: current, newDocumentState: advanced(current, 'offer') },
    ]);
    await push(app, recruiter, 'applications', [
      { assumedMasterState: current, newDocumentState: advanced(current, 'screening') },
    ]);
    const audit = await asAdmin('GET', `/api/admin/audit?docId=${application.id}&limit=10`);
    expect(audit.statusCode).toBe(200);
    const entries = audit.json<{
      entries: { outcome: string; code?: string; userId: string; at: number }[];
    }>().entries;
    expect(entries.map((entry) => entry.outcome)).toEqual(['accepted', 'rejected']);
    expect(entries[1]).toMatchObject({ code: 'invalid_transition', userId: recruiter.user.id });
    const byUser = await asAdmin(
      'GET',
      `/api/admin/audit?userId=${recruiter.user.id}&since=${entries[0]?.at}`,
    );
    expect(byUser.json<{ entries: unknown[] }>().entries.length).toBeGreaterThanOrEqual(1);
    expect((await asAdmin('GET', '/api/admin/audit?limit=abc')).statusCode).toBe(400);
    expect((await asAdmin('GET', '/api/admin/audit?limit=0')).statusCode).toBe(400);
  });

  it('reports the dashboard figures', async () => {
    const stats = (await asAdmin('GET', '/api/admin/stats')).json<{
      jobsByStatus: Record<string, number>;
      candidatesBySource: Record<string, number>;
      applicationsByStage: Record<string, number>;
      interviewsUpcoming: number;
      recentApplications: unknown[];
    }>();
    const count = (values: string[]) =>
      values.reduce<Record<string, number>>(
        (into, value) => ({ ...into, [value]: (into[value] ?? 0) + 1 }),
        {},
      );
    expect(stats.jobsByStatus).toEqual(count(organisation.jobs.map((job) => job.status)));
    expect(stats.candidatesBySource).toEqual(
      count(organisation.candidates.map((candidate) => candidate.source)),
    );
    const total = Object.values(stats.applicationsByStage).reduce((sum, value) => sum + value, 0);
    expect(total).toBe(organisation.applications.length);
    expect(stats.interviewsUpcoming).toBe(
      organisation.interviews.filter((interview) => interview.status === 'scheduled').length,
    );
    expect(stats.recentApplications.length).toBeGreaterThan(0);
  });

  it('pages through whole databases', async () => {
    const ids: string[] = [];
    for await (const doc of app.store.all('jobs', 3)) ids.push(doc._id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(organisation.jobs.length);
  });

  it('exports every document as NDJSON', async () => {
    const response = await asAdmin('GET', '/api/admin/export');
    expect(response.headers['content-type']).toContain('application/x-ndjson');
    const lines = response.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { collection: string; document: { id: string } });
    const jobs = lines.filter((line) => line.collection === 'jobs');
    expect(jobs.length).toBe(organisation.jobs.length);
    expect(lines.filter((line) => line.collection === 'users').length).toBeGreaterThanOrEqual(
      organisation.users.length,
    );
    expect(response.body).not.toContain('passwordHash');
  });
});

describe('GDPR erasure', () => {
  it('removes personal data on the server and sends the erased versions to laptops', async () => {
    const before = await pullAll(app, recruiter, 'candidates');
    const beforeApplications = await pullAll(app, recruiter, 'applications');
    const target = organisation.candidates.find((candidate) =>
      organisation.applications.some(
        (application) =>
          application.candidateId === candidate.id && application.stageHistory.some((entry) => entry.note),
      ),
    );
    if (!target) throw new Error('no demo candidate with notes');
    const response = await asAdmin('POST', `/api/admin/candidates/${target.id}/erase`);
    expect(response.statusCode).toBe(200);
    expect(response.json<{ applications: number }>().applications).toBeGreaterThan(0);

    const after = await pullAll(app, recruiter, 'candidates', before.checkpoint);
    const erased = after.documents.find((doc) => doc.id === target.id);
    expect(erased).toMatchObject({
      firstName: 'Erased',
      lastName: 'Candidate',
      erasedAt: expect.any(String) as unknown,
    });
    const text = JSON.stringify(erased);
    for (const personal of [target.firstName, target.lastName, target.email, target.phone, target.notes]) {
      if (personal) expect(text).not.toContain(personal);
    }
    const applications = (
      await pullAll(app, recruiter, 'applications', beforeApplications.checkpoint)
    ).documents.filter((doc) => doc['candidateId'] === target.id);
    expect(applications.length).toBeGreaterThan(0);
    for (const application of applications) {
      expect(application).not.toHaveProperty('offer');
      for (const entry of application['stageHistory'] as Record<string, unknown>[])
        expect(entry).not.toHaveProperty('note');
      expect((application['stageHistory'] as unknown[]).length).toBeGreaterThan(0);
    }
    const edit = await push(app, recruiter, 'candidates', [
      {
        assumedMasterState: erased ?? null,
        newDocumentState: { ...(erased as Record<string, unknown> & { id: string }), firstName: 'Back' },
      },
    ]);
    expect(edit.rejections[0]?.code).toBe('candidate_erased');
    expect((await asAdmin('POST', '/api/admin/candidates/nobody/erase')).statusCode).toBe(404);
  });
});
