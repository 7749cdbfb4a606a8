import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DocumentScope } from 'nano';
import { isStaffRole, type StaffRole } from '#shared/domain/common/roles';
import { putChecked } from '../infra/checked-write';
import { couchHttpFor } from '../infra/couch-http';
import { statusOf, type CouchStore, type StoredDoc } from '../infra/couch-store';
import { ensureOwnDatabase } from '../infra/own-database';
import { fail, succeed, type Outcome } from './outcome';
import { FIRST_ORGANISATION_ID } from './organisation-ids';
import { getUser } from './user-service';

/** The server database of the integration API's keys (`<prefix>api_keys`): hashed, never sent. */
export const API_KEY_DATABASE = 'api_keys';

/**
 * A key names its organisation (SPEC §10), so a request is routed to its databases before anything
 * is read: the first organisation's keys say `default`, every other's its id.
 */
export const DEFAULT_ORGANISATION_SEGMENT = 'default';

/** The segment of `organisationId`'s keys. */
function organisationSegment(organisationId: string): string {
  return organisationId === FIRST_ORGANISATION_ID ? DEFAULT_ORGANISATION_SEGMENT : organisationId;
}

/** The organisation a key's text names, or null when it is not a key's shape. */
export function apiKeyOrganisation(text: string): string | null {
  const parsed = parseApiKey(text);
  if (!parsed) return null;
  return parsed.organisation === DEFAULT_ORGANISATION_SEGMENT ? FIRST_ORGANISATION_ID : parsed.organisation;
}

/** `lastUsedAt` is written at most this often per key (a busy script must not write on every call). */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** Staff roles from the most to the least powerful (SPEC §3: each may do what the next may, and more). */
const ROLE_RANK: Readonly<Record<StaffRole, number>> = {
  admin: 3,
  hiring_manager: 2,
  recruiter: 1,
  interviewer: 0,
};

/** An API key as stored: the SHA-256 of its secret (keys are 256-bit random), never the key itself. */
export interface ApiKeyDoc extends StoredDoc {
  readonly kind: 'api-key';
  readonly name: string;
  /** The most the key may do; it acts as `userId`, never with more than that person's role. */
  readonly role: StaffRole;
  readonly readOnly: boolean;
  /** The person the key acts for: writes are theirs (history `by`, audit), and so is an interviewer's slice. */
  readonly userId: string;
  readonly secretHash: string;
  readonly createdAt: number;
  readonly createdBy: string;
  readonly lastUsedAt?: number;
  readonly revokedAt?: number;
}

/** What admins see of a key: everything but its secret. */
export interface ApiKeySummary {
  readonly id: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly readOnly: boolean;
  readonly userId: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

/** A verified key, with the person it acts for and the role it acts with now. */
export interface ApiKeyActor {
  readonly keyId: string;
  readonly readOnly: boolean;
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: StaffRole;
}

const KEY_PATTERN = /^slk_([a-z0-9-]{1,63})_([a-f0-9]{24})_([A-Za-z0-9_-]{43})$/;

/** The parts of a key's text: its organisation, its id, its secret; null when it is not a key's shape. */
export function parseApiKey(
  text: string,
): { readonly organisation: string; readonly keyId: string; readonly secret: string } | null {
  const match = KEY_PATTERN.exec(text);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  return { organisation: match[1], keyId: match[2], secret: match[3] };
}

/** Whether a bearer credential is shaped like an API key (rather than an access token). */
export function looksLikeApiKey(text: string): boolean {
  return text.startsWith('slk_');
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function isApiKeyDoc(doc: StoredDoc | null): doc is ApiKeyDoc {
  return (
    doc !== null &&
    doc['kind'] === 'api-key' &&
    typeof doc['secretHash'] === 'string' &&
    typeof doc['userId'] === 'string' &&
    typeof doc['role'] === 'string' &&
    isStaffRole(doc['role'])
  );
}

function keyDatabase(store: CouchStore): DocumentScope<StoredDoc> {
  return store.server.use<StoredDoc>(`${store.prefix}${API_KEY_DATABASE}`);
}

/** Creates the keys database if missing (idempotent, safe from many instances at once). */
export async function ensureApiKeyDatabase(store: CouchStore): Promise<void> {
  await ensureOwnDatabase(store, API_KEY_DATABASE);
}

async function readKey(store: CouchStore, keyId: string): Promise<ApiKeyDoc | null> {
  if (!/^[a-f0-9]{24}$/.test(keyId)) return null;
  try {
    const doc = await keyDatabase(store).get(keyId);
    return isApiKeyDoc(doc) ? doc : null;
  } catch (error) {
    // No such key, or no key was ever made (the database is not there yet).
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

function summaryOf(doc: ApiKeyDoc): ApiKeySummary {
  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
  return {
    id: doc._id,
    name: doc.name,
    role: doc.role,
    readOnly: doc.readOnly,
    userId: doc.userId,
    createdAt: new Date(doc.createdAt).toISOString(),
    createdBy: doc.createdBy,
    lastUsedAt: iso(doc.lastUsedAt),
    revokedAt: iso(doc.revokedAt),
  };
}

/** The lower of two staff roles. */
export function lowerRole(a: StaffRole, b: StaffRole): StaffRole {
  return ROLE_RANK[a] <= ROLE_RANK[b] ? a : b;
}

/**
 * Makes a key for `input.userId` (an active staff member) with at most their role. Answers the key's
 * text once: only its hash is kept.
 */
export async function createApiKey(
  store: CouchStore,
  input: {
    readonly name: string;
    readonly role: StaffRole;
    readonly readOnly: boolean;
    readonly userId: string;
  },
  adminId: string,
  now: number,
  organisationId: string = FIRST_ORGANISATION_ID,
): Promise<Outcome<{ readonly key: string; readonly summary: ApiKeySummary }>> {
  const user = await getUser(store, input.userId);
  if (!user || !user.active || !isStaffRole(user.role)) {
    return fail('refused', 'unknown_user', 'A key acts for an active staff member; this one is not.');
  }
  if (lowerRole(input.role, user.role) !== input.role) {
    return fail(
      'refused',
      'role_above_user',
      `A key for ${user.name} can have at most their role (${user.role}).`,
    );
  }
  const keyId = randomBytes(12).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const doc: ApiKeyDoc = {
    _id: keyId,
    kind: 'api-key',
    name: input.name,
    role: input.role,
    readOnly: input.readOnly,
    userId: user.id,
    secretHash: hashSecret(secret),
    createdAt: now,
    createdBy: adminId,
  };
  const db = keyDatabase(store);
  const written = await putChecked(couchHttpFor(db.config.url), db.config.db, doc);
  if (!written.ok) return fail('conflict', 'conflict', 'The key could not be stored; try again.');
  return succeed({
    key: `slk_${organisationSegment(organisationId)}_${keyId}_${secret}`,
    summary: summaryOf(doc),
  });
}

/** Every key, newest first, without secrets (revoked ones too, with when). */
export async function listApiKeys(store: CouchStore): Promise<ApiKeySummary[]> {
  const keys: ApiKeyDoc[] = [];
  for (let startkey: string | undefined; ;) {
    const page = await keyDatabase(store).list({
      include_docs: true,
      limit: 501,
      ...(startkey === undefined ? {} : { startkey }),
    });
    for (const row of page.rows.slice(0, 500)) if (row.doc && isApiKeyDoc(row.doc)) keys.push(row.doc);
    startkey = page.rows[500]?.id;
    if (startkey === undefined) break;
  }
  return keys.sort((a, b) => b.createdAt - a.createdAt).map(summaryOf);
}

/** Revokes a key at once: the next request with it is refused (every request reads its document). */
export async function revokeApiKey(
  store: CouchStore,
  keyId: string,
  now: number,
): Promise<Outcome<ApiKeySummary>> {
  const db = keyDatabase(store);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const doc = await readKey(store, keyId);
    if (!doc) return fail('not_found', 'not_found', 'No such API key.');
    if (doc.revokedAt !== undefined) return succeed(summaryOf(doc));
    const revoked: ApiKeyDoc = { ...doc, revokedAt: now };
    // A lost race is a `lastUsedAt` written meanwhile: read again and revoke that.
    if ((await putChecked(couchHttpFor(db.config.url), db.config.db, revoked)).ok) {
      return succeed(summaryOf(revoked));
    }
  }
  return fail('conflict', 'conflict', 'The key kept changing; try again.');
}

/**
 * Checks a key's text against its stored hash and the person it acts for, as the store says now: a
 * revoked key, a deactivated person or one who left the staff is refused at once, and a demoted
 * person's key acts with their new role. Keeps `lastUsedAt` (at most once a minute, best effort).
 * `store` is the databases of `organisationId`, the organisation the key's text names.
 */
export async function verifyApiKey(
  store: CouchStore,
  text: string,
  now: number,
  onTouchFailed: (error: unknown) => void = () => undefined,
  organisationId: string = FIRST_ORGANISATION_ID,
): Promise<Outcome<ApiKeyActor>> {
  const parts = parseApiKey(text);
  const invalid = fail('unauthorized', 'invalid_api_key', 'The API key is not valid.');
  // `store` is `organisationId`'s: a key naming another organisation is not one of its keys.
  if (!parts || parts.organisation !== organisationSegment(organisationId)) return invalid;
  const doc = await readKey(store, parts.keyId);
  if (!doc) return invalid;
  const sent = Buffer.from(hashSecret(parts.secret), 'hex');
  const kept = Buffer.from(doc.secretHash, 'hex');
  if (sent.length !== kept.length || !timingSafeEqual(sent, kept)) return invalid;
  if (doc.revokedAt !== undefined) return fail('unauthorized', 'api_key_revoked', 'The API key was revoked.');
  const user = await getUser(store, doc.userId);
  if (!user || !user.active || !isStaffRole(user.role)) {
    return fail(
      'unauthorized',
      'account_disabled',
      'The person this key acts for is no longer active staff.',
    );
  }
  if (doc.lastUsedAt === undefined || now - doc.lastUsedAt >= LAST_USED_RESOLUTION_MS) {
    const db = keyDatabase(store);
    // Another instance touching it at the same moment wins the race: either time is right.
    putChecked(couchHttpFor(db.config.url), db.config.db, { ...doc, lastUsedAt: now }).catch(onTouchFailed);
  }
  return succeed({
    keyId: doc._id,
    readOnly: doc.readOnly,
    userId: user.id,
    email: user.email,
    name: user.name,
    role: lowerRole(doc.role, user.role),
  });
}
