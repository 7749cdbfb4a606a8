import type { ResumeRef } from '#shared/domain/candidate/candidate-schema';
import { readCachedResume, writeCachedResume, type CachedResume } from './file-store';
import { downloadResume } from './resume-api';

/**
 * The candidate's résumé: the cached copy when it is the current version, else downloaded and
 * cached. With no network, an older cached copy is better than nothing (`isStale` says so).
 */
export async function loadResume(
  localDataId: string,
  candidateId: string,
  resume: ResumeRef,
): Promise<{ cached: CachedResume; isStale: boolean }> {
  const cached = await readCachedResume(localDataId, candidateId);
  if (cached && cached.sha256 === resume.sha256) return { cached, isStale: false };
  try {
    const blob = await downloadResume(candidateId);
    const fresh: CachedResume = {
      candidateId,
      sha256: resume.sha256,
      fileName: resume.fileName,
      contentType: resume.contentType,
      blob,
      cachedAt: Date.now(),
    };
    await writeCachedResume(localDataId, fresh);
    return { cached: fresh, isStale: false };
  } catch (error) {
    if (cached) return { cached, isStale: true };
    throw error;
  }
}

/** Downloads résumés that are not cached yet (or outdated), so they open offline later; best effort. */
export async function prefetchResumes(
  localDataId: string,
  candidates: readonly { id: string; resume?: ResumeRef | undefined }[],
): Promise<void> {
  for (const candidate of candidates) {
    if (!candidate.resume) continue;
    try {
      await loadResume(localDataId, candidate.id, candidate.resume);
    } catch {
      return; // Offline or signed out: try again on the next occasion.
    }
  }
}
