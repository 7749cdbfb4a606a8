import { describe, expect, it } from 'vitest';
import { decideInterviewPlan } from '#shared/domain/job/interview-plan';
import {
  EMPTY_PLAN,
  fromPlanDraft,
  idFromName,
  idsOf,
  starterPlan,
  toPlanDraft,
} from './interview-plan-form';

describe('the interview plan editor', () => {
  it('round-trips a plan, questions one per line', () => {
    const draft = starterPlan();
    const result = fromPlanDraft(draft);
    if (!result.ok) throw new Error(result.message);
    expect(decideInterviewPlan(result.plan)).toEqual({ ok: true });
    expect(result.plan.stages[0]?.kits[0]?.questions).toEqual([
      'Why this role, and why now?',
      'What are you looking for in your next team?',
    ]);
    expect(toPlanDraft(result.plan)).toEqual(draft);
    expect(toPlanDraft(undefined)).toEqual(EMPTY_PLAN);
  });

  it('asks for names and a plausible duration, and drops focus on removed attributes', () => {
    const draft = starterPlan();
    expect(fromPlanDraft({ ...draft, attributes: [...draft.attributes, { id: 'x', name: ' ' }] })).toEqual({
      ok: false,
      message: 'Name attribute 5, or remove it.',
    });
    const [screen, interviews] = draft.stages;
    if (!screen || !interviews) throw new Error('starter plan changed');
    const longKit = { ...screen, kits: [{ ...screen.kits[0]!, durationMinutes: '600' }] };
    expect(fromPlanDraft({ ...draft, stages: [longKit, interviews] })).toMatchObject({
      ok: false,
      message: /5 to 480/,
    });
    const withoutMotivation = {
      ...draft,
      attributes: draft.attributes.filter((attribute) => attribute.id !== 'motivation'),
    };
    const result = fromPlanDraft(withoutMotivation);
    expect(result.ok && result.plan.stages[0]?.kits[0]?.focusAttributeIds).toEqual(['communication']);
  });

  it('makes readable ids that are never reused', () => {
    const taken = idsOf(starterPlan());
    expect(idFromName('System design', '', taken)).toBe('system-design');
    expect(idFromName('Communication', '', taken)).toBe('communication-2');
    expect(idFromName('Café culture!', 'kit-', taken)).toBe('kit-cafe-culture');
    expect(idFromName('???', 'kit-', taken)).toBe('kit-item');
    expect(idFromName('x'.repeat(200), '', taken).length).toBeLessThanOrEqual(64);
  });
});
