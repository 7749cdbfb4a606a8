import { changedFields, jsonEqual } from '../common/equality';
import { ALLOWED, refuse, type Decision } from '../common/refusal';
import type { Actor } from '../common/roles';
import { MAX_CLOCK_SKEW_MS, parseIso } from '../common/time';
import { roleMay } from '../access/write-matrix';
import type { User } from '../user/user-schema';
import type { Comment } from './comment-schema';

/** What a comment write is judged against beyond the document. */
export interface CommentWriteContext {
  /** The staff directory: who may be mentioned. */
  readonly users?: ReadonlyMap<string, User>;
  /** The judge's clock (ms): a comment may not be dated in its future. */
  readonly now: number;
}

/** Fields the author may change after writing a comment. */
const EDITABLE = ['body', 'mentions', 'editedAt'];

/**
 * Whether `actor` may write comment `after` over `before` (null when new): the roles that work on
 * candidates comment; a comment is its author's (`createdBy`, which the server sets) and only they
 * change its text, never its candidate, application or creation time; an edit says when it was made
 * (`editedAt`, which stays once set); everyone it mentions is an active colleague who reads
 * comments, each once.
 */
export function decideCommentWrite(
  actor: Actor,
  before: Comment | null,
  after: Comment,
  context: CommentWriteContext,
): Decision {
  if (!roleMay(actor.role, 'comment.write')) return refuse('forbidden_role', 'Your role may not comment.');
  if (before) {
    const changed = changedFields(before, after, ['updatedAt']);
    if (changed.length === 0) return ALLOWED;
    if (!mayEditComment(actor, before))
      return refuse('forbidden_role', 'Only its author may change a comment.');
    const fixed = changed.find((field) => !EDITABLE.includes(field));
    if (fixed) return refuse('immutable_field', `${fixed} cannot be changed after creation.`);
  } else if (after.createdBy !== actor.id) {
    return refuse('forbidden_role', 'A comment is written in one’s own name.');
  }
  const timing = decideCommentTimes(before, after, context.now);
  if (!timing.ok) return timing;
  const mentions = decideMentions(after.mentions, context.users);
  return mentions.ok ? decideMentionsNamed(after) : mentions;
}

/**
 * A comment's times tell the truth as far as a judge can see: none in the judge's future (beyond
 * clock drift), an edit after the writing and after the previous edit, and a changed text dated
 * anew. Offline work is dated by the laptop, so the past is taken as sent.
 */
function decideCommentTimes(before: Comment | null, after: Comment, now: number): Decision {
  const latest = now + MAX_CLOCK_SKEW_MS;
  const created = parseIso(after.createdAt);
  if (Number.isNaN(created)) return refuse('invalid_time', 'createdAt is not a real time.');
  if (created > latest)
    return refuse('invalid_time', 'The comment is dated in the future; check the computer’s clock.');
  const undated = refuse('invalid_time', 'An edit is dated when it was made (editedAt).');
  if (after.editedAt === undefined) {
    if (before?.editedAt !== undefined)
      return refuse('immutable_field', 'That a comment was edited stays on it.');
    return before && isRewritten(before, after) ? undated : ALLOWED;
  }
  const edited = parseIso(after.editedAt);
  if (Number.isNaN(edited)) return refuse('invalid_time', 'editedAt is not a real time.');
  if (edited > latest)
    return refuse('invalid_time', 'The edit is dated in the future; check the computer’s clock.');
  if (edited < created) return refuse('invalid_time', 'The edit is dated before the comment was written.');
  if (before?.editedAt !== undefined) {
    if (edited < parseIso(before.editedAt))
      return refuse('invalid_time', 'The edit is dated before the previous edit.');
    if (before.editedAt === after.editedAt && isRewritten(before, after)) return undated;
  }
  return ALLOWED;
}

/** Whether the words of a comment, or whom it names, changed. */
function isRewritten(before: Comment, after: Comment): boolean {
  return before.body !== after.body || !jsonEqual(before.mentions, after.mentions);
}

/** Whether `actor` may change the words of `comment`: only its author, while their role comments. */
export function mayEditComment(actor: Actor, comment: Pick<Comment, 'createdBy'>): boolean {
  return roleMay(actor.role, 'comment.write') && comment.createdBy === actor.id;
}

/**
 * Whether `actor` may delete comment `before`: its author may (while their role comments), and an
 * admin may delete anyone's (moderation). Nobody else, whatever their role.
 */
export function decideCommentDelete(actor: Actor, before: Comment | null): Decision {
  if (roleMay(actor.role, 'comment.moderate')) return ALLOWED;
  if (!roleMay(actor.role, 'comment.write')) return refuse('forbidden_role', 'Your role may not comment.');
  if (!before) return refuse('not_found', 'The comment is not here to delete.');
  return before.createdBy === actor.id
    ? ALLOWED
    : refuse('delete_forbidden', 'Only its author or an admin may delete a comment.');
}

/**
 * Every mention is a member of the directory who works on candidates (and so reads the timeline),
 * named once. Interviewers are not: the team's comments would sway their judgement. A colleague
 * deactivated since is no reason to refuse: the text may have been written offline, days ago, when
 * they were active; they are simply not notified (`mentionNoticeReadiness`).
 */
export function decideMentions(
  mentions: readonly string[],
  users: ReadonlyMap<string, User> | undefined,
): Decision {
  if (new Set(mentions).size !== mentions.length) {
    return refuse('validation_failed', 'Each person is mentioned at most once.');
  }
  if (mentions.length === 0) return ALLOWED;
  if (!users) return refuse('not_found', 'The staff directory is not known here.');
  const unknown = mentions.find((id) => {
    const user = users.get(id);
    return !user || !roleMay(user.role, 'comment.write');
  });
  return unknown ? refuse('unknown_mention') : ALLOWED;
}

/**
 * A comment mentions no more people than its text has `@`s: whoever wrote it, and whatever the
 * directory said then, each mention was read from an `@` of its own (`mentionsIn`). This is all a
 * judge can hold a text to: it cannot tell whom an `@` named on a laptop that was offline while a
 * colleague was renamed, so whether the text names the person now is for the notice to ask
 * (`isNamedIn`), never a reason to refuse someone's words.
 */
export function decideMentionsNamed(comment: Pick<Comment, 'body' | 'mentions'>): Decision {
  return comment.mentions.length > afterEachAt(comment.body).length ? refuse('unnamed_mention') : ALLOWED;
}

/** Whether `user` may be mentioned (and notified): active, and in a role that reads the team's comments. */
export function isMentionable(user: Pick<User, 'active' | 'role'>): boolean {
  return user.active && roleMay(user.role, 'comment.write');
}

/** Whether `name` (lower case) is written at `from` in `text` (lower case), as whole words. */
function isNameAt(text: string, from: number, name: string): boolean {
  return (
    name.length > 0 && text.startsWith(name, from) && !/[\p{L}\p{N}]/u.test(text.charAt(from + name.length))
  );
}

/** Where the text after each `@` of `text` starts. */
function afterEachAt(text: string): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) starts.push(at + 1);
  return starts;
}

/**
 * The people a comment's text mentions: `@` followed by a staff member's name (the longest name
 * that matches wins, so "@Ana Lima" is Ana Lima, not Ana), in order, each once.
 */
export function mentionsIn(
  body: string,
  users: readonly Pick<User, 'id' | 'name' | 'active' | 'role'>[],
): string[] {
  const byLength = users.filter(isMentionable).sort((a, b) => b.name.length - a.name.length);
  const found: string[] = [];
  const lower = body.toLowerCase();
  for (const from of afterEachAt(lower)) {
    const user = byLength.find((each) => isNameAt(lower, from, each.name.toLowerCase()));
    if (user && !found.includes(user.id)) found.push(user.id);
  }
  return found;
}

/**
 * Whether a comment's text names `user` with `@` (case-insensitive, whole words): their name, or
 * their first name alone. The first name is enough so that a text written before a colleague's
 * surname changed ("@Priya Raman", now Priya Shah) still names them; a text that names someone
 * else, or nobody, does not.
 */
export function isNamedIn(body: string, user: Pick<User, 'name'>): boolean {
  const name = user.name.trim().toLowerCase();
  const firstName = name.split(/\s+/)[0] ?? '';
  const lower = body.toLowerCase();
  return afterEachAt(lower).some(
    (from) => isNameAt(lower, from, name) || (firstName.length >= 2 && isNameAt(lower, from, firstName)),
  );
}
