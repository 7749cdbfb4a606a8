import type { Actor } from '../common/roles';
import { INITIAL_STAGE } from './application-machine';
import { applicationId, type Application, type Stage } from './application-schema';
import type { CandidateSource } from '../candidate/candidate-schema';

/** What a person gives with a stage move: the rejection reason, and a note. */
export interface StageMoveDetails {
  readonly reason?: string;
  readonly note?: string;
}

/**
 * When a command happened: `at` is when the person acted; `recordedAt` when the server recorded it
 * (the server's to set; the local copy assumes now, a loader of past data gives the real one).
 */
export interface CommandTime {
  readonly at: Date;
  readonly recordedAt?: Date;
}

/**
 * The application after moving it to `to`: one new history entry (`by` and `recordedAt` are the
 * server's to set; they are filled here so the local copy is complete), and the rejection when
 * rejecting. Whether the move is allowed is for `decideWrite` to say. Used by the app's board and
 * pages, the integration API, the demo and the benchmarks alike.
 */
export function moveToStage(
  application: Application,
  to: Stage,
  actor: Pick<Actor, 'id'>,
  details: StageMoveDetails,
  time: CommandTime,
): Application {
  const at = time.at.toISOString();
  const note = details.note?.trim();
  const reason = details.reason?.trim() ?? '';
  return {
    ...application,
    stage: to,
    stageHistory: [
      ...application.stageHistory,
      {
        from: application.stage,
        to,
        by: actor.id,
        at,
        recordedAt: (time.recordedAt ?? time.at).toISOString(),
        ...(note ? { note } : {}),
      },
    ],
    ...(to === 'rejected'
      ? { rejection: { atStage: application.stage, reason, ...(note ? { note } : {}) } }
      : {}),
  };
}

/** How a new application came: its source, and a note on its arrival (a portal cover letter). */
export interface NewApplicationDetails {
  readonly source?: CandidateSource;
  readonly note?: string;
}

/**
 * A new application of `candidateId` to `jobId` at applied, with its deterministic id and one history
 * entry (its arrival). Whether it may be made is for `decideWrite` to say.
 */
export function newApplication(
  jobId: string,
  candidateId: string,
  actor: Pick<Actor, 'id'>,
  time: CommandTime,
  details: NewApplicationDetails = {},
): Application {
  const at = time.at.toISOString();
  const note = details.note?.trim();
  return {
    id: applicationId(jobId, candidateId),
    updatedAt: 0,
    jobId,
    candidateId,
    stage: INITIAL_STAGE,
    stageHistory: [
      {
        from: null,
        to: INITIAL_STAGE,
        by: actor.id,
        at,
        recordedAt: (time.recordedAt ?? time.at).toISOString(),
        ...(note ? { note } : {}),
      },
    ],
    ...(details.source ? { source: details.source } : {}),
    createdBy: actor.id,
    createdAt: at,
  };
}
