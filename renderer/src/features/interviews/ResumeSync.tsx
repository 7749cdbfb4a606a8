import { useEffect } from 'react';
import { InterviewedCandidates } from '../../data/aggregates/interviewed-candidates';
import { useCollectionFold } from '../../data/hooks/use-collection-fold';
import { useCurrentUser, useDb, useLocalDataId } from '../../data/hooks/use-database';
import { prefetchResumes } from '../../data/files/resume-cache';
import { flushResumeUploads, refreshUploadQueue } from '../../data/files/resume-uploads';
import { useSessionStore } from '../../data/session/session-store';

const RETRY_MS = 30_000;
/**
 * The browser says "online" as soon as a network is there, often before requests get through: the
 * first attempts after it are spread over a few seconds rather than left to the half-minute retry.
 */
const AFTER_ONLINE_MS = [0, 1_000, 3_000, 7_000];

/**
 * Background work for résumés, mounted once in the shell: sends queued uploads on reconnect (and
 * every half minute while any wait), and downloads the résumés of the candidates I interview so
 * they open offline. Renders nothing.
 */
export function ResumeSync() {
  const db = useDb();
  const user = useCurrentUser();
  const localDataId = useLocalDataId();
  const isActive = useSessionStore((state) => state.status === 'active');

  useEffect(() => {
    void refreshUploadQueue(localDataId);
    if (!isActive) return undefined;
    const flush = () => void flushResumeUploads(localDataId);
    const soon = new Set<ReturnType<typeof setTimeout>>();
    const onOnline = () => {
      for (const delay of AFTER_ONLINE_MS) {
        const timeout = setTimeout(() => {
          soon.delete(timeout);
          flush();
        }, delay);
        soon.add(timeout);
      }
    };
    flush();
    window.addEventListener('online', onOnline);
    const timer = setInterval(flush, RETRY_MS);
    return () => {
      window.removeEventListener('online', onOnline);
      clearInterval(timer);
      soon.forEach(clearTimeout);
    };
  }, [localDataId, isActive]);

  // The candidates I interview, from a fold of the interviews (not a live query over all of them).
  const interviewed = useCollectionFold(
    db.interviews,
    `interviewed-candidates:${user.id}`,
    () => new InterviewedCandidates(user.id),
  );
  const candidateIds = interviewed?.fold.candidateIds();
  useEffect(() => {
    if (!isActive || !candidateIds || candidateIds.length === 0) return undefined;
    // Live: a candidate that syncs after their interview, or gets a new résumé, is fetched then.
    const subscription = db.candidates.findByIds([...candidateIds]).$.subscribe((found) => {
      void prefetchResumes(
        localDataId,
        [...found.values()].map((doc) => doc.toMutableJSON()),
      );
    });
    return () => subscription.unsubscribe();
  }, [db, candidateIds, localDataId, isActive]);

  return null;
}
