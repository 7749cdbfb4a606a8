/** What a round tells the loop about when the next one is needed. */
export interface RoundResult {
  /** Nothing was found to do: the loop may wait longer before looking again. */
  readonly isIdle: boolean;
  /** When work this round left behind falls due (a retry), in ms since the epoch. */
  readonly nextDueAt?: number;
}

/** What a `RoundLoop` runs, and how often when nothing wakes it. */
export interface RoundLoopOptions {
  /** One round; `signal` aborts when the loop stops. A round that says nothing counts as busy. */
  readonly round: (signal: AbortSignal) => Promise<RoundResult | void>;
  /** The pause between rounds when nothing wakes the loop. */
  readonly pollMs: number;
  /**
   * The longest pause after idle rounds: each idle round in a row doubles the pause from `pollMs`
   * up to this (wakes still run a round at once). Defaults to `pollMs`: a steady poll.
   */
  readonly idleMaxMs?: number;
  /** Told of the first failure of a run of failures. */
  readonly onFailure: (error: unknown) => void;
  readonly now?: () => number;
}

/** The longest pause after failures. */
const MAX_BACKOFF_MS = 30_000;

/**
 * Runs rounds of background work one at a time: after each, a pause (longer after failures, up to
 * 30 s; longer after idle rounds, up to `idleMaxMs`; never past the due time a round reported), or
 * at once when woken (a change the feed reported, a mail someone asked for). A wake during a round
 * runs the next round as soon as it ends.
 *
 * The idle pause is what keeps a deployment of many quiet organisations cheap: their loops are
 * woken by the change feed when there is something to do, and otherwise look only now and then.
 */
export class RoundLoop {
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private failures = 0;
  private idleRounds = 0;
  private isWakeRequested = false;

  constructor(private readonly options: RoundLoopOptions) {}

  /** Starts with a round now. */
  start(): void {
    this.schedule(0);
  }

  /** Runs a round now instead of after the pause. */
  wake(): void {
    if (this.abort.signal.aborted || this.timer === undefined) return;
    this.idleRounds = 0;
    if (this.running) {
      this.isWakeRequested = true;
      return;
    }
    clearTimeout(this.timer);
    this.schedule(0);
  }

  /** Stops after the current round. */
  async stop(): Promise<void> {
    this.abort.abort();
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  /** The pause after a round that went well and was not woken meanwhile. */
  private pauseAfter(result: RoundResult | void): number {
    const { pollMs, idleMaxMs = pollMs } = this.options;
    this.idleRounds = result?.isIdle ? this.idleRounds + 1 : 0;
    const pause = Math.min(Math.max(pollMs, idleMaxMs), pollMs * 2 ** Math.min(this.idleRounds, 30));
    if (result?.nextDueAt === undefined) return pause;
    const untilDue = result.nextDueAt - (this.options.now ?? Date.now)();
    return Math.max(0, Math.min(pause, untilDue));
  }

  private schedule(delay: number): void {
    if (this.abort.signal.aborted) return;
    this.timer = setTimeout(() => {
      this.running = this.options
        .round(this.abort.signal)
        .then((result) => {
          this.failures = 0;
          return this.pauseAfter(result);
        })
        .catch((error: unknown) => {
          if (this.abort.signal.aborted) return 0;
          this.failures += 1;
          if (this.failures === 1) this.options.onFailure(error);
          return this.options.pollMs + Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.failures);
        })
        .then((pause) => {
          this.running = null;
          const isWoken = this.isWakeRequested && this.failures === 0;
          this.isWakeRequested = false;
          this.schedule(isWoken ? 0 : pause);
        });
    }, delay);
    this.timer.unref();
  }
}
