import { describe, expect, it } from 'vitest';
import type { PipelineCard } from './pipeline-cards';
import {
  buildColumns,
  countByStage,
  filterCards,
  hasFilters,
  NO_FILTERS,
  sortCards,
  tagsOf,
} from './pipeline-filters';

function card(id: string, extra: Partial<PipelineCard> = {}): PipelineCard {
  const name = extra.name ?? id;
  return {
    id,
    candidateId: `c-${id}`,
    name,
    currentCompany: '',
    currentTitle: '',
    source: 'linkedin',
    tags: [],
    stage: 'applied',
    enteredStageAt: 0,
    daysInStage: 0,
    nextInterviewAt: null,
    isPending: false,
    searchText: name.toLowerCase(),
    ...extra,
  };
}

const maya = card('a1', {
  name: 'Maya Okafor',
  searchText: 'maya okafor\nshopwise',
  source: 'referral',
  tags: ['backend'],
  daysInStage: 20,
  enteredStageAt: 100,
  stage: 'interview',
  nextInterviewAt: '2026-03-12T10:00:00.000Z',
});
const wei = card('a2', {
  name: 'Wei Zhang',
  searchText: 'wei zhang\npayfast',
  tags: ['backend', 'go'],
  daysInStage: 3,
  enteredStageAt: 300,
  stage: 'interview',
  nextInterviewAt: '2026-03-11T10:00:00.000Z',
});
const oliver = card('a3', {
  name: 'Oliver Grant',
  searchText: 'oliver grant',
  source: 'job_board',
  daysInStage: 8,
  enteredStageAt: 200,
});
const cards = [maya, wei, oliver];

describe('board filters', () => {
  it('filters nothing when empty', () => {
    expect(filterCards(cards, NO_FILTERS)).toEqual(cards);
    expect(hasFilters(NO_FILTERS)).toBe(false);
  });

  it.each([
    [{ text: 'shopwise' }, ['a1']],
    [{ text: 'ZHANG pay' }, ['a2']],
    [{ text: 'zhang shopwise' }, []],
    [{ source: 'referral' as const }, ['a1']],
    [{ tag: 'go' }, ['a2']],
    [{ tag: 'backend' }, ['a1', 'a2']],
    [{ minDaysInStage: 7 }, ['a1', 'a3']],
    [{ tag: 'backend', minDaysInStage: 7 }, ['a1']],
  ])('%o keeps %o', (filters, ids) => {
    const applied = { ...NO_FILTERS, ...filters };
    expect(hasFilters(applied)).toBe(true);
    expect(filterCards(cards, applied).map((c) => c.id)).toEqual(ids);
  });
});

describe('sorting within a column', () => {
  it.each([
    ['longest_in_stage', ['a1', 'a3', 'a2']],
    ['newest_in_stage', ['a2', 'a3', 'a1']],
    ['name', ['a1', 'a3', 'a2']],
    ['next_interview', ['a2', 'a1', 'a3']],
  ] as const)('%s', (order, ids) => {
    expect(sortCards(cards, order).map((c) => c.id)).toEqual(ids);
  });

  it('breaks ties by name, then id, so live updates keep the order', () => {
    const twins = [card('b2', { name: 'Ann' }), card('b1', { name: 'Ann' }), card('b0', { name: 'Aaron' })];
    expect(sortCards(twins, 'longest_in_stage').map((c) => c.id)).toEqual(['b0', 'b1', 'b2']);
  });
});

describe('columns', () => {
  it('groups filtered, sorted cards by stage and counts every card', () => {
    const columns = buildColumns(cards, { ...NO_FILTERS, tag: 'backend' }, 'next_interview');
    expect(columns.interview.map((c) => c.id)).toEqual(['a2', 'a1']);
    expect(columns.applied).toEqual([]);
    expect(columns.hired).toEqual([]);
    expect(countByStage(cards)).toEqual({
      applied: 1,
      screening: 0,
      interview: 2,
      offer: 0,
      hired: 0,
      rejected: 0,
    });
  });

  it('lists the tags of the board alphabetically', () => {
    expect(tagsOf(cards)).toEqual(['backend', 'go']);
  });
});
