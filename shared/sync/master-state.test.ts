import { describe, expect, it } from 'vitest';
import { candidate } from '../test-support/fixtures';
import { isSameMasterState, tombstoneOf } from './master-state';

describe('master state', () => {
  const stored = { ...candidate(), _deleted: false };

  it('ignores the server’s updatedAt stamp and bookkeeping fields', () => {
    expect(isSameMasterState({ ...stored, updatedAt: 1, _meta: { lwt: 5 } }, stored)).toBe(true);
  });

  it('sees changed content and a changed deletion flag', () => {
    expect(isSameMasterState({ ...stored, notes: 'new' }, stored)).toBe(false);
    expect(isSameMasterState({ ...stored, _deleted: true }, stored)).toBe(false);
  });

  it('makes tombstones that carry the whole document', () => {
    const tombstone = tombstoneOf({ ...stored, _rev: '2-x' });
    expect(tombstone).toMatchObject({ id: stored.id, email: stored.email, _deleted: true });
    expect(tombstone).not.toHaveProperty('_rev');
  });
});
