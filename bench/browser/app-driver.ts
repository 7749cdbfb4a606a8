import type { BrowserContext, Page } from '@playwright/test';
import { startCpuProfile } from './cpu-profile';

/** How long the first sync may take before the benchmark gives up. */
const FIRST_SYNC_TIMEOUT_MS = 30 * 60 * 1_000;

/** The first-download bar of the app shell (`FirstDownloadProgress`), shown until every collection arrived once. */
const FIRST_DOWNLOAD = '[aria-label="First download progress"]';
/** The signed-in app's main navigation. */
const MAIN_NAV = 'nav[aria-label="Main"]';

/** Opens the app's sign-in screen. */
export async function openSignIn(context: BrowserContext, baseUrl: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/app/`);
  await page.getByLabel('Email').waitFor({ timeout: 30_000 });
  return page;
}

/**
 * Signs in through the form and waits until the first download is done: the first-download bar
 * appeared and went away again. Answers the milliseconds from the click to that moment.
 */
export async function signInAndSync(page: Page, email: string, password: string): Promise<number> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  const started = performance.now();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator(MAIN_NAV).waitFor({ timeout: 60_000 });
  await page.locator(FIRST_DOWNLOAD).waitFor({ state: 'attached', timeout: 60_000 });
  await waitForFirstDownload(page, started);
  return performance.now() - started;
}

/** A first sync still running after this long is reported (what the bar says), and profiled if asked. */
const STALL_REPORT_MS = 150_000;

/**
 * Waits for the first-download bar to go. A sync still running after `STALL_REPORT_MS` is reported
 * on stderr with the bar's text, and `SHORTLIST_BENCH_STALL_PROFILE=<file>` takes a 10 s CPU profile
 * of the page then: where a slow first sync spends its time.
 */
async function waitForFirstDownload(page: Page, started: number): Promise<void> {
  const bar = page.locator(FIRST_DOWNLOAD);
  try {
    await bar.waitFor({ state: 'detached', timeout: STALL_REPORT_MS });
    return;
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'TimeoutError') throw error;
  }
  const text = await page
    .getByRole('status', { name: 'First download' })
    .innerText()
    .catch(() => '(no bar text)');
  process.stderr.write(`first sync still running after ${STALL_REPORT_MS / 1000} s: ${text}\n`);
  if (process.env['SHORTLIST_BENCH_STALL_PROFILE']) {
    const log = (line: string) => process.stderr.write(`${line}\n`);
    const stopProfile = await startCpuProfile(page.context(), page, 'SHORTLIST_BENCH_STALL_PROFILE', log);
    await page.waitForTimeout(10_000);
    await stopProfile();
  }
  await bar.waitFor({ state: 'detached', timeout: FIRST_SYNC_TIMEOUT_MS - (performance.now() - started) });
}

/** The page renderer's JavaScript heap, in MiB (Chromium's performance metrics). */
export interface HeapFigures {
  /** In use as found, garbage not yet collected included. */
  readonly usedMiB: number | null;
  /** In use after a full garbage collection: what the page holds. */
  readonly liveMiB: number | null;
}

/** The JavaScript heap of `page`'s renderer, as found and after a full garbage collection. */
export async function jsHeapMiB(context: BrowserContext, page: Page): Promise<HeapFigures> {
  const session = await context.newCDPSession(page);
  const used = async (): Promise<number | null> => {
    const { metrics } = await session.send('Performance.getMetrics');
    const bytes = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value;
    return bytes === undefined ? null : Math.round(bytes / 2 ** 20);
  };
  try {
    await session.send('Performance.enable');
    const usedMiB = await used();
    await session.send('HeapProfiler.collectGarbage');
    return { usedMiB, liveMiB: await used() };
  } finally {
    await session.detach();
  }
}

export { MAIN_NAV };
