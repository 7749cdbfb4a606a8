import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchHttp, isRecord } from '../infra/couch-http';
import { CouchStore } from '../infra/couch-store';
import { AttemptLimiter, type AttemptLimit, type LimitVerdict } from '../services/attempt-limiter';
import { startClusterProxy, type ClusterProxy } from './support/cluster-proxy';
import {
  freshPrefix,
  isExternalStore,
  NEEDS_EMBEDDED_STORE,
  startTestStore,
  type TestStore,
} from './support/test-server';

/**
 * The attempt limiter under the concurrency an attacker controls: bursts through two instances
 * with clocks that disagree, a CouchDB cluster where two writers both "win" a document at first,
 * and a window reaching into yesterday's database.
 */
let testStore: TestStore;
let direct: CouchHttp;
const SECRET = 'a-secret-of-the-deployment-0123456789';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

beforeAll(async () => {
  testStore = await startTestStore();
  direct = new CouchHttp(testStore.store.url);
});

afterAll(async () => {
  await testStore.stop();
});

/** Two instances on one set of databases, sharing nothing but the store (at `url`). */
function twoInstances(url = testStore.store.url): {
  prefix: string;
  limiters: [AttemptLimiter, AttemptLimiter];
} {
  const prefix = freshPrefix();
  return {
    prefix,
    limiters: [
      new AttemptLimiter(new CouchStore(url, prefix), SECRET),
      new AttemptLimiter(new CouchStore(url, prefix), SECRET),
    ],
  };
}

/** Every live document of a day's attempt database, with its hidden conflicting leaves. */
async function storedAttempts(prefix: string, day: string): Promise<Record<string, unknown>[]> {
  const answer = await direct.request({
    method: 'GET',
    path: `${encodeURIComponent(`${prefix}auth_attempts_${day}`)}/_all_docs`,
    qs: { include_docs: 'true', conflicts: 'true' },
  });
  if (answer.status === 404) return [];
  const rows = isRecord(answer.body) && Array.isArray(answer.body['rows']) ? answer.body['rows'] : [];
  return rows.flatMap((row) => (isRecord(row) && isRecord(row['doc']) ? [row['doc']] : []));
}

/** `count` attempts at once, alternating instances, each at its own clock `at(index)`. */
function burst(
  limiters: readonly [AttemptLimiter, AttemptLimiter],
  limits: readonly AttemptLimit[],
  count: number,
  at: (index: number) => number,
): Promise<LimitVerdict[]> {
  return Promise.all(
    Array.from({ length: count }, (_, index) => limiters[index % 2 === 0 ? 0 : 1].attempt(limits, at(index))),
  );
}

const oks = (verdicts: readonly LimitVerdict[]): number => verdicts.filter((verdict) => verdict.ok).length;

/** Waits until `condition` holds (checked every few milliseconds, for at most 10 s). */
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 10_000) throw new Error('waited in vain');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replaceAll('-', '');
}

describe('attempt limits under concurrency', () => {
  it('of 40 concurrent attempts through two instances with skewed clocks, exactly the limit go ahead, round after round', async () => {
    const { prefix, limiters } = twoInstances();
    const now = Date.UTC(2026, 4, 5, 12);
    for (let round = 0; round < 5; round += 1) {
      const limit = { scope: 'login-account', key: `burst-${round}@example.org`, max: 3, windowMs: MINUTE };
      // Clocks up to 0.8 s apart, later attempts often with earlier clocks.
      const verdicts = await burst(limiters, [limit], 40, (index) => now + ((index * 7919) % 800) - 400);
      expect(oks(verdicts), `round ${round}`).toBe(3);
      for (const verdict of verdicts) {
        if (!verdict.ok) expect(verdict.retryAfterSeconds).toBeGreaterThanOrEqual(59);
      }
    }
    // Only the attempts that went ahead were stored.
    expect(await storedAttempts(prefix, dayOf(now))).toHaveLength(15);
  });

  it('lets a generous limit (an API key) take a burst whole, and stops a tighter one exactly at its limit', async () => {
    const { limiters } = twoInstances();
    const now = Date.UTC(2026, 4, 5, 12);
    const generous = { scope: 'api-key', key: 'key-generous', max: 1_000, windowMs: MINUTE };
    expect(oks(await burst(limiters, [generous], 40, (index) => now + (index % 5)))).toBe(40);
    const tight = { scope: 'api-key', key: 'key-tight', max: 25, windowMs: MINUTE };
    expect(oks(await burst(limiters, [tight], 40, (index) => now + 20 - (index % 9)))).toBe(25);
    expect(oks(await burst(limiters, [tight], 10, () => now + 100))).toBe(0);
  });

  it('writes nothing for a burst once the window is full, and answers when there is room again', async () => {
    const { prefix, limiters } = twoInstances();
    const start = Date.UTC(2026, 4, 5, 12, 0, 0, 250);
    const limit = { scope: 'login-address', key: '203.0.113.9', max: 3, windowMs: MINUTE };
    for (const offset of [0, 10_000, 20_000]) {
      expect((await limiters[0].attempt([limit], start + offset)).ok).toBe(true);
    }
    const stored = await storedAttempts(prefix, dayOf(start));
    const now = start + 30_000;
    const verdicts = await burst(limiters, [limit], 30, (index) => now + index);
    expect(oks(verdicts)).toBe(0);
    expect(await storedAttempts(prefix, dayOf(start))).toEqual(stored);
    // The first attempt (at start) leaves the window once it is more than a minute old.
    const first = await limiters[1].attempt([limit], now);
    expect(first).toEqual({ ok: false, retryAfterSeconds: 31 });
    expect((await limiters[1].attempt([limit], start + MINUTE)).ok).toBe(false);
    expect((await limiters[1].attempt([limit], now + 31_000)).ok).toBe(true);
    // Room for one: the next is refused until the second attempt (at start + 10 s) leaves.
    expect(await limiters[0].attempt([limit], now + 31_000)).toEqual({ ok: false, retryAfterSeconds: 10 });
  });

  it('goes ahead only if every limit lets it, and answers the longest wait', async () => {
    const { limiters } = twoInstances();
    const now = Date.UTC(2026, 4, 5, 12);
    const account = { scope: 'login-account', key: 'both@example.org', max: 2, windowMs: MINUTE };
    const address = { scope: 'login-address', key: '198.51.100.1', max: 100, windowMs: HOUR };
    expect(oks(await burst(limiters, [address, account], 12, (index) => now + index))).toBe(2);
    // The address counted every attempt, as it had room for each: twelve; neither limit has room now.
    const refused = await limiters[1].attempt([account, { ...address, max: 12 }], now + 30_000);
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 3571 });
    expect((await limiters[0].attempt([{ ...address, max: 13 }], now + 30_000)).ok).toBe(true);
  });
});

describe('attempt limits across the day boundary', () => {
  it("counts yesterday's attempts in a window reaching into yesterday, on clocks either side of midnight", async () => {
    const { prefix, limiters } = twoInstances();
    const midnight = Date.UTC(2026, 5, 1);
    const limit = { scope: 'register-account', key: 'night.owl@example.org', max: 4, windowMs: HOUR };
    expect((await limiters[0].attempt([limit], midnight - 20 * MINUTE + 250)).ok).toBe(true);
    expect((await limiters[1].attempt([limit], midnight - 10 * MINUTE)).ok).toBe(true);
    // A burst around midnight: one instance's clock is past it, the other's is not yet.
    const verdicts = await burst(limiters, [limit], 30, (index) =>
      index % 2 === 0 ? midnight + 50 + index : midnight - 50 - index,
    );
    expect(oks(verdicts)).toBe(2);
    expect(await storedAttempts(prefix, dayOf(midnight - 1))).not.toHaveLength(0);
    // The first attempt (20 minutes before midnight) holds the window until 40 minutes past it.
    const later = midnight + 15 * MINUTE;
    expect(await limiters[0].attempt([limit], later)).toEqual({ ok: false, retryAfterSeconds: 1501 });
    expect((await limiters[1].attempt([limit], later + 1_500_000)).ok).toBe(false);
    expect((await limiters[1].attempt([limit], later + 1_501_000)).ok).toBe(true);
    // A clock still before midnight sees what the later clocks stored.
    expect((await limiters[0].attempt([limit], midnight - 1_000)).ok).toBe(false);
  });

  it('after a day with no attempts, starts afresh', async () => {
    const { limiters } = twoInstances();
    const now = Date.UTC(2026, 5, 10, 9);
    const limit = { scope: 'password-reset-account', key: 'back@example.org', max: 2, windowMs: 24 * HOUR };
    expect(oks(await burst(limiters, [limit], 6, (index) => now - 3 * 24 * HOUR + index))).toBe(2);
    expect(oks(await burst(limiters, [limit], 6, (index) => now + index))).toBe(2);
  });
});

describe.skipIf(isExternalStore)(
  `attempt limits on a cluster (${NEEDS_EMBEDDED_STORE}: the proxy fronts it)`,
  () => {
    let proxy: ClusterProxy;

    beforeAll(async () => {
      proxy = await startClusterProxy(testStore.store.url);
    });

    afterAll(async () => {
      await proxy.close();
    });

    it('refuses an attempt with an earlier clock whose write reaches the store after a later one went ahead', async () => {
      const { prefix, limiters } = twoInstances(proxy.url);
      const now = Date.UTC(2026, 6, 2, 12);
      const limit = { scope: 'login-account', key: 'slow-write@example.org', max: 1, windowMs: MINUTE };
      const early = now;
      const late = now + 10;
      // The early attempt's first write is held at the store until the late attempt has answered.
      const match = { path: /auth_attempts_/, body: new RegExp(`"at":${early}[,}]`) };
      const held = proxy.gather(match, 2);
      const writesSeen = proxy.requests.length;
      const earlyVerdict = limiters[0].attempt([limit], early);
      await until(() =>
        proxy.requests
          .slice(writesSeen)
          .some((request) => request.method !== 'GET' && /auth_attempts_\d{8}\/./.test(request.path)),
      );
      const lateVerdict = await limiters[1].attempt([limit], late);
      await new CouchHttp(proxy.url).request({
        method: 'POST',
        path: `${encodeURIComponent(`${prefix}auth_attempts_release`)}/_bulk_docs`,
        body: { docs: [{ _id: 'release', at: early }] },
      });
      await held;
      expect(oks([lateVerdict, await earlyVerdict])).toBe(1);
    });

    it('settles two writers that both "won" one attempt (a sibling leaf), so exactly the limit go ahead', async () => {
      const { prefix, limiters } = twoInstances(proxy.url);
      const now = Date.UTC(2026, 6, 1, 12);
      try {
        for (const [round, rank] of (['high', 'low', 'high', 'low'] as const).entries()) {
          proxy.answerAccepted(true);
          proxy.makeSiblings(rank);
          const limit = {
            scope: 'login-account',
            key: `cluster-${round}@example.org`,
            max: 3,
            windowMs: MINUTE,
          };
          const verdicts = await burst(limiters, [limit], 16, (index) => now + ((index * 31) % 40));
          expect(oks(verdicts), `siblings ${rank}`).toBe(3);
        }
      } finally {
        proxy.answerAccepted(false);
        proxy.makeSiblings(null);
      }
      const stored = await storedAttempts(prefix, dayOf(now));
      expect(stored).toHaveLength(12);
      for (const doc of stored) expect(doc['_conflicts'], String(doc['_id'])).toBeUndefined();
    });
  },
);
