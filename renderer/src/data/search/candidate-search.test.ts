import { describe, expect, it } from 'vitest';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import { compareEntries, searchCandidates, toSearchEntry } from './candidate-search';

function candidate(id: string, overrides: Partial<Candidate> = {}): Candidate {
  return {
    id,
    updatedAt: 1,
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: `${id}@example.com`,
    skills: [],
    source: 'linkedin',
    tags: [],
    createdBy: 'u1',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const entries = [
  toSearchEntry(candidate('c1', { skills: ['TypeScript', 'Rust'], currentCompany: 'Acme' })),
  toSearchEntry(candidate('c2', { firstName: 'Grace', lastName: 'Hopper', source: 'referral', currentCompany: 'Navy' })),
  toSearchEntry(candidate('c3', { firstName: 'Alan', lastName: 'Turing', email: 'alan@bletchley.uk', skills: ['Crypto'] })),
].sort(compareEntries);

describe('candidate search', () => {
  it('finds by name, email, skill and company, case-insensitively', () => {
    expect(searchCandidates(entries, 'hopper').map((entry) => entry.id)).toEqual(['c2']);
    expect(searchCandidates(entries, 'BLETCHLEY').map((entry) => entry.id)).toEqual(['c3']);
    expect(searchCandidates(entries, 'rust').map((entry) => entry.id)).toEqual(['c1']);
    expect(searchCandidates(entries, 'acme').map((entry) => entry.id)).toEqual(['c1']);
  });

  it('needs every word to match, in any field', () => {
    expect(searchCandidates(entries, 'ada typescript').map((entry) => entry.id)).toEqual(['c1']);
    expect(searchCandidates(entries, 'ada crypto')).toEqual([]);
  });

  it('filters by source and returns everything for an empty query', () => {
    expect(searchCandidates(entries, '', 'referral').map((entry) => entry.id)).toEqual(['c2']);
    expect(searchCandidates(entries, '  ')).toBe(entries);
  });

  it('sorts by name', () => {
    expect(entries.map((entry) => entry.name)).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);
  });

  it('searches 50,000 entries', () => {
    const many = Array.from({ length: 50_000 }, (_, index) =>
      toSearchEntry(candidate(`c${index}`, { firstName: `Name${index}`, skills: ['go', 'sql'] })),
    );
    const found = searchCandidates(many, 'name4999 sql');
    expect(found.length).toBeGreaterThan(0);
  });
});
