import type { InterviewStatus } from './interview-schema';

/**
 * Interview statuses: a scheduled interview is completed, cancelled or missed (`no_show`); a
 * cancelled or missed one can be scheduled again. A completed interview stays completed.
 */
export const INTERVIEW_STATUS_TRANSITIONS: Readonly<Record<InterviewStatus, readonly InterviewStatus[]>> = {
  scheduled: ['completed', 'cancelled', 'no_show'],
  cancelled: ['scheduled'],
  no_show: ['scheduled'],
  completed: [],
};

export function isInterviewStatusTransition(from: InterviewStatus, to: InterviewStatus): boolean {
  return INTERVIEW_STATUS_TRANSITIONS[from].includes(to);
}
