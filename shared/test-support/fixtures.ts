import {
  applicationId,
  type Application,
  type Stage,
  type StageHistoryEntry,
} from '../domain/application/application-schema';
import type { Candidate } from '../domain/candidate/candidate-schema';
import type { Actor, Role } from '../domain/common/roles';
import type { Interview, Scorecard } from '../domain/interview/interview-schema';
import type { InterviewPlan } from '../domain/job/interview-plan-schema';
import type { Job, JobStatus } from '../domain/job/job-schema';
import type { Message } from '../domain/message/message-schema';
import type { User } from '../domain/user/user-schema';
import type { WriteContext } from '../domain/decide/write-context';
import { defaultSettings } from '../domain/settings/settings-schema';

/** A fixed "now" for rule tests: 2026-03-02T10:00:00Z. */
export const NOW = Date.parse('2026-03-02T10:00:00.000Z');
export const iso = (offsetMs = 0): string => new Date(NOW + offsetMs).toISOString();
export const DAY = 24 * 60 * 60 * 1000;
export const MINUTE = 60 * 1000;

export const actor = (role: Role, id = `${role}-1`): Actor => ({ id, role });

export function job(overrides: Partial<Job> = {}): Job {
  return {
    id: 'job-1',
    updatedAt: NOW - DAY,
    title: 'Senior Backend Engineer',
    department: 'Engineering',
    location: 'Berlin',
    employmentType: 'full_time',
    description: 'Build the services our customers rely on.',
    requirements: ['Go or TypeScript', 'Distributed systems'],
    salaryMin: 80_000,
    salaryMax: 100_000,
    currency: 'EUR',
    status: 'open',
    hiringManagerId: 'hiring_manager-1',
    recruiterIds: ['recruiter-1'],
    createdBy: 'recruiter-1',
    createdAt: iso(-30 * DAY),
    ...overrides,
  };
}

/**
 * A plan of two stages: a technical kit focused on design and coding, and a hiring manager kit on
 * ownership; `communication` is assessed by no kit.
 */
export function interviewPlan(): InterviewPlan {
  return {
    attributes: [
      { id: 'design', name: 'System design' },
      { id: 'coding', name: 'Coding' },
      { id: 'ownership', name: 'Ownership' },
      { id: 'communication', name: 'Communication' },
    ],
    stages: [
      {
        id: 'technical',
        name: 'Technical round',
        kits: [
          {
            id: 'kit-technical',
            name: 'Technical interview',
            type: 'technical',
            durationMinutes: 90,
            purpose: 'Can they design and build services that survive failure?',
            questions: ['Design a booking API that survives retries.'],
            focusAttributeIds: ['design', 'coding'],
          },
        ],
      },
      {
        id: 'final',
        name: 'Final round',
        kits: [
          {
            id: 'kit-manager',
            name: 'Hiring manager interview',
            type: 'hiring_manager',
            durationMinutes: 60,
            purpose: 'Motivation and ownership.',
            questions: [],
            focusAttributeIds: ['ownership'],
          },
        ],
      },
    ],
  };
}

export function candidate(overrides: Partial<Candidate> = {}): Candidate {
  return {
    id: 'cand-1',
    updatedAt: NOW - DAY,
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.org',
    skills: ['TypeScript'],
    source: 'linkedin',
    tags: [],
    createdBy: 'recruiter-1',
    createdAt: iso(-20 * DAY),
    ...overrides,
  };
}

const FORWARD: readonly Stage[] = ['applied', 'screening', 'interview', 'offer', 'hired'];

/** The history of an application that walked the workflow to `stage`, one day per step. */
export function historyTo(stage: Stage): StageHistoryEntry[] {
  const path: Stage[] =
    stage === 'rejected' ? ['applied', 'rejected'] : FORWARD.slice(0, FORWARD.indexOf(stage) + 1);
  return path.map((to, index) => ({
    from: index === 0 ? null : (path[index - 1] ?? null),
    to,
    by: 'recruiter-1',
    at: iso((index - 10) * DAY),
    recordedAt: iso((index - 10) * DAY),
  }));
}

export function application(stage: Stage = 'applied', overrides: Partial<Application> = {}): Application {
  return {
    id: applicationId('job-1', 'cand-1'),
    updatedAt: NOW - DAY,
    jobId: 'job-1',
    candidateId: 'cand-1',
    stage,
    stageHistory: historyTo(stage),
    ...(stage === 'rejected' ? { rejection: { atStage: 'applied', reason: 'Not enough experience' } } : {}),
    ...(stage === 'offer' || stage === 'hired'
      ? {
          offer: { baseSalary: 90_000, currency: 'EUR', status: stage === 'hired' ? 'accepted' : 'extended' },
        }
      : {}),
    source: 'linkedin',
    createdBy: 'recruiter-1',
    createdAt: iso(-10 * DAY),
    ...overrides,
  };
}

/** `before` moved to `to` the way the app does it: one appended history entry, a rejection if rejecting. */
export function moved(
  before: Application,
  to: Stage,
  at = iso(-MINUTE),
  reason = 'stronger-candidate',
): Application {
  return {
    ...before,
    stage: to,
    stageHistory: [...before.stageHistory, { from: before.stage, to, by: 'someone', at, recordedAt: at }],
    ...(to === 'rejected' ? { rejection: { atStage: before.stage, reason } } : {}),
  };
}

export function scorecard(interviewerId: string, overrides: Partial<Scorecard> = {}): Scorecard {
  return {
    interviewerId,
    rating: 4,
    recommendation: 'yes',
    notes: 'Clear thinking on trade-offs.',
    submittedAt: iso(-MINUTE),
    ...overrides,
  };
}

export function interview(overrides: Partial<Interview> = {}): Interview {
  return {
    id: 'int-1',
    updatedAt: NOW - DAY,
    applicationId: applicationId('job-1', 'cand-1'),
    jobId: 'job-1',
    candidateId: 'cand-1',
    type: 'technical',
    scheduledAt: iso(DAY),
    durationMinutes: 60,
    meetingUrl: 'https://meet.example.com/abc',
    interviewerIds: ['interviewer-1', 'interviewer-2'],
    status: 'scheduled',
    scorecards: [],
    createdBy: 'recruiter-1',
    createdAt: iso(-2 * DAY),
    ...overrides,
  };
}

export function user(id: string, role: Role, overrides: Partial<User> = {}): User {
  return { id, updatedAt: NOW, name: id, email: `${id}@example.com`, role, active: true, ...overrides };
}

export const DIRECTORY: ReadonlyMap<string, User> = new Map(
  [
    user('admin-1', 'admin'),
    user('hiring_manager-1', 'hiring_manager'),
    user('recruiter-1', 'recruiter'),
    user('interviewer-1', 'interviewer'),
    user('interviewer-2', 'interviewer'),
    user('interviewer-3', 'interviewer'),
    user('interviewer-gone', 'interviewer', { active: false }),
    user('candidate-user', 'candidate'),
  ].map((entry) => [entry.id, entry]),
);

/** A context in which every referenced document exists and the job is in `jobStatus`. */
export function context(jobStatus: JobStatus = 'open', overrides: Partial<WriteContext> = {}): WriteContext {
  return {
    now: NOW,
    job: job({ status: jobStatus, ...(jobStatus === 'closed' ? { closedReason: 'filled' } : {}) }),
    candidate: candidate(),
    application: application('interview'),
    users: DIRECTORY,
    emailTakenBy: null,
    settings: defaultSettings(NOW),
    ...overrides,
  };
}

/** A queued rejection message by `createdBy` for the application `job-1__cand-1`. */
export function message(overrides: Partial<Message> = {}): Message {
  return {
    id: 'msg-1',
    updatedAt: NOW - MINUTE,
    candidateId: 'cand-1',
    applicationId: applicationId('job-1', 'cand-1'),
    kind: 'rejection',
    subject: 'Your application for Senior Backend Engineer',
    body: 'Dear Ada,\n\nThank you for your time.',
    status: 'queued',
    stageChangeAt: iso(-MINUTE),
    createdBy: 'recruiter-1',
    createdAt: iso(-MINUTE),
    ...overrides,
  };
}
