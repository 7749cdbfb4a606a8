import {
  RECOMMENDATIONS,
  type Interview,
  type Recommendation,
} from '#shared/domain/interview/interview-schema';

/** Every scorecard of an application's interviews, summed up. */
export interface ScorecardSummary {
  readonly count: number;
  /** Mean rating, one decimal; null with no scorecards. */
  readonly averageRating: number | null;
  readonly recommendations: Readonly<Record<Recommendation, number>>;
}

export function summarizeScorecards(interviews: readonly Pick<Interview, 'scorecards'>[]): ScorecardSummary {
  const cards = interviews.flatMap((interview) => interview.scorecards);
  const recommendations = Object.fromEntries(RECOMMENDATIONS.map((value) => [value, 0])) as Record<
    Recommendation,
    number
  >;
  for (const card of cards) recommendations[card.recommendation] += 1;
  const total = cards.reduce((sum, card) => sum + card.rating, 0);
  return {
    count: cards.length,
    averageRating: cards.length === 0 ? null : Math.round((total / cards.length) * 10) / 10,
    recommendations,
  };
}
