import { describe, expect, it } from 'vitest';
import type { Application } from '../application/application-schema';
import { actor, application, candidate, moved, NOW } from '../../test-support/fixtures';
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
