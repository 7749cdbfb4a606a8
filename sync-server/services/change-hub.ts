import type { ServerResponse } from 'node:http';
import { COLLECTIONS, type CollectionName } from '../../shared/sync/collections';
import type { SyncStreamEvent } from '../../shared/sync/protocol';
import type { CouchStore, DatabaseKey } from '../store/couch-store';
import type { RequestActor } from '../plugins/auth';

/** One open `GET /api/sync/stream`. */
interface StreamClient {
  readonly actor: RequestActor;
  readonly response: ServerResponse;
}

/** Collections whose visibility for an interviewer follows the interviews (their read scope). */
const SCOPED_BY_INTERVIEWS: readonly CollectionName[] = ['interviews', 'applications', 'jobs', 'candidates'];

/** How the hub beats and re-checks its clients. */
export interface ChangeHubOptions {
  readonly heartbeatMs: number;
  /** Re-checks a client's session and account; answers 'wipe', 'end' or 'ok'. */
  readonly recheck: (actor: RequestActor) => Promise<'ok' | 'wipe' | 'end'>;
  readonly log: (message: string, error?: unknown) => void;
}

/**
 * Follows the store's `_changes` feeds (each server instance for itself, so every instance notifies its
 * own clients) and fans changes out to Server-Sent Events clients. Holds only connections: nothing
 * another instance would need.
 */
export class ChangeHub {
  private readonly clients = new Set<StreamClient>();
  private readonly abort = new AbortController();
  private readonly pending = new Set<CollectionName>();
  private flushTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private started = false;

  constructor(
    private readonly store: CouchStore,
    private readonly options: ChangeHubOptions,
  ) {}

  /** Starts following every collection and the sessions (for revocation and wipe). */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const collection of COLLECTIONS) void this.follow(collection);
    void this.follow('sessions');
    this.heartbeatTimer = setInterval(() => void this.heartbeat(), this.options.heartbeatMs);
    this.heartbeatTimer.unref();
  }

  /** Stops following and ends every stream (on shutdown). */
  stop(): void {
    this.abort.abort();
    clearInterval(this.heartbeatTimer);
    clearTimeout(this.flushTimer);
    for (const client of this.clients) client.response.end();
    this.clients.clear();
  }

  /** Adds a client; it first gets `RESYNC`, so a (re)connecting laptop pulls everything it missed. */
  add(actor: RequestActor, response: ServerResponse): void {
    const client: StreamClient = { actor, response };
    this.clients.add(client);
    response.on('close', () => this.clients.delete(client));
    this.send(client, { type: 'RESYNC' });
  }

  get clientCount(): number {
    return this.clients.size;
  }

  private send(client: StreamClient, event: SyncStreamEvent): void {
    client.response.write(`data: ${JSON.stringify(event)}\n\n`);
  }

  private async follow(key: DatabaseKey): Promise<void> {
    const { signal } = this.abort;
    let since: string | null = null;
    let failures = 0;
    while (!signal.aborted) {
      try {
        if (since === null) {
          const latest = await this.store.changes(key, { since: 'now' }, signal);
          since = String(latest.last_seq);
        }
        // Longpoll returns when something changes; the embedded store ignores `timeout`, so the loop
        // never depends on it, and shutdown aborts the request.
        const page = await this.store.changes(key, { since, feed: 'longpoll' }, signal);
        since = String(page.last_seq);
        failures = 0;
        const ids = page.results.map((row) => row.id).filter((id) => !id.startsWith('_design/'));
        if (ids.length === 0) continue;
        if (key === 'sessions') await this.sessionsChanged(new Set(ids));
        else this.collectionChanged(key as CollectionName);
      } catch (error) {
        if (signal.aborted) return;
        failures += 1;
        if (failures === 1) this.options.log(`change feed of ${key} failed; retrying`, error);
        await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 250 * 2 ** failures)));
      }
    }
  }

  private collectionChanged(collection: CollectionName): void {
    this.pending.add(collection);
    this.flushTimer ??= setTimeout(() => this.flush(), 50);
  }

  private flush(): void {
    this.flushTimer = undefined;
    const changed = [...this.pending];
    this.pending.clear();
    for (const client of this.clients) {
      const notify = new Set<CollectionName>(changed);
      // An interview change can change an interviewer's scope, hence what they see elsewhere.
      if (client.actor.role === 'interviewer' && changed.includes('interviews')) {
        for (const collection of SCOPED_BY_INTERVIEWS) notify.add(collection);
      }
      for (const collection of COLLECTIONS) {
        if (notify.has(collection)) this.send(client, { type: 'change', collection });
      }
    }
  }

  private async sessionsChanged(sessionIds: ReadonlySet<string>): Promise<void> {
    for (const client of [...this.clients]) {
      if (sessionIds.has(client.actor.sessionId)) await this.recheck(client);
    }
  }

  private async recheck(client: StreamClient): Promise<void> {
    const verdict = await this.options.recheck(client.actor).catch(() => 'ok' as const);
    if (verdict === 'ok') return;
    if (verdict === 'wipe') this.send(client, { type: 'wipe' });
    this.clients.delete(client);
    client.response.end();
  }

  private async heartbeat(): Promise<void> {
    for (const client of [...this.clients]) {
      client.response.write(': heartbeat\n\n');
      await this.recheck(client);
    }
  }
}
