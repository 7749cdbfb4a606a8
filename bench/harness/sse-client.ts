import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import type { SyncStreamEvent } from '#shared/sync/protocol';

/** An open `GET /api/sync/stream`, as a laptop's EventSource holds it. */
export interface SseConnection {
  /** Events received so far. */
  events(): number;
  /** Whether the stream is still open. */
  isOpen(): boolean;
  close(): void;
}

/**
 * Opens the change stream with the `access_token` query parameter (as EventSource must) and calls
 * `onEvent` for each `data:` line. Resolves once the server answered 200; rejects otherwise or after
 * `timeoutMs`.
 */
export function openStream(
  baseUrl: string,
  token: string,
  onEvent: (event: SyncStreamEvent, receivedAt: number) => void,
  timeoutMs = 30_000,
): Promise<SseConnection> {
  const url = new URL(`/api/sync/stream?access_token=${encodeURIComponent(token)}`, baseUrl);
  return new Promise((resolve, reject) => {
    let count = 0;
    let open = false;
    let buffer = '';
    let response: IncomingMessage | null = null;
    const req: ClientRequest = request(url, { headers: { accept: 'text/event-stream' } }, (res) => {
      response = res;
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`stream answered ${res.statusCode}`));
        return;
      }
      open = true;
      clearTimeout(timer);
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = parseEventBlock(block);
          if (event) {
            count += 1;
            onEvent(event, performance.now());
          }
          end = buffer.indexOf('\n\n');
        }
      });
      res.on('close', () => {
        open = false;
      });
      resolve({
        events: () => count,
        isOpen: () => open,
        close: () => {
          open = false;
          response?.destroy();
          req.destroy();
        },
      });
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`stream did not open within ${timeoutMs} ms`));
    }, timeoutMs);
    req.on('error', (error) => {
      open = false;
      clearTimeout(timer);
      reject(error);
    });
    req.end();
  });
}

/** The event of one SSE block (`data:` lines joined), or null for comments and `retry:` blocks. */
export function parseEventBlock(block: string): SyncStreamEvent | null {
  const data = block
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).trimStart())
    .join('\n');
  if (!data) return null;
  try {
    return JSON.parse(data) as SyncStreamEvent;
  } catch {
    return null;
  }
}
