import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOrganisation } from '../demo/demo-organisation';
import { ensureOutboxDatabase } from '../services/outbox-database';
import { isOutboxEntry } from '../services/outbox-entry';
import { advanced } from './support/fixtures';
import { push, serverDoc } from './support/sync-client';
import {
  bearer,
  buildDemoApp,
  login,
  startTestStore,
  type Session,
  type TestStore,
} from './support/test-server';

/** What the admin console calls beyond SPEC §5's first list: audit filters and CSV, reset links. */
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

describe('the audit log', () => {
  it('filters by outcome, collection and time range, and exports CSV', async () => {
    const application = organisation.applications.find((candidate) => candidate.stage === 'applied');
    if (!application) throw new Error('demo has no applied application');
    const current = await serverDoc(app, recruiter, 'applications', application.id);
    if (!current) throw new Error('missing');
    const startedAt = Date.now();
    await push(app, recruiter, 'applications', [
      { assumedMasterState: current, newDocumentState: advanced(current, 'offer') },
    ]);
    await push(app, recruiter, 'applications', [
      { assumedMasterState: current, newDocumentState: advanced(current, 'screening') },
    ]);
    const query = async (filters: string) => {
      const response = await asAdmin('GET', `/api/admin/audit?${filters}`);
      expect(response.statusCode).toBe(200);
      return response.json<{
        entries: { outcome: string; collection: string; at: number; docId: string }[];
      }>().entries;
    };
    const refused = await query(`outcome=rejected&since=${startedAt}`);
    expect(refused.map((entry) => [entry.outcome, entry.docId])).toEqual([['rejected', application.id]]);
    const accepted = await query(`outcome=accepted&collection=applications&since=${startedAt}`);
    expect(accepted.map((entry) => entry.docId)).toEqual([application.id]);
    expect(await query(`collection=jobs&since=${startedAt}`)).toEqual([]);
    const first = accepted[0]!.at;
    expect(await query(`docId=${application.id}&since=${startedAt}&until=${first}`)).toEqual(
      refused.filter((entry) => entry.at < first),
    );

    const csv = await asAdmin('GET', `/api/admin/audit/export?docId=${application.id}&since=${startedAt}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="shortlist-audit-/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('at,userId,collection,docId,outcome,action,code,reason');
    expect(lines).toHaveLength(3);
    expect(lines.some((line) => line.includes(',rejected,') && line.includes('invalid_transition'))).toBe(
      true,
    );
  });

  it('refuses bad filters with a 400, and non-admins with a 403', async () => {
    for (const url of [
      '/api/admin/audit?outcome=maybe',
      '/api/admin/audit?since=10&until=5',
      '/api/admin/audit?until=soon',
      '/api/admin/audit/export?limit=100001',
    ]) {
      const response = await asAdmin('GET', url);
      expect(response.statusCode, url).toBe(400);
      const body = response.json<{ error: { code: unknown; message: unknown } }>();
      expect(typeof body.error.code).toBe('string');
      expect(typeof body.error.message).toBe('string');
    }
    const asRecruiter = await app.inject({
      method: 'GET',
      url: '/api/admin/audit/export',
      headers: bearer(recruiter),
    });
    expect(asRecruiter.statusCode).toBe(403);
  });
});

describe('a reset link sent by an admin', () => {
  it('mails the user the same link as "Forgot your password?", and is audited', async () => {
    const user = organisation.users.find((candidate) => candidate.email === 'interviewer2@example.com')!;
    const sent = await asAdmin('POST', `/api/admin/users/${user.id}/password-reset`);
    expect(sent.statusCode).toBe(202);
    expect(sent.json()).toEqual({ status: 'sent', email: user.email });
    const outbox = await ensureOutboxDatabase(app.store);
    const entries = (await outbox.list({ include_docs: true })).rows.flatMap((row) =>
      row.doc && isOutboxEntry(row.doc) ? [row.doc] : [],
    );
    const reset = entries.find(
      (entry) => entry.to.includes(user.email) && entry.template === 'password_reset',
    );
    expect(reset?.text).toMatch(/\/app\/reset-password#token=/);
    const audit = await asAdmin('GET', `/api/admin/audit?docId=${user.id}`);
    expect(JSON.stringify(audit.json())).toContain('sent a password reset link');
  });

  it('is refused for an unknown or deactivated account, and for non-admins', async () => {
    expect((await asAdmin('POST', '/api/admin/users/nobody/password-reset')).statusCode).toBe(404);
    const user = organisation.users.find((candidate) => candidate.email === 'interviewer3@example.com')!;
    await asAdmin('PATCH', `/api/admin/users/${user.id}`, { active: false });
    const refused = await asAdmin('POST', `/api/admin/users/${user.id}/password-reset`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'account_disabled' } });
    await asAdmin('PATCH', `/api/admin/users/${user.id}`, { active: true });
    const byRecruiter = await app.inject({
      method: 'POST',
      url: `/api/admin/users/${user.id}/password-reset`,
      headers: bearer(recruiter),
    });
    expect(byRecruiter.statusCode).toBe(403);
  });
});
