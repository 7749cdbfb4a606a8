import {
  moveToStage,
  newApplication,
  type StageMoveDetails,
} from '#shared/domain/application/application-commands';
import type { Stage } from '#shared/domain/application/application-schema';
import type { Actor } from '#shared/domain/common/roles';
import type { ShortlistDatabase } from '../data/database';
import { saveDocument } from '../data/local-writes';
import { runBulk, type BulkOutcome } from './bulk-outcome';

/** A candidate picked for a bulk action: its id, and the name to report it by. */
export interface PickedCandidate {
  readonly id: string;
  readonly name: string;
}

/** An application picked for a bulk action: its id, its candidate, and the name to report it by. */
export interface PickedApplication {
  readonly id: string;
  readonly candidateId: string;
  readonly name: string;
}

/** Adds `tag` to every picked candidate that lacks it, each judged by the shared rules. */
export function tagCandidates(
  db: ShortlistDatabase,
  actor: Actor,
  picked: readonly PickedCandidate[],
  tag: string,
): Promise<BulkOutcome> {
  const wanted = tag.trim();
  return runBulk(
    picked,
    (each) => each.name,
    async (each) => {
      const before = (await db.candidates.findOne(each.id).exec())?.toMutableJSON();
      if (!before) return { ok: false, code: 'not_found', message: 'This candidate is not on this device.' };
      if (before.tags.some((existing) => existing.toLowerCase() === wanted.toLowerCase())) return 'unchanged';
      return saveDocument(db, actor, 'candidates', before, { ...before, tags: [...before.tags, wanted] });
    },
  );
}

/**
 * Moves every picked application to `to` (rejecting gives the reason and note in `details`), each
 * read afresh and judged by the shared rules, as one move on the board would be; those already
 * there are left as they are.
 */
export function moveApplications(
  db: ShortlistDatabase,
  actor: Actor,
  picked: readonly PickedApplication[],
  to: Stage,
  details: StageMoveDetails,
): Promise<BulkOutcome> {
  const at = new Date();
  return runBulk(
    picked,
    (each) => each.name,
    async (each) => {
      const before = (await db.applications.findOne(each.id).exec())?.toMutableJSON();
      if (!before)
        return { ok: false, code: 'not_found', message: 'This application is not on this device.' };
      if (before.stage === to) return 'unchanged';
      return saveDocument(db, actor, 'applications', before, moveToStage(before, to, actor, details, { at }));
    },
  );
}

/** Adds every picked candidate to `jobId` at applied; those already there are left as they are. */
export function addCandidatesToJob(
  db: ShortlistDatabase,
  actor: Actor,
  picked: readonly PickedCandidate[],
  jobId: string,
): Promise<BulkOutcome> {
  const at = new Date();
  return runBulk(
    picked,
    (each) => each.name,
    async (each) => {
      const application = newApplication(jobId, each.id, actor, { at });
      if (await db.applications.findOne(application.id).exec()) return 'unchanged';
      return saveDocument(db, actor, 'applications', null, application);
    },
  );
}
