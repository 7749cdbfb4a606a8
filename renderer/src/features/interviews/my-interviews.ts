import { endOfDay, startOfDay } from 'date-fns';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { hasSubmittedScorecard, isAssigned } from '#shared/domain/decide/read-rules';
import { currentDecline } from '#shared/domain/interview/decline-rules';

/** An interviewer's interviews, as "My interviews" groups them. */
export interface MyInterviews {
  /** Scheduled for today (local time), earliest first, including those already over. */
  readonly today: readonly Interview[];
  /** Scheduled after today, earliest first. */
  readonly upcoming: readonly Interview[];
  /** Before today, not cancelled or missed, not declined by me, and still without my scorecard; oldest first. */
  readonly awaitingScorecard: readonly Interview[];
}

function byTime(a: Interview, b: Interview): number {
  return Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt);
}

/**
 * Groups the interviews `userId` is assigned to around `now`. Cancelled interviews are left out;
 * a past one counts as waiting for a scorecard until the person has submitted theirs.
 */
export function groupMyInterviews(
  interviews: readonly Interview[],
  userId: string,
  now: number,
): MyInterviews {
  const dayStart = startOfDay(now).getTime();
  const dayEnd = endOfDay(now).getTime();
  const mine = interviews
    .filter((interview) => isAssigned(interview, userId) && interview.status !== 'cancelled')
    .sort(byTime);
  const at = (interview: Interview) => Date.parse(interview.scheduledAt);
  return {
    today: mine.filter((interview) => at(interview) >= dayStart && at(interview) <= dayEnd),
    upcoming: mine.filter((interview) => at(interview) > dayEnd && interview.status === 'scheduled'),
    awaitingScorecard: mine.filter(
      (interview) =>
        at(interview) < dayStart &&
        interview.status !== 'no_show' &&
        !hasSubmittedScorecard(interview, userId) &&
        currentDecline(interview, userId) === null,
    ),
  };
}
