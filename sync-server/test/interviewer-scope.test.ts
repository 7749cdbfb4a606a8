import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionName } from '#shared/domain/collections';
import { advanced, applicationDoc, candidateDoc, interviewDoc, jobDoc, scorecard } from './support/fixtures';
import { create, edit, pull, pullAll, push, serverDoc, type Doc } from './support/sync-client';
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
let manager: Session;
let recruiter: Session;
let first: Session;
let second: Session;

const SCOPED: CollectionName[] = ['interviews', 'applications', 'jobs', 'candidates'];

beforeAll(async () => {
  testStore = await startTestStore();
  ({ app } = await buildDemoApp(testStore));
  manager = await login(app, 'hr.manager@example.com');
  recruiter = await login(app, 'recruiter1@example.com');
  first = await login(app, 'interviewer1@example.com');
  second = await login(app, 'interviewer2@example.com');
});

afterAll(async () => {
  await app.close();
  await testStore.stop();
});

/** A laptop's replication state: what it holds and its checkpoints. */
class Laptop {
  readonly docs = new Map<string, Map<string, Doc>>();
  private readonly checkpoints = new Map<string, Record<string, unknown> | null>();
  constructor(private readonly session: Session) {}

  async sync(limit = 100): Promise<void> {
    for (const collection of SCOPED) {
      const result = await pullAll(
        app,
        this.session,
        collection,
        this.checkpoints.get(collection) ?? null,
        limit,
      );
      this.checkpoints.set(collection, result.checkpoint);
      const held = this.docs.get(collection) ?? new Map<string, Doc>();
      for (const doc of result.documents) {
        if (doc._deleted) held.delete(doc.id);
        else held.set(doc.id, doc);
      }
      this.docs.set(collection, held);
    }
  }

  has(collection: CollectionName, id: string): boolean {
    return this.docs.get(collection)?.has(id) ?? false;
  }

  get(collection: CollectionName, id: string): Doc | undefined {
    return this.docs.get(collection)?.get(id);
  }
}

/** A job, candidate and application at `stage`, made by the recruiter and hiring manager. */
async function applicationAt(stage: 'applied' | 'interview' | 'offer'): Promise<Doc> {
  const job = jobDoc();
  await create(app, manager, 'jobs', job);
  const candidate = candidateDoc();
  await create(app, recruiter, 'candidates', candidate);
  const application = applicationDoc(job.id, candidate.id);
  await create(app, recruiter, 'applications', application);
  const path =
    stage === 'applied'
      ? []
      : stage === 'interview'
        ? ['screening', 'interview']
        : ['screening', 'interview', 'offer'];
  for (const to of path) {
    const extra = to === 'offer' ? { offer: { baseSalary: 90_000, currency: 'EUR', status: 'draft' } } : {};
    const result = await edit(app, recruiter, 'applications', application.id, (doc) =>
      advanced(doc, to, extra),
    );
    expect(result.rejections).toEqual([]);
  }
  return (await serverDoc(app, recruiter, 'applications', application.id)) as Doc;
}

describe('interviewer read scope', () => {
  it('brings the documents of a new assignment on the next pull, even older than the checkpoint, and removes them on unassignment', async () => {
    const application = await applicationAt('offer');
    const laptop = new Laptop(first);
    await laptop.sync();
    expect(laptop.has('applications', application.id)).toBe(false);

    const interview = interviewDoc(application, [first.user.id]);
    expect((await create(app, recruiter, 'interviews', interview)).rejections).toEqual([]);
    await laptop.sync();
    expect(laptop.has('interviews', interview.id)).toBe(true);
    expect(laptop.has('applications', application.id)).toBe(true);
    expect(laptop.has('jobs', String(application['jobId']))).toBe(true);
    expect(laptop.has('candidates', String(application['candidateId']))).toBe(true);
    expect(laptop.get('applications', application.id)).not.toHaveProperty('offer');

    const reassigned = await edit(app, recruiter, 'interviews', interview.id, (doc) => ({
      ...doc,
      interviewerIds: [second.user.id],
    }));
    expect(reassigned.rejections).toEqual([]);
    await laptop.sync();
    expect(laptop.has('interviews', interview.id)).toBe(false);
    expect(laptop.has('applications', application.id)).toBe(false);
    expect(laptop.has('jobs', String(application['jobId']))).toBe(false);
    expect(laptop.has('candidates', String(application['candidateId']))).toBe(false);
  });

  it('catches up a scope change larger than one batch', async () => {
    const laptop = new Laptop(first);
    await laptop.sync(1);
    const interviews: Doc[] = [];
    for (let index = 0; index < 3; index += 1) {
      const application = await applicationAt('interview');
      const interview = interviewDoc(application, [first.user.id]);
      await create(app, recruiter, 'interviews', interview);
      interviews.push(interview);
    }
    await laptop.sync(1);
    for (const interview of interviews) {
      expect(laptop.has('interviews', interview.id)).toBe(true);
      expect(laptop.has('applications', String(interview['applicationId']))).toBe(true);
    }
  });

  it('never sends documents outside the scope, and refuses writes to them', async () => {
    const application = await applicationAt('applied');
    const { documents } = await pullAll(app, first, 'applications');
    expect(documents.some((doc) => doc.id === application.id)).toBe(false);
    const write = await push(app, first, 'applications', [
      { assumedMasterState: application, newDocumentState: application },
    ]);
    expect(write.rejections[0]?.code).toBe('forbidden_role');
    expect(write.conflicts[0]).toMatchObject({ id: application.id, _deleted: true });
  });
});

describe('role changes', () => {
  it('clears a demoted recruiter’s laptop down to the interviewer slice, then follows assignments', async () => {
    const admin = await login(app, 'admin@example.com');
    const created = await app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: bearer(admin),
      payload: {
        email: 'demoted@example.com',
        name: 'Soon Demoted',
        role: 'recruiter',
        password: 'Password123!',
      },
    });
    const userId = created.json<{ id: string }>().id;
    const session = await login(app, 'demoted@example.com');
    const laptop = new Laptop(session);
    await laptop.sync(5);
    expect(laptop.docs.get('candidates')?.size).toBeGreaterThan(5);
    expect(laptop.docs.get('applications')?.size).toBeGreaterThan(5);

    await app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${userId}`,
      headers: bearer(admin),
      payload: { role: 'interviewer' },
    });
    await laptop.sync(5);
    for (const collection of SCOPED) expect(laptop.docs.get(collection)?.size, collection).toBe(0);

    const application = await applicationAt('interview');
    const interview = interviewDoc(application, [userId]);
    await create(app, recruiter, 'interviews', interview);
    await laptop.sync(5);
    expect(laptop.has('interviews', interview.id)).toBe(true);
    expect(laptop.has('candidates', String(application['candidateId']))).toBe(true);
    expect(laptop.docs.get('candidates')?.size).toBe(1);
  });

  it('sends removal tombstones that carry nothing of the document they remove', async () => {
    const application = await applicationAt('interview');
    const interview = interviewDoc(application, [first.user.id]);
    await create(app, recruiter, 'interviews', interview);
    const { checkpoint } = await pullAll(app, first, 'candidates');
    await edit(app, recruiter, 'interviews', interview.id, (doc) => ({
      ...doc,
      interviewerIds: [second.user.id],
    }));
    const { documents } = await pullAll(app, first, 'candidates', checkpoint);
    const tombstone = documents.find((doc) => doc.id === application['candidateId']);
    expect(tombstone).toMatchObject({ _deleted: true, id: application['candidateId'] });
    expect(tombstone).not.toHaveProperty('notes');
    expect(tombstone).not.toHaveProperty('phone');
    expect(JSON.stringify(tombstone)).not.toMatch(/Robin|Fischer|example\.org|Go/);
  });
});

describe('scorecards', () => {
  it('withholds other scorecards until one’s own is submitted, and refuses cards in another name', async () => {
    const application = await applicationAt('interview');
    const interview = interviewDoc(application, [first.user.id, second.user.id]);
    await create(app, recruiter, 'interviews', interview);

    const bySecond = await edit(app, second, 'interviews', interview.id, (doc) => ({
      ...doc,
      scorecards: [scorecard(second.user.id, 2)],
    }));
    expect(bySecond.rejections).toEqual([]);

    const seenByFirst = await serverDoc(app, first, 'interviews', interview.id);
    expect(seenByFirst?.['scorecards']).toEqual([]);

    const own = await edit(app, first, 'interviews', interview.id, (doc) => ({
      ...doc,
      scorecards: [scorecard(first.user.id, 4)],
    }));
    expect(own).toMatchObject({ conflicts: [], rejections: [] });
    const afterOwn = await serverDoc(app, first, 'interviews', interview.id);
    const cards = afterOwn?.['scorecards'] as { interviewerId: string; rating: number }[];
    expect(cards.map((card) => [card.interviewerId, card.rating]).sort()).toEqual(
      [
        [first.user.id, 4],
        [second.user.id, 2],
      ].sort(),
    );

    const forged = await edit(app, first, 'interviews', interview.id, (doc) => ({
      ...doc,
      scorecards: (doc['scorecards'] as { interviewerId: string }[]).map((card) =>
        card.interviewerId === second.user.id ? scorecard(second.user.id, 5) : card,
      ),
    }));
    expect(forged.rejections[0]?.code).toBe('not_own_scorecard');
    expect(forged.conflicts[0]?.['scorecards']).toContainEqual(
      expect.objectContaining({ interviewerId: second.user.id, rating: 2 }),
    );

    const reschedule = await edit(app, first, 'interviews', interview.id, (doc) => ({
      ...doc,
      durationMinutes: 90,
    }));
    expect(reschedule.rejections[0]?.code).toBe('forbidden_role');
  });

  it('refuses a scorecard by an interviewer who is not assigned', async () => {
    const application = await applicationAt('interview');
    const interview = interviewDoc(application, [second.user.id]);
    await create(app, recruiter, 'interviews', interview);
    const byRecruiter = await edit(app, recruiter, 'interviews', interview.id, (doc) => ({
      ...doc,
      scorecards: [scorecard(recruiter.user.id)],
    }));
    expect(byRecruiter.rejections[0]?.code).toBe('not_assigned');
  });

  it('refuses an interview with an unknown interviewer', async () => {
    const application = await applicationAt('interview');
    const result = await create(app, recruiter, 'interviews', interviewDoc(application, ['nobody-here']));
    expect(result.rejections[0]?.code).toBe('unknown_interviewer');
  });
});

describe('redaction on pull', () => {
  it('gives interviewers applications without the offer, and full readers with it', async () => {
    const application = await applicationAt('offer');
    await create(app, recruiter, 'interviews', interviewDoc(application, [first.user.id]));
    const first_ = await pull(app, first, 'applications', null, 500);
    const mine = first_.documents.find((doc) => doc.id === application.id);
    expect(mine).toBeDefined();
    expect(mine).not.toHaveProperty('offer');
    const full = await serverDoc(app, recruiter, 'applications', application.id);
    expect(full?.['offer']).toMatchObject({ baseSalary: 90_000 });
  });
});
