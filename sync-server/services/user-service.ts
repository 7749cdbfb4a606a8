import { hash, verify } from '@node-rs/argon2';
import { normalizeEmail } from '../../shared/domain/common/schema-helpers';
import type { Role } from '../../shared/domain/common/roles';
import type { User } from '../../shared/domain/user/user-schema';
import type { CouchStore, StoredDoc } from '../store/couch-store';
import { isTombstone, liveContentOf, toStored } from '../store/stored-document';
import { ApiError, conflict, notFound } from '../plugins/api-error';
import { randomId } from './tokens';

/** The server-only credentials of a user (never in the replicated `users` documents). */
interface CredentialsDoc extends StoredDoc {
  passwordHash: string;
}

/** A hash nobody's password matches, verified when the account does not exist (same timing). */
let decoyHash: Promise<string> | undefined;

/** argon2id (the library's default algorithm) with its default, OWASP-level cost. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** The user with this email (case-insensitive), or null. */
export async function findUserByEmail(store: CouchStore, email: string): Promise<User | null> {
  const docs = await store.find('users', {
    selector: { 'serverMeta.emailKey': normalizeEmail(email) },
    limit: 5,
  });
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

/** Checks a password; null when the email is unknown or the password wrong. */
export async function verifyCredentials(
  store: CouchStore,
  email: string,
  password: string,
): Promise<User | null> {
  const user = await findUserByEmail(store, email);
  const credentials = user ? await store.get('credentials', user.id) : null;
  const passwordHash = typeof credentials?.['passwordHash'] === 'string' ? credentials['passwordHash'] : null;
  if (!user || !passwordHash) {
    decoyHash ??= hashPassword(randomId());
    await verify(await decoyHash, password).catch(() => false);
    return null;
  }
  const matches = await verify(passwordHash, password).catch(() => false);
  return matches ? user : null;
}

/** Stores (or replaces) the password hash of `userId`. */
export async function setPassword(store: CouchStore, userId: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const existing = await store.get('credentials', userId);
    const doc: CredentialsDoc = {
      _id: userId,
      passwordHash,
      ...(existing?._rev ? { _rev: existing._rev } : {}),
    };
    if ((await store.put('credentials', doc)).ok) return;
  }
  throw new ApiError(
    409,
    'conflict',
    'The password was changed at the same time by someone else; try again.',
  );
}

/** Creates an account: a directory entry plus its credentials. 409 when the email is taken. */
export async function createUser(
  store: CouchStore,
  input: { email: string; name: string; role: Role; password: string },
  now: number,
): Promise<User> {
  if (await findUserByEmail(store, input.email)) {
    throw conflict('An account with this email already exists.', 'email_taken');
  }
  const user: User = {
    id: randomId('u', 9),
    updatedAt: now,
    name: input.name.trim(),
    email: input.email.trim(),
    role: input.role,
    active: true,
  };
  await setPassword(store, user.id, input.password);
  const written = await store.put('users', toStored('users', user, {}));
  if (!written.ok) throw conflict('The account could not be created; try again.');
  return user;
}

/** Changes name, role or active flag, with the `_rev` just read (retrying lost races). */
export async function patchUser(
  store: CouchStore,
  id: string,
  patch: { name?: string; role?: Role; active?: boolean },
  now: number,
): Promise<User> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const stored = await store.get('users', id);
    const user = liveContentOf('users', stored);
    if (!stored || !user) throw notFound('No such user.');
    const next: User = {
      ...user,
      ...(patch.name === undefined ? {} : { name: patch.name.trim() }),
      ...(patch.role === undefined ? {} : { role: patch.role }),
      ...(patch.active === undefined ? {} : { active: patch.active }),
      updatedAt: now,
    };
    const written = await store.put('users', toStored('users', next, { rev: stored._rev }));
    if (written.ok) return next;
  }
  throw conflict('The user was changed at the same time by someone else; try again.');
}
