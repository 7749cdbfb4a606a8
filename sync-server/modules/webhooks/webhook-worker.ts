import { randomBytes } from 'node:crypto';
import type { CouchStore } from '../../infra/couch-store';
import { purgeOldDeliveries, type WebhookDatabases } from '../../services/webhook-store';
import { systemResolver } from '../../services/webhook-target';
import { WebhookCapture } from './webhook-capture';
import { WebhookSender, type SenderOptions } from './webhook-sender';
import { RoundLoop, type RoundResult } from '../../services/round-loop';

/** Timing of the worker (the sender's, and the pause between rounds). */
export interface WebhookTiming extends Omit<SenderOptions, 'workerId' | 'allowPrivate' | 'resolve'> {
  readonly pollMs: number;
  /** The longest pause after rounds that found nothing to do (the pause doubles up to it). */
  readonly idleMaxMs: number;
}

/**
 * Production timing: a round at once after every write the change feed reports and every 5 s
 * otherwise (retries), up to a minute while there is nothing to do, 10 s per request, 12 attempts over about 3 hours.
 */
export const DEFAULT_WEBHOOK_TIMING: WebhookTiming = {
  pollMs: 5_000,
  idleMaxMs: 60_000,
  leaseMs: 60_000,
  timeoutMs: 10_000,
  baseDelayMs: 5_000,
  maxDelayMs: 60 * 60_000,
  maxAttempts: 12,
  disableAfter: 25,
  batchSize: 25,
};

/** How often the delivery log drops what is older than it keeps. */
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/** What the worker needs beyond the store. */
export interface WebhookWorkerOptions {
  readonly allowPrivate: boolean;
  readonly timing?: Partial<WebhookTiming>;
  readonly resolve?: SenderOptions['resolve'];
  readonly log: (message: string, error?: unknown) => void;
  readonly now?: () => number;
}

/**
 * The webhook worker of one instance: each round queues the deliveries of new writes, then sends
 * what is due. Any number of instances may run against one store: queueing is idempotent and each
 * attempt is claimed by one of them.
 */
export class WebhookWorker {
  private readonly capture: WebhookCapture;
  private readonly sender: WebhookSender;
  private readonly timing: WebhookTiming;
  private readonly loop: RoundLoop;
  private purgedAt = 0;

  constructor(
    store: CouchStore,
    private readonly databases: WebhookDatabases,
    private readonly options: WebhookWorkerOptions,
  ) {
    this.timing = { ...DEFAULT_WEBHOOK_TIMING, ...options.timing };
    const now = options.now ?? Date.now;
    this.capture = new WebhookCapture(store, databases, now);
    this.sender = new WebhookSender(
      databases,
      {
        ...this.timing,
        workerId: `webhooks-${randomBytes(6).toString('hex')}`,
        allowPrivate: options.allowPrivate,
        resolve: options.resolve ?? systemResolver,
      },
      now,
    );
    this.loop = new RoundLoop({
      round: () => this.runOnce(),
      pollMs: this.timing.pollMs,
      idleMaxMs: this.timing.idleMaxMs,
      onFailure: (error) => options.log('webhook round failed; retrying', error),
      now,
    });
  }

  /** Fixes the capture checkpoints (writes from then on are announced), then runs rounds until stopped. */
  async start(): Promise<void> {
    await this.capture.initialize();
    this.loop.start();
  }

  /** One round: queue, then send (nothing to send while there is no webhook at all). */
  async runOnce(): Promise<RoundResult> {
    const captured = await this.capture.runOnce(this.loop.signal);
    if (this.loop.signal.aborted || captured.webhooks === 0) return { isIdle: true };
    const sent = await this.sender.runOnce();
    const now = (this.options.now ?? Date.now)();
    if (now - this.purgedAt >= PURGE_INTERVAL_MS) {
      this.purgedAt = now;
      await purgeOldDeliveries(this.databases, now);
    }
    return { isIdle: captured.queued + sent.delivered + sent.failed + sent.recovered === 0 };
  }

  /** Runs a round now (the change feed reported a write). */
  wake(): void {
    this.loop.wake();
  }

  /** Stops after the current round. */
  async stop(): Promise<void> {
    await this.loop.stop();
  }
}
