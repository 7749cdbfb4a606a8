import { randomBytes } from 'node:crypto';
import type { CouchStore } from '../../infra/couch-store';
import { ChangeCapture } from './change-capture';
import { fileTransport, smtpTransport, type MailTransport } from './mail-transport';
import type { NotificationSettings } from '../../services/notifications-config';
import { ensureOutboxDatabase } from '../../services/outbox-database';
import { OutboxSender, type SenderOptions } from './outbox-sender';
import { ScorecardReminders } from './scorecard-reminders';

/** Timing of the worker; every field has a production default. */
export interface WorkerTiming extends Omit<SenderOptions, 'workerId'> {
  /** Pause between rounds. */
  readonly pollMs: number;
  /** How often a worker looks for missing scorecards to remind (they are due by the hour, not the second). */
  readonly reminderEveryMs: number;
}

export const DEFAULT_TIMING: WorkerTiming = {
  pollMs: 2_000,
  reminderEveryMs: 5 * 60_000,
  leaseMs: 10 * 60_000,
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  maxAttempts: 8,
  batchSize: 25,
};

export interface WorkerOptions {
  readonly settings: NotificationSettings;
  readonly timing?: Partial<WorkerTiming>;
  /** Overrides the transport chosen from the settings (tests). */
  readonly transport?: MailTransport;
  readonly log?: (message: string, error?: unknown) => void;
  readonly now?: () => number;
}

/** The transport the settings call for: SMTP when a URL is set, else `.eml` files. */
export function transportFor(settings: NotificationSettings): MailTransport {
  return settings.smtpUrl
    ? smtpTransport(settings.smtpUrl, settings.mailFrom)
    : fileTransport(settings.mailDirectory, settings.mailFrom);
}

/**
 * The outbox worker: each round captures new changes into the outbox, then sends what is due.
 * Any number may run against one CouchDB (in-process and standalone alike): capture is idempotent
 * and sending goes through claims.
 */
export class NotificationWorker {
  readonly transport: MailTransport;
  private readonly capture: ChangeCapture;
  private readonly sender: OutboxSender;
  private readonly reminders: ScorecardReminders;
  private lastRemindersAt = -Infinity;
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | null = null;
  private failures = 0;
  private isWakeRequested = false;

  private constructor(
    readonly options: WorkerOptions & { timing: WorkerTiming },
    capture: ChangeCapture,
    sender: OutboxSender,
    reminders: ScorecardReminders,
    transport: MailTransport,
  ) {
    this.capture = capture;
    this.sender = sender;
    this.reminders = reminders;
    this.transport = transport;
  }

  /** Creates the outbox database if needed and the worker (not started). */
  static async create(store: CouchStore, options: WorkerOptions): Promise<NotificationWorker> {
    const timing = { ...DEFAULT_TIMING, ...options.timing };
    const now = options.now ?? Date.now;
    const outbox = await ensureOutboxDatabase(store);
    const transport = options.transport ?? transportFor(options.settings);
    const { settings } = options;
    const messages = {
      organisation: settings.organisation,
      publicUrl: settings.publicUrl,
      timeZone: settings.timeZone,
    };
    const capture = new ChangeCapture({ store, outbox, mailFrom: settings.mailFrom, messages, now });
    const reminders = new ScorecardReminders({ store, outbox, mailFrom: settings.mailFrom, messages, now });
    const workerId = `worker-${randomBytes(6).toString('hex')}`;
    const sender = new OutboxSender(outbox, transport, { ...timing, workerId }, now);
    return new NotificationWorker({ ...options, timing }, capture, sender, reminders, transport);
  }

  /** Fixes the capture checkpoints, if not yet: changes from then on are notified. */
  async prepare(): Promise<void> {
    await this.capture.initialize();
  }

  /** Prepares, then runs rounds until stopped. */
  async start(): Promise<void> {
    await this.prepare();
    this.schedule(0);
  }

  /**
   * One round: capture, the scorecard reminders when they are due for a look, then send. Exposed for
   * tests and for draining before shutdown.
   */
  async runOnce(): Promise<void> {
    await this.capture.runOnce(this.abort.signal);
    const now = (this.options.now ?? Date.now)();
    if (!this.abort.signal.aborted && now - this.lastRemindersAt >= this.options.timing.reminderEveryMs) {
      await this.reminders.runOnce();
      this.lastRemindersAt = now;
    }
    if (!this.abort.signal.aborted) await this.sender.runOnce();
  }

  /**
   * Runs a round now instead of after the pause (a mail someone just asked for, e.g. a password reset
   * link); during a round, runs the next one as soon as it ends.
   */
  wake(): void {
    if (this.abort.signal.aborted || this.timer === undefined) return;
    if (this.round) {
      this.isWakeRequested = true;
      return;
    }
    clearTimeout(this.timer);
    this.schedule(0);
  }

  /** Stops after the current round and closes the transport. */
  async stop(): Promise<void> {
    this.abort.abort();
    clearTimeout(this.timer);
    await this.round?.catch(() => undefined);
    this.transport.close();
  }

  private schedule(delay: number): void {
    if (this.abort.signal.aborted) return;
    this.timer = setTimeout(() => {
      this.round = this.runOnce()
        .then(() => {
          this.failures = 0;
        })
        .catch((error: unknown) => {
          if (this.abort.signal.aborted) return;
          this.failures += 1;
          if (this.failures === 1) this.options.log?.('notification worker round failed; retrying', error);
        })
        .finally(() => {
          this.round = null;
          const backoff = this.failures === 0 ? 0 : Math.min(30_000, 500 * 2 ** this.failures);
          const isWoken = this.isWakeRequested && this.failures === 0;
          this.isWakeRequested = false;
          this.schedule(isWoken ? 0 : this.options.timing.pollMs + backoff);
        });
    }, delay);
    this.timer.unref();
  }
}
