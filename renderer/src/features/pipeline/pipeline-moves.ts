import type { Application, Stage } from '#shared/domain/application/application-schema';
import type { Actor } from '#shared/domain/common/roles';
import type { ShortlistDatabase } from '../../data/database';
import { saveDocument } from '../../data/local-writes';
import { clearPending, isPending } from '../../data/pending-changes';
import { moveToStage, type StageMoveDetails } from '#shared/domain/application/application-commands';

/** A move dropped on the board. */
export interface BoardMove {
  readonly applicationId: string;
  readonly candidateName: string;
  readonly from: Stage;
  readonly to: Stage;
  readonly details: StageMoveDetails;
}

/** A move as written: what the application was before, to undo it while it is still local. */
export interface WrittenMove {
  readonly move: BoardMove;
  readonly before: Application;
  /** The application already had a change the server had not accepted. */
  readonly wasPending: boolean;
}

export type MoveOutcome =
  { readonly ok: true; readonly written: WrittenMove } | { readonly ok: false; readonly message: string };

/**
 * Writes a move through the app's local-write path (`saveDocument`: judged by the shared rules,
 * written locally, marked pending, pushed by replication whenever there is a network). It reads the
 * application's current version first, so a move another person made meanwhile is judged too.
 */
export async function writeMove(db: ShortlistDatabase, actor: Actor, move: BoardMove): Promise<MoveOutcome> {
  const document = await db.applications.findOne(move.applicationId).exec();
  if (!document) return { ok: false, message: 'This application is no longer on this device.' };
  const before = document.toMutableJSON();
  const wasPending = await isPending(db, 'applications', move.applicationId);
  const after = moveToStage(before, move.to, actor, move.details, { at: new Date() });
  const decision = await saveDocument(db, actor, 'applications', before, after);
  return decision.ok
    ? { ok: true, written: { move, before, wasPending } }
    : { ok: false, message: decision.message };
}

/**
 * Takes a move back while the server has not accepted it: the application returns to exactly what it
 * was. This is not a new change for the rules to judge (the workflow never goes back); the move simply
 * never leaves this device, and if replication already took it for a push that has not gone through,
 * the push leaves it out (see replication.ts). Refused when the application changed since the move.
 */
export async function undoMove(db: ShortlistDatabase, written: WrittenMove): Promise<MoveOutcome> {
  const { move, before, wasPending } = written;
  const document = await db.applications.findOne(move.applicationId).exec();
  const current = document?.toMutableJSON();
  const isAsMoved =
    current?.stage === move.to && current.stageHistory.length === before.stageHistory.length + 1;
  if (!document || !isAsMoved) {
    return { ok: false, message: 'The application has changed since this move, so it cannot be undone.' };
  }
  if (!(await isPending(db, 'applications', move.applicationId))) {
    return { ok: false, message: 'The server has already accepted this move, so it cannot be undone.' };
  }
  await db.applications.upsert(before);
  if (!wasPending) await clearPending(db, 'applications', move.applicationId);
  return { ok: true, written };
}
