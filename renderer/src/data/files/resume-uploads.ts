import { create } from 'zustand';
import { ApiError } from '../session/auth-api';
import { deleteQueuedUpload, readQueuedUploads, writeCachedResume, writeQueuedUpload } from './file-store';
import { uploadResume } from './resume-api';
import { afterAttempt, isRetryable, type UploadOutcome, type UploadStatus } from './resume-upload-state';

interface UploadQueueState {
  /** Queued uploads by candidate id. */
  readonly uploads: Readonly<Record<string, UploadStatus>>;
}

/** The résumé uploads waiting on this laptop (mirrors the `uploads` store, for the screens). */
export const useResumeUploadStore = create<UploadQueueState>(() => ({ uploads: {} }));

let flushing: Promise<void> | null = null;

/** Re-reads the queue into the store. */
export async function refreshUploadQueue(localDataId: string): Promise<void> {
  const queued = await readQueuedUploads(localDataId);
  useResumeUploadStore.setState({
    uploads: Object.fromEntries(
      queued.map(({ candidateId, fileName, queuedAt, error }) => [
        candidateId,
        error === undefined ? { fileName, queuedAt } : { fileName, queuedAt, error },
      ]),
    ),
  });
}

/** Persists an upload (so it survives closing the app), then tries to send it at once. */
export async function queueResumeUpload(localDataId: string, candidateId: string, file: File): Promise<void> {
  await writeQueuedUpload(localDataId, { candidateId, fileName: file.name, blob: file, queuedAt: Date.now() });
  await refreshUploadQueue(localDataId);
  await flushResumeUploads(localDataId);
}

async function attempt(localDataId: string, candidateId: string, fileName: string, blob: Blob): Promise<UploadOutcome> {
  try {
    const resume = await uploadResume(candidateId, fileName, blob);
    await writeCachedResume(localDataId, {
      candidateId,
      sha256: resume.sha256,
      fileName: resume.fileName,
      contentType: resume.contentType,
      blob,
      cachedAt: Date.now(),
    });
    return { kind: 'sent' };
  } catch (error) {
    // 401 here means the refresh was refused: the session asks for sign-in; keep the file for later.
    if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 401) {
      return { kind: 'refused', message: error.message };
    }
    return { kind: 'unreachable' };
  }
}

/** Sends every retryable queued upload, one at a time; stops at the first that cannot reach the server. */
export function flushResumeUploads(localDataId: string): Promise<void> {
  flushing ??= (async () => {
    for (const upload of await readQueuedUploads(localDataId)) {
      if (!isRetryable(upload)) continue;
      const outcome = await attempt(localDataId, upload.candidateId, upload.fileName, upload.blob);
      const next = afterAttempt(upload, outcome);
      if (next === null) await deleteQueuedUpload(localDataId, upload.candidateId);
      else if (next.error !== undefined) await writeQueuedUpload(localDataId, { ...upload, error: next.error });
      if (outcome.kind === 'unreachable') break;
    }
    await refreshUploadQueue(localDataId);
  })().finally(() => {
    flushing = null;
  });
  return flushing;
}

/** Drops a queued upload (a refused one the person dismisses). */
export async function discardQueuedUpload(localDataId: string, candidateId: string): Promise<void> {
  await deleteQueuedUpload(localDataId, candidateId);
  await refreshUploadQueue(localDataId);
}
