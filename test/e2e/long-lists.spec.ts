import type { Locator } from '@playwright/test';
import type { Application } from '#shared/domain/application/application-schema';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import type { Job } from '#shared/domain/job/job-schema';
import { expect, test } from './support/test';
import { ServerApi, uniqueSuffix } from './support/api';
import { signIn } from './support/session';

/**
 * Long lists (issue 18): the jobs list and a job's applications draw only the rows in view, however
 * many there are, and scroll to the last one; a job's applications are acted on in bulk, each judged
 * by the rules, the refused ones named with why.
 */

const OLD = Date.parse('2020-01-01T09:00:00.000Z');

/** Scrolls a virtualised table's scroll area to its end. */
async function scrollToEnd(table: Locator): Promise<void> {
  await table.locator('xpath=..').evaluate((area) => area.scrollTo({ top: area.scrollHeight }));
}

test('the jobs list draws only the rows in view, and scrolls to the last of hundreds', async ({
  page,
  request,
}) => {
  const manager = await ServerApi.as(request, 'hr.manager@example.com');
  const suffix = uniqueSuffix();
  const jobs: Job[] = Array.from({ length: 300 }, (_, index) => ({
    id: `e2e-archive-${suffix}-${String(index).padStart(3, '0')}`,
    updatedAt: 0,
    title: `Archived role ${suffix} ${index}`,
    department: 'Archive',
    location: 'Remote',
    employmentType: 'full_time',
    description: 'One of many old drafts.',
    requirements: [],
    status: 'draft',
    hiringManagerId: 'user-hr-manager',
    recruiterIds: ['user-recruiter-1'],
    createdBy: manager.userId,
    // Older than every other job, so they sort last and leave the other tests' jobs in view.
    createdAt: new Date(OLD + index * 60_000).toISOString(),
  }));
  await manager.pushMany('jobs', jobs);

  await signIn(page, 'recruiter1@example.com');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
  const table = page.getByRole('table', { name: 'Jobs' });
  await expect
    .poll(async () => Number(await table.getAttribute('aria-rowcount')), { timeout: 30_000 })
    .toBeGreaterThan(300);
  expect(await table.getByRole('row').count()).toBeLessThan(80);
  const oldest = table.getByRole('link', { name: `Archived role ${suffix} 0`, exact: true });
  await expect(oldest).toHaveCount(0);
  await scrollToEnd(table);
  await expect(oldest).toBeInViewport();
  expect(await table.getByRole('row').count()).toBeLessThan(80);
});

test('a job’s applications are moved and rejected in bulk, the refused ones named with why, hundreds drawn as they come into view', async ({
  page,
  request,
}) => {
  const manager = await ServerApi.as(request, 'hr.manager@example.com');
  const job = await manager.createJob(`Bulk Engineer ${uniqueSuffix()}`, 'open');
  const suffix = uniqueSuffix();
  const ana = await manager.createCandidate('Ana', `Bulk ${suffix}`);
  const ben = await manager.createCandidate('Ben', `Bulk ${suffix}`);
  const cy = await manager.createCandidate('Cy', `Bulk ${suffix}`);
  await manager.createApplication(job, ana);
  await manager.createApplication(job, ben);
  await manager.createApplication(job, cy, 'offer');
  const at = new Date().toISOString();
  // Filler ids sort after the named candidates' (`e2e-cand-…`), so those are drawn first.
  const fillers: Candidate[] = Array.from({ length: 200 }, (_, index) => ({
    id: `e2e-filler-${suffix}-${String(index).padStart(3, '0')}`,
    updatedAt: 0,
    firstName: 'Filler',
    lastName: `Number ${index}`,
    email: `e2e-filler-${suffix}-${index}@example.org`,
    skills: [],
    source: 'job_board',
    tags: [],
    createdBy: manager.userId,
    createdAt: at,
  }));
  await manager.pushMany('candidates', fillers);
  const applications: Application[] = fillers.map((candidate) => ({
    id: `${job.id}__${candidate.id}`,
    updatedAt: 0,
    jobId: job.id,
    candidateId: candidate.id,
    stage: 'applied',
    stageHistory: [{ from: null, to: 'applied', by: manager.userId, at, recordedAt: at }],
    createdBy: manager.userId,
    createdAt: at,
  }));
  await manager.pushMany('applications', applications);

  await signIn(page, 'recruiter1@example.com');
  await page.goto(`./jobs/${job.id}`);
  const table = page.getByRole('table', { name: 'Applications' });
  await expect(table).toHaveAttribute('aria-rowcount', '204', { timeout: 30_000 });
  expect(await table.getByRole('row').count()).toBeLessThan(80);

  for (const person of [ana, ben, cy]) {
    await table.getByRole('checkbox', { name: `Select ${person.firstName} ${person.lastName}` }).check();
  }
  const bulk = page.getByRole('region', { name: 'Bulk actions' });
  await expect(bulk).toContainText('3 selected');
  await bulk.getByRole('button', { name: 'Move to…' }).click();
  await page.getByRole('menuitem', { name: 'Screening' }).click();
  const outcome = page.getByRole('status').filter({ hasText: '2 moved, 1 refused' });
  await expect(outcome).toBeVisible();
  await expect(outcome.getByRole('list', { name: 'Refused items' })).toContainText(`Cy Bulk ${suffix}`);
  await page.screenshot({ path: test.info().outputPath('job-bulk-outcome.png'), fullPage: true });

  for (const person of [ana, ben]) {
    await table.getByRole('checkbox', { name: `Select ${person.firstName} ${person.lastName}` }).check();
  }
  await bulk.getByRole('button', { name: 'Reject…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reject 2 candidates' });
  await dialog.getByLabel('Reason').click();
  await page.getByRole('option', { name: 'Went with a stronger candidate' }).click();
  await dialog.getByRole('button', { name: 'Reject' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 rejected' })).toBeVisible();
  await expect
    .poll(
      async () => {
        const stored = await Promise.all(
          [ana, ben, cy].map((person) => manager.find('applications', `${job.id}__${person.id}`)),
        );
        return stored.map((each) => [each?.stage, each?.rejection?.reason]);
      },
      { timeout: 20_000 },
    )
    .toEqual([
      ['rejected', 'stronger-candidate'],
      ['rejected', 'stronger-candidate'],
      ['offer', undefined],
    ]);

  // The first rows are drawn, the last are not, until the table is scrolled to its end.
  const last = table.getByRole('link', { name: 'Filler Number 199', exact: true });
  await expect(last).toHaveCount(0);
  await scrollToEnd(table);
  await expect(last).toBeVisible();
  await expect(table.getByRole('link', { name: `Ana Bulk ${suffix}`, exact: true })).toHaveCount(0);
  expect(await table.getByRole('row').count()).toBeLessThan(80);
});
