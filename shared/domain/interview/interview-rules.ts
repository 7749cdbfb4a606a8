import { isTerminalStage } from '../application/application-machine';
import { changedFields, jsonEqual } from '../common/equality';
import { ALLOWED, refuse, type Decision } from '../common/refusal';
import { isStaffRole, type Actor } from '../common/roles';
import { MAX_CLOCK_SKEW_MS, parseIso } from '../common/time';
import { roleMay } from '../access/write-matrix';
import type { Application } from '../application/application-schema';
import type { User } from '../user/user-schema';
import { isInterviewStatusTransition } from './interview-machine';
import type { Interview, Scorecard } from './interview-schema';

/** What an interview write is judged against beyond the document. */
export interface InterviewWriteContext {
  /** The deciding side's clock, in ms. */
  readonly now: number;
  /** The application interviewed for. */
  readonly application?: Application | null;
  /** The staff directory, to check the assigned interviewers. */
  readonly users?: ReadonlyMap<string, User>;
}

const IMMUTABLE_FIELDS = ['applicationId', 'jobId', 'candidateId', 'createdBy', 'createdAt'];

/**
 * Whether `actor` may write interview `after` over `before` (null when scheduling a new one).
 * Scheduling fields belong to the scheduling roles; scorecards belong each to its author, who must
 * be assigned. An interviewer may change nothing but their own scorecard.
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
  if (!unique || !uniqueCards) {
    return refuse('validation_failed', 'Each interviewer is listed, and has a scorecard, at most once.');
  }
  const scheduling = before
    ? decideReschedule(actor, before, after, context)
    : decideSchedule(actor, after, context);
  if (!scheduling.ok) return scheduling;
  return decideScorecards(actor, before?.scorecards ?? [], after, context.now);
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
  return decideInterviewers(after.interviewerIds, context);
}

function decideReschedule(
  actor: Actor,
  before: Interview,
  after: Interview,
  context: InterviewWriteContext,
): Decision {
  const changed = changedFields(before, after, ['updatedAt', 'scorecards']);
  if (changed.length === 0) return ALLOWED;
  if (!roleMay(actor.role, 'interview.schedule')) {
    return refuse('forbidden_role', 'Interviewers may only add or edit their own scorecard.');
  }
  const immutable = IMMUTABLE_FIELDS.find((field) => changed.includes(field));
  if (immutable) return refuse('immutable_field', `${immutable} cannot be changed after creation.`);
  if (before.status !== after.status && !isInterviewStatusTransition(before.status, after.status)) {
    return refuse('invalid_transition', `An interview cannot go from ${before.status} to ${after.status}.`);
  }
  if (changed.includes('interviewerIds')) {
    const added = after.interviewerIds.filter((id) => !before.interviewerIds.includes(id));
    return decideInterviewers(added, context);
  }
  return ALLOWED;
}

function decideInterviewers(interviewerIds: readonly string[], context: InterviewWriteContext): Decision {
  const unknown = interviewerIds.find((id) => {
    const user = context.users?.get(id);
    return !user || !user.active || !isStaffRole(user.role);
  });
  return unknown ? refuse('unknown_interviewer', `${unknown} is not an active staff member.`) : ALLOWED;
}

/** Every scorecard that was added or changed is the actor's own, on an interview they are assigned to. */
function decideScorecards(
  actor: Actor,
  beforeCards: readonly Scorecard[],
  after: Interview,
  now: number,
): Decision {
  const afterById = new Map(after.scorecards.map((card) => [card.interviewerId, card]));
  for (const card of beforeCards) {
    if (!afterById.has(card.interviewerId)) {
      return refuse('immutable_field', 'A submitted scorecard can be edited but not removed.');
    }
  }
  const beforeById = new Map(beforeCards.map((card) => [card.interviewerId, card]));
  const touched = after.scorecards.filter((card) => !jsonEqual(card, beforeById.get(card.interviewerId)));
  for (const card of touched) {
    if (card.interviewerId !== actor.id) {
      return refuse('not_own_scorecard', 'Nobody can write a scorecard in someone else’s name.');
    }
    if (!roleMay(actor.role, 'interview.writeOwnScorecard')) return refuse('forbidden_role');
    if (!after.interviewerIds.includes(actor.id)) return refuse('not_assigned');
    if (after.status === 'cancelled') return refuse('interview_cancelled');
    if (parseIso(card.submittedAt) > now + MAX_CLOCK_SKEW_MS) {
      return refuse('invalid_time', 'The scorecard is dated in the future; check the computer’s clock.');
    }
  }
  return ALLOWED;
}
