import type { Application } from '#shared/domain/application/application-schema';
import { parseIso } from '#shared/domain/common/time';
import { getUser } from '../../services/user-service';
import type { StoredDoc } from '../../infra/couch-store';
import { liveContentOf } from '../../infra/stored-document';
import { reachableUser, type CaptureContext } from './capture-context';
import { candidateStageMessage, newPortalApplicationMessage } from '../../services/message-templates';
import { addNewEntries } from '../../services/outbox-database';
import { newEntry, type OutboxEntry } from '../../services/outbox-entry';

/** The outbox id of the candidate's message for history entry `index` of an application. */
export function historyEntryId(applicationId: string, index: number): string {
  return `${applicationId}:history:${index}`;
}

/** The outbox id of a recruiter's "new application" message. */
export function newApplicationEntryId(applicationId: string, recruiterId: string): string {
  return `${applicationId}:new-application:${recruiterId}`;
}

/**
 * Derives the messages an application's current version calls for, and adds the ones not in the
 * outbox yet: one to the candidate per stage-history entry (received, then each stage), and, for an
 * application made through the portal, one to each recruiter of the job. History entries recorded
 * before `notifyFrom` (when notifications started) are history, not news.
 */
export async function captureApplication(
  context: CaptureContext,
  stored: StoredDoc,
  notifyFrom: number,
): Promise<number> {
  // An erasure rewrites the person's documents: it is news to nobody, and must send nothing.
  if (stored.serverMeta?.writes?.at(-1)?.action === 'erase') return 0;
  const application = liveContentOf('applications', stored);
  if (!application) return 0;
  const fresh = application.stageHistory
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => parseIso(entry.recordedAt) >= notifyFrom);
  if (fresh.length === 0) return 0;

  const [candidate, job] = await Promise.all([
    context.store.get('candidates', application.candidateId).then((doc) => liveContentOf('candidates', doc)),
    context.store.get('jobs', application.jobId).then((doc) => liveContentOf('jobs', doc)),
  ]);
  if (!job) return 0;
  const now = context.now();
  const source = { collection: 'applications', id: application.id } as const;
  const entries: OutboxEntry[] = [];
  if (candidate && !candidate.erasedAt) {
    for (const { entry, index } of fresh) {
      const message = candidateStageMessage(
        entry.to,
        { to: candidate.email, firstName: candidate.firstName, jobTitle: job.title },
        context.messages,
      );
      entries.push(newEntry(historyEntryId(application.id, index), message, source, context.mailFrom, now));
    }
  }
  if (fresh.some(({ index }) => index === 0) && candidate && (await isFromPortal(context, application))) {
    const candidateName = `${candidate.firstName} ${candidate.lastName}`.trim();
    for (const recruiterId of job.recruiterIds) {
      const recruiter = await reachableUser(context.store, recruiterId);
      if (!recruiter) continue;
      const message = newPortalApplicationMessage(
        { to: recruiter.email, recruiterName: recruiter.name, candidateName, jobTitle: job.title },
        context.messages,
      );
      entries.push(
        newEntry(newApplicationEntryId(application.id, recruiterId), message, source, context.mailFrom, now),
      );
    }
  }
  return addNewEntries(context.outbox, entries);
}

/** An application the candidate made themselves (its creator is a candidate account). */
async function isFromPortal(context: CaptureContext, application: Application): Promise<boolean> {
  const creator = await getUser(context.store, application.createdBy);
  return creator?.role === 'candidate';
}
