import { isCollectionName, type CollectionName } from '#shared/domain/collections';
import { API_PATHS, type SyncStreamEvent } from '#shared/sync/protocol';
import { apiUrl } from '../session/auth-api';
import { accessToken, useSessionStore } from '../session/session-store';

export interface SyncStreamHandlers {
  /** A collection changed on the server: pull it. */
  onChange(collection: CollectionName): void;
  /** Events may have been missed (reconnect, or the server says so): pull everything. */
  onResync(): void;
  onWipe(): void;
  onConnectionChange(isConnected: boolean): void;
}

export interface SyncStream {
  close(): void;
}

const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/** Parses one SSE `data` payload; unknown shapes are ignored. */
export function parseStreamEvent(data: string): SyncStreamEvent | null {
  try {
    const event = JSON.parse(data) as Partial<SyncStreamEvent> & { collection?: string };
    if (event.type === 'RESYNC' || event.type === 'wipe') return { type: event.type };
    if (event.type === 'change' && typeof event.collection === 'string' && isCollectionName(event.collection)) {
      return { type: 'change', collection: event.collection };
    }
  } catch {
    // not JSON: a comment or keep-alive
  }
  return null;
}

/**
 * The live change feed (`GET /api/sync/stream`). EventSource cannot send headers, so the access
 * token goes in the query; on any error the stream is reopened with a fresh token, after a backoff,
 * and every (re)connection asks for a resync since events may have been missed meanwhile.
 */
export function openSyncStream(handlers: SyncStreamHandlers): SyncStream {
  let source: EventSource | null = null;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let isClosed = false;
  let isConnecting = false;

  const handleMessage = (message: MessageEvent<string>) => {
    const event = parseStreamEvent(message.data);
    if (event?.type === 'change') handlers.onChange(event.collection);
    else if (event?.type === 'RESYNC') handlers.onResync();
    else if (event?.type === 'wipe') handlers.onWipe();
  };

  const scheduleReconnect = () => {
    if (isClosed) return;
    const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)] ?? 30_000;
    attempt += 1;
    timer = setTimeout(() => void connect(), delay);
  };

  const connect = async () => {
    if (isClosed) return;
    let token: string;
    isConnecting = true;
    try {
      token = await accessToken();
    } catch {
      scheduleReconnect();
      return;
    } finally {
      isConnecting = false;
    }
    const url = apiUrl(useSessionStore.getState().serverUrl, `${API_PATHS.stream}?access_token=${encodeURIComponent(token)}`);
    source = new EventSource(url);
    source.onopen = () => {
      attempt = 0;
      handlers.onConnectionChange(true);
      handlers.onResync();
    };
    source.onmessage = handleMessage;
    source.onerror = () => {
      source?.close();
      source = null;
      handlers.onConnectionChange(false);
      scheduleReconnect();
    };
  };

  // The network is back: do not wait out the backoff.
  const onOnline = () => {
    if (source || isClosed || isConnecting) return;
    if (timer) clearTimeout(timer);
    attempt = 0;
    void connect();
  };
  window.addEventListener('online', onOnline);

  void connect();
  return {
    close() {
      isClosed = true;
      if (timer) clearTimeout(timer);
      window.removeEventListener('online', onOnline);
      source?.close();
    },
  };
}
