import { describe, expect, it } from 'vitest';
import type { CollectionName } from '#shared/domain/collections';
import { firstDownloadText } from '../../features/sync/first-download-text';
import { firstDownloadPercent, summarizeFirstDownload, type CollectionDownload } from './first-download';

const COLLECTIONS: readonly CollectionName[] = ['jobs', 'candidates', 'applications'];

function summary(downloads: Partial<Record<CollectionName, CollectionDownload>>) {
  const byName = new Map<CollectionName, CollectionDownload>();
  for (const name of COLLECTIONS) {
    const download = downloads[name];
    if (download) byName.set(name, download);
  }
  return summarizeFirstDownload(COLLECTIONS, byName);
}

describe('the first download’s summary', () => {
  it('has no total until every collection said its size or finished', () => {
    const partial = summary({
      jobs: { held: 40, estimatedTotal: 40, isDone: true },
      candidates: { held: 1_200, estimatedTotal: 9_000, isDone: false },
    });
    expect(partial).toMatchObject({ documents: 1_240, estimatedTotal: null, collectionsDone: 1, collectionsTotal: 3 });
    expect(firstDownloadPercent(partial)).toBeNull();
    expect(firstDownloadText(partial)).toBe(`${(1_240).toLocaleString()} documents so far`);
  });

  it('sums the sizes, and a finished collection counts what it holds instead of what was said', () => {
    const mid = summary({
      jobs: { held: 38, estimatedTotal: 41, isDone: true },
      candidates: { held: 3_400, estimatedTotal: 9_000, isDone: false },
      applications: { held: 0, estimatedTotal: 9_192, isDone: false },
    });
    expect(mid).toMatchObject({ documents: 3_438, estimatedTotal: 18_230 });
    expect(firstDownloadPercent(mid)).toBe(18);
    expect(firstDownloadText(mid)).toBe(`${(3_438).toLocaleString()} of about ${(18_230).toLocaleString()} documents`);
  });

  it('never counts a collection beyond its size, nor says a total below what is here', () => {
    const over = summary({
      jobs: { held: 50, estimatedTotal: 40, isDone: false },
      candidates: { held: 0, estimatedTotal: 0, isDone: true },
      applications: { held: 0, estimatedTotal: 0, isDone: true },
    });
    expect(over).toMatchObject({ documents: 40, estimatedTotal: 40 });
    expect(firstDownloadPercent(over)).toBe(100);
    expect(firstDownloadText({ ...over, documents: 45 })).toBe('45 of about 45 documents');
  });

  it('reads an empty organisation as done only when every collection is', () => {
    const empty = { held: 0, estimatedTotal: 0, isDone: false };
    expect(firstDownloadPercent(summary({ jobs: empty, candidates: empty, applications: empty }))).toBe(0);
    const done = { ...empty, isDone: true };
    expect(firstDownloadPercent(summary({ jobs: done, candidates: done, applications: done }))).toBe(100);
  });
});
