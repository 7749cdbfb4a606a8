import type { Message } from '#shared/domain/message/message-schema';
import type { Application } from '#shared/domain/application/application-schema';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import type { Comment } from '#shared/domain/comment/comment-schema';
import type { Interview } from '#shared/domain/interview/interview-schema';
import type { Job } from '#shared/domain/job/job-schema';
import type { User } from '#shared/domain/user/user-schema';
import { defaultSettings, type Settings } from '#shared/domain/settings/settings-schema';
import { buildDemoApplications } from './demo-applications';
import { buildDemoCandidates } from './demo-candidates';
import { buildDemoComments } from './demo-comments';
import { DEMO_INTERVIEW_PLANS } from './demo-interview-plans';
import { DEMO_INTERVIEW_KITS } from './demo-interview-kits';
import { buildDemoInterviews } from './demo-interviews';
import { buildDemoJobs } from './demo-jobs';
import { BUSINESS_APPLICATION_PLANS } from './demo-pipeline-business';
import { ENGINEERING_APPLICATION_PLANS } from './demo-pipeline-engineering';
import { demoClock } from './demo-time';
import { buildDemoUsers } from './demo-users';

/** The password of every demo account (SPEC §8), printed at startup. */
export const DEMO_PASSWORD = 'Password123!';

/** The documents of the demo organisation, one array per replicated collection. */
export interface DemoOrganisation {
  users: User[];
  settings: Settings[];
  jobs: Job[];
  candidates: Candidate[];
  applications: Application[];
  interviews: Interview[];
  messages: Message[];
  comments: Comment[];
}

/**
 * The demo organisation of SPEC §8: a freight-software company's hiring quarter, with seven staff
 * accounts, eight jobs (each with its interview plan), fifteen candidates, twenty-two applications and
 * fourteen interviews (each following a kit of its job's plan; scorecards rate the kit's attributes).
 *
 * Pure and deterministic for a given `now` (ms): every date is relative to it, so the demo always
 * looks current (stage changes and completed interviews in the past weeks, scheduled interviews on the
 * next working days), and every document's `updatedAt` is `now`. The documents are already in the
 * state the rules would have produced, so they are written straight to the store, not judged.
 */
export function buildDemoOrganisation(now: number): DemoOrganisation {
  const clock = demoClock(now);
  const candidates = buildDemoCandidates(clock);
  return {
    users: buildDemoUsers(now),
    settings: [{ ...defaultSettings(now), timeZone: 'Europe/Berlin' }],
    jobs: buildDemoJobs(clock).map((job) => {
      const plan = DEMO_INTERVIEW_KITS[job.id];
      return plan ? { ...job, interviewPlan: structuredClone(plan) } : job;
    }),
    candidates,
    applications: buildDemoApplications(
      clock,
      [...ENGINEERING_APPLICATION_PLANS, ...BUSINESS_APPLICATION_PLANS],
      candidates,
    ),
    interviews: buildDemoInterviews(clock, DEMO_INTERVIEW_PLANS),
    // Nothing was sent to the demo's candidates: the team decides what they receive (SPEC §12).
    messages: [],
    comments: buildDemoComments(clock),
  };
}
