import type { CollectionName } from '#shared/domain/collections';

/** One collection's part of the first download. */
export interface CollectionDownload {
  /** Documents of the collection on this device now (counted, not added up from what arrived). */
  readonly held: number;
  /** About how many the server has for this reader (its last word on it); null until it said. */
  readonly estimatedTotal: number | null;
  /** Its first download finished: what is held is all there is. */
  readonly isDone: boolean;
}

/** The first download as the bar shows it. */
export interface FirstDownloadSummary {
  /** Documents on this device, counting no collection beyond its total. */
  readonly documents: number;
  /**
   * About how many there will be: known once every collection is done or said its size (an older
   * server never does: null). Always an estimate (writes go on meanwhile): show it as "about".
   */
  readonly estimatedTotal: number | null;
  readonly collectionsDone: number;
  readonly collectionsTotal: number;
}

/** Sums the collections' downloads; a finished collection counts what it holds, whatever was said. */
export function summarizeFirstDownload(
  collections: readonly CollectionName[],
  downloads: ReadonlyMap<CollectionName, CollectionDownload>,
): FirstDownloadSummary {
  let documents = 0;
  let estimatedTotal: number | null = 0;
  let collectionsDone = 0;
  for (const name of collections) {
    const download = downloads.get(name) ?? { held: 0, estimatedTotal: null, isDone: false };
    if (download.isDone) collectionsDone += 1;
    const total = download.isDone ? download.held : download.estimatedTotal;
    documents += total === null ? download.held : Math.min(download.held, total);
    estimatedTotal = estimatedTotal === null || total === null ? null : estimatedTotal + total;
  }
  return { documents, estimatedTotal, collectionsDone, collectionsTotal: collections.length };
}

/** How far along the first download is, 0–100; null while its size is not known. */
export function firstDownloadPercent(summary: FirstDownloadSummary): number | null {
  if (summary.estimatedTotal === null) return null;
  if (summary.estimatedTotal === 0) return summary.collectionsDone === summary.collectionsTotal ? 100 : 0;
  return Math.min(100, Math.floor((summary.documents / summary.estimatedTotal) * 100));
}
