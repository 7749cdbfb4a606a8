import type { Message } from '#shared/domain/message/message-schema';
import type { Comment } from '#shared/domain/comment/comment-schema';
import { moveToStage, newApplication } from '#shared/domain/application/application-commands';
import { applicationId, type Application, type Stage } from '#shared/domain/application/application-schema';
import { CANDIDATE_SOURCES, type Candidate } from '#shared/domain/candidate/candidate-schema';
import { INTERVIEW_TYPES, RECOMMENDATIONS, type Interview } from '#shared/domain/interview/interview-schema';
import type { Job, JobStatus } from '#shared/domain/job/job-schema';
import type { User } from '#shared/domain/user/user-schema';
import {
  DEFAULT_REJECTION_REASONS,
  defaultSettings,
  type Settings,
} from '#shared/domain/settings/settings-schema';
import { SeededRandom } from './random';
import * as words from './vocabulary';

/** SPEC §9: one organisation of a few hundred staff. */
export const FULL_SCALE = {
  staff: 300,
  jobs: 2_000,
  candidates: 50_000,
  applications: 100_000,
  interviews: 30_000,
} as const;

export interface GeneratorOptions {
  /** 1 is SPEC §9's size; 0.1 a tenth of it. */
  scale: number;
  seed: number;
  /** Dates are spread over the year before `now`. */
  now: number;
}

export interface Organisation {
  users: User[];
  settings: Settings[];
  jobs: Job[];
  candidates: Candidate[];
  applications: Application[];
  interviews: Interview[];
  messages: Message[];
  /** None generated: the benchmarks measure what people wait for, which comments do not add to. */
  comments: Comment[];
}

const DAY = 86_400_000;
const FORWARD: readonly Stage[] = ['applied', 'screening', 'interview', 'offer', 'hired'];
const STAGE_WEIGHTS: Readonly<Record<Stage, number>> = {
  applied: 30,
  screening: 18,
  interview: 15,
  offer: 3,
  hired: 4,
  rejected: 30,
};
const JOB_STATUS_WEIGHTS: Readonly<Record<JobStatus, number>> = {
  open: 60,
  on_hold: 8,
  draft: 7,
  closed: 25,
};

/**
 * A realistic organisation at `scale` of SPEC §9, the same for the same seed. Every document passes
 * the shared schemas and every history walks the shared workflow, so it can be pushed through the
 * server's rules or written straight to the store.
 */
export function generateOrganisation({ scale, seed, now }: GeneratorOptions): Organisation {
  const random = new SeededRandom(seed);
  const count = (full: number, min: number) => Math.max(min, Math.round(full * scale));
  const users = generateStaff(random, count(FULL_SCALE.staff, 12), now);
  const recruiters = users.filter((user) => user.role === 'recruiter');
  const managers = users.filter((user) => user.role === 'hiring_manager');
  const interviewers = users.filter((user) => user.role !== 'admin');
  const jobs = Array.from({ length: count(FULL_SCALE.jobs, 4) }, (_, index) =>
    generateJob(random, index, now, recruiters, managers),
  );
  const candidates = Array.from({ length: count(FULL_SCALE.candidates, 10) }, (_, index) =>
    generateCandidate(random, index, now, recruiters),
  );
  const applications = generateApplications(
    random,
    count(FULL_SCALE.applications, 10),
    jobs,
    candidates,
    recruiters,
    managers,
    now,
  );
  const interviews = generateInterviews(
    random,
    count(FULL_SCALE.interviews, 5),
    applications,
    interviewers,
    recruiters,
    now,
  );
  return {
    users,
    settings: [defaultSettings(now)],
    jobs,
    candidates,
    applications,
    interviews,
    messages: [],
    comments: [],
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function generateStaff(random: SeededRandom, total: number, now: number): User[] {
  const roleFor = (index: number): User['role'] => {
    if (index < 2) return 'admin';
    if (index < 2 + Math.max(2, Math.round(total * 0.1))) return 'hiring_manager';
    if (index < 2 + Math.max(4, Math.round(total * 0.25))) return 'recruiter';
    return 'interviewer';
  };
  return Array.from({ length: total }, (_, index) => {
    const first = random.pick(words.FIRST_NAMES);
    const last = random.pick(words.LAST_NAMES);
    return {
      id: `u${index}`,
      updatedAt: now,
      name: `${first} ${last}`,
      email: `staff${index}@example.com`,
      role: roleFor(index),
      active: true,
    };
  });
}

function generateJob(
  random: SeededRandom,
  index: number,
  now: number,
  recruiters: User[],
  managers: User[],
): Job {
  const status = random.weighted(JOB_STATUS_WEIGHTS);
  const seniority = random.pick(words.SENIORITIES);
  const base = random.int(40, 120) * 1_000;
  return {
    id: `j${index}`,
    updatedAt: now,
    title: `${seniority} ${random.pick(words.JOB_TITLES)}`.trim(),
    department: random.pick(words.DEPARTMENTS),
    location: random.pick(words.LOCATIONS),
    employmentType: random.weighted({ full_time: 85, part_time: 5, contract: 7, internship: 3 }),
    description:
      'We are growing the team and looking for someone who enjoys ownership, clear writing and shipping.',
    requirements: random.sample(words.SKILLS, 3),
    salaryMin: base,
    salaryMax: base + random.int(10, 40) * 1_000,
    currency: 'EUR',
    status,
    ...(status === 'closed' ? { closedReason: random.weighted({ filled: 3, cancelled: 1 }) } : {}),
    hiringManagerId: random.pick(managers).id,
    recruiterIds: [random.pick(recruiters).id],
    createdBy: random.pick(recruiters).id,
    createdAt: iso(now - random.int(60, 365) * DAY),
  };
}

function generateCandidate(random: SeededRandom, index: number, now: number, recruiters: User[]): Candidate {
  const firstName = random.pick(words.FIRST_NAMES);
  const lastName = random.pick(words.LAST_NAMES);
  const source = random.pick(CANDIDATE_SOURCES);
  return {
    id: `c${index}`,
    updatedAt: now,
    firstName,
    lastName,
    email: `${firstName}.${lastName}.${index}@mail.example`
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, ''),
    currentCompany: random.pick(words.COMPANIES),
    currentTitle: random.pick(words.JOB_TITLES),
    yearsExperience: random.int(0, 25),
    location: random.pick(words.LOCATIONS),
    skills: random.sample(words.SKILLS, random.int(2, 6)),
    source,
    ...(source === 'referral'
      ? { referredBy: `${random.pick(words.FIRST_NAMES)} ${random.pick(words.LAST_NAMES)}` }
      : {}),
    ...(source === 'agency' ? { agency: 'Talent Bridge Partners' } : {}),
    tags: random.next() < 0.2 ? [random.pick(words.TAGS)] : [],
    createdBy: random.pick(recruiters).id,
    createdAt: iso(now - random.int(1, 365) * DAY),
  };
}

function generateApplications(
  random: SeededRandom,
  total: number,
  jobs: Job[],
  candidates: Candidate[],
  recruiters: User[],
  managers: User[],
  now: number,
): Application[] {
  const applyable = jobs.filter((job) => job.status !== 'draft');
  const seen = new Set<string>();
  const applications: Application[] = [];
  for (let attempt = 0; applications.length < total && attempt < total * 4; attempt += 1) {
    const job = random.pick(applyable);
    const candidate = candidates[applications.length % candidates.length] ?? random.pick(candidates);
    const id = applicationId(job.id, candidate.id);
    if (seen.has(id)) continue;
    seen.add(id);
    applications.push(generateApplication(random, id, job, candidate, recruiters, managers, now));
  }
  return applications;
}

function generateApplication(
  random: SeededRandom,
  id: string,
  job: Job,
  candidate: Candidate,
  recruiters: User[],
  managers: User[],
  now: number,
): Application {
  const stage = random.weighted(STAGE_WEIGHTS);
  const reached = stage === 'rejected' ? random.int(0, 3) : FORWARD.indexOf(stage);
  const path: Stage[] = [
    ...FORWARD.slice(0, reached + 1),
    ...(stage === 'rejected' ? (['rejected'] as Stage[]) : []),
  ];
  let at = now - random.int(path.length * 3, 200) * DAY;
  const recruiter = random.pick(recruiters).id;
  const [arrival = 'applied', ...moves] = path;
  let application = newApplication(
    job.id,
    candidate.id,
    { id: recruiter },
    { at: new Date(at) },
    { source: candidate.source },
  );
  for (const to of moves) {
    at += random.int(1, 3) * DAY;
    const by = to === 'hired' ? random.pick(managers).id : recruiter;
    const details = to === 'rejected' ? { reason: random.pick(DEFAULT_REJECTION_REASONS).id } : {};
    application = moveToStage(application, to, { id: by }, details, { at: new Date(at) });
  }
  if (arrival !== 'applied') throw new Error('An application starts at applied.');
  return {
    ...application,
    id,
    updatedAt: now,
    ...(stage === 'offer' || stage === 'hired'
      ? {
          offer: {
            baseSalary: job.salaryMin ?? 60_000,
            currency: 'EUR',
            status: stage === 'hired' ? 'accepted' : 'extended',
          },
        }
      : {}),
  };
}

function generateInterviews(
  random: SeededRandom,
  total: number,
  applications: Application[],
  interviewers: User[],
  recruiters: User[],
  now: number,
): Interview[] {
  const interviewed = applications.filter((application) =>
    application.stageHistory.some((entry) => entry.to === 'interview'),
  );
  const interviews: Interview[] = [];
  for (let index = 0; index < total && interviewed.length > 0; index += 1) {
    const application = interviewed[index % interviewed.length] as Application;
    const panel = random.sample(interviewers, random.int(1, 3)).map((user) => user.id);
    const isPast = application.stage !== 'interview' || random.next() < 0.6;
    const scheduledAt = isPast ? now - random.int(1, 60) * DAY : now + random.int(1, 14) * DAY;
    const status = isPast ? random.weighted({ completed: 90, cancelled: 6, no_show: 4 }) : 'scheduled';
    interviews.push({
      id: `i${index}`,
      updatedAt: now,
      applicationId: application.id,
      jobId: application.jobId,
      candidateId: application.candidateId,
      type: random.pick(INTERVIEW_TYPES),
      scheduledAt: iso(scheduledAt),
      durationMinutes: random.pick([30, 45, 60, 90]),
      meetingUrl: `https://meet.example.com/${index}`,
      interviewerIds: panel,
      status,
      scorecards:
        status === 'completed'
          ? panel.map((interviewerId) => ({
              interviewerId,
              rating: random.int(1, 5),
              recommendation: random.pick(RECOMMENDATIONS),
              notes: 'Structured answers; probed trade-offs well.',
              submittedAt: iso(scheduledAt + DAY / 4),
            }))
          : [],
      createdBy: random.pick(recruiters).id,
      createdAt: iso(scheduledAt - 7 * DAY),
    });
  }
  return interviews;
}
