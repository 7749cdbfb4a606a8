/** Structural equality of JSON values: key order does not matter, `undefined` fields count as absent. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => jsonEqual(item, b[index]));
  }
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(aRecord), ...Object.keys(bRecord)]);
  for (const key of keys) {
    if (!jsonEqual(aRecord[key], bRecord[key])) return false;
  }
  return true;
}

/** The top-level fields whose values differ between `before` and `after`. */
export function changedFields<T extends object>(
  before: T,
  after: T,
  ignore: readonly string[] = [],
): string[] {
  const beforeRecord = before as Record<string, unknown>;
  const afterRecord = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(beforeRecord), ...Object.keys(afterRecord)]);
  return [...keys].filter((key) => !ignore.includes(key) && !jsonEqual(beforeRecord[key], afterRecord[key]));
}
