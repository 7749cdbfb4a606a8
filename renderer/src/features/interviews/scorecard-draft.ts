import {
  RATING_MAX,
  RATING_MIN,
  RECOMMENDATIONS,
  type AttributeRating,
  type Recommendation,
  type Scorecard,
} from '#shared/domain/interview/interview-schema';
import type { FocusAttribute } from '#shared/domain/job/interview-plan-schema';
import { toIso } from '#shared/domain/common/time';

/** One focus attribute as the form holds it: 0 while not rated. */
export interface AttributeRatingField {
  readonly attributeId: string;
  readonly rating: number;
  readonly note: string;
}

/**
 * What the scorecard form holds; a blank rating is 0, a blank recommendation ''. `attributeRatings`
 * has one entry per focus attribute of the interview's kit, in the kit's order (none without a kit).
 */
export interface ScorecardFields {
  readonly rating: number;
  readonly recommendation: Recommendation | '';
  readonly notes: string;
  readonly attributeRatings?: readonly AttributeRatingField[];
}

export const EMPTY_SCORECARD: ScorecardFields = { rating: 0, recommendation: '', notes: '' };

function isRecommendation(value: string): value is Recommendation {
  return (RECOMMENDATIONS as readonly string[]).includes(value);
}

interface DraftLike {
  rating: number;
  recommendation: string;
  notes: string;
  attributeRatings?: readonly { attributeId: string; rating: number; note: string }[];
}

/** The kit's attributes, each with what `from` says of it (a draft's entry or a submitted rating). */
function attributeFields(
  attributeIds: readonly string[],
  from: readonly { attributeId: string; rating: number; note?: string }[],
): AttributeRatingField[] {
  const byId = new Map(from.map((entry) => [entry.attributeId, entry]));
  return attributeIds.map((attributeId) => {
    const entry = byId.get(attributeId);
    return { attributeId, rating: entry?.rating ?? 0, note: entry?.note ?? '' };
  });
}

/**
 * The form's starting point: the local draft, else my submitted scorecard, else blank; with one
 * attribute field per focus attribute of the kit (`attributeIds`, none without a kit).
 */
export function initialScorecardFields(
  draft: DraftLike | null,
  submitted: Scorecard | undefined,
  attributeIds: readonly string[] = [],
): ScorecardFields {
  const withAttributes = (
    fields: ScorecardFields,
    from: readonly { attributeId: string; rating: number; note?: string }[],
  ) =>
    attributeIds.length === 0 ? fields : { ...fields, attributeRatings: attributeFields(attributeIds, from) };
  if (draft) {
    return withAttributes(
      {
        rating: draft.rating,
        recommendation: isRecommendation(draft.recommendation) ? draft.recommendation : '',
        notes: draft.notes,
      },
      draft.attributeRatings ?? [],
    );
  }
  if (submitted) {
    return withAttributes(
      { rating: submitted.rating, recommendation: submitted.recommendation, notes: submitted.notes },
      submitted.attributeRatings ?? [],
    );
  }
  return withAttributes(EMPTY_SCORECARD, []);
}

/**
 * The scorecard to submit, or what is missing in words. Attributes left unrated are left out (an
 * interviewer rates what the interview showed); only the kit's attributes (`attributes`) are rated.
 */
export function toScorecard(
  fields: ScorecardFields,
  interviewerId: string,
  now: number,
  attributes: readonly FocusAttribute[] = [],
): { ok: true; scorecard: Scorecard } | { ok: false; message: string } {
  const names = new Map(attributes.map((attribute) => [attribute.id, attribute.name]));
  const ratings: AttributeRating[] = [];
  for (const entry of fields.attributeRatings ?? []) {
    const name = names.get(entry.attributeId);
    if (name === undefined) continue;
    const note = entry.note.trim();
    if (entry.rating === 0) {
      if (note) return { ok: false, message: `Rate “${name}”, or clear its note.` };
      continue;
    }
    if (entry.rating < RATING_MIN || entry.rating > RATING_MAX) {
      return { ok: false, message: `Rate “${name}” from ${RATING_MIN} to ${RATING_MAX}.` };
    }
    ratings.push({ attributeId: entry.attributeId, rating: entry.rating, ...(note ? { note } : {}) });
  }
  if (fields.rating < RATING_MIN || fields.rating > RATING_MAX) {
    return { ok: false, message: 'Choose an overall rating from 1 to 5.' };
  }
  if (fields.recommendation === '') return { ok: false, message: 'Choose a recommendation.' };
  return {
    ok: true,
    scorecard: {
      interviewerId,
      rating: fields.rating,
      recommendation: fields.recommendation,
      notes: fields.notes,
      ...(ratings.length > 0 ? { attributeRatings: ratings } : {}),
      submittedAt: toIso(now),
    },
  };
}

/** The interview's scorecards with mine added or replaced. */
export function withScorecard(scorecards: readonly Scorecard[], mine: Scorecard): Scorecard[] {
  const others = scorecards.filter((card) => card.interviewerId !== mine.interviewerId);
  return [...others, mine];
}
