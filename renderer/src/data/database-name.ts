/**
 * The IndexedDB name of `userId`'s local database. One database per user, so two people on one
 * machine never mix data. RxDB names allow lowercase letters, digits, `_`, `$` and `-`; ids are
 * `[A-Za-z0-9_-]`, so an uppercase letter is written `$` + its lowercase form (no two ids collide).
 */
export function databaseNameFor(userId: string): string {
  const escaped = userId.replace(/[A-Z]/g, (letter) => `$${letter.toLowerCase()}`);
  return `shortlist_u_${escaped}`;
}
