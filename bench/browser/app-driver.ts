import type { BrowserContext, Page } from '@playwright/test';

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
  await page.locator(FIRST_DOWNLOAD).waitFor({ state: 'detached', timeout: FIRST_SYNC_TIMEOUT_MS });
  return performance.now() - started;
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
