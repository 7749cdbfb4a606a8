import { useEffect, useMemo, useState } from 'react';
import { parseDocumentOf, type CollectionName } from '#shared/domain/collections';
import type { Decision } from '#shared/domain/common/refusal';
import type { Actor } from '#shared/domain/common/roles';
import { documentContent } from '#shared/domain/common/document-content';
import { useActor, useDb } from '../hooks/use-database';
import { useJob, useLiveDocument, useUsers } from '../hooks/use-documents';
import type { ShortlistDatabase } from '../database';
import type { RefusedChange } from '../local-schemas';
import { decideLocalWrite, saveDocument } from '../local-writes';
import { changeAgain, explainRefusal, type RefusalExplanation } from './refusal-explanation';

type Doc = Readonly<Record<string, unknown>>;
type WritableCollection = Exclude<CollectionName, 'users'>;

function currentQuery(db: ShortlistDatabase, collection: CollectionName, id: string) {
  switch (collection) {
    case 'jobs':
      return db.jobs.findOne(id);
    case 'candidates':
      return db.candidates.findOne(id);
    case 'applications':
      return db.applications.findOne(id);
    case 'interviews':
      return db.interviews.findOne(id);
    case 'settings':
      return db.settings.findOne(id);
    case 'users':
      return db.users.findOne(id);
    case 'comments':
      return db.comments.findOne(id);
    case 'messages':
      return db.messages.findOne(id);
  }
}

function isDoc(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseOwnVersion(text: string): Doc {
  try {
    const parsed: unknown = JSON.parse(text);
    return isDoc(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

/**
 * Judges (and, with `save`, makes) the write of `next` over `current`, both read into their typed
 * documents first: a version that is not a valid document is refused like any other write.
 */
async function writeAgain<C extends WritableCollection>(
  db: ShortlistDatabase,
  actor: Actor,
  collection: C,
  current: Doc,
  next: Doc,
  save: boolean,
): Promise<Decision> {
  const before = parseDocumentOf(collection, documentContent(current));
  if (!before.ok) return before;
  const after = parseDocumentOf(collection, documentContent(next));
  if (!after.ok) return after;
  return save
    ? saveDocument(db, actor, collection, before.value, after.value)
    : decideLocalWrite(db, actor, collection, before.value, after.value);
}

/** What a refused change's card shows and offers: the explanation, and "apply my change again". */
export interface RefusalView {
  readonly explanation: RefusalExplanation;
  /** Set when the rules allow the change now, on the version that stands. */
  readonly applyAgain: (() => Promise<string | null>) | null;
}

/**
 * Explains a refused change against the version that stands now (this device's copy, the server's
 * by now), and offers to make the change again where the shared rules now allow it.
 */
export function useRefusalView(change: RefusedChange): RefusalView {
  const db = useDb();
  const actor = useActor();
  const collection = change.documentCollection;
  const current = useLiveDocument<Doc>((database) => currentQuery(database, collection, change.documentId), [
    collection,
    change.documentId,
  ]);
  const yours = useMemo(() => parseOwnVersion(change.ownVersion), [change.ownVersion]);
  const users = useUsers();
  const job = useJob(collection === 'applications' && typeof yours['jobId'] === 'string' ? yours['jobId'] : '');
  const explanation = useMemo(() => {
    const names = new Map((users ?? []).map((user) => [user.id, user.name]));
    return explainRefusal(collection, change.code, change.message, yours, current ?? null, {
      personName: (id) => names.get(id) ?? null,
      job: job ?? null,
      now: Date.now(),
    });
  }, [collection, change.code, change.message, yours, current, users, job]);

  const [again, setAgain] = useState<Doc | null>(null);
  useEffect(() => {
    let isCurrent = true;
    setAgain(null);
    if (!current || collection === 'users') return undefined;
    const writable: WritableCollection = collection;
    const next = changeAgain(writable, yours, current, Date.now());
    if (!next) return undefined;
    void writeAgain(db, actor, writable, current, next, false).then((decision) => {
      if (isCurrent && decision.ok) setAgain(next);
    });
    return () => {
      isCurrent = false;
    };
    // The job's version is part of what the rules judge (an application on a job reopened meanwhile).
  }, [db, actor, collection, yours, current, job]);

  const applyAgain =
    again && current && collection !== 'users'
      ? async () => {
          const decision = await writeAgain(db, actor, collection, current, again, true);
          if (!decision.ok) return decision.message;
          await (await db.refused.findOne(change.id).exec())?.remove();
          return null;
        }
      : null;
  return { explanation, applyAgain };
}
