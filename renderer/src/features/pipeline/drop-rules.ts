import {
  allowedStageMoves,
  decideHireReadiness,
  decideStageMove,
} from '#shared/domain/application/application-machine';
import type { OfferStatus, Stage } from '#shared/domain/application/application-schema';
import type { Actor } from '#shared/domain/common/roles';
import type { RefusalCode } from '#shared/domain/common/refusal';
import type { JobStatus } from '#shared/domain/job/job-schema';

/** What dropping a card on a column means: no move, a move (maybe asking for a reason), or a refusal. */
export type DropDecision =
  | { readonly kind: 'none' }
  | { readonly kind: 'move'; readonly needsReason: boolean; readonly needsConfirmation?: true }
  | { readonly kind: 'refused'; readonly code: RefusalCode; readonly message: string };

/**
 * Whether `actor` may drop a card at `from` on the `to` column of a job in `jobStatus`. The shared
 * rules decide (`decideStageMove`, and for hiring `decideHireReadiness` on the card's offer); the
 * rejection reason is asked for after the drop, and a hire is confirmed first.
 */
export function decideDrop(
  from: Stage,
  to: Stage,
  actor: Actor,
  jobStatus: JobStatus,
  offerStatus?: OfferStatus,
): DropDecision {
  if (from === to) return { kind: 'none' };
  const move = decideStageMove(from, to, actor, jobStatus);
  const decision = move.ok && to === 'hired' ? decideHireReadiness(offerStatus) : move;
  return decision.ok
    ? { kind: 'move', needsReason: to === 'rejected', ...(to === 'hired' ? { needsConfirmation: true } : {}) }
    : { kind: 'refused', code: decision.code, message: decision.message };
}

/** The columns a card at `from` may be dropped on; a card with none cannot be picked up. */
export function dropTargets(from: Stage, actor: Actor, jobStatus: JobStatus): ReadonlySet<Stage> {
  return new Set(allowedStageMoves(from, actor, jobStatus));
}

/** Whether a card at `stage` can be dragged at all by `actor` on this job. */
export function isMovable(stage: Stage, actor: Actor, jobStatus: JobStatus): boolean {
  return allowedStageMoves(stage, actor, jobStatus).length > 0;
}
