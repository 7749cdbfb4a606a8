import { expect, test } from './support/test';
import { ServerApi, uniqueSuffix } from './support/api';
import { signIn } from './support/session';

/**
 * Bulk actions on the board (issue 18): cards picked one by one or a column at a time, then moved
 * or tagged together, each judged by the rules; the refused ones are named with why.
 */
test('cards picked on the board are moved and tagged together; the refused one is named with why', async ({
  page,
  request,
}) => {
  const manager = await ServerApi.as(request, 'hr.manager@example.com');
  const job = await manager.createJob(`Board Bulk Engineer ${uniqueSuffix()}`, 'open');
  const suffix = uniqueSuffix();
  const [ola, per, quinn] = [
    await manager.createCandidate('Ola', `Board ${suffix}`),
    await manager.createCandidate('Per', `Board ${suffix}`),
    await manager.createCandidate('Quinn', `Board ${suffix}`),
  ];
  await manager.createApplication(job, ola);
  await manager.createApplication(job, per);
  await manager.createApplication(job, quinn, 'offer');

  await signIn(page, 'recruiter1@example.com');
  await page.goto(`./jobs/${job.id}/pipeline`);
  const board = page.getByRole('group', { name: 'Pipeline board' });
  const column = (stage: string) => board.getByRole('region', { name: stage, exact: true });
  await expect(column('Applied').getByRole('listitem')).toHaveCount(2);

  await page.getByRole('button', { name: 'Select cards' }).click();
  await column('Applied').getByRole('checkbox', { name: 'Select all shown in Applied' }).check();
  await column('Offer')
    .getByRole('checkbox', { name: `Select Quinn Board ${suffix}` })
    .check();
  const bulk = page.getByRole('region', { name: 'Bulk actions' });
  await expect(bulk).toContainText('3 selected');
  await page.screenshot({ path: test.info().outputPath('board-selection.png'), fullPage: true });
  await bulk.getByRole('button', { name: 'Move to…' }).click();
  await page.getByRole('menuitem', { name: 'Screening' }).click();
  const outcome = page.getByRole('status').filter({ hasText: '2 moved, 1 refused' });
  await expect(outcome).toBeVisible();
  await expect(outcome.getByRole('list', { name: 'Refused items' })).toContainText(
    `Quinn Board ${suffix}An application cannot go back from offer to screening.`,
  );
  await expect(column('Screening').getByRole('listitem')).toHaveCount(2);
  await expect(column('Applied').getByRole('listitem')).toHaveCount(0);

  await column('Screening').getByRole('checkbox', { name: 'Select all shown in Screening' }).check();
  await bulk.getByRole('button', { name: 'Tag…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tag 2 candidates' });
  await dialog.getByLabel('Tag').fill('board-bulk');
  await dialog.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 tagged' })).toBeVisible();
  await expect
    .poll(
      async () => {
        const stored = await Promise.all(
          [ola, per, quinn].map((person) => manager.find('candidates', person.id)),
        );
        return stored.map((each) => each?.tags.includes('board-bulk'));
      },
      { timeout: 20_000 },
    )
    .toEqual([true, true, false]);
  await expect
    .poll(async () => (await manager.find('applications', `${job.id}__${ola.id}`))?.stage, {
      timeout: 20_000,
    })
    .toBe('screening');
});
