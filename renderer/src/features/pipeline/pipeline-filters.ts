import { STAGES, type Stage } from '#shared/domain/application/application-schema';
import type { CandidateSource } from '#shared/domain/candidate/candidate-schema';
import type { PipelineCard } from './pipeline-cards';

/** What the board's filter bar asks for. Empty values filter nothing. */
export interface PipelineFilters {
  readonly text: string;
  readonly source: CandidateSource | null;
  readonly tag: string | null;
  /** Only cards at least this many days in their stage. */
  readonly minDaysInStage: number | null;
}

export const NO_FILTERS: PipelineFilters = { text: '', source: null, tag: null, minDaysInStage: null };

/** The "days in stage" choices of the filter bar. */
export const DAYS_IN_STAGE_CHOICES = [3, 7, 14, 30] as const;

/** How cards are ordered within each column. */
export const SORT_ORDERS = ['longest_in_stage', 'newest_in_stage', 'name', 'next_interview'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export const SORT_LABELS: Readonly<Record<SortOrder, string>> = {
  longest_in_stage: 'Longest in stage',
  newest_in_stage: 'Newest in stage',
  name: 'Name',
  next_interview: 'Next interview',
};

export function hasFilters(filters: PipelineFilters): boolean {
  return (
    filters.text.trim() !== '' ||
    filters.source !== null ||
    filters.tag !== null ||
    filters.minDaysInStage !== null
  );
}

/** Cards matching every filter; the text filter needs every word somewhere in name, company, title or tags. */
export function filterCards(cards: Iterable<PipelineCard>, filters: PipelineFilters): PipelineCard[] {
  const terms = filters.text.toLowerCase().split(/\s+/).filter(Boolean);
  const matching: PipelineCard[] = [];
  for (const card of cards) {
    if (filters.source && card.source !== filters.source) continue;
    if (filters.tag && !card.tags.includes(filters.tag)) continue;
    if (filters.minDaysInStage !== null && card.daysInStage < filters.minDaysInStage) continue;
    if (!terms.every((term) => card.searchText.includes(term))) continue;
    matching.push(card);
  }
  return matching;
}

const byName = (a: PipelineCard, b: PipelineCard) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

const COMPARATORS: Readonly<Record<SortOrder, (a: PipelineCard, b: PipelineCard) => number>> = {
  longest_in_stage: (a, b) => a.enteredStageAt - b.enteredStageAt || byName(a, b),
  newest_in_stage: (a, b) => b.enteredStageAt - a.enteredStageAt || byName(a, b),
  name: byName,
  // Cards with an interview coming first, soonest first; the rest by name.
  next_interview: (a, b) => {
    if (a.nextInterviewAt && b.nextInterviewAt)
      return a.nextInterviewAt.localeCompare(b.nextInterviewAt) || byName(a, b);
    if (a.nextInterviewAt) return -1;
    if (b.nextInterviewAt) return 1;
    return byName(a, b);
  },
};

/** A sorted copy; ties broken by name then id, so the order is stable across live updates. */
export function sortCards(cards: readonly PipelineCard[], order: SortOrder): PipelineCard[] {
  return [...cards].sort(COMPARATORS[order]);
}

export type PipelineColumns = Readonly<Record<Stage, readonly PipelineCard[]>>;

/** The cards of each stage's column, filtered and sorted. */
export function buildColumns(
  cards: Iterable<PipelineCard>,
  filters: PipelineFilters,
  order: SortOrder,
): PipelineColumns {
  const grouped = Object.fromEntries(STAGES.map((stage) => [stage, [] as PipelineCard[]])) as Record<
    Stage,
    PipelineCard[]
  >;
  for (const card of filterCards(cards, filters)) grouped[card.stage].push(card);
  for (const stage of STAGES) grouped[stage].sort(COMPARATORS[order]);
  return grouped;
}

/** How many cards each stage has, before filtering. */
export function countByStage(cards: Iterable<PipelineCard>): Readonly<Record<Stage, number>> {
  const counts = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
  for (const card of cards) counts[card.stage] += 1;
  return counts;
}

/** Every tag of the board's candidates, alphabetically, for the tag filter. */
export function tagsOf(cards: Iterable<PipelineCard>): string[] {
  const tags = new Set<string>();
  for (const card of cards) for (const tag of card.tags) tags.add(tag);
  return [...tags].sort((a, b) => a.localeCompare(b));
}
