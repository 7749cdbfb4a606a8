import { editedComment } from '#shared/domain/comment/comment-commands';
import type { Comment } from '#shared/domain/comment/comment-schema';
import type { Decision } from '#shared/domain/common/refusal';
import type { Actor } from '#shared/domain/common/roles';
import { decideWrite } from '#shared/domain/decide/decide-write';
import type { User } from '#shared/domain/user/user-schema';
import type { ShortlistDatabase } from '../../data/database';
import { saveDocument } from '../../data/local-writes';
import { markPending } from '../../data/pending-changes';
import { buildWriteContext } from '../../data/write-context';

/**
 * Saves the author's rewrite of `before`, offline too: dated now, its mentions read again from the
 * new text (the server notifies only those it did not name before). The shared rules judge it first.
 */
export function saveCommentEdit(
  db: ShortlistDatabase,
  actor: Actor,
  before: Comment,
  body: string,
  directory: readonly User[],
): Promise<Decision> {
  return saveDocument(db, actor, 'comments', before, editedComment(before, body, directory, new Date()));
}

/**
 * Deletes `comment` on this laptop when the shared rules allow it (its author, or an admin); the
 * tombstone replicates, so it leaves every laptop's timeline. Pending until the server takes it; a
 * refusal brings the comment back and shows in the refused changes.
 */
export async function deleteComment(
  db: ShortlistDatabase,
  actor: Actor,
  comment: Comment,
): Promise<Decision> {
  const context = await buildWriteContext(db, 'comments', comment);
  const decision = decideWrite(actor, 'comments', comment, { ...comment, _deleted: true }, context);
  if (!decision.ok) return decision;
  const stored = await db.comments.findOne(comment.id).exec();
  await stored?.remove();
  await markPending(db, 'comments', comment.id);
  return decision;
}
