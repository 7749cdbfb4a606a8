import type { Page, Route } from '@playwright/test';
import type { Comment } from '#shared/domain/comment/comment-schema';
import { MAX_PULL_LIMIT, MAX_PUSH_ROWS } from '#shared/sync/protocol';
import { ServerApi, uniqueSuffix } from './support/api';
import { DEMO_PASSWORD, expectSynced } from './support/session';
import { expect, test } from './support/test';

/**
 * A recruiter's first sync (issue 18): the bar says how many documents are here of about how many,
 * and fills as they come; while the candidates have not arrived, the dashboard's rows wait for their
 * names ("Loading…") instead of calling them unknown.
 */

/** When the comments were written: long ago, so the candidate's timeline lists them oldest last. */
const OLD = Date.parse('2021-01-01T09:00:00.000Z');

/** A door the test opens: requests held at it go on once it is open. */
function door(): { readonly passed: Promise<void>; open(): void } {
  let open = () => {};
  const passed = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { passed, open };
}

/** More comments than one pull batch, on a candidate of their own, so their download needs a second pull. */
const COMMENTS = MAX_PULL_LIMIT + 20;

async function manyComments(api: ServerApi, count: number): Promise<void> {
  const candidate = await api.createCandidate('Chatty', `Firstsync ${uniqueSuffix()}`);
  const comments: Comment[] = Array.from({ length: count }, (_, index) => ({
    id: `e2e-first-sync-${candidate.id}-${String(index).padStart(4, '0')}`,
    updatedAt: 0,
    candidateId: candidate.id,
    body: `Note ${index} of many, for a download bigger than one batch.`,
    mentions: [],
    createdBy: api.userId,
    createdAt: new Date(OLD + index * 60_000).toISOString(),
  }));
  for (let start = 0; start < comments.length; start += MAX_PUSH_ROWS)
    await api.pushMany('comments', comments.slice(start, start + MAX_PUSH_ROWS));
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
  await manyComments(await ServerApi.as(request, 'hr.manager@example.com'), COMMENTS);
  const candidates = door();
  const lastComments = door();
  await page.route('**/api/sync/*/pull?*', async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.pathname.endsWith('/candidates/pull')) await candidates.passed;
    // The first comments batch comes at once; the rest of them waits.
    else if (url.pathname.endsWith('/comments/pull') && url.searchParams.has('checkpoint'))
      await lastComments.passed;
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
  expect(here).toBeGreaterThan(MAX_PULL_LIMIT);
  expect(total).toBeGreaterThan(here);
  expect(total).toBeGreaterThanOrEqual(COMMENTS);
  await expect(page.getByRole('progressbar', { name: 'First download progress' })).toBeVisible();
  const percent = Number(shown.valueNow);
  expect(percent).toBeGreaterThan(0);
  expect(percent).toBeLessThan(100);
  expect(percent).toBe(Math.floor((here / total) * 100));
  // The candidates came: every row has its name.
  await expect(recent.getByText('Loading…')).toHaveCount(0);
  await expect(page.getByText(/Unknown candidate/)).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('first-sync-mid-way.png') });

  lastComments.open();
  await expect(bar).toHaveCount(0, { timeout: 30_000 });
  await expectSynced(page);
  await expect(page.getByText('Still downloading…')).toHaveCount(0);
});
