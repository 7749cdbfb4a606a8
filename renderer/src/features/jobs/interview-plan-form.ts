import { jsonEqual } from '#shared/domain/common/equality';
import { ID_MAX_LENGTH } from '#shared/domain/common/schema-helpers';
import type { InterviewType } from '#shared/domain/interview/interview-schema';
import type { FocusAttribute, InterviewPlan } from '#shared/domain/job/interview-plan-schema';

/** A kit as the editor holds it: questions one per line, the duration as typed. */
export interface KitDraft {
  readonly id: string;
  readonly name: string;
  readonly type: InterviewType;
  readonly durationMinutes: string;
  readonly purpose: string;
  readonly questions: string;
  readonly focusAttributeIds: readonly string[];
}

export interface StageDraft {
  readonly id: string;
  readonly name: string;
  readonly kits: readonly KitDraft[];
}

/** The plan as the editor holds it. */
export interface PlanDraft {
  readonly attributes: readonly FocusAttribute[];
  readonly stages: readonly StageDraft[];
}

export const EMPTY_PLAN: PlanDraft = { attributes: [], stages: [] };

export function toPlanDraft(plan: InterviewPlan | undefined): PlanDraft {
  if (!plan) return EMPTY_PLAN;
  return {
    attributes: plan.attributes.map((attribute) => ({ ...attribute })),
    stages: plan.stages.map((stage) => ({
      id: stage.id,
      name: stage.name,
      kits: stage.kits.map((kit) => ({
        ...kit,
        durationMinutes: String(kit.durationMinutes),
        questions: kit.questions.join('\n'),
        focusAttributeIds: [...kit.focusAttributeIds],
      })),
    })),
  };
}

/**
 * The plan the editor describes, or what to fix in words. Blank names are asked for here; what
 * the plan must hold together (unique ids, kits on the plan's attributes) is the shared rules' to judge.
 */
export function fromPlanDraft(
  draft: PlanDraft,
): { ok: true; plan: InterviewPlan } | { ok: false; message: string } {
  const unnamedAttribute = draft.attributes.findIndex((attribute) => attribute.name.trim() === '');
  if (unnamedAttribute >= 0)
    return { ok: false, message: `Name attribute ${unnamedAttribute + 1}, or remove it.` };
  const known = new Set(draft.attributes.map((attribute) => attribute.id));
  const stages: InterviewPlan['stages'] = [];
  for (const [index, stage] of draft.stages.entries()) {
    if (stage.name.trim() === '') return { ok: false, message: `Name stage ${index + 1}, or remove it.` };
    const kits = [];
    for (const kit of stage.kits) {
      if (kit.name.trim() === '')
        return { ok: false, message: `Name every interview of “${stage.name.trim()}”.` };
      const duration = Number(kit.durationMinutes);
      if (!Number.isInteger(duration) || duration < 5 || duration > 480) {
        return { ok: false, message: `“${kit.name.trim()}”: the duration is 5 to 480 minutes.` };
      }
      kits.push({
        id: kit.id,
        name: kit.name.trim(),
        type: kit.type,
        durationMinutes: duration,
        purpose: kit.purpose.trim(),
        questions: kit.questions
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
        // Attributes removed from the plan leave the kits that focused on them.
        focusAttributeIds: kit.focusAttributeIds.filter((id) => known.has(id)),
      });
    }
    stages.push({ id: stage.id, name: stage.name.trim(), kits });
  }
  return {
    ok: true,
    plan: {
      attributes: draft.attributes.map((attribute) => {
        const description = attribute.description?.trim();
        return { id: attribute.id, name: attribute.name.trim(), ...(description ? { description } : {}) };
      }),
      stages,
    },
  };
}

/**
 * A readable id from a name ("System design" → `system-design`), unique among `taken`: ids are what
 * scorecards and interviews name, so they never change once given, whatever the name becomes.
 */
export function idFromName(name: string, prefix: string, taken: ReadonlySet<string>): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, ID_MAX_LENGTH - 8);
  const base = slug ? `${prefix}${slug}` : `${prefix}item`;
  let id = base;
  for (let counter = 2; taken.has(id); counter += 1) id = `${base}-${counter}`;
  return id;
}

/** Every id the plan uses (they share one namespace here, so none is ever reused). */
export function idsOf(draft: PlanDraft): Set<string> {
  return new Set([
    ...draft.attributes.map((attribute) => attribute.id),
    ...draft.stages.flatMap((stage) => [stage.id, ...stage.kits.map((kit) => kit.id)]),
  ]);
}

/** A first plan to adapt: a screen, a technical interview and a hiring manager interview. */
export function starterPlan(): PlanDraft {
  return {
    attributes: [
      { id: 'skills', name: 'Skills for the role' },
      { id: 'problem-solving', name: 'Problem solving' },
      { id: 'communication', name: 'Communication' },
      { id: 'motivation', name: 'Motivation and fit' },
    ],
    stages: [
      {
        id: 'screen',
        name: 'Screen',
        kits: [
          {
            id: 'kit-screen',
            name: 'Recruiter screen',
            type: 'phone',
            durationMinutes: '30',
            purpose: 'Motivation, expectations and availability, before anyone spends an afternoon.',
            questions: 'Why this role, and why now?\nWhat are you looking for in your next team?',
            focusAttributeIds: ['motivation', 'communication'],
          },
        ],
      },
      {
        id: 'interviews',
        name: 'Interviews',
        kits: [
          {
            id: 'kit-technical',
            name: 'Technical interview',
            type: 'technical',
            durationMinutes: '60',
            purpose: 'Can they do the work? A realistic exercise from the job.',
            questions: '',
            focusAttributeIds: ['skills', 'problem-solving'],
          },
          {
            id: 'kit-hiring-manager',
            name: 'Hiring manager interview',
            type: 'hiring_manager',
            durationMinutes: '45',
            purpose: 'How they would work with the team, and what they need to do well.',
            questions: '',
            focusAttributeIds: ['communication', 'motivation'],
          },
        ],
      },
    ],
  };
}

/** Whether the editor holds changes to `original`. */
export function isPlanChanged(draft: PlanDraft, original: PlanDraft): boolean {
  return !jsonEqual(draft, original);
}
