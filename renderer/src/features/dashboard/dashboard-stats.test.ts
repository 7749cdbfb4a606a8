import { describe, expect, it } from 'vitest';
import type { Application, Stage } from '../../../../shared/domain/application/application-schema';
import type { Interview } from '../../../../shared/domain/interview/interview-schema';
import type { Job } from '../../../../shared/domain/job/job-schema';
import {
  applicationsByStage,
  candidatesBySource,
  interviewsAhead,
  jobsByStatus,
  pipelineFunnel,
  recentApplications,
  timeInStage,
} from './dashboard-stats';

const DAY = 24 * 60 * 60 * 1000;
const start = Date.parse('2026-03-01T09:00:00.000Z');

function application(id: string, path: Stage[], createdAt = '2026-03-01T09:00:00.000Z'): Application {
  const stageHistory = path.map((to, index) => ({
    from: index === 0 ? null : (path[index - 1] ?? null),
    to,
    by: 'u1',
    at: new Date(start + index * 2 * DAY).toISOString(),
    recordedAt: new Date(start + index * 2 * DAY).toISOString(),
  }));
  return {
    id,
    updatedAt: 1,
    jobId: 'j1',
    candidateId: id,
    stage: path.at(-1) ?? 'applied',
    stageHistory,
    createdBy: 'u1',
    createdAt,
  };
}

function job(id: string, status: Job['status']): Job {
  return {
    id,
    updatedAt: 1,
    title: id,
    department: '',
    location: '',
    employmentType: 'full_time',
    description: '',
    requirements: [],
    status,
    ...(status === 'closed' ? { closedReason: 'filled' as const } : {}),
    recruiterIds: [],
    createdBy: 'u1',
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

function interview(id: string, scheduledAt: number, status: Interview['status'] = 'scheduled'): Interview {
  return {
    id,
    updatedAt: 1,
    applicationId: 'j1__c1',
    jobId: 'j1',
    candidateId: 'c1',
    type: 'phone',
    scheduledAt: new Date(scheduledAt).toISOString(),
    durationMinutes: 30,
    interviewerIds: ['u2'],
    status,
    scorecards: [],
    createdBy: 'u1',
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

const applications = [
  application('a1', ['applied']),
  application('a2', ['applied', 'screening', 'interview']),
  application('a3', ['applied', 'screening', 'rejected'], '2026-03-05T09:00:00.000Z'),
  application('a4', ['applied', 'screening', 'interview', 'offer', 'hired']),
];

describe('dashboard aggregations', () => {
  it('counts jobs by status and applications by stage, with zeros', () => {
    expect(jobsByStatus([job('a', 'open'), job('b', 'open'), job('c', 'closed')])).toEqual({
      draft: 0,
      open: 2,
      on_hold: 0,
      closed: 1,
    });
    expect(applicationsByStage(applications)).toEqual({
      applied: 1,
      screening: 0,
      interview: 1,
      offer: 0,
      hired: 1,
      rejected: 1,
    });
  });

  it('builds the funnel from the stages each application reached', () => {
    expect(pipelineFunnel(applications)).toEqual([
      { stage: 'applied', count: 4 },
      { stage: 'screening', count: 3 },
      { stage: 'interview', count: 2 },
      { stage: 'offer', count: 1 },
      { stage: 'hired', count: 1 },
    ]);
  });

  it('averages the time spent in each stage, counting current stays up to now', () => {
    const now = start + 10 * DAY;
    const byStage = Object.fromEntries(timeInStage(applications, now).map((row) => [row.stage, row]));
    // a1 sits in applied for 10 days; the others left applied after 2 days: (10 + 2 + 2 + 2) / 4.
    expect(byStage['applied']).toMatchObject({ stays: 4, averageDays: 4 });
    // a2 has been in interview since day 4 (6 days); a4 stayed 2 days.
    expect(byStage['interview']).toMatchObject({ stays: 2, averageDays: 4 });
  });

  it('splits scheduled interviews into today and the coming days', () => {
    const now = new Date(2026, 2, 10, 12, 0).getTime();
    const list = [
      interview('today', new Date(2026, 2, 10, 15, 0).getTime()),
      interview('cancelled-today', new Date(2026, 2, 10, 16, 0).getTime(), 'cancelled'),
      interview('tomorrow', new Date(2026, 2, 11, 9, 0).getTime()),
      interview('far', new Date(2026, 3, 30, 9, 0).getTime()),
      interview('past', new Date(2026, 2, 9, 9, 0).getTime()),
    ];
    const { today, upcoming } = interviewsAhead(list, now);
    expect(today.map((each) => each.id)).toEqual(['today']);
    expect(upcoming.map((each) => each.id)).toEqual(['tomorrow']);
  });

  it('lists recent applications newest first and counts candidate sources', () => {
    expect(recentApplications(applications, 2).map((each) => each.id)[0]).toBe('a3');
    expect(candidatesBySource(['linkedin', 'linkedin', 'agency'])).toMatchObject({
      linkedin: 2,
      agency: 1,
      referral: 0,
    });
  });
});
