import { afterEach, describe, expect, it, vi } from 'vitest';
import { backgroundReadTurn, holdBackgroundReads } from './read-priority';

/** Whether `promise` has settled by the end of the current turn. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => {
    settled = true;
  });
  await Promise.resolve();
  await Promise.resolve();
  return settled;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('background reads and the reads that hold them', () => {
  it('go at once when nothing holds them', async () => {
    expect(await isSettled(backgroundReadTurn())).toBe(true);
  });

  it('wait until every hold is let go', async () => {
    const first = holdBackgroundReads();
    const second = holdBackgroundReads();
    const turn = backgroundReadTurn();
    expect(await isSettled(turn)).toBe(false);
    first();
    // Letting go twice changes nothing: the other hold still stands.
    first();
    expect(await isSettled(turn)).toBe(false);
    second();
    expect(await isSettled(turn)).toBe(true);
    expect(await isSettled(backgroundReadTurn())).toBe(true);
  });

  it('go after the longest hold even when it is never let go', async () => {
    vi.useFakeTimers();
    const release = holdBackgroundReads(5_000);
    const turn = backgroundReadTurn();
    vi.advanceTimersByTime(4_999);
    expect(await isSettled(turn)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(await isSettled(turn)).toBe(true);
    release();
    expect(await isSettled(backgroundReadTurn())).toBe(true);
  });
});
