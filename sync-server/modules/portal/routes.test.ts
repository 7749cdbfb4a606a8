import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationId, type Application } from '#shared/domain/application/application-schema';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import { samplePdf, samplePng } from '../../test/support/sample-files';
import {
  buildTestApp,
  seed,
  signUp,
  startTestStore,
  testCandidate,
  testInterview,
  testJob,
  type TestAccount,
  type TestStore,
} from '../../test/support/accounts';

let store: TestStore;
let app: FastifyInstance;
let recruiter: TestAccount;
const openJob = testJob({
  title: 'Senior Backend Engineer',
  recruiterIds: ['rec-secret-id'],
  hiringManagerId: 'hm-secret-id',
});
const secondJob = testJob({ title: 'Data Analyst' });
const draftJob = testJob({ status: 'draft', title: 'Draft role' });
const heldJob = testJob({ status: 'on_hold', title: 'Paused role' });
const closedJob = testJob({ status: 'closed', closedReason: 'filled', title: 'Closed role' });

beforeAll(async () => {
  store = await startTestStore();
  app = await buildTestApp(store, undefined, undefined, {
    portalApplyLimits: { perAccount: 3, perAddress: 1_000, windowMs: 60_000 },
  });
  recruiter = await signUp(app, 'recruiter');
  for (const job of [openJob, secondJob, draftJob, heldJob, closedJob]) await seed(app, 'jobs', job);
});

afterAll(async () => {
  await app.close();
  await store.stop();
});

const apply = (account: TestAccount, jobId: string, body: Record<string, unknown> = {}) =>
  app.inject({
    method: 'POST',
    url: `/api/portal/jobs/${jobId}/apply`,
    headers: account.headers,
    payload: body,
  });

const myApplications = (account: TestAccount) =>
  app.inject({ method: 'GET', url: '/api/portal/applications', headers: account.headers });

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown): Set<string> {
  const keys = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        keys.add(key);
        visit(child);
      }
    }
  };
  visit(value);
  return keys;
}

const INTERNAL_KEYS = [
  'by',
  'note',
  'recordedAt',
  'rejection',
  'reason',
  'offer',
  'baseSalary',
  'scorecards',
  'notes',
  'recruiterIds',
  'hiringManagerId',
  'createdBy',
  'tags',
  'candidateId',
];

function expectNoInternals(body: string): void {
  for (const secret of ['SECRET', 'rec-secret-id', 'hm-secret-id', recruiter.user.id])
    expect(body).not.toContain(secret);
  const keys = keysOf(JSON.parse(body));
  for (const key of INTERNAL_KEYS) expect(keys.has(key), key).toBe(false);
}

describe('public job listing', () => {
  it('lists open jobs only, without internal fields', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/portal/jobs' });
    expect(response.statusCode).toBe(200);
    const titles = response
      .json<{ jobs: { title: string }[] }>()
      .jobs.map((job) => job.title)
      .sort();
    expect(titles).toEqual(['Data Analyst', 'Senior Backend Engineer']);
    expectNoInternals(response.body);
  });

  it('shows an open job and answers 404 for draft, on-hold, closed and unknown jobs', async () => {
    const open = await app.inject({ method: 'GET', url: `/api/portal/jobs/${openJob.id}` });
    expect(open.statusCode).toBe(200);
    expect(open.json()).toMatchObject({ id: openJob.id, title: openJob.title, salaryMin: 80_000 });
    expectNoInternals(open.body);
    for (const id of [draftJob.id, heldJob.id, closedJob.id, 'nope']) {
      const hidden = await app.inject({ method: 'GET', url: `/api/portal/jobs/${id}` });
      expect(hidden.statusCode, id).toBe(404);
      expect(hidden.json()).toMatchObject({ error: { code: 'job_not_found' } });
    }
    expect((await app.inject({ method: 'GET', url: '/api/portal/jobs/bad%20id' })).statusCode).toBe(400);
  });
});

describe('applying', () => {
  it('links an existing candidate record by email, case-insensitively, at applied', async () => {
    const existing = testCandidate({
      email: 'Grace.Hopper@Example.org',
      firstName: 'Grace',
      lastName: 'Hopper',
    });
    await seed(app, 'candidates', existing);
    const grace = await signUp(app, 'candidate', 'grace.hopper@example.org');
    const response = await apply(grace, openJob.id, { coverLetter: 'SECRET cover letter' });
    expect(response.statusCode).toBe(201);
    expectNoInternals(response.body);
    const id = applicationId(openJob.id, existing.id);
    expect(response.json()).toMatchObject({ id, jobTitle: openJob.title, stage: 'applied' });
    const stored = (await app.store.get('applications', id)) as unknown as Application;
    expect(stored).toMatchObject({
      stage: 'applied',
      candidateId: existing.id,
      source: 'career_page',
      createdBy: grace.user.id,
    });
    expect(stored.stageHistory).toEqual([
      expect.objectContaining({ from: null, to: 'applied', by: grace.user.id, note: 'SECRET cover letter' }),
    ]);
  });

  it('creates the candidate record when missing, and refuses applying twice with 409', async () => {
    const alan = await signUp(app, 'candidate', 'alan.turing@example.org');
    expect((await apply(alan, openJob.id)).statusCode).toBe(201);
    const candidates = await app.store.find('candidates', {
      selector: { 'serverMeta.emailKey': 'alan.turing@example.org' },
      limit: 5,
    });
    expect(candidates).toHaveLength(1);
    expect(candidates[0] as unknown as Candidate).toMatchObject({
      source: 'career_page',
      firstName: 'Test',
      lastName: 'candidate',
    });
    const twice = await apply(alan, openJob.id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ error: { code: 'already_applied' } });
  });

  it('refuses draft (404), on-hold and closed (422) jobs', async () => {
    const barbara = await signUp(app, 'candidate');
    expect((await apply(barbara, draftJob.id)).json()).toMatchObject({ error: { code: 'job_not_found' } });
    for (const job of [heldJob, closedJob]) {
      const response = await apply(barbara, job.id);
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ error: { code: 'job_not_open' } });
    }
  });

  it('is for candidate accounts only, with valid bodies', async () => {
    expect((await apply(recruiter, openJob.id)).statusCode).toBe(403);
    expect(
      (await app.inject({ method: 'POST', url: `/api/portal/jobs/${openJob.id}/apply`, payload: {} }))
        .statusCode,
    ).toBe(401);
    const edsger = await signUp(app, 'candidate');
    expect((await apply(edsger, openJob.id, { coverLetter: 'x'.repeat(2_001) })).statusCode).toBe(400);
    expect((await apply(edsger, openJob.id, { stage: 'hired' })).statusCode).toBe(400);
    const malformed = await app.inject({
      method: 'POST',
      url: `/api/portal/jobs/${openJob.id}/apply`,
      headers: { ...edsger.headers, 'content-type': 'application/json' },
      payload: '{not json',
    });
    expect(malformed.statusCode).toBe(400);
  });

  it('is rate limited per account', async () => {
    const eager = await signUp(app, 'candidate');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1)
      statuses.push((await apply(eager, heldJob.id)).statusCode);
    expect(statuses).toEqual([422, 422, 422, 429]);
  });
});

describe('my applications', () => {
  it('shows job title, stage and dated history, never notes, who moved it, rejection, offer or scorecards', async () => {
    const katherine = await signUp(app, 'candidate', 'katherine@example.org');
    const person = testCandidate({
      email: 'katherine@example.org',
      notes: 'SECRET staff notes',
      tags: ['SECRET-tag'],
    });
    await seed(app, 'candidates', person);
    const by = recruiter.user.id;
    const at = (day: number) => `2026-03-0${day}T10:00:00.000Z`;
    const rejected: Application = {
      id: applicationId(openJob.id, person.id),
      updatedAt: Date.now(),
      jobId: openJob.id,
      candidateId: person.id,
      stage: 'rejected',
      stageHistory: [
        { from: null, to: 'applied', by, at: at(1), recordedAt: at(1), note: 'SECRET note 1' },
        { from: 'applied', to: 'screening', by, at: at(2), recordedAt: at(2), note: 'SECRET note 2' },
        { from: 'screening', to: 'rejected', by, at: at(3), recordedAt: at(3), note: 'SECRET note 3' },
      ],
      rejection: { atStage: 'screening', reason: 'SECRET reason', note: 'SECRET rejection note' },
      // She applied through the portal; staff moved her applications on since.
      createdBy: katherine.user.id,
      createdAt: at(1),
    };
    const offered: Application = {
      ...rejected,
      id: applicationId(secondJob.id, person.id),
      jobId: secondJob.id,
      stage: 'offer',
      stageHistory: [
        rejected.stageHistory[0]!,
        rejected.stageHistory[1]!,
        { from: 'screening', to: 'interview', by, at: at(4), recordedAt: at(4), note: 'SECRET note 4' },
        { from: 'interview', to: 'offer', by, at: at(5), recordedAt: at(5), note: 'SECRET note 5' },
      ],
      offer: { baseSalary: 987_654, currency: 'EUR', equity: 'SECRET equity', status: 'extended' },
    };
    delete offered.rejection;
    await seed(app, 'applications', rejected);
    await seed(app, 'applications', offered);
    const interview = testInterview(
      { applicationId: offered.id, jobId: secondJob.id, candidateId: person.id, interviewerIds: [by] },
      {
        status: 'completed',
        scorecards: [
          {
            interviewerId: by,
            rating: 4,
            recommendation: 'yes',
            notes: 'SECRET scorecard',
            submittedAt: at(4),
          },
        ],
      },
    );
    await seed(app, 'interviews', interview);

    const response = await myApplications(katherine);
    expect(response.statusCode).toBe(200);
    expectNoInternals(response.body);
    expect(response.body).not.toContain('987654');
    const { applications } = response.json<{
      applications: { jobTitle: string; stage: string; stageHistory: unknown[] }[];
    }>();
    expect(applications.map((application) => [application.jobTitle, application.stage]).sort()).toEqual([
      ['Data Analyst', 'offer'],
      ['Senior Backend Engineer', 'rejected'],
    ]);
    const rejectedView = applications.find((application) => application.stage === 'rejected');
    expect(rejectedView?.stageHistory).toEqual([
      { stage: 'applied', at: at(1) },
      { stage: 'screening', at: at(2) },
      { stage: 'rejected', at: at(3) },
    ]);
  });

  it('never shows what staff recorded for a candidate with the account’s email', async () => {
    const sourced = testCandidate({ email: 'sourced@example.org' });
    await seed(app, 'candidates', sourced);
    await seed(app, 'applications', {
      id: applicationId(openJob.id, sourced.id),
      updatedAt: Date.now(),
      jobId: openJob.id,
      candidateId: sourced.id,
      stage: 'applied',
      stageHistory: [
        {
          from: null,
          to: 'applied',
          by: recruiter.user.id,
          at: '2026-03-01T10:00:00.000Z',
          recordedAt: '2026-03-01T10:00:00.000Z',
        },
      ],
      source: 'linkedin',
      createdBy: recruiter.user.id,
      createdAt: '2026-03-01T10:00:00.000Z',
    } satisfies Application);
    // Sign-up does not verify the address, so this may not be the person the staff know.
    const impostor = await signUp(app, 'candidate', 'sourced@example.org');
    expect((await myApplications(impostor)).json()).toEqual({ applications: [] });
  });

  it('is empty for a new account and refused to staff', async () => {
    const newcomer = await signUp(app, 'candidate');
    expect((await myApplications(newcomer)).json()).toEqual({ applications: [] });
    expect((await myApplications(recruiter)).statusCode).toBe(403);
  });
});

describe('résumé with an application', () => {
  it('attaches a PDF to the candidate of one’s own application, and only one’s own', async () => {
    const ada = await signUp(app, 'candidate', 'ada.portal@example.org');
    const applied = (await apply(ada, secondJob.id)).json<{ id: string }>();
    const upload = (account: TestAccount, id: string, body: Buffer) =>
      app.inject({
        method: 'PUT',
        url: `/api/portal/applications/${id}/resume?fileName=ada.pdf`,
        headers: { ...account.headers, 'content-type': 'application/pdf' },
        payload: body,
      });
    const uploaded = await upload(ada, applied.id, samplePdf());
    expect(uploaded.statusCode).toBe(200);
    expect(uploaded.json()).toMatchObject({ fileName: 'ada.pdf', contentType: 'application/pdf' });
    // `<jobId>__<candidateId>`: a random account id (in the candidate id) may itself hold `__`.
    const candidateId = applied.id.slice(applied.id.indexOf('__') + 2);
    expect(((await app.store.get('candidates', candidateId)) as unknown as Candidate).resume?.fileName).toBe(
      'ada.pdf',
    );
    expect((await upload(ada, applied.id, samplePng())).statusCode).toBe(415);
    const mallory = await signUp(app, 'candidate');
    expect((await upload(mallory, applied.id, samplePdf())).statusCode).toBe(404);
  });

  it('leaves a record kept by the staff to the staff', async () => {
    const kept = testCandidate({ email: 'kept.by.staff@example.org' });
    await seed(app, 'candidates', kept);
    const account = await signUp(app, 'candidate', 'kept.by.staff@example.org');
    const applied = (await apply(account, secondJob.id)).json<{ id: string }>();
    const response = await app.inject({
      method: 'PUT',
      url: `/api/portal/applications/${applied.id}/resume?fileName=cv.pdf`,
      headers: { ...account.headers, 'content-type': 'application/pdf' },
      payload: samplePdf(),
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'profile_managed_by_staff' } });
    expect(((await app.store.get('candidates', kept.id)) as unknown as Candidate).resume).toBeUndefined();
  });
});

describe('careers page', () => {
  it('is served as plain HTML with its script', async () => {
    const page = await app.inject({ method: 'GET', url: '/careers/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('careers.js');
    const script = await app.inject({ method: 'GET', url: '/careers/careers.js' });
    expect(script.statusCode).toBe(200);
    expect(script.body).toContain('/api/portal');
    expect(script.body).toContain('/jobs`');
  });
});
