import type { Interview } from '#shared/domain/interview/interview-schema';

/** An hour-long interview with two interviewers, scheduled and with no scorecard in. */
export function interview(overrides: Partial<Interview> = {}): Interview {
  return {
    id: 'int-1',
    updatedAt: 1,
    applicationId: 'job-1__cand-1',
    jobId: 'job-1',
    candidateId: 'cand-1',
    type: 'technical',
    scheduledAt: '2026-03-02T09:00:00.000Z',
    durationMinutes: 60,
    interviewerIds: ['interviewer-1', 'interviewer-2'],
    status: 'scheduled',
    scorecards: [],
    createdBy: 'recruiter-1',
    createdAt: '2026-03-01T09:00:00.000Z',
    ...overrides,
  };
}
