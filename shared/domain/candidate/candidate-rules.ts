import { changedFields } from '../common/equality';
import { ALLOWED, refuse, type Decision } from '../common/refusal';
import type { Actor } from '../common/roles';
import { roleMay } from '../access/write-matrix';
import { isTimeZone } from '../user/time-zone';
import type { Candidate } from './candidate-schema';
import { decideCandidateMergeWrite, type MergeWriteContext } from './candidate-merge-rules';

/** What a candidate write is judged against beyond the document. */
export interface CandidateWriteContext extends MergeWriteContext {
  /** The id of a candidate that already has this email (case-insensitive), if any. */
  readonly emailTakenBy?: string | null;
}

/** Fields only the server writes: the résumé reference (file endpoint) and the erasure mark. */
const SERVER_MANAGED_FIELDS = ['resume', 'erasedAt'];

/**
 * Whether `actor` may write candidate `after` over `before` (null when new): staff roles only, email
 * unique, résumé and erasure managed by the server, an erased candidate frozen, a time zone that exists
 * (their messages' times are written in it), a merge as `decideCandidateMergeWrite` says.
 */
export function decideCandidateWrite(
  actor: Actor,
  before: Candidate | null,
  after: Candidate,
  context: CandidateWriteContext,
): Decision {
  if (before?.erasedAt) return refuse('candidate_erased');
  const changed = before
    ? changedFields(before, after, ['updatedAt'])
    : Object.keys(after).filter((field) => after[field as keyof Candidate] !== undefined);
  if (before && changed.length === 0) return ALLOWED;
  const merge = decideCandidateMergeWrite(actor, before, after, changed, context);
  if (merge) return merge;
  if (!roleMay(actor.role, 'candidate.edit')) {
    return refuse('forbidden_role', 'Your role may not create or edit candidates.');
  }
  const managed = SERVER_MANAGED_FIELDS.find((field) => changed.includes(field));
  if (managed) return refuse('server_managed_field', `${managed} is managed by the server.`);
  if (before && (changed.includes('createdBy') || changed.includes('createdAt'))) {
    return refuse('immutable_field', 'createdBy and createdAt cannot be changed.');
  }
  if (context.emailTakenBy && context.emailTakenBy !== after.id) return refuse('duplicate_email');
  if (changed.includes('timeZone') && after.timeZone !== undefined && !isTimeZone(after.timeZone)) {
    return refuse('validation_failed', `timeZone: "${after.timeZone}" is not a time zone such as Europe/Berlin.`);
  }
  return ALLOWED;
}
