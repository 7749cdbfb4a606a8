import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CollectionName } from '#shared/domain/collections';
import type { SyncCheckpoint } from '#shared/sync/protocol';

/**
 * What a pull checkpoint says (SPEC §5). It travels through the client, so the server signs it and
 * binds it to the reader, the collection and the store; the client only ever sends it back.
 */
export interface CheckpointClaims {
  /** The store's `_changes` sequence read up to (opaque, never compared). */
  readonly seq: string;
  /** How the reader read when it was issued: everything, or an interviewer's slice. */
  readonly reader: 'full' | 'interviewer';
  /** Interviewers: the content hash of the id set their laptop holds (a server-side snapshot). */
  readonly scope?: string;
  /**
   * A demoted reader's laptop is being cleared: documents created up to this time (ms), which they
   * could read as a full reader, get removal tombstones until the replay ends.
   */
  readonly purgeUntil?: number;
  /** When it was issued, in ms of the server's clock. */
  readonly issuedAt: number;
}

/** Whom and what a checkpoint is bound to. */
export interface CheckpointBinding {
  readonly userId: string;
  readonly collection: CollectionName;
  /** The store's identity: a checkpoint of another store (a move to CouchDB, a restore) is not ours. */
  readonly storeId: string;
}

/** The wire form: the claims in short fields, and the signature over them and the binding. */
interface SealedCheckpoint {
  readonly v: 1;
  readonly seq: string;
  readonly r: 'full' | 'interviewer';
  readonly s?: string;
  readonly p?: number;
  readonly t: number;
  readonly sig: string;
}

/** The key of checkpoint signatures, derived from the server's secret (never the secret itself). */
export function checkpointKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('shortlist pull checkpoint v1').digest();
}

function signature(key: Buffer, binding: CheckpointBinding, claims: CheckpointClaims): string {
  const signed = [
    1,
    binding.userId,
    binding.collection,
    binding.storeId,
    claims.seq,
    claims.reader,
    claims.scope ?? null,
    claims.purgeUntil ?? null,
    claims.issuedAt,
  ];
  return createHmac('sha256', key).update(JSON.stringify(signed)).digest('base64url');
}

/** The checkpoint a pull answers with. */
export function sealCheckpoint(
  key: Buffer,
  binding: CheckpointBinding,
  claims: CheckpointClaims,
): SealedCheckpoint & SyncCheckpoint {
  return {
    v: 1,
    seq: claims.seq,
    r: claims.reader,
    ...(claims.scope === undefined ? {} : { s: claims.scope }),
    ...(claims.purgeUntil === undefined ? {} : { p: claims.purgeUntil }),
    t: claims.issuedAt,
    sig: signature(key, binding, claims),
  };
}

function claimsOf(record: Readonly<Record<string, unknown>>): CheckpointClaims | null {
  const { seq, r, s, p, t } = record;
  const isShaped =
    record['v'] === 1 &&
    typeof seq === 'string' &&
    seq.length > 0 &&
    (r === 'full' || r === 'interviewer') &&
    (s === undefined || (typeof s === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(s))) &&
    (p === undefined || Number.isSafeInteger(p)) &&
    Number.isSafeInteger(t);
  if (!isShaped) return null;
  return {
    seq,
    reader: r,
    ...(typeof s === 'string' ? { scope: s } : {}),
    ...(typeof p === 'number' ? { purgeUntil: p } : {}),
    issuedAt: Number(t),
  };
}

/**
 * The claims of a checkpoint this server issued to this reader for this collection and store, or
 * null for any other (forged, altered, another user's, another collection's or store's): the pull
 * then starts again from what the reader may read now.
 */
export function openCheckpoint(
  key: Buffer,
  binding: CheckpointBinding,
  value: unknown,
): CheckpointClaims | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record: Readonly<Record<string, unknown>> = { ...value };
  const claims = claimsOf(record);
  const presented = record['sig'];
  if (!claims || typeof presented !== 'string') return null;
  const expected = Buffer.from(signature(key, binding, claims));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected) ? claims : null;
}
