import { useEffect, useState } from 'react';
import type { ResumeRef } from '#shared/domain/candidate/candidate-schema';
import { useLocalDataId } from '../hooks/use-database';
import { useSyncStatusStore } from '../sync/sync-status-store';
import { readCachedResume, useResumeCacheWrites, type CachedResume } from './file-store';
import { loadResume } from './resume-cache';

/** A résumé ready to show: an object URL over the cached bytes. */
export type ResumeView =
  | { readonly status: 'none' }
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly url: string; readonly fileName: string; readonly contentType: string; readonly isStale: boolean }
  | { readonly status: 'unavailable'; readonly message: string };

/**
 * The candidate's résumé from the local cache, downloaded (and cached) when missing or outdated.
 * Looked at again when the network comes back and when this candidate's cached copy is written (an
 * upload sent, a download finished elsewhere), so "not on this device yet" does not outlive the fact.
 * A file uploaded here after `knownAt` (the candidate version this screen has) shows at once, before
 * the candidate's new résumé reference comes back from the server.
 */
export function useResume(candidateId: string, resume: ResumeRef | undefined, knownAt = 0): ResumeView {
  const localDataId = useLocalDataId();
  const [view, setView] = useState<ResumeView>({ status: resume ? 'loading' : 'none' });
  const sha256 = resume?.sha256;
  const isOnline = useSyncStatusStore((state) => state.isOnline);
  const cacheWrites = useResumeCacheWrites((state) => state.writes[candidateId] ?? 0);
  useEffect(() => {
    let url: string | null = null;
    let isCurrent = true;
    const show = (cached: CachedResume, isStale: boolean) => {
      url = URL.createObjectURL(cached.blob);
      setView({ status: 'ready', url, fileName: cached.fileName, contentType: cached.contentType, isStale });
    };
    if (!resume) {
      setView({ status: 'none' });
      void readCachedResume(localDataId, candidateId).then((cached) => {
        if (isCurrent && cached && cached.cachedAt > knownAt) show(cached, false);
      });
      return () => {
        isCurrent = false;
        if (url) URL.revokeObjectURL(url);
      };
    }
    setView({ status: 'loading' });
    loadResume(localDataId, candidateId, resume).then(
      ({ cached, isStale }) => {
        if (isCurrent) show(cached, isStale);
      },
      () => {
        if (isCurrent) {
          setView({
            status: 'unavailable',
            message: 'The résumé is not on this device yet; it downloads the next time you are online.',
          });
        }
      },
    );
    return () => {
      isCurrent = false;
      if (url) URL.revokeObjectURL(url);
    };
    // The reference's hash says which file it is; the rest of the object may be a new instance.
  }, [localDataId, candidateId, sha256, isOnline, cacheWrites, knownAt]);
  return view;
}
