import type { Comment } from '#shared/domain/comment/comment-schema';
import { DEMO_CANDIDATE_IDS as C } from './demo-candidates';
import type { DemoClock } from './demo-time';
import { DEMO_USER_IDS as U } from './demo-users';

/** A few of the team's comments on candidates' timelines, one mentioning a colleague. */
export function buildDemoComments(clock: DemoClock): Comment[] {
  const comment = (
    id: string,
    candidateId: string,
    createdBy: string,
    daysAgo: number,
    body: string,
    mentions: string[] = [],
  ): Comment => ({
    id,
    updatedAt: clock.now,
    candidateId,
    body,
    mentions,
    createdBy,
    createdAt: clock.iso({ daysAgo, hour: 15, minute: 20 }),
  });
  return [
    comment(
      'comment-maya-notice',
      C.mayaOkafor,
      U.recruiter1,
      20,
      '@Priya Raman she can start earlier if we buy out one month of her notice — worth discussing before the offer.',
      [U.hiringManager],
    ),
    comment(
      'comment-maya-reply',
      C.mayaOkafor,
      U.hiringManager,
      19,
      'Agreed, budget is there for it. Let us see how the technical interview goes first.',
    ),
    comment(
      'comment-wei-meetup',
      C.weiZhang,
      U.recruiter1,
      11,
      'Daniel says his meetup talk was the best of the evening. Keep him warm even if the timing does not work out.',
    ),
  ];
}
