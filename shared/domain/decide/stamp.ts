import { jsonEqual } from '../common/equality';
import type { Actor } from '../common/roles';
import { toIso } from '../common/time';
import type { AnyDocument, CollectionName } from '../collections';
import type { IncomingDocument } from './decide-write';

/**
 * Sets the fields only the server may set (SPEC §2–§3), whatever the client sent: `updatedAt`,
 * `createdBy` of a new document, `by` and `recordedAt` of every stage-history entry this write
 * adds, and `editedAt` of a comment whose words change without a new date of the edit (the app dates
 * its edits when they are made, offline too; another client's undated rewrite is dated on arrival). Earlier entries are left as sent, so tampering with them is still seen and refused. An
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
  if (collection === 'comments' && before && 'body' in before && isUndatedRewrite(before, after)) {
    stamped['editedAt'] = toIso(now);
  }
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

/** Whether a comment's words or mentions change while its `editedAt` does not. */
function isUndatedRewrite(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): boolean {
  const isRewritten =
    !jsonEqual(before['body'], after['body']) || !jsonEqual(before['mentions'], after['mentions']);
  return isRewritten && jsonEqual(before['editedAt'], after['editedAt']);
}
