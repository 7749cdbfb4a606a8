import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanced, applicationDoc, candidateDoc, jobDoc } from './support/fixtures';
import { create, edit, serverDoc } from './support/sync-client';
import { buildDemoApp, login, startTestStore, type Session, type TestStore } from './support/test-server';

let testStore: TestStore;
let app: FastifyInstance;
let manager: Session;
let recruiter: Session;

beforeAll(async () => {
  testStore = await startTestStore();
  ({ app } = await buildDemoApp(testStore));
  manager = await login(app, 'hr.manager@example.com');
  recruiter = await login(app, 'recruiter1@example.com');
});

afterAll(async () => {
  await app.close();
  await testStore.stop();
});

/** An open job and an application of a new candidate walked to `offer` with an extended offer. */
async function atOffer(): Promise<{ applicationId: string; jobId: string }> {
  const job = jobDoc();
  const candidate = candidateDoc();
  expect((await create(app, manager, 'jobs', job)).rejections).toEqual([]);
  expect((await create(app, recruiter, 'candidates', candidate)).rejections).toEqual([]);
  const application = applicationDoc(job.id, candidate.id);
  expect((await create(app, recruiter, 'applications', application)).rejections).toEqual([]);
  for (const to of ['screening', 'interview', 'offer']) {
    const moved = await edit(app, recruiter, 'applications', application.id, (doc) => advanced(doc, to));
    expect(moved.rejections).toEqual([]);
  }
  const offered = await edit(app, recruiter, 'applications', application.id, (doc) => ({
    ...doc,
    offer: { baseSalary: 90_000, currency: 'EUR', status: 'extended' },
  }));
  expect(offered.rejections).toEqual([]);
  return { applicationId: application.id, jobId: job.id };
}

describe('hiring needs an accepted offer (SPEC §3 as amended)', () => {
  it('refuses a hire while the offer is extended, and sends back the server version', async () => {
    const { applicationId } = await atOffer();
    const result = await edit(app, manager, 'applications', applicationId, (doc) => advanced(doc, 'hired'));
    expect(result.rejections[0]?.code).toBe('offer_not_accepted');
    expect(result.conflicts[0]).toMatchObject({ id: applicationId, stage: 'offer' });
    expect(await serverDoc(app, manager, 'applications', applicationId)).toMatchObject({ stage: 'offer' });
  });

  it('accepts the hire once the candidate accepted the offer', async () => {
    const { applicationId } = await atOffer();
    const accepted = await edit(app, recruiter, 'applications', applicationId, (doc) => ({
      ...doc,
      offer: { ...(doc['offer'] as object), status: 'accepted' },
    }));
    expect(accepted.rejections).toEqual([]);
    const hired = await edit(app, manager, 'applications', applicationId, (doc) => advanced(doc, 'hired'));
    expect(hired.rejections).toEqual([]);
    expect(await serverDoc(app, manager, 'applications', applicationId)).toMatchObject({ stage: 'hired' });
  });
});
