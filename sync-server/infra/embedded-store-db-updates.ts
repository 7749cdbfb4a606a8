/**
 * `GET /_db_updates` for the embedded store (express-pouchdb only has a stub that answers 400): one
 * deployment-wide feed of the databases that changed, as CouchDB serves it, so the sync server
 * follows one feed whatever the number of databases.
 *
 * The store process observes every successful write request (documents, attachments, `_bulk_docs`,
 * `_index`, design documents, database creation and deletion) and keeps, in memory, the latest update
 * of each database with an integer sequence. Sequences are `<n>-<epoch>`, the epoch fresh for every
 * start of the process: a sequence from an earlier start (or one that was forgotten) is answered 400,
 * so a follower knows to start again from `now` and tell its clients to resync, instead of waiting on
 * a sequence that will never come.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** The kind of change CouchDB reports for a database. */
export type DbUpdateType = 'created' | 'updated' | 'deleted';

interface DbUpdate {
  readonly dbName: string;
  readonly type: DbUpdateType;
  readonly seq: number;
}

/** The longest longpoll the feed holds (CouchDB's default `timeout` is 60 s). */
const MAX_TIMEOUT_MS = 5 * 60_000;

/** The latest update of each database, in sequence order, bounded. */
export class DbUpdatesLog {
  /** Insertion order is sequence order: a database's entry moves to the end when it changes again. */
  private readonly latest = new Map<string, DbUpdate>();
  private seq = 0;
  /** Every update with a sequence up to here has been forgotten (the log is bounded). */
  private horizon = 0;
  private readonly waiters = new Set<() => void>();

  constructor(
    readonly epoch: string,
    private readonly capacity = 20_000,
  ) {}

  /** Notes a change of `dbName` and wakes the longpolls waiting. */
  record(dbName: string, type: DbUpdateType): void {
    this.seq += 1;
    this.latest.delete(dbName);
    this.latest.set(dbName, { dbName, type, seq: this.seq });
    while (this.latest.size > this.capacity) {
      const oldest = this.latest.keys().next();
      if (oldest.done) break;
      this.horizon = this.latest.get(oldest.value)?.seq ?? this.horizon;
      this.latest.delete(oldest.value);
    }
    for (const wake of [...this.waiters]) wake();
  }

  /** The sequence as the feed shows it. */
  format(seq: number): string {
    return `${seq}-${this.epoch}`;
  }

  /** The current sequence. */
  get current(): number {
    return this.seq;
  }

  /**
   * The integer a `since` stands for, or null when this log cannot answer it without losing updates
   * (another epoch's, ahead of the log, forgotten, or not a sequence at all).
   */
  resolveSince(since: string): number | null {
    if (since === 'now') return this.seq;
    if (since === '0') return this.horizon === 0 ? 0 : null;
    const match = /^(\d{1,15})-([A-Za-z0-9]+)$/.exec(since);
    if (!match || match[2] !== this.epoch) return null;
    const seq = Number(match[1]);
    return seq <= this.seq && seq >= this.horizon ? seq : null;
  }

  /** The latest update of each database changed after `seq`, oldest first. */
  after(seq: number): DbUpdate[] {
    return [...this.latest.values()].filter((update) => update.seq > seq);
  }

  /** Resolves at the next update, or after `timeoutMs`, or when `signal` aborts. */
  waitForUpdate(timeoutMs: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}

/** Paths below a database that read (or change nothing `_db_updates` reports). */
const READ_ENDPOINTS = new Set([
  '_find',
  '_explain',
  '_bulk_get',
  '_all_docs',
  '_changes',
  '_revs_diff',
  '_missing_revs',
  '_compact',
  '_view_cleanup',
  '_ensure_full_commit',
  '_temp_view',
  '_design_docs',
  '_local',
  '_security',
  '_revs_limit',
]);
/** Design-document functions that read. */
const DESIGN_READS = new Set(['_view', '_show', '_list', '_info', '_search', '_rewrite']);
const WRITE_METHODS = new Set(['PUT', 'POST', 'DELETE', 'COPY']);

/**
 * What a request changes if it succeeds: which database, and how; null for reads and for requests
 * outside any database. Guessing "changed" for an unknown write endpoint is harmless (a follower then
 * asks for nothing new); missing a write is not.
 */
export function classifyWrite(method: string, path: string): { dbName: string; type: DbUpdateType } | null {
  if (!WRITE_METHODS.has(method.toUpperCase())) return null;
  const segments = path.split('/').filter((segment) => segment !== '');
  const [first, second, third, fourth] = segments;
  if (first === undefined || first.startsWith('_')) return null;
  let dbName: string;
  try {
    dbName = decodeURIComponent(first);
  } catch {
    return null;
  }
  if (second === undefined) {
    const upper = method.toUpperCase();
    if (upper === 'PUT') return { dbName, type: 'created' };
    if (upper === 'DELETE') return { dbName, type: 'deleted' };
    return { dbName, type: 'updated' };
  }
  if (READ_ENDPOINTS.has(second)) return null;
  if (second === '_design' && third !== undefined && fourth !== undefined && DESIGN_READS.has(fourth))
    return null;
  return { dbName, type: 'updated' };
}

/** Express middleware: records each successful write request in `log` once its answer is sent. */
export function recordWrites(log: DbUpdatesLog): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const change = classifyWrite(request.method, request.path);
    if (change) {
      response.on('finish', () => {
        if (response.statusCode < 400) log.record(change.dbName, change.type);
      });
    }
    next();
  };
}

function badRequest(response: Response, reason: string): void {
  response.status(400).json({ error: 'bad_request', reason });
}

/**
 * `GET /_db_updates`: `feed` `normal` (default) or `longpoll`, `since` (`now`, `0` or a sequence of
 * this feed; default `0`), `timeout` in ms for longpoll (default 60 s, at most 5 minutes). Answers
 * `{results: [{db_name, type, seq}], last_seq}`, at most one row per database (its latest update).
 */
export function dbUpdatesHandler(log: DbUpdatesLog): RequestHandler {
  return (request: Request, response: Response) => {
    const feed = typeof request.query['feed'] === 'string' ? request.query['feed'] : 'normal';
    const since = typeof request.query['since'] === 'string' ? request.query['since'] : '0';
    const timeoutText = typeof request.query['timeout'] === 'string' ? request.query['timeout'] : '60000';
    if (feed !== 'normal' && feed !== 'longpoll') {
      badRequest(response, 'feed must be normal or longpoll.');
      return;
    }
    if (!/^\d{1,9}$/.test(timeoutText)) {
      badRequest(response, 'timeout must be a number of milliseconds.');
      return;
    }
    const from = log.resolveSince(since);
    if (from === null) {
      badRequest(response, `Unknown sequence ${JSON.stringify(since.slice(0, 80))}: start again from "now".`);
      return;
    }
    const answer = (): void => {
      const results = log.after(from).map((update) => ({
        db_name: update.dbName,
        type: update.type,
        seq: log.format(update.seq),
      }));
      response.status(200).json({ results, last_seq: log.format(Math.max(from, log.current)) });
    };
    if (feed === 'normal' || log.after(from).length > 0) {
      answer();
      return;
    }
    const closed = new AbortController();
    response.on('close', () => closed.abort());
    void log.waitForUpdate(Math.min(Number(timeoutText), MAX_TIMEOUT_MS), closed.signal).then(() => {
      if (!closed.signal.aborted) answer();
    });
  };
}
