import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { candidateAtStage } from '../support/api';
import { signIn } from '../support/session';

/** The admin console's and the messages' screens (issue 17), for review: written to test-results/. */
const SCREENSHOT_DIR = fileURLToPath(new URL('../../../test-results/screenshots-issue-17/', import.meta.url));

async function shoot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({
    path: `${SCREENSHOT_DIR}${name}.png`,
    animations: 'disabled',
    caret: 'hide',
    fullPage: true,
  });
}

test('the admin console and the message composer', async ({ page, request }) => {
  const { recruiter, job, application } = await candidateAtStage(
    request,
    { firstName: 'Margaret', lastName: 'Hamilton', jobTitle: 'Platform Engineer' },
    'interview',
  );

  await signIn(page, 'admin@example.com');
  for (const section of ['users', 'audit', 'settings', 'outbox', 'erasure', 'export']) {
    await page.goto(`./admin/${section}`);
    await expect(page.getByRole('heading', { name: 'Admin', level: 1 })).toBeVisible();
    await page.waitForTimeout(800);
    await shoot(page, `admin-${section}`);
  }
  await page.goto('./admin/users');
  const row = page.getByRole('row').filter({ hasText: 'interviewer3@example.com' });
  const name = (await row.getByRole('cell').first().textContent()) ?? '';
  await row.getByRole('button', { name: `Actions for ${name}` }).click();
  await shoot(page, 'admin-users-menu');
  await page.getByRole('menuitem', { name: 'Wipe a lost laptop…' }).click();
  await shoot(page, 'admin-wipe-confirmation');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.goto('./admin/erasure');
  await page.getByLabel('Candidate').fill('Margaret Hamilton');
  await page.getByRole('option', { name: /Margaret Hamilton/ }).click();
  await page.getByRole('button', { name: 'Erase Margaret Hamilton…' }).click();
  await shoot(page, 'admin-erase-confirmation');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.goto('./preferences');
  await shoot(page, 'preferences');

  await page.goto(`./applications/${application.id}`);
  await page.getByRole('button', { name: 'Reject' }).click();
  const dialog = page.getByRole('dialog', { name: /^Reject/ });
  await dialog.getByLabel('Reason').click();
  await page.getByRole('option', { name: 'Went with a stronger candidate' }).click();
  await dialog.getByRole('checkbox', { name: /Send .* a message/ }).check();
  await shoot(page, 'reject-with-message');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await shoot(page, 'reject-message-preview');
  await dialog.getByRole('button', { name: 'Reject and send' }).click();
  await expect(page.getByRole('heading', { name: /Rejected at/ })).toBeVisible();
  await page.getByRole('link', { name: 'Candidate profile' }).click();
  await expect(page.getByRole('region', { name: 'Messages' })).toContainText('Sent', { timeout: 20_000 });
  await page.getByRole('region', { name: 'Messages' }).getByRole('button').first().click();
  await shoot(page, 'candidate-messages');

  const other = await recruiter.createCandidate('Katherine', 'Johnson');
  const second = await recruiter.createApplication(job, other, 'interview');
  await page.goto(`./applications/${second.id}`);
  await page.getByRole('button', { name: 'Schedule interview' }).click();
  await page
    .getByRole('dialog', { name: 'Schedule interview' })
    .getByRole('checkbox', { name: /Send .* a message/ })
    .check();
  await shoot(page, 'schedule-with-invitation');
});
