import { describe, expect, it } from 'vitest';
import { jsonEqual } from '../common/equality';
import type { Actor } from '../common/roles';
import { decideWrite } from '../decide/decide-write';
import type { WriteContext } from '../decide/write-context';
import { moveToStage } from '../application/application-commands';
import { applicationId, type Application } from '../application/application-schema';
import { defaultSettings } from '../settings/settings-schema';
import { application, candidate, DAY, iso, job, NOW } from '../../test-support/fixtures';
import type { Candidate } from './candidate-schema';
import { planCandidateMerge } from './candidate-merge';

// Property tests of the merge, as STYLE.md asks: two laptops merge the same pair offline (either way
// round), maybe while another change is made, and sync in any order. The server is a map judged by
// `decideWrite`; a conflict leaves the server's version (as a refused push does).

type Collection = 'candidates' | 'applications';
type Doc = Candidate | Application;
type Store = Map<string, Doc>;
const key = (collection: Collection, id: string): string => `${collection}/${id}`;
const RECRUITER: Actor = { id: 'recruiter-1', role: 'recruiter' };
const JOBS = new Map([
  ['job-1', job()],
  ['job-2', job({ id: 'job-2' })],
  ['job-3', job({ id: 'job-3' })],
]);

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function contextOf(store: Store, collection: Collection, doc: Doc): WriteContext {
  const get = <T extends Doc>(c: Collection, id: string | undefined): T | null =>
    id === undefined ? null : ((store.get(key(c, id)) as T | undefined) ?? null);
  if (collection === 'candidates') {
    return { now: NOW, mergeTarget: get<Candidate>('candidates', (doc as Candidate).mergedInto) };
  }
  const app = doc as Application;
  const source = get<Application>('applications', app.mergedFrom);
  return {
    now: NOW,
    job: JOBS.get(app.jobId) ?? null,
    candidate: get<Candidate>('candidates', app.candidateId),
    settings: defaultSettings(NOW),
    mergeSource: source,
    mergeSourceCandidate: get<Candidate>('candidates', source?.candidateId),
  };
}

class Laptop {
  readonly local: Store;
  /** The server version each document was last seen at (what a push assumes). */
  readonly assumed: Store;
  readonly pending = new Set<string>();

  constructor(server: Store) {
    this.local = new Map(server);
    this.assumed = new Map(server);
  }

  /** A write made on this laptop, if the shared rules allow it here (as the app checks first). */
  write(collection: Collection, before: Doc | null, after: Doc): void {
    const k = key(collection, after.id);
    const current = this.local.get(k) ?? null;
    if (!jsonEqual(current, before)) return;
    if (
      !decideWrite(RECRUITER, collection, before as never, after, contextOf(this.local, collection, after)).ok
    )
      return;
    this.local.set(k, after);
    this.pending.add(k);
  }

  merge(firstId: string, secondId: string): void {
    const first = this.local.get(key('candidates', firstId)) as Candidate;
    const second = this.local.get(key('candidates', secondId)) as Candidate;
    const applications = [...this.local.values()].filter((doc): doc is Application => 'jobId' in doc);
    const plan = planCandidateMerge(first, second, applications, iso(-DAY));
    if (!plan.ok) return;
    for (const write of plan.writes) this.write(write.collection, write.before, write.after);
  }

  /** Finishes merges that landed only in part (the app does this after each pull). */
  completeMerges(): void {
    for (const doc of [...this.local.values()]) {
      if ('jobId' in doc || !doc.mergedInto) continue;
      this.merge(doc.id, doc.mergedInto);
    }
  }

  push(server: Server, collection: Collection): void {
    for (const k of [...this.pending]) {
      if (!k.startsWith(`${collection}/`)) continue;
      this.pending.delete(k);
      const after = this.local.get(k);
      if (after) server.receive(collection, this.assumed.get(k) ?? null, after);
      this.take(k, server.store.get(k));
    }
  }

  pull(server: Server, collection: Collection): void {
    for (const [k, doc] of server.store) {
      if (k.startsWith(`${collection}/`) && !this.pending.has(k)) this.take(k, doc);
    }
  }

  private take(k: string, doc: Doc | undefined): void {
    if (doc) {
      this.local.set(k, doc);
      this.assumed.set(k, doc);
    } else {
      this.local.delete(k);
      this.assumed.delete(k);
    }
  }
}

class Server {
  readonly accepted: { collection: Collection; before: Doc | null; after: Doc }[] = [];
  constructor(readonly store: Store) {}

  receive(collection: Collection, assumed: Doc | null, after: Doc): void {
    const k = key(collection, after.id);
    const current = this.store.get(k) ?? null;
    if (!jsonEqual(current, assumed)) return; // a conflict: the server's version stands
    const decision = decideWrite(
      RECRUITER,
      collection,
      current as never,
      after,
      contextOf(this.store, collection, after),
    );
    if (!decision.ok) return;
    this.accepted.push({ collection, before: current, after });
    this.store.set(k, after);
  }
}

/** Ada twice: the older record applied to jobs 1 and 2, the newer one to jobs 2 and 3. */
function initialStore(): Store {
  const older = candidate({ id: 'cand-old', createdAt: iso(-30 * DAY), email: 'ada@example.org' });
  const newer = candidate({ id: 'cand-new', createdAt: iso(-3 * DAY), email: 'ada.l@example.org' });
  const apps = [
    application('interview', { id: applicationId('job-1', older.id), jobId: 'job-1', candidateId: older.id }),
    application('applied', { id: applicationId('job-2', older.id), jobId: 'job-2', candidateId: older.id }),
    application('screening', { id: applicationId('job-2', newer.id), jobId: 'job-2', candidateId: newer.id }),
    application('applied', { id: applicationId('job-3', newer.id), jobId: 'job-3', candidateId: newer.id }),
  ];
  const store: Store = new Map();
  for (const doc of [older, newer]) store.set(key('candidates', doc.id), doc);
  for (const doc of apps) store.set(key('applications', doc.id), doc);
  return store;
}

type Step = (laptops: readonly Laptop[], server: Server) => void;

function randomSchedule(seed: number, withConcurrentMove: boolean): Step[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const PAIRS: readonly (readonly [string, string])[] = [
    ['cand-old', 'cand-new'],
    ['cand-new', 'cand-old'],
  ];
  const steps: Step[] = [0, 1].map((index) => {
    const [first, second] = pick(PAIRS);
    return (laptops) => (laptops[index] as Laptop).merge(first, second);
  });
  if (withConcurrentMove) {
    steps.push((laptops) => {
      const laptop = laptops[1] as Laptop;
      const before = laptop.local.get(key('applications', applicationId('job-3', 'cand-new'))) as Application;
      laptop.write(
        'applications',
        before,
        moveToStage(before, 'screening', RECRUITER, {}, { at: new Date(NOW - 60_000) }),
      );
    });
  }
  const syncs = Array.from({ length: 8 }, (): Step => {
    const index = Math.floor(next() * 2);
    const collection = pick(['candidates', 'applications'] as const);
    const kind = pick(['push', 'pull', 'complete'] as const);
    return (laptops, server) => {
      const laptop = laptops[index] as Laptop;
      if (kind === 'push') laptop.push(server, collection);
      else if (kind === 'pull') laptop.pull(server, collection);
      else laptop.completeMerges();
    };
  });
  const all = [...steps, ...syncs];
  // Shuffle, keeping each laptop's own actions in the order they were listed.
  return all
    .map((step, index) => ({ step, order: index < steps.length ? index / 100 + next() : next() }))
    .sort((a, b) => a.order - b.order)
    .map(({ step }) => step);
}

/** Everything syncs until nothing changes: what the app does once back online. */
function settle(laptops: readonly Laptop[], server: Server): void {
  for (let round = 0; round < 5; round += 1) {
    for (const laptop of laptops) {
      for (const collection of ['candidates', 'applications'] as const) {
        laptop.push(server, collection);
        laptop.pull(server, collection);
      }
      laptop.completeMerges();
    }
  }
}

function run(seed: number, withConcurrentMove: boolean): { server: Server; laptops: Laptop[] } {
  const store = initialStore();
  const server = new Server(store);
  const laptops = [new Laptop(store), new Laptop(store)];
  for (const step of randomSchedule(seed, withConcurrentMove)) step(laptops, server);
  settle(laptops, server);
  return { server, laptops };
}

function expectCompleteMerge(store: Store): void {
  expect((store.get(key('candidates', 'cand-new')) as Candidate).mergedInto).toBe('cand-old');
  expect((store.get(key('candidates', 'cand-old')) as Candidate).mergedInto).toBeUndefined();
  for (const jobId of ['job-1', 'job-2', 'job-3']) {
    const survivor = store.get(key('applications', applicationId(jobId, 'cand-old'))) as Application;
    expect(survivor.candidateId).toBe('cand-old');
    expect(survivor.mergedInto).toBeUndefined();
  }
  for (const jobId of ['job-2', 'job-3']) {
    const merged = store.get(key('applications', applicationId(jobId, 'cand-new'))) as Application;
    expect(merged.mergedInto).toBe(applicationId(jobId, 'cand-old'));
  }
  // Both applied to job 2: it collapses into the older record's application, whose story is unchanged.
  const collapsed = store.get(key('applications', applicationId('job-2', 'cand-old'))) as Application;
  expect(collapsed.stage).toBe('applied');
  expect(collapsed.mergedFrom).toBeUndefined();
  const carried = store.get(key('applications', applicationId('job-3', 'cand-new'))) as Application;
  const rekeyed = store.get(key('applications', applicationId('job-3', 'cand-old'))) as Application;
  expect(rekeyed.mergedFrom).toBe(carried.id);
  expect(rekeyed.stageHistory).toEqual(carried.stageHistory);
}

const SEEDS = Array.from({ length: 150 }, (_, index) => index + 1);

describe('merging duplicates converges whatever the order of sync', () => {
  const reference = run(0, false).server.store;

  it.each(SEEDS)('schedule %i: both laptops end equal to the server, with the same result', (seed) => {
    const { server, laptops } = run(seed, false);
    for (const laptop of laptops)
      expect([...laptop.local.entries()].sort()).toEqual([...server.store.entries()].sort());
    expectCompleteMerge(server.store);
    expect([...server.store.entries()].sort()).toEqual([...reference.entries()].sort());
  });

  it.each(SEEDS)('schedule %i with a stage move made offline meanwhile: converged and complete', (seed) => {
    const { server, laptops } = run(seed, true);
    for (const laptop of laptops)
      expect([...laptop.local.entries()].sort()).toEqual([...server.store.entries()].sort());
    expectCompleteMerge(server.store);
    // Every write the server took passed decideWrite against what it held then; re-judging each
    // final document as unchanged passes too.
    expect(server.accepted.length).toBeGreaterThan(0);
    for (const [k, doc] of server.store) {
      const collection = k.split('/')[0] as Collection;
      expect(
        decideWrite(RECRUITER, collection, doc as never, doc, contextOf(server.store, collection, doc)).ok,
      ).toBe(true);
    }
  });
});
