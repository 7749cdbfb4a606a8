import { describe, expect, it } from 'vitest';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import { candidate } from './candidate-fixture';
import { isWithinEdits, typoAllowance } from '#shared/domain/common/text-match';
import {
  CandidateSearchIndex,
  compareEntries,
  findCandidates,
  highlightParts,
  registerIndex,
  searchTerms,
  searchWordsOf,
  toSearchEntry,
  type CandidateSearchEntry,
} from './candidate-search';


const ids = (found: readonly { id: string }[]) => found.map((entry) => entry.id);

/** A live index holding `candidates`, committed. */
function liveIndex(...candidates: Candidate[]): CandidateSearchIndex {
  const index = new CandidateSearchIndex();
  for (const each of candidates) index.upsert(toSearchEntry(each));
  index.commit();
  return index;
}

describe('the search index, changed candidate by candidate', () => {
  it('sees an added candidate at the next search, in name order', () => {
    const index = liveIndex(candidate('c1', { firstName: 'Grace', lastName: 'Hopper' }));
    index.upsert(toSearchEntry(candidate('c2', { firstName: 'Alan', lastName: 'Hopkins' })));
    index.upsert(toSearchEntry(candidate('c3', { firstName: 'Zed', lastName: 'Hopman' })));
    const entries = index.commit();
    expect(entries.map((entry) => entry.name)).toEqual(['Alan Hopkins', 'Grace Hopper', 'Zed Hopman']);
    expect(ids(index.find({ query: 'hop' }).entries)).toEqual(['c2', 'c1', 'c3']);
    expect(ids(index.find({ query: 'zed' }).entries)).toEqual(['c3']);
  });

  it('forgets a changed candidate’s old words and finds the new ones, typos included', () => {
    const index = liveIndex(
      candidate('c1', { lastName: 'Schneider', location: 'Berlin', skills: ['Kotlin'] }),
      candidate('c2', { firstName: 'Bob', lastName: 'Baker' }),
    );
    expect(ids(index.find({ query: 'schnieder' }).entries)).toEqual(['c1']);
    index.upsert(toSearchEntry(candidate('c1', { lastName: 'Fischer', location: 'München', skills: ['Rust'] })));
    index.commit();
    expect(ids(index.find({ query: 'schneider' }).entries)).toEqual([]);
    expect(ids(index.find({ query: 'schnieder' }).entries)).toEqual([]);
    expect(ids(index.find({ query: 'berlin' }).entries)).toEqual([]);
    expect(ids(index.find({ query: 'kotlin' }).entries)).toEqual([]);
    expect(ids(index.find({ query: 'munchen rust' }).entries)).toEqual(['c1']);
    expect(ids(index.find({ query: 'fishcer' }).entries)).toEqual(['c1']);
    // The typo's word is marked only while someone still holds it.
    expect([...(index.find({ query: 'schnieder' }).terms[0]?.nearWords ?? [])]).toEqual([]);
  });

  it('moves a renamed candidate to its new place in the name order', () => {
    const index = liveIndex(
      candidate('c1', { firstName: 'Ada', lastName: 'Lovelace' }),
      candidate('c2', { firstName: 'Bea', lastName: 'Lovelace' }),
      candidate('c3', { firstName: 'Cal', lastName: 'Lovelace' }),
    );
    index.upsert(toSearchEntry(candidate('c1', { firstName: 'Dot', lastName: 'Lovelace' })));
    expect(index.commit().map((entry) => entry.id)).toEqual(['c2', 'c3', 'c1']);
    expect(ids(index.find({ query: 'lovelace' }).entries)).toEqual(['c2', 'c3', 'c1']);
  });

  it('drops a removed candidate from searches and from the list', () => {
    const index = liveIndex(candidate('c1', { lastName: 'Hopper' }), candidate('c2', { lastName: 'Hopper' }));
    index.remove('c1');
    expect(ids(index.commit())).toEqual(['c2']);
    expect(ids(index.find({ query: 'hopper' }).entries)).toEqual(['c2']);
    expect(ids(index.find({}).entries)).toEqual(['c2']);
    index.remove('c-unknown');
    expect(ids(index.commit())).toEqual(['c2']);
  });

  it('answers from the last commit until the next one', () => {
    const index = liveIndex(candidate('c1', { lastName: 'Hopper' }));
    const before = index.commit();
    index.upsert(toSearchEntry(candidate('c2', { lastName: 'Hopper' })));
    index.remove('c1');
    expect(ids(index.find({ query: 'hopper' }).entries)).toEqual(['c1']);
    expect(index.commit()).not.toBe(before);
    expect(ids(index.find({ query: 'hopper' }).entries)).toEqual(['c2']);
    expect(index.commit()).toBe(index.entries);
  });

  it('stays right through thousands of changes (its retired slots swept)', () => {
    const index = new CandidateSearchIndex();
    for (let round = 0; round < 5; round += 1) {
      for (let each = 0; each < 600; each += 1) {
        index.upsert(toSearchEntry(candidate(`c${each}`, { lastName: `Round${round}`, firstName: `N${each % 7}` })));
      }
      index.commit();
    }
    index.remove('c0');
    const entries = index.commit();
    expect(entries).toHaveLength(599);
    expect(index.find({ query: 'round3' }).entries).toEqual([]);
    expect(index.find({ query: 'round4' }).entries).toHaveLength(599);
    expect(ids(index.find({ query: 'round4 n3' }).entries)).toEqual(
      ids(entries.filter((entry) => entry.firstName === 'N3')),
    );
    expect(entries.map((entry) => entry.name)).toEqual([...entries].sort(compareEntries).map((entry) => entry.name));
  });

  it('answers searches over a list it handed out (registered) from itself', () => {
    const index = liveIndex(candidate('c1', { lastName: 'Hopper' }));
    const entries = index.commit();
    registerIndex(entries, index);
    expect(ids(findCandidates(entries, { query: 'hopper' }).entries)).toEqual(['c1']);
    index.upsert(toSearchEntry(candidate('c1', { lastName: 'Turing' })));
    const next = index.commit();
    registerIndex(next, index);
    expect(ids(findCandidates(next, { query: 'turing' }).entries)).toEqual(['c1']);
    expect(ids(findCandidates(next, { query: 'hopper' }).entries)).toEqual([]);
  });
});

describe('ranking and typos', () => {
  const people = [
    toSearchEntry(candidate('p1', { firstName: 'Jon', lastName: 'Milner', createdAt: '2026-02-01T00:00:00.000Z' })),
    toSearchEntry(candidate('p2', { firstName: 'Ann', lastName: 'Miller', createdAt: '2026-01-01T00:00:00.000Z' })),
    toSearchEntry(candidate('p3', { firstName: 'Zak', lastName: 'Miller', currentCompany: 'Acme' })),
    toSearchEntry(candidate('p4', { firstName: 'Eve', lastName: 'Kowalski', location: 'Kraków' })),
    toSearchEntry(candidate('p5', { firstName: 'Max', lastName: 'Mustermann', currentTitle: 'Engineer' })),
  ].sort(compareEntries);

  it('lists exact matches first, each group in name order, or sorts all as told', () => {
    expect(ids(findCandidates(people, { query: 'miller' }).entries)).toEqual(['p2', 'p3', 'p1']);
    expect(ids(findCandidates(people, { query: 'miller', sort: 'newest' }).entries)).toEqual(['p1', 'p2', 'p3']);
  });

  it('allows one typo from four letters, two from eight, none below four', () => {
    expect(ids(findCandidates(people, { query: 'kowalsky' }).entries)).toEqual(['p4']);
    expect(ids(findCandidates(people, { query: 'kowlaksi' }).entries)).toEqual(['p4']);
    expect(ids(findCandidates(people, { query: 'kwlaski' }).entries)).toEqual([]);
    expect(ids(findCandidates(people, { query: 'krakow' }).entries)).toEqual(['p4']);
    expect(ids(findCandidates(people, { query: 'krkow' }).entries)).toEqual(['p4']);
    expect(ids(findCandidates(people, { query: 'mux' }).entries)).toEqual([]);
    expect(ids(findCandidates(people, { query: 'engineeer' }).entries)).toEqual(['p5']);
  });

  it('forgives a typo in the first letter and a swap of neighbours, and while typing', () => {
    expect(ids(findCandidates(people, { query: 'nustermann' }).entries)).toEqual(['p5']);
    expect(ids(findCandidates(people, { query: 'mustremann' }).entries)).toEqual(['p5']);
    expect(ids(findCandidates(people, { query: 'mustre' }).entries)).toEqual(['p5']);
  });

  it('marks the typo’s word in the shown text', () => {
    const { terms } = findCandidates(people, { query: 'kowalsky krakw' });
    expect(highlightParts('Eve Kowalski, Kraków', terms)).toEqual([
      { text: 'Eve ', isMatch: false },
      { text: 'Kowalski', isMatch: true },
      { text: ', ', isMatch: false },
      { text: 'Kraków', isMatch: true },
    ]);
  });
});

/** What a search must find, checked against every entry one by one (no index). */
function scanned(entries: readonly CandidateSearchEntry[], query: string): string[] {
  const terms = searchTerms(query);
  const exact: string[] = [];
  const near: string[] = [];
  for (const entry of entries) {
    if (entry.mergedInto) continue;
    const { words, misspellable } = searchWordsOf(entry);
    let quality = 1;
    for (const term of terms) {
      if (words.some((word) => word.startsWith(term))) continue;
      const allowance = typoAllowance(term.length);
      const isNear =
        allowance > 0 &&
        misspellable.some((word) => {
          if (word.startsWith(term)) return false;
          const start = word.length > term.length + allowance ? word.slice(0, term.length) : word;
          return isWithinEdits(term, start, allowance);
        });
      quality = isNear ? 2 : 0;
      if (!isNear) break;
    }
    if (quality === 1) exact.push(entry.id);
    else if (quality === 2) near.push(entry.id);
  }
  return [...exact, ...near];
}

describe('the index against a scan of every entry', () => {
  const first = ['Anna', 'Ben', 'Chloé', 'Dmitri', 'Émile', 'Farah', 'Gustav', 'Hiroshi', 'Ingrid', 'Jörg'];
  const last = ['Schneider', 'Schröder', 'Nakamura', 'Fernández', 'Lindqvist', 'Kowalczyk', 'Andersson', 'Okafor'];
  const places = ['München', 'Kraków', 'São Paulo', 'Zürich', 'Lyon', 'Osaka'];
  const skills = ['TypeScript', 'Kubernetes', 'PostgreSQL', 'Figma', 'Go', 'Terraform'];
  const at = (list: readonly string[], n: number) => list[n % list.length] as string;
  const queries = [
    'schnieder', 'schn', 'nakamrua', 'fernandez', 'lindquist', 'kowalcyk', 'andersen', 'okafro', 'zurich',
    'munchen typescript', 'krakw kubernetes', 'sao', 'paulo figma', 'postgersql', 'teraform', 'anna schroder',
    'ingird', 'jorg', 'emile lyon', 'hirosh osaka', 'gustva', 'go', 'dmitr', 'chloe', 'z', 'xyzzy', 'farha ',
  ];

  it('finds the same candidates, in the same order, after adds, changes and removals', () => {
    const index = new CandidateSearchIndex();
    const current = new Map<string, CandidateSearchEntry>();
    const put = (n: number, shift: number) => {
      const entry = toSearchEntry(
        candidate(`c${n}`, {
          firstName: at(first, n + shift),
          lastName: at(last, n * 3 + shift),
          location: at(places, n * 5 + shift),
          skills: [at(skills, n + shift), at(skills, n * 7 + shift)],
          ...(n % 17 === 0 ? { mergedInto: 'c1' } : {}),
        }),
      );
      index.upsert(entry);
      current.set(entry.id, entry);
    };
    for (let n = 0; n < 400; n += 1) put(n, 0);
    for (let step = 1; step <= 3; step += 1) {
      index.commit();
      const everyone = [...current.values()].sort(compareEntries);
      for (const query of queries) {
        expect({ query, found: ids(index.find({ query }).entries) }).toEqual({ query, found: scanned(everyone, query) });
      }
      for (let n = step; n < 400; n += 3) put(n, step);
      for (let n = step * 5; n < 400; n += 41) {
        index.remove(`c${n}`);
        current.delete(`c${n}`);
      }
    }
  });
});
