import type { Interview } from './interview-schema';

/** Whether `userId` is one of the interview's interviewers. */
export function isAssigned(interview: Pick<Interview, 'interviewerIds'>, userId: string): boolean {
  return interview.interviewerIds.includes(userId);
}

/** Whether `userId` has submitted their scorecard for the interview. */
export function hasSubmittedScorecard(interview: Pick<Interview, 'scorecards'>, userId: string): boolean {
  return interview.scorecards.some((card) => card.interviewerId === userId);
}
