import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanced, applicationDoc, candidateDoc, jobDoc } from './support/fixtures';
import { create, edit, push, serverDoc } from './support/sync-client';
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

/** Strips what the server stamps, to compare what two laptops wrote. */
function content(doc: Record<string, unknown> | undefined): Record<string, unknown> {
  const { updatedAt: _updatedAt, _deleted: _flag, ...rest } = doc ?? {};
  return rest;
}

describe('merging duplicate candidates, judged by the server', () => {
  it('takes a merge in the rule’s order only, and the same merge again from a second laptop converges', async () => {
    const day = 86_400_000;
    const jobOne = jobDoc();
    const jobTwo = jobDoc();
    const older = candidateDoc({ createdAt: new Date(Date.now() - 30 * day).toISOString() });
    const newer = candidateDoc({ firstName: 'Robyn', createdAt: new Date(Date.now() - day).toISOString() });
    for (const job of [jobOne, jobTwo])
      expect((await create(app, manager, 'jobs', job)).rejections).toEqual([]);
    for (const doc of [older, newer])
      expect((await create(app, recruiter, 'candidates', doc)).rejections).toEqual([]);
    const apps = [
      applicationDoc(jobOne.id, older.id),
      applicationDoc(jobOne.id, newer.id),
      applicationDoc(jobTwo.id, newer.id),
    ];
    for (const doc of apps)
      expect((await create(app, recruiter, 'applications', doc)).rejections).toEqual([]);
    const before = {
      newer: await serverDoc(app, recruiter, 'candidates', newer.id),
      collapsing: await serverDoc(app, recruiter, 'applications', apps[1]!.id),
      moving: await serverDoc(app, recruiter, 'applications', apps[2]!.id),
    };
    const at = new Date(Date.now() - 60_000).toISOString();

    const wrongWay = await edit(app, recruiter, 'candidates', older.id, (doc) => ({
      ...doc,
      mergedInto: newer.id,
      mergedAt: at,
    }));
    expect(wrongWay.rejections[0]?.code).toBe('merge_invalid');
    const rekeyed = {
      ...content(before.moving),
      id: `${jobTwo.id}__${older.id}`,
      candidateId: older.id,
      mergedFrom: apps[2]!.id,
      updatedAt: 0,
    };
    const early = await create(app, recruiter, 'applications', rekeyed);
    expect(early.rejections[0]?.code).toBe('merge_invalid');

    const merge = await edit(app, recruiter, 'candidates', newer.id, (doc) => ({
      ...doc,
      mergedInto: older.id,
      mergedAt: at,
    }));
    expect(merge.rejections).toEqual([]);

    const altered = await create(app, recruiter, 'applications', { ...rekeyed, stage: 'screening' });
    expect(altered.rejections[0]?.code).toBe('merge_invalid');
    const marks = [
      { assumedMasterState: null, newDocumentState: { ...rekeyed, _deleted: false } },
      {
        assumedMasterState: before.collapsing,
        newDocumentState: { ...before.collapsing!, mergedInto: apps[0]!.id },
      },
      { assumedMasterState: before.moving, newDocumentState: { ...before.moving!, mergedInto: rekeyed.id } },
    ];
    expect((await push(app, recruiter, 'applications', marks)).rejections).toEqual([]);
    expect(content(await serverDoc(app, recruiter, 'applications', rekeyed.id))).toMatchObject({
      candidateId: older.id,
      mergedFrom: apps[2]!.id,
      stage: 'applied',
    });

    // A second laptop made the same merge offline, from the same versions: every row is a conflict
    // whose server version is what that laptop wrote.
    const second = await push(app, manager, 'candidates', [
      {
        assumedMasterState: before.newer,
        newDocumentState: { ...before.newer!, mergedInto: older.id, mergedAt: at },
      },
    ]);
    expect(second.rejections).toEqual([]);
    expect(content(second.conflicts[0])).toEqual(
      content({ ...before.newer!, mergedInto: older.id, mergedAt: at }),
    );
    const secondApps = await push(app, manager, 'applications', marks);
    expect(secondApps.rejections).toEqual([]);
    expect(secondApps.conflicts.map(content)).toEqual(marks.map((row) => content(row.newDocumentState)));

    const frozen = await edit(app, recruiter, 'candidates', newer.id, (doc) => ({ ...doc, phone: '+49 1' }));
    expect(frozen.rejections[0]?.code).toBe('candidate_merged');
    const frozenApp = await edit(app, recruiter, 'applications', apps[2]!.id, (doc) =>
      advanced(doc, 'screening'),
    );
    expect(frozenApp.rejections[0]?.code).toBe('application_merged');
  });
});
