/** Whose local data a database holds: one person of one organisation on one server (SPEC §10). */
export interface LocalDataOwner {
  readonly serverUrl: string;
  /** Absent in sessions stored by the versions before organisations: the first organisation. */
  readonly organisationId?: string;
  readonly userId: string;
}

/** Ids are `[A-Za-z0-9_-]`: an uppercase letter is written `$` + its lowercase form (no two collide). */
function escaped(id: string): string {
  return id.replace(/[A-Z]/g, (letter) => `$${letter.toLowerCase()}`);
}

/** A short, stable key of a server address (FNV-1a, 32 bits, hex). */
function serverKey(serverUrl: string): string {
  let hash = 0x811c9dc5;
  for (const char of serverUrl.trim().replace(/\/+$/, '').toLowerCase()) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The id of `owner`'s local data (database and file store): the server, the organisation and the
 * user, so signing in as someone else, or to another organisation or server, never mixes data.
 */
export function localDataIdFor(owner: LocalDataOwner): string {
  const organisation = (owner.organisationId ?? 'first').replace(/[^a-z0-9]/g, '');
  return `${serverKey(owner.serverUrl)}-${organisation}-${owner.userId}`;
}

/**
 * The id of local data the versions before organisations kept for `userId` (one per user): a
 * laptop upgraded with unsent changes in it keeps using it, for the first organisation.
 */
export function legacyLocalDataId(userId: string): string {
  return userId;
}

/**
 * The IndexedDB name of the local database `localDataId` names. RxDB names allow lowercase letters,
 * digits, `_`, `$` and `-`.
 */
export function databaseNameFor(localDataId: string): string {
  return `shortlist_u_${escaped(localDataId)}`;
}
