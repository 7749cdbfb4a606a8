import type { StoredDoc } from '../../infra/couch-store';
import { captureApplication } from './application-capture';
import type { CaptureContext } from './capture-context';
import { captureComment } from './comment-capture';
import { captureInterview } from './interview-capture';
import { captureMessage, sweepQueuedMessages } from './message-capture';
import { getOutboxDoc, putOutboxDoc } from '../../services/outbox-database';

/** The collections whose changes cause messages (messages last: they wait for the others' changes). */
const CAPTURED = ['applications', 'interviews', 'comments', 'messages'] as const;
type CapturedCollection = (typeof CAPTURED)[number];

/** Where the capture of one collection's `_changes` feed stands, kept in the outbox database. */
interface CaptureCheckpoint extends StoredDoc {
  kind: 'capture-checkpoint';
  /** The CouchDB sequence read up to (opaque). */
  seq: string;
  /** When notifications started: changes recorded before are not news. */
  notifyFrom: number;
}

const PAGE_SIZE = 100;

/** What each captured collection's changes call for. */
const CAPTURERS: Readonly<
  Record<
    CapturedCollection,
    (context: CaptureContext, stored: StoredDoc, notifyFrom: number) => Promise<number>
  >
> = {
  applications: captureApplication,
  interviews: captureInterview,
  comments: captureComment,
  // A queued message is sent whenever it syncs, however long it was offline.
  messages: (context, doc) => captureMessage(context, doc),
};

function checkpointId(collection: CapturedCollection): string {
  return `capture-checkpoint:${collection}`;
}

/**
 * Change-data capture: follows the `_changes` feeds of applications, interviews, comments and messages (normal feed,
 * no filters, from a checkpoint kept in CouchDB) and derives outbox entries with deterministic ids.
 * CouchDB has no multi-document transactions, so "written with the change" means: every accepted
 * change is in the feed, and the entries it calls for are added (idempotently) before the checkpoint
 * passes it. A crash re-reads from the last checkpoint; nothing is lost, nothing is doubled.
 */
export class ChangeCapture {
  constructor(private readonly context: CaptureContext) {}

  /**
   * Makes sure each feed has a checkpoint; the first one starts at the feed's current end, so the
   * organisation's past is not announced. Call before accepting changes that should be notified.
   */
  async initialize(): Promise<void> {
    for (const collection of CAPTURED) {
      if (await getOutboxDoc<CaptureCheckpoint>(this.context.outbox, checkpointId(collection))) continue;
      const latest = await this.context.store.changes(collection, { since: 'now' });
      const checkpoint: CaptureCheckpoint = {
        _id: checkpointId(collection),
        kind: 'capture-checkpoint',
        seq: String(latest.last_seq),
        notifyFrom: this.context.now(),
      };
      // Another instance may have written it first: theirs is as good.
      await putOutboxDoc(this.context.outbox, checkpoint);
    }
  }

  /**
   * Reads every change since the checkpoints and derives their messages, then looks again at the
   * messages still waiting for their change; answers how many entries were added.
   */
  async runOnce(signal?: AbortSignal): Promise<number> {
    let added = 0;
    for (const collection of CAPTURED) added += await this.drain(collection, signal);
    if (!signal?.aborted) added += await sweepQueuedMessages(this.context);
    return added;
  }

  private async drain(collection: CapturedCollection, signal?: AbortSignal): Promise<number> {
    let added = 0;
    for (;;) {
      if (signal?.aborted) return added;
      const checkpoint = await getOutboxDoc<CaptureCheckpoint>(this.context.outbox, checkpointId(collection));
      if (!checkpoint) {
        await this.initialize();
        continue;
      }
      const page = await this.context.store.changes(
        collection,
        { since: checkpoint.seq, limit: PAGE_SIZE, includeDocs: true },
        signal,
      );
      for (const row of page.results) {
        if (row.id.startsWith('_design/') || !row.doc || row.deleted) continue;
        added += await CAPTURERS[collection](this.context, row.doc, checkpoint.notifyFrom);
      }
      const seq = String(page.last_seq);
      if (seq !== checkpoint.seq) {
        // A lost race means another instance moved it: the next round reads its position.
        await putOutboxDoc(this.context.outbox, { ...checkpoint, seq });
      }
      if (page.results.length < PAGE_SIZE) return added;
    }
  }
}
