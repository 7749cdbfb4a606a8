import { describe, expect, it } from 'vitest';
import type { Interview } from '#shared/domain/interview/interview-schema';
import type { RefusedChange } from '../data/local-schemas';
import {
  INTERVIEW_REMINDER_MS,
  interviewReminders,
  refusedChangeNotifications,
  reminderWindow,
} from './desktop-notifications';

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

  it('read a window of interviews that holds every reminder due at any moment of its hour', () => {
    const hour = Date.parse('2026-03-02T10:00:00.000Z');
    const inWindow = (scheduledAt: string, window: { from: string; to: string }) =>
      scheduledAt >= window.from && scheduledAt <= window.to;
    for (let offset = 0; offset < 60 * 60_000; offset += 7 * 60_000 + 13_000) {
      const at = hour + offset;
      const window = reminderWindow(at);
      expect(window.from).toBe('2026-03-02T10:00:00.000Z');
      const candidates = [0, 1, 5, 14, 15, 16, 60, 90].flatMap((minutes) => [
        interview(`ms-${minutes}`, 0, { scheduledAt: new Date(at + minutes * 60_000).toISOString() }),
        // Stored without milliseconds, as the schema allows: compared as strings all the same.
        interview(`s-${minutes}`, 0, {
          scheduledAt: new Date(at + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        }),
      ]);
      const all = interviewReminders(candidates, 'me', at, new Set());
      const windowed = interviewReminders(
        candidates.filter((each) => inWindow(each.scheduledAt, window)),
        'me',
        at,
        new Set(),
      );
      expect(windowed).toEqual(all);
      expect(all.length).toBeGreaterThan(0);
    }
    expect(Date.parse(reminderWindow(hour).to) - hour).toBe(60 * 60_000 + INTERVIEW_REMINDER_MS);
  });
});
