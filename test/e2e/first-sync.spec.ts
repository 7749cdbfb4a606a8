import type { Page, Route } from '@playwright/test';
import type { Job } from '#shared/domain/job/job-schema';
import { ServerApi, uniqueSuffix } from './support/api';
import { DEMO_PASSWORD, expectSynced } from './support/session';
import { expect, test } from './support/test';

/**
 * A recruiter's first sync (issue 18): the bar says how many documents are here of about how many,
 * and fills as they come; while the candidates have not arrived, the dashboard's rows wait for their
 * names ("Loading…") instead of calling them unknown.
 */

/**
 * Older than the demo's jobs (they stay first in the lists) and newer than long-lists.spec's
 * archive (its oldest stays last).
 */
const OLD = Date.parse('2021-01-01T09:00:00.000Z');

/** A door the test opens: requests held at it go on once it is open. */
function door(): { readonly passed: Promise<void>; open(): void } {
  let open = () => {};
  const passed = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { passed, open };
}

/** More jobs than one pull batch (500), so the jobs download needs a second pull. */
async function manyOldDrafts(api: ServerApi, count: number): Promise<void> {
  const suffix = uniqueSuffix();
  const jobs: Job[] = Array.from({ length: count }, (_, index) => ({
    id: `e2e-first-sync-${suffix}-${String(index).padStart(3, '0')}`,
    updatedAt: 0,
    title: `Old draft ${suffix} ${index}`,
    department: 'Archive',
    location: 'Remote',
    employmentType: 'full_time',
    description: 'One of many old drafts, for a download bigger than one batch.',
    requirements: [],
    status: 'draft',
    hiringManagerId: 'user-hr-manager',
    recruiterIds: ['user-recruiter-1'],
    createdBy: api.userId,
    createdAt: new Date(OLD + index * 60_000).toISOString(),
  }));
  for (let start = 0; start < jobs.length; start += 300)
    await api.pushMany('jobs', jobs.slice(start, start + 300));
}

async function signInWithoutWaiting(page: Page, email: string): Promise<void> {
  await page.goto('./');
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(DEMO_PASSWORD);
  await form.getByRole('button', { name: /sign in/i }).click();
}

/** "3,400 of about 18,230 documents" → [3400, 18230]. */
function countsOf(text: string): [number, number] {
  const match = /([\d,.\s]+) of about ([\d,.\s]+) documents/.exec(text);
  expect(match, text).not.toBeNull();
  const number = (digits: string | undefined) => Number((digits ?? '').replace(/\D/g, ''));
  return [number(match?.[1]), number(match?.[2])];
}

test('the first sync shows how many documents of about how many, and names no candidate unknown meanwhile', async ({
  page,
  request,
}) => {
  await manyOldDrafts(await ServerApi.as(request, 'hr.manager@example.com'), 520);
  const candidates = door();
  const lastJobs = door();
  await page.route('**/api/sync/*/pull?*', async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.pathname.endsWith('/candidates/pull')) await candidates.passed;
    // The first jobs batch comes at once; the rest of them waits.
    else if (url.pathname.endsWith('/jobs/pull') && url.searchParams.has('checkpoint')) await lastJobs.passed;
    await route.continue();
  });

  await signInWithoutWaiting(page, 'recruiter1@example.com');
  const bar = page.getByRole('status', { name: 'First download' });
  await expect(bar).toBeVisible();
  // Until every collection said its size (the candidates have not), there is no total to show.
  await expect(bar).toContainText(/[\d,]+ documents so far/);

  // Applications are here, their candidates not yet: the rows wait for the names.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  const recent = page.getByRole('region', { name: 'Recent applications' });
  await expect(recent.getByRole('link').first()).toContainText('Loading… →');
  await expect(page.getByText(/Unknown candidate/)).toHaveCount(0);
  // Nor does it claim there is nothing to wait for before it knows.
  const scorecards = page.getByRole('region', { name: 'Scorecards waited for' });
  await expect(scorecards).toContainText('Still downloading…');
  await expect(scorecards).not.toContainText('Every scorecard is in.');
  await page.screenshot({ path: test.info().outputPath('first-sync-loading-names.png'), fullPage: true });

  candidates.open();
  await expect(bar).toContainText(/of about [\d,]+ documents/);
  // Text and bar read in one go: the count moves on every few hundred milliseconds.
  const shown = await bar.evaluate((element) => ({
    text: element.textContent,
    valueNow: element.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? null,
  }));
  const [here, total] = countsOf(shown.text ?? '');
  expect(here).toBeGreaterThan(500);
  expect(total).toBeGreaterThan(here);
  expect(total).toBeGreaterThanOrEqual(520);
  await expect(page.getByRole('progressbar', { name: 'First download progress' })).toBeVisible();
  const percent = Number(shown.valueNow);
  expect(percent).toBeGreaterThan(0);
  expect(percent).toBeLessThan(100);
  expect(percent).toBe(Math.floor((here / total) * 100));
  // The candidates came: every row has its name.
  await expect(recent.getByText('Loading…')).toHaveCount(0);
  await expect(page.getByText(/Unknown candidate/)).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('first-sync-mid-way.png') });

  lastJobs.open();
  await expect(bar).toHaveCount(0, { timeout: 30_000 });
  await expectSynced(page);
  await expect(page.getByText('Still downloading…')).toHaveCount(0);
});
