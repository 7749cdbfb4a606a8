import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationId } from '#shared/domain/application/application-schema';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import { eraseResumeFiles, MAX_RESUME_BYTES } from '../../services/resume-service';
import { sampleDocx, samplePdf, samplePng } from '../../test/support/sample-files';
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
const accounts: Record<string, TestAccount> = {};
const candidate = testCandidate();
const otherCandidate = testCandidate();

beforeAll(async () => {
  store = await startTestStore();
  app = await buildTestApp(store);
  for (const role of ['admin', 'hiring_manager', 'recruiter', 'interviewer', 'candidate'] as const) {
    accounts[role] = await signUp(app, role);
  }
  accounts['otherInterviewer'] = await signUp(app, 'interviewer');
  const job = testJob();
  await seed(app, 'jobs', job);
  await seed(app, 'candidates', candidate);
  await seed(app, 'candidates', otherCandidate);
  await seed(
    app,
    'interviews',
    testInterview({
      applicationId: applicationId(job.id, candidate.id),
      jobId: job.id,
      candidateId: candidate.id,
      interviewerIds: [account('interviewer').user.id],
    }),
  );
});

afterAll(async () => {
  await app.close();
  await store.stop();
});

function account(name: string): TestAccount {
  const found = accounts[name];
  if (!found) throw new Error(`no account ${name}`);
  return found;
}

function upload(candidateId: string, body: Buffer, who = 'recruiter', query = '') {
  return app.inject({
    method: 'PUT',
    url: `/api/files/candidates/${candidateId}/resume${query}`,
    headers: { ...account(who).headers, 'content-type': 'application/octet-stream' },
    payload: body,
  });
}

function download(candidateId: string, who: string) {
  return app.inject({
    method: 'GET',
    url: `/api/files/candidates/${candidateId}/resume`,
    headers: account(who).headers,
  });
}

async function storedCandidate(id: string): Promise<Candidate> {
  return (await app.store.get('candidates', id)) as unknown as Candidate;
}

describe('PUT /api/files/candidates/:id/resume', () => {
  it('stores a PDF, sets the reference on the candidate and bumps updatedAt', async () => {
    const before = await storedCandidate(candidate.id);
    const pdf = samplePdf();
    const response = await upload(candidate.id, pdf, 'recruiter', '?fileName=Ada%20CV.pdf');
    expect(response.statusCode).toBe(200);
    const expected = {
      fileName: 'Ada CV.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    };
    expect(response.json()).toMatchObject(expected);
    const after = await storedCandidate(candidate.id);
    expect(after.resume).toMatchObject(expected);
    expect(after.updatedAt).toBeGreaterThan(before.updatedAt);
  });

  it('accepts a DOCX judged by content, whatever the Content-Type says', async () => {
    const response = await app.inject({
      method: 'PUT',
      url: `/api/files/candidates/${otherCandidate.id}/resume?fileName=cv`,
      headers: { ...account('admin').headers, 'content-type': 'application/json' },
      payload: sampleDocx(),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      fileName: 'cv.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
  });

  it('refuses other types by content with 415, even when labelled as PDF', async () => {
    for (const body of [samplePng(), Buffer.from('just some text, not a PDF')]) {
      const response = await app.inject({
        method: 'PUT',
        url: `/api/files/candidates/${candidate.id}/resume?fileName=cv.pdf`,
        headers: { ...account('recruiter').headers, 'content-type': 'application/pdf' },
        payload: body,
      });
      expect(response.statusCode).toBe(415);
      expect(response.json()).toMatchObject({ error: { code: 'unsupported_file_type' } });
    }
  });

  it('refuses more than 10 MB with 413 and an empty body with 400', async () => {
    const tooBig = Buffer.concat([samplePdf(), Buffer.alloc(MAX_RESUME_BYTES)]);
    const big = await upload(candidate.id, tooBig);
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    const empty = await upload(candidate.id, Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
  });

  it('lets only roles that may edit candidates upload', async () => {
    expect((await upload(candidate.id, samplePdf(), 'hiring_manager')).statusCode).toBe(200);
    expect((await upload(candidate.id, samplePdf(), 'interviewer')).statusCode).toBe(403);
    expect((await upload(candidate.id, samplePdf(), 'candidate')).statusCode).toBe(403);
    const anonymous = await app.inject({
      method: 'PUT',
      url: `/api/files/candidates/${candidate.id}/resume`,
      payload: samplePdf(),
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers 404 for an unknown candidate and 400 for a malformed id', async () => {
    expect((await upload('no-such-candidate', samplePdf())).statusCode).toBe(404);
    expect((await upload('bad%20id!', samplePdf())).statusCode).toBe(400);
  });
});

describe('GET /api/files/candidates/:id/resume', () => {
  it('streams the current file with its type and file name', async () => {
    const pdf = samplePdf('latest version');
    expect((await upload(candidate.id, pdf, 'recruiter', '?fileName=Lovelace%20%C3%A9.pdf')).statusCode).toBe(
      200,
    );
    const response = await download(candidate.id, 'recruiter');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="Lovelace _.pdf"; filename*=UTF-8''Lovelace%20%C3%A9.pdf`,
    );
    expect(response.rawPayload.equals(pdf)).toBe(true);
  });

  it('follows the candidate read rules: full-read staff and the assigned interviewer only', async () => {
    for (const who of ['admin', 'hiring_manager', 'recruiter', 'interviewer']) {
      expect((await download(candidate.id, who)).statusCode, who).toBe(200);
    }
    expect((await download(candidate.id, 'otherInterviewer')).statusCode).toBe(404);
    expect((await download(otherCandidate.id, 'interviewer')).statusCode).toBe(404);
    expect((await download(candidate.id, 'candidate')).statusCode).toBe(403);
    const anonymous = await app.inject({
      method: 'GET',
      url: `/api/files/candidates/${candidate.id}/resume`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('keeps only the current file, and an unassigned interviewer loses access at once', async () => {
    const files = app.store.server.use(`${app.store.prefix}files`);
    const stored = await files.get(`candidate-${candidate.id}`);
    expect(Object.keys(stored['_attachments'] as Record<string, unknown>)).toHaveLength(1);

    const person = testCandidate();
    await seed(app, 'candidates', person);
    expect((await upload(person.id, samplePdf())).statusCode).toBe(200);
    const interview = testInterview({
      applicationId: applicationId('job-x', person.id),
      jobId: 'job-x',
      candidateId: person.id,
      interviewerIds: [account('otherInterviewer').user.id],
    });
    await seed(app, 'interviews', interview);
    expect((await download(person.id, 'otherInterviewer')).statusCode).toBe(200);
    const current = await app.store.get('interviews', interview.id);
    await app.store.put('interviews', {
      ...current!,
      interviewerIds: [account('interviewer').user.id],
      updatedAt: Date.now(),
    });
    expect((await download(person.id, 'otherInterviewer')).statusCode).toBe(404);
    expect((await download(person.id, 'interviewer')).statusCode).toBe(200);
  });

  it('answers 404 when there is no résumé, or once it was erased', async () => {
    const bare = testCandidate();
    await seed(app, 'candidates', bare);
    expect((await download(bare.id, 'recruiter')).statusCode).toBe(404);
    await eraseResumeFiles(app.store, otherCandidate.id);
    const erased = await download(otherCandidate.id, 'recruiter');
    expect(erased.statusCode).toBe(404);
    expect(erased.json()).toMatchObject({ error: { code: 'no_resume' } });
  });
});
