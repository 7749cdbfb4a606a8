import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { ServerApi } from '../support/api';
import { DEMO_PASSWORD, expectSynced, syncStatus } from '../support/session';
import { setOffline } from '../support/network';

/** Where the README's screenshots live. */
const SCREENSHOT_DIR = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

async function shoot(page: Page, name: string): Promise<void> {
  // Let the focus ripple and chart transitions settle; nothing is loading any more at this point.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, animations: 'disabled', caret: 'hide' });
}

async function openSection(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: new RegExp(name) })
    .click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

test('the main screens, at 1280×800, of the demo organisation as a recruiter sees it', async ({
  page,
  context,
  request,
}) => {
  await page.goto('./');
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Email').fill('recruiter1@example.com');
  await form.getByLabel('Password').fill(DEMO_PASSWORD);
  await shoot(page, 'sign-in');
  await form.getByRole('button', { name: /sign in/i }).click();
  await expect(page.getByRole('link', { name: 'Dashboard' })).toBeVisible();
  await expectSynced(page);
  await expect(page.getByRole('progressbar', { name: 'First download progress' })).toHaveCount(0);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.locator('main svg').first()).toBeVisible();
  await shoot(page, 'dashboard');

  await openSection(page, 'Jobs');
  const jobs = page.getByRole('table', { name: 'Jobs' });
  await expect(jobs.getByRole('link', { name: 'Senior Backend Engineer', exact: true })).toBeVisible();
  await shoot(page, 'jobs');

  await jobs.getByRole('link', { name: 'Senior Backend Engineer', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Senior Backend Engineer', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Applications' })).toBeVisible();
  await shoot(page, 'job');

  // The job's pipeline, as the desktop app's pipeline window shows it.
  const jobUrl = page.url();
  await page.goto(`${jobUrl}/pipeline?window=pipeline`);
  await expect(page.getByRole('heading', { name: 'Senior Backend Engineer', level: 1 })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Pipeline board' }).getByRole('region').first()).toBeVisible();
  await shoot(page, 'pipeline');
  await page.goto(jobUrl);
  await expect(page.getByRole('table', { name: 'Applications' })).toBeVisible();

  // The application at the offer stage: the longest stage history.
  await page
    .getByRole('table', { name: 'Applications' })
    .getByRole('row')
    .filter({ hasText: 'Offer' })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByRole('list', { name: 'Stage history' }).getByRole('listitem').nth(3)).toBeVisible();
  await shoot(page, 'application');

  await page.getByRole('link', { name: 'Candidate profile' }).click();
  await expect(page.getByRole('region', { name: 'Profile' })).toBeVisible();
  await shoot(page, 'candidate');

  await openSection(page, 'Candidates');
  await expect(page.getByRole('list', { name: 'Candidates' }).getByRole('listitem').first()).toBeVisible();
  await shoot(page, 'candidates');

  // Offline: a stage move on "Product Designer" waits on this laptop.
  await openSection(page, 'Jobs');
  await jobs.getByRole('link', { name: 'Product Designer', exact: true }).click();
  await page
    .getByRole('table', { name: 'Applications' })
    .getByRole('row')
    .filter({ hasText: /Applied|Screening|Interview/ })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  await setOffline(context, true);
  await expect(syncStatus(page)).toContainText('Offline');
  await page.getByRole('button', { name: /^Move to / }).click();
  await expect(page.getByText('Not synced yet')).toBeVisible();
  await expect(syncStatus(page).getByLabel('1 unsynced changes')).toBeVisible();
  await shoot(page, 'sync-offline');

  // Meanwhile the hiring manager puts the job on hold; back online, the move is refused.
  const manager = await ServerApi.as(request, 'hr.manager@example.com');
  const productDesigner = (await manager.pullAll('jobs')).find((job) => job.title === 'Product Designer');
  if (!productDesigner) throw new Error('the demo job "Product Designer" is missing');
  await manager.setJobStatus(productDesigner, 'on_hold');
  await setOffline(context, false);
  await expectSynced(page);
  await openSection(page, 'Refused changes');
  await expect(page.getByRole('list', { name: 'Refused changes' }).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Your version', exact: true }).click();
  await expect(page.locator('pre')).toBeVisible();
  await shoot(page, 'refused-changes');
});
