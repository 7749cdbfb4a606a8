import {
  RECOMMENDATIONS,
  type Recommendation,
  type Scorecard,
} from '#shared/domain/interview/interview-schema';
import { toIso } from '#shared/domain/common/time';

/** What the scorecard form holds; a blank rating is 0, a blank recommendation ''. */
export interface ScorecardFields {
  readonly rating: number;
  readonly recommendation: Recommendation | '';
  readonly notes: string;
}

export const EMPTY_SCORECARD: ScorecardFields = { rating: 0, recommendation: '', notes: '' };

function isRecommendation(value: string): value is Recommendation {
  return (RECOMMENDATIONS as readonly string[]).includes(value);
}

/** The form's starting point: the local draft, else my submitted scorecard, else blank. */
export function initialScorecardFields(
  draft: { rating: number; recommendation: string; notes: string } | null,
  submitted: Scorecard | undefined,
): ScorecardFields {
  if (draft) {
    return {
      rating: draft.rating,
      recommendation: isRecommendation(draft.recommendation) ? draft.recommendation : '',
      notes: draft.notes,
    };
  }
  if (submitted)
    return { rating: submitted.rating, recommendation: submitted.recommendation, notes: submitted.notes };
  return EMPTY_SCORECARD;
}

/** The scorecard to submit, or what is missing in words. */
export function toScorecard(
  fields: ScorecardFields,
  interviewerId: string,
  now: number,
): { ok: true; scorecard: Scorecard } | { ok: false; message: string } {
  if (fields.rating < 1 || fields.rating > 5) return { ok: false, message: 'Choose a rating from 1 to 5.' };
  if (fields.recommendation === '') return { ok: false, message: 'Choose a recommendation.' };
  return {
    ok: true,
    scorecard: {
      interviewerId,
      rating: fields.rating,
      recommendation: fields.recommendation,
      notes: fields.notes,
      submittedAt: toIso(now),
    },
  };
}

/** The interview's scorecards with mine added or replaced. */
export function withScorecard(scorecards: readonly Scorecard[], mine: Scorecard): Scorecard[] {
  const others = scorecards.filter((card) => card.interviewerId !== mine.interviewerId);
  return [...others, mine];
}
