import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { ServerApi, uniqueSuffix } from './support/api';
import { signIn } from './support/session';

/** Live changes arrive through the sync stream within a few seconds, with no reload. */
const LIVE_TIMEOUT = 8_000;

async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => document.documentElement.setAttribute('data-e2e-no-reload', 'yes'));
}

async function expectNoReload(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-e2e-no-reload', 'yes');
}

test('two people in two windows see each other’s changes live, without reloading', async ({
  browser,
  request,
}) => {
  const manager = await ServerApi.as(request, 'hr.manager@example.com');
  const suffix = uniqueSuffix();
  const job = await manager.createJob(`Live Sync Engineer ${suffix}`, 'open');
  const candidate = await manager.createCandidate('Lina', `Livewell ${suffix}`);
  const application = await manager.createApplication(job, candidate, 'applied');

  const recruiterContext = await browser.newContext();
  const managerContext = await browser.newContext();
  const recruiter = await recruiterContext.newPage();
  const hiringManager = await managerContext.newPage();
  await Promise.all([
    signIn(recruiter, 'recruiter2@example.com'),
    signIn(hiringManager, 'hr.manager@example.com'),
  ]);
  for (const page of [recruiter, hiringManager]) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
    await page.getByRole('table', { name: 'Jobs' }).getByRole('link', { name: job.title }).click();
    await page
      .getByRole('table', { name: 'Applications' })
      .getByRole('link', { name: `${candidate.firstName} ${candidate.lastName}` })
      .click();
    await expect(page).toHaveURL(new RegExp(`/applications/${application.id}$`));
    await expect(page.getByRole('list', { name: 'Stage history' })).toContainText('Applied (added)');
    await markDocument(page);
  }

  // The recruiter moves the application; the hiring manager's open page follows.
  await recruiter.getByRole('button', { name: 'Move to Screening' }).click();
  await expect(hiringManager.getByRole('list', { name: 'Stage history' })).toContainText(
    'Applied → Screening',
    {
      timeout: LIVE_TIMEOUT,
    },
  );
  await expect(hiringManager.getByRole('button', { name: 'Move to Interview' })).toBeVisible();

  // The hiring manager moves it on; the recruiter's page follows.
  await hiringManager.getByRole('button', { name: 'Move to Interview' }).click();
  await expect(recruiter.getByRole('list', { name: 'Stage history' })).toContainText(
    'Screening → Interview',
    {
      timeout: LIVE_TIMEOUT,
    },
  );
  await expect(recruiter.getByRole('button', { name: 'Move to Offer' })).toBeVisible();

  // A job edit shows up live in the other window's jobs list too.
  await hiringManager.getByRole('link', { name: 'Job', exact: true }).click();
  await hiringManager.getByRole('link', { name: 'Edit job' }).click();
  const renamed = `${job.title} (renamed live)`;
  await hiringManager.getByRole('form', { name: 'Job' }).getByLabel('Title').fill(renamed);
  await hiringManager.getByRole('button', { name: 'Save job' }).click();
  await recruiter.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
  await expect(
    recruiter.getByRole('table', { name: 'Jobs' }).getByRole('link', { name: renamed }),
  ).toBeVisible({
    timeout: LIVE_TIMEOUT,
  });

  await expectNoReload(recruiter);
  await expectNoReload(hiringManager);
  await expect
    .poll(async () => (await manager.find('applications', application.id))?.stage)
    .toBe('interview');
  await recruiterContext.close();
  await managerContext.close();
});
