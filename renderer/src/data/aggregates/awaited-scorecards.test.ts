import { describe, expect, it } from 'vitest';
import type { Scorecard } from '#shared/domain/interview/interview-schema';
import { AwaitedScorecards } from './awaited-scorecards';
import { interview } from './interview-fixture';

function scorecard(interviewerId: string): Scorecard {
  return {
    interviewerId,
    rating: 4,
    recommendation: 'yes',
    notes: '',
    submittedAt: '2026-03-02T11:00:00.000Z',
  };
}

describe('the interviews that may still owe a scorecard', () => {
  it('keeps an interview while a scorecard is owed, and lets it go once all are in or it is deleted', () => {
    const awaited = new AwaitedScorecards();
    awaited.set(interview({ id: 'i1' }));
    awaited.set(interview({ id: 'i2' }));
    awaited.set(interview({ id: 'i3', status: 'cancelled' }));
    expect(awaited.interviews().map((each) => each.id)).toEqual(['i1', 'i2']);
    awaited.set(
      interview({ id: 'i1', scorecards: [scorecard('interviewer-1'), scorecard('interviewer-2')] }),
    );
    awaited.remove('i2');
    expect(awaited.interviews()).toEqual([]);
  });

  it('hands out the same list until one of its interviews changes', () => {
    const awaited = new AwaitedScorecards();
    awaited.set(interview({ id: 'i1' }));
    const list = awaited.interviews();
    awaited.set(interview({ id: 'i9', status: 'cancelled' }));
    awaited.remove('i8');
    expect(awaited.interviews()).toBe(list);
    const moved = interview({ id: 'i1', scheduledAt: '2026-05-01T09:00:00.000Z' });
    awaited.set(moved);
    expect(awaited.interviews()).not.toBe(list);
    expect(awaited.interviews()).toEqual([moved]);
  });
});
