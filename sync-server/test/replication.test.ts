import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOrganisation } from '../demo/demo-organisation';
import { MAX_PULL_LIMIT } from '#shared/sync/protocol';
import { advanced, applicationDoc, candidateDoc, jobDoc } from './support/fixtures';
import { create, edit, pull, pullAll, push, serverDoc } from './support/sync-client';
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
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  testStore = await startTestStore();
  ({ app, organisation } = await buildDemoApp(testStore));
  for (const email of [
    'admin@example.com',
    'hr.manager@example.com',
    'recruiter1@example.com',
    'interviewer1@example.com',
  ]) {
    sessions[email.split('@')[0] as string] = await login(app, email);
  }
});

afterAll(async () => {
  await app.close();
  await testStore.stop();
});

const admin = (): Session => sessions['admin'] as Session;
const manager = (): Session => sessions['hr.manager'] as Session;
const recruiter = (): Session => sessions['recruiter1'] as Session;
const interviewer = (): Session => sessions['interviewer1'] as Session;

/** An open job, a candidate and an application at `applied`, created by a recruiter. */
async function pipeline(): Promise<{ jobId: string; candidateId: string; applicationId: string }> {
  const job = jobDoc();
  expect((await create(app, manager(), 'jobs', job)).rejections).toEqual([]);
  const candidate = candidateDoc();
  expect((await create(app, recruiter(), 'candidates', candidate)).rejections).toEqual([]);
  const application = applicationDoc(job.id, candidate.id);
  expect((await create(app, recruiter(), 'applications', application)).rejections).toEqual([]);
  return { jobId: job.id, candidateId: candidate.id, applicationId: application.id };
}

describe('pull', () => {
  it('sends every demo document to full readers, in batches with an opaque checkpoint', async () => {
    const first = await pull(app, recruiter(), 'applications', null, 5);
    expect(first.documents).toHaveLength(5);
    expect(typeof first.checkpoint?.['seq']).toBe('string');
    const all = await pullAll(app, recruiter(), 'applications', null, 5);
    const ids = new Set(all.documents.map((doc) => doc.id));
    for (const application of organisation.applications) expect(ids.has(application.id)).toBe(true);
    for (const doc of all.documents) {
      expect(doc).not.toHaveProperty('_id');
      expect(doc).not.toHaveProperty('_rev');
      expect(doc).not.toHaveProperty('serverMeta');
      expect(doc._deleted).toBe(false);
    }
    expect(all.documents.some((doc) => doc.id.startsWith('_design'))).toBe(false);
    const again = await pull(app, recruiter(), 'applications', all.checkpoint, 5);
    expect(again.documents).toEqual([]);
  });

  it('says about how big a download is on a first pull and on full batches, never on idle pulls', async () => {
    const all = await pullAll(app, recruiter(), 'applications', null, 100);
    const first = await pull(app, recruiter(), 'applications', null, 5);
    // The store's own count, its design documents left out: nothing changed, so exactly what is sent.
    expect(first.estimatedTotal).toBe(all.documents.length);
    const middle = await pull(app, recruiter(), 'applications', first.checkpoint, 5);
    expect(middle.documents).toHaveLength(5);
    expect(middle.estimatedTotal).toBe(first.estimatedTotal);
    const idle = await pull(app, recruiter(), 'applications', all.checkpoint, 5);
    expect(idle.documents).toEqual([]);
    expect(idle).not.toHaveProperty('estimatedTotal');
    // A checkpoint that is not ours restarts the download, which is sized again.
    const forged = await pull(app, recruiter(), 'applications', { seq: '0', reader: 'full' }, 5);
    expect(forged.estimatedTotal).toBe(first.estimatedTotal);
  });

  it('sizes an interviewer’s download by their slice, not by the whole store', async () => {
    for (const collection of ['applications', 'candidates', 'interviews', 'comments'] as const) {
      const slice = await pullAll(app, interviewer(), collection, null, 100);
      const first = await pull(app, interviewer(), collection, null, 1);
      expect(first.estimatedTotal, collection).toBe(slice.documents.length);
    }
  });

  it('sizes a download answered whole by its answer, and never tells an interviewer how many accounts there are', async () => {
    const whole = await pull(app, interviewer(), 'users', null, 500);
    expect(whole.estimatedTotal).toBe(whole.documents.length);
    // The directory's store count holds the portal accounts: an interviewer mid-way is told nothing.
    const partial = await pull(app, interviewer(), 'users', null, 1);
    expect(partial.documents).toHaveLength(1);
    expect(partial).not.toHaveProperty('estimatedTotal');
    const forAdmin = await pull(app, admin(), 'users', null, 1);
    expect(forAdmin.estimatedTotal).toBeGreaterThanOrEqual(whole.documents.length);
  });

  it('sends the users directory without credentials', async () => {
    const { documents } = await pullAll(app, interviewer(), 'users');
    expect(documents.length).toBe(organisation.users.length);
    for (const user of documents)
      expect(Object.keys(user).sort()).toEqual([
        '_deleted',
        'active',
        'email',
        'id',
        'name',
        'role',
        'updatedAt',
      ]);
  });

  it('refuses bad checkpoints, bad limits, unknown collections, candidates and anonymous callers', async () => {
    const get = (url: string, session: Session | null = recruiter()) =>
      app.inject({ method: 'GET', url, headers: session ? bearer(session) : {} });
    for (const url of [
      '/api/sync/jobs/pull?checkpoint=%7Bbad',
      '/api/sync/jobs/pull?limit=0',
      `/api/sync/jobs/pull?limit=${MAX_PULL_LIMIT + 1}`,
      '/api/sync/jobs/pull?limit=ten',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json<{ error: { code: string } }>().error.code).toBeTruthy();
    }
    expect((await get('/api/sync/secrets/pull')).statusCode).toBe(404);
    expect((await get('/api/sync/jobs/pull', null)).statusCode).toBe(401);
    await app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'portal.person@example.org', password: 'long-enough-pw', name: 'Portal Person' },
    });
    const candidate = await login(app, 'portal.person@example.org', 'long-enough-pw');
    expect((await get('/api/sync/jobs/pull', candidate)).statusCode).toBe(403);
    const pushed = await app.inject({
      method: 'POST',
      url: '/api/sync/jobs/push',
      headers: bearer(candidate),
      payload: [],
    });
    expect(pushed.statusCode).toBe(403);
    const { documents } = await pullAll(app, admin(), 'users');
    expect(documents.some((user) => user['role'] === 'candidate')).toBe(false);
  });
});

describe('push: roles and rules', () => {
  it('applies the role table to jobs', async () => {
    const draft = jobDoc({ status: 'draft' });
    expect((await create(app, recruiter(), 'jobs', draft)).rejections).toEqual([]);
    const approve = await edit(app, recruiter(), 'jobs', draft.id, (doc) => ({ ...doc, status: 'open' }));
    expect(approve.rejections).toEqual([
      { id: draft.id, code: 'forbidden_role', message: expect.any(String) as unknown },
    ]);
    expect(approve.conflicts[0]).toMatchObject({ id: draft.id, status: 'draft', _deleted: false });
    expect(
      (await edit(app, manager(), 'jobs', draft.id, (doc) => ({ ...doc, status: 'open' }))).rejections,
    ).toEqual([]);
    const byInterviewer = await create(app, interviewer(), 'jobs', jobDoc());
    expect(byInterviewer.rejections[0]?.code).toBe('forbidden_role');
    expect(byInterviewer.conflicts[0]?._deleted).toBe(true);
    const close = await edit(app, recruiter(), 'jobs', draft.id, (doc) => ({ ...doc, status: 'closed' }));
    expect(close.rejections[0]?.code).toBe('reason_required');
    const users = await create(app, admin(), 'users', {
      id: 'u-new',
      updatedAt: 0,
      name: 'X',
      email: 'x@example.org',
      role: 'admin',
      active: true,
    });
    expect(users.rejections[0]?.code).toBe('read_only_collection');
  });

  it('stamps server fields and records exactly one history entry per move', async () => {
    const { applicationId } = await pipeline();
    const moved = await edit(app, recruiter(), 'applications', applicationId, (doc) =>
      advanced(doc, 'screening'),
    );
    expect(moved).toMatchObject({ conflicts: [], rejections: [] });
    const stored = await serverDoc(app, recruiter(), 'applications', applicationId);
    const history = stored?.['stageHistory'] as { by: string; to: string }[];
    expect(history.map((entry) => entry.to)).toEqual(['applied', 'screening']);
    expect(history[1]?.by).toBe(recruiter().user.id);
    expect(stored?.['createdBy']).toBe(recruiter().user.id);
    expect(stored?.['updatedAt']).toBeGreaterThan(Date.now() - 60_000);
  });

  it('refuses workflow violations with reason codes and sends back the server version', async () => {
    const { applicationId, jobId } = await pipeline();
    const skip = await edit(app, recruiter(), 'applications', applicationId, (doc) => advanced(doc, 'offer'));
    expect(skip.rejections[0]?.code).toBe('invalid_transition');
    expect(skip.conflicts[0]).toMatchObject({ id: applicationId, stage: 'applied' });

    const noReason = await edit(app, recruiter(), 'applications', applicationId, (doc) =>
      advanced(doc, 'rejected', { rejection: { atStage: 'applied', reason: '' } }),
    );
    expect(noReason.rejections[0]?.code).toBe('reason_required');

    const tampered = await edit(app, recruiter(), 'applications', applicationId, (doc) => {
      const history = structuredClone(doc['stageHistory']) as Record<string, unknown>[];
      (history[0] as Record<string, unknown>)['at'] = new Date(0).toISOString();
      return { ...doc, stageHistory: history };
    });
    expect(tampered.rejections[0]?.code).toBe('history_immutable');

    for (const to of ['screening', 'interview', 'offer']) {
      expect(
        (await edit(app, recruiter(), 'applications', applicationId, (doc) => advanced(doc, to))).rejections,
      ).toEqual([]);
    }
    const hireByRecruiter = await edit(app, recruiter(), 'applications', applicationId, (doc) =>
      advanced(doc, 'hired'),
    );
    expect(hireByRecruiter.rejections[0]?.code).toBe('forbidden_role');

    expect(
      (await edit(app, manager(), 'jobs', jobId, (doc) => ({ ...doc, status: 'on_hold' }))).rejections,
    ).toEqual([]);
    const onHold = await edit(app, manager(), 'applications', applicationId, (doc) => advanced(doc, 'hired'));
    expect(onHold.rejections[0]?.code).toBe('job_not_open');
    const rejectAnyway = await edit(app, recruiter(), 'applications', applicationId, (doc) =>
      advanced(doc, 'rejected', { rejection: { atStage: 'offer', reason: 'offer-declined' } }),
    );
    expect(rejectAnyway.rejections).toEqual([]);
  });

  it('refuses a new application on a job that is not open, and invalid documents', async () => {
    const draft = jobDoc({ status: 'draft' });
    await create(app, manager(), 'jobs', draft);
    const candidate = candidateDoc();
    await create(app, recruiter(), 'candidates', candidate);
    const result = await create(app, recruiter(), 'applications', applicationDoc(draft.id, candidate.id));
    expect(result.rejections[0]?.code).toBe('job_not_open');
    expect(result.conflicts[0]?._deleted).toBe(true);
    const invalid = await create(app, recruiter(), 'candidates', { ...candidateDoc(), email: 42 });
    expect(invalid.rejections[0]?.code).toBe('validation_failed');
    const duplicate = await create(app, recruiter(), 'candidates', {
      ...candidateDoc(),
      email: String(candidate['email']).toUpperCase(),
    });
    expect(duplicate.rejections[0]?.code).toBe('duplicate_email');
    const underscore = await create(app, recruiter(), 'candidates', { ...candidateDoc(), id: '_design' });
    expect(underscore.rejections[0]?.code).toBe('validation_failed');
  });

  it('detects conflicts and makes a repeated push harmless', async () => {
    const { applicationId } = await pipeline();
    const assumed = await serverDoc(app, recruiter(), 'applications', applicationId);
    if (!assumed) throw new Error('missing');
    const row = { assumedMasterState: assumed, newDocumentState: advanced(assumed, 'screening') };
    expect(await push(app, recruiter(), 'applications', [row])).toEqual({ conflicts: [], rejections: [] });
    const repeated = await push(app, recruiter(), 'applications', [row]);
    expect(repeated.rejections).toEqual([]);
    expect(repeated.conflicts[0]).toMatchObject({ id: applicationId, stage: 'screening' });
    const history = (await serverDoc(app, recruiter(), 'applications', applicationId))?.[
      'stageHistory'
    ] as unknown[];
    expect(history).toHaveLength(2);
    const missingAssumed = await push(app, recruiter(), 'applications', [
      { newDocumentState: advanced(assumed, 'rejected') },
    ]);
    expect(missingAssumed.conflicts[0]).toMatchObject({ stage: 'screening' });
    expect(missingAssumed.rejections).toEqual([]);
  });

  it('judges each row of a batch on its own, including against earlier rows of the same batch', async () => {
    const first = candidateDoc();
    const sameEmail = candidateDoc({ email: String(first['email']).toUpperCase() });
    const twice = candidateDoc();
    const invalid = { ...candidateDoc(), firstName: '' };
    const result = await push(
      app,
      recruiter(),
      'candidates',
      [first, sameEmail, twice, { ...twice, lastName: 'Second' }, invalid].map((doc) => ({
        newDocumentState: doc,
      })),
    );
    expect(result.rejections.map((rejection) => [rejection.id, rejection.code])).toEqual([
      [sameEmail['id'], 'duplicate_email'],
      [invalid['id'], 'validation_failed'],
    ]);
    // The second write of one id lost the race to the first, and gets the first back.
    expect(result.conflicts.find((doc) => doc.id === twice['id'])).toMatchObject({ lastName: 'Fischer' });
    expect(await serverDoc(app, recruiter(), 'candidates', String(first['id']))).toMatchObject({
      email: first['email'],
    });
    expect(await serverDoc(app, recruiter(), 'candidates', String(sameEmail['id']))).toBeUndefined();
    expect(await serverDoc(app, recruiter(), 'candidates', String(twice['id']))).toMatchObject({
      lastName: 'Fischer',
    });
    expect(await serverDoc(app, recruiter(), 'candidates', String(invalid['id']))).toBeUndefined();
  });

  it('lets only admins delete, and sends deletions as tombstones that keep nothing of the candidate', async () => {
    const candidate = candidateDoc();
    await create(app, recruiter(), 'candidates', candidate);
    const { checkpoint } = await pullAll(app, recruiter(), 'candidates');
    const byRecruiter = await edit(app, recruiter(), 'candidates', candidate.id, (doc) => ({
      ...doc,
      _deleted: true,
    }));
    expect(byRecruiter.rejections[0]?.code).toBe('delete_forbidden');
    expect(
      (await edit(app, admin(), 'candidates', candidate.id, (doc) => ({ ...doc, _deleted: true })))
        .rejections,
    ).toEqual([]);
    const { documents } = await pullAll(app, recruiter(), 'candidates', checkpoint);
    expect(documents).toEqual([expect.objectContaining({ id: candidate.id, _deleted: true })]);
    expect(JSON.stringify(documents)).not.toMatch(/Robin|Fischer|example\.org|Strong systems/);
    const stored = await app.store.get('candidates', candidate.id);
    expect(JSON.stringify(stored)).not.toMatch(/Robin|Fischer|example\.org|Strong systems/);
  });

  it('rejects oversize and malformed push bodies with 4xx, never 5xx', async () => {
    const tooMany = Array.from({ length: 501 }, () => ({ newDocumentState: { id: 'x' } }));
    const responses = await Promise.all([
      app.inject({
        method: 'POST',
        url: '/api/sync/jobs/push',
        headers: bearer(recruiter()),
        payload: tooMany,
      }),
      app.inject({
        method: 'POST',
        url: '/api/sync/jobs/push',
        headers: { ...bearer(recruiter()), 'content-type': 'application/json' },
        payload: '[{',
      }),
      app.inject({
        method: 'POST',
        url: '/api/sync/jobs/push',
        headers: bearer(recruiter()),
        payload: { not: 'an array' },
      }),
      app.inject({
        method: 'POST',
        url: '/api/sync/jobs/push',
        headers: bearer(recruiter()),
        payload: [{ newDocumentState: { id: 5 } }],
      }),
      app.inject({
        method: 'POST',
        url: '/api/sync/jobs/push',
        headers: bearer(recruiter()),
        payload: [{ newDocumentState: { id: 'a'.repeat(40 * 1024 * 1024) } }],
      }),
    ]);
    expect(responses.map((response) => response.statusCode)).toEqual([400, 400, 400, 400, 413]);
    for (const response of responses) expect(response.json()).toHaveProperty('error.code');
  });
});
