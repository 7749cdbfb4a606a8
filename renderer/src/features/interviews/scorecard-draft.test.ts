import { describe, expect, it } from 'vitest';
import { scorecardDraftId } from '../../data/local-schemas';
import { EMPTY_SCORECARD, initialScorecardFields, toScorecard, withScorecard } from './scorecard-draft';

const submitted = {
  interviewerId: 'me',
  rating: 3,
  recommendation: 'no',
  notes: 'old',
  submittedAt: '2026-11-01T10:00:00.000Z',
} as const;

describe('scorecard drafts', () => {
  it('are keyed by interview and author', () => {
    expect(scorecardDraftId('interview-1', 'me')).toBe('interview-1:me');
    expect(scorecardDraftId('interview-1', 'me')).not.toBe(scorecardDraftId('interview-1', 'you'));
    expect(scorecardDraftId('interview-1', 'me')).not.toBe(scorecardDraftId('interview-2', 'me'));
  });

  it('start from the draft, else my submitted scorecard, else blank', () => {
    const draft = { rating: 5, recommendation: 'strong_yes', notes: 'typed' };
    expect(initialScorecardFields(draft, submitted)).toEqual(draft);
    expect(initialScorecardFields(null, submitted)).toEqual({
      rating: 3,
      recommendation: 'no',
      notes: 'old',
    });
    expect(initialScorecardFields(null, undefined)).toEqual(EMPTY_SCORECARD);
    expect(initialScorecardFields({ rating: 0, recommendation: 'bogus', notes: '' }, undefined)).toEqual(
      EMPTY_SCORECARD,
    );
  });

  it('need a rating and a recommendation to be submitted', () => {
    expect(toScorecard({ rating: 0, recommendation: 'yes', notes: '' }, 'me', 0)).toMatchObject({
      ok: false,
    });
    expect(toScorecard({ rating: 4, recommendation: '', notes: '' }, 'me', 0)).toMatchObject({ ok: false });
    expect(toScorecard({ rating: 4, recommendation: 'yes', notes: 'n' }, 'me', 0)).toEqual({
      ok: true,
      scorecard: {
        interviewerId: 'me',
        rating: 4,
        recommendation: 'yes',
        notes: 'n',
        submittedAt: '1970-01-01T00:00:00.000Z',
      },
    });
  });

  it('replace my earlier scorecard and keep the others', () => {
    const other = { ...submitted, interviewerId: 'other' };
    const mine = { ...submitted, rating: 5 };
    expect(withScorecard([submitted, other], mine)).toEqual([other, mine]);
  });
});

describe('scorecards rated per focus attribute', () => {
  const attributes = [
    { id: 'design', name: 'System design' },
    { id: 'coding', name: 'Coding' },
  ];
  const ids = attributes.map((attribute) => attribute.id);

  it('give the form one field per attribute of the kit, from the draft or my submitted scorecard', () => {
    const draft = {
      rating: 4,
      recommendation: 'yes',
      notes: '',
      attributeRatings: [{ attributeId: 'coding', rating: 5, note: 'Tests first.' }],
    };
    expect(initialScorecardFields(draft, undefined, ids).attributeRatings).toEqual([
      { attributeId: 'design', rating: 0, note: '' },
      { attributeId: 'coding', rating: 5, note: 'Tests first.' },
    ]);
    const mine = {
      ...submitted,
      attributeRatings: [
        { attributeId: 'design', rating: 2 },
        { attributeId: 'gone', rating: 1 },
      ],
    };
    expect(initialScorecardFields(null, mine, ids).attributeRatings).toEqual([
      { attributeId: 'design', rating: 2, note: '' },
      { attributeId: 'coding', rating: 0, note: '' },
    ]);
    expect(initialScorecardFields(null, undefined, ids).attributeRatings).toHaveLength(2);
  });

  it('submit the rated attributes of the kit only, with their evidence trimmed', () => {
    const fields = {
      rating: 4,
      recommendation: 'yes' as const,
      notes: '',
      attributeRatings: [
        { attributeId: 'design', rating: 3, note: '  Hand-wavy on retries. ' },
        { attributeId: 'coding', rating: 0, note: '' },
        { attributeId: 'removed-from-kit', rating: 5, note: '' },
      ],
    };
    const result = toScorecard(fields, 'me', 0, attributes);
    expect(result.ok && result.scorecard.attributeRatings).toEqual([
      { attributeId: 'design', rating: 3, note: 'Hand-wavy on retries.' },
    ]);
  });

  it('ask for a rating when only evidence was written', () => {
    const fields = {
      rating: 4,
      recommendation: 'yes' as const,
      notes: '',
      attributeRatings: [{ attributeId: 'coding', rating: 0, note: 'Clean code' }],
    };
    expect(toScorecard(fields, 'me', 0, attributes)).toEqual({
      ok: false,
      message: 'Rate “Coding”, or clear its note.',
    });
  });
});
