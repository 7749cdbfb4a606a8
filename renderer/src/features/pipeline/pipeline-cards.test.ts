import { describe, expect, it } from 'vitest';
import type { Application } from '#shared/domain/application/application-schema';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { buildCards, nextInterviews } from './pipeline-cards';
import { missingNames } from '../../ui/missing-names';

const now = Date.parse('2026-03-10T12:00:00.000Z');
/** What a card says for a candidate not on this device, once the first download has finished. */
const missingCandidateName = missingNames(true).candidate;

function application(
  id: string,
  candidateId: string,
  enteredAt: string,
  stage: Application['stage'] = 'screening',
): Application {
  return {
    id,
    updatedAt: 1,
    jobId: 'j1',
    candidateId,
    stage,
    stageHistory: [
      {
        from: null,
        to: 'applied',
        by: 'u1',
        at: '2026-03-01T09:00:00.000Z',
        recordedAt: '2026-03-01T09:00:00.000Z',
      },
      { from: 'applied', to: stage, by: 'u1', at: enteredAt, recordedAt: enteredAt },
    ],
    createdBy: 'u1',
    createdAt: '2026-03-01T09:00:00.000Z',
  };
}

function candidate(id: string, firstName: string, extra: Partial<Candidate> = {}): Candidate {
  return {
    id,
    updatedAt: 1,
    firstName,
    lastName: 'Okafor',
    email: `${id}@example.com`,
    skills: [],
    source: 'linkedin',
    tags: ['backend'],
    createdBy: 'u1',
    createdAt: '2026-03-01T09:00:00.000Z',
    ...extra,
  };
}

function interview(
  id: string,
  applicationId: string,
  scheduledAt: string,
  status: Interview['status'] = 'scheduled',
): Interview {
  return {
    id,
    updatedAt: 1,
    applicationId,
    jobId: 'j1',
    candidateId: 'c1',
    type: 'technical',
    scheduledAt,
    durationMinutes: 60,
    interviewerIds: ['u2'],
    status,
    scorecards: [],
    createdBy: 'u1',
    createdAt: '2026-03-01T09:00:00.000Z',
  };
}

describe('pipeline card view models', () => {
  const candidates = new Map([
    [
      'c1',
      candidate('c1', 'Maya', {
        currentCompany: 'Shopwise',
        currentTitle: 'Staff Engineer',
        source: 'referral',
      }),
    ],
    ['c2', candidate('c2', 'Tomás', { tags: ['relocation', 'backend'] })],
  ]);
  const applications = [
    application('j1__c1', 'c1', '2026-03-03T10:00:00.000Z'),
    application('j1__c2', 'c2', '2026-03-10T08:00:00.000Z'),
  ];

  it('shows who, where they work, the source and how many days in the stage', () => {
    const cards = buildCards({
      applications,
      candidates,
      interviews: [],
      pendingIds: new Set(),
      now,
      missingCandidateName,
    });
    expect(cards.get('j1__c1')).toMatchObject({
      name: 'Maya Okafor',
      currentCompany: 'Shopwise',
      currentTitle: 'Staff Engineer',
      source: 'referral',
      stage: 'screening',
      daysInStage: 7,
      nextInterviewAt: null,
      isPending: false,
    });
    expect(cards.get('j1__c2')?.daysInStage).toBe(0);
    expect(cards.get('j1__c2')?.searchText).toContain('relocation');
  });

  it('prefers the application’s own source and survives a missing candidate', () => {
    const withSource = {
      ...application('j1__c9', 'c9', '2026-03-05T10:00:00.000Z'),
      source: 'agency' as const,
    };
    const cards = buildCards({
      applications: [withSource],
      candidates,
      interviews: [],
      pendingIds: new Set(),
      now,
      missingCandidateName,
    });
    expect(cards.get('j1__c9')).toMatchObject({
      name: 'Unknown candidate',
      source: 'agency',
      currentCompany: '',
    });
  });

  it('names a missing candidate only once the first download has finished', () => {
    const inputs = {
      applications: [application('j1__c9', 'c9', '2026-03-05T10:00:00.000Z')],
      candidates,
      interviews: [],
      pendingIds: new Set<string>(),
      now,
    };
    const syncing = buildCards({ ...inputs, missingCandidateName: missingNames(false).candidate });
    expect(syncing.get('j1__c9')?.name).toBe('Loading…');
    const synced = buildCards({ ...inputs, missingCandidateName: missingNames(true).candidate }, syncing);
    expect(synced.get('j1__c9')?.name).toBe('Unknown candidate');
  });

  it('marks applications with a pending local change', () => {
    const cards = buildCards({
      applications,
      candidates,
      interviews: [],
      pendingIds: new Set(['j1__c2']),
      now,
      missingCandidateName,
    });
    expect(cards.get('j1__c2')?.isPending).toBe(true);
    expect(cards.get('j1__c1')?.isPending).toBe(false);
  });

  it('keeps the same card object when nothing it shows changed', () => {
    const inputs = {
      applications,
      candidates,
      interviews: [],
      pendingIds: new Set<string>(),
      now,
      missingCandidateName,
    };
    const first = buildCards(inputs);
    const moved = [
      applications[0] as Application,
      application('j1__c2', 'c2', '2026-03-10T09:00:00.000Z', 'interview'),
    ];
    const second = buildCards({ ...inputs, applications: moved }, first);
    expect(second.get('j1__c1')).toBe(first.get('j1__c1'));
    expect(second.get('j1__c2')).not.toBe(first.get('j1__c2'));
    expect(second.get('j1__c2')?.stage).toBe('interview');
  });
});

describe('next interview', () => {
  it('is the soonest scheduled interview from now on', () => {
    const next = nextInterviews(
      [
        interview('i1', 'a1', '2026-03-12T10:00:00.000Z'),
        interview('i2', 'a1', '2026-03-11T10:00:00.000Z'),
        interview('i3', 'a1', '2026-03-09T10:00:00.000Z'),
        interview('i4', 'a1', '2026-03-10T13:00:00.000Z', 'cancelled'),
        interview('i5', 'a2', '2026-03-01T10:00:00.000Z'),
      ],
      now,
    );
    expect(next.get('a1')).toBe('2026-03-11T10:00:00.000Z');
    expect(next.has('a2')).toBe(false);
  });
});
