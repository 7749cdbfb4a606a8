/**
 * Background reads (the first read of a whole collection into a fold: the application tally, the
 * dashboard's interviews) hold their next page while a read the screens lean on runs (the candidate
 * index's first read: every list, search and name). At start they share one main thread and one
 * IndexedDB connection, and interleaved they all finished late.
 */

/** A hold is let go after this long whatever happens, so a read that never ends cannot stall the folds. */
const HOLD_AT_MOST_MS = 5_000;

const holds = new Set<symbol>();
let waiters: (() => void)[] = [];

function releaseWaitersIfFree(): void {
  if (holds.size > 0) return;
  const released = waiters;
  waiters = [];
  released.forEach((resolve) => resolve());
}

/** Holds background reads until the returned function is called (at most `HOLD_AT_MOST_MS`). */
export function holdBackgroundReads(holdAtMostMs = HOLD_AT_MOST_MS): () => void {
  const hold = Symbol('foreground read');
  holds.add(hold);
  const release = () => {
    clearTimeout(timer);
    if (holds.delete(hold)) releaseWaitersIfFree();
  };
  const timer = setTimeout(release, holdAtMostMs);
  return release;
}

/** Resolves at once when nothing holds background reads, else once every hold is let go. */
export function backgroundReadTurn(): Promise<void> {
  if (holds.size === 0) return Promise.resolve();
  return new Promise((resolve) => waiters.push(resolve));
}
