import type { Candidate } from '../candidate/candidate-schema';
import { wantsEmailNotifications } from '../user/user-preferences';
import type { User } from '../user/user-schema';
import { isMentionable, isNamedIn } from './comment-rules';
import type { Comment } from './comment-schema';

/** Whether the notice of a mention goes out now, or never will (and why, for whoever looks). */
export type MentionNoticeReadiness =
  | { readonly state: 'ready' }
  | {
      readonly state: 'cancel';
      readonly why: string;
      /** The candidate was erased: what the notice says about them goes too. */
      readonly isErased: boolean;
    };

/** What a mention notice is checked against: the server's current versions (null: gone or never there). */
export interface MentionNoticeSituation {
  /** The comment, unless it was deleted or erased. */
  readonly comment: Comment | null;
  /** The comment was removed by the erasure of its candidate (its tombstone says so). */
  readonly isCommentErased: boolean;
  /** The comment's candidate (looked up while the comment is there). */
  readonly candidate: Pick<Candidate, 'erasedAt'> | null;
  /** The person the notice is for, as the directory has them now. */
  readonly recipient: Pick<User, 'id' | 'name' | 'active' | 'role' | 'emailNotifications'> | null;
}

const cancel = (why: string, isErased = false): MentionNoticeReadiness => ({
  state: 'cancel',
  why,
  isErased,
});

/**
 * Whether the notice telling `recipientId` that a comment mentions them goes out: only while the
 * author still says so. A notice waits in the outbox (the mail server is down, a retry is due), and
 * meanwhile its comment may be deleted, erased with its candidate, or edited so it no longer
 * mentions them; the person may have left, become an interviewer or turned notifications off; or the
 * text never named them (a crafted `mentions` list). Each of those cancels it, never to be sent.
 */
export function mentionNoticeReadiness(
  recipientId: string,
  situation: MentionNoticeSituation,
): MentionNoticeReadiness {
  const { comment, candidate, recipient } = situation;
  if (situation.isCommentErased || candidate?.erasedAt) return cancel('The candidate was erased.', true);
  if (!comment) return cancel('The comment was deleted.');
  if (!candidate) return cancel('The candidate was deleted.');
  if (!comment.mentions.includes(recipientId) || comment.createdBy === recipientId) {
    return cancel('The comment no longer mentions them.');
  }
  if (!recipient || !isMentionable(recipient)) {
    return cancel('They no longer work on candidates (deactivated, or not in a role that comments).');
  }
  if (!wantsEmailNotifications(recipient)) return cancel('They turned e-mail notifications off.');
  if (!isNamedIn(comment.body, recipient)) {
    return cancel(`The comment’s text does not name them with @ (as ${recipient.name}).`);
  }
  return { state: 'ready' };
}
