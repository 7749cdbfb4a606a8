import { parseIso } from '../common/time';
import { hasSubmittedScorecard, isAssigned } from './interview-people';
import { currentDecline } from './decline-rules';
import type { Interview } from './interview-schema';

const HOUR_MS = 60 * 60 * 1000;

/** A scorecard is due (the interviewer is reminded) this long after the interview ends. */
export const SCORECARD_DUE_AFTER_MS = HOUR_MS;
/** And late this long after the interview ends. */
export const SCORECARD_LATE_AFTER_MS = 24 * HOUR_MS;

/**
 * Where one interviewer's scorecard stands: `submitted`; `not_due` (the interview has not ended an
 * hour ago yet); `due` (reminded: an hour after the end); `late` (a day after the end). `none` when
 * no scorecard is expected: not assigned, declined for this time, or the interview was cancelled or
 * missed.
 */
export type ScorecardState = 'submitted' | 'not_due' | 'due' | 'late' | 'none';

/** When the interview ends, in ms. */
export function interviewEndsAt(interview: Pick<Interview, 'scheduledAt' | 'durationMinutes'>): number {
  return parseIso(interview.scheduledAt) + interview.durationMinutes * 60_000;
}

/** Whether the interview still expects scorecards from its interviewers (it took place, or may have). */
export function expectsScorecards(interview: Pick<Interview, 'status'>): boolean {
  return interview.status === 'scheduled' || interview.status === 'completed';
}

/** Where `interviewerId`'s scorecard for `interview` stands at `now`. */
export function scorecardState(interview: Interview, interviewerId: string, now: number): ScorecardState {
  if (!isAssigned(interview, interviewerId) || !expectsScorecards(interview)) return 'none';
  if (hasSubmittedScorecard(interview, interviewerId)) return 'submitted';
  if (currentDecline(interview, interviewerId)) return 'none';
  const since = now - interviewEndsAt(interview);
  if (since >= SCORECARD_LATE_AFTER_MS) return 'late';
  if (since >= SCORECARD_DUE_AFTER_MS) return 'due';
  return 'not_due';
}

/**
 * Whether someone assigned to `interview` may still owe its scorecard, at any time: it expects
 * scorecards, and an assigned interviewer who has not declined this time has not sent theirs. Only
 * such interviews can ever be in `missingScorecards` (the time decides when); the others never are.
 */
export function awaitsScorecards(interview: Interview): boolean {
  if (!expectsScorecards(interview)) return false;
  return interview.interviewerIds.some(
    (interviewerId) =>
      isAssigned(interview, interviewerId) &&
      !hasSubmittedScorecard(interview, interviewerId) &&
      !currentDecline(interview, interviewerId),
  );
}

/** A scorecard someone owes. */
export interface MissingScorecard {
  readonly interviewId: string;
  readonly interviewerId: string;
  readonly state: 'due' | 'late';
  /** When it became due, in ms. */
  readonly dueAt: number;
}

/**
 * The scorecards owed at `now` (due or late), oldest first: for the interviewer's reminders, and for
 * the recruiters and hiring managers who wait for them.
 */
export function missingScorecards(interviews: readonly Interview[], now: number): MissingScorecard[] {
  const missing: MissingScorecard[] = [];
  for (const interview of interviews) {
    if (!expectsScorecards(interview)) continue;
    const dueAt = interviewEndsAt(interview) + SCORECARD_DUE_AFTER_MS;
    if (dueAt > now) continue;
    for (const interviewerId of interview.interviewerIds) {
      const state = scorecardState(interview, interviewerId, now);
      if (state === 'due' || state === 'late') {
        missing.push({ interviewId: interview.id, interviewerId, state, dueAt });
      }
    }
  }
  return missing.sort((a, b) => a.dueAt - b.dueAt || a.interviewId.localeCompare(b.interviewId));
}
