import type { BrowserContext, Page } from '@playwright/test';
import type { Stage } from '#shared/domain/application/application-schema';
import { API_PATHS } from '#shared/sync/protocol';
import { clickMove, openAppIdle, seenAt, showApplication, watchForMove } from '../browser/change-probe';
import { startCpuProfile } from '../browser/cpu-profile';
import { takeCursorWalks, traceCursorWalks } from '../browser/idb-trace';
import { logRequests, movePhases, type MovePhases } from '../browser/request-log';
import { readOne, signIn } from '../harness/api-client';
import { BENCH_PASSWORD } from '../harness/seed';
import { movableApplicationIds, nextForwardStage } from '../harness/workload';
import type { BenchResult } from '../runner/result';
import { distribution } from '../runner/stats';
import { firstOfRole, type BenchContext, type BenchmarkSpec } from './context';

const CHANGES = 20;
const AIM_P50_MS = 300;
const AIM_P95_MS = 1_000;

/** P5 in the app: the browser version, beside the protocol-level one. */
export const P5_BROWSER: BenchmarkSpec = {
  id: 'P5',
  name: 'change on A seen on B (app)',
  aim: `p50 ≤ ${AIM_P50_MS} ms, p95 ≤ ${AIM_P95_MS} ms`,
};

const PHASES = [
  'clickToPush',
  'push',
  'pushToPull',
  'pull',
  'pullToShown',
] as const satisfies readonly (keyof MovePhases)[];

/** p50 and p95 of each phase over the moves. */
function phaseDistributions(
  phases: readonly MovePhases[],
): Record<keyof MovePhases, { p50: number; p95: number }> {
  const of = (phase: keyof MovePhases) => {
    const { p50, p95 } = distribution(phases.map((split) => split[phase]));
    return { p50, p95 };
  };
  return {
    clickToPush: of('clickToPush'),
    push: of('push'),
    pushToPull: of('pushToPull'),
    pull: of('pull'),
    pullToShown: of('pullToShown'),
  };
}

/** With SHORTLIST_BENCH_IDB_TRACE: the long IndexedDB cursor walks each page made since the last call. */
async function logCursorWalks(
  context: BenchContext,
  moment: string,
  pageA: Page,
  pageB: Page,
  /** Times are told from here (ms since the epoch): the click, or the page's opening. */
  from: number,
): Promise<void> {
  for (const [name, page] of [
    ['A', pageA],
    ['B', pageB],
  ] as const) {
    for (const walk of await takeCursorWalks(page)) {
      context.log(
        `P5 (app): ${moment} ${walk.at - from} ms: ${name} ${walk.index} ${walk.database} ${walk.range}: ${walk.steps} steps, ${walk.ms} ms${walk.stack ? `, from ${walk.stack}` : ''}`,
      );
    }
  }
}

function label(stage: Stage): string {
  return stage.charAt(0).toUpperCase() + stage.slice(1);
}

/**
 * P5 with two signed-in apps in Chromium (two browser contexts, two recruiters, each with all data
 * local): A clicks "Move to …" on an application's page; B shows the same page. From A's click to B's
 * history showing the move: A's local write, its replication push, the server, the change stream,
 * B's pull into RxDB and B's render.
 */
export async function changeSeenInApp(
  contextA: BrowserContext,
  contextB: BrowserContext,
  baseUrl: string,
  context: BenchContext,
): Promise<BenchResult> {
  const { organisation } = context;
  const byId = new Map(organisation.applications.map((application) => [application.id, application]));
  const ids = movableApplicationIds(organisation).slice(0, CHANGES);
  await traceCursorWalks(contextA);
  await traceCursorWalks(contextB);
  // One window each, as a recruiter works: a window left open in the context (the first sync's)
  // would lead its replication and push A's moves for it, so it is closed first.
  for (const open of [...contextA.pages(), ...contextB.pages()]) await open.close();
  const pageA = await contextA.newPage();
  const pageB = await contextB.newPage();
  const latencies: number[] = [];
  const phases: MovePhases[] = [];
  let missed = 0;
  // For a move B did not show in time: whether the server had it by then (A pushed; B did not show
  // it) or not (A's push had not arrived), which tells the two halves of the path apart.
  let missedOnServer = 0;
  const reader = await signIn(baseUrl, firstOfRole(organisation, 'recruiter').email, BENCH_PASSWORD);
  await openAppIdle(pageA, baseUrl);
  await openAppIdle(pageB, baseUrl);
  context.log(`P5 (app): ${ids.length} moves clicked in A, watched in B`);
  // Where each move's time goes: A's pushes and B's pulls of applications, as Chromium timed them.
  const pushes = logRequests(contextA, (path) => path === API_PATHS.push('applications'));
  const pulls = logRequests(contextB, (path) => path === API_PATHS.pull('applications'));
  const moments: { readonly clickedAt: number; readonly shownAt: number }[] = [];
  // SHORTLIST_BENCH_P5_MOVES_PROFILE(_A)=<file>: CPU profiles of B's (A's) page over the moves.
  const stopProfileB = await startCpuProfile(
    contextB,
    pageB,
    'SHORTLIST_BENCH_P5_MOVES_PROFILE',
    context.log,
  );
  const stopProfileA = await startCpuProfile(
    contextA,
    pageA,
    'SHORTLIST_BENCH_P5_MOVES_PROFILE_A',
    context.log,
  );
  const openedAt = Date.now();
  for (const id of ids) {
    const next = nextForwardStage(byId.get(id)?.stage ?? 'hired');
    if (!next) continue;
    await showApplication(pageA, id);
    await showApplication(pageB, id);
    await logCursorWalks(context, 'shown', pageA, pageB, openedAt);
    await watchForMove(pageB, label(next));
    const clickedAt = await clickMove(pageA, label(next));
    const shownAt = await seenAt(pageB);
    await logCursorWalks(context, 'moved', pageA, pageB, clickedAt);
    if (shownAt === null) {
      missed += 1;
      const onServer = await readOne(baseUrl, reader.accessToken, 'applications', id);
      if (onServer['stage'] === next) missedOnServer += 1;
    } else {
      latencies.push(shownAt - clickedAt);
      moments.push({ clickedAt, shownAt });
    }
  }
  // Chromium reports a request's end a moment after the page saw its answer: let the logs catch up.
  await pageB.waitForTimeout(500);
  pushes.stop();
  pulls.stop();
  context.log(
    `P5 (app): ${pushes.spans().length} pushes and ${pulls.spans().length} pulls of applications logged`,
  );
  for (const { clickedAt, shownAt } of moments) {
    const split = movePhases(pushes.spans(), pulls.spans(), clickedAt, shownAt);
    if (split) phases.push(split);
    context.log(
      `P5 (app): seen after ${shownAt - clickedAt} ms` +
        (split ? ` (${PHASES.map((phase) => `${phase} ${Math.round(split[phase])}`).join(', ')})` : ''),
    );
  }
  await stopProfileB();
  await stopProfileA();
  await pageA.close();
  await pageB.close();
  const latency = distribution(latencies);
  return {
    id: 'P5',
    name: P5_BROWSER.name,
    status: 'measured',
    headline:
      latencies.length === 0
        ? `none of ${ids.length} seen`
        : `p50 ${latency.p50} ms, p95 ${latency.p95} ms${missed > 0 ? `, ${missed} missed` : ''}`,
    aim: P5_BROWSER.aim,
    meetsAim: missed === 0 && latency.p50 <= AIM_P50_MS && latency.p95 <= AIM_P95_MS,
    figures: {
      level: 'browser',
      changes: ids.length,
      seen: latencies.length,
      missed,
      missedOnServer,
      latencyMs: { ...latency },
      // The same moves split at A's push and B's pull (moves whose requests were both logged).
      phasesMs: phaseDistributions(phases),
    },
    note:
      'two Chromium contexts signed in to the app as two recruiters: from the click on "Move to …" in A to the move ' +
      'appearing in B’s stage history (wall clock, one machine); a move not shown within 10 s counts as missed',
  };
}
