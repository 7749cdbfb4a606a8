import { hash, verify } from '@node-rs/argon2';
import { normalizeEmail } from '#shared/domain/common/schema-helpers';
import type { Actor, Role } from '#shared/domain/common/roles';
import { decideOwnPreferences, type UserPreferences } from '#shared/domain/user/user-preferences';
import type { User } from '#shared/domain/user/user-schema';
import type { CouchStore, StoredDoc, WriteRecord } from '../infra/couch-store';
import { isTombstone, liveContentOf, toStored } from '../infra/stored-document';
import { fail, succeed, type Outcome } from './outcome';
import { accountEmailCheck } from './email-holders';
import { release, reservationOwner, reserve } from './reservations';
import { randomId } from './tokens';

/**
 * The server-only state of an account (never in the replicated `users` documents): its password hash
 * and what its owner proved.
 */
interface CredentialsFields {
  passwordHash: string;
  /** When the owner opened a link mailed to the account's address (candidates must, SPEC §4). */
  emailVerifiedAt?: number;
  /** When the password was last set: reset links issued before then are void. */
  passwordChangedAt?: number;
}
type CredentialsDoc = StoredDoc & CredentialsFields;

/** What the server knows of an account beyond its directory entry. */
export interface AccountStatus {
  /** Staff accounts are made by admins and count as verified; candidates verify by a mailed link. */
  readonly emailVerified: boolean;
  /** When the password was last set (0 when never recorded). */
  readonly passwordChangedAt: number;
}

/** The outcome of creating an account. */

/** A hash nobody's password matches, verified when the account does not exist (same timing). */
let decoyHash: Promise<string> | undefined;

/** argon2id (the library's default algorithm) with its default, OWASP-level cost. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

function isCredentials(doc: StoredDoc | null): doc is CredentialsDoc {
  return doc !== null && typeof doc['passwordHash'] === 'string';
}

/**
 * The account with this email (case-insensitive), or null. Found through the email's reservation and
 * a read by id (read-your-writes on a cluster, unlike a Mango index), checked against the user's own
 * address. Accounts written before reservations existed (or by the demo and bench loaders, which write
 * users directly) have none: for those the Mango index is asked, and the reservation made on the spot,
 * so from then on they are found like every other account.
 */
export async function findAccountByEmail(
  store: CouchStore,
  email: string,
  now: number,
): Promise<User | null> {
  const emailKey = normalizeEmail(email);
  const ownerId = await reservationOwner(store, 'account-email', emailKey);
  if (ownerId) {
    const owner = liveContentOf('users', await store.get('users', ownerId));
    if (owner && normalizeEmail(owner.email) === emailKey) return owner;
  }
  const unreserved = await findUnreservedUser(store, emailKey);
  if (!unreserved) return null;
  const claimed = await reserve(
    store,
    'account-email',
    emailKey,
    unreserved.id,
    accountEmailCheck(store),
    now,
  );
  return claimed.ok ? unreserved : null;
}

/** The Mango lookup of accounts that have no reservation yet (see `findAccountByEmail`). */
async function findUnreservedUser(store: CouchStore, emailKey: string): Promise<User | null> {
  const docs = await store.find('users', { selector: { 'serverMeta.emailKey': emailKey }, limit: 5 });
  const live = docs.find((doc) => !isTombstone(doc));
  return live ? liveContentOf('users', live) : null;
}

/** The live user `id`, or null. */
export async function getUser(store: CouchStore, id: string): Promise<User | null> {
  return liveContentOf('users', await store.get('users', id));
}

/** Every user of the directory. */
export async function listUsers(store: CouchStore): Promise<User[]> {
  const users: User[] = [];
  for await (const doc of store.all('users')) {
    const user = liveContentOf('users', doc);
    if (user) users.push(user);
  }
  return users.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Checks a password; null when the email is unknown or the password wrong. An unknown email costs
 * the same hash verification as a known one.
 */
export async function verifyCredentials(
  store: CouchStore,
  email: string,
  password: string,
  now = Date.now(),
): Promise<User | null> {
  const user = await findAccountByEmail(store, email, now);
  const credentials = user ? await store.get('credentials', user.id) : null;
  if (!user || !isCredentials(credentials)) {
    decoyHash ??= hashPassword(randomId());
    await verify(await decoyHash, password).catch(() => false);
    return null;
  }
  const matches = await verify(credentials.passwordHash, password).catch(() => false);
  return matches ? user : null;
}

/** What the server knows of `user`'s account (see `AccountStatus`). */
export async function accountStatus(
  store: CouchStore,
  user: Pick<User, 'id' | 'role'>,
): Promise<AccountStatus> {
  const credentials = await store.get('credentials', user.id);
  const known = isCredentials(credentials) ? credentials : null;
  return {
    emailVerified: user.role !== 'candidate' || typeof known?.emailVerifiedAt === 'number',
    passwordChangedAt: known?.passwordChangedAt ?? 0,
  };
}

/**
 * Changes the credentials of `userId` with the `_rev` just read, retrying lost races. `change` gets
 * the current document (null when there is none) and answers the next one, or null to leave it.
 * Answers whether a change was written.
 */
async function updateCredentials(
  store: CouchStore,
  userId: string,
  change: (current: CredentialsDoc | null) => CredentialsFields | null,
): Promise<Outcome<boolean>> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const existing = await store.get('credentials', userId);
    const next = change(isCredentials(existing) ? existing : null);
    if (!next) return succeed(false);
    const doc: CredentialsDoc = { ...next, _id: userId, ...(existing?._rev ? { _rev: existing._rev } : {}) };
    if ((await store.put('credentials', doc)).ok) return succeed(true);
  }
  return fail('conflict', 'conflict', 'The account was changed at the same time by someone else; try again.');
}

/**
 * Stores (or replaces) the password hash of `userId`; reset links issued before now become void.
 * With `verifiesEmail` (a reset by mailed link proves the address), the address counts as verified.
 */
export async function setPassword(
  store: CouchStore,
  userId: string,
  password: string,
  options: { now?: number; verifiesEmail?: boolean } = {},
): Promise<Outcome<boolean>> {
  const passwordHash = await hashPassword(password);
  const now = options.now ?? Date.now();
  return updateCredentials(store, userId, (current) => ({
    ...current,
    passwordHash,
    passwordChangedAt: now,
    ...(options.verifiesEmail && current?.emailVerifiedAt === undefined ? { emailVerifiedAt: now } : {}),
  }));
}

/** Records that the owner of `userId` proved its address; false when the account has no credentials. */
export async function markEmailVerified(
  store: CouchStore,
  userId: string,
  now: number,
): Promise<Outcome<boolean>> {
  let isVerified = false;
  const written = await updateCredentials(store, userId, (current) => {
    isVerified = current !== null;
    return current && current.emailVerifiedAt === undefined ? { ...current, emailVerifiedAt: now } : null;
  });
  return written.ok ? succeed(isVerified) : written;
}

/**
 * The deployment-wide reservation of account emails (SPEC §10: unique per deployment), for the
 * organisation an account is created in (see `AccountDirectory.forOrganisation`).
 */
export interface DeploymentClaim {
  claim(email: string, userId: string, now: number): Promise<boolean>;
  release(email: string, userId: string): Promise<void>;
}

/**
 * Creates an account: reserves its normalized email, deployment-wide (`deployment`) and in the
 * organisation's store (the store's 409 decides between concurrent creations on any instance), then
 * writes its credentials and its directory entry. An account that already has the email, or a
 * creation of it in flight, answers `email_taken`.
 */
export async function createAccount(
  store: CouchStore,
  input: { email: string; name: string; role: Role; password: string },
  now: number,
  deployment?: DeploymentClaim,
): Promise<Outcome<User>> {
  const taken = fail('conflict', 'email_taken', 'An account with this email already exists.');
  const passwordHash = await hashPassword(input.password);
  if (await findAccountByEmail(store, input.email, now)) return taken;
  const user: User = {
    id: randomId('u', 9),
    updatedAt: now,
    name: input.name.trim(),
    email: input.email.trim(),
    role: input.role,
    active: true,
  };
  if (deployment && !(await deployment.claim(user.email, user.id, now))) return taken;
  const reserved = await reserve(store, 'account-email', user.email, user.id, accountEmailCheck(store), now);
  if (!reserved.ok) {
    await deployment?.release(user.email, user.id);
    return taken;
  }
  try {
    const credentials: CredentialsDoc = { _id: user.id, passwordHash, passwordChangedAt: now };
    const written =
      (await store.put('credentials', credentials)).ok &&
      (await store.put('users', toStored('users', user, {}))).ok;
    if (!written) throw new Error(`account id collision: ${user.id}`);
  } catch (error) {
    await release(store, 'account-email', user.email, user.id).catch(() => undefined);
    await deployment?.release(user.email, user.id).catch(() => undefined);
    throw error;
  }
  return succeed(user);
}

/** Changes name, role or active flag, with the `_rev` just read (retrying lost races). */
export async function patchUser(
  store: CouchStore,
  id: string,
  patch: { name?: string; role?: Role; active?: boolean },
  now: number,
): Promise<Outcome<User>> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const stored = await store.get('users', id);
    const user = liveContentOf('users', stored);
    if (!stored || !user) return fail('not_found', 'not_found', 'No such user.');
    const next: User = {
      ...user,
      ...(patch.name === undefined ? {} : { name: patch.name.trim() }),
      ...(patch.role === undefined ? {} : { role: patch.role }),
      ...(patch.active === undefined ? {} : { active: patch.active }),
      updatedAt: now,
    };
    const written = await store.put('users', toStored('users', next, { rev: stored._rev }));
    if (written.ok) return succeed(next);
  }
  return fail('conflict', 'conflict', 'The user was changed at the same time by someone else; try again.');
}

/**
 * Writes a person's own preferences (time zone, e-mail notifications) on their directory entry, with
 * the `_rev` just read (retrying lost races), after the shared `decideOwnPreferences`. The directory
 * replicates read-only, so this is how a person changes what is theirs to change.
 */
export async function updateOwnPreferences(
  store: CouchStore,
  actor: Actor,
  preferences: UserPreferences,
  now: number,
): Promise<Outcome<User>> {
  const decision = decideOwnPreferences(actor, preferences);
  if (!decision.ok) {
    return fail(
      decision.code === 'forbidden_role' ? 'forbidden' : 'invalid',
      decision.code,
      decision.message,
    );
  }
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const stored = await store.get('users', actor.id);
    const user = liveContentOf('users', stored);
    if (!stored || !user) return fail('not_found', 'not_found', 'No such user.');
    const next: User = { ...user, ...preferences, updatedAt: now };
    const write: WriteRecord = { id: randomId('w', 9), at: now, userId: actor.id, action: 'update' };
    const written = await store.put('users', toStored('users', next, { previous: stored, write }));
    if (written.ok) return succeed(next);
  }
  return fail('conflict', 'conflict', 'Your account was changed at the same time; try again.');
}
