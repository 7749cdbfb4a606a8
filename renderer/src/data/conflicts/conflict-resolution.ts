import type { Application, StageHistoryEntry } from '#shared/domain/application/application-schema';
import { changedFields, jsonEqual } from '#shared/domain/common/equality';
import type { Actor } from '#shared/domain/common/roles';
import type { Interview, Scorecard } from '#shared/domain/interview/interview-schema';
import { decideWrite } from '#shared/domain/decide/decide-write';
import { documentContent } from '#shared/domain/common/document-content';
import type { WriteContext } from '#shared/domain/decide/write-context';
import { parseDocumentOf, type AnyDocument, type CollectionName } from '#shared/domain/collections';

/** A document as replication sees it: its fields and the tombstone flag. */
export type ReplicatedDocument = Record<string, unknown> & { _deleted: boolean };

export interface ConflictInput {
  readonly assumedMasterState?: ReplicatedDocument | undefined;
  readonly realMasterState: ReplicatedDocument;
  readonly newDocumentState: ReplicatedDocument;
}

/**
 * What to do with a push conflict: the two versions say the same; the local change was re-applied
 * on top of the server's version; or the server's version wins, and whether the person's own
 * version must go to the refused-changes list (it had changes of its own that are now lost).
 */
export type ConflictOutcome =
  | { readonly kind: 'same' }
  | { readonly kind: 'merged'; readonly document: ReplicatedDocument }
  | { readonly kind: 'server_wins'; readonly keepsOwnVersion: boolean };

/** The message of a local change lost to someone else's newer one. */
export const CONFLICT_MESSAGE = 'Someone else changed this first.';

const SERVER_FIELDS = ['updatedAt'];
const CREATION_FIELDS = ['updatedAt', 'createdBy', 'createdAt', 'stageHistory'];
const STAGE_FIELDS = ['stage', 'stageHistory', 'rejection'];

/** Whether two replicated states are the same document content (replication bookkeeping aside). */
export function isSameDocumentState(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return Boolean(a['_deleted']) === Boolean(b['_deleted']) && jsonEqual(documentContent(a), documentContent(b));
}

/**
 * Decides a conflict: re-applies the person's change on top of the server's newer version when both
 * can stand under the shared rules (different fields; a stage move still valid from the new stage;
 * each interviewer's own scorecard), otherwise lets the server win.
 */
export function resolveConflict(
  collection: CollectionName,
  input: ConflictInput,
  actor: Actor,
  context: WriteContext,
): ConflictOutcome {
  const { assumedMasterState: base, realMasterState: theirs, newDocumentState: mine } = input;
  if (isSameDocumentState(theirs, mine)) return { kind: 'same' };
  if (!base) {
    // Both sides created the document (e.g. the same candidate added to the same job twice).
    const ownChanges = changedFields(documentContent(theirs), documentContent(mine), CREATION_FIELDS);
    return { kind: 'server_wins', keepsOwnVersion: ownChanges.length > 0 };
  }
  if (theirs._deleted || mine._deleted || base._deleted) return { kind: 'server_wins', keepsOwnVersion: true };
  const merged = mergeChanges(collection, base, theirs, mine, actor);
  if (!merged) return { kind: 'server_wins', keepsOwnVersion: true };
  if (isSameDocumentState(theirs, merged)) return { kind: 'server_wins', keepsOwnVersion: false };
  const document = withoutUndefinedFields(merged);
  const decision = decideWrite(actor, collection, documentContent(theirs) as AnyDocument, document, context);
  return decision.ok ? { kind: 'merged', document } : { kind: 'server_wins', keepsOwnVersion: true };
}

/** Three-way merge by field; null when both sides changed the same thing differently. */
function mergeChanges(
  collection: CollectionName,
  base: ReplicatedDocument,
  theirs: ReplicatedDocument,
  mine: ReplicatedDocument,
  actor: Actor,
): ReplicatedDocument | null {
  const baseContent = documentContent(base);
  const mineChanged = changedFields(baseContent, documentContent(mine), SERVER_FIELDS);
  const theirsChanged = changedFields(baseContent, documentContent(theirs), SERVER_FIELDS);
  const merged: ReplicatedDocument = { ...documentContent(theirs), _deleted: false };
  const overlapping = mineChanged.filter((field) => theirsChanged.includes(field) && !jsonEqual(mine[field], theirs[field]));
  const isStageRebase = collection === 'applications' && mineChanged.includes('stage') && theirsChanged.includes('stage');
  for (const field of mineChanged) {
    if (isStageRebase && STAGE_FIELDS.includes(field)) continue;
    if (!overlapping.includes(field)) {
      merged[field] = mine[field];
    } else if (collection === 'interviews' && field === 'scorecards') {
      const cards = [base, theirs, mine].map((version) => parseDocumentOf('interviews', documentContent(version)));
      const [baseCards, theirCards, myCards] = cards;
      if (!baseCards?.ok || !theirCards?.ok || !myCards?.ok) return null;
      merged[field] = mergeScorecards(baseCards.value, theirCards.value, myCards.value);
    } else {
      return null;
    }
  }
  if (!isStageRebase) return merged;
  const [theirApplication, myApplication] = [theirs, mine].map((version) =>
    parseDocumentOf('applications', documentContent(version)),
  );
  if (!theirApplication?.ok || !myApplication?.ok) return null;
  const rebased = rebaseStageMove(theirApplication.value, myApplication.value, actor);
  return rebased ? { ...merged, ...rebased } : null;
}

/** Each interviewer's own scorecard: the cards I changed, over the server's cards. */
function mergeScorecards(base: Interview, theirs: Interview, mine: Interview): Scorecard[] {
  const baseCards = new Map(base.scorecards.map((card) => [card.interviewerId, card]));
  const result = new Map(theirs.scorecards.map((card) => [card.interviewerId, card]));
  for (const card of mine.scorecards) {
    if (!jsonEqual(card, baseCards.get(card.interviewerId))) result.set(card.interviewerId, card);
  }
  return [...result.values()];
}

/**
 * My stage move, replayed from the stage the server now has. Both moved to the same stage: nothing
 * to replay (returns the server's fields). The final rule check (`decideWrite`) judges the result.
 */
function rebaseStageMove(theirs: Application, mine: Application, actor: Actor): Record<string, unknown> | null {
  if (theirs.stage === mine.stage) {
    return { stage: theirs.stage, stageHistory: theirs.stageHistory, rejection: theirs.rejection };
  }
  const myEntry = mine.stageHistory.at(-1);
  if (!myEntry) return null;
  const entry: StageHistoryEntry = { ...myEntry, from: theirs.stage, by: actor.id };
  const rejection = mine.stage === 'rejected' && mine.rejection ? { ...mine.rejection, atStage: theirs.stage } : theirs.rejection;
  return { stage: mine.stage, stageHistory: [...theirs.stageHistory, entry], rejection };
}

function withoutUndefinedFields(document: ReplicatedDocument): ReplicatedDocument {
  return Object.fromEntries(Object.entries(document).filter(([, value]) => value !== undefined)) as ReplicatedDocument;
}
