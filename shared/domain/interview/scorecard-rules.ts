import { jsonEqual } from '../common/equality';
import { ALLOWED, refuse, type Decision } from '../common/refusal';
import type { Actor } from '../common/roles';
import { MAX_CLOCK_SKEW_MS, parseIso } from '../common/time';
import { roleMay } from '../access/write-matrix';
import { findKit } from '../job/interview-plan';
import type { Job } from '../job/job-schema';
import type { Interview, Scorecard } from './interview-schema';

/** Whether a scorecard rates attributes of a kit (scorecards from before kits rate none). */
export function hasAttributeRatings(card: Pick<Scorecard, 'attributeRatings'>): boolean {
  return (card.attributeRatings?.length ?? 0) > 0;
}

/**
 * Every scorecard that was added or changed is the actor's own, on an interview they are assigned
 * to, and rates only focus attributes of the interview's kit (as the job's plan has it now).
 * A submitted scorecard is never removed.
 */
export function decideScorecards(
  actor: Actor,
  beforeCards: readonly Scorecard[],
  after: Interview,
  context: { readonly now: number; readonly job?: Job | null },
): Decision {
  const afterById = new Map(after.scorecards.map((card) => [card.interviewerId, card]));
  for (const card of beforeCards) {
    if (!afterById.has(card.interviewerId)) {
      return refuse('immutable_field', 'A submitted scorecard can be edited but not removed.');
    }
  }
  const beforeById = new Map(beforeCards.map((card) => [card.interviewerId, card]));
  const touched = after.scorecards.filter((card) => !jsonEqual(card, beforeById.get(card.interviewerId)));
  for (const card of touched) {
    if (card.interviewerId !== actor.id) {
      return refuse('not_own_scorecard', 'Nobody can write a scorecard in someone else’s name.');
    }
    if (!roleMay(actor.role, 'interview.writeOwnScorecard')) return refuse('forbidden_role');
    if (!after.interviewerIds.includes(actor.id)) return refuse('not_assigned');
    if (after.status === 'cancelled') return refuse('interview_cancelled');
    if (parseIso(card.submittedAt) > context.now + MAX_CLOCK_SKEW_MS) {
      return refuse('invalid_time', 'The scorecard is dated in the future; check the computer’s clock.');
    }
    const ratings = decideAttributeRatings(card, after, context.job);
    if (!ratings.ok) return ratings;
  }
  return ALLOWED;
}

function decideAttributeRatings(
  card: Scorecard,
  interview: Interview,
  job: Job | null | undefined,
): Decision {
  const ratings = card.attributeRatings ?? [];
  if (ratings.length === 0) return ALLOWED;
  const ids = ratings.map((rating) => rating.attributeId);
  if (new Set(ids).size !== ids.length) {
    return refuse('validation_failed', 'attributeRatings: each attribute is rated at most once.');
  }
  if (interview.kitId === undefined) {
    return refuse(
      'attribute_not_in_kit',
      'This interview follows no kit, so its scorecards rate no attributes.',
    );
  }
  if (!job || job.id !== interview.jobId) {
    return refuse('not_found', 'The job of the interview does not exist.');
  }
  const kit = findKit(job.interviewPlan, interview.kitId);
  if (!kit) return refuse('unknown_kit');
  const outside = ids.find((id) => !kit.focusAttributeIds.includes(id));
  return outside
    ? refuse('attribute_not_in_kit', `${outside} is not a focus attribute of the kit “${kit.name}”.`)
    : ALLOWED;
}
