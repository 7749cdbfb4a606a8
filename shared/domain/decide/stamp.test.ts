import { describe, expect, it } from 'vitest';
import type { Application } from '../application/application-schema';
import { editedComment, newComment } from '../comment/comment-commands';
import { actor, application, candidate, DAY, moved, NOW } from '../../test-support/fixtures';
import { stampServerFields } from './stamp';

describe('server-set fields', () => {
  it('stamps updatedAt whatever the client sent', () => {
    const stamped = stampServerFields(
      'candidates',
      actor('recruiter'),
      candidate(),
      { ...candidate(), updatedAt: 1 },
      NOW,
    );
    expect(stamped['updatedAt']).toBe(NOW);
  });

  it('sets createdBy of a new document to the author', () => {
    const stamped = stampServerFields(
      'candidates',
      actor('recruiter', 'r-7'),
      null,
      { ...candidate(), createdBy: 'admin-1' },
      NOW,
    );
    expect(stamped['createdBy']).toBe('r-7');
    const updated = stampServerFields('candidates', actor('recruiter', 'r-7'), candidate(), candidate(), NOW);
    expect(updated['createdBy']).toBe('recruiter-1');
  });

  it('dates a comment’s undated rewrite on arrival, and leaves a dated edit or an untouched text alone', () => {
    const by = actor('recruiter');
    const before = newComment(
      { id: 'comment-1', candidateId: 'cand-1', body: 'Hello' },
      [],
      by,
      new Date(NOW - DAY),
    );
    const stamp = (after: Record<string, unknown>) =>
      stampServerFields('comments', by, before, after, NOW)['editedAt'];
    expect(stamp({ ...before, body: 'Rewritten' })).toBe(new Date(NOW).toISOString());
    const dated = editedComment(before, 'Rewritten offline', [], new Date(NOW - 60_000));
    expect(stamp(dated)).toBe(dated.editedAt);
    const again = stampServerFields('comments', by, dated, { ...dated, body: 'Rewritten again' }, NOW);
    expect(again['editedAt']).toBe(new Date(NOW).toISOString());
    expect(stamp({ ...before })).toBeUndefined();
  });

  it('sets by and recordedAt of added history entries only, keeping at', () => {
    const before = application('screening');
    const after = moved(before, 'interview', '2026-03-01T09:00:00.000Z');
    const stamped = stampServerFields(
      'applications',
      actor('recruiter', 'r-7'),
      before,
      after,
      NOW,
    ) as unknown as Application;
    const added = stamped.stageHistory.at(-1);
    expect(added).toMatchObject({
      by: 'r-7',
      recordedAt: new Date(NOW).toISOString(),
      at: '2026-03-01T09:00:00.000Z',
    });
    expect(stamped.stageHistory.slice(0, -1)).toEqual(before.stageHistory);
  });

  it('leaves tampered earlier entries as sent, so the rules see the tampering', () => {
    const before = application('screening');
    const tampered: Application = {
      ...before,
      stageHistory: before.stageHistory.map((entry) => ({ ...entry, by: 'forged' })),
    };
    const stamped = stampServerFields(
      'applications',
      actor('admin'),
      before,
      tampered,
      NOW,
    ) as unknown as Application;
    expect(stamped.stageHistory.every((entry) => entry.by === 'forged')).toBe(true);
  });
});
