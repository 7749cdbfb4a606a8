import { defaultSettings } from '#shared/domain/settings/settings-schema';
import { describe, expect, it } from 'vitest';
import type { Application } from '#shared/domain/application/application-schema';
import type { Actor } from '#shared/domain/common/roles';
import type { Interview } from '#shared/domain/interview/interview-schema';
import type { Job } from '#shared/domain/job/job-schema';
import type { User } from '#shared/domain/user/user-schema';
import { resolveConflict, type ReplicatedDocument } from './conflict-resolution';

const recruiter: Actor = { id: 'u-rec', role: 'recruiter' };
const now = Date.parse('2026-03-10T12:00:00.000Z');

function wire<T extends object>(document: T): ReplicatedDocument {
  return { ...document, _deleted: false };
}

const job: Job = {
  id: 'j1',
  updatedAt: 1,
  title: 'Engineer',
  department: 'Eng',
  location: 'Berlin',
  employmentType: 'full_time',
  description: 'Build things',
  requirements: [],
  status: 'open',
  recruiterIds: [],
  createdBy: 'u-hm',
  createdAt: '2026-01-01T00:00:00.000Z',
};

const baseApplication: Application = {
  id: 'j1__c1',
  updatedAt: 10,
  jobId: 'j1',
  candidateId: 'c1',
  stage: 'applied',
  stageHistory: [{ from: null, to: 'applied', by: 'u-rec', at: '2026-03-01T09:00:00.000Z', recordedAt: '2026-03-01T09:00:00.000Z' }],
  createdBy: 'u-rec',
  createdAt: '2026-03-01T09:00:00.000Z',
};

function moved(application: Application, to: Application['stage'], at: string, by = 'u-rec'): Application {
  return {
    ...application,
    stage: to,
    stageHistory: [...application.stageHistory, { from: application.stage, to, by, at, recordedAt: at }],
    ...(to === 'rejected' ? { rejection: { atStage: application.stage, reason: 'stronger-candidate' } } : {}),
  };
}

function resolveApplication(base: Application, theirs: Application, mine: Application, jobStatus: Job['status'] = 'open') {
  return resolveConflict(
    'applications',
    { assumedMasterState: wire(base), realMasterState: wire(theirs), newDocumentState: wire(mine) },
    recruiter,
    { now, job: { ...job, status: jobStatus }, settings: defaultSettings(now) },
  );
}

describe('resolveConflict', () => {
  it('sees equal versions as no conflict', () => {
    const theirs = { ...baseApplication, updatedAt: 11 };
    expect(resolveApplication(baseApplication, theirs, theirs).kind).toBe('same');
  });

  it('re-applies my change to a different field on top of theirs', () => {
    const theirs = { ...baseApplication, updatedAt: 20, source: 'referral' as const };
    const mine = moved(baseApplication, 'screening', '2026-03-02T09:00:00.000Z');
    const outcome = resolveApplication(baseApplication, theirs, mine);
    expect(outcome.kind).toBe('merged');
    if (outcome.kind !== 'merged') return;
    expect(outcome.document).toMatchObject({ stage: 'screening', source: 'referral', updatedAt: 20 });
  });

  it('replays my rejection after their stage move when the move is still valid', () => {
    const theirs = { ...moved(baseApplication, 'screening', '2026-03-02T09:00:00.000Z', 'u-other'), updatedAt: 20 };
    const mine = moved(baseApplication, 'rejected', '2026-03-03T09:00:00.000Z');
    const outcome = resolveApplication(baseApplication, theirs, mine);
    expect(outcome.kind).toBe('merged');
    if (outcome.kind !== 'merged') return;
    const document = outcome.document as unknown as Application;
    expect(document.stage).toBe('rejected');
    expect(document.rejection).toMatchObject({ atStage: 'screening', reason: 'stronger-candidate' });
    expect(document.stageHistory.map((entry) => [entry.from, entry.to])).toEqual([
      [null, 'applied'],
      ['applied', 'screening'],
      ['screening', 'rejected'],
    ]);
  });

  it('lets the server win when both made the same move, without refusing anything', () => {
    const theirs = { ...moved(baseApplication, 'screening', '2026-03-02T09:00:00.000Z', 'u-other'), updatedAt: 20 };
    const mine = moved(baseApplication, 'screening', '2026-03-02T10:00:00.000Z');
    expect(resolveApplication(baseApplication, theirs, mine)).toEqual({ kind: 'server_wins', keepsOwnVersion: false });
  });

  it('lets the server win and keeps my version when my move is no longer valid', () => {
    const theirs = { ...moved(baseApplication, 'rejected', '2026-03-02T09:00:00.000Z', 'u-other'), updatedAt: 20 };
    const mine = moved(baseApplication, 'screening', '2026-03-03T09:00:00.000Z');
    expect(resolveApplication(baseApplication, theirs, mine)).toEqual({ kind: 'server_wins', keepsOwnVersion: true });
  });

  it('does not re-apply a forward move once the job is on hold', () => {
    const theirs = { ...baseApplication, updatedAt: 20, source: 'agency' as const };
    const mine = moved(baseApplication, 'screening', '2026-03-02T09:00:00.000Z');
    expect(resolveApplication(baseApplication, theirs, mine, 'on_hold')).toEqual({ kind: 'server_wins', keepsOwnVersion: true });
  });

  it('lets the server win when both changed the same field differently', () => {
    const offer = { baseSalary: 1000, currency: 'EUR', status: 'draft' as const };
    const atOffer: Application = { ...baseApplication, stage: 'offer', offer };
    const theirs = { ...atOffer, updatedAt: 20, offer: { ...offer, baseSalary: 2000 } };
    const mine = { ...atOffer, offer: { ...offer, baseSalary: 3000 } };
    expect(resolveApplication(atOffer, theirs, mine)).toEqual({ kind: 'server_wins', keepsOwnVersion: true });
  });

  it('lets the server win over a deletion', () => {
    const outcome = resolveConflict(
      'applications',
      { assumedMasterState: wire(baseApplication), realMasterState: { ...wire(baseApplication), _deleted: true }, newDocumentState: wire(moved(baseApplication, 'screening', '2026-03-02T09:00:00.000Z')) },
      recruiter,
      { now, job },
    );
    expect(outcome).toEqual({ kind: 'server_wins', keepsOwnVersion: true });
  });

  it('keeps each interviewer’s own scorecard when two submit at once', () => {
    const interviewer: Actor = { id: 'u-int1', role: 'interviewer' };
    const users = new Map<string, User>(
      ['u-int1', 'u-int2'].map((id) => [id, { id, updatedAt: 1, name: id, email: `${id}@x.io`, role: 'interviewer', active: true }]),
    );
    const interview: Interview = {
      id: 'i1',
      updatedAt: 10,
      applicationId: 'j1__c1',
      jobId: 'j1',
      candidateId: 'c1',
      type: 'technical',
      scheduledAt: '2026-03-05T09:00:00.000Z',
      durationMinutes: 60,
      interviewerIds: ['u-int1', 'u-int2'],
      status: 'completed',
      scorecards: [],
      createdBy: 'u-rec',
      createdAt: '2026-03-01T09:00:00.000Z',
    };
    const card = (interviewerId: string, rating: number) => ({ interviewerId, rating, recommendation: 'yes' as const, notes: 'ok', submittedAt: '2026-03-05T10:00:00.000Z' });
    const theirs = { ...interview, updatedAt: 20, scorecards: [card('u-int2', 4)] };
    const mine = { ...interview, scorecards: [card('u-int1', 2)] };
    const outcome = resolveConflict(
      'interviews',
      { assumedMasterState: wire(interview), realMasterState: wire(theirs), newDocumentState: wire(mine) },
      interviewer,
      { now, application: baseApplication, users },
    );
    expect(outcome.kind).toBe('merged');
    if (outcome.kind !== 'merged') return;
    expect((outcome.document as unknown as Interview).scorecards.map((each) => each.interviewerId)).toEqual(['u-int2', 'u-int1']);
  });

  it('keeps my kit-rated scorecard when a colleague submits theirs, withheld from me, meanwhile (issue 19)', () => {
    const interviewer: Actor = { id: 'u-int1', role: 'interviewer' };
    const users = new Map<string, User>(
      ['u-int1', 'u-int2'].map((id) => [id, { id, updatedAt: 1, name: id, email: `${id}@x.io`, role: 'interviewer', active: true }]),
    );
    const plannedJob: Job = {
      ...job,
      interviewPlan: {
        attributes: [{ id: 'design', name: 'System design' }],
        stages: [
          {
            id: 's',
            name: 'Technical',
            kits: [{ id: 'kit', name: 'Technical', type: 'technical', durationMinutes: 60, purpose: '', questions: [], focusAttributeIds: ['design'] }],
          },
        ],
      },
    };
    const interview: Interview = {
      id: 'i2',
      updatedAt: 10,
      applicationId: 'j1__c1',
      jobId: 'j1',
      candidateId: 'c1',
      type: 'technical',
      kitId: 'kit',
      scheduledAt: '2026-03-05T09:00:00.000Z',
      durationMinutes: 60,
      interviewerIds: ['u-int1', 'u-int2'],
      status: 'completed',
      scorecards: [],
      createdBy: 'u-rec',
      createdAt: '2026-03-01T09:00:00.000Z',
    };
    // As the server shows it to me now: the colleague's scorecard withheld, their name given.
    const theirs = { ...interview, updatedAt: 20, withheldScorecardAuthors: ['u-int2'] };
    const myCard = {
      interviewerId: 'u-int1',
      rating: 4,
      recommendation: 'yes' as const,
      notes: '',
      attributeRatings: [{ attributeId: 'design', rating: 4 }],
      submittedAt: '2026-03-05T10:00:00.000Z',
    };
    const mine = { ...interview, scorecards: [myCard] };
    const outcome = resolveConflict(
      'interviews',
      { assumedMasterState: wire(interview), realMasterState: wire(theirs), newDocumentState: wire(mine) },
      interviewer,
      { now, application: baseApplication, users, job: plannedJob },
    );
    expect(outcome.kind).toBe('merged');
    if (outcome.kind !== 'merged') return;
    expect(outcome.document).toMatchObject({ scorecards: [myCard], withheldScorecardAuthors: ['u-int2'] });
  });

  it('treats the same document created on two laptops as one, keeping mine only if it says more', () => {
    const theirs = { ...baseApplication, updatedAt: 20, createdBy: 'u-other' };
    const mine = { ...baseApplication, createdAt: '2026-03-01T10:00:00.000Z' };
    const input = { realMasterState: wire(theirs), newDocumentState: wire(mine) };
    expect(resolveConflict('applications', input, recruiter, { now, job })).toEqual({ kind: 'server_wins', keepsOwnVersion: false });
    const withSource = { ...input, newDocumentState: wire({ ...mine, source: 'agency' }) };
    expect(resolveConflict('applications', withSource, recruiter, { now, job })).toEqual({ kind: 'server_wins', keepsOwnVersion: true });
  });
});
