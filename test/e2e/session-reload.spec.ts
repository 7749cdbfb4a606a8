import type { APIRequestContext, Page, Route } from '@playwright/test';
import { expect, test } from './support/test';
import { ServerApi, uniqueSuffix } from './support/api';
import { expectSynced, signIn } from './support/session';

/**
 * Issue 18: every start of the app swaps the stored refresh token for new tokens. The server spends
 * the token as soon as the request reaches it, so a reload while that answer is on its way used to
 * start the next page with a spent token, and the server ended the session as if it had been stolen.
 */

// The app-shell service worker plays no part in this, and `page.route` sees the page's own requests only.
test.use({ serviceWorkers: 'block' });

/** How the start-up refresh's answer is lost on its way to the page. */
type Loss = 'answer held until the reload' | 'answer cut' | 'old request at the same moment';

const REFRESH = '**/api/auth/refresh';

/**
 * Reloads the page and loses its start-up refresh's answer as `loss` says, then reloads it again
 * while that refresh is (or looks to the server) in flight. Resolves once the second page's own
 * refresh has been answered.
 */
async function reloadDuringStartUpRefresh(page: Page, request: APIRequestContext, loss: Loss): Promise<void> {
  const lost: { route?: Route; body?: string | null } = {};
  let reachedServer!: () => void;
  const held = new Promise<void>((resolve) => (reachedServer = resolve));
  let secondAnswered!: () => void;
  const answered = new Promise<void>((resolve) => (secondAnswered = resolve));
  await page.route(REFRESH, async (route) => {
    if (!lost.route) {
      lost.route = route;
      lost.body = route.request().postData();
      // Held before the server: it reaches the server as the next page's request does.
      if (loss !== 'old request at the same moment') {
        await route.fetch(); // the server has rotated the token; its answer never reaches the page
        if (loss === 'answer cut') await route.abort('connectionreset');
      }
      reachedServer();
      return;
    }
    if (loss === 'old request at the same moment') {
      // The old page's request goes out first, as it did in real life; the new one follows at once.
      const old = request.post('api/auth/refresh', {
        headers: { 'content-type': 'application/json' },
        data: lost.body ?? '',
      });
      const [answer] = await Promise.all([route.fetch(), old]);
      await route.fulfill({ response: answer });
    } else {
      await route.continue();
    }
    secondAnswered();
  });
  await page.reload();
  await held;
  await page.reload();
  await answered;
  await page.unroute(REFRESH);
  // The first page is gone; its route only has to be let go.
  if (loss !== 'answer cut') await lost.route?.abort().catch(() => undefined);
}

test('reloading while the start-up token refresh is in flight keeps the person signed in and syncing', async ({
  page,
  request,
}) => {
  const manager = await ServerApi.as(request, 'hr.manager@example.com');
  await signIn(page, 'recruiter1@example.com');
  const losses: Loss[] = ['answer held until the reload', 'answer cut', 'old request at the same moment'];
  for (const loss of losses) {
    await reloadDuringStartUpRefresh(page, request, loss);
    // Still signed in: a job created on the server meanwhile reaches this laptop.
    const job = await manager.createJob(`Reload Survivor ${uniqueSuffix()}`, 'open');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
    await expect(
      page.getByRole('table', { name: 'Jobs' }).getByRole('link', { name: job.title }),
      loss,
    ).toBeVisible({
      timeout: 20_000,
    });
    await expectSynced(page);
    await expect(page.getByText(/session (has )?ended/i), loss).toHaveCount(0);
  }
  // The refresh token the last page kept is the session's live one: the next start refreshes with it.
  const refreshed = page.waitForResponse((response) => response.url().endsWith('/api/auth/refresh'));
  await page.reload();
  expect((await refreshed).status()).toBe(200);
  await expectSynced(page);
  await expect(page.getByText(/session (has )?ended/i)).toHaveCount(0);
});
