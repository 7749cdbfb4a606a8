import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InterviewPlan } from '#shared/domain/job/interview-plan-schema';
import { applicationDoc, candidateDoc, interviewDoc, jobDoc, uniqueId } from './support/fixtures';
import { create, edit, push, serverDoc, type Doc } from './support/sync-client';
import { buildDemoApp, login, startTestStore, type Session, type TestStore } from './support/test-server';

let testStore: TestStore;
let app: FastifyInstance;
let manager: Session;
let recruiter: Session;
let first: Session;
let second: Session;

const plan: InterviewPlan = {
  attributes: [
    { id: 'design', name: 'System design' },
    { id: 'coding', name: 'Coding' },
    { id: 'ownership', name: 'Ownership' },
  ],
  stages: [
    {
      id: 'technical',
      name: 'Technical round',
      kits: [
        {
          id: 'kit-technical',
          name: 'Technical interview',
          type: 'technical',
          durationMinutes: 90,
          purpose: 'Design and code.',
          questions: ['Design a booking API that survives retries.'],
          focusAttributeIds: ['design', 'coding'],
        },
      ],
    },
    {
      id: 'final',
      name: 'Final round',
      kits: [
        {
          id: 'kit-manager',
          name: 'Hiring manager interview',
          type: 'hiring_manager',
          durationMinutes: 60,
          purpose: 'Ownership.',
          questions: [],
          focusAttributeIds: ['ownership'],
        },
      ],
    },
  ],
};

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

const card = (interviewerId: string, ratings: unknown[], notes = 'Assessed against the kit.') => ({
  interviewerId,
  rating: 4,
  recommendation: 'yes',
  notes,
  attributeRatings: ratings,
  submittedAt: new Date(Date.now() - 60_000).toISOString(),
});

/** A planned job, an application to it and an interview following its technical kit with both interviewers. */
async function kitInterview(): Promise<{ job: Doc; interview: Doc }> {
  const job = jobDoc({ interviewPlan: plan });
  const candidate = candidateDoc();
  const application = applicationDoc(job.id, candidate.id);
  expect((await create(app, manager, 'jobs', job)).rejections).toEqual([]);
  for (const [collection, doc] of [
    ['candidates', candidate],
    ['applications', application],
  ] as const) {
    expect((await create(app, recruiter, collection, doc)).rejections, collection).toEqual([]);
  }
  const interview = interviewDoc(application, [first.user.id, second.user.id], {
    kitId: 'kit-technical',
    scheduledAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
  });
  expect((await create(app, recruiter, 'interviews', interview)).rejections).toEqual([]);
  return { job, interview };
}

async function stored(id: string): Promise<Doc | undefined> {
  return serverDoc(app, recruiter, 'interviews', id);
}

describe('plans and kits reach the store only when they hold together', () => {
  it('refuses a plan whose kit focuses on an attribute the plan lacks, and stores nothing', async () => {
    const broken = structuredClone(plan);
    broken.stages[0]!.kits[0]!.focusAttributeIds.push('charisma');
    const job = jobDoc({ interviewPlan: broken });
    const result = await create(app, manager, 'jobs', job);
    expect(result.rejections).toMatchObject([{ id: job.id, code: 'validation_failed' }]);
    expect(await serverDoc(app, recruiter, 'jobs', job.id)).toBeUndefined();
  });

  it('refuses an interview following a kit its job’s plan does not have', async () => {
    const { interview } = await kitInterview();
    const invented = { ...interview, id: uniqueId('int'), kitId: 'kit-invented' };
    expect((await create(app, recruiter, 'interviews', invented)).rejections).toMatchObject([
      { code: 'unknown_kit' },
    ]);
    expect(await stored(invented.id)).toBeUndefined();
  });
});

describe('attribute ratings pushed by interviewers', () => {
  it('stores an interviewer’s own ratings of the kit’s attributes', async () => {
    const { interview } = await kitInterview();
    const ratings = [
      { attributeId: 'design', rating: 5, note: 'Idempotency keys before any box.' },
      { attributeId: 'coding', rating: 4 },
    ];
    const result = await edit(app, first, 'interviews', interview.id, (doc) => ({
      ...doc,
      scorecards: [card(first.user.id, ratings)],
    }));
    expect(result.rejections).toEqual([]);
    const server = await stored(interview.id);
    expect(server?.['scorecards']).toMatchObject([
      { interviewerId: first.user.id, attributeRatings: ratings },
    ]);
    expect(server).not.toHaveProperty('withheldScorecardAuthors');
  });

  it('withholds them from a colleague who has not submitted, saying only whose they are', async () => {
    const { interview } = await kitInterview();
    const secret = 'Hand-wavy on schema evolution';
    await edit(app, first, 'interviews', interview.id, (doc) => ({
      ...doc,
      scorecards: [card(first.user.id, [{ attributeId: 'design', rating: 2, note: secret }], secret)],
    }));
    const seen = await serverDoc(app, second, 'interviews', interview.id);
    expect(seen?.['scorecards']).toEqual([]);
    expect(seen?.['withheldScorecardAuthors']).toEqual([first.user.id]);
    expect(JSON.stringify(seen)).not.toContain(secret);

    // Submitting from that copy keeps the colleague's scorecard and stores no note of the withholding.
    const result = await edit(app, second, 'interviews', interview.id, (doc) => ({
      ...doc,
      scorecards: [card(second.user.id, [{ attributeId: 'coding', rating: 3 }])],
    }));
    expect(result.rejections).toEqual([]);
    const server = await stored(interview.id);
    expect((server?.['scorecards'] as Doc[]).map((each) => each['interviewerId']).sort()).toEqual(
      [first.user.id, second.user.id].sort(),
    );
    expect(server).not.toHaveProperty('withheldScorecardAuthors');
    const now = await serverDoc(app, second, 'interviews', interview.id);
    expect(now).not.toHaveProperty('withheldScorecardAuthors');
    expect(JSON.stringify(now)).toContain(secret);
  });

  it('refuses ratings of attributes outside the interview’s kit, and changes nothing', async () => {
    const { interview } = await kitInterview();
    const before = await stored(interview.id);
    for (const attributeId of ['ownership', 'charisma']) {
      const result = await edit(app, first, 'interviews', interview.id, (doc) => ({
        ...doc,
        scorecards: [card(first.user.id, [{ attributeId, rating: 5 }])],
      }));
      expect(result.rejections).toMatchObject([{ id: interview.id, code: 'attribute_not_in_kit' }]);
      expect(result.conflicts.map((doc) => doc.id)).toEqual([interview.id]);
    }
    expect(await stored(interview.id)).toEqual(before);
  });

  it('refuses ratings on an interview that follows no kit', async () => {
    const { interview } = await kitInterview();
    await edit(app, recruiter, 'interviews', interview.id, (doc) => {
      const { kitId: _kitId, ...withoutKit } = doc;
      return withoutKit;
    });
    const result = await edit(app, first, 'interviews', interview.id, (doc) => ({
      ...doc,
      scorecards: [card(first.user.id, [{ attributeId: 'design', rating: 5 }])],
    }));
    expect(result.rejections).toMatchObject([{ code: 'attribute_not_in_kit' }]);
  });

  it('refuses ratings in someone else’s scorecard, whoever pushes them', async () => {
    const { interview } = await kitInterview();
    await edit(app, first, 'interviews', interview.id, (doc) => ({
      ...doc,
      scorecards: [card(first.user.id, [{ attributeId: 'design', rating: 5 }])],
    }));
    await edit(app, second, 'interviews', interview.id, (doc) => ({
      ...doc,
      scorecards: [
        ...(doc['scorecards'] as Doc[]),
        card(second.user.id, [{ attributeId: 'coding', rating: 3 }]),
      ],
    }));
    const before = await stored(interview.id);
    // The second interviewer, now seeing the first one's scorecard, lowers its rating.
    const lowered = await edit(app, second, 'interviews', interview.id, (doc) => ({
      ...doc,
      scorecards: (doc['scorecards'] as Doc[]).map((each) =>
        each['interviewerId'] === first.user.id
          ? { ...each, attributeRatings: [{ attributeId: 'design', rating: 1 }] }
          : each,
      ),
    }));
    expect(lowered.rejections).toMatchObject([{ code: 'not_own_scorecard' }]);
    // A recruiter, who sees everything, adds a rating to the first interviewer's scorecard.
    const byRecruiter = await edit(app, recruiter, 'interviews', interview.id, (doc) => ({
      ...doc,
      scorecards: (doc['scorecards'] as Doc[]).map((each) =>
        each['interviewerId'] === first.user.id
          ? {
              ...each,
              attributeRatings: [
                { attributeId: 'design', rating: 5 },
                { attributeId: 'coding', rating: 1 },
              ],
            }
          : each,
      ),
    }));
    expect(byRecruiter.rejections).toMatchObject([{ code: 'not_own_scorecard' }]);
    expect(await stored(interview.id)).toEqual(before);
  });

  it('cannot plant a scorecard in a colleague’s name from a copy where theirs is withheld', async () => {
    const { interview } = await kitInterview();
    await edit(app, first, 'interviews', interview.id, (doc) => ({
      ...doc,
      scorecards: [card(first.user.id, [{ attributeId: 'design', rating: 5 }])],
    }));
    const before = await stored(interview.id);
    const planted = await edit(app, second, 'interviews', interview.id, (doc) => ({
      ...doc,
      scorecards: [card(first.user.id, [{ attributeId: 'design', rating: 1 }])],
    }));
    expect(planted.rejections).toHaveLength(1);
    expect(await stored(interview.id)).toEqual(before);
  });

  it('answers malformed ratings with a rejection naming the field, never a 5xx', async () => {
    const { interview } = await kitInterview();
    const before = await stored(interview.id);
    const malformed: unknown[] = [
      { attributeId: 'design', rating: '5' },
      { attributeId: 'design', rating: 6 },
      { attributeId: 'design', rating: 4.5 },
      { attributeId: '_design', rating: 4 },
      { attributeId: 'design', rating: 4, note: 'x'.repeat(2_001) },
      { attributeId: 'design', rating: 4, weight: 2 },
      'design=4',
    ];
    for (const rating of malformed) {
      const result = await edit(app, first, 'interviews', interview.id, (doc) => ({
        ...doc,
        scorecards: [card(first.user.id, [rating])],
      }));
      expect(result.rejections, JSON.stringify(rating)).toMatchObject([{ code: 'validation_failed' }]);
      expect(result.rejections[0]?.message).toMatch(/attributeRatings/);
    }
    expect(await stored(interview.id)).toEqual(before);
  });

  it('judges against the plan as stored now: a kit removed from the plan takes no more ratings', async () => {
    const { job, interview } = await kitInterview();
    await edit(app, recruiter, 'jobs', job.id, (doc) => ({
      ...doc,
      interviewPlan: { ...plan, stages: plan.stages.filter((stage) => stage.id !== 'technical') },
    }));
    const result = await edit(app, first, 'interviews', interview.id, (doc) => ({
      ...doc,
      scorecards: [card(first.user.id, [{ attributeId: 'design', rating: 5 }])],
    }));
    expect(result.rejections).toMatchObject([{ code: 'unknown_kit' }]);
  });

  it('keeps the withheld-scorecards note out of the store, whoever sends it', async () => {
    const { interview } = await kitInterview();
    const byRecruiter = await edit(app, recruiter, 'interviews', interview.id, (doc) => ({
      ...doc,
      withheldScorecardAuthors: [second.user.id],
    }));
    expect(byRecruiter.rejections).toMatchObject([{ code: 'server_managed_field' }]);
    // An interviewer's forged note is dropped with the real one: their scorecard is judged alone.
    const byInterviewer = await edit(app, first, 'interviews', interview.id, (doc) => ({
      ...doc,
      withheldScorecardAuthors: [second.user.id],
      scorecards: [card(first.user.id, [])],
    }));
    expect(byInterviewer.rejections).toEqual([]);
    expect(await stored(interview.id)).not.toHaveProperty('withheldScorecardAuthors');
  });
});

describe('declines', () => {
  it('stores an interviewer’s own decline for the recruiters to see, and refuses one for a colleague', async () => {
    const { interview } = await kitInterview();
    const upcoming = new Date(Date.now() + 3 * 86_400_000).toISOString();
    await edit(app, recruiter, 'interviews', interview.id, (doc) => ({ ...doc, scheduledAt: upcoming }));
    const decline = (interviewerId: string) => ({
      interviewerId,
      reason: 'On a customer visit that day.',
      at: new Date().toISOString(),
      scheduledAt: upcoming,
    });
    const forColleague = await edit(app, first, 'interviews', interview.id, (doc) => ({
      ...doc,
      declines: [decline(second.user.id)],
    }));
    expect(forColleague.rejections).toMatchObject([{ code: 'not_own_decline' }]);
    const own = await edit(app, first, 'interviews', interview.id, (doc) => ({
      ...doc,
      declines: [decline(first.user.id)],
    }));
    expect(own.rejections).toEqual([]);
    const server = await stored(interview.id);
    expect(server?.['declines']).toEqual(own.sent['declines']);
    expect(server?.['declines']).toMatchObject([{ interviewerId: first.user.id, scheduledAt: upcoming }]);
  });

  it('refuses a decline pushed together with a new time', async () => {
    const { interview } = await kitInterview();
    const later = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const result = await push(app, first, 'interviews', [
      {
        assumedMasterState: (await serverDoc(app, first, 'interviews', interview.id)) ?? null,
        newDocumentState: {
          ...((await serverDoc(app, first, 'interviews', interview.id)) ?? interview),
          scheduledAt: later,
          declines: [
            {
              interviewerId: first.user.id,
              reason: 'Busy',
              at: new Date().toISOString(),
              scheduledAt: later,
            },
          ],
        },
      },
    ]);
    expect(result.rejections).toMatchObject([{ code: 'forbidden_role' }]);
  });
});
