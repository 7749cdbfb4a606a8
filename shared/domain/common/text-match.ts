/** Text folded for matching: lowercase, accents removed (é → e), runs of space made one. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// Rows of the edit-distance table, reused by every call (words are short; they grow if needed).
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Whether `a` and `b` are at most `limit` single-character edits apart (insert, delete, replace,
 * or swap two neighbours): bounded, so comparing two words costs O(length × limit) and allocates
 * nothing; most pairs are told apart by their lengths or first row alone.
 */
export function isWithinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  if (a === b) return true;
  if (b.length + 1 > rows[0].length) {
    const size = (b.length + 1) * 2;
    rows = [new Int32Array(size), new Int32Array(size), new Int32Array(size)];
  }
  let [before, row, next] = rows;
  for (let j = 0; j <= b.length; j += 1) row[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    next[0] = i;
    let best = i;
    const ac = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const bc = b.charCodeAt(j - 1);
      let value = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + (ac === bc ? 0 : 1),
      );
      if (i > 1 && j > 1 && ac === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bc) {
        value = Math.min(value, (before[j - 2] as number) + 1);
      }
      next[j] = value;
      if (value < best) best = value;
    }
    if (best > limit) return false;
    [before, row, next] = [row, next, before];
  }
  return (row[b.length] as number) <= limit;
}

/** How many typos a word of this length may carry and still match: none below 4 letters. */
export function typoAllowance(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}
