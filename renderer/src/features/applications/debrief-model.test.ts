import { describe, expect, it } from 'vitest';
import type { Interview, Scorecard } from '#shared/domain/interview/interview-schema';
import type { InterviewPlan } from '#shared/domain/job/interview-plan-schema';
import { buildDebrief } from './debrief-model';

const plan: InterviewPlan = {
  attributes: [
    { id: 'design', name: 'System design' },
    { id: 'coding', name: 'Coding' },
    { id: 'ownership', name: 'Ownership' },
  ],
  stages: [
    {
      id: 's',
      name: 'Rounds',
      kits: [
        {
          id: 'kit-tech',
          name: 'Technical interview',
          type: 'technical',
          durationMinutes: 90,
          purpose: '',
          questions: [],
          focusAttributeIds: ['design', 'coding'],
        },
        {
          id: 'kit-hm',
          name: 'Hiring manager interview',
          type: 'hiring_manager',
          durationMinutes: 60,
          purpose: '',
          questions: [],
          focusAttributeIds: ['ownership'],
        },
      ],
    },
  ],
};

function card(
  interviewerId: string,
  rating: number,
  recommendation: Scorecard['recommendation'],
  ratings: Scorecard['attributeRatings'],
): Scorecard {
  return {
    interviewerId,
    rating,
    recommendation,
    notes: '',
    submittedAt: '2026-03-01T12:00:00.000Z',
    ...(ratings ? { attributeRatings: ratings } : {}),
  };
}

function interview(
  id: string,
  scheduledAt: string,
  kitId: string | undefined,
  scorecards: Scorecard[],
): Interview {
  return {
    id,
    updatedAt: 0,
    applicationId: 'job__cand',
    jobId: 'job',
    candidateId: 'cand',
    type: kitId === 'kit-hm' ? 'hiring_manager' : 'technical',
    scheduledAt,
    durationMinutes: 60,
    interviewerIds: scorecards.map((each) => each.interviewerId),
    status: 'completed',
    scorecards,
    createdBy: 'r',
    createdAt: '2026-02-01T00:00:00.000Z',
    ...(kitId ? { kitId } : {}),
  };
}

describe('the debrief', () => {
  it('puts every scorecard side by side per attribute, interviews in time order', () => {
    const debrief = buildDebrief(
      [
        interview('hm', '2026-03-02T10:00:00.000Z', 'kit-hm', [
          card('manager', 5, 'strong_yes', [{ attributeId: 'ownership', rating: 5 }]),
        ]),
        interview('tech', '2026-03-01T10:00:00.000Z', 'kit-tech', [
          card('dana', 4, 'yes', [
            { attributeId: 'design', rating: 3, note: 'Hand-wavy' },
            { attributeId: 'coding', rating: 5 },
          ]),
          card('sam', 2, 'no', [
            { attributeId: 'design', rating: 2 },
            { attributeId: 'retired', rating: 1 },
          ]),
        ]),
        interview('old', '2026-02-20T10:00:00.000Z', undefined, [card('olga', 3, 'no', undefined)]),
      ],
      plan,
    );
    expect(debrief.columns.map((column) => `${column.interviewerId}@${column.interviewName}`)).toEqual([
      'olga@Technical interview',
      'dana@Technical interview',
      'sam@Technical interview',
      'manager@Hiring manager interview',
    ]);
    expect(
      debrief.rows.map((row) => [row.name, row.cells.map((cell) => cell?.rating ?? null), row.average]),
    ).toEqual([
      ['System design', [null, 3, 2, null], 2.5],
      ['Coding', [null, 5, null, null], 5],
      ['Ownership', [null, null, null, 5], 5],
      ['retired', [null, null, 1, null], 1],
    ]);
    expect(debrief.rows[0]?.cells[1]?.note).toBe('Hand-wavy');
    expect(debrief.recommendations).toEqual({ strong_yes: 1, yes: 1, no: 2, strong_no: 0 });
    expect(debrief.averageRating).toBe(3.5);
  });

  it('is empty before any scorecard is in', () => {
    expect(buildDebrief([interview('x', '2026-03-01T10:00:00.000Z', 'kit-tech', [])], plan)).toMatchObject({
      columns: [],
      rows: [],
      averageRating: null,
    });
  });
});
