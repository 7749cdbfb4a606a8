import { documentContent } from '#shared/domain/common/document-content';
import type { CollectionName } from '#shared/domain/collections';
import type { ShortlistDatabase } from './database';
import { describeDocument } from './document-summary';
import { fnv1a } from './hash';

export interface Refusal {
  readonly collection: CollectionName;
  readonly documentId: string;
  readonly code: string;
  readonly message: string;
  /** The person's own version of the document. */
  readonly ownVersion: Readonly<Record<string, unknown>>;
}

/**
 * Keeps a refused change in the local list (SPEC §3, "Rejected writes"). The same refusal reported
 * twice (a retried push) is stored once: the id is derived from the document and its content.
 */
export async function recordRefusal(db: ShortlistDatabase, refusal: Refusal): Promise<void> {
  const ownVersion = JSON.stringify(documentContent(refusal.ownVersion), null, 2);
  await db.refused.upsert({
    id: `${refusal.collection}:${refusal.documentId}:${fnv1a(ownVersion)}`,
    documentCollection: refusal.collection,
    documentId: refusal.documentId,
    code: refusal.code,
    message: refusal.message,
    summary: await summarize(db, refusal),
    ownVersion,
    refusedAt: Date.now(),
  });
}

async function summarize(db: ShortlistDatabase, refusal: Refusal): Promise<string> {
  if (refusal.collection !== 'applications') return describeDocument(refusal.collection, refusal.ownVersion);
  const { jobId, candidateId, stage } = refusal.ownVersion;
  const [job, candidate] = await Promise.all([
    db.jobs.findOne(String(jobId)).exec(),
    db.candidates.findOne(String(candidateId)).exec(),
  ]);
  const person = candidate ? `${candidate.firstName} ${candidate.lastName}` : String(candidateId);
  return `Application of ${person} to ${job?.title ?? String(jobId)} (moved to ${String(stage)})`;
}
