import { describe, expect, it } from 'vitest';
import { candidate } from './candidate-fixture';
import { compareEntries, findCandidates, highlightParts, searchCandidates, toSearchEntry } from './candidate-search';


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

describe('candidate search over every visible field, with typos', () => {
  const people = [
    toSearchEntry(candidate('p1', { firstName: 'Zoë', lastName: 'Schneider', location: 'München', phone: '+49 89 555 0101', tags: ['backend'] })),
    toSearchEntry(candidate('p2', { firstName: 'Jonathan', lastName: 'Miller', currentTitle: 'Data Engineer', createdAt: '2026-03-05T10:00:00.000Z' })),
    toSearchEntry(candidate('p3', { firstName: 'Merged', lastName: 'Record', mergedInto: 'p2' })),
  ].sort(compareEntries);
  const ids = (found: readonly { id: string }[]) => found.map((entry) => entry.id);

  it('finds by place, phone and tag, accents aside', () => {
    expect(ids(searchCandidates(people, 'munchen'))).toEqual(['p1']);
    expect(ids(searchCandidates(people, '555 0101'))).toEqual(['p1']);
    expect(ids(searchCandidates(people, '49895550101'))).toEqual(['p1']);
    expect(ids(searchCandidates(people, 'zoe backend'))).toEqual(['p1']);
  });

  it('forgives a typo, listing exact matches first', () => {
    expect(ids(searchCandidates(people, 'schnieder'))).toEqual(['p1']);
    expect(ids(searchCandidates(people, 'schnied'))).toEqual(['p1']);
    expect(ids(searchCandidates(people, 'jonathon engneer'))).toEqual(['p2']);
    expect(ids(searchCandidates(people, 'zx'))).toEqual([]);
    const both = [...people, toSearchEntry(candidate('p4', { firstName: 'Jon', lastName: 'Milner' }))].sort(compareEntries);
    expect(ids(findCandidates(both, { query: 'miller' }).entries)).toEqual(['p2', 'p4']);
  });

  it('leaves merged records out', () => {
    expect(ids(searchCandidates(people, ''))).toEqual(['p2', 'p1']);
    expect(ids(searchCandidates(people, 'record'))).toEqual([]);
  });

  it('filters by tag and date added, and sorts', () => {
    expect(ids(findCandidates(people, { tag: 'Backend' }).entries)).toEqual(['p1']);
    expect(ids(findCandidates(people, { addedFrom: '2026-03-01' }).entries)).toEqual(['p2']);
    expect(ids(findCandidates(people, { addedTo: '2026-01-01' }).entries)).toEqual(['p1']);
    expect(ids(findCandidates(people, { sort: 'newest' }).entries)).toEqual(['p2', 'p1']);
    expect(ids(findCandidates(people, { among: new Set(['p1']) }).entries)).toEqual(['p1']);
  });

  it('marks what matched, a typo’s word included, at the positions of the shown text', () => {
    const { terms } = findCandidates(people, { query: 'zoe schnieder' });
    expect(highlightParts('Zoë Schneider', terms)).toEqual([
      { text: 'Zoë', isMatch: true },
      { text: ' ', isMatch: false },
      { text: 'Schneider', isMatch: true },
    ]);
    expect(highlightParts('Zoë München', findCandidates(people, { query: 'munch' }).terms)).toEqual([
      { text: 'Zoë ', isMatch: false },
      { text: 'Münch', isMatch: true },
      { text: 'en', isMatch: false },
    ]);
  });
});
