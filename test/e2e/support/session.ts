import { expect, type Locator, type Page } from '@playwright/test';

/** Every demo account's password (SPEC §8). */
export const DEMO_PASSWORD = 'Password123!';

/** The always-visible sync status in the app bar (SyncStatusIndicator). */
export function syncStatus(page: Page): Locator {
  return page.getByRole('status', { name: 'Sync status' });
}

/**
 * Waits until every local change has been accepted by the server and a sync has completed:
 * the status says "0 unsynced" and shows the time of the last successful sync.
 */
export async function expectSynced(page: Page, timeout = 30_000): Promise<void> {
  const status = syncStatus(page);
  await expect(status).toContainText('Online', { timeout });
  await expect(status.getByLabel('0 unsynced changes')).toBeVisible({ timeout });
  await expect(status.getByLabel('Last sync')).toHaveText(/^Last synced/, { timeout });
}

/**
 * Signs in through the sign-in screen and waits until the first download has finished: the
 * progress bar ("First download progress") is gone and the sync status shows a completed sync.
 * (The progress bar only appears once the local sync record has loaded, so its absence alone proves
 * nothing; the "Last synced" time is written when the first download completes.)
 */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('./');
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(DEMO_PASSWORD);
  await form.getByRole('button', { name: /sign in/i }).click();
  // Every role's navigation has "My interviews" (interviewers' has no Dashboard).
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My interviews' }),
  ).toBeVisible();
  await expectSynced(page);
  await expect(page.getByRole('progressbar', { name: 'First download progress' })).toHaveCount(0);
}
