import { createHash } from 'node:crypto';
import type { DocumentScope } from 'nano';
import { normalizeEmail } from '#shared/domain/common/schema-helpers';
import { ensureOwnDatabase, ownDatabase } from '../infra/own-database';
import { statusOf, type CouchStore, type StoredDoc } from '../infra/couch-store';
import { hashOneTimeToken, isOneTimeTokenShape, newOneTimeToken } from './tokens';

/** What a mailed link is for. */
export type OneTimePurpose = 'verify-email' | 'password-reset';

/** How long a mailed link works: a day to confirm an address, an hour to reset a password. */
export const ONE_TIME_TOKEN_TTL_MS: Readonly<Record<OneTimePurpose, number>> = {
  'verify-email': 24 * 60 * 60 * 1000,
  'password-reset': 60 * 60 * 1000,
};

/** The server database of one-time tokens (`<prefix>identity_tokens`). */
export const ONE_TIME_TOKEN_DATABASE = 'identity_tokens';

/**
 * A one-time token as stored: under the hash of the token (the token itself is only in the mail), for
 * one purpose, one user and the address it was mailed to (as a hash bound to the user).
 */
interface OneTimeTokenDoc extends StoredDoc {
  readonly purpose: OneTimePurpose;
  readonly userId: string;
  readonly addressHash: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

/** What a consumed token was issued for. */
export interface OneTimeGrant {
  readonly userId: string;
  readonly createdAt: number;
  /** Whether it was mailed to `email` (the account's address may have changed since, e.g. by erasure). */
  isFor(email: string): boolean;
}

function isTokenDoc(doc: StoredDoc | null): doc is OneTimeTokenDoc {
  return (
    doc !== null &&
    typeof doc['purpose'] === 'string' &&
    typeof doc['userId'] === 'string' &&
    typeof doc['expiresAt'] === 'number'
  );
}

function addressHash(userId: string, email: string): string {
  return createHash('sha256')
    .update(`${userId}\n${normalizeEmail(email)}`)
    .digest('hex');
}

/**
 * Single-use, expiring tokens for mailed links. Looked up by id (read-your-writes on a cluster);
 * consuming one deletes it with the `_rev` it was read at, so of two uses at the same moment only one
 * succeeds. `cleanup` deletes expired ones.
 */
export class OneTimeTokens {
  private constructor(private readonly db: DocumentScope<StoredDoc>) {}

  /** Creates the database if missing (idempotent, safe from many instances). */
  static async open(store: CouchStore): Promise<OneTimeTokens> {
    return new OneTimeTokens(await ensureOwnDatabase(store, ONE_TIME_TOKEN_DATABASE));
  }

  /** The tokens of an organisation's store, whose set-up made the database. */
  static of(store: CouchStore): OneTimeTokens {
    return new OneTimeTokens(ownDatabase(store, ONE_TIME_TOKEN_DATABASE));
  }

  /** A new token for `user`'s address; the answer is the only copy of the token itself. */
  async issue(purpose: OneTimePurpose, user: { id: string; email: string }, now: number): Promise<string> {
    const token = newOneTimeToken();
    const doc: OneTimeTokenDoc = {
      _id: documentId(purpose, token),
      purpose,
      userId: user.id,
      addressHash: addressHash(user.id, user.email),
      createdAt: now,
      expiresAt: now + ONE_TIME_TOKEN_TTL_MS[purpose],
    };
    await this.db.insert(doc);
    return token;
  }

  /**
   * Uses up `token`: its grant, or null when it is unknown, spent, expired or for another purpose.
   * With `userId`, a token issued to another user is refused and left unused.
   */
  async consume(
    purpose: OneTimePurpose,
    token: string,
    now: number,
    userId?: string,
  ): Promise<OneTimeGrant | null> {
    if (!isOneTimeTokenShape(token)) return null;
    const doc = await this.read(documentId(purpose, token));
    if (!isTokenDoc(doc) || doc.purpose !== purpose || !doc._rev) return null;
    if (userId !== undefined && doc.userId !== userId) return null;
    try {
      await this.db.destroy(doc._id, doc._rev);
    } catch (error) {
      // Used a moment ago by another request: spent.
      if (statusOf(error) === 409 || statusOf(error) === 404) return null;
      throw error;
    }
    if (doc.expiresAt <= now) return null;
    return {
      userId: doc.userId,
      createdAt: doc.createdAt,
      isFor: (email) => addressHash(doc.userId, email) === doc.addressHash,
    };
  }

  /** Deletes expired tokens; answers how many. */
  async cleanup(now: number): Promise<number> {
    let deleted = 0;
    let startkey: string | undefined;
    for (;;) {
      const page = await this.db.list({
        include_docs: true,
        limit: 501,
        ...(startkey === undefined ? {} : { startkey }),
      });
      const rows = page.rows.slice(0, 500);
      const expired: OneTimeTokenDoc[] = [];
      for (const row of rows) {
        const doc: StoredDoc | null = row.doc ?? null;
        if (isTokenDoc(doc) && doc.expiresAt <= now) expired.push(doc);
      }
      if (expired.length > 0) {
        const results = await this.db.bulk({
          docs: expired.map((doc) => ({
            _id: doc._id,
            ...(doc._rev ? { _rev: doc._rev } : {}),
            _deleted: true,
          })),
        });
        deleted += results.filter((result) => !result.error).length;
      }
      const next = page.rows[500];
      if (!next) return deleted;
      startkey = next.id;
    }
  }

  private async read(id: string): Promise<StoredDoc | null> {
    try {
      return await this.db.get(id);
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }
}

function documentId(purpose: OneTimePurpose, token: string): string {
  return `${purpose}-${hashOneTimeToken(token)}`;
}
