import {
  RECOMMENDATIONS,
  type AttributeRating,
  type Interview,
  type Recommendation,
} from '#shared/domain/interview/interview-schema';
import { findKit } from '#shared/domain/job/interview-plan';
import type { InterviewPlan } from '#shared/domain/job/interview-plan-schema';
import { humanize } from '../../ui/labels';

/** One submitted scorecard, a column of the debrief. */
export interface DebriefColumn {
  readonly interviewId: string;
  readonly interviewerId: string;
  /** The kit's name, else the interview's type. */
  readonly interviewName: string;
  readonly rating: number;
  readonly recommendation: Recommendation;
  readonly submittedAt: string;
}

/** One attribute across every scorecard: a row of the debrief. */
export interface DebriefRow {
  readonly attributeId: string;
  readonly name: string;
  /** Per column: that scorecard's rating of the attribute, or null (not assessed there). */
  readonly cells: readonly (AttributeRating | null)[];
  /** Mean of the ratings given, one decimal. */
  readonly average: number | null;
}

export interface Debrief {
  readonly columns: readonly DebriefColumn[];
  readonly rows: readonly DebriefRow[];
  readonly recommendations: Readonly<Record<Recommendation, number>>;
  readonly averageRating: number | null;
}

const mean = (values: readonly number[]): number | null =>
  values.length === 0
    ? null
    : Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10;

/**
 * The application's scorecards side by side: a column per scorecard (interviews in time order), a
 * row per attribute anyone rated (the plan's order; attributes the plan no longer has come last,
 * named by id), with every interviewer's overall rating and recommendation.
 */
export function buildDebrief(interviews: readonly Interview[], plan: InterviewPlan | undefined): Debrief {
  const sorted = [...interviews].sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
  const cards = sorted.flatMap((interview) =>
    [...interview.scorecards]
      .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))
      .map((card) => ({ interview, card })),
  );
  const columns: DebriefColumn[] = cards.map(({ interview, card }) => ({
    interviewId: interview.id,
    interviewerId: card.interviewerId,
    interviewName: findKit(plan, interview.kitId)?.name ?? `${humanize(interview.type)} interview`,
    rating: card.rating,
    recommendation: card.recommendation,
    submittedAt: card.submittedAt,
  }));
  const rated = new Set(
    cards.flatMap(({ card }) => (card.attributeRatings ?? []).map((rating) => rating.attributeId)),
  );
  const known = (plan?.attributes ?? []).filter((attribute) => rated.has(attribute.id));
  const unknown = [...rated].filter((id) => !known.some((attribute) => attribute.id === id)).sort();
  const rows: DebriefRow[] = [
    ...known.map((attribute) => ({ id: attribute.id, name: attribute.name })),
    ...unknown.map((id) => ({ id, name: id })),
  ].map(({ id, name }) => {
    const cells = cards.map(
      ({ card }) => card.attributeRatings?.find((rating) => rating.attributeId === id) ?? null,
    );
    return {
      attributeId: id,
      name,
      cells,
      average: mean(cells.flatMap((cell) => (cell ? [cell.rating] : []))),
    };
  });
  const recommendations = Object.fromEntries(RECOMMENDATIONS.map((value) => [value, 0])) as Record<
    Recommendation,
    number
  >;
  for (const column of columns) recommendations[column.recommendation] += 1;
  return { columns, rows, recommendations, averageRating: mean(columns.map((column) => column.rating)) };
}
