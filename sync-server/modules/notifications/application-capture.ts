import type { Application } from '#shared/domain/application/application-schema';
import { parseIso } from '#shared/domain/common/time';
import { getUser } from '../../services/user-service';
import type { StoredDoc } from '../../infra/couch-store';
import { liveContentOf } from '../../infra/stored-document';
import { reachableUser, type CaptureContext } from './capture-context';
import { newPortalApplicationMessage } from '../../services/message-templates';
import { addNewEntries } from '../../services/outbox-database';
import { newEntry, type OutboxEntry } from '../../services/outbox-entry';
import { writeAcknowledgement } from './message-capture';

/** The outbox id of a recruiter's "new application" message. */
export function newApplicationEntryId(applicationId: string, recruiterId: string): string {
  return `${applicationId}:new-application:${recruiterId}`;
}

/**
 * What a new application calls for, and only a portal one (SPEC §12): its acknowledgement to the
 * candidate (a queued message, sent by the message capture) and a notice to each recruiter of the job
 * who takes e-mail notifications. A candidate a recruiter added, and every later stage change, sends
 * the candidate nothing by itself: the person making a change decides whether a message goes with it.
 * Applications recorded before `notifyFrom` (when notifications started) are history, not news.
 */
export async function captureApplication(
  context: CaptureContext,
  stored: StoredDoc,
  notifyFrom: number,
): Promise<number> {
  // An erasure rewrites the person's documents: it is news to nobody, and must send nothing.
  if (stored.serverMeta?.writes?.at(-1)?.action === 'erase') return 0;
  const application = liveContentOf('applications', stored);
  const arrival = application?.stageHistory[0];
  if (!application || !arrival || parseIso(arrival.recordedAt) < notifyFrom) return 0;
  if (!(await isFromPortal(context, application))) return 0;

  const [candidate, job] = await Promise.all([
    context.store.get('candidates', application.candidateId).then((doc) => liveContentOf('candidates', doc)),
    context.store.get('jobs', application.jobId).then((doc) => liveContentOf('jobs', doc)),
  ]);
  if (!job || !candidate || candidate.erasedAt) return 0;
  await writeAcknowledgement(context, application, candidate, job);
  const now = context.now();
  const source = { collection: 'applications', id: application.id } as const;
  const candidateName = `${candidate.firstName} ${candidate.lastName}`.trim();
  const entries: OutboxEntry[] = [];
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
  return addNewEntries(context.outbox, entries);
}

/** An application the candidate made themselves (its creator is a candidate account). */
async function isFromPortal(context: CaptureContext, application: Application): Promise<boolean> {
  const creator = await getUser(context.store, application.createdBy);
  return creator?.role === 'candidate';
}
