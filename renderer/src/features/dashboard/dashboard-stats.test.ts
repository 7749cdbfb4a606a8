import { describe, expect, it } from 'vitest';
import type { Interview } from '#shared/domain/interview/interview-schema';
import type { Job } from '#shared/domain/job/job-schema';
import { aheadQueryWindow, candidatesBySource, interviewsAhead, jobsByStatus } from './dashboard-stats';

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

describe('dashboard aggregations', () => {
  it('counts jobs by status, with zeros', () => {
    expect(jobsByStatus([job('a', 'open'), job('b', 'open'), job('c', 'closed')])).toEqual({
      draft: 0,
      open: 2,
      on_hold: 0,
      closed: 1,
    });
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

  it('reads, by scheduled time, a range that holds every interview today and the coming days show', () => {
    const start = new Date(2026, 2, 7, 0, 0).getTime();
    // One every 20 minutes over three weeks, some times with milliseconds and some without.
    const list = Array.from({ length: 21 * 72 }, (_, index) => {
      const at = interview(`i${index}`, start + index * 20 * 60_000);
      return index % 2 === 0 ? { ...at, scheduledAt: at.scheduledAt.replace('.000Z', 'Z') } : at;
    });
    for (const now of [new Date(2026, 2, 10, 0, 0).getTime(), new Date(2026, 2, 12, 23, 59).getTime()]) {
      const { from, to } = aheadQueryWindow(now);
      const read = list.filter((each) => each.scheduledAt >= from && each.scheduledAt < to);
      expect(read.length).toBeLessThan(list.length);
      expect(interviewsAhead(read, now)).toEqual(interviewsAhead(list, now));
    }
    const midnight = new Date(2026, 2, 10, 0, 0).getTime();
    expect(aheadQueryWindow(midnight + 23 * 60 * 60_000)).toEqual(aheadQueryWindow(midnight));
  });

  it('counts candidate sources', () => {
    expect(candidatesBySource(['linkedin', 'linkedin', 'agency'])).toMatchObject({
      linkedin: 2,
      agency: 1,
      referral: 0,
    });
  });
});
