import { describe, expect, it } from 'vitest';
import type { Scorecard } from '#shared/domain/interview/interview-schema';
import { summarizeScorecards } from './scorecard-summary';

function card(interviewerId: string, rating: number, recommendation: Scorecard['recommendation']): Scorecard {
  return { interviewerId, rating, recommendation, notes: '', submittedAt: '2026-11-01T10:00:00.000Z' };
}

describe('summarizeScorecards', () => {
  it('averages ratings over every interview and tallies recommendations', () => {
    const summary = summarizeScorecards([
      { scorecards: [card('a', 4, 'yes'), card('b', 5, 'strong_yes')] },
      { scorecards: [card('c', 2, 'no')] },
    ]);
    expect(summary.count).toBe(3);
    expect(summary.averageRating).toBe(3.7);
    expect(summary.recommendations).toEqual({ strong_yes: 1, yes: 1, no: 1, strong_no: 0 });
  });

  it('has no average without scorecards', () => {
    expect(summarizeScorecards([{ scorecards: [] }])).toEqual({
      count: 0,
      averageRating: null,
      recommendations: { strong_yes: 0, yes: 0, no: 0, strong_no: 0 },
    });
  });
});
