import { describe, expect, it } from 'vitest';
import type { Application } from '#shared/domain/application/application-schema';
import type { Actor } from '#shared/domain/common/roles';
import { parseIso } from '#shared/domain/common/time';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { decideWrite } from '#shared/domain/decide/decide-write';
import { buildDemoOrganisation } from './demo-organisation';

/**
 * The demo is loaded straight into the store, but it must be a state the server's own rules could
 * have reached: replay each application's history and each interview's life through `decideWrite`,
 * as the people named in them, at the times recorded. Forward moves happened while the job was open
 * (jobs record no status history), so the job is replayed as open for them.
 */
const NOW = Date.UTC(2026, 10, 18, 9, 30);
const demo = buildDemoOrganisation(NOW);
const users = new Map(demo.users.map((user) => [user.id, user]));

function actor(userId: string): Actor {
  const user = users.get(userId);
  if (!user) throw new Error(`No demo user ${userId}`);
  return { id: user.id, role: user.role };
}

/** The application as it stood after its first `entries` history entries. */
function applicationAfter(application: Application, entries: number): Application {
  const stageHistory = application.stageHistory.slice(0, entries);
  const stage = stageHistory.at(-1)?.to ?? 'applied';
  const { rejection, offer, ...rest } = application;
  const reachedOffer = stageHistory.some((entry) => entry.to === 'offer');
  return {
    ...rest,
    stage,
    stageHistory,
    ...(stage === 'rejected' && rejection ? { rejection } : {}),
    ...(reachedOffer && offer ? { offer } : {}),
  };
}

describe('demo organisation replayed through the shared write rules', () => {
  it.each(demo.applications.map((application) => [application.id, application] as const))(
    'application %s',
    (_id, application) => {
      const job = demo.jobs.find((candidate) => candidate.id === application.jobId);
      const candidate = demo.candidates.find((person) => person.id === application.candidateId);
      if (!job || !candidate) throw new Error('Missing job or candidate');
      let before: Application | null = null;
      application.stageHistory.forEach((entry, index) => {
        const after = applicationAfter(application, index + 1);
        const decision = decideWrite(actor(entry.by), 'applications', before, after, {
          now: parseIso(entry.recordedAt),
          job: { ...job, status: entry.to === 'rejected' ? job.status : 'open' },
          candidate,
          settings: demo.settings[0] ?? null,
        });
        expect(decision, `${entry.from ?? 'new'} → ${entry.to}`).toEqual({ ok: true });
        before = after;
      });
      expect(before).toEqual(application);
    },
  );

  it.each(demo.interviews.map((interview) => [interview.id, interview] as const))(
    'interview %s',
    (_id, interview) => {
      const application = demo.applications.find((candidate) => candidate.id === interview.applicationId);
      if (!application) throw new Error('Missing application');
      const atCreation = applicationAfter(
        application,
        application.stageHistory.filter((entry) => parseIso(entry.at) <= parseIso(interview.createdAt))
          .length,
      );
      const job = demo.jobs.find((candidate) => candidate.id === interview.jobId) ?? null;
      const context = { now: parseIso(interview.createdAt), application: atCreation, users, job };
      const scheduled: Interview = { ...interview, status: 'scheduled', scorecards: [] };
      expect(decideWrite(actor(interview.createdBy), 'interviews', null, scheduled, context)).toEqual({
        ok: true,
      });

      let before = scheduled;
      if (interview.status !== 'scheduled') {
        const settled: Interview = { ...scheduled, status: interview.status };
        const at = { ...context, now: parseIso(interview.scheduledAt) + interview.durationMinutes * 60_000 };
        expect(decideWrite(actor(interview.createdBy), 'interviews', before, settled, at)).toEqual({
          ok: true,
        });
        before = settled;
      }
      for (const card of interview.scorecards) {
        const after: Interview = { ...before, scorecards: [...before.scorecards, card] };
        const at = { ...context, now: parseIso(card.submittedAt) };
        expect(
          decideWrite(actor(card.interviewerId), 'interviews', before, after, at),
          card.interviewerId,
        ).toEqual({
          ok: true,
        });
        before = after;
      }
      expect(before).toEqual(interview);
    },
  );
});
