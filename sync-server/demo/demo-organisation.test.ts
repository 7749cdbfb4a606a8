import { describe, expect, it } from 'vitest';
import { decideInterviewPlan, findKit, planKits } from '#shared/domain/job/interview-plan';
import {
  isStageTransition,
  stageMoveAction,
  STAGE_TRANSITIONS,
} from '#shared/domain/application/application-machine';
import { applicationId, type Application, type Stage } from '#shared/domain/application/application-schema';
import { isStaffRole, type Role } from '#shared/domain/common/roles';
import { normalizeEmail } from '#shared/domain/common/schema-helpers';
import { parseIso } from '#shared/domain/common/time';
import { validateAgainst } from '#shared/domain/common/validate';
import { roleMay } from '#shared/domain/access/write-matrix';
import { decideCommentWrite, mentionsIn } from '#shared/domain/comment/comment-rules';
import { COLLECTION_SCHEMAS, COLLECTIONS } from '#shared/domain/collections';
import { buildDemoOrganisation, DEMO_PASSWORD, type DemoOrganisation } from './demo-organisation';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A weekday morning, a Friday just before midnight and a Sunday just after: dates must hold for all. */
const NOWS = [
  Date.UTC(2026, 10, 18, 9, 30),
  Date.UTC(2026, 10, 20, 23, 59, 59, 999),
  Date.UTC(2026, 10, 22, 0, 0, 0, 1),
];
const NOW = NOWS[0] ?? 0;

function countBy<T>(items: readonly T[], key: (item: T) => string | undefined): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const value = key(item) ?? 'undefined';
    counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

function roleOf(demo: DemoOrganisation, userId: string): Role | undefined {
  return demo.users.find((user) => user.id === userId)?.role;
}

/** When the application arrived at `stage`, and when it left it (undefined if it is still there). */
function stageWindow(application: Application, stage: Stage): { enteredAt?: number; leftAt?: number } {
  const index = application.stageHistory.findIndex((entry) => entry.to === stage);
  const entered = application.stageHistory[index];
  const next = application.stageHistory[index + 1];
  return {
    ...(entered ? { enteredAt: parseIso(entered.at) } : {}),
    ...(next ? { leftAt: parseIso(next.at) } : {}),
  };
}

describe('demo organisation (SPEC §8)', () => {
  const demo = buildDemoOrganisation(NOW);

  it('signs everyone in with Password123!', () => {
    expect(DEMO_PASSWORD).toBe('Password123!');
  });

  it('has the seven staff accounts of §8, all active, with real names', () => {
    const accounts = Object.fromEntries(demo.users.map((user) => [user.email, user.role]));
    expect(accounts).toEqual({
      'admin@example.com': 'admin',
      'hr.manager@example.com': 'hiring_manager',
      'recruiter1@example.com': 'recruiter',
      'recruiter2@example.com': 'recruiter',
      'interviewer1@example.com': 'interviewer',
      'interviewer2@example.com': 'interviewer',
      'interviewer3@example.com': 'interviewer',
    });
    expect(demo.users).toHaveLength(7);
    for (const user of demo.users) {
      expect(user.active).toBe(true);
      expect(user.name).toMatch(/^\S+ \S+/);
    }
  });

  it('has 8 jobs: 4 open (one is Senior Backend Engineer), 1 on hold, 1 draft, 2 closed (filled, cancelled)', () => {
    expect(demo.jobs).toHaveLength(8);
    expect(countBy(demo.jobs, (job) => job.status)).toEqual({ open: 4, on_hold: 1, draft: 1, closed: 2 });
    const backend = demo.jobs.filter((job) => job.title === 'Senior Backend Engineer');
    expect(backend.map((job) => job.status)).toEqual(['open']);
    const closed = demo.jobs.filter((job) => job.status === 'closed');
    expect(closed.map((job) => job.closedReason).sort()).toEqual(['cancelled', 'filled']);
    for (const job of demo.jobs.filter((candidate) => candidate.status !== 'closed')) {
      expect(job.closedReason).toBeUndefined();
    }
  });

  it('gives every job a believable posting with staff who may own it', () => {
    for (const job of demo.jobs) {
      expect(job.description.split('\n\n').length).toBeGreaterThanOrEqual(2);
      expect(job.requirements.length).toBeGreaterThanOrEqual(3);
      expect(job.salaryMin).toBeDefined();
      expect(job.salaryMax).toBeGreaterThanOrEqual(job.salaryMin ?? Infinity);
      expect(job.currency).toMatch(/^[A-Z]{3}$/);
      expect(['admin', 'hiring_manager']).toContain(roleOf(demo, job.hiringManagerId ?? ''));
      expect(job.recruiterIds.length).toBeGreaterThan(0);
      for (const recruiterId of job.recruiterIds) expect(roleOf(demo, recruiterId)).toBe('recruiter');
      expect(roleMay(roleOf(demo, job.createdBy) ?? 'candidate', 'job.edit')).toBe(true);
      expect(parseIso(job.createdAt)).toBeLessThan(NOW);
    }
  });

  it('has 15 candidates from the sources of §8, with referrers and the agency named', () => {
    expect(demo.candidates).toHaveLength(15);
    expect(countBy(demo.candidates, (candidate) => candidate.source)).toEqual({
      linkedin: 5,
      referral: 3,
      career_page: 3,
      job_board: 2,
      agency: 1,
      other: 1,
    });
    for (const candidate of demo.candidates) {
      if (candidate.source === 'referral') expect(candidate.referredBy?.trim()).toBeTruthy();
      if (candidate.source === 'agency') expect(candidate.agency?.trim()).toBeTruthy();
      expect(candidate.skills.length).toBeGreaterThan(0);
      expect(candidate.notes?.length ?? 0).toBeGreaterThan(50);
    }
  });

  it('keeps emails unique case-insensitively, staff and candidates alike', () => {
    const emails = [...demo.users, ...demo.candidates].map((person) => normalizeEmail(person.email));
    expect(new Set(emails).size).toBe(emails.length);
  });

  it('has 22 applications at the stages of §8, several candidates applying to two jobs', () => {
    expect(demo.applications).toHaveLength(22);
    expect(countBy(demo.applications, (application) => application.stage)).toEqual({
      applied: 6,
      screening: 4,
      interview: 5,
      offer: 2,
      hired: 1,
      rejected: 4,
    });
    const perCandidate = countBy(demo.applications, (application) => application.candidateId);
    expect(Object.values(perCandidate).filter((count) => count === 2).length).toBeGreaterThanOrEqual(3);
  });

  it('gives every application its deterministic id and existing job and candidate', () => {
    const jobs = new Map(demo.jobs.map((job) => [job.id, job]));
    const candidateIds = new Set(demo.candidates.map((candidate) => candidate.id));
    for (const application of demo.applications) {
      expect(application.id).toBe(applicationId(application.jobId, application.candidateId));
      expect(candidateIds.has(application.candidateId)).toBe(true);
      // A new application needs an open job, so a job never approved has none.
      expect(jobs.get(application.jobId)?.status ?? 'missing').not.toMatch(/^(draft|missing)$/);
    }
  });

  it('walks every stage history through the workflow, in time order, by people allowed to move it', () => {
    for (const application of demo.applications) {
      const [first, ...rest] = application.stageHistory;
      expect(first).toMatchObject({ from: null, to: 'applied' });
      expect(roleMay(roleOf(demo, first?.by ?? '') ?? 'candidate', 'application.create')).toBe(true);
      expect(application.createdAt).toBe(first?.at);
      expect(application.createdBy).toBe(first?.by);
      let previous = first;
      for (const entry of rest) {
        expect(entry.from).toBe(previous?.to);
        expect(entry.from && isStageTransition(entry.from, entry.to)).toBe(true);
        expect(STAGE_TRANSITIONS[entry.from ?? 'hired']).toContain(entry.to);
        expect(parseIso(entry.at)).toBeGreaterThanOrEqual(parseIso(previous?.at ?? ''));
        const role = roleOf(demo, entry.by);
        expect(role, `${application.id}: ${entry.to} by ${entry.by}`).toBeDefined();
        expect(
          roleMay(role ?? 'candidate', stageMoveAction(entry.to)),
          `${application.id}: ${entry.to} by ${role}`,
        ).toBe(true);
        previous = entry;
      }
      expect(previous?.to).toBe(application.stage);
      for (const entry of application.stageHistory) {
        expect(entry.note?.trim()).toBeTruthy();
        expect(parseIso(entry.recordedAt)).toBeGreaterThanOrEqual(parseIso(entry.at));
        expect(parseIso(entry.recordedAt)).toBeLessThanOrEqual(NOW);
      }
    }
  });

  it('records rejections with reasons, at different stages', () => {
    const rejected = demo.applications.filter((application) => application.stage === 'rejected');
    for (const application of demo.applications) {
      expect(application.rejection !== undefined).toBe(application.stage === 'rejected');
    }
    for (const application of rejected) {
      expect(application.rejection?.reason.trim()).toBeTruthy();
      expect(application.rejection?.atStage).toBe(application.stageHistory.at(-1)?.from);
    }
    expect(
      new Set(rejected.map((application) => application.rejection?.atStage)).size,
    ).toBeGreaterThanOrEqual(3);
  });

  it('has offers on the offer-stage and hired applications, the hire accepted on the filled job', () => {
    for (const application of demo.applications.filter((candidate) =>
      ['offer', 'hired'].includes(candidate.stage),
    )) {
      expect(application.offer, application.id).toBeDefined();
    }
    const hired = demo.applications.filter((application) => application.stage === 'hired');
    expect(hired.map((application) => application.offer?.status)).toEqual(['accepted']);
    const filled = demo.jobs.find((job) => job.closedReason === 'filled');
    expect(hired[0]?.jobId).toBe(filled?.id);
    const cancelled = demo.jobs.find((job) => job.closedReason === 'cancelled');
    for (const application of demo.applications.filter((candidate) => candidate.jobId === cancelled?.id)) {
      expect(application.stage).toBe('rejected');
    }
  });

  it('has a few comments on candidates’ timelines, by colleagues who may comment, mentions matching the text', () => {
    expect(demo.comments.length).toBeGreaterThanOrEqual(3);
    const users = new Map(demo.users.map((user) => [user.id, user]));
    const candidateIds = new Set(demo.candidates.map((candidate) => candidate.id));
    for (const comment of demo.comments) {
      const author = users.get(comment.createdBy);
      if (!author) throw new Error(`unknown author ${comment.createdBy}`);
      expect(candidateIds.has(comment.candidateId)).toBe(true);
      expect(decideCommentWrite({ id: author.id, role: author.role }, null, comment, { users, now: NOW })).toEqual({
        ok: true,
      });
      expect(comment.mentions).toEqual(mentionsIn(comment.body, demo.users));
    }
    expect(demo.comments.some((comment) => comment.mentions.length > 0)).toBe(true);
  });

  it('has 14 interviews: 9 completed with scorecards, 4 scheduled, 1 cancelled', () => {
    expect(demo.interviews).toHaveLength(14);
    expect(countBy(demo.interviews, (interview) => interview.status)).toEqual({
      completed: 9,
      scheduled: 4,
      cancelled: 1,
    });
    for (const interview of demo.interviews) {
      if (interview.status === 'completed')
        expect(interview.scorecards.length, interview.id).toBeGreaterThan(0);
      else expect(interview.scorecards, interview.id).toEqual([]);
    }
  });

  it('gives every interviewer account at least one interview', () => {
    const interviewers = demo.users.filter((user) => user.role === 'interviewer');
    expect(interviewers).toHaveLength(3);
    for (const interviewer of interviewers) {
      expect(
        demo.interviews.some((interview) => interview.interviewerIds.includes(interviewer.id)),
        interviewer.email,
      ).toBe(true);
    }
  });

  it('writes each scorecard by an interviewer of that interview, once, with a real assessment', () => {
    for (const interview of demo.interviews) {
      const authors = interview.scorecards.map((card) => card.interviewerId);
      expect(new Set(authors).size).toBe(authors.length);
      for (const card of interview.scorecards) {
        expect(interview.interviewerIds).toContain(card.interviewerId);
        expect(Number.isInteger(card.rating) && card.rating >= 1 && card.rating <= 5).toBe(true);
        expect(card.notes.length).toBeGreaterThan(100);
        expect(parseIso(card.submittedAt)).toBeGreaterThan(parseIso(interview.scheduledAt));
        expect(parseIso(card.submittedAt)).toBeLessThanOrEqual(NOW);
      }
    }
  });

  it('gives every job an interview plan the rules accept, and every interview a kit of it (issue 19)', () => {
    for (const job of demo.jobs) {
      expect(job.interviewPlan, job.id).toBeDefined();
      expect(decideInterviewPlan(job.interviewPlan ?? { attributes: [], stages: [] }), job.id).toEqual({
        ok: true,
      });
      expect(planKits(job.interviewPlan).length, job.id).toBeGreaterThan(0);
    }
    const jobs = new Map(demo.jobs.map((job) => [job.id, job]));
    for (const interview of demo.interviews) {
      const kit = findKit(jobs.get(interview.jobId)?.interviewPlan, interview.kitId);
      expect(kit, interview.id).not.toBeNull();
      expect(kit?.type, interview.id).toBe(interview.type);
      expect(kit?.durationMinutes, interview.id).toBe(interview.durationMinutes);
    }
  });

  it('rates, in every completed scorecard, focus attributes of its kit only, most of them with evidence', () => {
    const jobs = new Map(demo.jobs.map((job) => [job.id, job]));
    let notes = 0;
    let ratings = 0;
    for (const interview of demo.interviews) {
      const kit = findKit(jobs.get(interview.jobId)?.interviewPlan, interview.kitId);
      for (const card of interview.scorecards) {
        const rated = (card.attributeRatings ?? []).map((rating) => rating.attributeId);
        expect(rated.length, `${interview.id}/${card.interviewerId}`).toBeGreaterThanOrEqual(2);
        expect(new Set(rated).size).toBe(rated.length);
        for (const id of rated) expect(kit?.focusAttributeIds, `${interview.id}: ${id}`).toContain(id);
        ratings += rated.length;
        notes += (card.attributeRatings ?? []).filter((rating) => rating.note).length;
      }
    }
    expect(notes / ratings).toBeGreaterThan(0.6);
  });

  it('ties every interview to an application that reached the interview stage', () => {
    const applications = new Map(demo.applications.map((application) => [application.id, application]));
    for (const interview of demo.interviews) {
      const application = applications.get(interview.applicationId);
      expect(application, interview.id).toBeDefined();
      if (!application) continue;
      expect(interview.jobId).toBe(application.jobId);
      expect(interview.candidateId).toBe(application.candidateId);
      const reached = application.stage === 'rejected' ? application.rejection?.atStage : application.stage;
      expect(['interview', 'offer', 'hired']).toContain(reached);
      // Scheduled while the application was at the interview stage.
      const { enteredAt, leftAt } = stageWindow(application, 'interview');
      expect(parseIso(interview.createdAt)).toBeGreaterThanOrEqual(enteredAt ?? Infinity);
      expect(parseIso(interview.createdAt)).toBeLessThanOrEqual(leftAt ?? NOW);
      if (interview.status === 'completed')
        expect(parseIso(interview.scheduledAt)).toBeLessThan(leftAt ?? NOW);
      expect(Boolean(interview.location) || Boolean(interview.meetingUrl)).toBe(true);
      expect(new Set(interview.interviewerIds).size).toBe(interview.interviewerIds.length);
      for (const interviewerId of interview.interviewerIds) {
        const user = demo.users.find((candidate) => candidate.id === interviewerId);
        expect(user?.active === true && isStaffRole(user.role)).toBe(true);
      }
      expect(roleMay(roleOf(demo, interview.createdBy) ?? 'candidate', 'interview.schedule')).toBe(true);
    }
  });

  it('keeps ids unique within each collection', () => {
    for (const collection of COLLECTIONS) {
      const ids = demo[collection].map((document) => document.id);
      expect(new Set(ids).size, collection).toBe(ids.length);
    }
  });

  it('is deterministic for a given now', () => {
    expect(buildDemoOrganisation(NOW)).toEqual(buildDemoOrganisation(NOW));
  });

  it('moves with now, so the demo always looks current', () => {
    const later = buildDemoOrganisation(NOW + 7 * DAY_MS);
    const shift = (document: { createdAt: string }, other: { createdAt: string }) =>
      parseIso(other.createdAt) - parseIso(document.createdAt);
    demo.applications.forEach((application, index) => {
      const moved = later.applications[index];
      expect(moved && shift(application, moved)).toBe(7 * DAY_MS);
    });
  });
});

describe.each(NOWS.map((now) => [new Date(now).toISOString(), now] as const))(
  'demo organisation built at %s',
  (_label, now) => {
    const demo = buildDemoOrganisation(now);

    it('validates every document against its shared schema, with updatedAt = now', () => {
      for (const collection of COLLECTIONS) {
        for (const document of demo[collection]) {
          expect(
            validateAgainst(COLLECTION_SCHEMAS[collection], document),
            `${collection} ${document.id}`,
          ).toEqual({ ok: true });
          expect(document.updatedAt).toBe(now);
        }
      }
    });

    it('puts history in the past and scheduled interviews in the coming days', () => {
      for (const application of demo.applications) {
        for (const entry of application.stageHistory)
          expect(parseIso(entry.recordedAt)).toBeLessThanOrEqual(now);
      }
      for (const document of [...demo.jobs, ...demo.candidates, ...demo.applications, ...demo.interviews]) {
        expect(parseIso(document.createdAt)).toBeLessThanOrEqual(now);
      }
      for (const interview of demo.interviews) {
        const scheduledAt = parseIso(interview.scheduledAt);
        if (interview.status === 'scheduled') {
          expect(scheduledAt).toBeGreaterThan(now);
          expect(scheduledAt).toBeLessThan(now + 8 * DAY_MS);
          expect([0, 6]).not.toContain(new Date(scheduledAt).getUTCDay());
        } else if (interview.status === 'completed') {
          expect(scheduledAt).toBeLessThan(now);
          for (const card of interview.scorecards)
            expect(parseIso(card.submittedAt)).toBeLessThanOrEqual(now);
        }
        expect(parseIso(interview.createdAt)).toBeLessThan(scheduledAt);
      }
    });

    it('creates each candidate before their first application', () => {
      const candidates = new Map(demo.candidates.map((candidate) => [candidate.id, candidate]));
      for (const application of demo.applications) {
        const candidate = candidates.get(application.candidateId);
        expect(parseIso(candidate?.createdAt ?? '')).toBeLessThanOrEqual(parseIso(application.createdAt));
        const job = demo.jobs.find((candidateJob) => candidateJob.id === application.jobId);
        expect(parseIso(job?.createdAt ?? '')).toBeLessThan(parseIso(application.createdAt));
      }
    });
  },
);
