import type { CouchHttp, StoreAnswer } from './couch-http';
import { isRecord } from './couch-http';

/** Who hears about changed databases: the part of the deployment whose names start with `prefix`. */
export interface DatabaseSubscriber {
  /** Databases whose names start with `prefix` changed; `keys` are the names without it. */
  databasesChanged(keys: ReadonlySet<string>): void;
  /** Updates may have been missed (the store forgot our place): everything must be looked at again. */
  resync(): void;
}

/** Timing of the follower; every field has a production default. */
export interface FollowerOptions {
  /** `timeout` asked of the store for each longpoll (CouchDB honours it; default 25 s, under proxies' idle limits). */
  readonly longpollTimeoutMs: number;
  /** The follower's own abort of a longpoll this long after its `timeout` (stores that ignore it); default 10 s. */
  readonly abortGraceMs: number;
  /** The watchdog restarts a follower that made no progress for this long; default longpoll + grace + 15 s. */
  readonly stallAfterMs: number;
  /** Longest pause between failed attempts; default 5 s. */
  readonly maxBackoffMs: number;
}

/** Production timing: a longpoll answers within 35 s at most, so a watchdog at 50 s means stuck. */
export const DEFAULT_FOLLOWER_OPTIONS: FollowerOptions = {
  longpollTimeoutMs: 25_000,
  abortGraceMs: 10_000,
  stallAfterMs: 50_000,
  maxBackoffMs: 5_000,
};

/** Whether the follower follows, and if not, why (for `/api/ready`). */
export interface FollowerHealth {
  readonly isFollowing: boolean;
  readonly reason: string;
}

/** A held longpoll that ended without an answer after this long was cut (proxy, request timeout): ask again at once. */
const HELD_MS = 1_000;

/** One page of `_db_updates`, checked: a page without a valid `last_seq` is never used. */
export function parseDbUpdates(body: unknown): { lastSeq: string; dbNames: Set<string> } | null {
  if (!isRecord(body) || !Array.isArray(body['results'])) return null;
  const lastSeq = body['last_seq'];
  const isValidSeq =
    (typeof lastSeq === 'string' && lastSeq !== '' && lastSeq !== 'undefined' && lastSeq.length <= 4_096) ||
    (typeof lastSeq === 'number' && Number.isSafeInteger(lastSeq) && lastSeq >= 0);
  if (!isValidSeq) return null;
  const dbNames = new Set<string>();
  const rows: unknown[] = body['results'];
  for (const row of rows) {
    if (!isRecord(row) || typeof row['db_name'] !== 'string') return null;
    dbNames.add(row['db_name']);
  }
  return { lastSeq: String(lastSeq), dbNames };
}

class FeedAnswerError extends Error {
  override readonly name = 'FeedAnswerError';
}

/**
 * Follows the store's one deployment-wide feed, `GET /_db_updates` (longpoll), and tells each
 * subscriber which of its databases changed. It never grows with the number of databases or
 * organisations: subscribers are looked up by the prefix of a database's name.
 *
 * It cannot lose its place: `since` only moves to a `last_seq` the store answered in a well-formed
 * page; a cut longpoll, an empty or malformed answer, a timeout or a store that is down is retried
 * from the same `since` (the store answers what changed meanwhile). When the store does not know
 * `since` (400: it restarted and forgot, or another store), it starts again from `now` and tells
 * every subscriber to resync. A watchdog restarts the loop if it ever stops making progress.
 */
export class DbUpdatesFollower {
  private readonly options: FollowerOptions;
  private readonly subscribers = new Map<string, DatabaseSubscriber>();
  private since: string | null = null;
  private generation: AbortController | null = null;
  private watchdog: NodeJS.Timeout | undefined;
  private isStarted = false;
  private progressAt = 0;
  /** Last time the store answered, or held a longpoll of ours until it was cut. */
  private contactAt = 0;
  private failures = 0;
  private lastError = '';
  private wake: (() => void) | null = null;
  private readonly contactWaiters = new Set<() => void>();
  private restartCount = 0;
  /** The store forgot our place: once a new one is found, subscribers must resync. */
  private mustResync = false;

  constructor(
    private readonly http: CouchHttp,
    private readonly log: (message: string, error?: unknown) => void,
    options: Partial<FollowerOptions> = {},
  ) {
    const timing = { ...DEFAULT_FOLLOWER_OPTIONS, ...options };
    // A held longpoll is progress: the watchdog must outwait the longest one.
    const stallAfterMs = options.stallAfterMs ?? timing.longpollTimeoutMs + timing.abortGraceMs + 15_000;
    this.options = { ...timing, stallAfterMs };
  }

  /** Adds the subscriber of every database named `<prefix>…`. */
  subscribe(prefix: string, subscriber: DatabaseSubscriber): void {
    this.subscribers.set(prefix, subscriber);
  }

  /** Starts following (from `now`) and the watchdog. */
  start(): void {
    if (this.isStarted) return;
    this.isStarted = true;
    this.runGeneration();
    const every = Math.max(50, Math.min(5_000, Math.floor(this.options.stallAfterMs / 4)));
    this.watchdog = setInterval(() => this.checkProgress(), every);
    this.watchdog.unref();
  }

  /** Stops following (on shutdown); a request in flight is aborted. */
  stop(): void {
    this.isStarted = false;
    clearInterval(this.watchdog);
    this.generation?.abort();
    this.generation = null;
    this.wake?.();
  }

  /** How many times the watchdog restarted the loop. */
  get restarts(): number {
    return this.restartCount;
  }

  /**
   * Following means: running, the last request did not fail, and the store answered (or held a
   * longpoll) within the longest a healthy longpoll takes.
   */
  health(now = Date.now()): FollowerHealth {
    if (!this.isStarted) return { isFollowing: false, reason: 'The change follower is not running.' };
    if (this.failures > 0) return { isFollowing: false, reason: `The change feed fails: ${this.lastError}` };
    if (this.contactAt === 0) return { isFollowing: false, reason: 'The change follower is starting.' };
    const quietMs = now - this.contactAt;
    const quietLimitMs = Math.min(
      this.options.longpollTimeoutMs + this.options.abortGraceMs + HELD_MS,
      this.options.stallAfterMs,
    );
    if (quietMs > quietLimitMs) {
      return {
        isFollowing: false,
        reason: `The change feed has not answered for ${Math.round(quietMs / 1_000)} s.`,
      };
    }
    return { isFollowing: true, reason: 'following' };
  }

  /**
   * Resolves true as soon as the follower follows (ending any pause between attempts, so a store that
   * just came back is asked now), false after `timeoutMs`.
   */
  async whenFollowing(timeoutMs: number): Promise<boolean> {
    if (this.health().isFollowing) return true;
    this.wake?.();
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.contactWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.contactWaiters.add(done);
    });
    return this.health().isFollowing;
  }

  private runGeneration(): void {
    const generation = new AbortController();
    this.generation = generation;
    this.progressAt = Date.now();
    void this.follow(generation.signal).catch((error: unknown) => {
      // The loop catches everything it expects; anything else is the watchdog's to restart.
      if (!generation.signal.aborted) this.log('the change follower stopped unexpectedly', error);
    });
  }

  private checkProgress(): void {
    if (!this.isStarted || !this.generation) return;
    const idleMs = Date.now() - this.progressAt;
    if (idleMs <= this.options.stallAfterMs) return;
    this.restartCount += 1;
    this.log(`the change follower made no progress for ${Math.round(idleMs / 1_000)} s; restarting it`);
    this.generation.abort();
    this.runGeneration();
  }

  private async follow(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      this.progressAt = Date.now();
      const startedAt = Date.now();
      try {
        if (this.since === null) {
          const answer = await this.ask({ since: 'now', feed: 'normal' }, signal, this.options.abortGraceMs);
          const page = this.pageOf(answer);
          this.since = page.lastSeq;
          this.noteContact();
          if (this.mustResync) {
            this.mustResync = false;
            this.resyncAll();
          }
          continue;
        }
        const answer = await this.ask(
          { since: this.since, feed: 'longpoll', timeout: String(this.options.longpollTimeoutMs) },
          signal,
          this.options.longpollTimeoutMs + this.options.abortGraceMs,
        );
        if (signal.aborted) return;
        if (answer.status === 400) {
          this.log(
            `the store does not know the change feed's place (${this.since}); starting again from now`,
          );
          this.since = null;
          this.mustResync = true;
          continue;
        }
        const page = this.pageOf(answer);
        this.since = page.lastSeq;
        this.noteContact();
        this.dispatch(page.dbNames);
      } catch (error) {
        if (signal.aborted) return;
        const heldMs = Date.now() - startedAt;
        if (heldMs >= HELD_MS && this.since !== null && !(error instanceof FeedAnswerError)) {
          // The longpoll was held and then cut (a proxy, the store's request timeout): ask again now.
          this.noteContact();
          continue;
        }
        this.failures += 1;
        this.lastError = error instanceof Error ? error.message : String(error);
        if (this.failures === 1) this.log('the change feed failed; retrying', error);
        await this.pause(Math.min(this.options.maxBackoffMs, 100 * 2 ** this.failures), signal);
      }
    }
  }

  private ask(qs: Record<string, string>, signal: AbortSignal, timeoutMs: number): Promise<StoreAnswer> {
    return this.http.request({ method: 'GET', path: '_db_updates', qs, signal, timeoutMs });
  }

  private pageOf(answer: StoreAnswer): { lastSeq: string; dbNames: Set<string> } {
    if (answer.status !== 200)
      throw new FeedAnswerError(`the store answered ${answer.status} to _db_updates`);
    const page = parseDbUpdates(answer.body);
    if (!page) throw new FeedAnswerError('the store answered _db_updates without a valid page');
    return page;
  }

  private noteContact(): void {
    this.contactAt = Date.now();
    if (this.failures > 0) this.log('the change feed is followed again');
    this.failures = 0;
    for (const done of [...this.contactWaiters]) done();
  }

  private dispatch(dbNames: ReadonlySet<string>): void {
    for (const [prefix, subscriber] of this.subscribers) {
      const keys = new Set<string>();
      for (const name of dbNames) if (name.startsWith(prefix)) keys.add(name.slice(prefix.length));
      if (keys.size > 0) this.tell(() => subscriber.databasesChanged(keys));
    }
  }

  private resyncAll(): void {
    for (const subscriber of this.subscribers.values()) this.tell(() => subscriber.resync());
  }

  /** A subscriber's failure is its own: the follower goes on. */
  private tell(notify: () => void): void {
    try {
      notify();
    } catch (error) {
      this.log('a change subscriber failed', error);
    }
  }

  private pause(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        if (this.wake === done) this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
