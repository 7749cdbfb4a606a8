/** What a `RoundLoop` runs, and how often when nothing wakes it. */
export interface RoundLoopOptions {
  /** One round; `signal` aborts when the loop stops. */
  readonly round: (signal: AbortSignal) => Promise<void>;
  /** The pause between rounds when nothing wakes the loop. */
  readonly pollMs: number;
  /** Told of the first failure of a run of failures. */
  readonly onFailure: (error: unknown) => void;
}

/**
 * Runs rounds of background work one at a time: after each, a pause (longer after failures, up to
 * 30 s), or at once when woken (a change the feed reported, a mail someone asked for). A wake during
 * a round runs the next round as soon as it ends.
 */
export class RoundLoop {
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private failures = 0;
  private isWakeRequested = false;

  constructor(private readonly options: RoundLoopOptions) {}

  /** Starts with a round now. */
  start(): void {
    this.schedule(0);
  }

  /** Runs a round now instead of after the pause. */
  wake(): void {
    if (this.abort.signal.aborted || this.timer === undefined) return;
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

  private schedule(delay: number): void {
    if (this.abort.signal.aborted) return;
    this.timer = setTimeout(() => {
      this.running = this.options
        .round(this.abort.signal)
        .then(() => {
          this.failures = 0;
        })
        .catch((error: unknown) => {
          if (this.abort.signal.aborted) return;
          this.failures += 1;
          if (this.failures === 1) this.options.onFailure(error);
        })
        .finally(() => {
          this.running = null;
          const backoff = this.failures === 0 ? 0 : Math.min(30_000, 500 * 2 ** this.failures);
          const isWoken = this.isWakeRequested && this.failures === 0;
          this.isWakeRequested = false;
          this.schedule(isWoken ? 0 : this.options.pollMs + backoff);
        });
    }, delay);
    this.timer.unref();
  }
}
