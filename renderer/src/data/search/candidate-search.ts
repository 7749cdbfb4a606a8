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
  /** Set once the candidate was erased (SPEC §5): the admin's erasure panel names them so. */
  readonly erasedAt?: string;
}

/**
 * What the list shows of `candidate`. Only fields are copied: the words a search matches are
 * derived later (`searchWordsOf`), when the entry is indexed, so 50,000 entries list before any
 * text of theirs is folded.
 */
export function toSearchEntry(candidate: Candidate): CandidateSearchEntry {
  return {
    id: candidate.id,
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    name: `${candidate.firstName} ${candidate.lastName}`,
    email: candidate.email,
    phone: candidate.phone ?? '',
    location: candidate.location ?? '',
    currentCompany: candidate.currentCompany ?? '',
    currentTitle: candidate.currentTitle ?? '',
    source: candidate.source,
    skills: candidate.skills,
    tags: candidate.tags,
    createdAt: candidate.createdAt,
    ...(candidate.mergedInto ? { mergedInto: candidate.mergedInto } : {}),
    ...(candidate.erasedAt ? { erasedAt: candidate.erasedAt } : {}),
  };
}

/** The words of an entry that a search term matches the start of. */
export interface SearchWords {
  /** The folded words of every visible field (and the phone's digits run together). */
  readonly words: readonly string[];
  /** The words people may misspell (names, places, companies, titles, skills, tags). */
  readonly misspellable: readonly string[];
}

export function searchWordsOf(entry: CandidateSearchEntry): SearchWords {
  const { name, email, phone, location, currentCompany, currentTitle, skills, tags } = entry;
  const all = foldText([name, email, phone, location, currentCompany, currentTitle, ...skills, ...tags].join(' \n '));
  const phoneDigits = phone.replace(/\D/g, '');
  const wordy = foldText([name, location, currentCompany, currentTitle, ...skills, ...tags].join(' '));
  return {
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
 * The search index of a set of candidates, kept current change by change: each entry lives in a
 * slot of a `WordIndex`; a changed entry takes a new slot and its old one is retired, and the name
 * order is kept by merging the changed entries into it (never re-sorting everyone). `commit` makes
 * the changes visible and hands out the entries in name order; `find` answers a search from the
 * word index, so it costs what it finds. Searching allocates only the result and scratch space
 * reused from search to search. Retired slots are swept by rebuilding once they outnumber the live.
 */
export class CandidateSearchIndex {
  private words = new WordIndex();
  private bySlot: (CandidateSearchEntry | undefined)[] = [];
  /** Each slot's tags, folded; filled with its words (see `indexWords`). */
  private tagsBySlot: (readonly string[])[] = [];
  private readonly slotById = new Map<string, number>();
  /** Live slots in name order, as of the last commit, and each slot's place in it. */
  private order: number[] = [];
  private rank = new Int32Array(0);
  /** Changes not yet committed, by id: the new entry, or null for a removal. */
  private readonly pending = new Map<string, CandidateSearchEntry | null>();
  /** Slots placed but not yet in the word index (see `indexWords`). */
  private unindexed: number[] = [];
  private snapshot: readonly CandidateSearchEntry[] = [];
  private visible: readonly CandidateSearchEntry[] | null = null;
  /**
   * Per slot, how many terms of the running search it matched (`base` + count; anything up to
   * `base` is none), and whether one only by a typo (the number of the search).
   */
  private level = new Uint32Array(0);
  private nearMark = new Uint32Array(0);
  private base = 1;
  private searchCount = 0;
  /** Scratch space reused by every search: the slots matching the first term, and the ranks found. */
  private matchedScratch: Int32Array = new Int32Array(1024);
  private rankScratch: Int32Array = new Int32Array(1024);

  /** An index of `entries` kept in the order given (no later changes expected). */
  static ofOrdered(entries: readonly CandidateSearchEntry[]): CandidateSearchIndex {
    const index = new CandidateSearchIndex();
    index.order = entries.map((entry) => index.place(entry));
    index.snapshot = entries;
    index.reRank();
    return index;
  }

  /** Adds `entry`, or replaces the entry of its id; seen by searches after the next `commit`. */
  upsert(entry: CandidateSearchEntry): void {
    this.pending.set(entry.id, entry);
  }

  /** Removes the candidate `id`; seen by searches after the next `commit`. */
  remove(id: string): void {
    this.pending.set(id, null);
  }

  /**
   * Applies the changes made since the last commit and returns every entry in name order (a new
   * array when anything changed, the same one otherwise).
   */
  commit(): readonly CandidateSearchEntry[] {
    if (this.pending.size === 0) return this.snapshot;
    let removed = 0;
    const added: number[] = [];
    for (const [id, entry] of this.pending) {
      if (this.retire(id)) removed += 1;
      if (entry) added.push(this.place(entry));
    }
    this.pending.clear();
    let live = removed > 0 ? this.order.filter((slot) => this.bySlot[slot] !== undefined) : this.order;
    const retired = this.bySlot.length - this.slotById.size;
    if (retired > 1024 && retired > this.slotById.size) {
      live = this.rebuild(live, added);
      added.length = 0;
    }
    added.sort((a, b) => this.compareSlots(a, b));
    this.order = this.mergeByName(live, added);
    this.reRank();
    this.snapshot = this.order.map((slot) => this.bySlot[slot] as CandidateSearchEntry);
    this.visible = null;
    return this.snapshot;
  }

  /**
   * Puts the entries committed since into the word index, which `find` otherwise does first: a
   * commit only orders them, so a list of 50,000 shows before its words are indexed.
   */
  indexWords(): void {
    if (this.unindexed.length === 0) return;
    for (const slot of this.unindexed) {
      const entry = this.bySlot[slot];
      if (!entry) continue;
      const { words, misspellable } = searchWordsOf(entry);
      this.words.add(slot, words, misspellable);
      this.tagsBySlot[slot] = entry.tags.length === 0 ? NO_TAGS : entry.tags.map(foldText);
    }
    this.unindexed = [];
    this.words.settle();
  }

  /** The entries in name order as of the last commit. */
  get entries(): readonly CandidateSearchEntry[] {
    return this.snapshot;
  }

  /** See `findCandidates`. */
  find(criteria: CandidateCriteria): CandidateSearchResult {
    const terms = searchTerms(criteria.query ?? '');
    // The whole list (filters only) needs no words: it shows without waiting for them. Tags are
    // folded with the words.
    if (terms.length > 0 || criteria.tag) this.indexWords();
    const hasFilter = Boolean(
      criteria.source || criteria.tag || criteria.addedFrom || criteria.addedTo || criteria.among,
    );
    const sort = criteria.sort ?? 'name';
    if (terms.length === 0) {
      const everyone = this.visibleEntries();
      const kept = hasFilter ? everyone.filter(this.filterOf(criteria)) : everyone;
      return { entries: sort === 'name' ? kept : [...kept].sort(SORTS[sort]), terms: [] };
    }
    const { matched, count, matches } = this.match(terms);
    const keep = hasFilter ? this.filterOf(criteria) : null;
    // Exact matches take the low half of the scratch, typo matches the high half, both as ranks.
    if (this.rankScratch.length < count * 2) this.rankScratch = new Int32Array(count * 4);
    const ranks = this.rankScratch;
    let exact = 0;
    let near = 0;
    const last = this.base + terms.length;
    for (let index = 0; index < count; index += 1) {
      const slot = matched[index] as number;
      if (this.level[slot] !== last) continue;
      const entry = this.bySlot[slot] as CandidateSearchEntry;
      if (entry.mergedInto || (keep && !keep(entry))) continue;
      if (this.nearMark[slot] === this.searchCount) ranks[count + near++] = this.rank[slot] as number;
      else ranks[exact++] = this.rank[slot] as number;
    }
    this.base = last + 1;
    ranks.subarray(0, exact).sort();
    ranks.subarray(count, count + near).sort();
    const found: CandidateSearchEntry[] = new Array<CandidateSearchEntry>(exact + near);
    for (let index = 0; index < exact; index += 1) found[index] = this.entryAt(ranks[index] as number);
    for (let index = 0; index < near; index += 1) found[exact + index] = this.entryAt(ranks[count + index] as number);
    return { entries: sort === 'name' ? found : found.sort(SORTS[sort]), terms: matches };
  }

  /**
   * Marks, term by term, the slots matching every term so far; returns the slots that matched the
   * first (a superset of the answer) in the scratch buffer.
   */
  private match(terms: readonly string[]): { matched: Int32Array; count: number; matches: TermMatch[] } {
    this.growMarks();
    this.searchCount += 1;
    if (this.base + terms.length + 1 >= 0xffffffff) {
      this.level.fill(0);
      this.base = 1;
    }
    const { level, nearMark, searchCount, base } = this;
    let matched = this.matchedScratch;
    let count = 0;
    const matches = terms.map((term, position) => {
      const before = base + position;
      const after = before + 1;
      const advance =
        position === 0
          ? (slot: number) => {
              if ((level[slot] as number) > base) return;
              level[slot] = after;
              if (count === matched.length) matched = this.growMatched();
              matched[count++] = slot;
            }
          : (slot: number) => {
              if (level[slot] === before) level[slot] = after;
            };
      this.words.visitPrefix(term, advance);
      const nearWords = this.words.visitNear(term, (slot) => {
        const was = level[slot] as number;
        advance(slot);
        if (level[slot] !== was) nearMark[slot] = searchCount;
      });
      return { term, nearWords: new Set(nearWords) };
    });
    return { matched, count, matches };
  }

  private filterOf(criteria: CandidateCriteria): (entry: CandidateSearchEntry) => boolean {
    const { source, tag, among } = criteria;
    const foldedTag = tag ? foldText(tag) : null;
    const from = criteria.addedFrom || null;
    const to = criteria.addedTo ? `${criteria.addedTo}\uffff` : null;
    return (entry) => {
      if (source && entry.source !== source) return false;
      if (foldedTag) {
        const slot = this.slotById.get(entry.id);
        const tags = slot === undefined ? entry.tags.map(foldText) : (this.tagsBySlot[slot] ?? []);
        if (!tags.includes(foldedTag)) return false;
      }
      if ((from && entry.createdAt < from) || (to && entry.createdAt > to)) return false;
      return !among || among.has(entry.id);
    };
  }

  private visibleEntries(): readonly CandidateSearchEntry[] {
    this.visible ??= this.snapshot.some((entry) => entry.mergedInto)
      ? this.snapshot.filter((entry) => !entry.mergedInto)
      : this.snapshot;
    return this.visible;
  }

  private entryAt(rank: number): CandidateSearchEntry {
    return this.bySlot[this.order[rank] as number] as CandidateSearchEntry;
  }

  private place(entry: CandidateSearchEntry): number {
    const slot = this.bySlot.length;
    this.bySlot.push(entry);
    this.tagsBySlot.push(NO_TAGS);
    this.slotById.set(entry.id, slot);
    this.unindexed.push(slot);
    return slot;
  }

  /** Retires the slot of `id`; whether it had one. */
  private retire(id: string): boolean {
    const slot = this.slotById.get(id);
    if (slot === undefined) return false;
    this.slotById.delete(id);
    this.words.remove(slot);
    this.bySlot[slot] = undefined;
    this.tagsBySlot[slot] = NO_TAGS;
    return true;
  }

  /**
   * Re-indexes the live entries under fresh slots, dropping the retired ones; returns the new slots
   * of `ordered` (in its order) followed by those of `added`, sorted.
   */
  private rebuild(ordered: readonly number[], added: readonly number[]): number[] {
    const entries = [...ordered, ...[...added].sort((a, b) => this.compareSlots(a, b))].map(
      (slot) => this.bySlot[slot] as CandidateSearchEntry,
    );
    this.words = new WordIndex();
    this.unindexed = [];
    this.bySlot = [];
    this.tagsBySlot = [];
    this.slotById.clear();
    this.level = new Uint32Array(0);
    this.nearMark = new Uint32Array(0);
    this.base = 1;
    const live = entries.map((entry) => this.place(entry));
    // The two runs are each in name order; merging them puts everyone in it.
    return this.mergeByName(live.slice(0, ordered.length), live.slice(ordered.length));
  }

  /** `order` with the sorted `added` merged in by name: each found by a binary search. */
  private mergeByName(order: readonly number[], added: readonly number[]): number[] {
    if (added.length === 0) return order === this.order ? [...order] : (order as number[]);
    const merged: number[] = [];
    let from = 0;
    for (const slot of added) {
      let low = from;
      let high = order.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (this.compareSlots(order[middle] as number, slot) < 0) low = middle + 1;
        else high = middle;
      }
      for (let index = from; index < low; index += 1) merged.push(order[index] as number);
      merged.push(slot);
      from = low;
    }
    for (let index = from; index < order.length; index += 1) merged.push(order[index] as number);
    return merged;
  }

  private compareSlots(a: number, b: number): number {
    return compareEntries(this.bySlot[a] as CandidateSearchEntry, this.bySlot[b] as CandidateSearchEntry);
  }

  private reRank(): void {
    if (this.rank.length < this.bySlot.length) this.rank = new Int32Array(Math.max(1024, this.bySlot.length * 2));
    this.order.forEach((slot, position) => (this.rank[slot] = position));
  }

  private growMarks(): void {
    const size = this.words.slots;
    if (this.level.length >= size) return;
    const capacity = Math.max(1024, size * 2);
    const level = new Uint32Array(capacity);
    level.set(this.level);
    this.level = level;
    const nearMark = new Uint32Array(capacity);
    nearMark.set(this.nearMark);
    this.nearMark = nearMark;
  }

  private growMatched(): Int32Array {
    const grown = new Int32Array(this.matchedScratch.length * 2);
    grown.set(this.matchedScratch);
    this.matchedScratch = grown;
    return grown;
  }
}

const NO_TAGS: readonly string[] = [];

const indexes = new WeakMap<readonly CandidateSearchEntry[], CandidateSearchIndex>();

/**
 * The search index of `entries`: the live one that handed them out (see `registerIndex`), or one
 * built once for the array, in its order.
 */
function indexOf(entries: readonly CandidateSearchEntry[]): CandidateSearchIndex {
  let index = indexes.get(entries);
  if (!index) {
    index = CandidateSearchIndex.ofOrdered(entries);
    indexes.set(entries, index);
  }
  return index;
}

/**
 * Marks `entries` as handed out by `index`, so searches over them use it rather than building
 * their own. A search over an older array of the same index answers from the index's latest state.
 */
export function registerIndex(entries: readonly CandidateSearchEntry[], index: CandidateSearchIndex): void {
  indexes.set(entries, index);
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
  return indexOf(entries).find(criteria);
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
  const haystack = chars.map(foldChar).join('');
  const marked = new Array<boolean>(chars.length).fill(false);
  const mark = (start: number, length: number) => {
    for (let index = start; index < start + length && index < marked.length; index += 1) marked[index] = true;
  };
  for (const match of terms) {
    for (const { pattern, length } of patternsOf(match)) {
      for (const found of haystack.matchAll(pattern)) mark(found.index, length);
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

const foldedChars = new Map<string, string>();

/** One shown character folded to one code unit (a space when it folds to none or several); cached. */
function foldChar(char: string): string {
  let folded = foldedChars.get(char);
  if (folded === undefined) {
    const one = foldText(char);
    folded = one.length === 1 ? one : ' ';
    if (foldedChars.size < 10_000) foldedChars.set(char, folded);
  }
  return folded;
}

const termPatterns = new WeakMap<TermMatch, readonly { pattern: RegExp; length: number }[]>();

/** The patterns marking a term and its typo's words at word starts, made once per search. */
function patternsOf(match: TermMatch): readonly { pattern: RegExp; length: number }[] {
  let patterns = termPatterns.get(match);
  if (!patterns) {
    patterns = [match.term, ...match.nearWords].map((word) => ({
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}`, 'gu'),
      length: word.length,
    }));
    termPatterns.set(match, patterns);
  }
  return patterns;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
