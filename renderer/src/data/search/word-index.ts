import { typoAllowance } from '#shared/domain/common/text-match';

/** Splits folded text into the words a search matches the start of. */
export function wordsOf(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}

/** Called with each live slot holding a matching word (a slot may be named more than once). */
export type SlotVisitor = (slot: number) => void;

/**
 * An inverted index from folded words to the slots (numbered documents) holding them, updated
 * incrementally: a document is added under a new slot and retired by marking its slot dead, so a
 * change never rewrites the lists of other documents. A search term finds the words it begins by a
 * binary search over the sorted vocabulary and, for typos, walks the sorted vocabulary of
 * misspellable words as a trie, pruning every branch already too many edits away; so a search
 * costs what it finds and the typo candidates near it, not the number of documents or words.
 */
export class WordIndex {
  private readonly postings = new Map<string, number[]>();
  /** Every word, sorted by code unit once `settle` has merged the words added since. */
  private words: string[] = [];
  private misspellable: string[] = [];
  private readonly misspellableKnown = new Set<string>();
  private newWords: string[] = [];
  private newMisspellable: string[] = [];
  private alive = new Uint8Array(1024);
  private slotCount = 0;

  /** Indexes `words` (folded, distinct) under `slot`; `misspellable` are those typos may reach. */
  add(slot: number, words: readonly string[], misspellable: readonly string[]): void {
    if (slot >= this.alive.length) {
      const grown = new Uint8Array(Math.max(slot + 1, this.alive.length * 2));
      grown.set(this.alive);
      this.alive = grown;
    }
    this.alive[slot] = 1;
    this.slotCount = Math.max(this.slotCount, slot + 1);
    for (const word of words) {
      const list = this.postings.get(word);
      if (list) list.push(slot);
      else {
        this.postings.set(word, [slot]);
        this.newWords.push(word);
      }
    }
    for (const word of misspellable) {
      if (this.misspellableKnown.has(word)) continue;
      this.misspellableKnown.add(word);
      this.newMisspellable.push(word);
    }
  }

  /** Retires `slot`: searches no longer name it. */
  remove(slot: number): void {
    if (this.alive[slot] !== 1) return;
    this.alive[slot] = 0;
  }

  /** The number of slots ever used. */
  get slots(): number {
    return this.slotCount;
  }

  /** Visits the live slots holding a word that starts with `term`. */
  visitPrefix(term: string, visit: SlotVisitor): void {
    this.settle();
    const words = this.words;
    for (let index = lowerBound(words, term); index < words.length; index += 1) {
      const word = words[index] as string;
      if (!word.startsWith(term)) break;
      this.visitWord(word, visit);
    }
  }

  /**
   * Visits the live slots holding a misspellable word that `term` may be a typo of, within
   * `typoAllowance(term.length)` edits (insert, delete, replace, swap two neighbours): the whole
   * word, or its start as long as the term when the word is longer still (someone still typing).
   * Words that `term` begins are left to `visitPrefix`. Returns the word starts found (for
   * highlighting), each held by at least one live slot.
   */
  visitNear(term: string, visit: SlotVisitor): string[] {
    const allowance = typoAllowance(term.length);
    if (allowance === 0) return [];
    this.settle();
    const walk = new TypoWalk(term, allowance, this.misspellable, (start, from, to) => {
      let isHeld = false;
      for (let index = from; index < to; index += 1) {
        if (this.visitWord(this.misspellable[index] as string, visit)) isHeld = true;
      }
      return isHeld;
    });
    return walk.run();
  }

  /** Visits the live slots of `word`; whether it had any. */
  private visitWord(word: string, visit: SlotVisitor): boolean {
    const list = this.postings.get(word);
    if (!list) return false;
    let isHeld = false;
    for (const slot of list) {
      if (this.alive[slot] !== 1) continue;
      isHeld = true;
      visit(slot);
    }
    return isHeld;
  }

  /** Merges the words added since into the sorted vocabularies (else done by the next search). */
  settle(): void {
    if (this.newWords.length > 0) {
      this.words = mergeSorted(this.words, this.newWords);
      this.newWords = [];
    }
    if (this.newMisspellable.length > 0) {
      this.misspellable = mergeSorted(this.misspellable, this.newMisspellable);
      this.newMisspellable = [];
    }
  }
}

/** The first index of sorted `words` not below `term`, from `low` up to `high`. */
function lowerBound(words: readonly string[], term: string, low = 0, high = words.length): number {
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((words[middle] as string) < term) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** `sorted` with `added` (distinct from it) merged in, by code unit. */
function mergeSorted(sorted: readonly string[], added: string[]): string[] {
  added.sort();
  if (sorted.length === 0) return added;
  const merged: string[] = [];
  let from = 0;
  for (const word of added) {
    const at = lowerBound(sorted, word, from);
    for (let index = from; index < at; index += 1) merged.push(sorted[index] as string);
    merged.push(word);
    from = at;
  }
  for (let index = from; index < sorted.length; index += 1) merged.push(sorted[index] as string);
  return merged;
}

/**
 * One typo search over a sorted vocabulary read as a trie: the words of a range share a start of
 * `depth` letters, and each letter down adds one row of the edit-distance table between that start
 * and the term. A branch whose row is all above the allowance is left (no longer word can come back
 * within it), so only the starts near the term are ever looked at.
 */
class TypoWalk {
  private readonly length: number;
  /** Row `depth` of the table: the distance between the first `depth` letters and each start of the term. */
  private readonly rows: Int32Array[];
  private readonly found = new Set<string>();

  constructor(
    private readonly term: string,
    private readonly allowance: number,
    private readonly words: readonly string[],
    /** Visits words `from`..`to` (matched through the start `start`); whether any is still held. */
    private readonly visitRange: (start: string, from: number, to: number) => boolean,
  ) {
    this.length = term.length;
    this.rows = Array.from({ length: this.length + allowance + 1 }, () => new Int32Array(this.length + 1));
    const first = this.rows[0] as Int32Array;
    for (let column = 0; column <= this.length; column += 1) first[column] = column;
  }

  run(): string[] {
    if (this.words.length > 0) this.descend(0, this.words.length, 0);
    return [...this.found];
  }

  /** Words `from`..`to` share their first `depth` letters, whose row is `rows[depth]`. */
  private descend(from: number, to: number, depth: number): void {
    const { words, length, allowance } = this;
    const row = this.rows[depth] as Int32Array;
    let start = from;
    const first = words[from] as string;
    // The word that is exactly the shared start sorts first; it is compared whole.
    if (first.length === depth) {
      if (depth >= length - allowance && (row[length] as number) <= allowance && !this.begunByTerm(first)) {
        this.report(first, from, from + 1);
      }
      start += 1;
    }
    if (depth === length && start < to && (row[length] as number) <= allowance) {
      // Words longer than the term by more than the allowance are compared by their start.
      const prefix = first.slice(0, depth);
      if (prefix !== this.term) {
        let isHeld = false;
        for (let index = start; index < to; index += 1) {
          const word = words[index] as string;
          if (word.length > length + allowance && this.visitRange(prefix, index, index + 1)) isHeld = true;
        }
        if (isHeld) this.found.add(prefix);
      }
    }
    if (depth >= length + allowance) return;
    while (start < to) {
      const code = (words[start] as string).charCodeAt(depth);
      const end = this.groupEnd(start, to, depth, code);
      if (this.fillRow(depth + 1, code, words[start] as string)) this.descend(start, end, depth + 1);
      start = end;
    }
  }

  /** Fills row `depth` for a start ending in `code`; whether any cell is within the allowance. */
  private fillRow(depth: number, code: number, word: string): boolean {
    const { term, length } = this;
    const row = this.rows[depth] as Int32Array;
    const above = this.rows[depth - 1] as Int32Array;
    const twoAbove = depth >= 2 ? (this.rows[depth - 2] as Int32Array) : null;
    const previousCode = depth >= 2 ? word.charCodeAt(depth - 2) : -1;
    row[0] = depth;
    let best = depth;
    for (let column = 1; column <= length; column += 1) {
      const termCode = term.charCodeAt(column - 1);
      let value = Math.min(
        (above[column] as number) + 1,
        (row[column - 1] as number) + 1,
        (above[column - 1] as number) + (termCode === code ? 0 : 1),
      );
      if (twoAbove && column > 1 && termCode === previousCode && term.charCodeAt(column - 2) === code) {
        value = Math.min(value, (twoAbove[column - 2] as number) + 1);
      }
      row[column] = value;
      if (value < best) best = value;
    }
    return best <= this.allowance;
  }

  /** The end of the run of words from `start` (below `to`) whose letter at `depth` is `code`. */
  private groupEnd(start: number, to: number, depth: number, code: number): number {
    let low = start + 1;
    let high = to;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.words[middle] as string).charCodeAt(depth) <= code) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private begunByTerm(word: string): boolean {
    return word.startsWith(this.term);
  }

  private report(start: string, from: number, to: number): void {
    if (this.visitRange(start, from, to)) this.found.add(start);
  }
}
