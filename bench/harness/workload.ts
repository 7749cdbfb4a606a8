import { STAGE_TRANSITIONS } from '#shared/domain/application/application-machine';
import type { Stage } from '#shared/domain/application/application-schema';
import type { Organisation } from '../generate/organisation-generator';
import type { WireDoc } from './api-client';

/** Stages a recruiter may move forward from (SPEC §3: `offer → hired` is a manager's). */
const RECRUITER_FORWARD_FROM: readonly Stage[] = ['applied', 'screening', 'interview'];

/** The forward stage after `stage`, or null at `offer` and terminal stages for a recruiter. */
export function nextForwardStage(stage: Stage): Stage | null {
  if (!RECRUITER_FORWARD_FROM.includes(stage)) return null;
  return STAGE_TRANSITIONS[stage].find((to) => to !== 'rejected') ?? null;
}

/** Ids of the applications a recruiter may move forward now: at `applied`…`interview`, on an open job. */
export function movableApplicationIds(organisation: Organisation): string[] {
  const openJobs = new Set(organisation.jobs.filter((job) => job.status === 'open').map((job) => job.id));
  return organisation.applications
    .filter((application) => openJobs.has(application.jobId) && nextForwardStage(application.stage) !== null)
    .map((application) => application.id);
}

/**
 * The application one stage further, with the history entry a laptop appends (`by` and `recordedAt`
 * are the server's to stamp; the laptop sends its own guesses, as the app does).
 */
export function movedForward(application: WireDoc, actorId: string, at: number): WireDoc {
  const stage = application['stage'] as Stage;
  const to = nextForwardStage(stage);
  if (!to) throw new Error(`application ${application.id} at ${stage} cannot move forward`);
  const history = application['stageHistory'] as readonly Record<string, unknown>[];
  const iso = new Date(at).toISOString();
  return {
    ...application,
    stage: to,
    stageHistory: [...history, { from: stage, to, by: actorId, at: iso, recordedAt: iso }],
    _deleted: false,
  };
}

/** A recruiter's edit of a candidate: a tag and a line of notes, different each time. */
export function editedCandidate(candidate: WireDoc, round: number): WireDoc {
  return {
    ...candidate,
    tags: [`bench-${round % 50}`],
    notes: `Followed up by phone (round ${round}).`,
    _deleted: false,
  };
}

/** Splits `items` into `parts` disjoint slices of near-equal size, round robin. */
export function dealOut<T>(items: readonly T[], parts: number): T[][] {
  const hands: T[][] = Array.from({ length: parts }, () => []);
  items.forEach((item, index) => hands[index % parts]?.push(item));
  return hands;
}

/** The interviewer with the most interviews (the largest slice an interviewer's laptop holds), and its size. */
export function busiestInterviewer(organisation: Organisation): {
  id: string;
  email: string;
  interviews: number;
  documents: number;
} {
  const counts = new Map<string, number>();
  for (const interview of organisation.interviews) {
    for (const id of interview.interviewerIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const interviewers = organisation.users.filter((user) => user.role === 'interviewer');
  const best = interviewers.reduce((top, user) =>
    (counts.get(user.id) ?? 0) > (counts.get(top.id) ?? 0) ? user : top,
  );
  // SPEC §3: their interviews, and the application, job and candidate of each, plus the users directory.
  const own = organisation.interviews.filter((interview) => interview.interviewerIds.includes(best.id));
  const distinct = (pick: (interview: (typeof own)[number]) => string): number => new Set(own.map(pick)).size;
  const documents =
    own.length +
    distinct((interview) => interview.applicationId) +
    distinct((interview) => interview.jobId) +
    distinct((interview) => interview.candidateId) +
    organisation.users.length;
  return { id: best.id, email: best.email, interviews: own.length, documents };
}
