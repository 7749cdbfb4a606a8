import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOrganisation } from '../demo/demo-organisation';
import { DEMO_USER_IDS } from '../demo/demo-users';
import { advanced, applicationDoc, candidateDoc, jobDoc } from './support/fixtures';
import { create, push, serverDoc } from './support/sync-client';
import { codeOf, listAll, v1, type V1Page } from './support/v1-client';
import { buildDemoApp, login, startTestStore, type Session, type TestStore } from './support/test-server';

let testStore: TestStore;
let app: FastifyInstance;
let organisation: DemoOrganisation;
let admin: Session;
let manager: Session;
let recruiter: Session;
let interviewer: Session;

beforeAll(async () => {
  testStore = await startTestStore();
  ({ app, organisation } = await buildDemoApp(testStore));
  [admin, manager, recruiter, interviewer] = await Promise.all([
    login(app, 'admin@example.com'),
    login(app, 'hr.manager@example.com'),
    login(app, 'recruiter1@example.com'),
    login(app, 'interviewer1@example.com'),
  ]);
});

afterAll(async () => {
  await app.close();
  await testStore.stop();
});

const openJob = () => organisation.jobs.find((job) => job.status === 'open')!;

async function newOpenJob(): Promise<string> {
  const created = await v1(app, manager, 'POST', '/jobs', {
    title: 'API Engineer',
    department: 'Engineering',
    location: 'Remote',
    employmentType: 'full_time',
    description: 'Builds the API.',
    status: 'open',
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json<{ id: string }>().id;
}

async function newCandidate(overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await v1(app, recruiter, 'POST', '/candidates', {
    firstName: 'Grace',
    lastName: 'Hopper',
    email: `grace-${Math.random().toString(36).slice(2)}@example.org`,
    source: 'referral',
    ...overrides,
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json<{ id: string }>().id;
}

async function newApplication(): Promise<{ id: string; jobId: string; candidateId: string }> {
  const [jobId, candidateId] = await Promise.all([newOpenJob(), newCandidate()]);
  const created = await v1(app, recruiter, 'POST', '/applications', { jobId, candidateId });
  expect(created.statusCode, created.body).toBe(201);
  return { id: created.json<{ id: string }>().id, jobId, candidateId };
}

describe('who may call', () => {
  it('needs a staff access token (or key)', async () => {
    expect((await v1(app, null, 'GET', '/jobs')).statusCode).toBe(401);
    expect(codeOf(await v1(app, 'not-a-token', 'GET', '/jobs'))).toBe('invalid_token');
    const candidate = await app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'applicant@example.org', password: 'Password123!', name: 'Applicant' },
    });
    expect(candidate.statusCode).toBe(201);
    expect((await v1(app, recruiter, 'GET', '/jobs')).statusCode).toBe(200);
  });
});

describe('lists', () => {
  it('pages through every job with an opaque cursor, in id order, each once', async () => {
    const expected = organisation.jobs.map((job) => job.id).sort();
    const { ids, pages } = await listAll(app, recruiter, '/jobs?limit=3');
    expect(ids.filter((id) => expected.includes(id))).toEqual(expected);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('filters by status and department', async () => {
    const { items } = await listAll(app, recruiter, '/jobs?status=open&limit=200');
    const open = organisation.jobs.filter((job) => job.status === 'open').map((job) => job.id);
    expect(items.every((item) => item['status'] === 'open')).toBe(true);
    expect(open.every((id) => items.some((item) => item.id === id))).toBe(true);
    const department = organisation.jobs[0]!.department;
    const byDepartment = await listAll(
      app,
      recruiter,
      `/jobs?department=${encodeURIComponent(department.toUpperCase())}`,
    );
    expect(byDepartment.items.length).toBeGreaterThan(0);
    expect(byDepartment.items.every((item) => item['department'] === department)).toBe(true);
  });

  it('refuses bad limits, bad filters and cursors it did not issue with a 400', async () => {
    for (const query of ['limit=0', 'limit=201', 'limit=-1', 'limit=abc', 'limit=1.5', 'status=archived']) {
      const response = await v1(app, recruiter, 'GET', `/jobs?${query}`);
      expect(response.statusCode, query).toBe(400);
    }
    const first = (await v1(app, recruiter, 'GET', '/jobs?limit=2')).json<V1Page>();
    expect(first.nextCursor).toEqual(expect.any(String));
    const cursor = first.nextCursor!;
    const [body, mac] = cursor.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify(['jobs', JSON.stringify([null, null]), 'zzz'])).toString(
      'base64url',
    );
    const tampered = [
      `${forged}.${mac}`,
      `${body}.${mac.slice(0, -2)}AA`,
      `${body}x.${mac}`,
      body,
      `${cursor}.extra`,
      'null',
      '{"after":"job-1"}',
      '....',
      '%00',
    ];
    for (const bad of tampered) {
      const response = await v1(app, recruiter, 'GET', `/jobs?limit=2&cursor=${encodeURIComponent(bad)}`);
      expect(response.statusCode, bad).toBe(400);
      expect(codeOf(response), bad).toBe('invalid_cursor');
    }
    // A cursor of one list is no cursor of another, nor of the same list with other filters.
    for (const url of ['/jobs?status=open', '/candidates', `/jobs/${openJob().id}/applications`]) {
      const response = await v1(
        app,
        recruiter,
        'GET',
        `${url}${url.includes('?') ? '&' : '?'}cursor=${cursor}`,
      );
      expect(codeOf(response), url).toBe('invalid_cursor');
    }
  });

  it('lists a job’s applications, applications by candidate and stage, and searches candidates', async () => {
    const job = openJob();
    const ofJob = organisation.applications.filter((item) => item.jobId === job.id).map((item) => item.id);
    const listed = await listAll(app, recruiter, `/jobs/${job.id}/applications?limit=1`);
    expect(listed.ids.sort()).toEqual(ofJob.sort());
    const viaFilter = await listAll(app, recruiter, `/applications?jobId=${job.id}`);
    expect(viaFilter.ids.sort()).toEqual(ofJob.sort());
    const someone = organisation.applications[0]!.candidateId;
    const byCandidate = await listAll(app, recruiter, `/applications?candidateId=${someone}&limit=1`);
    expect(byCandidate.ids.sort()).toEqual(
      organisation.applications
        .filter((item) => item.candidateId === someone)
        .map((item) => item.id)
        .sort(),
    );
    const rejected = await listAll(app, recruiter, '/applications?stage=rejected');
    expect(rejected.ids.sort()).toEqual(
      organisation.applications
        .filter((item) => item.stage === 'rejected')
        .map((item) => item.id)
        .sort(),
    );
    const candidate = organisation.candidates[0]!;
    const found = await listAll(
      app,
      recruiter,
      `/candidates?q=${encodeURIComponent(candidate.lastName.toUpperCase())}`,
    );
    expect(found.ids).toContain(candidate.id);
    const bySource = await listAll(app, recruiter, '/candidates?source=agency');
    expect(bySource.ids.sort()).toEqual(
      organisation.candidates
        .filter((item) => item.source === 'agency')
        .map((item) => item.id)
        .sort(),
    );
    expect((await v1(app, recruiter, 'GET', '/jobs/no-such-job/applications')).statusCode).toBe(404);
  });
});

describe('single resources', () => {
  it('carry an ETag, and 404 for what is not there', async () => {
    const job = openJob();
    const response = await v1(app, recruiter, 'GET', `/jobs/${job.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['etag']).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(response.json()).toMatchObject({ id: job.id, title: job.title });
    for (const url of ['/jobs/nope', '/candidates/nope', '/applications/a__b', '/interviews/nope']) {
      expect(codeOf(await v1(app, recruiter, 'GET', url)), url).toBe('not_found');
    }
    for (const url of ['/jobs/_design', '/jobs/a%2Fb', `/jobs/${'x'.repeat(65)}`, '/applications/a%20b']) {
      expect((await v1(app, recruiter, 'GET', url)).statusCode, url).toBe(400);
    }
  });
});

describe('jobs', () => {
  it('are created as drafts, with the server’s author and time, a Location and an ETag', async () => {
    const response = await v1(app, recruiter, 'POST', '/jobs', {
      title: 'Data Engineer',
      department: 'Data',
      location: 'Lisbon',
      employmentType: 'contract',
      description: 'Pipelines.',
      requirements: ['SQL'],
    });
    expect(response.statusCode, response.body).toBe(201);
    const job = response.json<Record<string, unknown> & { id: string }>();
    expect(job).toMatchObject({ status: 'draft', createdBy: DEMO_USER_IDS.recruiter1, recruiterIds: [] });
    expect(response.headers['location']).toBe(`/api/v1/jobs/${job.id}`);
    expect(response.headers['etag']).toBe(
      (await v1(app, recruiter, 'GET', `/jobs/${job.id}`)).headers['etag'],
    );
    // Only approvers may open a job at once: the rule's code, as for a push.
    const opened = await v1(app, recruiter, 'POST', '/jobs', { ...jobFields(), status: 'open' });
    expect([opened.statusCode, codeOf(opened)]).toEqual([403, 'forbidden_role']);
  });

  it('refuse a wrong type in every field with a 400, and store nothing', async () => {
    const wrong: Record<string, unknown[]> = {
      title: [5, '', 'x'.repeat(201), null, ['t']],
      department: [1, null, {}],
      location: [true, 'x'.repeat(201)],
      employmentType: ['freelance', 1],
      description: [[], 'x'.repeat(20_001)],
      requirements: ['TypeScript', [1], [''], {}],
      salaryMin: ['1000', -1, 1.5, null],
      salaryMax: [{}, 100_000_001],
      currency: ['eur', 'EURO', 978],
      status: ['closed', 'on_hold', true],
      hiringManagerId: ['_x', 5, 'a/b'],
      recruiterIds: ['r', [5], ['a b']],
      id: ['mine'],
      createdBy: ['someone'],
      updatedAt: [1],
    };
    const before = (await listAll(app, admin, '/jobs?limit=200')).ids.length;
    for (const [field, values] of Object.entries(wrong)) {
      for (const value of values) {
        const response = await v1(app, recruiter, 'POST', '/jobs', { ...jobFields(), [field]: value });
        expect(response.statusCode, `${field}=${JSON.stringify(value)}`).toBe(400);
        const { error } = response.json<{ error: { code: unknown; message: unknown } }>();
        expect([typeof error.code, typeof error.message]).toEqual(['string', 'string']);
      }
    }
    for (const body of [[], null, 5]) {
      expect((await v1(app, recruiter, 'POST', '/jobs', body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await v1(app, recruiter, 'POST', '/jobs', 'text')).statusCode).toBe(415);
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/v1/jobs',
      headers: { authorization: `Bearer ${recruiter.accessToken}`, 'content-type': 'application/json' },
      payload: '{"title": ',
    });
    expect([malformed.statusCode, codeOf(malformed)]).toEqual([400, 'malformed_json']);
    expect((await listAll(app, admin, '/jobs?limit=200')).ids.length).toBe(before);
  });

  it('are changed by merge patch, under If-Match', async () => {
    const id = await newOpenJob();
    const read = await v1(app, recruiter, 'GET', `/jobs/${id}`);
    const etag = read.headers['etag'] as string;
    const patched = await v1(
      app,
      recruiter,
      'PATCH',
      `/jobs/${id}`,
      { title: 'Senior API Engineer', salaryMin: 10 },
      { 'if-match': etag },
    );
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ title: 'Senior API Engineer', salaryMin: 10 });
    expect(patched.headers['etag']).not.toBe(etag);
    // The old version's tag is stale now: 412, and nothing changes.
    const stale = await v1(
      app,
      recruiter,
      'PATCH',
      `/jobs/${id}`,
      { title: 'Lost update' },
      { 'if-match': etag },
    );
    expect([stale.statusCode, codeOf(stale)]).toEqual([412, 'precondition_failed']);
    for (const header of [`W/${patched.headers['etag'] as string}`, '"nope"', `"a", "b"`]) {
      expect(
        (await v1(app, recruiter, 'PATCH', `/jobs/${id}`, { title: 'x' }, { 'if-match': header })).statusCode,
        header,
      ).toBe(412);
    }
    for (const header of ['nope', '"unterminated', 'W/', '"a" "b"']) {
      const response = await v1(
        app,
        recruiter,
        'PATCH',
        `/jobs/${id}`,
        { title: 'x' },
        { 'if-match': header },
      );
      expect([response.statusCode, codeOf(response)], header).toEqual([400, 'invalid_if_match']);
    }
    const matching = await v1(
      app,
      recruiter,
      'PATCH',
      `/jobs/${id}`,
      { salaryMin: null },
      { 'if-match': `"x", ${patched.headers['etag'] as string}` },
    );
    expect(matching.statusCode).toBe(200);
    expect(matching.json()).not.toHaveProperty('salaryMin');
    expect(
      (await v1(app, recruiter, 'PATCH', `/jobs/${id}`, { title: 'Any version' }, { 'if-match': '*' }))
        .statusCode,
    ).toBe(200);
    expect((await v1(app, recruiter, 'GET', `/jobs/${id}`)).json()).toMatchObject({ title: 'Any version' });
    // Rules judge the whole result, as for a push.
    const inverted = await v1(app, recruiter, 'PATCH', `/jobs/${id}`, { salaryMin: 9, salaryMax: 1 });
    expect([inverted.statusCode, codeOf(inverted)]).toEqual([422, 'validation_failed']);
    for (const body of [{}, { status: 'closed' }, { createdBy: 'x' }, { title: 7 }, { id: 'other' }]) {
      expect((await v1(app, recruiter, 'PATCH', `/jobs/${id}`, body)).statusCode, JSON.stringify(body)).toBe(
        400,
      );
    }
    expect(codeOf(await v1(app, recruiter, 'PATCH', '/jobs/nope', { title: 'x' }))).toBe('not_found');
  });

  it('move through the status machine with the rules’ codes', async () => {
    const draft = await v1(app, recruiter, 'POST', '/jobs', jobFields());
    const id = draft.json<{ id: string }>().id;
    const status = (session: Session, body: Record<string, unknown>) =>
      v1(app, session, 'POST', `/jobs/${id}/status`, body);
    expect(codeOf(await status(recruiter, { status: 'open' }))).toBe('forbidden_role');
    expect(codeOf(await status(manager, { status: 'on_hold' }))).toBe('invalid_transition');
    expect((await status(manager, { status: 'open' })).json()).toMatchObject({ status: 'open' });
    expect((await status(recruiter, { status: 'on_hold' })).json()).toMatchObject({ status: 'on_hold' });
    expect(codeOf(await status(recruiter, { status: 'closed' }))).toBe('reason_required');
    expect((await status(recruiter, { status: 'closed', closedReason: 'cancelled' })).json()).toMatchObject({
      status: 'closed',
      closedReason: 'cancelled',
    });
    // A closed job is final: the rules refuse any change to it as such.
    expect(codeOf(await status(admin, { status: 'open' }))).toBe('job_closed');
    expect(codeOf(await v1(app, admin, 'PATCH', `/jobs/${id}`, { title: 'Reopened?' }))).toBe('job_closed');
    for (const body of [
      {},
      { status: 'archived' },
      { status: 'closed', closedReason: 'bored' },
      { status: 1 },
    ]) {
      expect((await status(admin, body)).statusCode, JSON.stringify(body)).toBe(400);
    }
  });
});

function jobFields(): Record<string, unknown> {
  return {
    title: 'Support Engineer',
    department: 'Support',
    location: 'Madrid',
    employmentType: 'part_time',
    description: 'Helps customers.',
  };
}

describe('candidates', () => {
  it('are created with unique emails, and changed', async () => {
    const email = `unique-${Date.now()}@example.org`;
    const id = await newCandidate({ email, tags: ['Python'] });
    const duplicate = await v1(app, recruiter, 'POST', '/candidates', {
      firstName: 'Other',
      lastName: 'Person',
      email: email.toUpperCase(),
      source: 'other',
    });
    expect([duplicate.statusCode, codeOf(duplicate)]).toEqual([422, 'duplicate_email']);
    const patched = await v1(app, recruiter, 'PATCH', `/candidates/${id}`, {
      currentTitle: 'Admiral',
      notes: null,
    });
    expect(patched.json()).toMatchObject({ id, currentTitle: 'Admiral', email });
    const tagged = await listAll(app, recruiter, '/candidates?tag=python');
    expect(tagged.ids).toContain(id);
    for (const body of [
      { email: 'not-an-email' },
      { resume: { fileName: 'x' } },
      { erasedAt: new Date().toISOString() },
      { yearsExperience: '3' },
      { skills: 'Go' },
    ]) {
      expect(
        (await v1(app, recruiter, 'PATCH', `/candidates/${id}`, body)).statusCode,
        JSON.stringify(body),
      ).toBe(400);
    }
    expect(
      codeOf(
        await v1(app, interviewer, 'POST', '/candidates', {
          firstName: 'A',
          lastName: 'B',
          email: 'ab@example.org',
          source: 'other',
        }),
      ),
    ).toBe('forbidden_role');
  });
});

describe('applications', () => {
  it('are created at applied with the deterministic id, once', async () => {
    const [jobId, candidateId] = await Promise.all([newOpenJob(), newCandidate()]);
    const created = await v1(app, recruiter, 'POST', '/applications', {
      jobId,
      candidateId,
      source: 'referral',
      note: 'Met at a fair',
    });
    expect(created.statusCode, created.body).toBe(201);
    const application = created.json<{ id: string; stageHistory: Record<string, unknown>[] }>();
    expect(application).toMatchObject({
      id: `${jobId}__${candidateId}`,
      stage: 'applied',
      source: 'referral',
    });
    expect(application.stageHistory).toEqual([
      expect.objectContaining({
        from: null,
        to: 'applied',
        by: DEMO_USER_IDS.recruiter1,
        note: 'Met at a fair',
      }),
    ]);
    const again = await v1(app, recruiter, 'POST', '/applications', { jobId, candidateId });
    expect([again.statusCode, codeOf(again)]).toEqual([409, 'already_exists']);
    const draft = (await v1(app, recruiter, 'POST', '/jobs', jobFields())).json<{ id: string }>().id;
    expect(codeOf(await v1(app, recruiter, 'POST', '/applications', { jobId: draft, candidateId }))).toBe(
      'job_not_open',
    );
    expect(codeOf(await v1(app, recruiter, 'POST', '/applications', { jobId: 'no-job', candidateId }))).toBe(
      'not_found',
    );
    expect(
      codeOf(await v1(app, recruiter, 'POST', '/applications', { jobId, candidateId: 'no-candidate' })),
    ).toBe('not_found');
    expect(codeOf(await v1(app, interviewer, 'POST', '/applications', { jobId, candidateId }))).toBe(
      'forbidden_role',
    );
    for (const body of [
      { jobId },
      { jobId, candidateId, stage: 'offer' },
      { jobId: 5, candidateId },
      { jobId, candidateId, source: 'tv' },
    ]) {
      expect((await v1(app, recruiter, 'POST', '/applications', body)).statusCode, JSON.stringify(body)).toBe(
        400,
      );
    }
  });

  it('move stage by stage under the shared rules, with the server’s history', async () => {
    const { id } = await newApplication();
    const move = (session: Session, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      v1(app, session, 'PATCH', `/applications/${id}/stage`, body, headers);
    expect(codeOf(await move(recruiter, { stage: 'interview' }))).toBe('invalid_transition');
    // Moving to the stage it is at adds a history entry without a move, as the same push would.
    expect(codeOf(await move(recruiter, { stage: 'applied' }))).toBe('history_mismatch');
    const screening = await move(recruiter, { stage: 'screening', note: 'Phone screen booked' });
    expect(screening.statusCode, screening.body).toBe(200);
    expect(screening.json()).toMatchObject({ stage: 'screening' });
    const future = new Date(Date.now() + 10 * 60_000).toISOString();
    expect(codeOf(await move(recruiter, { stage: 'interview', at: future }))).toBe('invalid_time');
    expect(codeOf(await move(recruiter, { stage: 'interview', at: '2001-01-01T00:00:00Z' }))).toBe(
      'invalid_time',
    );
    // Not before the previous move, and kept as given.
    const past = screening.json<{ stageHistory: { at: string }[] }>().stageHistory[1]!.at;
    const withTime = await move(recruiter, { stage: 'interview', at: past });
    expect(withTime.statusCode, withTime.body).toBe(200);
    expect(codeOf(await move(interviewer, { stage: 'offer' }))).toBe('not_found');
    expect((await move(recruiter, { stage: 'offer' })).statusCode).toBe(200);
    expect(codeOf(await move(recruiter, { stage: 'hired' }))).toBe('forbidden_role');
    const offer = { baseSalary: 90_000, currency: 'EUR', status: 'accepted' };
    expect((await v1(app, recruiter, 'PATCH', `/applications/${id}`, { offer })).statusCode).toBe(200);
    const etag = (await v1(app, manager, 'GET', `/applications/${id}`)).headers['etag'] as string;
    expect(codeOf(await move(manager, { stage: 'hired' }, { 'if-match': '"stale"' }))).toBe(
      'precondition_failed',
    );
    expect((await move(manager, { stage: 'hired' }, { 'if-match': etag })).statusCode).toBe(200);
    expect(codeOf(await move(admin, { stage: 'rejected', reason: 'Too late' }))).toBe('invalid_transition');
    const history = await v1(app, recruiter, 'GET', `/applications/${id}/history`);
    expect(
      history
        .json<{ data: Record<string, unknown>[] }>()
        .data.map((entry) => [entry['from'], entry['to'], entry['by']]),
    ).toEqual([
      [null, 'applied', DEMO_USER_IDS.recruiter1],
      ['applied', 'screening', DEMO_USER_IDS.recruiter1],
      ['screening', 'interview', DEMO_USER_IDS.recruiter1],
      ['interview', 'offer', DEMO_USER_IDS.recruiter1],
      ['offer', 'hired', DEMO_USER_IDS.hiringManager],
    ]);
    const entries = history.json<{ data: { at: string; recordedAt: string; note?: string }[] }>().data;
    expect(entries[1]?.note).toBe('Phone screen booked');
    expect(entries[2]?.at).toBe(past);
    for (const body of [
      {},
      { stage: 'promoted' },
      { stage: 'screening', at: 'yesterday' },
      { stage: 'screening', by: 'x' },
    ]) {
      expect((await move(admin, body)).statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it('are rejected only with a reason, whatever the job’s status', async () => {
    const { id, jobId } = await newApplication();
    const reject = (body: Record<string, unknown>) =>
      v1(app, recruiter, 'PATCH', `/applications/${id}/stage`, body);
    expect(codeOf(await reject({ stage: 'rejected' }))).toBe('reason_required');
    expect(codeOf(await reject({ stage: 'rejected', reason: '   ' }))).toBe('reason_required');
    await v1(app, recruiter, 'POST', `/jobs/${jobId}/status`, { status: 'on_hold' });
    expect(
      codeOf(await v1(app, recruiter, 'PATCH', `/applications/${id}/stage`, { stage: 'screening' })),
    ).toBe('job_not_open');
    expect(codeOf(await reject({ stage: 'rejected', reason: 'Position paused' }))).toBe('unknown_reason');
    const rejected = await reject({ stage: 'rejected', reason: 'position-cancelled', note: 'Maybe later' });
    expect(rejected.json()).toMatchObject({
      stage: 'rejected',
      rejection: { atStage: 'applied', reason: 'position-cancelled', note: 'Maybe later' },
    });
    expect(
      codeOf(
        await v1(app, recruiter, 'PATCH', `/applications/${id}`, {
          offer: { baseSalary: 1, currency: 'EUR', status: 'draft' },
        }),
      ),
    ).toBe('offer_not_allowed');
  });

  it('refuse what a push refuses, with the same code', async () => {
    // The same changes by replication and by the API, side by side: one decision, one code.
    const job = jobDoc({ status: 'draft' });
    await create(app, manager, 'jobs', job);
    const candidate = candidateDoc();
    await create(app, recruiter, 'candidates', candidate);
    const pushed = await push(app, recruiter, 'applications', [
      { newDocumentState: applicationDoc(job.id, candidate.id) },
    ]);
    const viaApi = await v1(app, recruiter, 'POST', '/applications', {
      jobId: job.id,
      candidateId: candidate.id,
    });
    expect(pushed.rejections.map((rejection) => rejection.code)).toEqual([codeOf(viaApi)]);

    const { id } = await newApplication();
    const stored = await serverDoc(app, recruiter, 'applications', id);
    const skip = await push(app, recruiter, 'applications', [
      { assumedMasterState: stored, newDocumentState: advanced(stored!, 'offer') },
    ]);
    const skipApi = await v1(app, recruiter, 'PATCH', `/applications/${id}/stage`, { stage: 'offer' });
    expect(skip.rejections.map((rejection) => rejection.code)).toEqual([codeOf(skipApi)]);
    const hire = await push(app, recruiter, 'applications', [
      { assumedMasterState: stored, newDocumentState: advanced(stored!, 'hired') },
    ]);
    expect(hire.rejections[0]?.code).toBe(
      codeOf(await v1(app, recruiter, 'PATCH', `/applications/${id}/stage`, { stage: 'hired' })),
    );
  });

  it('reach laptops by replication', async () => {
    const { id } = await newApplication();
    await v1(app, recruiter, 'PATCH', `/applications/${id}/stage`, { stage: 'screening' });
    expect((await serverDoc(app, manager, 'applications', id))?.['stage']).toBe('screening');
  });
});

describe('interviews and scorecards', () => {
  it('are scheduled, rescheduled and cancelled under the rules', async () => {
    const { id: applicationId } = await newApplication();
    const at = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const body = {
      applicationId,
      type: 'technical',
      scheduledAt: at,
      durationMinutes: 45,
      meetingUrl: 'https://meet.example.com/x',
      interviewerIds: [DEMO_USER_IDS.interviewer1, DEMO_USER_IDS.interviewer2],
    };
    const created = await v1(app, recruiter, 'POST', '/interviews', body);
    expect(created.statusCode, created.body).toBe(201);
    const interview = created.json<{ id: string; jobId: string }>();
    expect(interview).toMatchObject({ status: 'scheduled', scorecards: [], applicationId });
    expect(
      codeOf(await v1(app, recruiter, 'POST', '/interviews', { ...body, interviewerIds: ['nobody'] })),
    ).toBe('unknown_interviewer');
    expect(
      codeOf(await v1(app, recruiter, 'POST', '/interviews', { ...body, applicationId: 'no__such' })),
    ).toBe('not_found');
    expect(codeOf(await v1(app, interviewer, 'POST', '/interviews', body))).toBe('forbidden_role');
    for (const bad of [
      { ...body, durationMinutes: 2 },
      { ...body, meetingUrl: 'ftp://x' },
      { ...body, interviewerIds: [] },
      { ...body, status: 'completed' },
    ]) {
      expect((await v1(app, recruiter, 'POST', '/interviews', bad)).statusCode).toBe(400);
    }
    const moved = await v1(app, recruiter, 'PATCH', `/interviews/${interview.id}`, {
      scheduledAt: new Date(Date.now() + 4 * 86_400_000).toISOString(),
      meetingUrl: null,
      location: 'Room 2',
    });
    expect(moved.json()).toMatchObject({ location: 'Room 2' });
    expect(moved.json()).not.toHaveProperty('meetingUrl');
    expect(
      codeOf(await v1(app, interviewer, 'PATCH', `/interviews/${interview.id}`, { location: 'Home' })),
    ).toBe('forbidden_role');
    const listed = await listAll(app, recruiter, `/interviews?applicationId=${applicationId}`);
    expect(listed.ids).toEqual([interview.id]);
    const byInterviewer = await listAll(
      app,
      recruiter,
      `/interviews?interviewerId=${DEMO_USER_IDS.interviewer2}&limit=2`,
    );
    expect(byInterviewer.ids).toContain(interview.id);
    const window = await listAll(
      app,
      recruiter,
      `/interviews?from=${encodeURIComponent(new Date(Date.now() + 3.5 * 86_400_000).toISOString())}`,
    );
    expect(window.ids).toContain(interview.id);
    expect(codeOf(await v1(app, recruiter, 'GET', '/interviews?from=tomorrow'))).toBe('invalid_request');
    expect(
      (await v1(app, recruiter, 'PATCH', `/interviews/${interview.id}`, { status: 'cancelled' })).json(),
    ).toMatchObject({ status: 'cancelled' });
    expect(
      codeOf(
        await v1(app, interviewer, 'POST', `/interviews/${interview.id}/scorecards`, {
          rating: 3,
          recommendation: 'yes',
          notes: '',
        }),
      ),
    ).toBe('interview_cancelled');
  });

  it('show an interviewer only their slice, no offers, and others’ scorecards once theirs is in', async () => {
    const assigned = await listAll(app, admin, `/interviews?interviewerId=${DEMO_USER_IDS.interviewer1}`);
    const mine = assigned.items.map((item) => ({
      id: item.id,
      applicationId: String(item['applicationId']),
      jobId: String(item['jobId']),
    }));
    expect(mine.length).toBeGreaterThan(
      organisation.interviews.filter((item) => item.interviewerIds.includes(DEMO_USER_IDS.interviewer1))
        .length,
    );
    const listed = await listAll(app, interviewer, '/interviews?limit=2');
    expect(listed.ids.sort()).toEqual(mine.map((item) => item.id).sort());
    const applications = await listAll(app, interviewer, '/applications');
    expect(applications.ids.sort()).toEqual([...new Set(mine.map((item) => item.applicationId))].sort());
    expect(applications.items.every((item) => !('offer' in item))).toBe(true);
    const jobs = await listAll(app, interviewer, '/jobs');
    expect(jobs.ids.sort()).toEqual([...new Set(mine.map((item) => item.jobId))].sort());
    const foreignJob = organisation.jobs.find((job) => !jobs.ids.includes(job.id))!;
    const foreignApplication = organisation.applications.find((item) => !applications.ids.includes(item.id))!;
    // Existing but out of the slice is answered exactly like missing: no existence leaks.
    for (const url of [
      `/jobs/${foreignJob.id}`,
      `/applications/${foreignApplication.id}`,
      `/applications/${foreignApplication.id}/history`,
      `/jobs/${foreignJob.id}/applications`,
    ]) {
      const response = await v1(app, interviewer, 'GET', url);
      expect([response.statusCode, codeOf(response)], url).toEqual([404, 'not_found']);
    }
    expect(
      codeOf(
        await v1(app, interviewer, 'PATCH', `/applications/${foreignApplication.id}/stage`, {
          stage: 'screening',
        }),
      ),
    ).toBe('not_found');
    expect(codeOf(await v1(app, interviewer, 'GET', '/dashboard/stats'))).toBe('forbidden_role');

    const { id: applicationId } = await newApplication();
    const scheduled = await v1(app, recruiter, 'POST', '/interviews', {
      applicationId,
      type: 'onsite',
      scheduledAt: new Date(Date.now() - 3_600_000).toISOString(),
      durationMinutes: 60,
      interviewerIds: [DEMO_USER_IDS.interviewer1, DEMO_USER_IDS.interviewer2],
    });
    const interviewId = scheduled.json<{ id: string }>().id;
    const other = await login(app, 'interviewer2@example.com');
    const theirs = await v1(app, other, 'POST', `/interviews/${interviewId}/scorecards`, {
      rating: 2,
      recommendation: 'no',
      notes: 'Vague answers.',
    });
    expect(theirs.statusCode, theirs.body).toBe(200);
    const before = await v1(app, interviewer, 'GET', `/interviews/${interviewId}`);
    expect(before.json()).toMatchObject({ scorecards: [] });
    const own = await v1(app, interviewer, 'POST', `/interviews/${interviewId}/scorecards`, {
      rating: 5,
      recommendation: 'strong_yes',
      notes: 'Excellent.',
    });
    expect(own.statusCode, own.body).toBe(200);
    const cards = own.json<{ scorecards: { interviewerId: string; rating: number }[] }>().scorecards;
    expect(cards.map((card) => [card.interviewerId, card.rating]).sort()).toEqual([
      [DEMO_USER_IDS.interviewer1, 5],
      [DEMO_USER_IDS.interviewer2, 2],
    ]);
    // Editing one's own replaces it; nobody writes in another's name (the body has no interviewerId).
    const edited = await v1(app, interviewer, 'POST', `/interviews/${interviewId}/scorecards`, {
      rating: 4,
      recommendation: 'yes',
      notes: 'On reflection.',
    });
    expect(edited.json<{ scorecards: unknown[] }>().scorecards).toHaveLength(2);
    expect(
      (
        await v1(app, interviewer, 'POST', `/interviews/${interviewId}/scorecards`, {
          rating: 4,
          recommendation: 'yes',
          notes: '',
          interviewerId: DEMO_USER_IDS.interviewer2,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      codeOf(
        await v1(app, recruiter, 'POST', `/interviews/${interviewId}/scorecards`, {
          rating: 3,
          recommendation: 'yes',
          notes: '',
        }),
      ),
    ).toBe('not_assigned');
    for (const card of [
      { rating: 6, recommendation: 'yes', notes: '' },
      { rating: 2.5, recommendation: 'yes', notes: '' },
      { rating: 3, recommendation: 'maybe', notes: '' },
      { rating: 3, recommendation: 'yes' },
      { rating: 3, recommendation: 'yes', notes: 'x'.repeat(10_001) },
    ]) {
      expect(
        (await v1(app, interviewer, 'POST', `/interviews/${interviewId}/scorecards`, card)).statusCode,
        JSON.stringify(card),
      ).toBe(400);
    }
  });
});

describe('rules on closed and erased documents', () => {
  it('refuse an interview for a closed application and any change to an erased candidate', async () => {
    const { id: applicationId, candidateId } = await newApplication();
    await v1(app, recruiter, 'PATCH', `/applications/${applicationId}/stage`, {
      stage: 'rejected',
      reason: 'wrong-role',
    });
    const interview = await v1(app, recruiter, 'POST', '/interviews', {
      applicationId,
      type: 'phone',
      scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
      durationMinutes: 30,
      interviewerIds: [DEMO_USER_IDS.interviewer1],
    });
    expect([interview.statusCode, codeOf(interview)]).toEqual([422, 'application_closed']);
    const erased = await app.inject({
      method: 'POST',
      url: `/api/admin/candidates/${candidateId}/erase`,
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    expect(erased.statusCode, erased.body).toBe(200);
    const patched = await v1(app, recruiter, 'PATCH', `/candidates/${candidateId}`, { notes: 'Back again' });
    expect([patched.statusCode, codeOf(patched)]).toEqual([422, 'candidate_erased']);
  });
});

describe('dashboard', () => {
  it('answers the admin dashboard’s figures to those who read everything', async () => {
    const stats = await v1(app, recruiter, 'GET', '/dashboard/stats');
    expect(stats.statusCode).toBe(200);
    const admins = await app.inject({
      method: 'GET',
      url: '/api/admin/stats',
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    const { report, ...figures } = stats.json<Record<string, unknown>>();
    expect(figures).toEqual(admins.json());
    expect(report).toHaveProperty('applications');
    expect(report).toHaveProperty('filter', {});
  });
});
