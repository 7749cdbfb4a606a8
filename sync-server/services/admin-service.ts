import type { Application } from '../../shared/domain/application/application-schema';
import type { Candidate } from '../../shared/domain/candidate/candidate-schema';
import { toIso } from '../../shared/domain/common/time';
import type { Interview } from '../../shared/domain/interview/interview-schema';
import { COLLECTIONS } from '../../shared/sync/collections';
import type { CouchStore } from '../store/couch-store';
import { contentOf, isTombstone, liveContentOf, toStored, toWire } from '../store/stored-document';
import { eraseResumeFiles } from '../files/resume-service';
import { eraseNotificationsFor } from '../notifications/outbox-erasure';
import { conflict, notFound } from '../plugins/api-error';
import { recordAudit } from './audit-service';

/** `GET /api/admin/stats`: the numbers of the admin dashboard. */
export interface AdminStats {
  jobsByStatus: Record<string, number>;
  applicationsByStage: Record<string, number>;
  candidatesBySource: Record<string, number>;
  interviewsToday: number;
  interviewsUpcoming: number;
  recentApplications: { id: string; jobId: string; candidateId: string; stage: string; createdAt: string }[];
}

function count(into: Record<string, number>, key: unknown): void {
  const name = typeof key === 'string' ? key : 'unknown';
  into[name] = (into[name] ?? 0) + 1;
}

/** Computes the dashboard figures by reading every live document once. */
export async function computeStats(store: CouchStore, now: number): Promise<AdminStats> {
  const stats: AdminStats = {
    jobsByStatus: {},
    applicationsByStage: {},
    candidatesBySource: {},
    interviewsToday: 0,
    interviewsUpcoming: 0,
    recentApplications: [],
  };
  for await (const doc of store.all('jobs')) if (!isTombstone(doc)) count(stats.jobsByStatus, doc['status']);
  for await (const doc of store.all('candidates'))
    if (!isTombstone(doc)) count(stats.candidatesBySource, doc['source']);
  const applications: Application[] = [];
  for await (const doc of store.all('applications')) {
    if (isTombstone(doc)) continue;
    const application = contentOf('applications', doc);
    count(stats.applicationsByStage, application.stage);
    applications.push(application);
  }
  stats.recentApplications = applications
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, 10)
    .map(({ id, jobId, candidateId, stage, createdAt }) => ({ id, jobId, candidateId, stage, createdAt }));
  const startOfDay = new Date(now);
  startOfDay.setUTCHours(0, 0, 0, 0);
  const dayStart = toIso(startOfDay.getTime());
  const dayEnd = toIso(startOfDay.getTime() + 24 * 60 * 60 * 1000);
  const nowIso = toIso(now);
  for await (const doc of store.all('interviews')) {
    if (isTombstone(doc) || doc['status'] !== 'scheduled') continue;
    const at = String(doc['scheduledAt']);
    if (at >= dayStart && at < dayEnd) stats.interviewsToday += 1;
    if (at >= nowIso) stats.interviewsUpcoming += 1;
  }
  return stats;
}

/**
 * GDPR erasure (SPEC §5): the candidate's personal fields are replaced by placeholders and marked
 * `erasedAt`; notes and résumé go; their applications keep only anonymous stage history (no notes,
 * no rejection note, no offer) and their interviews' scorecard notes are blanked; their résumé files
 * and outbox messages are deleted. Replication then carries the erased versions to every laptop.
 */
export async function eraseCandidate(
  store: CouchStore,
  candidateId: string,
  adminId: string,
  now: number,
): Promise<{ applications: number; interviews: number }> {
  const stored = await store.get('candidates', candidateId);
  const candidate = liveContentOf('candidates', stored);
  if (!stored || !candidate) throw notFound('No such candidate.');
  // Messages to the candidate in the outbox go first, while their address is still known.
  await eraseNotificationsFor(store, candidate.email);
  const erased: Candidate = {
    id: candidate.id,
    updatedAt: now,
    firstName: 'Erased',
    lastName: 'Candidate',
    email: `erased-${candidate.id.toLowerCase()}@erased.invalid`,
    skills: [],
    source: candidate.source,
    tags: [],
    erasedAt: toIso(now),
    createdBy: candidate.createdBy,
    createdAt: candidate.createdAt,
  };
  const written = await store.put('candidates', toStored('candidates', erased, { rev: stored._rev }));
  if (!written.ok) throw conflict('The candidate was changed at the same moment; try again.');

  let applications = 0;
  for (const doc of await store.find('applications', { selector: { candidateId }, limit: 100_000 })) {
    if (isTombstone(doc)) continue;
    const { offer: _offer, rejection, stageHistory, ...rest } = contentOf('applications', doc);
    const anonymous: Application = {
      ...rest,
      updatedAt: now,
      stageHistory: stageHistory.map(({ note: _note, ...entry }) => entry),
      ...(rejection ? { rejection: { atStage: rejection.atStage, reason: rejection.reason } } : {}),
    };
    if ((await store.put('applications', toStored('applications', anonymous, { rev: doc._rev }))).ok)
      applications += 1;
  }
  let interviews = 0;
  for (const doc of await store.find('interviews', { selector: { candidateId }, limit: 100_000 })) {
    if (isTombstone(doc)) continue;
    const interview = contentOf('interviews', doc);
    const blanked: Interview = {
      ...interview,
      updatedAt: now,
      scorecards: interview.scorecards.map((card) => ({ ...card, notes: '' })),
    };
    if ((await store.put('interviews', toStored('interviews', blanked, { rev: doc._rev }))).ok)
      interviews += 1;
  }
  await eraseResumeFiles(store, candidateId);
  await recordAudit(store, [
    {
      at: now,
      userId: adminId,
      collection: 'candidates',
      docId: candidateId,
      outcome: 'accepted',
      action: 'erase',
    },
  ]);
  return { applications, interviews };
}

/** NDJSON lines `{"collection": …, "document": …}` of every document of every collection. */
export async function* exportNdjson(store: CouchStore): AsyncGenerator<string> {
  for (const collection of COLLECTIONS) {
    for await (const doc of store.all(collection)) {
      const document = toWire(contentOf(collection, doc), isTombstone(doc));
      yield `${JSON.stringify({ collection, document })}\n`;
    }
  }
}
