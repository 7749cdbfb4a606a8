import type { CollectionName } from '#shared/domain/collections';
import { MAX_PULL_LIMIT } from '#shared/sync/protocol';
import { pullAll, signIn } from '../harness/api-client';
import { startBenchServer } from '../harness/bench-server';
import { BENCH_PASSWORD, seedOrganisation } from '../harness/seed';
import { busiestInterviewer } from '../harness/workload';
import { roundTo } from '../runner/stats';
import type { Benchmark, BenchmarkSpec } from './context';

const AIM_MS = 1_000;
const PAGE = MAX_PULL_LIMIT;
const COLLECTIONS: readonly CollectionName[] = ['users', 'jobs', 'candidates', 'applications', 'interviews'];

interface SyncFigures {
  readonly ms: number;
  readonly documents: number;
  readonly byCollection: Record<string, number>;
  readonly msByCollection: Record<string, number>;
}

const SPEC: BenchmarkSpec = {
  id: 'P10',
  name: "interviewer's first sync (protocol)",
  aim: `≤ ${AIM_MS} ms, proportional to their slice`,
};

/**
 * P10: the busiest interviewer's first sync over HTTP, as the app pulls it (every collection from no
 * checkpoint until a short page, the collections one after another): the server's share of P2's
 * interviewer figure, without the browser. Run twice: the first on a store whose indexes have never
 * been asked (a fresh deployment), the second once they are built.
 */
export const p10InterviewerSync: Benchmark = {
  covers: [SPEC],
  async run({ organisation, log }) {
    const server = await startBenchServer({
      seed: (store) => seedOrganisation(store, organisation).then(() => undefined),
    });
    try {
      const interviewer = busiestInterviewer(organisation);
      const session = await signIn(server.baseUrl, interviewer.email, BENCH_PASSWORD);
      const syncOnce = async (): Promise<SyncFigures> => {
        const started = performance.now();
        const byCollection: Record<string, number> = {};
        const msByCollection: Record<string, number> = {};
        let documents = 0;
        for (const collection of COLLECTIONS) {
          const pulledAt = performance.now();
          const pulled = await pullAll(server.baseUrl, session.accessToken, collection, null, PAGE);
          msByCollection[collection] = Math.round(performance.now() - pulledAt);
          byCollection[collection] = pulled.documents.length;
          documents += pulled.documents.length;
        }
        return { ms: performance.now() - started, documents, byCollection, msByCollection };
      };
      log(`P10: the busiest interviewer (${interviewer.interviews} interviews) syncs from scratch, twice`);
      const cold = await syncOnce();
      const warm = await syncOnce();
      return [
        {
          id: 'P10',
          name: SPEC.name,
          status: 'measured',
          headline: `${Math.round(cold.ms)} ms cold, ${Math.round(warm.ms)} ms warm, ${cold.documents} documents`,
          aim: SPEC.aim,
          meetsAim: cold.documents === interviewer.documents && cold.ms <= AIM_MS,
          figures: {
            interviews: interviewer.interviews,
            expectedDocuments: interviewer.documents,
            documents: cold.documents,
            byCollection: cold.byCollection,
            coldMs: Math.round(cold.ms),
            coldMsByCollection: cold.msByCollection,
            warmMs: Math.round(warm.ms),
            warmMsByCollection: warm.msByCollection,
            documentsPerSecondCold: roundTo(cold.documents / (cold.ms / 1_000), 0),
          },
          note: `HTTP pulls of ${PAGE} from no checkpoint, collections in turn; cold = the first reader after seeding (indexes never asked), warm = the same again`,
        },
      ];
    } finally {
      await server.stop();
    }
  },
};
