import { liveContentOf } from '../../infra/stored-document';
import type { StoredDoc } from '../../infra/couch-store';
import { addNewEntries } from '../../services/outbox-database';
import { newEntry, type OutboxEntry, type OutboxMessage } from '../../services/outbox-entry';
import type { MessageContext } from '../../services/message-templates';
import { reachableUser, type CaptureContext } from './capture-context';

/** The outbox id of the notice to `userId` that comment `commentId` mentions them (once per comment). */
export function mentionEntryId(commentId: string, userId: string): string {
  return `${commentId}:mention:${userId}`;
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

/**
 * Derives the notices a comment's current version calls for and adds those not in the outbox yet:
 * one to each active staff member it mentions (not the author), once per comment however often it
 * is edited. A comment whose last accepted write predates `notifyFrom` (or that was loaded in bulk,
 * with no write record) is history, not news.
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
  const [author, candidate] = await Promise.all([
    reachableUser(context.store, comment.createdBy),
    context.store.get('candidates', comment.candidateId).then((doc) => liveContentOf('candidates', doc)),
  ]);
  if (!candidate || candidate.erasedAt) return 0;
  const candidateName = `${candidate.firstName} ${candidate.lastName}`.trim();
  const authorName = author?.name ?? 'A colleague';
  const now = context.now();
  const source = { collection: 'comments', id: comment.id } as const;
  const entries: OutboxEntry[] = [];
  for (const userId of comment.mentions) {
    if (userId === comment.createdBy) continue;
    const person = await reachableUser(context.store, userId);
    if (!person) continue;
    const message = mentionMessage(
      { to: person.email, name: person.name, authorName, candidateName, body: comment.body },
      context.messages,
    );
    entries.push(newEntry(mentionEntryId(comment.id, userId), message, source, context.mailFrom, now));
  }
  return addNewEntries(context.outbox, entries);
}
