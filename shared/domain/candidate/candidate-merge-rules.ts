import { jsonEqual } from '../common/equality';
import { ALLOWED, refuse, type Decision } from '../common/refusal';
import type { Actor } from '../common/roles';
import { roleMay } from '../access/write-matrix';
import { applicationId, type Application } from '../application/application-schema';
import type { Candidate } from './candidate-schema';
import { firstCreated, REKEYED_FIELDS } from './candidate-merge';

/** What a merge write is judged against: current versions of the records it links. */
export interface MergeWriteContext {
  /** For a candidate marked `mergedInto`: the record it is merged into. */
  readonly mergeTarget?: Candidate | null;
  /** For an application created with `mergedFrom`: that merged application. */
  readonly mergeSource?: Application | null;
  /** For an application created with `mergedFrom`: the candidate of that merged application. */
  readonly mergeSourceCandidate?: Candidate | null;
}

const MERGE_MARKS = ['mergedInto', 'mergedAt'];

/**
 * The merge rules of a candidate write that changed `changed` (null when `before` is not merged and
 * the write does not merge it: the ordinary rules decide). A merged record is frozen; marking one
 * merged changes nothing else and names the survivor `mergeSurvivor` picks, which is not merged
 * itself.
 */
export function decideCandidateMergeWrite(
  actor: Actor,
  before: Candidate | null,
  after: Candidate,
  changed: readonly string[],
  context: MergeWriteContext,
): Decision | null {
  if (before?.mergedInto) {
    return changed.length === 0 ? ALLOWED : refuse('candidate_merged');
  }
  if (!after.mergedInto && !after.mergedAt) return null;
  if (!before) return refuse('merge_invalid', 'A new record cannot be created already merged.');
  if (!roleMay(actor.role, 'candidate.edit')) {
    return refuse('forbidden_role', 'Your role may not merge candidates.');
  }
  if (!after.mergedInto || !after.mergedAt) {
    return refuse('merge_invalid', 'A merge names the record it merges into, and when.');
  }
  if (changed.some((field) => !MERGE_MARKS.includes(field))) {
    return refuse('merge_invalid', 'Merging a record changes nothing else about it.');
  }
  const target = context.mergeTarget;
  if (!target || target.id !== after.mergedInto) {
    return refuse('not_found', 'The record to merge into does not exist.');
  }
  if (target.mergedInto) return refuse('merge_invalid', 'The record to merge into was itself merged.');
  if (target.erasedAt || after.erasedAt) return refuse('candidate_erased');
  if (firstCreated(after, target) !== target) {
    return refuse('merge_invalid', 'The record created first carries on; merge the other way round.');
  }
  return ALLOWED;
}

/**
 * The merge rules of an application write (null when neither side is a merge: the ordinary rules
 * decide). A merged application is frozen. Marking one merged changes nothing else and points at the
 * application of its candidate's survivor to the same job. An application created with `mergedFrom`
 * copies that merged one's story to the survivor's id, whatever the job's status now.
 */
export function decideApplicationMergeWrite(
  actor: Actor,
  before: Application | null,
  after: Application,
  changed: readonly string[],
  context: MergeWriteContext & { readonly candidate?: Candidate | null },
): Decision | null {
  if (before?.mergedInto) return changed.length === 0 ? ALLOWED : refuse('application_merged');
  if (before && changed.includes('mergedFrom')) {
    return refuse('immutable_field', 'mergedFrom cannot be changed after creation.');
  }
  if (after.mergedInto)
    return before ? decideMark(actor, after, changed, context.candidate) : refuse('merge_invalid');
  if (!before && after.mergedFrom) return decideRekeyed(actor, after, context);
  return null;
}

function decideMark(
  actor: Actor,
  after: Application,
  changed: readonly string[],
  candidate: Candidate | null | undefined,
): Decision {
  if (!roleMay(actor.role, 'application.edit')) {
    return refuse('forbidden_role', 'Your role may not merge applications.');
  }
  if (changed.some((field) => field !== 'mergedInto')) {
    return refuse('merge_invalid', 'Merging an application changes nothing else about it.');
  }
  if (!candidate || candidate.id !== after.candidateId)
    return refuse('not_found', 'The candidate does not exist.');
  if (!candidate.mergedInto) {
    return refuse('merge_invalid', 'Only the applications of a merged candidate are merged.');
  }
  if (after.mergedInto !== applicationId(after.jobId, candidate.mergedInto)) {
    return refuse(
      'merge_invalid',
      'A merged application carries on as the survivor’s application to the job.',
    );
  }
  return ALLOWED;
}

function decideRekeyed(
  actor: Actor,
  after: Application,
  context: MergeWriteContext & { readonly candidate?: Candidate | null },
): Decision {
  if (!roleMay(actor.role, 'application.create') || actor.role === 'candidate') {
    return refuse('forbidden_role', 'Your role may not merge applications.');
  }
  const { mergeSource: source, mergeSourceCandidate: sourceCandidate, candidate } = context;
  if (!source || source.id !== after.mergedFrom) {
    return refuse('not_found', 'The merged application does not exist.');
  }
  if (!sourceCandidate || sourceCandidate.id !== source.candidateId) {
    return refuse('not_found', 'The merged candidate does not exist.');
  }
  if (!candidate || candidate.id !== after.candidateId || candidate.mergedInto || candidate.erasedAt) {
    return refuse('not_found', 'The surviving candidate does not exist.');
  }
  if (sourceCandidate.mergedInto !== candidate.id) {
    return refuse('merge_invalid', 'The merged application’s candidate is not merged into this one.');
  }
  const differs = REKEYED_FIELDS.find((field) => !jsonEqual(source[field], after[field]));
  if (differs) {
    return refuse('merge_invalid', `The carried-on application must keep the merged one’s ${differs}.`);
  }
  return ALLOWED;
}
