import { randomBytes } from 'node:crypto';
import type { CouchStore } from '../../infra/couch-store';
import { ChangeCapture } from './change-capture';
import { checkMentionNotice } from './comment-capture';
import { fileTransport, smtpTransport, type MailTransport } from './mail-transport';
import type { NotificationSettings } from '../../services/notifications-config';
import { ensureOutboxDatabase } from '../../services/outbox-database';
import { OutboxSender, type SendCheck, type SenderOptions } from './outbox-sender';
import { RoundLoop, type RoundResult } from '../../services/round-loop';
import { ScorecardReminders } from './scorecard-reminders';

/** Timing of the worker; every field has a production default. */
export interface WorkerTiming extends Omit<SenderOptions, 'workerId'> {
  /** Pause between rounds when nothing wakes the worker (the change feed wakes it on every change). */
  readonly pollMs: number;
  /** The longest pause after rounds that found nothing to do (the pause doubles up to it). */
  readonly idleMaxMs: number;
  /** How often a worker looks for missing scorecards to remind (they are due by the hour, not the second). */
  readonly reminderEveryMs: number;
}

export const DEFAULT_TIMING: WorkerTiming = {
  pollMs: 10_000,
  idleMaxMs: 60_000,
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
  private readonly loop: RoundLoop;
  private readonly reminders: ScorecardReminders;
  private lastRemindersAt = -Infinity;

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
    this.loop = new RoundLoop({
      round: () => this.runOnce(),
      pollMs: options.timing.pollMs,
      idleMaxMs: options.timing.idleMaxMs,
      onFailure: (error) => options.log?.('notification worker round failed; retrying', error),
      now: options.now ?? Date.now,
    });
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
    const context = { store, outbox, mailFrom: settings.mailFrom, messages, now };
    const capture = new ChangeCapture(context);
    const reminders = new ScorecardReminders(context);
    const workerId = `worker-${randomBytes(6).toString('hex')}`;
    // Notices whose source can be taken back while they wait are asked again at their turn.
    const check: SendCheck = (entry) =>
      entry.template === 'comment_mention'
        ? checkMentionNotice(context, entry)
        : Promise.resolve({ action: 'send' });
    const sender = new OutboxSender(outbox, transport, { ...timing, workerId }, now, check);
    return new NotificationWorker({ ...options, timing }, capture, sender, reminders, transport);
  }

  /** Fixes the capture checkpoints, if not yet: changes from then on are notified. */
  async prepare(): Promise<void> {
    await this.capture.initialize();
  }

  /** Prepares, then runs rounds until stopped. */
  async start(): Promise<void> {
    await this.prepare();
    this.loop.start();
  }

  /**
   * One round: capture, the scorecard reminders when they are due for a look, then send. Exposed for
   * tests and for draining before shutdown.
   */
  async runOnce(): Promise<RoundResult> {
    const { reminderEveryMs } = this.options.timing;
    let work = await this.capture.runOnce(this.loop.signal);
    const now = (this.options.now ?? Date.now)();
    if (!this.loop.signal.aborted && now - this.lastRemindersAt >= reminderEveryMs) {
      work += await this.reminders.runOnce();
      this.lastRemindersAt = now;
    }
    if (!this.loop.signal.aborted) {
      const sent = await this.sender.runOnce();
      work += sent.sent + sent.failed + sent.recovered + sent.cancelled;
    }
    return { isIdle: work === 0, nextDueAt: this.lastRemindersAt + reminderEveryMs };
  }

  /**
   * Runs a round now instead of after the pause (a change the feed reported, a mail someone just
   * asked for, e.g. a password reset link); during a round, runs the next one as soon as it ends.
   */
  wake(): void {
    this.loop.wake();
  }

  /** Stops after the current round and closes the transport. */
  async stop(): Promise<void> {
    await this.loop.stop();
    this.transport.close();
  }
}
