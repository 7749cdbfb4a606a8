import { changedFields, jsonEqual } from '../common/equality';
import { ALLOWED, refuse, type Decision } from '../common/refusal';
import type { Actor } from '../common/roles';
import { MAX_CLOCK_SKEW_MS, parseIso } from '../common/time';
import { roleMay } from '../access/write-matrix';
import type { Job } from '../job/job-schema';
import type { Candidate } from '../candidate/candidate-schema';
import { activeRejectionReasons, type Settings } from '../settings/settings-schema';
import { isPipelineOpen } from '../job/job-machine';
import { decideStageChange, INITIAL_STAGE, isOfferEditable } from './application-machine';
import { applicationId, type Application, type StageHistoryEntry } from './application-schema';
import { decideApplicationMergeWrite, type MergeWriteContext } from '../candidate/candidate-merge-rules';

/**
 * What an application write is judged against beyond the document (filled from current versions: the
 * store's on the server, the local database's in the app). A lookup found missing is a refusal.
 */
export interface ApplicationWriteContext extends MergeWriteContext {
  /** The deciding side's clock, in ms (the server's, for the server). */
  readonly now: number;
  /** The job applied to. */
  readonly job?: Job | null;
  /** The candidate applying (read when an application is created or merged). */
  readonly candidate?: Candidate | null;
  /** A `candidate` actor (portal): the id of the candidate record linked to their account. */
  readonly actorCandidateId?: string | null;
  /** The organisation's settings: a rejection names one of its reasons (read when rejecting). */
  readonly settings?: Settings | null;
}

const IMMUTABLE_FIELDS = ['jobId', 'candidateId', 'createdBy', 'createdAt'] as const;

/**
 * Whether `actor` may write `after` over `before` (null for a new application). Judges the whole
 * document: the deterministic id, the stage move and who may make it, the history (earlier entries
 * never change, one new entry per move, plausible times), the rejection and the offer.
 */
export function decideApplicationWrite(
  actor: Actor,
  before: Application | null,
  after: Application,
  context: ApplicationWriteContext,
): Decision {
  if (after.id !== applicationId(after.jobId, after.candidateId)) {
    return refuse('id_mismatch', 'An application id must be <jobId>__<candidateId>.');
  }
  const changed = before ? changedFields(before, after, ['updatedAt']) : [];
  const merge = decideApplicationMergeWrite(actor, before, after, changed, context);
  if (merge) return merge;
  return before ? decideUpdate(actor, before, after, context) : decideCreate(actor, after, context);
}

function decideCreate(actor: Actor, after: Application, context: ApplicationWriteContext): Decision {
  if (!roleMay(actor.role, 'application.create')) {
    return refuse('forbidden_role', 'Your role may not add candidates to jobs.');
  }
  if (
    actor.role === 'candidate' &&
    (!context.actorCandidateId || after.candidateId !== context.actorCandidateId)
  ) {
    return refuse('forbidden_role', 'Candidates can only apply for themselves.');
  }
  const { job, candidate } = context;
  if (!job || job.id !== after.jobId) return refuse('not_found', 'The job does not exist.');
  if (!candidate || candidate.id !== after.candidateId)
    return refuse('not_found', 'The candidate does not exist.');
  if (candidate.erasedAt) return refuse('candidate_erased');
  if (candidate.mergedInto) return refuse('candidate_merged');
  if (after.stage !== INITIAL_STAGE) {
    return refuse('invalid_transition', 'A new application starts at applied.');
  }
  if (!isPipelineOpen(job.status))
    return refuse('job_not_open', 'Applications can only be added to open jobs.');
  const [first, ...rest] = after.stageHistory;
  if (!first || rest.length > 0 || first.from !== null || first.to !== INITIAL_STAGE) {
    return refuse(
      'history_mismatch',
      'A new application has exactly one history entry: its arrival at applied.',
    );
  }
  if (after.rejection || after.offer) {
    return refuse('validation_failed', 'A new application cannot have a rejection or an offer.');
  }
  return decideEntryTime(first, null, context.now);
}

function decideUpdate(
  actor: Actor,
  before: Application,
  after: Application,
  context: ApplicationWriteContext,
): Decision {
  const changed = changedFields(before, after, ['updatedAt']);
  if (changed.length === 0) return ALLOWED;
  if (!roleMay(actor.role, 'application.edit')) {
    return refuse('forbidden_role', 'Your role may not change applications.');
  }
  const immutable = IMMUTABLE_FIELDS.find((field) => changed.includes(field));
  if (immutable) return refuse('immutable_field', `${immutable} cannot be changed after creation.`);

  const history = decideHistory(actor, before, after, context);
  if (!history.ok) return history;

  if (changed.includes('rejection') && !(after.stage === 'rejected' && before.stage !== 'rejected')) {
    return refuse('immutable_field', 'A rejection is recorded when rejecting and cannot be changed later.');
  }
  if (changed.includes('offer')) {
    if (!roleMay(actor.role, 'application.editOffer')) {
      return refuse('forbidden_role', 'Your role may not change offers.');
    }
    if (!isOfferEditable(before.stage) && !isOfferEditable(after.stage)) return refuse('offer_not_allowed');
  }
  return ALLOWED;
}

/** Earlier entries are untouched; a stage change appends exactly one matching, well-timed entry. */
function decideHistory(
  actor: Actor,
  before: Application,
  after: Application,
  context: ApplicationWriteContext,
): Decision {
  const kept = after.stageHistory.slice(0, before.stageHistory.length);
  if (after.stageHistory.length < before.stageHistory.length || !jsonEqual(kept, before.stageHistory)) {
    return refuse('history_immutable');
  }
  const added = after.stageHistory.slice(before.stageHistory.length);
  if (before.stage === after.stage) {
    return added.length === 0
      ? ALLOWED
      : refuse('history_mismatch', 'History entries are only added by a stage change.');
  }
  const [entry, ...extra] = added;
  if (!entry || extra.length > 0 || entry.from !== before.stage || entry.to !== after.stage) {
    return refuse('history_mismatch');
  }
  if (!context.job || context.job.id !== after.jobId) return refuse('not_found', 'The job does not exist.');
  const move = decideStageChange(
    before.stage,
    { to: after.stage, rejectionReason: after.rejection?.reason, offerStatus: after.offer?.status },
    actor,
    context.job.status,
  );
  if (!move.ok) return move;
  if (after.stage === 'rejected') {
    const reasons = decideRejectionReason(after.rejection?.reason ?? '', context.settings);
    if (!reasons.ok) return reasons;
    if (after.rejection?.atStage !== before.stage) {
      return refuse(
        'validation_failed',
        `rejection.atStage must be ${before.stage}, the stage it was rejected at.`,
      );
    }
  }
  return decideEntryTime(entry, before.stageHistory.at(-1) ?? null, context.now);
}

/** A rejection names a reason of the organisation's list that is still in use (SPEC §3). */
function decideRejectionReason(reason: string, settings: Settings | null | undefined): Decision {
  if (!settings) return refuse('not_found', 'The organisation’s rejection reasons are not known here.');
  return activeRejectionReasons(settings).some((active) => active.id === reason)
    ? ALLOWED
    : refuse('unknown_reason', `"${reason}" is not one of the organisation’s rejection reasons.`);
}

/** `at` is at most 5 minutes in the decider's future and not before the previous entry. */
function decideEntryTime(
  entry: StageHistoryEntry,
  previous: StageHistoryEntry | null,
  now: number,
): Decision {
  const at = parseIso(entry.at);
  if (Number.isNaN(at) || at > now + MAX_CLOCK_SKEW_MS) {
    return refuse('invalid_time', 'The change is dated in the future; check the computer’s clock.');
  }
  if (previous && at < parseIso(previous.at)) {
    return refuse('invalid_time', 'The change is dated before the previous stage change.');
  }
  return ALLOWED;
}
