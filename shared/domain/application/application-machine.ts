import type { Actor } from '../common/roles';
import { ALLOWED, refuse, type Decision } from '../common/refusal';
import { isPipelineOpen } from '../job/job-machine';
import type { JobStatus } from '../job/job-schema';
import { roleMay, type WriteAction } from '../access/write-matrix';
import { STAGES, type OfferStatus, type Stage } from './application-schema';

/**
 * The application stage machine of SPEC §3:
 * `applied → screening → interview → offer → hired`, and any non-terminal stage `→ rejected`.
 * No skipping, no going back; `hired` and `rejected` are terminal.
 */
export const STAGE_TRANSITIONS: Readonly<Record<Stage, readonly Stage[]>> = {
  applied: ['screening', 'rejected'],
  screening: ['interview', 'rejected'],
  interview: ['offer', 'rejected'],
  offer: ['hired', 'rejected'],
  hired: [],
  rejected: [],
};

export const INITIAL_STAGE: Stage = 'applied';

export function isTerminalStage(stage: Stage): boolean {
  return STAGE_TRANSITIONS[stage].length === 0;
}

/** An offer is written and changed while the application is at the offer stage. */
export function isOfferEditable(stage: Stage): boolean {
  return stage === 'offer';
}

export function isStageTransition(from: Stage, to: Stage): boolean {
  return STAGE_TRANSITIONS[from].includes(to);
}

/** The action of SPEC §3's table that moving to `to` is. */
export function stageMoveAction(to: Stage): WriteAction {
  if (to === 'rejected') return 'application.reject';
  if (to === 'hired') return 'application.hire';
  return 'application.advance';
}

/** What a stage change asks for, beyond the target stage. */
export interface StageChangeRequest {
  readonly to: Stage;
  /** Required when rejecting. */
  readonly rejectionReason?: string;
  /** The offer's status once the change is made (hiring needs `accepted`). */
  readonly offerStatus?: OfferStatus;
}

/**
 * Whether `actor` may move an application from stage `current` to `to`, on a job in `jobStatus`:
 * the workflow allows the move; the role may make it; forward moves need an open job (rejecting is
 * allowed whatever the job's status). What the move asks for besides (a rejection's reason) is
 * `decideStageChange`'s to judge.
 */
export function decideStageMove(current: Stage, to: Stage, actor: Actor, jobStatus: JobStatus): Decision {
  if (!isStageTransition(current, to)) {
    return refuse('invalid_transition', invalidTransitionMessage(current, to));
  }
  if (!roleMay(actor.role, stageMoveAction(to))) {
    return refuse('forbidden_role', `Your role may not move an application to ${to}.`);
  }
  if (to !== 'rejected' && !isPipelineOpen(jobStatus)) {
    return refuse(
      'job_not_open',
      `The job is ${jobStatus.replace('_', ' ')}, so its pipeline cannot move forward.`,
    );
  }
  return ALLOWED;
}

/**
 * Whether `actor` may move an application from stage `current` as `requested`, on a job in
 * `jobStatus`: the move itself (`decideStageMove`), then what it asks for: rejecting needs a reason,
 * hiring an accepted offer (`decideHireReadiness`).
 */
export function decideStageChange(
  current: Stage,
  requested: StageChangeRequest,
  actor: Actor,
  jobStatus: JobStatus,
): Decision {
  const move = decideStageMove(current, requested.to, actor, jobStatus);
  if (!move.ok) return move;
  if (requested.to === 'rejected' && !requested.rejectionReason?.trim()) {
    return refuse('reason_required', 'Rejecting needs a reason.');
  }
  if (requested.to === 'hired') return decideHireReadiness(requested.offerStatus);
  return ALLOWED;
}

/** Hiring needs the candidate to have accepted the offer (SPEC §3: `offer → hired`). */
export function decideHireReadiness(offerStatus: OfferStatus | undefined): Decision {
  if (offerStatus === 'accepted') return ALLOWED;
  if (!offerStatus) return refuse('offer_not_accepted', 'Hiring needs an offer; none has been written yet.');
  return refuse(
    'offer_not_accepted',
    `Hiring needs the candidate to accept the offer; it is ${offerStatus} for now.`,
  );
}

function invalidTransitionMessage(from: Stage, to: Stage): string {
  if (from === to) return `The application is already at ${to}.`;
  if (isTerminalStage(from)) return `The application is ${from}; that is final.`;
  if (STAGES.indexOf(to) < STAGES.indexOf(from))
    return `An application cannot go back from ${from} to ${to}.`;
  return `An application cannot skip from ${from} to ${to}.`;
}

/**
 * The stages `actor` may move an application at `current` to right now (a rejection's reason is asked
 * for when rejecting). The app offers exactly these; the server decides.
 */
export function allowedStageMoves(current: Stage, actor: Actor, jobStatus: JobStatus): Stage[] {
  return STAGE_TRANSITIONS[current].filter((to) => decideStageMove(current, to, actor, jobStatus).ok);
}
