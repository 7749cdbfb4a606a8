import { describe, expect, it } from 'vitest';
import { FALLBACK_PULL_POLICY, fallbackPullDelay } from './fallback-pull';

describe('fallbackPullDelay', () => {
  it.each([
    { failures: 0, isOnline: true, delay: 30_000 },
    { failures: 1, isOnline: true, delay: 60_000 },
    { failures: 2, isOnline: true, delay: 120_000 },
    { failures: 3, isOnline: true, delay: 240_000 },
    { failures: 4, isOnline: true, delay: 300_000 },
    { failures: 1_000, isOnline: true, delay: 300_000 },
    { failures: 0, isOnline: false, delay: 300_000 },
  ])('waits $delay ms after $failures failed pulls (online: $isOnline)', ({ failures, isOnline, delay }) => {
    expect(fallbackPullDelay(FALLBACK_PULL_POLICY, { failures, isOnline })).toBe(delay);
  });
});
