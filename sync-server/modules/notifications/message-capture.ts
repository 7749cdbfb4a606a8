import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import { toIso } from '#shared/domain/common/time';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { messageReadiness } from '#shared/domain/message/message-readiness';
import { acknowledgementId, SYSTEM_AUTHOR, type Message } from '#shared/domain/message/message-schema';
import { fillTemplate } from '#shared/domain/message/message-templates';
import { messageTemplateOf } from '#shared/domain/settings/settings-schema';
import type { Application } from '#shared/domain/application/application-schema';
import type { Job } from '#shared/domain/job/job-schema';
import type { StoredDoc, WriteRecord } from '../../infra/couch-store';
import { liveContentOf, toStored } from '../../infra/stored-document';
import { candidateMessage } from '../../services/message-templates';
import { addNewEntries, getOutboxDoc } from '../../services/outbox-database';
import { isOutboxEntry, newEntry, type OutboxEntry } from '../../services/outbox-entry';
import { randomId } from '../../services/tokens';
import { buildInvite } from './calendar-invite';
import { loadSettings, parseMailbox, readerTimeZone, type CaptureContext } from './capture-context';

/** The outbox id of a message's one e-mail: deterministic, so it is made once whoever makes it. */
export function messageEntryId(messageId: string): string {
  return `message:${messageId}`;
}

/** How many queued messages one round looks at again (those waiting for their change). */
const SWEEP_LIMIT = 500;

const systemWrite = (now: number, action: WriteRecord['action']): WriteRecord => ({
  id: randomId('w', 9),
  at: now,
  userId: SYSTEM_AUTHOR,
  action,
});

/**
 * A queued message, sent once its change is on the server (SPEC §12): turned into exactly one outbox
 * entry (deterministic id, so two instances, a replay or a crash in between add it once), then marked
 * `sent` with what was sent and to whom. One that waits for its change is left queued (the sweep
 * looks again); one whose change can no longer happen is marked `cancelled`. Answers entries added.
 */
export async function captureMessage(context: CaptureContext, stored: StoredDoc): Promise<number> {
  if (stored.serverMeta?.writes?.at(-1)?.action === 'erase') return 0;
  const message = liveContentOf('messages', stored);
  if (message?.status !== 'queued') return 0;
  const { store } = context;
  const [candidate, application, interview] = await Promise.all([
    store.get('candidates', message.candidateId).then((doc) => liveContentOf('candidates', doc)),
    store.get('applications', message.applicationId).then((doc) => liveContentOf('applications', doc)),
    message.interviewId
      ? store.get('interviews', message.interviewId).then((doc) => liveContentOf('interviews', doc))
      : Promise.resolve(null),
  ]);
  const readiness = messageReadiness(message, { candidate, application, interview });
  if (readiness.state === 'waiting') return 0;
  if (readiness.state === 'cancel' || !candidate) {
    const why = readiness.state === 'cancel' ? readiness.why : 'The candidate no longer exists.';
    await settle(context, stored, message, { status: 'cancelled', statusNote: why });
    return 0;
  }
  const entryId = messageEntryId(message.id);
  const existing = await getOutboxDoc(context.outbox, entryId);
  let added = 0;
  let sent: Pick<OutboxEntry, 'subject' | 'text'>;
  if (existing && isOutboxEntry(existing)) {
    // Made by another instance, or by us before a crash: what it holds is what goes out.
    sent = existing;
  } else {
    const entry = await entryFor(context, message, candidate, interview);
    added = await addNewEntries(context.outbox, [entry]);
    sent = entry;
  }
  await settle(context, stored, message, {
    status: 'sent',
    sentAt: toIso(context.now()),
    sentTo: candidate.email,
    subject: sent.subject,
    body: sent.text.replace(/\n$/, '') || message.body,
  });
  return added;
}

async function entryFor(
  context: CaptureContext,
  message: Message,
  candidate: Candidate,
  interview: Interview | null,
): Promise<OutboxEntry> {
  const source = { collection: 'messages', id: message.id } as const;
  const mail = candidateMessage(message, candidate.email);
  const now = context.now();
  if (message.kind !== 'interview_invite' || !interview) {
    return newEntry(messageEntryId(message.id), mail, source, context.mailFrom, now);
  }
  const settings = await loadSettings(context.store);
  const invite = buildInvite('REQUEST', {
    interviewId: interview.id,
    audience: 'candidate',
    sequence: 0,
    start: new Date(interview.scheduledAt),
    durationMinutes: interview.durationMinutes,
    summary: message.subject,
    description: mail.text,
    location: interview.meetingUrl ? null : (interview.location ?? null),
    url: interview.meetingUrl ?? null,
    organizer: parseMailbox(context.mailFrom),
    attendee: { name: `${candidate.firstName} ${candidate.lastName}`.trim(), email: candidate.email },
    stamp: new Date(now),
    timeZone: readerTimeZone(context, settings, candidate.timeZone),
  });
  return newEntry(messageEntryId(message.id), { ...mail, invite }, source, context.mailFrom, now);
}

/**
 * Writes the server's outcome over the queued message, with its `_rev`. A lost race is another
 * instance settling it (fine) or its author editing it at that moment: read again and settle what is
 * there, so the message ends showing what was sent.
 */
async function settle(
  context: CaptureContext,
  stored: StoredDoc,
  message: Message,
  outcome: Partial<Message>,
): Promise<void> {
  let current: StoredDoc | null = stored;
  let content: Message | null = message;
  for (let attempt = 0; attempt < 5 && current && content?.status === 'queued'; attempt += 1) {
    const now = context.now();
    const next: Message = { ...content, ...outcome, updatedAt: now };
    const written = await context.store.put(
      'messages',
      toStored('messages', next, { previous: current, write: systemWrite(now, 'update') }),
    );
    if (written.ok) return;
    current = await context.store.get('messages', message.id);
    content = liveContentOf('messages', current);
  }
}

/** Looks again at every queued message: those whose change reached the server since go out now. */
export async function sweepQueuedMessages(context: CaptureContext): Promise<number> {
  const queued = await context.store.find('messages', { selector: { status: 'queued' }, limit: SWEEP_LIMIT });
  let added = 0;
  for (const stored of queued) added += await captureMessage(context, stored);
  return added;
}

/**
 * The acknowledgement of a portal application (SPEC §12: the candidate applied, so they hear that it
 * arrived), written as a queued message from the organisation's template; the message capture then
 * sends it like any other. Its id is the application's, so it is written once. Answers whether it
 * was written now.
 */
export async function writeAcknowledgement(
  context: CaptureContext,
  application: Application,
  candidate: Candidate,
  job: Job,
): Promise<boolean> {
  const id = acknowledgementId(application.id);
  if (await context.store.get('messages', id)) return false;
  const settings = await loadSettings(context.store);
  const filled = fillTemplate(messageTemplateOf(settings, 'acknowledgement'), {
    candidateFirstName: candidate.firstName,
    candidateName: `${candidate.firstName} ${candidate.lastName}`.trim(),
    jobTitle: job.title,
    portalLink: context.messages.publicUrl
      ? `${context.messages.publicUrl}/careers/#/applications`
      : 'our careers page',
  });
  const now = context.now();
  const acknowledgement: Message = {
    id,
    updatedAt: now,
    candidateId: candidate.id,
    applicationId: application.id,
    kind: 'acknowledgement',
    subject: filled.subject,
    body: filled.body,
    status: 'queued',
    createdBy: SYSTEM_AUTHOR,
    createdAt: toIso(now),
  };
  // Another instance may write it first: theirs is the same message.
  const written = await context.store.put(
    'messages',
    toStored('messages', acknowledgement, { write: systemWrite(now, 'create') }),
  );
  return written.ok;
}
