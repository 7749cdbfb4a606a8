import type { CouchStore, StoredDoc } from '../infra/couch-store';

/** The last time a device's pull of candidates reached the end of the feed, per session. */
export interface DeliveryRecord extends StoredDoc {
  readonly sessionId: string;
  readonly candidatesCaughtUpAt: number;
}

export function deliveryId(sessionId: string): string {
  return `delivered-${sessionId}`;
}

/** Per session: when its up-to-date time was last written, and the time waiting to be written. */
const deliveries = new Map<
  string,
  { writtenAt: number; pending: number | null; timer: NodeJS.Timeout | null }
>();
/** A device's up-to-date time is written at most this often (it is read only for erasure receipts). */
export const DELIVERY_RECORD_INTERVAL_MS = 5_000;

/**
 * Notes that session `sessionId` is up to date with the candidates as of `at` (a pull that started at
 * `at` reached the end of the feed). Written at most every few seconds per session, the latest time
 * always written in the end (a trailing write), since pulls come in bursts. A lost race means another
 * instance noted a moment as good.
 */
export function recordCandidatesDelivered(
  store: CouchStore,
  sessionId: string,
  at: number,
  log: (error: unknown) => void,
): void {
  const state = deliveries.get(sessionId) ?? { writtenAt: 0, pending: null, timer: null };
  deliveries.set(sessionId, state);
  const write = (time: number): void => {
    state.writtenAt = Date.now();
    state.pending = null;
    writeDelivery(store, sessionId, time).catch(log);
  };
  if (Date.now() - state.writtenAt >= DELIVERY_RECORD_INTERVAL_MS) {
    write(at);
    return;
  }
  state.pending = Math.max(state.pending ?? 0, at);
  state.timer ??= setTimeout(() => {
    state.timer = null;
    if (state.pending !== null) write(state.pending);
  }, DELIVERY_RECORD_INTERVAL_MS).unref();
}

async function writeDelivery(store: CouchStore, sessionId: string, at: number): Promise<void> {
  const id = deliveryId(sessionId);
  const existing = await store.get('scopes', id);
  const previous = existing?.['candidatesCaughtUpAt'];
  if (typeof previous === 'number' && previous >= at) return;
  const record: DeliveryRecord = {
    _id: id,
    ...(existing?._rev ? { _rev: existing._rev } : {}),
    sessionId,
    candidatesCaughtUpAt: at,
  };
  await store.put('scopes', record);
}
