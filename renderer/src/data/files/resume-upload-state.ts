import { RESUME_CONTENT_TYPES } from '#shared/domain/candidate/candidate-schema';

/** Largest résumé the server accepts (SPEC §6). */
export const MAX_RESUME_BYTES = 10 * 1024 * 1024;

const RESUME_EXTENSIONS = ['.pdf', '.docx'];

/** What the person picked, as far as the checks before uploading need it. */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  readonly type: string;
}

/**
 * A readable reason why `file` cannot be a résumé, or null. Only a first check, for a clear
 * message before anything is queued: the server judges the type by the file's content.
 */
export function resumeFileProblem(file: PickedFile): string | null {
  const name = file.name.toLowerCase();
  const hasKnownType = (RESUME_CONTENT_TYPES as readonly string[]).includes(file.type);
  const hasKnownExtension = RESUME_EXTENSIONS.some((extension) => name.endsWith(extension));
  if (!hasKnownType && !hasKnownExtension) return 'A résumé must be a PDF or a Word (.docx) document.';
  if (file.size === 0) return 'This file is empty.';
  if (file.size > MAX_RESUME_BYTES) return 'A résumé can be at most 10 MB.';
  return null;
}

/** A queued upload as the screens show it. */
export interface UploadStatus {
  readonly fileName: string;
  readonly queuedAt: number;
  readonly error?: string;
}

/** How one attempt to send a queued upload ended. */
export type UploadOutcome =
  | { readonly kind: 'sent' }
  | { readonly kind: 'unreachable' }
  | { readonly kind: 'refused'; readonly message: string };

/**
 * The queue entry after an attempt: gone once sent, kept as is while the server cannot be reached
 * (or the person must sign in again), kept with the reason when the server refused the file.
 */
export function afterAttempt(entry: UploadStatus, outcome: UploadOutcome): UploadStatus | null {
  if (outcome.kind === 'sent') return null;
  if (outcome.kind === 'unreachable') return entry;
  return { ...entry, error: outcome.message };
}

/** Whether an entry should be tried again: those refused wait for the person to pick another file. */
export function isRetryable(entry: UploadStatus): boolean {
  return entry.error === undefined;
}
