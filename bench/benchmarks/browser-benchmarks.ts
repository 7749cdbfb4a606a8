import type { Browser, BrowserContext, Page } from '@playwright/test';
import { jsHeapMiB, MAIN_NAV, openSignIn, signInAndSync } from '../browser/app-driver';
import { browserUnavailableReason, launchChromium } from '../browser/chromium';
import { startCpuProfile, startHeapProfile } from '../browser/cpu-profile';
import type { LocalInsertResult } from '../browser/local-insert-page';
import { localInsertBundle } from '../browser/page-bundle';
import {
  candidatesStatus,
  clearSearch,
  searchQueries,
  timeSearch,
  waitForStatus,
} from '../browser/search-probe';
import { startBenchServer } from '../harness/bench-server';
import { BENCH_PASSWORD, seedOrganisation } from '../harness/seed';
import { busiestInterviewer } from '../harness/workload';
import { unavailable, type BenchResult } from '../runner/result';
import { distribution, percentile, roundTo } from '../runner/stats';
import { changeSeenInApp, P5_BROWSER } from './browser-change';
import type { BenchContext, Benchmark, BenchmarkSpec } from './context';

const AIM_RATIO = 1.5;
const AIM_HEAP_MIB = 250;
const P2: BenchmarkSpec = {
  id: 'P2',
  name: 'first sync in Chromium',
  aim: `≤ ${AIM_RATIO}× local insert, live heap after it ≤ ${AIM_HEAP_MIB} MiB`,
};
const P3: BenchmarkSpec = { id: 'P3', name: 'candidate search', aim: 'p95 ≤ 20 ms' };
const AIM_START_MS = 1_000;
const P7: BenchmarkSpec = {
  id: 'P7',
  name: 'offline start to interactive',
  aim: `dashboard ≤ ${AIM_START_MS / 1_000} s, then the full candidates list ≤ ${AIM_START_MS / 1_000} s`,
};
const AIM_SEARCH_P95_MS = 20;
const SEARCHES = 40;
const INDEX_LOAD_TIMEOUT_MS = 10 * 60 * 1_000;

/** P2: the recruiter's and an interviewer's first sync through the app, beside the local insert. */
async function firstSync(
  browser: Browser,
  recruiterContext: BrowserContext,
  baseUrl: string,
  context: BenchContext,
): Promise<BenchResult> {
  const { organisation, options, log } = context;
  const recruiter = organisation.users.find((user) => user.role === 'recruiter');
  if (!recruiter) throw new Error('no recruiter');
  log('P2: a recruiter signs in and syncs everything');
  const page = await openSignIn(recruiterContext, baseUrl);
  // SHORTLIST_BENCH_P2_PROFILE=<file>: a CPU profile of the recruiter's page over the first sync.
  const stopProfile = await startCpuProfile(recruiterContext, page, 'SHORTLIST_BENCH_P2_PROFILE', log, 1_000);
  // SHORTLIST_BENCH_P2_HEAP_PROFILE=<file>: what the page still holds after it, by allocating stack.
  const stopHeapProfile = await startHeapProfile(recruiterContext, page, 'SHORTLIST_BENCH_P2_HEAP_PROFILE', log);
  const recruiterMs = await signInAndSync(page, recruiter.email, BENCH_PASSWORD);
  await stopProfile();
  await stopHeapProfile();
  const heapAfterSync = await jsHeapMiB(recruiterContext, page);

  log('P2: the same documents bulk-inserted into RxDB on Dexie in the page, no network');
  const localContext = await browser.newContext();
  const localPage = await localContext.newPage();
  // A page of the app's origin (same storage), served by the browser itself: the app's CSP forbids inline scripts.
  const bundle = await localInsertBundle();
  const pageUrl = `${baseUrl}/__bench/local-insert.html`;
  await localPage.route(pageUrl, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><body><script>${bundle}</script></body></html>`,
    }),
  );
  await localPage.goto(pageUrl);
  const local = await localPage.evaluate(
    (input) =>
      (
        window as unknown as { shortlistBenchLocalInsert(options: typeof input): Promise<LocalInsertResult> }
      ).shortlistBenchLocalInsert(input),
    { scale: options.scale, seed: options.seed, now: context.generatedAt },
  );
  await localContext.close();

  log('P2: an interviewer signs in and syncs their slice');
  const interviewer = busiestInterviewer(organisation);
  const interviewerContext = await browser.newContext();
  const interviewerMs = await signInAndSync(
    await openSignIn(interviewerContext, baseUrl),
    interviewer.email,
    BENCH_PASSWORD,
  );
  await interviewerContext.close();

  const ratio = roundTo(recruiterMs / local.ms, 2);
  return {
    id: 'P2',
    name: P2.name,
    status: 'measured',
    headline: `recruiter ${roundTo(recruiterMs / 1_000, 1)} s vs local ${roundTo(local.ms / 1_000, 1)} s = ${ratio}×; heap ${heapAfterSync.liveMiB ?? '?'} MiB`,
    aim: P2.aim,
    meetsAim: ratio <= AIM_RATIO && (heapAfterSync.liveMiB ?? Infinity) <= AIM_HEAP_MIB,
    figures: {
      documents: local.documents,
      recruiterFirstSyncMs: Math.round(recruiterMs),
      localInsertMs: Math.round(local.ms),
      ratio,
      localInsertPerCollectionMs: Object.fromEntries(
        Object.entries(local.perCollection).map(([name, each]) => [name, Math.round(each.ms)]),
      ),
      interviewerFirstSyncMs: Math.round(interviewerMs),
      interviewerInterviews: interviewer.interviews,
      interviewerSliceDocuments: interviewer.documents,
      rendererHeapAfterSyncMiB: heapAfterSync.liveMiB,
      rendererHeapBeforeGcMiB: heapAfterSync.usedMiB,
    },
    note:
      'sign-in click to the first-download bar gone (every collection pulled once), headless Chromium; baseline: the same ' +
      'generated documents bulk-inserted (1,000 per call) into a fresh RxDB Dexie database in a page of the same origin',
  };
}

/** P3: searches typed into the candidates page over the whole candidate index. */
async function candidateSearch(
  recruiterContext: BrowserContext,
  baseUrl: string,
  context: BenchContext,
): Promise<BenchResult> {
  const { organisation, options, log } = context;
  const total = organisation.candidates.length;
  const page = await recruiterContext.newPage();
  const opened = performance.now();
  await page.goto(`${baseUrl}/app/candidates`);
  await waitForStatus(page, candidatesStatus(total, total), INDEX_LOAD_TIMEOUT_MS);
  const indexMs = performance.now() - opened;
  log(`P3: ${SEARCHES} searches over ${total} candidates`);
  const timings = [];
  // SHORTLIST_BENCH_P3_PROFILE=<file>: a CPU profile of the renderer over the searches.
  const stopProfile = await startCpuProfile(recruiterContext, page, 'SHORTLIST_BENCH_P3_PROFILE', log);
  for (const query of searchQueries(organisation, SEARCHES, options.seed)) {
    await clearSearch(page, total);
    timings.push(await timeSearch(page, query));
  }
  await stopProfile();
  await page.close();
  const search = distribution(timings.map((timing) => timing.ms));
  return {
    id: 'P3',
    name: P3.name,
    status: 'measured',
    headline: `p50 ${search.p50} ms, p95 ${search.p95} ms over ${total}`,
    aim: P3.aim,
    meetsAim: search.p95 <= AIM_SEARCH_P95_MS,
    figures: {
      candidates: total,
      searches: timings.length,
      searchMs: { ...search },
      pageToFullListMs: Math.round(indexMs),
      sample: timings.slice(0, 5).map((timing) => `${timing.query}: ${timing.status}`),
    },
    note: 'in the app: an input event on the search field until the page shows the new result count (index in memory, React render, virtualised list)',
  };
}

/** Reopens in one P7 run (`SHORTLIST_BENCH_P7_REOPENS`): one reopen alone decides little on a shared machine. */
function p7Reopens(): number {
  const asked = Number(process.env['SHORTLIST_BENCH_P7_REOPENS'] ?? 3);
  return Number.isInteger(asked) && asked > 0 ? asked : 3;
}

/**
 * One offline reopen: every page of the context closed, a new one opened on the app; the time to
 * the signed-in dashboard, then from the click on Candidates to the whole list. Leaves the page open.
 */
async function reopenOffline(
  recruiterContext: BrowserContext,
  baseUrl: string,
  total: number,
  context: BenchContext,
  isProfiled: boolean,
): Promise<{ page: Page; startMs: number; candidatesMs: number }> {
  for (const open of recruiterContext.pages()) await open.close();
  context.log('P7: reopening the app offline');
  const page = await recruiterContext.newPage();
  const started = performance.now();
  await page.goto(`${baseUrl}/app/`, { waitUntil: 'commit' });
  await page.locator(MAIN_NAV).waitFor({ timeout: 60_000 });
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor({ timeout: 60_000 });
  const startMs = performance.now() - started;
  // SHORTLIST_BENCH_P7_PROFILE=<file>: a CPU profile from the click on Candidates to the full list (last reopen).
  const stopProfile = isProfiled
    ? await startCpuProfile(recruiterContext, page, 'SHORTLIST_BENCH_P7_PROFILE', context.log)
    : () => Promise.resolve();
  const candidatesStarted = performance.now();
  await page.getByRole('link', { name: 'Candidates' }).click();
  await waitForStatus(page, candidatesStatus(total, total), INDEX_LOAD_TIMEOUT_MS);
  const candidatesMs = performance.now() - candidatesStarted;
  await stopProfile();
  return { page, startMs, candidatesMs };
}

/** P7: the app reopened with no network on the full local data set, a few times. */
async function offlineStart(
  recruiterContext: BrowserContext,
  baseUrl: string,
  context: BenchContext,
): Promise<BenchResult> {
  const total = context.organisation.candidates.length;
  const warm = await recruiterContext.newPage();
  await warm.goto(`${baseUrl}/app/`);
  const hasWorker = await warm.evaluate(() =>
    Promise.race([
      navigator.serviceWorker.ready.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000)),
    ]),
  );
  await recruiterContext.setOffline(true);
  const reopens = p7Reopens();
  const runs: { startMs: number; candidatesMs: number }[] = [];
  let page: Page | null = null;
  for (let reopen = 1; reopen <= reopens; reopen += 1) {
    const run = await reopenOffline(recruiterContext, baseUrl, total, context, reopen === reopens);
    page = run.page;
    runs.push({ startMs: run.startMs, candidatesMs: run.candidatesMs });
  }
  if (!page) throw new Error('P7 reopened the app no time');
  const startMs = percentile(runs.map((run) => run.startMs), 50);
  const candidatesMs = percentile(runs.map((run) => run.candidatesMs), 50);
  const heap = await jsHeapMiB(recruiterContext, page);
  await recruiterContext.setOffline(false);
  return {
    id: 'P7',
    name: P7.name,
    status: 'measured',
    headline: `${Math.round(startMs)} ms to the dashboard, ${Math.round(candidatesMs)} ms more to every candidate; heap ${heap.liveMiB ?? '?'} MiB`,
    aim: P7.aim,
    meetsAim: startMs <= AIM_START_MS && candidatesMs <= AIM_START_MS,
    figures: {
      startToDashboardMs: Math.round(startMs),
      candidatesListFullMs: Math.round(candidatesMs),
      reopens: runs.map((run) => ({ startMs: Math.round(run.startMs), candidatesMs: Math.round(run.candidatesMs) })),
      rendererHeapMiB: heap.liveMiB,
      rendererHeapBeforeGcMiB: heap.usedMiB,
      serviceWorker: hasWorker,
    },
    note:
      'network off in the browser context; from navigation to the signed-in shell and dashboard heading on the local ' +
      'database; then to the candidates page listing all of them; the median of the reopens (each in `reopens`); heap = JS heap of the page with the candidate index loaded (last reopen), after a full garbage collection',
  };
}

/**
 * P2, P3 and P7 in headless Chromium against the built renderer served by a fresh sync server: they
 * share the recruiter's first sync (the expensive part). Each reports only when selected.
 */
export const browserBenchmarks: Benchmark = {
  covers: [P2, P3, P5_BROWSER, P7],
  async run(context) {
    const reason = browserUnavailableReason();
    if (reason) {
      return this.covers
        .filter((spec) => context.selected.includes(spec.id))
        .map((spec) => unavailable(spec.id, spec.name, spec.aim, reason));
    }
    const server = await startBenchServer({
      seed: (store) => seedOrganisation(store, context.organisation).then(() => undefined),
    });
    const browser = await launchChromium();
    try {
      const recruiterContext = await browser.newContext();
      const results: BenchResult[] = [];
      const sync = await firstSync(browser, recruiterContext, server.baseUrl, context);
      if (context.selected.includes('P2')) results.push(sync);
      if (context.selected.includes('P5')) {
        const second = context.organisation.users.filter((user) => user.role === 'recruiter')[1];
        if (!second) throw new Error('the organisation has one recruiter only');
        context.log('P5 (app): a second recruiter signs in and syncs everything');
        const contextB = await browser.newContext();
        const pageB = await openSignIn(contextB, server.baseUrl);
        // SHORTLIST_BENCH_P5_PROFILE=<file>: a CPU profile of B's page over its first sync, and
        // SHORTLIST_BENCH_P5_PROFILE_A one of A's (still open) meanwhile.
        const pageA = recruiterContext.pages()[0];
        const stopProfileB = await startCpuProfile(contextB, pageB, 'SHORTLIST_BENCH_P5_PROFILE', context.log, 1_000);
        const stopProfileA = pageA
          ? await startCpuProfile(recruiterContext, pageA, 'SHORTLIST_BENCH_P5_PROFILE_A', context.log, 1_000)
          : () => Promise.resolve();
        const secondSyncMs = await signInAndSync(pageB, second.email, BENCH_PASSWORD);
        await stopProfileB();
        await stopProfileA();
        await pageB.close();
        const change = await changeSeenInApp(recruiterContext, contextB, server.baseUrl, context);
        results.push({
          ...change,
          figures: { ...change.figures, clientBFirstSyncMs: Math.round(secondSyncMs) },
        });
        await contextB.close();
      }
      if (context.selected.includes('P3'))
        results.push(await candidateSearch(recruiterContext, server.baseUrl, context));
      if (context.selected.includes('P7'))
        results.push(await offlineStart(recruiterContext, server.baseUrl, context));
      return results;
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};
