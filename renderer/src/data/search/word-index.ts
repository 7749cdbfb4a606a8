import { isWithinEdits, typoAllowance } from '#shared/domain/common/text-match';

/** Splits folded text into the words a search matches the start of. */
export function wordsOf(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}

/**
 * A sorted word list over a snapshot of entries, with the positions of the entries holding each
 * word: a search term finds the words it begins (a binary search) and, for typos, the words of the
 * misspellable vocabulary a typo away, so a search costs what it finds, not the size of the list.
 */
export class WordIndex {
  private readonly words: readonly string[];
  private readonly postings: readonly Int32Array[];
  /** Words people misspell (names, places, companies…), indices into `words`. */
  private readonly misspellable: readonly number[];

  constructor(entryWords: readonly (readonly string[])[], entryMisspellable: readonly (readonly string[])[]) {
    const byWord = new Map<string, number[]>();
    entryWords.forEach((words, position) => {
      for (const word of words) {
        const list = byWord.get(word);
        if (!list) byWord.set(word, [position]);
        else if (list.at(-1) !== position) list.push(position);
      }
    });
    const misspellable = new Set(entryMisspellable.flat());
    this.words = [...byWord.keys()].sort();
    this.postings = this.words.map((word) => Int32Array.from(byWord.get(word) ?? []));
    this.misspellable = this.words.flatMap((word, index) => (misspellable.has(word) ? [index] : []));
  }

  /** Marks with 1 the entries holding a word that starts with `term`; returns how many words. */
  markPrefix(term: string, marks: Uint8Array): number {
    let low = 0;
    let high = this.words.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.words[middle] as string) < term) low = middle + 1;
      else high = middle;
    }
    let index = low;
    for (; index < this.words.length && (this.words[index] as string).startsWith(term); index += 1) {
      for (const position of this.postings[index] as Int32Array) marks[position] = 1;
    }
    return index - low;
  }

  /**
   * Marks with 2 (where not marked already) the entries holding a misspellable word that `term`
   * may be a typo of: the whole word, or its start as long as the term (someone still typing).
   * Returns the words found, for highlighting.
   */
  markNear(term: string, marks: Uint8Array): string[] {
    const allowance = typoAllowance(term.length);
    if (allowance === 0) return [];
    const found: string[] = [];
    for (const index of this.misspellable) {
      const word = this.words[index] as string;
      if (word.startsWith(term)) continue;
      const start = word.length > term.length + allowance ? word.slice(0, term.length) : word;
      if (!isWithinEdits(term, start, allowance)) continue;
      found.push(start);
      for (const position of this.postings[index] as Int32Array) {
        if (marks[position] === 0) marks[position] = 2;
      }
    }
    return found;
  }
}
