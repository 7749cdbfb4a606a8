import { describe, expect, it } from 'vitest';
import { ROLES } from '../common/roles';
import { actor, DIRECTORY, MINUTE, NOW, user } from '../../test-support/fixtures';
import { decideWrite } from '../decide/decide-write';
import { editedComment, newComment } from './comment-commands';
import type { Decision } from '../common/refusal';
import { decideCommentDelete, decideCommentWrite, isNamedIn, mentionsIn } from './comment-rules';
import type { Comment } from './comment-schema';

const codeOf = (decision: Decision) => (decision.ok ? 'ok' : decision.code);

function comment(overrides: Partial<Comment> = {}): Comment {
  return {
    id: 'comment-1',
    updatedAt: 1,
    candidateId: 'cand-1',
    body: 'Strong on systems design.',
    mentions: [],
    createdBy: 'recruiter-1',
    createdAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

const context = { users: DIRECTORY, now: NOW };

describe('who may comment', () => {
  it.each(ROLES)('%s', (role) => {
    const by = actor(role);
    const decision = decideCommentWrite(by, null, comment({ createdBy: by.id }), context);
    expect(codeOf(decision)).toBe(
      ['admin', 'hiring_manager', 'recruiter'].includes(role) ? 'ok' : 'forbidden_role',
    );
  });

  it('a comment is its author’s: others may not change it, nobody may move it', () => {
    const before = comment();
    const edited = { ...before, body: 'Changed', editedAt: '2026-03-01T11:00:00.000Z' };
    expect(codeOf(decideCommentWrite(actor('recruiter'), before, edited, context))).toBe('ok');
    expect(codeOf(decideCommentWrite(actor('admin'), before, edited, context))).toBe('forbidden_role');
    const moved = { ...before, candidateId: 'cand-2' };
    expect(codeOf(decideCommentWrite(actor('recruiter'), before, moved, context))).toBe('immutable_field');
  });
});

describe('editing one’s comment', () => {
  const by = actor('recruiter');
  const at = (offsetMs: number) => new Date(NOW + offsetMs);
  const written = () =>
    newComment({ id: 'comment-1', candidateId: 'cand-1', body: ' Hello ' }, [], by, at(-60 * MINUTE));

  it('rewrites the text, reads the mentions again and dates the edit', () => {
    const people = [...DIRECTORY.values()];
    const edited = editedComment(written(), ' Over to @hiring_manager-1 ', people, at(-MINUTE));
    expect(edited).toMatchObject({
      body: 'Over to @hiring_manager-1',
      mentions: ['hiring_manager-1'],
      editedAt: at(-MINUTE).toISOString(),
      createdAt: written().createdAt,
      createdBy: by.id,
    });
    expect(codeOf(decideCommentWrite(by, written(), edited, context))).toBe('ok');
  });

  it('never changes who wrote it, on which candidate or application, or when it was written', () => {
    const before = written();
    const edited = editedComment(before, 'Changed', [], at(-MINUTE));
    for (const forged of [
      { createdBy: 'hiring_manager-1' },
      { candidateId: 'cand-2' },
      { applicationId: 'job-1__cand-1' },
      { createdAt: at(-120 * MINUTE).toISOString() },
    ]) {
      expect(codeOf(decideCommentWrite(by, before, { ...edited, ...forged }, context))).toBe(
        'immutable_field',
      );
    }
  });

  it('an admin may not edit another’s words, nor may anyone else', () => {
    const edited = editedComment(written(), 'Changed', [], at(-MINUTE));
    for (const role of ['admin', 'hiring_manager'] as const) {
      expect(codeOf(decideCommentWrite(actor(role), written(), edited, context))).toBe('forbidden_role');
    }
  });

  it('dates every edit truthfully: not in the future, not before the writing or the last edit, never undone', () => {
    const before = written();
    const decide = (after: Comment, from: Comment = before) =>
      codeOf(decideCommentWrite(by, from, after, context));
    expect(decide(editedComment(before, 'Changed', [], at(10 * MINUTE)))).toBe('invalid_time');
    expect(decide(editedComment(before, 'Changed', [], at(-90 * MINUTE)))).toBe('invalid_time');
    expect(decide({ ...before, body: 'Changed without a date' })).toBe('invalid_time');
    const once = editedComment(before, 'Changed', [], at(-30 * MINUTE));
    expect(decide(once)).toBe('ok');
    expect(decide({ ...once, body: 'Changed again, same date' }, once)).toBe('invalid_time');
    expect(decide(editedComment(once, 'Earlier', [], at(-40 * MINUTE)), once)).toBe('invalid_time');
    const { editedAt: _hidden, ...unmarked } = once;
    expect(decide(unmarked, once)).toBe('immutable_field');
    expect(decide(editedComment(once, 'Later', [], at(-MINUTE)), once)).toBe('ok');
  });

  it('a new comment is not dated in the future', () => {
    const future = newComment({ id: 'c-9', candidateId: 'cand-1', body: 'Hi' }, [], by, at(10 * MINUTE));
    expect(codeOf(decideCommentWrite(by, null, future, context))).toBe('invalid_time');
    // The schema's pattern lets through times that do not exist.
    const unreal = { ...written(), createdAt: '2026-03-01T25:61:00Z' };
    expect(codeOf(decideCommentWrite(by, null, unreal, context))).toBe('invalid_time');
    const unrealEdit = { ...written(), body: 'Changed', editedAt: '2026-03-01T24:99:00Z' };
    expect(codeOf(decideCommentWrite(by, written(), unrealEdit, context))).toBe('invalid_time');
    // Written and edited offline before the first sync: one push carries both.
    const offline = editedComment(written(), 'Edited offline', [], at(-MINUTE));
    expect(codeOf(decideCommentWrite(by, null, offline, context))).toBe('ok');
  });
});

describe('deleting a comment', () => {
  const mine = comment({ createdBy: 'recruiter-1' });
  it.each(ROLES)('%s: their own, and another’s', (role) => {
    const by = actor(role);
    const own = codeOf(decideCommentDelete(by, comment({ createdBy: by.id })));
    const others = codeOf(decideCommentDelete(by, comment({ createdBy: 'someone-else' })));
    const comments = ['admin', 'hiring_manager', 'recruiter'].includes(role);
    expect(own).toBe(comments ? 'ok' : 'forbidden_role');
    expect(others).toBe(role === 'admin' ? 'ok' : comments ? 'delete_forbidden' : 'forbidden_role');
  });

  it('is judged by the one write decision, against the stored version', () => {
    const tombstone = { ...mine, _deleted: true };
    expect(codeOf(decideWrite(actor('recruiter'), 'comments', mine, tombstone, context))).toBe('ok');
    expect(codeOf(decideWrite(actor('hiring_manager'), 'comments', mine, tombstone, context))).toBe(
      'delete_forbidden',
    );
    expect(codeOf(decideWrite(actor('admin'), 'comments', mine, tombstone, context))).toBe('ok');
    expect(codeOf(decideWrite(actor('recruiter'), 'comments', null, tombstone, context))).toBe('not_found');
    // Other documents are still the admins' to delete.
    expect(
      codeOf(decideWrite(actor('recruiter'), 'jobs', null, { id: 'job-1', _deleted: true }, context)),
    ).toBe('delete_forbidden');
  });
});

describe('mentions', () => {
  it('only active colleagues who read comments (not interviewers), each once, where the directory is known', () => {
    const by = actor('recruiter');
    // The text names each of them (the directory's names are their ids).
    const named = (mentions: string[]) =>
      comment({ mentions, body: mentions.map((id) => `@${id}`).join(' ') });
    const mention = (mentions: string[], users: typeof DIRECTORY | null = DIRECTORY) =>
      codeOf(decideCommentWrite(by, null, named(mentions), users ? { users, now: NOW } : { now: NOW }));
    expect(mention(['hiring_manager-1', 'admin-1'])).toBe('ok');
    expect(mention(['interviewer-1'])).toBe('unknown_mention');
    expect(mention(['interviewer-gone'])).toBe('unknown_mention');
    expect(mention(['candidate-user'])).toBe('unknown_mention');
    expect(mention(['nobody'])).toBe('unknown_mention');
    expect(mention(['recruiter-1', 'recruiter-1'])).toBe('validation_failed');
    expect(mention(['recruiter-1'], null)).toBe('not_found');
    expect(mention([], null)).toBe('ok');
  });

  it('reads @names from the text: the longest name wins, whole words only, each once, in order', () => {
    const people = [
      user('ana', 'recruiter', { name: 'Ana' }),
      user('ana-lima', 'recruiter', { name: 'Ana Lima' }),
      user('bo', 'hiring_manager', { name: 'Bo' }),
      user('iv', 'interviewer', { name: 'Ivo' }),
      user('gone', 'recruiter', { name: 'Gone Person', active: false }),
    ];
    expect(mentionsIn('@bo and @Ana Lima, then @ana again and @Ana Lima', people)).toEqual([
      'bo',
      'ana-lima',
      'ana',
    ]);
    expect(mentionsIn('@Bob is not Bo; mail bo@example.com', people)).toEqual([]);
    expect(mentionsIn('@Gone Person and @Ivo', people)).toEqual([]);
  });

  it('a colleague deactivated since the text was written (offline) is no reason to refuse it', () => {
    const gone = user('recruiter-gone', 'recruiter', { name: 'Sam Gone', active: false });
    const users = new Map([...DIRECTORY, [gone.id, gone]]);
    const written = comment({
      body: '@Sam Gone @hiring_manager-1 over to you',
      mentions: [gone.id, 'hiring_manager-1'],
    });
    expect(codeOf(decideCommentWrite(actor('recruiter'), null, written, { users, now: NOW }))).toBe('ok');
  });

  it('mentions no more people than the text has @s, whatever the directory says now', () => {
    const by = actor('recruiter');
    const decide = (body: string, mentions: string[]) =>
      codeOf(decideCommentWrite(by, null, comment({ body, mentions }), context));
    // A crafted list: nobody is named at all.
    expect(decide('Strong on systems design.', ['hiring_manager-1'])).toBe('unnamed_mention');
    expect(decide('@hiring_manager-1 and nobody else', ['hiring_manager-1', 'admin-1'])).toBe(
      'unnamed_mention',
    );
    // Whom an @ named on a laptop offline during a rename is not the judge's to say: the count is all.
    expect(decide('@Someone Renamed, have a look', ['hiring_manager-1'])).toBe('ok');
    expect(decide('@a @b', ['hiring_manager-1', 'admin-1'])).toBe('ok');
    // An edit is held to it too.
    const before = comment({ body: '@hiring_manager-1 look', mentions: ['hiring_manager-1'] });
    const edited = { ...before, body: 'look', editedAt: '2026-03-01T11:00:00.000Z' };
    expect(codeOf(decideCommentWrite(by, before, edited, context))).toBe('unnamed_mention');
  });

  it('a text names a person with @ and their name or first name, case-insensitive, whole words', () => {
    const priya = { name: 'Priya Shah' };
    expect(isNamedIn('@Priya Shah can you look?', priya)).toBe(true);
    expect(isNamedIn('@priya shah', priya)).toBe(true);
    // Written before her surname changed: still her.
    expect(isNamedIn('@Priya Raman can you look?', priya)).toBe(true);
    expect(isNamedIn('@Priyanka can you look?', priya)).toBe(false);
    expect(isNamedIn('Priya Shah, can you look?', priya)).toBe(false);
    expect(isNamedIn('mail priya@example.com', priya)).toBe(false);
    expect(isNamedIn('@Jordan Ellis can you look?', priya)).toBe(false);
    // A one-letter first name is not enough on its own.
    expect(isNamedIn('@J whoever', { name: 'J Smith' })).toBe(false);
    expect(isNamedIn('@J Smith', { name: 'J Smith' })).toBe(true);
  });
});
