import { applicationId, type Application } from '../application/application-schema';
import type { Candidate } from './candidate-schema';

/** Two records of one person: the one that carries on, and the one merged into it. */
export interface MergePair {
  readonly survivor: Candidate;
  readonly merged: Candidate;
}

/**
 * The survivor of two duplicate records: the one first created, then the smaller id. The rule is
 * deterministic, so two laptops merging the same pair offline, whichever way round a person picked
 * them, make the same writes; the server refuses any other choice.
 */
export function firstCreated<T extends Pick<Candidate, 'id' | 'createdAt'>>(first: T, second: T): T {
  const order =
    first.createdAt === second.createdAt
      ? first.id.localeCompare(second.id)
      : first.createdAt.localeCompare(second.createdAt);
  return order <= 0 ? first : second;
}

/** Which of two records carries on: the one already merged into, else `firstCreated`. */
export function mergeSurvivor(first: Candidate, second: Candidate): MergePair {
  if (first.mergedInto === second.id) return { survivor: second, merged: first };
  if (second.mergedInto === first.id) return { survivor: first, merged: second };
  return firstCreated(first, second) === first
    ? { survivor: first, merged: second }
    : { survivor: second, merged: first };
}

/** The id of the record that carries on for `id`, following merges (at most `limit` steps). */
export function survivorIdOf(
  id: string,
  lookup: (candidateId: string) => Pick<Candidate, 'mergedInto'> | undefined,
  limit = 10,
): string {
  let current = id;
  for (let step = 0; step < limit; step += 1) {
    const next = lookup(current)?.mergedInto;
    if (!next || next === current) return current;
    current = next;
  }
  return current;
}

/** The fields a re-keyed application copies from the merged one: everything that tells its story. */
export const REKEYED_FIELDS = [
  'jobId',
  'stage',
  'stageHistory',
  'rejection',
  'offer',
  'source',
  'createdBy',
  'createdAt',
] as const satisfies readonly (keyof Application)[];

/** One write of a merge, in the order the plan lists them. */
export type MergeWrite =
  | { readonly collection: 'candidates'; readonly before: Candidate; readonly after: Candidate }
  | {
      readonly collection: 'applications';
      readonly before: Application | null;
      readonly after: Application;
    };

/** The merge writes, or why the pair cannot be merged. */
export type MergePlan =
  | {
      readonly ok: true;
      readonly survivor: Candidate;
      readonly merged: Candidate;
      readonly writes: MergeWrite[];
    }
  | { readonly ok: false; readonly message: string };

/**
 * The writes that merge two duplicate records, given the applications known of both (more may be
 * listed; the others are ignored). The merged record is marked `mergedInto`; each of its
 * applications carries on under the survivor's id `<jobId>__<survivorId>`: copied there with its
 * history (`mergedFrom`), or, when the survivor already applied to that job, collapsed into the
 * survivor's; then marked `mergedInto`. Idempotent: a plan made after part of a merge landed lists
 * only what is still missing, so a laptop finishes a merge whose writes the server took in any order.
 */
export function planCandidateMerge(
  first: Candidate,
  second: Candidate,
  applications: readonly Application[],
  at: string,
): MergePlan {
  if (first.id === second.id) return { ok: false, message: 'A record cannot be merged with itself.' };
  const { survivor, merged } = mergeSurvivor(first, second);
  if (survivor.mergedInto) return { ok: false, message: 'That record was itself merged into another.' };
  if (merged.mergedInto && merged.mergedInto !== survivor.id) {
    return { ok: false, message: 'That record was already merged into another.' };
  }
  if (survivor.erasedAt || merged.erasedAt) {
    return { ok: false, message: 'An erased candidate cannot be merged.' };
  }
  const writes: MergeWrite[] = [];
  if (!merged.mergedInto) {
    writes.push({
      collection: 'candidates',
      before: merged,
      after: { ...merged, mergedInto: survivor.id, mergedAt: at },
    });
  }
  const known = new Set(applications.map((application) => application.id));
  for (const application of applications) {
    if (application.candidateId !== merged.id || application.mergedInto) continue;
    const targetId = applicationId(application.jobId, survivor.id);
    if (!known.has(targetId)) {
      writes.push({ collection: 'applications', before: null, after: rekeyed(application, survivor.id) });
      known.add(targetId);
    }
    writes.push({
      collection: 'applications',
      before: application,
      after: { ...application, mergedInto: targetId },
    });
  }
  return { ok: true, survivor, merged, writes };
}

/** `application` carried on under `survivorId`: the same story, the survivor's id. */
export function rekeyed(application: Application, survivorId: string): Application {
  const copy: Application = {
    id: applicationId(application.jobId, survivorId),
    updatedAt: application.updatedAt,
    jobId: application.jobId,
    candidateId: survivorId,
    stage: application.stage,
    stageHistory: application.stageHistory,
    createdBy: application.createdBy,
    createdAt: application.createdAt,
    mergedFrom: application.id,
  };
  return {
    ...copy,
    ...(application.rejection ? { rejection: application.rejection } : {}),
    ...(application.offer ? { offer: application.offer } : {}),
    ...(application.source ? { source: application.source } : {}),
  };
}
