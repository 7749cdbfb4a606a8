import { map } from 'rxjs';
import type { ShortlistDatabase } from './database';
import { useDb } from './hooks/use-database';
import { useObservableValue } from './hooks/use-live-query';
import { scorecardDraftId, type ScorecardDraft } from './local-schemas';

/** The draft's editable part. */
export interface ScorecardDraftFields {
  rating: number;
  recommendation: string;
  notes: string;
  /** Ratings of the kit's attributes as typed (0: not rated yet); none when the interview has no kit. */
  attributeRatings?: readonly { attributeId: string; rating: number; note: string }[];
}

/** Saves (or overwrites) the person's draft for an interview. */
export async function saveScorecardDraft(
  db: ShortlistDatabase,
  interviewId: string,
  interviewerId: string,
  fields: ScorecardDraftFields,
): Promise<void> {
  await db.scorecarddrafts.upsert({
    id: scorecardDraftId(interviewId, interviewerId),
    interviewId,
    interviewerId,
    rating: fields.rating,
    recommendation: fields.recommendation,
    notes: fields.notes,
    attributeRatings: (fields.attributeRatings ?? []).map((entry) => ({ ...entry })),
    savedAt: Date.now(),
  });
}

export async function readScorecardDraft(
  db: ShortlistDatabase,
  interviewId: string,
  interviewerId: string,
): Promise<ScorecardDraft | null> {
  const doc = await db.scorecarddrafts.findOne(scorecardDraftId(interviewId, interviewerId)).exec();
  return doc?.toMutableJSON() ?? null;
}

export async function deleteScorecardDraft(db: ShortlistDatabase, interviewId: string, interviewerId: string): Promise<void> {
  const doc = await db.scorecarddrafts.findOne(scorecardDraftId(interviewId, interviewerId)).exec();
  await doc?.remove();
}

/** Ids of the interviews the person has an unsubmitted draft for (live). */
export function useDraftInterviewIds(interviewerId: string): ReadonlySet<string> {
  const db = useDb();
  return (
    useObservableValue(
      () =>
        db.scorecarddrafts
          .find({ selector: { interviewerId } })
          .$.pipe(map((docs) => new Set(docs.map((doc) => doc.interviewId)))),
      [db, interviewerId],
    ) ?? new Set<string>()
  );
}
