import type { RefusalCode } from '../domain/common/refusal';
import type { CollectionName } from '../domain/collections';

/**
 * The replication wire format of SPEC §5 (RxDB's protocol: checkpoint pull, push with assumed master
 * state). A document on the wire is the collection's document plus `_deleted`.
 */
export type WireDocument<T> = T & { _deleted: boolean };

/** Opaque to clients: they send back what the last pull returned. */
export type SyncCheckpoint = Readonly<Record<string, unknown>>;

/** `GET /api/sync/{collection}/pull` response. */
export interface PullResponse<T> {
  documents: WireDocument<T>[];
  checkpoint: SyncCheckpoint | null;
}

/** One row of `POST /api/sync/{collection}/push`. */
export interface PushRow<T> {
  assumedMasterState?: WireDocument<T> | null;
  newDocumentState: WireDocument<T>;
}

/** A write the server refused, with its reason. */
export interface PushRejection {
  id: string;
  code: RefusalCode | 'conflict';
  message: string;
}

/** `POST /api/sync/{collection}/push` response. */
export interface PushResponse<T> {
  conflicts: WireDocument<T>[];
  rejections: PushRejection[];
}

/** Server-Sent Events on `GET /api/sync/stream`. */
export type SyncStreamEvent =
  { type: 'change'; collection: CollectionName } | { type: 'RESYNC' } | { type: 'wipe' };

/** Largest pull batch the server returns. */
export const MAX_PULL_LIMIT = 500;
/** Largest push batch the server accepts. */
export const MAX_PUSH_ROWS = 500;

/** The error body of every 4xx and 5xx (SPEC §5). */
export interface ApiErrorBody {
  error: { code: string; message: string };
}

/** `POST /api/auth/password-reset` body: where to mail a reset link (SPEC §4). */
export interface PasswordResetRequest {
  email: string;
}

/** `POST /api/auth/password-reset/confirm` body: the token of the mailed link and the new password. */
export interface PasswordResetConfirmation {
  token: string;
  password: string;
}

/** `POST /api/auth/verify` body: the token of the mailed verification link. */
export interface EmailVerification {
  token: string;
}

/**
 * The answer of register and password-reset requests, the same whether or not an account has the
 * address: it says what to do next, never what happened.
 */
export interface CheckEmailResponse {
  status: 'check_email';
  message: string;
}

/** Shortest password the server accepts for a new account or a reset. */
export const MIN_PASSWORD_LENGTH = 8;
