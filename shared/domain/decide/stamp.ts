import type { Actor } from '../common/roles';
import { toIso } from '../common/time';
import type { AnyDocument, CollectionName } from '../collections';
import type { IncomingDocument } from './decide-write';

/**
 * Sets the fields only the server may set (SPEC §2–§3), whatever the client sent: `updatedAt`,
 * `createdBy` of a new document, and `by` and `recordedAt` of every stage-history entry this write
 * adds. Earlier entries are left as sent, so tampering with them is still seen and refused. An
 * application carried on under a merge's survivor (`mergedFrom`) keeps the merged one's story as it
 * was recorded; the rules refuse it unless that story is copied exactly.
 */
export function stampServerFields(
  collection: CollectionName,
  actor: Actor,
  before: AnyDocument | null,
  after: IncomingDocument,
  now: number,
): IncomingDocument {
  const stamped: IncomingDocument = { ...after, updatedAt: now };
  if (collection === 'applications' && !before && typeof after['mergedFrom'] === 'string') return stamped;
  if (!before) stamped['createdBy'] = actor.id;
  if (collection === 'applications' && Array.isArray(after['stageHistory'])) {
    const keptCount = before && 'stageHistory' in before ? before.stageHistory.length : 0;
    const history: unknown[] = after['stageHistory'];
    stamped['stageHistory'] = history.map((entry, index) =>
      index >= keptCount && typeof entry === 'object' && entry !== null
        ? { ...entry, by: actor.id, recordedAt: toIso(now) }
        : entry,
    );
  }
  return stamped;
}
