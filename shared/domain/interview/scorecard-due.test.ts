import { describe, expect, it } from 'vitest';
import { interview, NOW, scorecard } from '../../test-support/fixtures';
import { awaitsScorecards, missingScorecards, scorecardState, type ScorecardState } from './scorecard-due';
import type { Interview } from './interview-schema';

const HOUR = 60 * 60 * 1000;
/** An hour-long interview that ended `hoursAgo` hours before NOW. */
const endedAgo = (hoursAgo: number, overrides: Partial<Interview> = {}): Interview =>
  interview({
    scheduledAt: new Date(NOW - (hoursAgo + 1) * HOUR).toISOString(),
    durationMinutes: 60,
    ...overrides,
  });

describe('where a scorecard stands', () => {
  const cases: [string, Interview, string, ScorecardState][] = [
    ['not over yet', endedAgo(-2), 'interviewer-1', 'not_due'],
    ['ended 59 minutes ago', endedAgo(59 / 60), 'interviewer-1', 'not_due'],
    ['ended an hour ago', endedAgo(1), 'interviewer-1', 'due'],
    ['ended 23 hours ago', endedAgo(23), 'interviewer-1', 'due'],
    ['ended a day ago', endedAgo(24), 'interviewer-1', 'late'],
    ['completed, a week ago', endedAgo(168, { status: 'completed' }), 'interviewer-1', 'late'],
    ['submitted', endedAgo(30, { scorecards: [scorecard('interviewer-1')] }), 'interviewer-1', 'submitted'],
    ['cancelled', endedAgo(30, { status: 'cancelled' }), 'interviewer-1', 'none'],
    ['missed by the candidate', endedAgo(30, { status: 'no_show' }), 'interviewer-1', 'none'],
    ['not assigned', endedAgo(30), 'interviewer-3', 'none'],
  ];
  it.each(cases)('%s: %s', (_what, subject, interviewerId, expected) => {
    expect(scorecardState(subject, interviewerId, NOW)).toBe(expected);
  });

  it('expects nothing of someone who declined this time, but does once it is moved', () => {
    const declined = endedAgo(30, {
      declines: [
        {
          interviewerId: 'interviewer-1',
          reason: 'Away',
          at: new Date(NOW - 40 * HOUR).toISOString(),
          scheduledAt: endedAgo(30).scheduledAt,
        },
      ],
    });
    expect(scorecardState(declined, 'interviewer-1', NOW)).toBe('none');
    expect(scorecardState({ ...declined, scheduledAt: endedAgo(25).scheduledAt }, 'interviewer-1', NOW)).toBe(
      'late',
    );
  });
});

describe('scorecards owed', () => {
  it('lists each missing interviewer of interviews over an hour ago, oldest first', () => {
    const recent = endedAgo(2, { id: 'recent', scorecards: [scorecard('interviewer-2')] });
    const old = endedAgo(50, { id: 'old' });
    const fresh = endedAgo(0.5, { id: 'fresh' });
    const cancelled = endedAgo(50, { id: 'cancelled', status: 'cancelled' });
    expect(missingScorecards([recent, fresh, cancelled, old], NOW)).toEqual([
      { interviewId: 'old', interviewerId: 'interviewer-1', state: 'late', dueAt: NOW - 49 * HOUR },
      { interviewId: 'old', interviewerId: 'interviewer-2', state: 'late', dueAt: NOW - 49 * HOUR },
      { interviewId: 'recent', interviewerId: 'interviewer-1', state: 'due', dueAt: NOW - HOUR },
    ]);
  });
});

describe('interviews that may still owe a scorecard', () => {
  const declinedByBoth = endedAgo(30, {
    declines: ['interviewer-1', 'interviewer-2'].map((interviewerId) => ({
      interviewerId,
      reason: 'Away',
      at: new Date(NOW - 40 * HOUR).toISOString(),
      scheduledAt: endedAgo(30).scheduledAt,
    })),
  });
  const all: Interview[] = [
    endedAgo(-48, { id: 'ahead' }),
    endedAgo(0.5, { id: 'fresh' }),
    endedAgo(2, { id: 'half-in', scorecards: [scorecard('interviewer-2')] }),
    endedAgo(50, { id: 'all-in', scorecards: [scorecard('interviewer-1'), scorecard('interviewer-2')] }),
    endedAgo(50, { id: 'old' }),
    endedAgo(200, { id: 'completed', status: 'completed' }),
    endedAgo(50, { id: 'cancelled', status: 'cancelled' }),
    endedAgo(50, { id: 'no-show', status: 'no_show' }),
    { ...declinedByBoth, id: 'declined' },
  ];

  it('are the ones with an assigned interviewer who has neither sent theirs nor declined', () => {
    expect(all.filter(awaitsScorecards).map((each) => each.id)).toEqual([
      'ahead',
      'fresh',
      'half-in',
      'old',
      'completed',
    ]);
  });

  it('are all that the scorecards owed are found among, at any time', () => {
    const awaiting = all.filter(awaitsScorecards);
    for (const hoursLater of [0, 1, 25, 24 * 5, 24 * 30]) {
      const now = NOW + hoursLater * HOUR;
      expect(missingScorecards(awaiting, now), `${hoursLater} h later`).toEqual(missingScorecards(all, now));
    }
  });
});
