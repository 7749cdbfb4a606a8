import { STAGES } from '#shared/domain/application/application-schema';
import type { CollectionName } from '#shared/domain/collections';
import { pull, pullAll, push, signIn, type WireDoc } from '../harness/api-client';
import { startBenchServer, type BenchServer } from '../harness/bench-server';
import { BENCH_PASSWORD, seedOrganisation } from '../harness/seed';
import { openStream } from '../harness/sse-client';
import { movableApplicationIds, movedForward, nextForwardStage } from '../harness/workload';
import { distribution } from '../runner/stats';
import type { Organisation } from '../generate/organisation-generator';
import type { Figure } from '../runner/result';
import { firstOfRole, type Benchmark, type BenchmarkSpec } from './context';

const CHANGES = 50;
const WAIT_PER_CHANGE_MS = 5_000;
const PAUSE_BETWEEN_CHANGES_MS = 100;
const AIM_P50_MS = 300;
const AIM_P95_MS = 1_000;

/**
 * Client B as RxDB runs it: holds the change stream and, on each change event of a collection, pulls
 * that collection from its checkpoint until a short batch (one pull at a time, re-run if events came
 * meanwhile). Calls `onDocument` with every pulled document and when it arrived.
 */
class StreamingReplica {
  private running = false;
  private again = false;
  private checkpoint: Record<string, unknown> | null;

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly collection: CollectionName,
    checkpoint: Record<string, unknown> | null,
    private readonly onDocument: (doc: WireDoc, at: number) => void,
    private readonly onError: (error: unknown) => void,
  ) {
    this.checkpoint = checkpoint;
  }

  requestPull(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.drain();
  }

  private async drain(): Promise<void> {
    try {
      for (let round = 0; round < 100; round += 1) {
        this.again = false;
        for (let page = 0; page < 1_000; page += 1) {
          const batch = await pull(this.baseUrl, this.token, this.collection, this.checkpoint, 100);
          const at = performance.now();
          this.checkpoint = batch.checkpoint;
          for (const doc of batch.documents) this.onDocument(doc, at);
          if (batch.documents.length < 100) break;
        }
        if (!this.again) break;
      }
    } catch (error) {
      this.onError(error);
    } finally {
      this.running = false;
    }
  }
}

const SPEC: BenchmarkSpec = {
  id: 'P5',
  name: 'change on A seen on B (protocol)',
  aim: `p50 ≤ ${AIM_P50_MS} ms, p95 ≤ ${AIM_P95_MS} ms`,
};

/** What P5 measures on a running server. */
export interface ChangeLatencyFigures {
  readonly latency: ReturnType<typeof distribution>;
  readonly missed: number;
  readonly pullErrors: number;
  readonly figures: Readonly<Record<string, Figure>>;
}

/**
 * P5's measurement on `server`, whose store holds `organisation`: `CHANGES` stage moves pushed by one
 * recruiter, each timed until a second recruiter's stream-driven pull returns it.
 */
export async function measureChangeLatency(
  server: BenchServer,
  organisation: Organisation,
  log: (message: string) => void,
): Promise<ChangeLatencyFigures> {
  const closers: (() => void)[] = [];
  try {
    const sessionA = await signIn(
      server.baseUrl,
      firstOfRole(organisation, 'recruiter', 0).email,
      BENCH_PASSWORD,
    );
    const sessionB = await signIn(
      server.baseUrl,
      firstOfRole(organisation, 'recruiter', 1).email,
      BENCH_PASSWORD,
    );
    log('P5: client B takes its first copy of the applications');
    const initial = await pullAll(server.baseUrl, sessionB.accessToken, 'applications', null, 500);
    const known = new Map(initial.documents.map((doc) => [doc.id, doc]));
    const ids = movableApplicationIds(organisation)
      // Still movable as stored now (a P1 run on the same server moves some on).
      .filter((id) => {
        const stage = known.get(id)?.['stage'];
        return STAGES.some((each) => each === stage && nextForwardStage(each) !== null);
      })
      .slice(0, CHANGES);
    if (ids.length === 0) throw new Error('no movable applications');

    const waiting = new Map<string, { stage: unknown; resolve: (at: number) => void }>();
    let pullErrors = 0;
    const replica = new StreamingReplica(
      server.baseUrl,
      sessionB.accessToken,
      'applications',
      initial.checkpoint,
      (doc, at) => {
        const waiter = waiting.get(doc.id);
        if (waiter && doc['stage'] === waiter.stage) {
          waiting.delete(doc.id);
          waiter.resolve(at);
        }
      },
      () => {
        pullErrors += 1;
      },
    );
    let eventAt = 0;
    const stream = await openStream(server.baseUrl, sessionB.accessToken, (event, at) => {
      if (event.type === 'RESYNC' || (event.type === 'change' && event.collection === 'applications')) {
        eventAt = at;
        replica.requestPull();
      }
    });
    closers.push(() => stream.close());
    await new Promise((resolve) => setTimeout(resolve, 500));

    log(`P5: ${ids.length} changes from A to B`);
    const latencies: number[] = [];
    const pushMs: number[] = [];
    const eventMs: number[] = [];
    let missed = 0;
    for (const id of ids) {
      const assumed = known.get(id) as WireDoc;
      const next = movedForward(assumed, sessionA.user.id, Date.now());
      const seen = new Promise<number>((resolve) => waiting.set(id, { stage: next['stage'], resolve }));
      const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), WAIT_PER_CHANGE_MS));
      const started = performance.now();
      eventAt = 0;
      const outcome = await push(server.baseUrl, sessionA.accessToken, 'applications', [
        { assumedMasterState: assumed, newDocumentState: next },
      ]);
      pushMs.push(performance.now() - started);
      if (outcome.rejections.length > 0 || outcome.conflicts.length > 0)
        throw new Error(`A's push was refused: ${JSON.stringify(outcome)}`);
      const seenAt = await Promise.race([seen, timeout]);
      waiting.delete(id);
      if (seenAt === null) missed += 1;
      else {
        latencies.push(seenAt - started);
        if (eventAt > 0) eventMs.push(eventAt - started);
      }
      await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_CHANGES_MS));
    }
    const latency = distribution(latencies);
    return {
      latency,
      missed,
      pullErrors,
      figures: {
        level: 'protocol',
        changes: ids.length,
        seen: latencies.length,
        missed,
        pullErrors,
        latencyMs: { ...latency },
        pushMs: { ...distribution(pushMs) },
        eventAfterPushStartMs: { ...distribution(eventMs) },
      },
    };
  } finally {
    for (const close of closers) close();
  }
}

/**
 * P5: a stage move pushed by client A (one recruiter) seen by client B (another recruiter, its own
 * session): B holds `GET /api/sync/stream` and pulls on each change event, as RxDB does. The latency
 * runs from the start of A's push request until B's pull returns the moved document.
 */
export const p5ChangeLatency: Benchmark = {
  covers: [SPEC],
  async run({ organisation, log }) {
    const server = await startBenchServer({
      seed: (store) => seedOrganisation(store, organisation).then(() => undefined),
    });
    try {
      const { latency, missed, pullErrors, figures } = await measureChangeLatency(server, organisation, log);
      return [
        {
          id: 'P5',
          name: SPEC.name,
          status: 'measured',
          headline: `p50 ${latency.p50} ms, p95 ${latency.p95} ms`,
          aim: SPEC.aim,
          meetsAim:
            missed === 0 && pullErrors === 0 && latency.p50 <= AIM_P50_MS && latency.p95 <= AIM_P95_MS,
          figures,
          note:
            'protocol-level (two HTTP clients in the runner, not two browsers): A pushes one stage move; B holds the SSE ' +
            `stream and pulls on each change event like RxDB; ${PAUSE_BETWEEN_CHANGES_MS} ms between changes; ` +
            `a change not seen within ${WAIT_PER_CHANGE_MS} ms counts as missed`,
        },
      ];
    } finally {
      await server.stop();
    }
  },
};
