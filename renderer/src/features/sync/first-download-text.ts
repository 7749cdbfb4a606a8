import type { FirstDownloadSummary } from '../../data/sync/first-download';

/** The bar's words: how many are here and, once the server said, about how many there will be. */
export function firstDownloadText(summary: FirstDownloadSummary): string {
  const documents = summary.documents.toLocaleString();
  if (summary.estimatedTotal === null) return `${documents} documents so far`;
  // Never below what is here: writes go on while the download runs.
  const total = Math.max(summary.estimatedTotal, summary.documents).toLocaleString();
  return `${documents} of about ${total} documents`;
}
