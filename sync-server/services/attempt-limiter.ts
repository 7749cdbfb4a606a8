import { createHmac, randomBytes } from 'node:crypto';
import type { DocumentScope } from 'nano';
import { statusOf, type CouchStore, type StoredDoc } from '../infra/couch-store';

/** At most `max` attempts in any `windowMs` (≤ 24 h) for one `key` of one `scope`. */
export interface AttemptLimit {
  /** What is counted, e.g. `login-account`. */
  readonly scope: string;
  /** Whose attempts: a normalized email, an address. Only an HMAC of it is stored. */
  readonly key: string;
  readonly max: number;
  readonly windowMs: number;
}

/** Whether an attempt may go ahead; when not, how long until it may. */
export type LimitVerdict = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };

const DAY_MS = 24 * 60 * 60 * 1000;
/** The longest window a limit may have: attempts are kept for a day and then some. */
export const MAX_LIMIT_WINDOW_MS = DAY_MS;
const DATABASE_STEM = 'auth_attempts_';
const TIME_DIGITS = 15;
const KEY_LENGTH = 40;
const LAST_ID_SUFFIX = `${'9'.repeat(TIME_DIGITS)}${'f'.repeat(12)}`;

function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * Attempt limits held in the store, so they hold across every server instance (SPEC §4). Each
 * attempt is a new document (insert-only: no hot counter document to fight over) in a database of the
 * day, `<prefix>auth_attempts_<yyyymmdd>`; its id is `<HMAC of scope and key><time><random>`, so
 * one `_all_docs` key range counts a key's attempts in a window. Databases older than yesterday are
 * dropped whole by `cleanup`, which leaves no tombstones behind. Keys are HMACs under the server's
 * secret: no email or address is stored.
 */
export class AttemptLimiter {
  private readonly ensured = new Set<string>();

  constructor(
    private readonly store: CouchStore,
    private readonly secret: string,
  ) {}

  /**
   * Counts an attempt against each limit that has room for it (a limit already used up stores
   * nothing, so hammering a limited key writes nothing more), then looks again: of many concurrent
   * attempts, on any instances, those among the first `max` of the window (by time, then id: one
   * order every instance sees alike) go ahead. The attempt goes ahead only if every limit lets it.
   */
  async attempt(limits: readonly AttemptLimit[], now: number): Promise<LimitVerdict> {
    for (const limit of limits) {
      if (limit.windowMs > MAX_LIMIT_WINDOW_MS) throw new Error(`${limit.scope}: the window is over a day`);
    }
    const before = await Promise.all(limits.map((limit) => this.attemptIds(limit, now)));
    const isFull = limits.map((limit, index) => (before[index]?.length ?? 0) >= limit.max);
    const open = limits.filter((_limit, index) => !isFull[index]);
    const suffix = `${String(now).padStart(TIME_DIGITS, '0')}${randomBytes(6).toString('hex')}`;
    if (open.length > 0) {
      const db = await this.database(now);
      await db.bulk({
        docs: open.map((limit) => ({ _id: `${this.keyOf(limit)}${suffix}`, scope: limit.scope, at: now })),
      });
    }
    const after = await Promise.all(
      limits.map((limit, index) =>
        isFull[index] ? Promise.resolve(before[index] ?? []) : this.attemptIds(limit, now),
      ),
    );
    const isRefused = limits.map(
      (limit, index) =>
        isFull[index] === true ||
        !(after[index] ?? []).slice(0, limit.max).includes(`${this.keyOf(limit)}${suffix}`),
    );
    if (!isRefused.includes(true)) return { ok: true };
    return this.refusal(
      limits.filter((_limit, index) => isRefused[index]),
      after.filter((_ids, index) => isRefused[index]),
      now,
    );
  }

  /** Drops the attempt databases of days before yesterday; answers how many. */
  async cleanup(now: number): Promise<number> {
    const stem = `${this.store.prefix}${DATABASE_STEM}`;
    const oldest = dayOf(now - DAY_MS);
    let dropped = 0;
    for (const name of await this.store.server.db.list()) {
      const day = name.startsWith(stem) ? name.slice(stem.length) : '';
      if (!/^\d{8}$/.test(day) || day >= oldest) continue;
      try {
        await this.store.server.db.destroy(name);
        dropped += 1;
      } catch (error) {
        // Another instance dropped it first.
        if (statusOf(error) !== 404) throw error;
      }
      this.ensured.delete(name);
    }
    return dropped;
  }

  /** When every limit will have room for one more attempt again. */
  private refusal(
    limits: readonly AttemptLimit[],
    idsPerLimit: readonly string[][],
    now: number,
  ): LimitVerdict {
    let retryAt = now + 1_000;
    limits.forEach((limit, index) => {
      const ids = idsPerLimit[index] ?? [];
      // The attempt that must leave the window before there is room again.
      const blocking = ids[ids.length - limit.max];
      if (blocking !== undefined) retryAt = Math.max(retryAt, this.timeOf(blocking) + limit.windowMs);
    });
    return { ok: false, retryAfterSeconds: Math.ceil((retryAt - now) / 1000) };
  }

  private timeOf(id: string): number {
    return Number(id.slice(KEY_LENGTH, KEY_LENGTH + TIME_DIGITS));
  }

  /** The ids of the key's attempts in the window, oldest first (at most `max + 1` of them). */
  private async attemptIds(limit: AttemptLimit, now: number): Promise<string[]> {
    const start = now - limit.windowMs;
    const prefix = this.keyOf(limit);
    const days = [...new Set([dayOf(start), dayOf(now)])];
    const ids: string[] = [];
    for (const day of days) {
      ids.push(
        ...(await this.listIds(this.databaseName(day), {
          startkey: `${prefix}${String(Math.max(0, start)).padStart(TIME_DIGITS, '0')}`,
          endkey: `${prefix}${LAST_ID_SUFFIX}`,
          limit: limit.max + 1,
        })),
      );
    }
    return ids.sort().slice(0, limit.max + 1);
  }

  private async listIds(
    name: string,
    range: { startkey: string; endkey: string; limit: number },
  ): Promise<string[]> {
    try {
      const page = await this.store.server.use<StoredDoc>(name).list(range);
      return page.rows.map((row) => row.id);
    } catch (error) {
      // No attempt was made that day.
      if (statusOf(error) === 404) return [];
      throw error;
    }
  }

  private keyOf(limit: AttemptLimit): string {
    return createHmac('sha256', this.secret)
      .update(`${limit.scope}\n${limit.key}`)
      .digest('hex')
      .slice(0, KEY_LENGTH);
  }

  private databaseName(day: string): string {
    return `${this.store.prefix}${DATABASE_STEM}${day}`;
  }

  /** Today's database, created on first use (another instance creating it at the same time is fine). */
  private async database(now: number): Promise<DocumentScope<StoredDoc>> {
    const name = this.databaseName(dayOf(now));
    if (!this.ensured.has(name)) {
      try {
        await this.store.server.db.create(name);
      } catch (error) {
        if (statusOf(error) !== 412) throw error;
      }
      this.ensured.add(name);
    }
    return this.store.server.use<StoredDoc>(name);
  }
}
