import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import type { Comment } from '#shared/domain/comment/comment-schema';
import { mentionNoticeReadiness } from '#shared/domain/comment/mention-notice';
import type { User } from '#shared/domain/user/user-schema';
import { liveContentOf } from '../../infra/stored-document';
import type { StoredDoc } from '../../infra/couch-store';
import { addNewEntries, getOutboxDoc, putOutboxDoc } from '../../services/outbox-database';
import { ERASED_MESSAGE } from '../../services/outbox-erasure';
import { isOutboxEntry, newEntry, type OutboxEntry, type OutboxMessage } from '../../services/outbox-entry';
import type { MessageContext } from '../../services/message-templates';
import { getUser } from '../../services/user-service';
import { reachableUser, type CaptureContext } from './capture-context';
import type { SendDecision } from './outbox-sender';

const MENTION = ':mention:';

/** The outbox id of the notice to `userId` that comment `commentId` mentions them (once per comment). */
export function mentionEntryId(commentId: string, userId: string): string {
  return `${commentId}${MENTION}${userId}`;
}

/** The person a mention notice is for, read from its id; null for an entry that is not one. */
function recipientOf(entry: OutboxEntry): string | null {
  const prefix = `${entry.source.id}${MENTION}`;
  return entry.source.collection === 'comments' && entry._id.startsWith(prefix)
    ? entry._id.slice(prefix.length) || null
    : null;
}

/** A staff member hears that a colleague mentioned them on a candidate's timeline. */
export function mentionMessage(
  input: { to: string; name: string; authorName: string; candidateName: string; body: string },
  context: MessageContext,
): OutboxMessage {
  return {
    template: 'comment_mention',
    to: [input.to],
    subject: `${input.authorName} mentioned you on ${input.candidateName}`,
    text:
      `Hello ${input.name},\n\n${input.authorName} mentioned you in a comment on ${input.candidateName}:\n\n` +
      `${input.body
        .split('\n')
        .map((line) => `> ${line}`)
        .join(
          '\n',
        )}\n\nOpen the candidate in Shortlist to reply.\n\n— Shortlist for ${context.organisation}\n`,
  };
}

/** The notice to `person` of `comment` as it reads now. */
async function noticeOf(
  context: CaptureContext,
  comment: Comment,
  candidate: Candidate,
  person: User,
): Promise<OutboxMessage> {
  const author = await getUser(context.store, comment.createdBy);
  return mentionMessage(
    {
      to: person.email,
      name: person.name,
      authorName: author?.name ?? 'A colleague',
      candidateName: `${candidate.firstName} ${candidate.lastName}`.trim(),
      body: comment.body,
    },
    context.messages,
  );
}

/** The live candidate `id`, or null. */
async function candidateOf(context: CaptureContext, id: string): Promise<Candidate | null> {
  return liveContentOf('candidates', await context.store.get('candidates', id));
}

/**
 * Derives the notices a comment's current version calls for and adds those not in the outbox yet:
 * one to each active staff member it mentions (not the author), once per comment however often it
 * is edited. A notice cancelled while it waited (the mention was taken out) and wanted again (put
 * back) is queued again: it was never sent. Whether each goes out is asked again when its turn
 * comes (`checkMentionNotice`). A comment whose last accepted write predates `notifyFrom` (or that
 * was loaded in bulk, with no write record) is history, not news.
 */
export async function captureComment(
  context: CaptureContext,
  stored: StoredDoc,
  notifyFrom: number,
): Promise<number> {
  const lastWrite = stored.serverMeta?.writes?.at(-1);
  if (!lastWrite || lastWrite.at < notifyFrom || lastWrite.action === 'erase') return 0;
  const comment = liveContentOf('comments', stored);
  if (!comment || comment.mentions.length === 0) return 0;
  const candidate = await candidateOf(context, comment.candidateId);
  if (!candidate || candidate.erasedAt) return 0;
  const now = context.now();
  const source = { collection: 'comments', id: comment.id } as const;
  const entries: OutboxEntry[] = [];
  for (const userId of comment.mentions) {
    if (userId === comment.createdBy) continue;
    const person = await reachableUser(context.store, userId);
    if (!person) continue;
    const message = await noticeOf(context, comment, candidate, person);
    entries.push(newEntry(mentionEntryId(comment.id, userId), message, source, context.mailFrom, now));
  }
  const added = await addNewEntries(context.outbox, entries);
  return added + (await requeueCancelled(context, comment, candidate, entries));
}

/** Queues again the notices among `entries` that were cancelled and are wanted now; answers how many. */
async function requeueCancelled(
  context: CaptureContext,
  comment: Comment,
  candidate: Candidate,
  entries: readonly OutboxEntry[],
): Promise<number> {
  let requeued = 0;
  for (const entry of entries) {
    const existing = await getOutboxDoc(context.outbox, entry._id);
    if (!existing || !isOutboxEntry(existing) || existing.status !== 'cancelled') continue;
    const recipientId = recipientOf(entry) ?? '';
    const recipient = await getUser(context.store, recipientId);
    const readiness = mentionNoticeReadiness(recipientId, {
      comment,
      isCommentErased: false,
      candidate,
      recipient,
    });
    if (readiness.state !== 'ready') continue;
    const { lastError: _lastError, ...rest } = existing;
    const next: OutboxEntry = {
      ...rest,
      to: entry.to,
      subject: entry.subject,
      text: entry.text,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: context.now(),
    };
    // A lost race is another instance queuing it again (or an erasure): theirs stands.
    if ((await putOutboxDoc(context.outbox, next)) !== null) requeued += 1;
  }
  return requeued;
}

/**
 * Whether a mention notice still goes out at its turn (`mentionNoticeReadiness` against the store
 * now), and its words as the comment reads now: an edit that kept the mention sends the edited
 * text, not the one first captured. A notice about an erased candidate is cancelled and blanked.
 */
export async function checkMentionNotice(context: CaptureContext, entry: OutboxEntry): Promise<SendDecision> {
  const recipientId = recipientOf(entry);
  if (!recipientId) return { action: 'send' };
  const stored = await context.store.get('comments', entry.source.id);
  const comment = liveContentOf('comments', stored);
  const [candidate, recipient] = await Promise.all([
    comment ? candidateOf(context, comment.candidateId) : Promise.resolve(null),
    getUser(context.store, recipientId),
  ]);
  const readiness = mentionNoticeReadiness(recipientId, {
    comment,
    isCommentErased: stored?.serverMeta?.writes?.at(-1)?.action === 'erase',
    candidate,
    recipient,
  });
  if (readiness.state === 'cancel') {
    return {
      action: 'cancel',
      why: readiness.why,
      ...(readiness.isErased ? { content: ERASED_MESSAGE } : {}),
    };
  }
  // Ready means all three are there.
  if (!comment || !candidate || !recipient) return { action: 'send' };
  return { action: 'send', content: await noticeOf(context, comment, candidate, recipient) };
}
