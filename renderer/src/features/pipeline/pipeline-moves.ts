import type { Stage } from '../../../../shared/domain/application/application-schema';
import type { Actor } from '../../../../shared/domain/common/roles';
import type { ShortlistDatabase } from '../../data/database';
import { saveDocument } from '../../data/local-writes';
import { applyStageMove, type StageMoveDetails } from '../applications/stage-change';

/** A move dropped on the board. */
export interface BoardMove {
  readonly applicationId: string;
  readonly candidateName: string;
  readonly from: Stage;
  readonly to: Stage;
  readonly details: StageMoveDetails;
}

export type MoveOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string };

/**
 * Writes a move through the app's local-write path (`saveDocument`: judged by the shared rules,
 * written locally, marked pending, pushed by replication whenever there is a network). It reads the
 * application's current version first, so a move another person made meanwhile is judged too.
 */
export async function writeMove(db: ShortlistDatabase, actor: Actor, move: BoardMove): Promise<MoveOutcome> {
  const document = await db.applications.findOne(move.applicationId).exec();
  if (!document) return { ok: false, message: 'This application is no longer on this device.' };
  const before = document.toMutableJSON();
  const after = applyStageMove(before, move.to, actor, move.details, new Date());
  const decision = await saveDocument(db, actor, 'applications', before, after);
  return decision.ok ? { ok: true } : { ok: false, message: decision.message };
}
