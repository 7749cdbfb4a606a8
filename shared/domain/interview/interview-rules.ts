import { isTerminalStage } from '../application/application-machine';
import { changedFields, jsonEqual } from '../common/equality';
import { ALLOWED, refuse, type Decision } from '../common/refusal';
import { isStaffRole, type Actor } from '../common/roles';
import { roleMay } from '../access/write-matrix';
import type { Application } from '../application/application-schema';
import { findKit } from '../job/interview-plan';
import type { Job } from '../job/job-schema';
import type { User } from '../user/user-schema';
import { decideDeclines } from './decline-rules';
import { isInterviewStatusTransition } from './interview-machine';
import type { Interview } from './interview-schema';
import { decideScorecards, hasAttributeRatings } from './scorecard-rules';

/** What an interview write is judged against beyond the document. */
export interface InterviewWriteContext {
  /** The deciding side's clock, in ms. */
  readonly now: number;
  /** The application interviewed for. */
  readonly application?: Application | null;
  /** The staff directory, to check the assigned interviewers. */
  readonly users?: ReadonlyMap<string, User>;
  /** The job interviewed for: its interview plan judges the kit and the attribute ratings. */
  readonly job?: Job | null;
}

const IMMUTABLE_FIELDS = ['applicationId', 'jobId', 'candidateId', 'createdBy', 'createdAt'];
/** Fields judged by their own rules: each person's scorecard and decline are their own. */
const PERSONAL_FIELDS = ['updatedAt', 'scorecards', 'declines'];

/**
 * Whether `actor` may write interview `after` over `before` (null when scheduling a new one).
 * Scheduling fields (the kit among them) belong to the scheduling roles; scorecards and declines
 * belong each to its author, who must be assigned. An interviewer may change nothing else.
 */
export function decideInterviewWrite(
  actor: Actor,
  before: Interview | null,
  after: Interview,
  context: InterviewWriteContext,
): Decision {
  const unique = new Set(after.interviewerIds).size === after.interviewerIds.length;
  const uniqueCards =
    new Set(after.scorecards.map((card) => card.interviewerId)).size === after.scorecards.length;
  const declines = after.declines ?? [];
  const uniqueDeclines = new Set(declines.map((decline) => decline.interviewerId)).size === declines.length;
  if (!unique || !uniqueCards || !uniqueDeclines) {
    return refuse(
      'validation_failed',
      'Each interviewer is listed, and has a scorecard and a decline, at most once.',
    );
  }
  // Only the server writes it, into an interviewer's copy; it is never stored.
  if (!jsonEqual(before?.withheldScorecardAuthors, after.withheldScorecardAuthors)) {
    return refuse('server_managed_field', 'withheldScorecardAuthors is set by the server.');
  }
  const scheduling = before
    ? decideReschedule(actor, before, after, context)
    : decideSchedule(actor, after, context);
  if (!scheduling.ok) return scheduling;
  const scorecards = decideScorecards(actor, before?.scorecards ?? [], after, context);
  if (!scorecards.ok) return scorecards;
  return decideDeclines(actor, before?.declines ?? [], after, context.now);
}

function decideSchedule(actor: Actor, after: Interview, context: InterviewWriteContext): Decision {
  if (!roleMay(actor.role, 'interview.schedule')) {
    return refuse('forbidden_role', 'Your role may not schedule interviews.');
  }
  const { application } = context;
  if (!application || application.id !== after.applicationId) {
    return refuse('not_found', 'The application does not exist.');
  }
  if (application.jobId !== after.jobId || application.candidateId !== after.candidateId) {
    return refuse('id_mismatch', 'The interview’s job and candidate must be those of its application.');
  }
  if (isTerminalStage(application.stage)) return refuse('application_closed');
  if (after.status !== 'scheduled')
    return refuse('invalid_transition', 'A new interview starts as scheduled.');
  const kit = decideKit(after, context);
  if (!kit.ok) return kit;
  return decideInterviewers(after.interviewerIds, context);
}

function decideReschedule(
  actor: Actor,
  before: Interview,
  after: Interview,
  context: InterviewWriteContext,
): Decision {
  const changed = changedFields(before, after, PERSONAL_FIELDS);
  if (changed.length === 0) return ALLOWED;
  if (!roleMay(actor.role, 'interview.schedule')) {
    return refuse('forbidden_role', 'Interviewers may only add or edit their own scorecard or decline.');
  }
  const immutable = IMMUTABLE_FIELDS.find((field) => changed.includes(field));
  if (immutable) return refuse('immutable_field', `${immutable} cannot be changed after creation.`);
  if (before.status !== after.status && !isInterviewStatusTransition(before.status, after.status)) {
    return refuse('invalid_transition', `An interview cannot go from ${before.status} to ${after.status}.`);
  }
  if (changed.includes('kitId')) {
    if (before.scorecards.some(hasAttributeRatings)) {
      return refuse('immutable_field', 'The kit cannot change once scorecards rate its attributes.');
    }
    const kit = decideKit(after, context);
    if (!kit.ok) return kit;
  }
  if (changed.includes('interviewerIds')) {
    const added = after.interviewerIds.filter((id) => !before.interviewerIds.includes(id));
    return decideInterviewers(added, context);
  }
  return ALLOWED;
}

/** An interview that names a kit names one of its job's plan. */
function decideKit(after: Interview, context: InterviewWriteContext): Decision {
  if (after.kitId === undefined) return ALLOWED;
  const { job } = context;
  if (!job || job.id !== after.jobId) return refuse('not_found', 'The job of the interview does not exist.');
  return findKit(job.interviewPlan, after.kitId) ? ALLOWED : refuse('unknown_kit');
}

function decideInterviewers(interviewerIds: readonly string[], context: InterviewWriteContext): Decision {
  const unknown = interviewerIds.find((id) => {
    const user = context.users?.get(id);
    return !user || !user.active || !isStaffRole(user.role);
  });
  return unknown ? refuse('unknown_interviewer', `${unknown} is not an active staff member.`) : ALLOWED;
}
