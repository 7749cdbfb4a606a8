import { describe, expect, it } from 'vitest';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { groupMyInterviews } from './my-interviews';

const NOW = new Date(2026, 10, 18, 12, 0).getTime();
const HOUR = 3_600_000;

function interview(id: string, at: number, overrides: Partial<Interview> = {}): Interview {
  return {
    id,
    updatedAt: 0,
    applicationId: 'job__cand',
    jobId: 'job',
    candidateId: 'cand',
    type: 'technical',
    scheduledAt: new Date(at).toISOString(),
    durationMinutes: 60,
    interviewerIds: ['me'],
    status: 'scheduled',
    scorecards: [],
    createdBy: 'recruiter',
    createdAt: new Date(0).toISOString(),
    ...overrides,
  };
}

const card = {
  interviewerId: 'me',
  rating: 4,
  recommendation: 'yes',
  notes: '',
  submittedAt: new Date(NOW).toISOString(),
} as const;

describe('groupMyInterviews', () => {
  it('puts today, upcoming and past-without-my-scorecard apart, earliest first', () => {
    const groups = groupMyInterviews(
      [
        interview('later-today', NOW + 3 * HOUR),
        interview('this-morning', NOW - 3 * HOUR),
        interview('next-week', NOW + 7 * 24 * HOUR),
        interview('tomorrow', NOW + 24 * HOUR),
        interview('last-week', NOW - 7 * 24 * HOUR, { status: 'completed' }),
      ],
      'me',
      NOW,
    );
    expect(groups.today.map((i) => i.id)).toEqual(['this-morning', 'later-today']);
    expect(groups.upcoming.map((i) => i.id)).toEqual(['tomorrow', 'next-week']);
    expect(groups.awaitingScorecard.map((i) => i.id)).toEqual(['last-week']);
  });

  it('leaves out other people’s, cancelled ones, missed ones, declined ones and past ones I scored', () => {
    const groups = groupMyInterviews(
      [
        interview('theirs', NOW + HOUR, { interviewerIds: ['someone-else'] }),
        interview('cancelled', NOW + HOUR, { status: 'cancelled' }),
        interview('scored', NOW - 48 * HOUR, { scorecards: [card] }),
        interview('no-show', NOW - 48 * HOUR, { status: 'no_show' }),
        interview('declined', NOW - 48 * HOUR, {
          declines: [
            {
              interviewerId: 'me',
              reason: 'Away',
              at: new Date(NOW - 72 * HOUR).toISOString(),
              scheduledAt: new Date(NOW - 48 * HOUR).toISOString(),
            },
          ],
        }),
      ],
      'me',
      NOW,
    );
    expect([...groups.today, ...groups.upcoming, ...groups.awaitingScorecard]).toEqual([]);
  });
});
