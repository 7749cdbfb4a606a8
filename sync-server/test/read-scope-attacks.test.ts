import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interviewerScope, type InterviewAssignment } from '#shared/domain/decide/read-rules';
import type { CollectionName } from '#shared/domain/collections';
import { neutralTombstone } from '#shared/sync/removal';
import { scopedIds } from '../services/interviewer-scope';
import { applicationDoc, candidateDoc, interviewDoc, jobDoc } from './support/fixtures';
import { create, edit, pull, pullAll, type Doc } from './support/sync-client';
import {
  bearer,
  buildDemoApp,
  buildTestApp,
  login,
  startTestStore,
  type Session,
  type TestStore,
} from './support/test-server';

let testStore: TestStore;
let app: FastifyInstance;
let recruiter: Session;
let first: Session;
let second: Session;

const SCOPED: CollectionName[] = ['interviews', 'applications', 'jobs', 'candidates'];

beforeAll(async () => {
  testStore = await startTestStore();
  ({ app } = await buildDemoApp(testStore));
  recruiter = await login(app, 'recruiter1@example.com');
  first = await login(app, 'interviewer1@example.com');
  second = await login(app, 'interviewer2@example.com');
});

afterAll(async () => {
  await app.close();
  await testStore.stop();
});

/** What `session`'s user may read of `collection` now, computed from every interview (as a recruiter sees them). */
async function readable(session: Session, collection: CollectionName): Promise<ReadonlySet<string>> {
  const { documents } = await pullAll(app, recruiter, 'interviews', null, 500);
  const assignments = documents.filter((doc) => !doc._deleted) as unknown as InterviewAssignment[];
  return scopedIds(interviewerScope(session.user.id, assignments), collection) ?? new Set();
}

/** Pulls with a raw checkpoint text (as an attacker would send it), then on to the end. */
async function pullFrom(session: Session, collection: CollectionName, raw: string): Promise<Doc[]> {
  const response = await app.inject({
    method: 'GET',
    url: `/api/sync/${collection}/pull?limit=100&checkpoint=${encodeURIComponent(raw)}`,
    headers: bearer(session),
  });
  expect(response.statusCode, `${collection} ${raw}: ${response.body}`).toBe(200);
  const page = response.json<{ documents: Doc[]; checkpoint: Record<string, unknown> }>();
  const rest =
    page.documents.length < 100 ? [] : (await pullAll(app, session, collection, page.checkpoint)).documents;
  return [...page.documents, ...rest];
}

/** Asserts that `documents` hold nothing outside what the reader may read, and no removals at all. */
function expectWithinScope(documents: readonly Doc[], allowed: ReadonlySet<string>, label: string): void {
  for (const doc of documents) {
    expect(allowed.has(doc.id), `${label}: ${doc.id} is outside the reader's scope`).toBe(true);
    expect(doc._deleted, `${label}: ${doc.id} came as a removal`).toBe(false);
  }
}

describe('an interviewer cannot widen their read scope with a crafted checkpoint', () => {
  const crafted = (seq: string) => [
    JSON.stringify({ seq }),
    JSON.stringify({ seq, scope: 'made-up-scope' }),
    JSON.stringify({ seq, purge: true }),
    JSON.stringify({ v: 1, seq, r: 'full', t: Date.now(), sig: 'forged' }),
    JSON.stringify({ v: 1, seq, r: 'interviewer', s: 'x'.repeat(32), t: 0, sig: 'A'.repeat(43) }),
    JSON.stringify([seq]),
    JSON.stringify('0'),
    '42',
  ];

  it.each(SCOPED)(
    '%s: made-up, forged and garbage checkpoints restart within the scope',
    async (collection) => {
      const allowed = await readable(first, collection);
      for (const raw of [...crafted('0'), ...crafted('garbage'), ...crafted('1-g1AAAAB')]) {
        const documents = await pullFrom(first, collection, raw);
        expectWithinScope(documents, allowed, raw);
        // Restarting means getting the whole slice again, not nothing.
        expect(new Set(documents.map((doc) => doc.id)), raw).toEqual(allowed);
      }
    },
  );

  it.each(SCOPED)(
    '%s: another reader’s checkpoint, or an altered own one, restarts within the scope',
    async (collection) => {
      const allowed = await readable(first, collection);
      const others = [
        (await pull(app, recruiter, collection, null, 1)).checkpoint,
        (await pullAll(app, recruiter, collection)).checkpoint,
        (await pullAll(app, second, collection)).checkpoint,
      ];
      const own = (await pullAll(app, first, collection)).checkpoint ?? {};
      const altered = [
        { ...own, r: 'full' },
        { ...own, seq: '0' },
        { ...own, s: (others[2] ?? {})['s'] },
        { ...own, t: 0 },
      ];
      for (const checkpoint of [...others, ...altered]) {
        const raw = JSON.stringify(checkpoint);
        expectWithinScope(await pullFrom(first, collection, raw), allowed, raw);
      }
    },
  );

  it('a checkpoint of a pull from another collection restarts, never names that collection’s documents', async () => {
    const jobsCheckpoint = (await pullAll(app, first, 'jobs')).checkpoint;
    const allowed = await readable(first, 'candidates');
    expectWithinScope(
      await pullFrom(first, 'candidates', JSON.stringify(jobsCheckpoint)),
      allowed,
      'jobs→candidates',
    );
  });

  it('a checkpoint another store issued (same secret) restarts the pull', async () => {
    const other = await buildTestApp(testStore);
    try {
      const { loadDemoIfEmpty } = await import('../demo/load-demo');
      await loadDemoIfEmpty(other.store, Date.now());
      const elsewhere = await login(other, 'recruiter1@example.com');
      const { checkpoint } = await pullAll(other, elsewhere, 'applications');
      const documents = await pullFrom(recruiter, 'applications', JSON.stringify(checkpoint));
      // A full reader restarting gets everything again (the foreign checkpoint said "up to date").
      expect(documents.length).toBeGreaterThanOrEqual(22);
    } finally {
      await other.close();
    }
  });
});

describe('removals never carry or name what the reader may not read', () => {
  it('a removal after unassignment is neutral', async () => {
    const job = jobDoc();
    await create(app, recruiter, 'jobs', { ...job, status: 'draft' });
    await edit(app, await login(app, 'hr.manager@example.com'), 'jobs', job.id, (doc) => ({
      ...doc,
      status: 'open',
    }));
    const candidate = candidateDoc({ notes: 'Private recruiter notes', phone: '+1 555 0100' });
    await create(app, recruiter, 'candidates', candidate);
    const application = applicationDoc(job.id, candidate.id);
    await create(app, recruiter, 'applications', application);
    const interview = interviewDoc(application, [first.user.id], {
      meetingUrl: 'https://meet.example/secret',
    });
    await create(app, recruiter, 'interviews', interview);
    const checkpoints = new Map<CollectionName, Record<string, unknown> | null>();
    for (const collection of SCOPED)
      checkpoints.set(collection, (await pullAll(app, first, collection)).checkpoint);
    await edit(app, recruiter, 'interviews', interview.id, (doc) => ({
      ...doc,
      interviewerIds: [second.user.id],
    }));
    for (const collection of SCOPED) {
      const { documents } = await pullAll(app, first, collection, checkpoints.get(collection) ?? null);
      const removals = documents.filter((doc) => doc._deleted);
      expect(removals.length, collection).toBeGreaterThan(0);
      for (const removal of removals) {
        const { updatedAt: _u, ...content } = removal;
        const { updatedAt: _n, ...neutral } = neutralTombstone(collection, removal.id, 0);
        expect(content, collection).toEqual(neutral);
      }
    }
  });

  it('a demoted reader is not told the ids of documents created after their last pull as a full reader', async () => {
    const admin = await login(app, 'admin@example.com');
    const created = await app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: bearer(admin),
      payload: {
        email: 'later.demoted@example.com',
        name: 'Later Demoted',
        role: 'recruiter',
        password: 'Password123!',
      },
    });
    const userId = created.json<{ id: string }>().id;
    const session = await login(app, 'later.demoted@example.com');
    const { checkpoint } = await pullAll(app, session, 'candidates');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const later = candidateDoc();
    await create(app, recruiter, 'candidates', later);
    await app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${userId}`,
      headers: bearer(admin),
      payload: { role: 'interviewer' },
    });
    const { documents } = await pullAll(app, session, 'candidates', checkpoint);
    expect(documents.length).toBeGreaterThan(0);
    expect(documents.map((doc) => doc.id)).not.toContain(later.id);
    for (const doc of documents) expect(doc._deleted).toBe(true);
  });
});
