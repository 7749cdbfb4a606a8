import { expect, test } from './support/test';
import { ServerApi, uniqueSuffix } from './support/api';
import { textsMailedTo } from './support/mailbox';
import { expectSynced, signIn, syncStatus } from './support/session';
import { setOffline } from './support/network';

/**
 * The candidate's timeline (issue 18): one feed of stage moves, interviews, files and the team's
 * comments, newest first; a comment written offline with an @mention reaches the server once online
 * and the colleague it names is mailed.
 */
test('a comment with an @mention is written offline, joins the timeline, and notifies the colleague once synced', async ({
  page,
  context,
  request,
}) => {
  const manager = await ServerApi.as(request, 'hr.manager@example.com');
  const job = await manager.createJob(`Timeline Engineer ${uniqueSuffix()}`, 'open');
  const candidate = await manager.createCandidate('Tilda', `Timeline ${uniqueSuffix()}`);
  await manager.createApplication(job, candidate, 'screening');

  await signIn(page, 'recruiter1@example.com');
  await page.goto(`./candidates/${candidate.id}`);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const entries = timeline.getByRole('list', { name: 'Timeline entries' }).getByRole('listitem');
  await expect(entries.first()).toContainText(`${job.title}: Applied → Screening`);
  await expect(timeline.getByText(`Applied to ${job.title}`)).toBeVisible();
  await expect(entries.filter({ hasText: 'Added as a candidate' })).toHaveCount(1);

  await setOffline(context, true);
  await expect(syncStatus(page)).toContainText('Offline');
  const box = timeline.getByLabel('Add a comment');
  await box.fill('Lovely call this morning. @Pri');
  await timeline.getByRole('option', { name: '@Priya Raman' }).click();
  await box.pressSequentially('could you meet her this week?');
  await expect(timeline.getByText('Notifies Priya Raman')).toBeVisible();
  await timeline.getByRole('button', { name: 'Comment' }).click();

  const comment = entries.first();
  await expect(comment).toContainText('Jordan Ellis commented');
  await expect(comment).toContainText('Lovely call this morning. @Priya Raman could you meet her this week?');
  await expect(comment.getByText('Not synced yet')).toBeVisible();
  await expect(box).toHaveValue('');
  await page.screenshot({ path: test.info().outputPath('candidate-timeline.png'), fullPage: true });

  await setOffline(context, false);
  await expectSynced(page);
  await expect(comment.getByText('Not synced yet')).toHaveCount(0);
  const stored = (await manager.pullAll('comments')).find((each) => each.candidateId === candidate.id);
  expect(stored).toMatchObject({ mentions: ['user-hr-manager'], createdBy: 'user-recruiter-1' });

  const [mail] = await textsMailedTo(
    'hr.manager@example.com',
    new RegExp(`Jordan Ellis mentioned you on Tilda ${candidate.lastName}`),
  );
  expect(mail).toContain('could you meet her this week?');
});
