/** Text folded for matching: lowercase, accents removed (é → e), runs of space made one. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether `a` and `b` are at most `limit` single-character edits apart (insert, delete, replace,
 * or swap two neighbours): bounded, so comparing two words costs O(length × limit).
 */
export function isWithinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  if (a === b) return true;
  let previousRow: number[] = [];
  let row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previousRow[j - 2] ?? 0) + 1);
      }
      next.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return false;
    previousRow = row;
    row = next;
  }
  return (row[b.length] ?? Infinity) <= limit;
}

/** How many typos a word of this length may carry and still match: none below 4 letters. */
export function typoAllowance(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}
