import { expect, test } from './support/test';
import { ServerApi, uniqueSuffix } from './support/api';
import { expectSynced, signIn, syncStatus } from './support/session';
import { openContext, setOffline } from './support/network';

test('an offline stage move on a job put on hold meanwhile is refused, listed with its reason, and can be copied and dismissed', async ({
  browser,
  request,
}) => {
  const manager = await ServerApi.as(request, 'hr.manager@example.com');
  const suffix = uniqueSuffix();
  const job = await manager.createJob(`Refused Move Engineer ${suffix}`, 'open');
  const candidate = await manager.createCandidate('Rafael', `Refusé ${suffix}`);
  const application = await manager.createApplication(job, candidate, 'screening');
  const candidateName = `${candidate.firstName} ${candidate.lastName}`;

  const recruiterContext = await openContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  const managerContext = await browser.newContext();
  const recruiter = await recruiterContext.newPage();
  const hiringManager = await managerContext.newPage();
  await Promise.all([
    signIn(recruiter, 'recruiter1@example.com'),
    signIn(hiringManager, 'hr.manager@example.com'),
  ]);

  // The recruiter opens the application and, offline, moves it to interview.
  await recruiter.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
  await recruiter.getByRole('table', { name: 'Jobs' }).getByRole('link', { name: job.title }).click();
  await recruiter
    .getByRole('table', { name: 'Applications' })
    .getByRole('link', { name: candidateName })
    .click();
  await expect(recruiter).toHaveURL(new RegExp(`/applications/${application.id}$`));
  const history = recruiter.getByRole('list', { name: 'Stage history' });
  await expect(history).toContainText('Applied → Screening');
  await setOffline(recruiterContext, true);
  await expect(syncStatus(recruiter)).toContainText('Offline');
  await recruiter.getByRole('button', { name: 'Move to Interview' }).click();
  await expect(history).toContainText('Screening → Interview');
  await expect(recruiter.getByText('Not synced yet')).toBeVisible();
  await expect(syncStatus(recruiter).getByLabel('1 unsynced changes')).toBeVisible();

  // Meanwhile the hiring manager puts the job on hold.
  await hiringManager.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
  await hiringManager.getByRole('table', { name: 'Jobs' }).getByRole('link', { name: job.title }).click();
  await hiringManager.getByRole('button', { name: 'Put on hold' }).click();
  await expect(hiringManager.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await expectSynced(hiringManager);
  await expect.poll(async () => (await manager.find('jobs', job.id))?.status).toBe('on_hold');

  // Back online: the server refuses the move, the page snaps back to screening.
  await setOffline(recruiterContext, false);
  await expectSynced(recruiter);
  await expect(history).not.toContainText('Screening → Interview');
  await expect(history).toContainText('Applied → Screening');
  await expect(recruiter.getByText('Not synced yet')).toHaveCount(0);
  await expect(recruiter.getByRole('alert').filter({ hasText: 'The job is on hold' })).toBeVisible();
  await expect(recruiter.getByRole('button', { name: 'Move to Interview' })).toHaveCount(0);
  expect((await manager.find('applications', application.id))?.stage).toBe('screening');

  // The refused-changes list shows what, why, and the person's own version.
  const refusedLink = recruiter
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /Refused changes/ });
  await expect(refusedLink).toContainText('1');
  await refusedLink.click();
  await expect(recruiter.getByRole('heading', { name: 'Refused changes', level: 1 })).toBeVisible();
  const card = recruiter.getByLabel(
    `Refused: Application of ${candidateName} to ${job.title} (moved to interview)`,
  );
  await expect(card).toBeVisible();
  await expect(card.getByRole('note')).toHaveText('The job is on hold, so its pipeline cannot move forward.');
  await expect(card).toContainText('reason code job_not_open');
  await card.getByRole('button', { name: 'Your version', exact: true }).click();
  const ownVersion = card.locator('pre').and(card.getByLabel('Your version', { exact: true }));
  await expect(ownVersion).toBeVisible();
  await expect(ownVersion).toContainText('"stage": "interview"');

  await card.getByRole('button', { name: 'Copy your version' }).click();
  await expect(card.getByRole('button', { name: 'Copied' })).toBeVisible();
  const copied = await recruiter.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('"stage": "interview"');
  expect(copied).toContain(`"id": "${application.id}"`);

  await card.getByRole('button', { name: 'Dismiss' }).click();
  await expect(card).toHaveCount(0);
  await expect(recruiter.getByText('No refused changes.')).toBeVisible();

  await recruiterContext.close();
  await managerContext.close();
});
