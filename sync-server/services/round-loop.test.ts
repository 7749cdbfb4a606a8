import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RoundLoop, type RoundResult } from './round-loop';

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});

afterEach(() => {
  vi.useRealTimers();
});

/** A loop whose rounds answer what `results` says, one after another (the last repeated). */
function loopOf(options: { pollMs: number; idleMaxMs?: number }, results: (RoundResult | Error)[]) {
  const startedAt: number[] = [];
  const loop = new RoundLoop({
    ...options,
    onFailure: () => undefined,
    round: () => {
      startedAt.push(Date.now());
      const result = results[Math.min(startedAt.length - 1, results.length - 1)];
      return result instanceof Error ? Promise.reject(result) : Promise.resolve(result);
    },
  });
  return { loop, startedAt, gaps: () => startedAt.slice(1).map((at, index) => at - (startedAt[index] ?? 0)) };
}

const IDLE: RoundResult = { isIdle: true };
const BUSY: RoundResult = { isIdle: false };

describe('RoundLoop', () => {
  it('polls steadily without an idle maximum, idle or not', async () => {
    const { loop, gaps } = loopOf({ pollMs: 1_000 }, [IDLE]);
    loop.start();
    await vi.advanceTimersByTimeAsync(10_500);
    await loop.stop();
    expect(gaps()).toEqual(Array.from({ length: 10 }, () => 1_000));
  });

  it('doubles the pause after each idle round up to the maximum, and a busy round brings it back', async () => {
    const results = [IDLE, IDLE, IDLE, IDLE, IDLE, BUSY, IDLE];
    const { loop, gaps } = loopOf({ pollMs: 1_000, idleMaxMs: 10_000 }, results);
    loop.start();
    await vi.advanceTimersByTimeAsync(1_000 * (2 + 4 + 8 + 10 + 10 + 1 + 2) + 500);
    await loop.stop();
    expect(gaps()).toEqual([2_000, 4_000, 8_000, 10_000, 10_000, 1_000, 2_000]);
  });

  it('runs at once when woken, and looks often again after it', async () => {
    const { loop, startedAt } = loopOf({ pollMs: 1_000, idleMaxMs: 60_000 }, [IDLE]);
    loop.start();
    await vi.advanceTimersByTimeAsync(15_100);
    // Rounds at 0, 2, 6 and 14 s: the next would be at 30 s.
    expect(startedAt).toEqual([1_000_000, 1_002_000, 1_006_000, 1_014_000]);
    loop.wake();
    await vi.advanceTimersByTimeAsync(2_000);
    await loop.stop();
    expect(startedAt.slice(4)).toEqual([1_015_100, 1_017_100]);
  });

  it('never waits past the due time a round reports', async () => {
    const due = { isIdle: true, nextDueAt: 1_000_000 + 1_500 };
    const { loop, startedAt } = loopOf({ pollMs: 1_000, idleMaxMs: 60_000 }, [due, IDLE]);
    loop.start();
    await vi.advanceTimersByTimeAsync(1_600);
    await loop.stop();
    expect(startedAt).toEqual([1_000_000, 1_001_500]);
  });

  it('backs off after failures, and is told only of the first of a run', async () => {
    const onFailure = vi.fn();
    const startedAt: number[] = [];
    const loop = new RoundLoop({
      pollMs: 1_000,
      onFailure,
      round: () => {
        startedAt.push(Date.now());
        return Promise.reject(new Error('store down'));
      },
    });
    loop.start();
    await vi.advanceTimersByTimeAsync(1_000 + 2_000 + 1_000 + 3_000 + 100);
    await loop.stop();
    expect(startedAt.slice(1).map((at, index) => at - (startedAt[index] ?? 0))).toEqual([2_000, 3_000]);
    expect(onFailure).toHaveBeenCalledTimes(1);
  });
});
