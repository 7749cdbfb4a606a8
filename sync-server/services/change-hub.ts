import type { ServerResponse } from 'node:http';
import { COLLECTIONS, isCollectionName, type CollectionName } from '#shared/domain/collections';
import type { Actor } from '#shared/domain/common/roles';
import type { SyncStreamEvent } from '#shared/sync/protocol';
import { UnknownSequenceError, type CouchStore } from '../infra/couch-store';
import type { DatabaseSubscriber } from '../infra/db-updates-follower';
import { ScopeIndexKeeper } from './interviewer-scope';

/** Who holds a stream: the signed-in person and the session it belongs to. */
export interface StreamActor extends Actor {
  readonly sessionId: string;
}

/** One open `GET /api/sync/stream`. */
interface StreamClient {
  readonly actor: StreamActor;
  readonly response: ServerResponse;
}

/** Collections whose visibility for an interviewer follows the interviews (their read scope). */
const SCOPED_BY_INTERVIEWS: readonly CollectionName[] = ['interviews', 'applications', 'jobs', 'candidates'];

/**
 * A change is told to the streams at once; changes within this long after are gathered and told
 * together at its end, so a burst of writes costs each stream one event per window, not one per write.
 */
const FLUSH_WINDOW_MS = 50;

/** Rows of the sessions feed read per request when sessions change. */
const SESSION_PAGE = 500;
/** A sessions read that takes longer is given up (the next change, or the heartbeat, tries again). */
const SESSION_READ_TIMEOUT_MS = 30_000;

/** How the hub beats and re-checks its clients. */
export interface ChangeHubOptions {
  readonly heartbeatMs: number;
  /** Re-checks a client's session and account; answers 'wipe', 'end' or 'ok'. */
  readonly recheck: (actor: StreamActor) => Promise<'ok' | 'wipe' | 'end'>;
  readonly log: (message: string, error?: unknown) => void;
}

/**
 * Fans the changes of one organisation's databases (the store's databases `<prefix><key>`) out to
 * its Server-Sent Events clients. It does not follow the store itself: the deployment's one
 * `DbUpdatesFollower` tells it which of its databases changed (`databasesChanged`) or that it must
 * resync. A change of the sessions database is read from that database's own `_changes` (since the
 * hub's last sequence) to learn which sessions changed, and their streams are re-checked
 * (revocation, wipe, role change). Holds only connections: nothing another instance would need.
 */
export class ChangeHub implements DatabaseSubscriber {
  private readonly clients = new Set<StreamClient>();
  private readonly pending = new Set<CollectionName>();
  private flushTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private started = false;
  /** Where the sessions feed was last read; null: not known, so every client is re-checked. */
  private sessionsSince: string | null = null;
  private sessionsReady: Promise<void> = Promise.resolve();
  private isSessionsDirty = false;
  private mustRecheckAll = false;
  private sessionsRun: Promise<void> | null = null;
  /** Interviewers' pulls read their scope from a view: it is indexed as interviews change, not at the pull. */
  private readonly scopeIndex: ScopeIndexKeeper;

  constructor(
    private readonly store: CouchStore,
    private readonly options: ChangeHubOptions,
  ) {
    this.scopeIndex = new ScopeIndexKeeper(store, options.log);
  }

  /** Starts the heartbeat and notes where the sessions feed is now. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.sessionsReady = this.sessionsNow().catch((error: unknown) => {
      this.options.log(
        'could not read where the sessions feed is; re-checking every stream on its next change',
        error,
      );
    });
    this.heartbeatTimer = setInterval(() => void this.heartbeat(), this.options.heartbeatMs);
    this.heartbeatTimer.unref();
    this.scopeIndex.touch();
  }

  /** Ends every stream (on shutdown). */
  stop(): void {
    this.started = false;
    clearInterval(this.heartbeatTimer);
    clearTimeout(this.flushTimer);
    for (const client of this.clients) client.response.end();
    this.clients.clear();
  }

  /** The organisation was suspended: its streams end (a reconnection is refused with 403). */
  organisationSuspended(): void {
    for (const client of this.clients) client.response.end();
    this.clients.clear();
  }

  /** Adds a client; it first gets `RESYNC`, so a (re)connecting laptop pulls everything it missed. */
  add(actor: StreamActor, response: ServerResponse): void {
    const client: StreamClient = { actor, response };
    this.clients.add(client);
    response.on('close', () => this.clients.delete(client));
    this.send(client, { type: 'RESYNC' });
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** From the follower: these databases (keys without the prefix) changed. */
  databasesChanged(keys: ReadonlySet<string>): void {
    for (const key of keys) {
      if (isCollectionName(key)) this.collectionChanged(key);
      else if (key === 'sessions') this.sessionsChanged(false);
    }
    // Outside a window, now (the first change of a quiet spell waits for nothing); inside, at its end.
    if (this.pending.size > 0 && this.flushTimer === undefined) this.flush();
  }

  /** From the follower: changes may have been missed. Every client pulls everything and is re-checked. */
  resync(): void {
    for (const client of this.clients) this.send(client, { type: 'RESYNC' });
    this.sessionsChanged(true);
  }

  private send(client: StreamClient, event: SyncStreamEvent): void {
    client.response.write(`data: ${JSON.stringify(event)}\n\n`);
  }

  private collectionChanged(collection: CollectionName): void {
    if (collection === 'interviews') this.scopeIndex.touch();
    this.pending.add(collection);
  }

  /** Tells the streams what changed and opens a window in which further changes wait for its end. */
  private flush(): void {
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      if (this.pending.size > 0) this.flush();
    }, FLUSH_WINDOW_MS);
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

  /** Marks the sessions as changed; one reader at a time catches up, however many changes arrive. */
  private sessionsChanged(mustRecheckAll: boolean): void {
    this.isSessionsDirty = true;
    this.mustRecheckAll ||= mustRecheckAll;
    this.sessionsRun ??= this.readSessionChanges().finally(() => {
      this.sessionsRun = null;
    });
  }

  private async readSessionChanges(): Promise<void> {
    await this.sessionsReady;
    while (this.isSessionsDirty && this.started) {
      this.isSessionsDirty = false;
      try {
        const all = this.mustRecheckAll || this.sessionsSince === null;
        this.mustRecheckAll = false;
        if (all) {
          // The place first, so changes made while re-checking are read next time.
          await this.sessionsNow().catch((error: unknown) =>
            this.options.log('could not read where the sessions feed is', error),
          );
          await this.recheckWhere(() => true);
          continue;
        }
        const changed = await this.changedSessionIds();
        if (changed.size > 0) await this.recheckWhere((client) => changed.has(client.actor.sessionId));
      } catch (error) {
        if (error instanceof UnknownSequenceError) {
          this.sessionsSince = null;
          this.isSessionsDirty = true;
          continue;
        }
        // The heartbeat re-checks every stream anyway; the next change reads from the same place.
        this.options.log('could not read which sessions changed', error);
      }
    }
  }

  /** Ids of the sessions changed since `sessionsSince`, which moves past them. */
  private async changedSessionIds(): Promise<Set<string>> {
    const ids = new Set<string>();
    for (;;) {
      const since = this.sessionsSince ?? 'now';
      const page = await this.store.changes(
        'sessions',
        { since, limit: SESSION_PAGE },
        AbortSignal.timeout(SESSION_READ_TIMEOUT_MS),
      );
      if (!Array.isArray(page.results) || page.last_seq === undefined || page.last_seq === null) {
        throw new Error('the sessions feed answered without a last_seq');
      }
      for (const row of page.results) if (!row.id.startsWith('_design/')) ids.add(row.id);
      this.sessionsSince = String(page.last_seq);
      if (page.results.length < SESSION_PAGE) return ids;
    }
  }

  private async sessionsNow(): Promise<void> {
    const latest = await this.store.changes(
      'sessions',
      { since: 'now' },
      AbortSignal.timeout(SESSION_READ_TIMEOUT_MS),
    );
    if (latest.last_seq === undefined || latest.last_seq === null) throw new Error('no last_seq');
    this.sessionsSince = String(latest.last_seq);
  }

  private async recheckWhere(matches: (client: StreamClient) => boolean): Promise<void> {
    for (const client of [...this.clients]) {
      if (matches(client)) await this.recheck(client);
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
