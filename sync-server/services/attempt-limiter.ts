import { createHmac } from 'node:crypto';
import { putChecked, type WritableDoc } from '../infra/checked-write';
import { docPath, isRecord, unexpectedAnswer } from '../infra/couch-http';
import { statusOf, type CouchStore } from '../infra/couch-store';
import { ensureDatabase } from '../infra/ensure-database';

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
const KEY_LENGTH = 40;
/** Between the key and the ticket number: ids of the previous (time-ordered) design had a digit there. */
const TICKET_MARK = '.';
const TICKET_DIGITS = 12;
/** Claims lost to other attempts before one gives up and is refused (it would not be worth the wait). */
const MAX_CLAIM_ROUNDS = 64;
/** Days a key's sequence can move forward in one look (it spans yesterday, today and tomorrow). */
const MAX_HOPS = 3;

/** One taken ticket: its number, its attempt's time, and the day its sequence continues in, if moved. */
interface Ticket {
  readonly number: number;
  readonly at: number;
  readonly next: string | null;
}

/** Where a key's sequence stands: its highest ticket (0 for none) and the day the next one is claimed in. */
interface Head {
  readonly number: number;
  readonly day: string;
}

type LimitOutcome = { readonly ok: true } | { readonly ok: false; readonly retryAt: number };

function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replaceAll('-', '');
}

/** The day `days` after (or before) `day`. */
function dayShifted(day: string, days: number): string {
  const midnight = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8)));
  return dayOf(midnight + days * DAY_MS);
}

/**
 * Attempt limits held in the store, so they hold across every server instance (SPEC §4). Each key
 * (an HMAC of scope and key under the server's secret: no email or address is stored) has a sequence
 * of tickets, documents `<key>.<number>` holding the attempt's time `at`. An attempt reads the key's
 * highest ticket n and goes ahead only by creating ticket n+1, which it may only when ticket
 * n+1-max is absent or outside the window. A create is atomic per document (on a cluster, checked
 * with `putChecked`, so exactly one writer holds a ticket); losing it means another attempt took
 * that place: look again. So of any burst, on any instances, exactly the first `max` go ahead,
 * and an attempt refused writes nothing.
 *
 * Tickets live in a database of the day, `<prefix>auth_attempts_<yyyymmdd>`; databases older than
 * yesterday are dropped whole by `cleanup`, which leaves no tombstones behind. Ticket n+1 is always
 * claimed in the database of ticket n, so every instance races for it in one place whatever its
 * clock says; an attempt whose day is later claims it there with `next` (the sequence continues in
 * its day) and copies it into its day's database, which then holds the sequence.
 */
export class AttemptLimiter {
  private readonly ensured = new Set<string>();

  constructor(
    private readonly store: CouchStore,
    private readonly secret: string,
  ) {}

  /**
   * Counts an attempt against each limit that has room for it (a limit already used up stores
   * nothing, so hammering a limited key writes nothing more). The attempt goes ahead only if every
   * limit lets it; a refusal answers when the limit that is fullest for longest has room again.
   */
  async attempt(limits: readonly AttemptLimit[], now: number): Promise<LimitVerdict> {
    for (const limit of limits) {
      if (limit.windowMs > MAX_LIMIT_WINDOW_MS) throw new Error(`${limit.scope}: the window is over a day`);
    }
    const outcomes = await Promise.all(limits.map((limit) => this.take(limit, now)));
    let retryAt: number | null = null;
    for (const outcome of outcomes) {
      if (!outcome.ok) retryAt = Math.max(retryAt ?? now + 1_000, outcome.retryAt);
    }
    if (retryAt === null) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.ceil((retryAt - now) / 1000) };
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

  /** Takes the key's next ticket if the window has room for it. */
  private async take(limit: AttemptLimit, now: number): Promise<LimitOutcome> {
    const key = this.keyOf(limit);
    const today = dayOf(now);
    const windowStart = now - limit.windowMs;
    for (let round = 0; round < MAX_CLAIM_ROUNDS; round += 1) {
      const head = await this.headOf(key, today);
      const number = head.number + 1;
      // The ticket `max` places back: while it is in the window (a later clock's counts too), no room.
      const blocking =
        number > limit.max ? await this.ticket(key, number - limit.max, head.day, dayOf(windowStart)) : null;
      if (blocking && blocking.at >= windowStart) {
        return { ok: false, retryAt: blocking.at + limit.windowMs + 1 };
      }
      const ticket = { _id: this.ticketId(key, number), scope: limit.scope, at: now };
      const isMoving = today > head.day;
      if (!(await this.create(head.day, isMoving ? { ...ticket, next: today } : ticket))) continue;
      // Later attempts of today's clocks continue here; the claim above already holds the ticket.
      if (isMoving) await this.create(today, ticket);
      return { ok: true };
    }
    // Outrun by other attempts round after round: refuse rather than wait.
    return { ok: false, retryAt: now + 1_000 };
  }

  /**
   * The key's highest ticket: today's database holds it when it holds any (a sequence only moves
   * forward); else yesterday's, else tomorrow's (a clock behind another instance's). A ticket that
   * moved the sequence points to the day it continues in.
   */
  private async headOf(key: string, today: string): Promise<Head> {
    let day = today;
    let top = await this.highest(key, today);
    if (!top) {
      const yesterday = dayShifted(today, -1);
      const tomorrow = dayShifted(today, 1);
      const found = await this.highest(key, yesterday);
      day = found ? yesterday : tomorrow;
      top = found ?? (await this.highest(key, tomorrow));
      if (!top) return { number: 0, day: today };
    }
    for (let hop = 0; hop < MAX_HOPS && top.next !== null && top.next > day; hop += 1) {
      day = top.next;
      const further = await this.highest(key, day);
      // Not copied there yet: the next ticket is claimed in that day's database all the same.
      if (!further || further.number < top.number) break;
      top = further;
    }
    return { number: top.number, day };
  }

  /** Ticket `number`, looked for from day `from` back to day `until` (no older one can be in the window). */
  private async ticket(key: string, number: number, from: string, until: string): Promise<Ticket | null> {
    const id = this.ticketId(key, number);
    for (let day = from, look = 0; day >= until && look <= MAX_HOPS; day = dayShifted(day, -1), look += 1) {
      const answer = await this.store.http.request({
        method: 'GET',
        path: docPath(this.databaseName(day), id),
      });
      if (answer.status === 404) continue;
      if (answer.status !== 200) throw unexpectedAnswer(`Reading an attempt of ${day}`, answer);
      return this.ticketOf(id, answer.body);
    }
    return null;
  }

  /** The highest ticket of the key in a day's database. */
  private async highest(key: string, day: string): Promise<Ticket | null> {
    const answer = await this.store.http.request({
      method: 'GET',
      path: `${encodeURIComponent(this.databaseName(day))}/_all_docs`,
      qs: {
        descending: 'true',
        startkey: JSON.stringify(`${key}${TICKET_MARK}\ufff0`),
        endkey: JSON.stringify(`${key}${TICKET_MARK}`),
        limit: '1',
        include_docs: 'true',
      },
    });
    // No attempt was made that day.
    if (answer.status === 404) return null;
    const rows = isRecord(answer.body) ? answer.body['rows'] : undefined;
    if (answer.status !== 200 || !Array.isArray(rows))
      throw unexpectedAnswer(`Reading attempts of ${day}`, answer);
    const row: unknown = rows[0];
    if (!isRecord(row) || typeof row['id'] !== 'string') return null;
    return this.ticketOf(row['id'], row['doc']);
  }

  private ticketOf(id: string, doc: unknown): Ticket {
    const number = Number(id.slice(KEY_LENGTH + TICKET_MARK.length));
    const at = isRecord(doc) ? doc['at'] : undefined;
    const next = isRecord(doc) ? doc['next'] : undefined;
    if (!Number.isSafeInteger(number) || typeof at !== 'number') throw new Error(`Unreadable attempt ${id}`);
    return { number, at, next: typeof next === 'string' && /^\d{8}$/.test(next) ? next : null };
  }

  /** Creates a ticket in a day's database; false when another attempt holds it. */
  private async create(day: string, doc: WritableDoc): Promise<boolean> {
    const name = this.databaseName(day);
    for (let attempt = 0; ; attempt += 1) {
      if (!this.ensured.has(name)) {
        // Another instance creating it at the same time is fine.
        await ensureDatabase(this.store.http, name);
        this.ensured.add(name);
      }
      try {
        return (await putChecked(this.store.http, name, doc)).ok;
      } catch (error) {
        // Dropped meanwhile by an instance whose clock is a day ahead: make it again, once.
        if (statusOf(error) !== 404 || attempt > 0) throw error;
        this.ensured.delete(name);
      }
    }
  }

  private ticketId(key: string, number: number): string {
    return `${key}${TICKET_MARK}${String(number).padStart(TICKET_DIGITS, '0')}`;
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
}
