import { planCandidateMerge, type MergeWrite } from '#shared/domain/candidate/candidate-merge';
import type { Actor } from '#shared/domain/common/roles';
import type { ShortlistDatabase } from '../database';
import { saveDocument } from '../local-writes';

/** What merging two records did: the survivor, or why it could not (the first refusal's words). */
export type MergeOutcome =
  | { readonly ok: true; readonly survivorId: string; readonly writes: number }
  | { readonly ok: false; readonly message: string };

/**
 * Merges two records of one person on this device, as `planCandidateMerge` plans it: the merged
 * record marked, its applications carried on under the survivor. Each write is judged by the shared
 * rules, in order; replication takes them to the server, which judges them again. Safe to call again:
 * only what is still missing is written (how a merge the server took in part is finished).
 */
export async function mergeCandidates(
  db: ShortlistDatabase,
  actor: Actor,
  firstId: string,
  secondId: string,
  at = new Date(),
): Promise<MergeOutcome> {
  const [first, second] = await Promise.all([
    db.candidates.findOne(firstId).exec(),
    db.candidates.findOne(secondId).exec(),
  ]);
  if (!first || !second) return { ok: false, message: 'Both records must be on this device.' };
  const applications = await db.applications
    .find({ selector: { candidateId: { $in: [firstId, secondId] } } })
    .exec();
  const plan = planCandidateMerge(
    first.toMutableJSON(),
    second.toMutableJSON(),
    applications.map((application) => application.toMutableJSON()),
    at.toISOString(),
  );
  if (!plan.ok) return plan;
  for (const write of plan.writes) {
    const decision = await save(db, actor, write);
    if (!decision.ok) return { ok: false, message: decision.message };
  }
  return { ok: true, survivorId: plan.survivor.id, writes: plan.writes.length };
}

function save(db: ShortlistDatabase, actor: Actor, write: MergeWrite) {
  return write.collection === 'candidates'
    ? saveDocument(db, actor, 'candidates', write.before, write.after)
    : saveDocument(db, actor, 'applications', write.before, write.after);
}

/**
 * Finishes every merge on this device that landed only in part (another laptop's merge whose
 * application writes came later, or were refused while the server had not yet taken the record's).
 * Returns how many records it finished.
 */
export async function finishMerges(
  db: ShortlistDatabase,
  actor: Actor,
  merged: readonly { readonly id: string; readonly mergedInto: string }[],
): Promise<number> {
  let finished = 0;
  for (const record of merged) {
    const open = await db.applications
      .find({ selector: { candidateId: record.id } })
      .exec()
      .then((applications) => applications.filter((application) => !application.mergedInto));
    if (open.length === 0) continue;
    const outcome = await mergeCandidates(db, actor, record.id, record.mergedInto);
    if (outcome.ok && outcome.writes > 0) finished += 1;
  }
  return finished;
}
