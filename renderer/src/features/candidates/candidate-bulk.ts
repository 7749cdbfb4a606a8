import { newApplication } from '#shared/domain/application/application-commands';
import type { Actor } from '#shared/domain/common/roles';
import type { ShortlistDatabase } from '../../data/database';
import { saveDocument } from '../../data/local-writes';
import { runBulk, type BulkOutcome } from '../../ui/bulk-outcome';

/** A candidate picked in the list: its id, and the name to report it by. */
export interface PickedCandidate {
  readonly id: string;
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
