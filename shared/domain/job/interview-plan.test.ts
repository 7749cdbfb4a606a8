import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../common/roles';
import type { Decision } from '../common/refusal';
import { decideWrite } from '../decide/decide-write';
import { actor, context, interviewPlan, job } from '../../test-support/fixtures';
import { findKit, kitAttributes, planKits } from './interview-plan';
import type { InterviewPlan } from './interview-plan-schema';

const EDITORS: readonly Role[] = ['admin', 'hiring_manager', 'recruiter'];
const code = (decision: Decision): string => (decision.ok ? 'ok' : decision.code);

function broken(change: (plan: InterviewPlan) => void): InterviewPlan {
  const plan = interviewPlan();
  change(plan);
  return plan;
}

describe('interview plans on jobs, every role', () => {
  it.each(ROLES.map((role) => ({ role, expected: EDITORS.includes(role) ? 'ok' : 'forbidden_role' })))(
    '$role adds, edits or removes a plan: $expected',
    ({ role, expected }) => {
      const before = job();
      const withPlan = job({ interviewPlan: interviewPlan() });
      expect(code(decideWrite(actor(role), 'jobs', before, withPlan, context()))).toBe(expected);
      const renamed = broken((plan) => {
        plan.attributes[0]!.name = 'Architecture';
      });
      expect(
        code(decideWrite(actor(role), 'jobs', withPlan, job({ interviewPlan: renamed }), context())),
      ).toBe(expected);
      expect(code(decideWrite(actor(role), 'jobs', withPlan, before, context()))).toBe(expected);
    },
  );

  const malformed: [string, InterviewPlan][] = [
    ['a kit id used in two stages', broken((plan) => (plan.stages[1]!.kits[0]!.id = 'kit-technical'))],
    ['a stage id used twice', broken((plan) => (plan.stages[1]!.id = 'technical'))],
    ['an attribute id used twice', broken((plan) => (plan.attributes[1]!.id = 'design'))],
    [
      'a kit focusing on an attribute the plan lacks',
      broken((plan) => plan.stages[0]!.kits[0]!.focusAttributeIds.push('charisma')),
    ],
    [
      'a kit listing an attribute twice',
      broken((plan) => plan.stages[0]!.kits[0]!.focusAttributeIds.push('design')),
    ],
  ];
  it.each(malformed)('refuses %s, for every role, naming the problem', (_what, plan) => {
    for (const role of ROLES) {
      const decision = decideWrite(actor(role), 'jobs', job(), job({ interviewPlan: plan }), context());
      expect(code(decision)).toBe('validation_failed');
      expect(decision.ok ? '' : decision.message).toMatch(/^interviewPlan: /);
    }
  });

  it('refuses what the schema forbids: a kit without a name, an unknown field', () => {
    const nameless = broken((plan) => (plan.stages[0]!.kits[0]!.name = ''));
    expect(
      code(decideWrite(actor('admin'), 'jobs', job(), job({ interviewPlan: nameless }), context())),
    ).toBe('validation_failed');
    const extra = { ...job(), interviewPlan: { ...interviewPlan(), scoring: 'secret' } };
    expect(code(decideWrite(actor('admin'), 'jobs', job(), extra, context()))).toBe('validation_failed');
  });

  it('keeps a closed job’s plan as it is', () => {
    const closed = job({ status: 'closed', closedReason: 'filled', interviewPlan: interviewPlan() });
    expect(
      code(decideWrite(actor('admin'), 'jobs', closed, { ...closed, interviewPlan: undefined }, context())),
    ).toBe('job_closed');
  });
});

describe('reading a plan', () => {
  const plan = interviewPlan();
  it('finds kits in any stage, and their attributes in kit order', () => {
    expect(findKit(plan, 'kit-manager')?.name).toBe('Hiring manager interview');
    expect(findKit(plan, 'kit-nope')).toBeNull();
    expect(findKit(undefined, 'kit-manager')).toBeNull();
    const kit = findKit(plan, 'kit-technical');
    expect(kit && kitAttributes(plan, kit).map((attribute) => attribute.name)).toEqual([
      'System design',
      'Coding',
    ]);
    expect(planKits(plan).map(({ stageName, kit: each }) => `${stageName}/${each.id}`)).toEqual([
      'Technical round/kit-technical',
      'Final round/kit-manager',
    ]);
  });
});
