import { describe, expect, it } from 'vitest';
import { ROLES } from '../common/roles';
import { actor, DIRECTORY, user } from '../../test-support/fixtures';
import type { Decision } from '../common/refusal';
import { decideCommentWrite, mentionsIn } from './comment-rules';
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

const context = { users: DIRECTORY };

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

describe('mentions', () => {
  it('only active colleagues who read comments (not interviewers), each once, where the directory is known', () => {
    const by = actor('recruiter');
    const mention = (mentions: string[], users: typeof DIRECTORY | null = DIRECTORY) =>
      codeOf(decideCommentWrite(by, null, comment({ mentions }), users ? { users } : {}));
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
});
