import { useEffect, useState } from 'react';
import type { ResumeRef } from '#shared/domain/candidate/candidate-schema';
import { useLocalDataId } from '../hooks/use-database';
import { useSyncStatusStore } from '../sync/sync-status-store';
import { useResumeCacheWrites } from './file-store';
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
 */
export function useResume(candidateId: string, resume: ResumeRef | undefined): ResumeView {
  const localDataId = useLocalDataId();
  const [view, setView] = useState<ResumeView>({ status: resume ? 'loading' : 'none' });
  const sha256 = resume?.sha256;
  const isOnline = useSyncStatusStore((state) => state.isOnline);
  const cacheWrites = useResumeCacheWrites((state) => state.writes[candidateId] ?? 0);
  useEffect(() => {
    if (!resume) {
      setView({ status: 'none' });
      return undefined;
    }
    let url: string | null = null;
    let isCurrent = true;
    setView({ status: 'loading' });
    loadResume(localDataId, candidateId, resume).then(
      ({ cached, isStale }) => {
        if (!isCurrent) return;
        url = URL.createObjectURL(cached.blob);
        setView({ status: 'ready', url, fileName: cached.fileName, contentType: cached.contentType, isStale });
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
  }, [localDataId, candidateId, sha256, isOnline, cacheWrites]);
  return view;
}
