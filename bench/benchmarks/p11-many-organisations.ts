import type { User } from '#shared/domain/user/user-schema';
import { CouchStore } from '../../sync-server/infra/couch-store';
import { contentOf } from '../../sync-server/infra/stored-document';
import { openSession } from '../../sync-server/services/session-service';
import { signIn } from '../harness/api-client';
import { startBenchServer, type BenchServer } from '../harness/bench-server';
import { BENCH_PASSWORD, seedOrganisation } from '../harness/seed';
import { openStream, type SseConnection } from '../harness/sse-client';
import type { Organisation } from '../generate/organisation-generator';
import { CpuMeter } from '../harness/process-stats';
import { roundTo } from '../runner/stats';
import type { Benchmark, BenchmarkSpec } from './context';
import { measurePush, type PushFigures } from './p1-push';
import { measureChangeLatency, type ChangeLatencyFigures } from './p5-change-latency';

/**
 * Organisations on the crowded server, the busy one included (issue 15): 200, or
 * `SHORTLIST_BENCH_P11_ORGANISATIONS` (the embedded store holds some 150 in 20,000 file handles).
 */
const ORGANISATIONS = Number(process.env['SHORTLIST_BENCH_P11_ORGANISATIONS'] ?? '') || 200;
/** Creations in flight at once (the operator's API, as a script of an operator would call it). */
const CREATE_CONCURRENCY = 4;
const AIM_WITHIN = 0.1;
/** The quiet spell before the load, over which the idle CPU of server and store is measured. */
const IDLE_MS = 5_000;
const OPERATOR = { email: 'operator@bench.example', password: 'Operator-Password-123!' };

const SPEC: BenchmarkSpec = {
  id: 'P11',
  name: 'one busy organisation among 200',
  aim: `P1 and P5 within ${AIM_WITHIN * 100} % of the busy organisation alone`,
};

interface Measured {
  readonly push: PushFigures;
  readonly latency: ChangeLatencyFigures;
}

async function expectOk(response: Response, what: string): Promise<unknown> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${(await response.text()).slice(0, 300)}`);
  return response.json();
}

/**
 * Creates `count` quiet organisations through `POST /api/platform/organisations` (each with its
 * admin), then signs each admin in and holds their change stream, as an open laptop would.
 */
async function crowd(
  server: BenchServer,
  count: number,
  log: (message: string) => void,
): Promise<{ streams: SseConnection[]; createMs: number; refusal: string | null }> {
  const operator = await signIn(server.baseUrl, OPERATOR.email, OPERATOR.password);
  const started = performance.now();
  const numbers = Array.from({ length: count }, (_, index) => index + 1);
  const created: string[] = [];
  let next = 0;
  // The first creation the deployment refuses stops the crowd there (the embedded store runs out of
  // file handles near 150 organisations): the figures are then taken beside those made.
  let refusal: string | null = null;
  await Promise.all(
    Array.from({ length: CREATE_CONCURRENCY }, async () => {
      while (next < numbers.length && refusal === null) {
        const number = numbers[next] ?? 0;
        next += 1;
        const email = `admin@quiet-${number}.bench.example`;
        const answer = await expectOk(
          await fetch(`${server.baseUrl}/api/platform/organisations`, {
            method: 'POST',
            headers: { authorization: `Bearer ${operator.accessToken}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              name: `Quiet organisation ${number}`,
              slug: `quiet-${number}`,
              admin: { email, name: `Admin ${number}`, password: BENCH_PASSWORD },
            }),
            signal: AbortSignal.timeout(120_000),
          }),
          `creating organisation ${number}`,
        ).catch((error: unknown) => {
          refusal ??= error instanceof Error ? error.message : String(error);
          return null;
        });
        if (answer === null) break;
        const id = (answer as { id?: unknown }).id;
        if (typeof id !== 'string') throw new Error(`organisation ${number} came back without an id`);
        created.push(id);
        if (created.length % 25 === 0) log(`P11: ${created.length} of ${count} organisations created`);
      }
    }),
  );
  const createMs = performance.now() - started;
  // Sessions opened in each organisation's store as sign-in would (sign-in is rate limited per address).
  const streams: SseConnection[] = [];
  for (const id of created) {
    const store = new CouchStore(server.store.url, `${server.store.prefix}${id}_`);
    let admin: User | null = null;
    for await (const stored of store.all('users')) admin = contentOf('users', stored);
    if (!admin) throw new Error(`organisation ${id} has no admin`);
    try {
      const tokens = await openSession(store, server.jwtSecret, admin, Date.now(), id);
      streams.push(await openStream(server.baseUrl, tokens.accessToken, () => undefined));
    } catch (error) {
      refusal ??= `stream of organisation ${id}: ${error instanceof Error ? error.message : String(error)}`;
      break;
    }
  }
  return { streams, createMs, refusal };
}

/** P1 then P5 on a fresh server holding the busy organisation, and `quiet` other organisations. */
async function measureWith(
  organisation: Organisation,
  quiet: number,
  log: (message: string) => void,
): Promise<
  Measured & {
    createMs: number | null;
    created: number;
    refusal: string | null;
    idleCpu: Record<string, number | null>;
  }
> {
  const server = await startBenchServer({
    seed: (store) => seedOrganisation(store, organisation).then(() => undefined),
    env: { SHORTLIST_OPERATOR_EMAIL: OPERATOR.email, SHORTLIST_OPERATOR_PASSWORD: OPERATOR.password },
    readyTimeoutMs: 180_000,
  });
  let streams: SseConnection[] = [];
  try {
    let createMs: number | null = null;
    let refusal: string | null = null;
    if (quiet > 0) {
      log(`P11: creating ${quiet} quiet organisations, each admin holding a stream`);
      ({ streams, createMs, refusal } = await crowd(server, quiet, log));
      if (refusal) log(`P11: creation stopped after ${streams.length}: ${refusal}`);
    }
    // What the deployment costs doing nothing (heartbeats, stream re-checks, workers), before the load.
    const idle = new CpuMeter({ server: server.pid, store: server.storePid });
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const idleCpu = idle.read();
    log(`P11: P1 and P5 of the busy organisation beside ${streams.length} others`);
    const push = await measurePush(server, organisation, log);
    const latency = await measureChangeLatency(server, organisation, log);
    return { push, latency, createMs, created: streams.length, refusal, idleCpu };
  } finally {
    for (const stream of streams) stream.close();
    await server.stop();
  }
}

/** How far `crowded` is from `alone`, as a fraction: positive = worse (slower, later). */
function worse(alone: number, crowded: number, higherIsBetter: boolean): number {
  return roundTo(higherIsBetter ? (alone - crowded) / alone : (crowded - alone) / alone, 3);
}

/**
 * P11 (issue 15): the busy organisation's P1 (validated push vs raw) and P5 (protocol latency) on a
 * server of its own, then on a server with 199 more organisations (made through the operator's API,
 * each admin holding a change stream). Each on its own fresh store, alone first.
 */
export const p11ManyOrganisations: Benchmark = {
  covers: [SPEC],
  async run({ organisation, log }) {
    const alone = await measureWith(organisation, 0, log);
    const crowded = await measureWith(organisation, ORGANISATIONS - 1, log);
    const ratioWorse = worse(alone.push.ratio, crowded.push.ratio, true);
    const pushWorse = worse(alone.push.pushPerSecond, crowded.push.pushPerSecond, true);
    const p50Worse = worse(alone.latency.latency.p50, crowded.latency.latency.p50, false);
    const p95Worse = worse(alone.latency.latency.p95, crowded.latency.latency.p95, false);
    const clean =
      ORGANISATIONS === 200 &&
      crowded.created === ORGANISATIONS - 1 &&
      crowded.push.rejections === 0 &&
      crowded.latency.missed === 0 &&
      crowded.latency.pullErrors === 0;
    return [
      {
        id: 'P11',
        name: SPEC.name,
        status: 'measured',
        headline:
          `${crowded.created + 1} organisations: P1 ratio ${alone.push.ratio} → ${crowded.push.ratio}, ` +
          `P5 p50 ${alone.latency.latency.p50} → ${crowded.latency.latency.p50} ms, ` +
          `p95 ${alone.latency.latency.p95} → ${crowded.latency.latency.p95} ms`,
        aim: SPEC.aim,
        meetsAim: clean && Math.max(ratioWorse, p50Worse, p95Worse) <= AIM_WITHIN,
        figures: {
          organisations: ORGANISATIONS,
          organisationsCreated: crowded.created + 1,
          creationRefused: crowded.refusal,
          createQuietOrganisationsMs: Math.round(crowded.createMs ?? 0),
          worse: { p1Ratio: ratioWorse, p1PushPerSecond: pushWorse, p5P50: p50Worse, p5P95: p95Worse },
          alone: {
            idleCpuPercentOfOneCore: alone.idleCpu,
            p1: alone.push.figures,
            p5: alone.latency.figures,
          },
          crowded: {
            idleCpuPercentOfOneCore: crowded.idleCpu,
            p1: crowded.push.figures,
            p5: crowded.latency.figures,
          },
        },
        note:
          'two fresh servers and stores, alone then crowded (same seed); the quiet organisations are made ' +
          'through POST /api/platform/organisations, their admins hold /api/sync/stream and write nothing; ' +
          '"worse" is the fraction by which the crowded figure is worse; on a shared machine single runs differ by more than 10 %',
      },
    ];
  },
};
