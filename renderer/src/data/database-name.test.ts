import { describe, expect, it } from 'vitest';
import { databaseNameFor } from './database-name';

describe('databaseNameFor', () => {
  it('gives each user their own valid RxDB name', () => {
    expect(databaseNameFor('u-recruiter1')).toBe('shortlist_u_u-recruiter1');
    expect(databaseNameFor('Ab')).not.toBe(databaseNameFor('ab'));
    expect(databaseNameFor('Ab_9')).toMatch(/^[a-z][_$a-z0-9-]*$/);
  });
});
