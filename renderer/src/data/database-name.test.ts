import { describe, expect, it } from 'vitest';
import { databaseNameFor, legacyLocalDataId, localDataIdFor } from './database-name';

const server = 'http://127.0.0.1:4000';

describe('local data names', () => {
  it('gives each person of each organisation on each server their own valid RxDB name', () => {
    const names = [
      localDataIdFor({ serverUrl: server, organisationId: 'first', userId: 'u-recruiter1' }),
      localDataIdFor({ serverUrl: server, organisationId: 'o1a2b3c4d5e', userId: 'u-recruiter1' }),
      localDataIdFor({ serverUrl: 'https://jobs.example.com', organisationId: 'first', userId: 'u-recruiter1' }),
      localDataIdFor({ serverUrl: server, organisationId: 'first', userId: 'u-recruiter2' }),
      localDataIdFor({ serverUrl: server, organisationId: 'first', userId: 'U-recruiter2' }),
    ].map(databaseNameFor);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][_$a-z0-9-]*$/);
  });

  it('reads a stored session of an earlier version (no organisation) as the first organisation’s', () => {
    expect(localDataIdFor({ serverUrl: server, userId: 'u1' })).toBe(
      localDataIdFor({ serverUrl: server, organisationId: 'first', userId: 'u1' }),
    );
    expect(localDataIdFor({ serverUrl: `${server}/`, userId: 'u1' })).toBe(localDataIdFor({ serverUrl: server, userId: 'u1' }));
  });

  it('keeps the name the versions before organisations gave a user’s database', () => {
    expect(databaseNameFor(legacyLocalDataId('u-recruiter1'))).toBe('shortlist_u_u-recruiter1');
  });
});
