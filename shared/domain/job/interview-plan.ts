import { ALLOWED, refuse, type Decision } from '../common/refusal';
import type { FocusAttribute, InterviewKit, InterviewPlan } from './interview-plan-schema';

/** The kit `kitId` of `plan`, wherever its stage; null when the plan has none of that id. */
export function findKit(plan: InterviewPlan | undefined, kitId: string | undefined): InterviewKit | null {
  if (!plan || kitId === undefined) return null;
  for (const stage of plan.stages) {
    const kit = stage.kits.find((candidate) => candidate.id === kitId);
    if (kit) return kit;
  }
  return null;
}

/** The attributes a kit focuses on, in the kit's order (ids the plan lacks are left out). */
export function kitAttributes(plan: InterviewPlan, kit: InterviewKit): FocusAttribute[] {
  const byId = new Map(plan.attributes.map((attribute) => [attribute.id, attribute]));
  return kit.focusAttributeIds.flatMap((id) => {
    const attribute = byId.get(id);
    return attribute ? [attribute] : [];
  });
}

/** Every kit of the plan with the name of its stage, in plan order. */
export function planKits(plan: InterviewPlan | undefined): { stageName: string; kit: InterviewKit }[] {
  return (plan?.stages ?? []).flatMap((stage) => stage.kits.map((kit) => ({ stageName: stage.name, kit })));
}

function firstRepeat(ids: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

/**
 * What the plan's JSON Schema cannot say: ids are unique (stages, kits across every stage,
 * attributes), and each kit focuses on attributes of the plan, each once.
 */
export function decideInterviewPlan(plan: InterviewPlan): Decision {
  const repeatedStage = firstRepeat(plan.stages.map((stage) => stage.id));
  if (repeatedStage)
    return refuse('validation_failed', `interviewPlan: stage id ${repeatedStage} is used twice.`);
  const kits = plan.stages.flatMap((stage) => stage.kits);
  const repeatedKit = firstRepeat(kits.map((kit) => kit.id));
  if (repeatedKit) return refuse('validation_failed', `interviewPlan: kit id ${repeatedKit} is used twice.`);
  const attributeIds = plan.attributes.map((attribute) => attribute.id);
  const repeatedAttribute = firstRepeat(attributeIds);
  if (repeatedAttribute) {
    return refuse('validation_failed', `interviewPlan: attribute id ${repeatedAttribute} is used twice.`);
  }
  const known = new Set(attributeIds);
  for (const kit of kits) {
    const unknown = kit.focusAttributeIds.find((id) => !known.has(id));
    if (unknown) {
      return refuse(
        'validation_failed',
        `interviewPlan: kit “${kit.name}” focuses on ${unknown}, which the plan does not assess.`,
      );
    }
    const twice = firstRepeat(kit.focusAttributeIds);
    if (twice) return refuse('validation_failed', `interviewPlan: kit “${kit.name}” lists ${twice} twice.`);
  }
  return ALLOWED;
}
