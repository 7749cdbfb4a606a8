import { create } from 'zustand';
import { COLLECTIONS } from '#shared/domain/collections';
import { summarizeFirstDownload, type FirstDownloadSummary } from './first-download';

/** The first download before anything was counted. */
export const NO_FIRST_DOWNLOAD: FirstDownloadSummary = summarizeFirstDownload(COLLECTIONS, new Map());

/** The replication's live state in this window (the database's meta holds what outlives it). */
export interface SyncStatus {
  readonly isOnline: boolean;
  /**
   * The live stream is connected (in the leading window); false once it failed or dropped, when
   * changes come by timed pulls only; null before it was tried.
   */
  readonly isLive: boolean | null;
  /** The pause before the next timed pull, while the stream is silent or down. */
  readonly fallbackPullMs: number | null;
  /** This window runs the replication (the others share its results through the database). */
  readonly isLeader: boolean;
  readonly isSyncing: boolean;
  /** How far the first download is (in the leading window): documents here, about how many to come. */
  readonly firstDownload: FirstDownloadSummary;
  readonly lastError: string | null;
}

export const useSyncStatusStore = create<SyncStatus>(() => ({
  isOnline: typeof navigator === 'undefined' ? true : navigator.onLine,
  isLive: null,
  fallbackPullMs: null,
  isLeader: false,
  isSyncing: false,
  firstDownload: NO_FIRST_DOWNLOAD,
  lastError: null,
}));

export function updateSyncStatus(patch: Partial<SyncStatus>): void {
  useSyncStatusStore.setState(patch);
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => updateSyncStatus({ isOnline: true }));
  window.addEventListener('offline', () => updateSyncStatus({ isOnline: false }));
}
