import { expect, test } from './support/test';
import { ServerApi, uniqueSuffix } from './support/api';
import { signIn, syncStatus } from './support/session';

/**
 * The app never depends on the live stream alone: with the stream blocked (a proxy that refuses it,
 * a server whose change feed stopped), another person's change still arrives, by the timed pull and
 * when the window gets the focus back, and the status says live updates are paused.
 */
test('a change arrives by the timed pull and on focus while the live stream is blocked', async ({
  context,
  page,
  request,
}) => {
  const manager = await ServerApi.as(request, 'hr.manager@example.com');
  const suffix = uniqueSuffix();
  const job = await manager.createJob(`Fallback Pull Engineer ${suffix}`, 'open');
  const candidate = await manager.createCandidate('Pia', `Pollwell ${suffix}`);
  const application = await manager.createApplication(job, candidate, 'applied');

  // The stream never connects; everything else reaches the server. Time is the test's to move.
  await context.route('**/api/sync/stream**', (route) => route.abort('connectionrefused'));
  await context.clock.install();
  await signIn(page, 'recruiter2@example.com');
  await expect(syncStatus(page)).toContainText('Live updates paused');
  await expect(syncStatus(page).getByLabel('Last sync')).toHaveText(/^Last synced at \d\d:\d\d$/);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
  await page.getByRole('table', { name: 'Jobs' }).getByRole('link', { name: job.title }).click();
  await page
    .getByRole('table', { name: 'Applications' })
    .getByRole('link', { name: `${candidate.firstName} ${candidate.lastName}` })
    .click();
  await expect(page.getByRole('list', { name: 'Stage history' })).toContainText('Applied (added)');

  // Someone else moves it; nothing tells this window. The timed pull (every 30 s of silence) does.
  const screened = await manager.moveStage(application, 'screening');
  await page.clock.fastForward('00:35');
  await expect(page.getByRole('list', { name: 'Stage history' })).toContainText('Applied → Screening');

  // Coming back to the window pulls at once.
  await manager.moveStage(screened, 'interview');
  await page.clock.fastForward('00:06');
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page.getByRole('list', { name: 'Stage history' })).toContainText('Screening → Interview');
  await expect(syncStatus(page)).toContainText('Live updates paused');
});
