import type { Actor } from '../common/roles';
import type { User } from '../user/user-schema';
import { mentionsIn } from './comment-rules';
import type { Comment } from './comment-schema';

/**
 * A new comment by `actor` on a candidate: its text trimmed, the colleagues it names with `@` as
 * its mentions. Whether it may be written is for `decideWrite` to say.
 */
export function newComment(
  input: { readonly id: string; readonly candidateId: string; readonly body: string },
  directory: readonly Pick<User, 'id' | 'name' | 'active' | 'role'>[],
  actor: Pick<Actor, 'id'>,
  at: Date,
): Comment {
  const body = input.body.trim();
  return {
    id: input.id,
    updatedAt: at.getTime(),
    candidateId: input.candidateId,
    body,
    mentions: mentionsIn(body, directory),
    createdBy: actor.id,
    createdAt: at.toISOString(),
  };
}

/**
 * Comment `before` with its text rewritten by its author: trimmed, its mentions read again from the
 * new text, and dated as edited `at`. Only the people it newly names are notified (once each).
 */
export function editedComment(
  before: Comment,
  body: string,
  directory: readonly Pick<User, 'id' | 'name' | 'active' | 'role'>[],
  at: Date,
): Comment {
  const text = body.trim();
  return {
    ...before,
    updatedAt: at.getTime(),
    body: text,
    mentions: mentionsIn(text, directory),
    editedAt: at.toISOString(),
  };
}
