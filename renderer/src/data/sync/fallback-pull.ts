/**
 * Pulls that do not depend on the live stream. The stream can stay connected and still say nothing
 * (a server whose change follower stopped), or be down for minutes behind a proxy: while it is
 * silent or down, every collection is pulled on a timer, backing off while pulls fail or the device
 * is offline. A pull also runs when the window gets the focus back and when the network returns.
 */

/** How often and how patiently the fallback pulls. */
export interface FallbackPullPolicy {
  /** Pull when the stream has been silent (no event) for this long, and again after each pull. */
  readonly quietMs: number;
  /** The longest pause, reached by doubling while pulls fail, and used while offline. */
  readonly maxMs: number;
  /** Focus and network events pull at most this often. */
  readonly minGapMs: number;
}

export const FALLBACK_PULL_POLICY: FallbackPullPolicy = { quietMs: 30_000, maxMs: 5 * 60_000, minGapMs: 5_000 };

/** The pause before the next timed pull: doubled per failed pull in a row, the longest while offline. */
export function fallbackPullDelay(
  policy: FallbackPullPolicy,
  state: { readonly failures: number; readonly isOnline: boolean },
): number {
  if (!state.isOnline) return policy.maxMs;
  return Math.min(policy.maxMs, policy.quietMs * 2 ** Math.min(state.failures, 20));
}

/** What the fallback needs from the sync engine and the page. */
export interface FallbackPullHost {
  /** Pulls every collection (RxDB's `RESYNC`). */
  pullAll(): void;
  /** Called with the pause before the next timed pull (for the status). */
  onScheduled(delayMs: number): void;
  isOnline(): boolean;
}

/** The running fallback: the engine tells it what the stream and the pulls do. */
export interface FallbackPull {
  /** The stream delivered an event (so it works right now). */
  noteStreamEvent(): void;
  /** A pull answered, or failed. */
  notePull(isOk: boolean): void;
  stop(): void;
}

/**
 * Starts the fallback. The timer restarts from every stream event and every pull, so a stream that
 * delivers events keeps it quiet, and one that says nothing is backed up every `quietMs`.
 */
export function startFallbackPull(host: FallbackPullHost, policy: FallbackPullPolicy = FALLBACK_PULL_POLICY): FallbackPull {
  let failures = 0;
  let lastFailureAt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastPullAt = 0;
  let isStopped = false;

  const schedule = () => {
    if (isStopped) return;
    if (timer) clearTimeout(timer);
    const delay = fallbackPullDelay(policy, { failures, isOnline: host.isOnline() });
    host.onScheduled(delay);
    timer = setTimeout(pull, delay);
  };
  const pull = () => {
    if (isStopped) return;
    lastPullAt = Date.now();
    host.pullAll();
    // If nothing answers (every pull stuck), the timer still comes back.
    schedule();
  };
  const pullSoon = () => {
    if (Date.now() - lastPullAt >= policy.minGapMs) pull();
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') pullSoon();
  };
  const onOnline = () => {
    failures = 0;
    pull();
  };
  const onOffline = () => schedule();

  window.addEventListener('focus', pullSoon);
  document.addEventListener('visibilitychange', onVisible);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  schedule();

  return {
    noteStreamEvent: schedule,
    notePull(isOk) {
      // Every collection answers a round: its failures count once.
      if (isOk) failures = 0;
      else if (Date.now() - lastFailureAt > 2_000) failures += 1;
      if (!isOk) lastFailureAt = Date.now();
      schedule();
    },
    stop() {
      isStopped = true;
      if (timer) clearTimeout(timer);
      window.removeEventListener('focus', pullSoon);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    },
  };
}
