import { describe, expect, it } from 'vitest';
import { user } from '../../test-support/fixtures';
import type { Comment } from './comment-schema';
import { mentionNoticeReadiness, type MentionNoticeSituation } from './mention-notice';

const priya = user('priya', 'hiring_manager', { name: 'Priya Raman' });

function comment(overrides: Partial<Comment> = {}): Comment {
  return {
    id: 'comment-1',
    updatedAt: 1,
    candidateId: 'cand-1',
    body: '@Priya Raman can we speed this up?',
    mentions: ['priya'],
    createdBy: 'recruiter-1',
    createdAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

const situation = (overrides: Partial<MentionNoticeSituation> = {}): MentionNoticeSituation => ({
  comment: comment(),
  isCommentErased: false,
  candidate: {},
  recipient: priya,
  ...overrides,
});

const stateOf = (overrides: Partial<MentionNoticeSituation>, recipientId = 'priya') => {
  const readiness = mentionNoticeReadiness(recipientId, situation(overrides));
  return readiness.state === 'ready' ? 'ready' : `${readiness.why}${readiness.isErased ? ' (erased)' : ''}`;
};

describe('a mention notice goes out only while the author still says so', () => {
  it('is ready while the comment is there, names them and they are reachable', () => {
    expect(stateOf({})).toBe('ready');
    // Renamed since the comment was written: the first name still names her.
    expect(stateOf({ recipient: { ...priya, name: 'Priya Shah' } })).toBe('ready');
  });

  it.each([
    ['deleted', { comment: null }, 'The comment was deleted.'],
    [
      'erased with its candidate',
      { comment: null, isCommentErased: true },
      'The candidate was erased. (erased)',
    ],
    [
      'candidate erased',
      { candidate: { erasedAt: '2026-03-02T10:00:00.000Z' } },
      'The candidate was erased. (erased)',
    ],
    ['candidate deleted', { candidate: null }, 'The candidate was deleted.'],
    [
      'edited to drop the mention',
      { comment: comment({ body: 'Never mind.', mentions: [] }) },
      'The comment no longer mentions them.',
    ],
    [
      'the mention list kept, the text changed to name someone else',
      { comment: comment({ body: '@Jordan Ellis can we speed this up?' }) },
      'The comment’s text does not name them with @ (as Priya Raman).',
    ],
    [
      'deactivated',
      { recipient: { ...priya, active: false } },
      'They no longer work on candidates (deactivated, or not in a role that comments).',
    ],
    [
      'now an interviewer',
      { recipient: { ...priya, role: 'interviewer' as const } },
      'They no longer work on candidates (deactivated, or not in a role that comments).',
    ],
    [
      'gone from the directory',
      { recipient: null },
      'They no longer work on candidates (deactivated, or not in a role that comments).',
    ],
    [
      'notifications off',
      { recipient: { ...priya, emailNotifications: false } },
      'They turned e-mail notifications off.',
    ],
  ])('is cancelled when %s', (_case, overrides, why) => {
    expect(stateOf(overrides)).toBe(why);
  });

  it('never tells the author about their own comment', () => {
    expect(stateOf({ comment: comment({ createdBy: 'priya' }) })).toBe(
      'The comment no longer mentions them.',
    );
  });
});
