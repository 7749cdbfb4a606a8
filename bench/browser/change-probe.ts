import type { Page } from '@playwright/test';

/** How long client B may take to show a change before it counts as missed. */
const SEEN_TIMEOUT_MS = 10_000;

/** The app's "Syncing" chip, shown while a replication is running. */
const SYNCING = '[aria-label="Sync status"] >> text=Syncing';

/** Opens the app (already signed in) and waits until its start-up sync is over. */
export async function openAppIdle(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/app/`);
  await page.locator('nav[aria-label="Main"]').waitFor({ timeout: 120_000 });
  // Give the replication a moment to start, then wait for it to settle.
  await page.waitForTimeout(1_000);
  await page.locator(SYNCING).waitFor({ state: 'hidden', timeout: 10 * 60_000 });
}

/**
 * Shows an application's page by client-side navigation (as following a link does), so the app, its
 * database and its replication keep running, and waits until its stage history is shown.
 */
export async function showApplication(page: Page, applicationId: string): Promise<void> {
  await page.evaluate(
    (path) => {
      window.history.pushState(null, '', path);
      window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    },
    `/app/applications/${encodeURIComponent(applicationId)}`,
  );
  await page.getByRole('list', { name: 'Stage history' }).waitFor({ timeout: 60_000 });
}

/**
 * Starts watching, in client B's page, for the stage history to show a move to `stageLabel`; the
 * moment (wall clock, shared with client A on this machine) is collected by `seenAt`.
 */
export async function watchForMove(page: Page, stageLabel: string): Promise<void> {
  await page.evaluate(
    ({ label, timeoutMs }) => {
      const seen = new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => {
          observer.disconnect();
          resolve(null);
        }, timeoutMs);
        const observer = new MutationObserver(() => {
          // Inline, not a named helper: functions sent to the page must not depend on the bundler's helpers.
          const history = document.querySelector('[aria-label="Stage history"]')?.textContent ?? '';
          if (!history.includes(`→ ${label}`)) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(Date.now());
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      });
      Object.assign(window, { shortlistBenchSeen: seen });
    },
    { label: stageLabel, timeoutMs: SEEN_TIMEOUT_MS },
  );
}

/** When client B showed the move `watchForMove` waits for, or null if it did not within the timeout. */
export function seenAt(page: Page): Promise<number | null> {
  return page.evaluate(
    () => (window as unknown as { shortlistBenchSeen: Promise<number | null> }).shortlistBenchSeen,
  );
}

/** Client A clicks "Move to <stage>" on the application's page; answers the wall-clock time of the click. */
export async function clickMove(page: Page, stageLabel: string): Promise<number> {
  const button = page.getByRole('button', { name: `Move to ${stageLabel}` });
  await button.waitFor({ timeout: 30_000 });
  return page.evaluate((label) => {
    const target = Array.from(document.querySelectorAll('button')).find(
      (element) => element.textContent?.trim() === `Move to ${label}`,
    );
    if (!target) throw new Error(`no "Move to ${label}" button`);
    const clickedAt = Date.now();
    target.click();
    return clickedAt;
  }, stageLabel);
}
