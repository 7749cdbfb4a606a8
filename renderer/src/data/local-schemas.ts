import type { RxJsonSchema } from 'rxdb';
import type { CollectionName } from '#shared/domain/collections';

/**
 * Local-only collections: they never replicate. They live in the same per-user database as the
 * replicated ones, so every window of the app sees them.
 */

/** A change the server refused (SPEC §3, "Rejected writes"), kept so nothing typed is lost. */
export interface RefusedChange {
  id: string;
  /** The replicated collection of the document (not `collection`: RxDB documents have that property). */
  documentCollection: CollectionName;
  documentId: string;
  code: string;
  message: string;
  /** What the change was about, in words ("Application Ada Lovelace → Senior Backend Engineer"). */
  summary: string;
  /** The person's own version of the document, as JSON, to copy from. */
  ownVersion: string;
  refusedAt: number;
}

/** A local write not yet accepted by the server. One per document; rewritten on every local write. */
export interface PendingChange {
  id: string;
  /** The replicated collection of the document (not `collection`: RxDB documents have that property). */
  documentCollection: CollectionName;
  documentId: string;
  writtenAt: number;
}

/** Small per-user facts about syncing, shared by every window. */
export interface SyncMeta {
  id: string;
  lastSyncAt: number;
  initialSyncDone: boolean;
}

/**
 * A replicated collection's name. Not an enum of today's collections: a new collection would then
 * change these local schemas too (and need their migration).
 */
const collectionField = { type: 'string', maxLength: 40 } as const;

/**
 * Version 1: `documentCollection` is any collection name (it was an enum of the first five). The
 * documents themselves are unchanged.
 */
export const LOCAL_CHANGE_MIGRATIONS = { 1: (document: unknown) => document } as const;
const millis = { type: 'integer', minimum: 0, maximum: 9_999_999_999_999, multipleOf: 1 } as const;

export const refusedChangeSchema: RxJsonSchema<RefusedChange> = {
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 300 },
    documentCollection: collectionField,
    documentId: { type: 'string', maxLength: 140 },
    code: { type: 'string', maxLength: 60 },
    message: { type: 'string', maxLength: 2_000 },
    summary: { type: 'string', maxLength: 500 },
    ownVersion: { type: 'string', maxLength: 1_000_000 },
    refusedAt: millis,
  },
  required: ['id', 'documentCollection', 'documentId', 'code', 'message', 'summary', 'ownVersion', 'refusedAt'],
  indexes: ['refusedAt'],
};

export const pendingChangeSchema: RxJsonSchema<PendingChange> = {
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 200 },
    documentCollection: collectionField,
    documentId: { type: 'string', maxLength: 140 },
    writtenAt: millis,
  },
  required: ['id', 'documentCollection', 'documentId', 'writtenAt'],
};

export const syncMetaSchema: RxJsonSchema<SyncMeta> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    lastSyncAt: millis,
    initialSyncDone: { type: 'boolean' },
  },
  required: ['id', 'lastSyncAt', 'initialSyncDone'],
};

/**
 * A scorecard being written, saved locally as the interviewer types (never replicated). One per
 * interview and author; deleted once the scorecard is submitted.
 */
export interface ScorecardDraft {
  /** `scorecardDraftId(interviewId, interviewerId)`. */
  id: string;
  interviewId: string;
  interviewerId: string;
  /** 0 while no rating is chosen yet. */
  rating: number;
  /** '' while no recommendation is chosen yet. */
  recommendation: string;
  notes: string;
  /** Ratings of the kit's focus attributes (0 while not rated yet); absent in drafts of version 0. */
  attributeRatings?: { attributeId: string; rating: number; note: string }[];
  savedAt: number;
}

export const scorecardDraftSchema: RxJsonSchema<ScorecardDraft> = {
  // 1: the optional attribute ratings (issue 19).
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 300 },
    interviewId: { type: 'string', maxLength: 140 },
    interviewerId: { type: 'string', maxLength: 140 },
    rating: { type: 'integer', minimum: 0, maximum: 5 },
    recommendation: { type: 'string', maxLength: 20 },
    notes: { type: 'string', maxLength: 20_000 },
    attributeRatings: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        properties: {
          attributeId: { type: 'string', maxLength: 64 },
          rating: { type: 'integer', minimum: 0, maximum: 5 },
          note: { type: 'string', maxLength: 4_000 },
        },
        required: ['attributeId', 'rating', 'note'],
        additionalProperties: false,
      },
    },
    savedAt: millis,
  },
  required: ['id', 'interviewId', 'interviewerId', 'rating', 'recommendation', 'notes', 'savedAt'],
};

/** Migrations of the scorecard drafts: version 1 only added an optional field. */
export const scorecardDraftMigrations = { 1: <T>(draft: T): T => draft };

/** The id of a scorecard draft: one per interview and author. */
export function scorecardDraftId(interviewId: string, interviewerId: string): string {
  return `${interviewId}:${interviewerId}`;
}

/** The id of a document's pending-change marker. */
export function pendingChangeId(collection: CollectionName, documentId: string): string {
  return `${collection}:${documentId}`;
}
