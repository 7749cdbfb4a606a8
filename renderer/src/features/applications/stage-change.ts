import { INITIAL_STAGE } from '#shared/domain/application/application-machine';
import {
  applicationId,
  type Application,
  type Stage,
} from '#shared/domain/application/application-schema';
import type { Actor } from '#shared/domain/common/roles';

export interface StageMoveDetails {
  readonly reason?: string;
  readonly note?: string;
}

/**
 * The application after moving it to `to` now: one new history entry (`by` and `recordedAt` are
 * the server's to set; they are filled here so the local copy is complete), and the rejection when
 * rejecting. Whether the move is allowed is for `decideWrite` to say.
 */
export function applyStageMove(
  application: Application,
  to: Stage,
  actor: Actor,
  details: StageMoveDetails,
  now: Date,
): Application {
  const at = now.toISOString();
  const note = details.note?.trim();
  const reason = details.reason?.trim() ?? '';
  return {
    ...application,
    stage: to,
    stageHistory: [
      ...application.stageHistory,
      { from: application.stage, to, by: actor.id, at, recordedAt: at, ...(note ? { note } : {}) },
    ],
    ...(to === 'rejected'
      ? { rejection: { atStage: application.stage, reason, ...(note ? { note } : {}) } }
      : {}),
  };
}

/** A new application of `candidateId` to `jobId`, at applied, with its deterministic id. */
export function newApplication(jobId: string, candidateId: string, actor: Actor, now: Date): Application {
  const at = now.toISOString();
  return {
    id: applicationId(jobId, candidateId),
    updatedAt: 0,
    jobId,
    candidateId,
    stage: INITIAL_STAGE,
    stageHistory: [{ from: null, to: INITIAL_STAGE, by: actor.id, at, recordedAt: at }],
    createdBy: actor.id,
    createdAt: at,
  };
}
