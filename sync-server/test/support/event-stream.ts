import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { waitFor } from './notification-fixture';
import type { Session } from './test-server';

/** One event of `GET /api/sync/stream`, with when it came. */
export interface StreamEvent {
  readonly type?: string;
  readonly collection?: string;
  readonly at: number;
}

/** An open `GET /api/sync/stream` on a real port, collecting its events with the time they came. */
export interface OpenStream {
  readonly events: StreamEvent[];
  /** How many events came so far: `next` looks at those after such a mark. */
  mark(): number;
  /** Resolves with the first event after the mark `from` matching `match`. */
  next(match: (event: StreamEvent) => boolean, from: number, timeoutMs?: number): Promise<StreamEvent>;
  close(): void;
  /** Whether the server ended the stream. */
  readonly ended: boolean;
}

export function openStream(app: FastifyInstance, session: Session): Promise<OpenStream> {
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/api/sync/stream?access_token=${session.accessToken}`;
  const events: StreamEvent[] = [];
  return new Promise((resolve, reject) => {
    const request = http.get(url, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`stream answered ${response.statusCode}`));
        return;
      }
      let isEnded = false;
      response.on('end', () => {
        isEnded = true;
      });
      let buffer = '';
      response.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop() ?? '';
        for (const block of blocks) {
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (data) events.push({ ...(JSON.parse(data.slice(6)) as object), at: Date.now() });
        }
      });
      resolve({
        events,
        mark: () => events.length,
        next: (match, from, timeoutMs = 8_000) =>
          waitFor(
            'a stream event',
            async () => Promise.resolve(events.slice(from).find(match) ?? null),
            timeoutMs,
          ),
        close: () => request.destroy(),
        get ended() {
          return isEnded;
        },
      });
    });
    request.on('error', reject);
  });
}

/** Whether an event says `collection` changed. */
export const isChangeOf =
  (collection: string) =>
  (event: StreamEvent): boolean =>
    event.type === 'change' && event.collection === collection;
/** Whether an event tells the client to pull everything. */
export const isResync = (event: StreamEvent): boolean => event.type === 'RESYNC';
