import type { Candidate, CandidateSource } from '#shared/domain/candidate/candidate-schema';
import { foldText } from '#shared/domain/common/text-match';
import { WordIndex, wordsOf } from './word-index';

/** What the candidate list shows and searches, precomputed once per document. */
export interface CandidateSearchEntry {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly location: string;
  readonly currentCompany: string;
  readonly currentTitle: string;
  readonly source: CandidateSource;
  readonly skills: readonly string[];
  readonly tags: readonly string[];
  readonly createdAt: string;
  /** Set on a record merged into another: it is left out of lists and searches. */
  readonly mergedInto?: string;
  /** The folded words of every visible field, which a search term matches the start of. */
  readonly words: readonly string[];
  /** The words people may misspell (names, places, companies, titles, skills, tags). */
  readonly misspellable: readonly string[];
}

export function toSearchEntry(candidate: Candidate): CandidateSearchEntry {
  const name = `${candidate.firstName} ${candidate.lastName}`;
  const fields = {
    phone: candidate.phone ?? '',
    location: candidate.location ?? '',
    currentCompany: candidate.currentCompany ?? '',
    currentTitle: candidate.currentTitle ?? '',
  };
  const all = foldText(
    [name, candidate.email, ...Object.values(fields), ...candidate.skills, ...candidate.tags].join(' \n '),
  );
  const phoneDigits = fields.phone.replace(/\D/g, '');
  const wordy = foldText(
    [name, fields.location, fields.currentCompany, fields.currentTitle, ...candidate.skills, ...candidate.tags].join(' '),
  );
  return {
    id: candidate.id,
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    name,
    email: candidate.email,
    ...fields,
    source: candidate.source,
    skills: candidate.skills,
    tags: candidate.tags,
    createdAt: candidate.createdAt,
    ...(candidate.mergedInto ? { mergedInto: candidate.mergedInto } : {}),
    words: [...new Set([...wordsOf(all), ...(phoneDigits ? [phoneDigits] : [])])],
    misspellable: [...new Set(wordsOf(wordy).filter((word) => word.length >= 4 && !/\d/.test(word)))],
  };
}

/** The words of a search, folded like the haystack. */
export function searchTerms(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean);
}

/** One word of a search and the word starts it matched despite a typo (for highlighting). */
export interface TermMatch {
  readonly term: string;
  readonly nearWords: ReadonlySet<string>;
}

const wordIndexes = new WeakMap<readonly CandidateSearchEntry[], WordIndex>();

/**
 * The word index of a snapshot of entries, built once per snapshot (the candidate index warms it
 * when it publishes one, so typing rarely waits for it).
 */
export function wordIndexOf(entries: readonly CandidateSearchEntry[]): WordIndex {
  let index = wordIndexes.get(entries);
  if (!index) {
    index = new WordIndex(
      entries.map((entry) => entry.words),
      entries.map((entry) => entry.misspellable),
    );
    wordIndexes.set(entries, index);
  }
  return index;
}

/**
 * By entry position, how each entry matches every term of `terms`: 1 exactly (each term begins one
 * of its words), 2 with a typo somewhere, 0 not at all.
 */
function matchEntries(
  entries: readonly CandidateSearchEntry[],
  terms: readonly string[],
): { quality: Uint8Array; matches: TermMatch[] } {
  const index = wordIndexOf(entries);
  const quality = new Uint8Array(entries.length).fill(1);
  const marks = new Uint8Array(entries.length);
  const matches = terms.map((term) => {
    marks.fill(0);
    index.markPrefix(term, marks);
    const nearWords = new Set(index.markNear(term, marks));
    for (let position = 0; position < marks.length; position += 1) {
      const mark = marks[position] as number;
      if (mark === 0) quality[position] = 0;
      else if (mark === 2 && quality[position] === 1) quality[position] = 2;
    }
    return { term, nearWords };
  });
  return { quality, matches };
}

/** How a list of candidates is ordered. */
export const CANDIDATE_SORTS = ['name', 'newest', 'oldest', 'company'] as const;
export type CandidateSort = (typeof CANDIDATE_SORTS)[number];

/** What a person narrows the candidates list by; every part optional. */
export interface CandidateCriteria {
  readonly query?: string;
  readonly source?: CandidateSource | null;
  readonly tag?: string | null;
  /** Added on or after this day (`YYYY-MM-DD`). */
  readonly addedFrom?: string | null;
  /** Added on or before this day (`YYYY-MM-DD`). */
  readonly addedTo?: string | null;
  /** Only these candidates (those with an application matching a job or stage filter). */
  readonly among?: ReadonlySet<string> | null;
  readonly sort?: CandidateSort;
}

/** The entries found, best matches first, and the terms, for highlighting. */
export interface CandidateSearchResult {
  readonly entries: readonly CandidateSearchEntry[];
  readonly terms: readonly TermMatch[];
}

/**
 * The entries matching `criteria`: every search term begins a word of some visible field (name,
 * email, phone, place, company, title, skills, tags), exactly or a typo away (exact matches first),
 * and every filter holds; then in the chosen order (the index's, by name, unless told). Merged
 * records are left out. Terms are looked up in the word index, so the cost follows the matches.
 */
export function findCandidates(
  entries: readonly CandidateSearchEntry[],
  criteria: CandidateCriteria,
): CandidateSearchResult {
  const { quality, matches: terms } = matchEntries(entries, searchTerms(criteria.query ?? ''));
  const { source, tag, among } = criteria;
  const foldedTag = tag ? foldText(tag) : null;
  const from = criteria.addedFrom || null;
  const to = criteria.addedTo ? `${criteria.addedTo}\uffff` : null;
  const exact: CandidateSearchEntry[] = [];
  const near: CandidateSearchEntry[] = [];
  entries.forEach((entry, position) => {
    if (entry.mergedInto) return;
    if (source && entry.source !== source) return;
    if (foldedTag && !entry.tags.some((each) => foldText(each) === foldedTag)) return;
    if ((from && entry.createdAt < from) || (to && entry.createdAt > to)) return;
    if (among && !among.has(entry.id)) return;
    const match = quality[position];
    if (match === 1) exact.push(entry);
    else if (match === 2) near.push(entry);
  });
  const sort = criteria.sort ?? 'name';
  const found = sort === 'name' ? [...exact, ...near] : [...exact, ...near].sort(SORTS[sort]);
  return { entries: found, terms };
}

const SORTS: Record<Exclude<CandidateSort, 'name'>, (a: CandidateSearchEntry, b: CandidateSearchEntry) => number> = {
  newest: (a, b) => b.createdAt.localeCompare(a.createdAt) || compareEntries(a, b),
  oldest: (a, b) => a.createdAt.localeCompare(b.createdAt) || compareEntries(a, b),
  company: (a, b) =>
    (a.currentCompany || '\uffff').localeCompare(b.currentCompany || '\uffff') || compareEntries(a, b),
};

/** Entries matching every term (typos allowed) and the source, as `findCandidates` finds them. */
export function searchCandidates(
  entries: readonly CandidateSearchEntry[],
  query: string,
  source?: CandidateSource | null,
): readonly CandidateSearchEntry[] {
  if (searchTerms(query).length === 0 && !source) {
    return entries.some((entry) => entry.mergedInto) ? entries.filter((entry) => !entry.mergedInto) : entries;
  }
  return findCandidates(entries, { query, source }).entries;
}

/** Alphabetical by name, then id (stable across updates). */
export function compareEntries(a: CandidateSearchEntry, b: CandidateSearchEntry): number {
  return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

/** A piece of shown text, and whether it is what the search matched. */
export interface TextPart {
  readonly text: string;
  readonly isMatch: boolean;
}

/**
 * `text` cut into parts, the word starts that match a term (or a typo of one) marked, for
 * highlighting. Folding is done a character at a time so positions stay those of `text`.
 */
export function highlightParts(text: string, terms: readonly TermMatch[]): TextPart[] {
  if (terms.length === 0 || text.length === 0) return [{ text, isMatch: false }];
  const chars = [...text];
  // One code unit per shown character, so a position in `haystack` is one in `chars`.
  const haystack = chars
    .map((char) => {
      const one = foldText(char);
      return one.length === 1 ? one : ' ';
    })
    .join('');
  const marked = new Array<boolean>(chars.length).fill(false);
  const mark = (start: number, length: number) => {
    for (let index = start; index < start + length && index < marked.length; index += 1) marked[index] = true;
  };
  for (const { term, nearWords } of terms) {
    for (const word of [term, ...nearWords]) {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}`, 'gu');
      for (const found of haystack.matchAll(pattern)) mark(found.index, word.length);
    }
  }
  const parts: TextPart[] = [];
  chars.forEach((char, index) => {
    const isMatch = marked[index] ?? false;
    const last = parts.at(-1);
    if (last && last.isMatch === isMatch) parts[parts.length - 1] = { text: last.text + char, isMatch };
    else parts.push({ text: char, isMatch });
  });
  return parts;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
