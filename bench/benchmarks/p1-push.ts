import type { Application } from '#shared/domain/application/application-schema';
import { toStored } from '../../sync-server/infra/stored-document';
import type { PushRow } from '#shared/sync/protocol';
import { pullAll, push, signIn, type WireDoc } from '../harness/api-client';
import { startBenchServer, type BenchServer } from '../harness/bench-server';
import { BENCH_PASSWORD, bulkWrite, seedOrganisation } from '../harness/seed';
import { movableApplicationIds, movedForward } from '../harness/workload';
import { distribution, percentile, perSecond, roundTo } from '../runner/stats';
import { CpuMeter } from '../harness/process-stats';
import type { Organisation } from '../generate/organisation-generator';
import type { Figure } from '../runner/result';
import { firstOfRole, type Benchmark, type BenchmarkSpec } from './context';

const BATCH = 100;
const MAX_MOVES = 2_000;
const RAW_ROUNDS = 3;
const AIM_RATIO = 0.5;

const SPEC: BenchmarkSpec = {
  id: 'P1',
  name: 'push: validated stage moves',
  aim: `≥ ${AIM_RATIO} of raw _bulk_docs`,
};

/** What P1 measures on a running server, as its figures. */
export interface PushFigures {
  readonly pushPerSecond: number;
  readonly rawBulkDocsPerSecond: number;
  readonly ratio: number;
  readonly rejections: number;
  readonly figures: Readonly<Record<string, Figure>>;
}

/**
 * P1's measurement on `server`, whose store holds `organisation` (seeded, in the first organisation's
 * databases): the recruiter's validated pushes beside raw `_bulk_docs` of the same documents.
 */
export async function measurePush(
  server: BenchServer,
  organisation: Organisation,
  log: (message: string) => void,
): Promise<PushFigures> {
  const recruiter = firstOfRole(organisation, 'recruiter');
  const session = await signIn(server.baseUrl, recruiter.email, BENCH_PASSWORD);
  log('P1: pulling every application as the recruiter');
  const pullStarted = performance.now();
  const pulled = await pullAll(server.baseUrl, session.accessToken, 'applications', null, 500);
  const pullMs = performance.now() - pullStarted;
  const byId = new Map(pulled.documents.map((doc) => [doc.id, doc]));
  const ids = movableApplicationIds(organisation)
    .filter((id) => byId.has(id))
    .slice(0, MAX_MOVES);
  if (ids.length < BATCH) throw new Error(`only ${ids.length} movable applications; raise --scale`);

  log(`P1: pushing ${ids.length} stage moves in batches of ${BATCH}`);
  const batchMs: number[] = [];
  let rejections = 0;
  let conflicts = 0;
  const cpu = new CpuMeter({ server: server.pid, store: server.storePid });
  const pushStarted = performance.now();
  for (let start = 0; start < ids.length; start += BATCH) {
    const rows: PushRow[] = ids.slice(start, start + BATCH).map((id) => {
      const assumed = byId.get(id) as WireDoc;
      return {
        assumedMasterState: assumed,
        newDocumentState: movedForward(assumed, session.user.id, Date.now()),
      };
    });
    const sent = performance.now();
    const outcome = await push(server.baseUrl, session.accessToken, 'applications', rows);
    batchMs.push(performance.now() - sent);
    rejections += outcome.rejections.length;
    conflicts += outcome.conflicts.length;
  }
  const pushMs = performance.now() - pushStarted;
  const pushCpu = cpu.read();
  const accepted = ids.length - conflicts;

  // The same documents, as stored now, written again straight to the store (the rules' cost removed);
  // three rounds, the median counts (a shared machine is noisy).
  log('P1: writing the same documents straight to the store with _bulk_docs');
  const rawRounds: number[] = [];
  for (let round = 0; round < RAW_ROUNDS; round += 1) {
    const stored = await server.store.getMany('applications', ids);
    const docs = ids.map((id) => {
      const current = stored.get(id);
      if (!current) throw new Error(`application ${id} is missing from the store`);
      const { _id: _ignoredId, _rev: rev, serverMeta: _ignoredMeta, ...content } = current;
      const application = content as unknown as Application;
      return toStored('applications', { ...application, updatedAt: Date.now() }, { rev });
    });
    const rawStarted = performance.now();
    await bulkWrite(server.store, 'applications', docs, BATCH);
    rawRounds.push(perSecond(docs.length, performance.now() - rawStarted));
  }

  // For reference: one store round trip. A push batch costs a handful of them (bulk read of the
  // documents and of what they are judged against, one bulk write, one audit write).
  const roundTrips: number[] = [];
  for (const id of ids.slice(0, 100)) {
    const sent = performance.now();
    await server.store.get('applications', id);
    roundTrips.push(performance.now() - sent);
  }

  const pushRate = perSecond(accepted, pushMs);
  const rawRate = percentile(rawRounds, 50);
  const ratio = roundTo(pushRate / rawRate, 3);
  return {
    pushPerSecond: pushRate,
    rawBulkDocsPerSecond: rawRate,
    ratio,
    rejections,
    figures: {
      moves: ids.length,
      accepted,
      rejections,
      conflicts,
      batchSize: BATCH,
      pushPerSecond: pushRate,
      rawBulkDocsPerSecond: rawRate,
      rawRoundsPerSecond: rawRounds,
      ratio,
      pushBatchMs: { ...distribution(batchMs) },
      pushCpuPercentOfOneCore: pushCpu,
      storeGetRoundTripMs: { ...distribution(roundTrips, 2) },
      pullAllApplications: {
        documents: pulled.documents.length,
        ms: Math.round(pullMs),
        perSecond: perSecond(pulled.documents.length, pullMs),
      },
    },
  };
}

/**
 * P1: validated stage moves per second through `POST /api/sync/applications/push`, in batches of 100,
 * as a recruiter over real HTTP with the pulled documents as assumed master states; beside the same
 * documents written straight to the store with `_bulk_docs` in batches of 100. The ratio is the figure.
 */
export const p1Push: Benchmark = {
  covers: [SPEC],
  async run({ organisation, log }) {
    const server = await startBenchServer({
      seed: (store) => seedOrganisation(store, organisation).then(() => undefined),
    });
    try {
      const measured = await measurePush(server, organisation, log);
      return [
        {
          id: 'P1',
          name: SPEC.name,
          status: 'measured',
          headline: `${measured.pushPerSecond}/s vs raw ${measured.rawBulkDocsPerSecond}/s = ${measured.ratio}`,
          aim: SPEC.aim,
          meetsAim: measured.rejections === 0 && measured.ratio >= AIM_RATIO,
          figures: measured.figures,
          note: 'one recruiter, sequential batches over HTTP to the sync server process; raw = the same documents re-written with their _rev through nano _bulk_docs to the same embedded store',
        },
      ];
    } finally {
      await server.stop();
    }
  },
};
