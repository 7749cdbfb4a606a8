import type { FastifyInstance } from 'fastify';
import type { CollectionName } from '#shared/domain/collections';
import type { PushRejection } from '#shared/sync/protocol';
import { bearer, type Session } from './test-server';

export type Doc = Record<string, unknown> & { id: string; _deleted?: boolean };

export interface PullResult {
  documents: Doc[];
  checkpoint: Record<string, unknown> | null;
  /** About how many documents the reader holds once caught up (first pulls and full batches). */
  estimatedTotal?: number;
}

export interface PushResult {
  conflicts: Doc[];
  rejections: PushRejection[];
}

/** One pull, as RxDB makes it. */
export async function pull(
  app: FastifyInstance,
  session: Session,
  collection: CollectionName,
  checkpoint: Record<string, unknown> | null = null,
  limit = 100,
): Promise<PullResult> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (checkpoint) query.set('checkpoint', JSON.stringify(checkpoint));
  const response = await app.inject({
    method: 'GET',
    url: `/api/sync/${collection}/pull?${query.toString()}`,
    headers: bearer(session),
  });
  if (response.statusCode !== 200) throw new Error(`pull failed: ${response.statusCode} ${response.body}`);
  return response.json<PullResult>();
}

/** Pulls until a short batch, like RxDB; returns every document and the last checkpoint. */
export async function pullAll(
  app: FastifyInstance,
  session: Session,
  collection: CollectionName,
  checkpoint: Record<string, unknown> | null = null,
  limit = 100,
): Promise<PullResult> {
  const documents: Doc[] = [];
  let current = checkpoint;
  for (;;) {
    const page = await pull(app, session, collection, current, limit);
    documents.push(...page.documents);
    current = page.checkpoint;
    if (page.documents.length < limit) return { documents, checkpoint: current };
  }
}

/** The server's current version of a document as `session` sees it (or undefined). */
export async function serverDoc(
  app: FastifyInstance,
  session: Session,
  collection: CollectionName,
  id: string,
): Promise<Doc | undefined> {
  const { documents } = await pullAll(app, session, collection, null, 500);
  return documents.filter((doc) => doc.id === id).at(-1);
}

export async function push(
  app: FastifyInstance,
  session: Session,
  collection: CollectionName,
  rows: { assumedMasterState?: Doc | null; newDocumentState: Doc }[],
): Promise<PushResult> {
  const response = await app.inject({
    method: 'POST',
    url: `/api/sync/${collection}/push`,
    headers: bearer(session),
    payload: rows,
  });
  if (response.statusCode !== 200) throw new Error(`push failed: ${response.statusCode} ${response.body}`);
  return response.json<PushResult>();
}

/** Creates a document (no assumed master state). */
export function create(
  app: FastifyInstance,
  session: Session,
  collection: CollectionName,
  doc: Doc,
): Promise<PushResult> {
  return push(app, session, collection, [
    { assumedMasterState: null, newDocumentState: { ...doc, _deleted: false } },
  ]);
}

/** Edits the server's current version with `change`, assuming that version, as a laptop would. */
export async function edit(
  app: FastifyInstance,
  session: Session,
  collection: CollectionName,
  id: string,
  change: (doc: Doc) => Doc,
): Promise<PushResult & { assumed: Doc; sent: Doc }> {
  const assumed = await serverDoc(app, session, collection, id);
  if (!assumed) throw new Error(`${collection}/${id} is not visible`);
  const sent = change(structuredClone(assumed));
  const result = await push(app, session, collection, [
    { assumedMasterState: assumed, newDocumentState: sent },
  ]);
  return { ...result, assumed, sent };
}
