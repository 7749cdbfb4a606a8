import { describe, expect, it } from 'vitest';
import type { Interview } from '#shared/domain/interview/interview-schema';
import type { RefusedChange } from '../data/local-schemas';
import { interviewReminders, refusedChangeNotifications } from './desktop-notifications';

const refused = (id: string): RefusedChange => ({
  id,
  documentCollection: 'applications',
  documentId: 'job-1__cand-1',
  code: 'job_not_open',
  message: 'The job is on hold, so its pipeline cannot move forward.',
  summary: 'Ada Lovelace → Senior Backend Engineer',
  ownVersion: '{}',
  refusedAt: 1,
});

const now = Date.parse('2026-03-02T10:00:00.000Z');
const interview = (id: string, minutesAhead: number, overrides: Partial<Interview> = {}): Interview => ({
  id,
  updatedAt: 1,
  applicationId: 'job-1__cand-1',
  jobId: 'job-1',
  candidateId: 'cand-1',
  type: 'technical',
  scheduledAt: new Date(now + minutesAhead * 60_000).toISOString(),
  durationMinutes: 60,
  interviewerIds: ['me'],
  status: 'scheduled',
  scorecards: [],
  createdBy: 'r',
  createdAt: '2026-03-01T10:00:00.000Z',
  ...overrides,
});

describe('desktop notifications', () => {
  it('tell about each refused change once, with its reason', () => {
    const seen = new Set(['old']);
    const first = refusedChangeNotifications([refused('old'), refused('new')], seen);
    expect(first).toEqual([
      expect.objectContaining({ body: expect.stringContaining('on hold') as unknown, route: '/refused' }),
    ]);
    expect(refusedChangeNotifications([refused('old'), refused('new')], seen)).toEqual([]);
  });

  it('remind an interviewer once of their scheduled interviews starting within 15 minutes', () => {
    const reminded = new Set<string>();
    const interviews = [
      interview('soon', 10),
      interview('later', 40),
      interview('past', -5),
      interview('someone-else', 5, { interviewerIds: ['other'] }),
      interview('cancelled', 5, { status: 'cancelled' }),
    ];
    expect(interviewReminders(interviews, 'me', now, reminded).map((n) => n.route)).toEqual([
      '/interviews/soon',
    ]);
    expect(interviewReminders(interviews, 'me', now, reminded)).toEqual([]);
    const rescheduled = [interview('soon', 12)];
    expect(interviewReminders(rescheduled, 'me', now, reminded)).toHaveLength(1);
  });
});
