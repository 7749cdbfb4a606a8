import { jsonEqual } from '../common/equality';
import { ALLOWED, refuse, type Decision } from '../common/refusal';
import type { Actor } from '../common/roles';
import { MAX_CLOCK_SKEW_MS, parseIso } from '../common/time';
import { roleMay } from '../access/write-matrix';
import type { Interview, InterviewDecline } from './interview-schema';

/** The decline of `userId` that still counts: one given for the interview's current time. */
export function currentDecline(
  interview: Pick<Interview, 'declines' | 'scheduledAt'>,
  userId: string,
): InterviewDecline | null {
  return (
    interview.declines?.find(
      (decline) => decline.interviewerId === userId && decline.scheduledAt === interview.scheduledAt,
    ) ?? null
  );
}

/** The declines that still count, for the schedulers to act on. */
export function currentDeclines(
  interview: Pick<Interview, 'declines' | 'scheduledAt' | 'interviewerIds'>,
): InterviewDecline[] {
  return (interview.declines ?? []).filter(
    (decline) =>
      decline.scheduledAt === interview.scheduledAt &&
      interview.interviewerIds.includes(decline.interviewerId),
  );
}

/**
 * Every decline that was added, changed or taken back is the actor's own, on a scheduled interview
 * they are assigned to, for its current time, and not dated in the future.
 */
export function decideDeclines(
  actor: Actor,
  beforeDeclines: readonly InterviewDecline[],
  after: Interview,
  now: number,
): Decision {
  const beforeBy = new Map(beforeDeclines.map((decline) => [decline.interviewerId, decline]));
  const afterBy = new Map((after.declines ?? []).map((decline) => [decline.interviewerId, decline]));
  const ids = new Set([...beforeBy.keys(), ...afterBy.keys()]);
  for (const id of ids) {
    const entry = afterBy.get(id);
    if (jsonEqual(beforeBy.get(id), entry)) continue;
    if (id !== actor.id) return refuse('not_own_decline');
    if (!roleMay(actor.role, 'interview.declineOwn')) return refuse('forbidden_role');
    if (!after.interviewerIds.includes(actor.id)) return refuse('not_assigned');
    if (after.status !== 'scheduled') return refuse('interview_not_scheduled');
    if (!entry) continue;
    if (entry.scheduledAt !== after.scheduledAt) {
      return refuse('validation_failed', 'declines: a decline names the interview’s current time.');
    }
    if (parseIso(entry.at) > now + MAX_CLOCK_SKEW_MS) {
      return refuse('invalid_time', 'The decline is dated in the future; check the computer’s clock.');
    }
  }
  return ALLOWED;
}
