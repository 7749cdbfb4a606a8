import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { ServerApi, uniqueSuffix } from './support/api';
import { linkMailedTo } from './support/mailbox';
import { DEMO_PASSWORD, expectSynced, signIn, syncStatus } from './support/session';
import { openContext, setOffline } from './support/network';

/**
 * The recruiter's day (issue 18): the résumé preview and upload, duplicates and their merge, hiring
 * with its confirmation and the close-as-filled prompt, search with typos and bulk tagging, and the
 * careers page's sign-in. Each test makes its own jobs and candidates through the sync API.
 */

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

/** Letters only, so the words are ones the typo-tolerant search considers (it skips words with digits). */
function letters(text: string): string {
  return text.replace(/[0-9]/g, (digit) => 'abcdefghij'.charAt(Number(digit)));
}

/** Collects the page's Content-Security-Policy violations (`window.cspViolations`). */
async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} ${event.blockedURI}`);
    });
  });
}

function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

test.describe('the recruiter’s day', () => {
  test('an uploaded résumé shows at once, previewed without breaking the page’s security policy', async ({
    page,
    request,
  }) => {
    const manager = await ServerApi.as(request, 'hr.manager@example.com');
    const candidate = await manager.createCandidate('Rosa', `Resume ${uniqueSuffix()}`);
    await watchCsp(page);
    // No live stream: the new résumé reference would only arrive with the next timed pull.
    await page.route('**/api/sync/stream**', (route) => route.abort());
    await signIn(page, 'recruiter1@example.com');
    await page.goto(`./candidates/${candidate.id}`);
    const resume = page.getByRole('region', { name: 'Résumé' });
    await expect(resume.getByText('No résumé yet.')).toBeVisible();
    await resume
      .getByLabel('Résumé file')
      .setInputFiles({ name: 'rosa-resume.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect(resume.getByText(/rosa-resume\.pdf/)).toBeVisible({ timeout: 8_000 });
    await expect(resume.getByText('No résumé yet.')).toHaveCount(0);
    await expect(resume.locator('iframe[title="Résumé preview"]')).toHaveAttribute('src', /^blob:/);
    await page.waitForTimeout(1_000);
    expect(await cspViolations(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath('resume-preview.png'), fullPage: true });
  });

  test('a résumé on the server is previewed on the candidate’s page, within the page’s security policy', async ({
    page,
    request,
  }) => {
    const manager = await ServerApi.as(request, 'hr.manager@example.com');
    const candidate = await manager.createCandidate('Lise', `Preview ${uniqueSuffix()}`);
    await manager.uploadResume(candidate.id, 'lise.pdf', PDF);
    await watchCsp(page);
    await signIn(page, 'recruiter1@example.com');
    await page.goto(`./candidates/${candidate.id}`);
    const resume = page.getByRole('region', { name: 'Résumé' });
    await expect(resume.getByText(/lise\.pdf \(available offline\)/)).toBeVisible({ timeout: 20_000 });
    await expect(resume.locator('iframe[title="Résumé preview"]')).toHaveAttribute('src', /^blob:/);
    await page.waitForTimeout(1_000);
    expect(await cspViolations(page)).toEqual([]);
  });

  test('a likely duplicate is pointed out while typing, and merging moves the applications to the older record', async ({
    page,
    request,
  }) => {
    const manager = await ServerApi.as(request, 'hr.manager@example.com');
    const lastName = `Duplicate${letters(uniqueSuffix())}`;
    const existing = await manager.createCandidate('Ada', lastName);
    const [first, second] = await Promise.all([
      manager.createJob(`Merge One ${uniqueSuffix()}`, 'open'),
      manager.createJob(`Merge Two ${uniqueSuffix()}`, 'open'),
    ]);
    await manager.createApplication(first, existing, 'screening');

    await signIn(page, 'recruiter1@example.com');
    await page.goto('./candidates/new');
    const form = page.getByRole('form', { name: 'Candidate' });
    await form.getByLabel('First name').fill('Ada');
    await form.getByLabel('Last name').fill(lastName.replace('Duplicate', 'Duplicat'));
    await form.getByLabel('Current company').fill('Testbed GmbH');
    const notice = page.getByRole('status', { name: 'Possible duplicates' });
    await expect(notice).toContainText('This may be someone already here');
    await expect(notice.getByRole('link', { name: `Ada ${lastName}` })).toHaveAttribute(
      'href',
      new RegExp(`/candidates/${existing.id}$`),
    );
    await page.screenshot({ path: test.info().outputPath('duplicate-notice.png'), fullPage: true });
    await form.getByLabel('Email').fill(`second-${uniqueSuffix()}@example.org`);
    await form.getByRole('button', { name: 'Create candidate' }).click();
    await expect(page).toHaveURL(/\/candidates\/cand-/);
    const newerId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    await expect
      .poll(async () => (await manager.find('candidates', newerId))?.id, { timeout: 20_000 })
      .toBe(newerId);
    const newerDoc = await manager.find('candidates', newerId);
    if (!newerDoc) throw new Error('the new candidate is not on the server');
    await manager.createApplication(first, newerDoc, 'applied');
    await manager.createApplication(second, newerDoc, 'screening');

    await page.goto('./candidates/duplicates');
    const pair = page.getByRole('article', {
      name: `Ada ${lastName} and Ada ${lastName.replace('Duplicate', 'Duplicat')}`,
    });
    await expect(pair).toContainText('similar name, same company or place');
    await page.screenshot({ path: test.info().outputPath('duplicates.png'), fullPage: true });
    await pair.getByRole('button', { name: 'Merge…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge these records?' });
    await expect(dialog).toContainText(`Ada ${lastName} (added`);
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await expect(page).toHaveURL(new RegExp(`/candidates/${existing.id}$`));
    await expect(page.getByRole('article', { name: `Application to ${second.title}` })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Merged records' })).toContainText(
      `Ada ${lastName.replace('Duplicate', 'Duplicat')}`,
    );
    await page.screenshot({ path: test.info().outputPath('merged.png'), fullPage: true });

    await expect
      .poll(async () => (await manager.find('candidates', newerId))?.mergedInto, { timeout: 20_000 })
      .toBe(existing.id);
    await expect
      .poll(
        async () => {
          const moved = await manager.find('applications', `${second.id}__${existing.id}`);
          const collapsed = await manager.find('applications', `${first.id}__${newerId}`);
          return [moved?.mergedFrom, moved?.stage, collapsed?.mergedInto];
        },
        { timeout: 20_000 },
      )
      .toEqual([`${second.id}__${newerId}`, 'screening', `${first.id}__${existing.id}`]);
    // Where both applied, the older record's application carries on unchanged.
    expect((await manager.find('applications', `${first.id}__${existing.id}`))?.stage).toBe('screening');
  });

  test('hiring waits for an accepted offer, is confirmed, then offers to close the job as filled', async ({
    page,
    request,
  }) => {
    const manager = await ServerApi.as(request, 'hr.manager@example.com');
    const job = await manager.createJob(`Hire Once ${uniqueSuffix()}`, 'open');
    const candidate = await manager.createCandidate('Hedy', `Hire ${uniqueSuffix()}`);
    const application = await manager.createApplication(job, candidate, 'offer');
    const name = `${candidate.firstName} ${candidate.lastName}`;

    await signIn(page, 'hr.manager@example.com');
    await page.goto(`./applications/${application.id}`);
    await expect(page.getByRole('button', { name: 'Hire…' })).toBeDisabled();
    await expect(page.getByText('Hiring needs an offer; none has been written yet.')).toBeVisible();

    await manager.push('applications', application, {
      ...application,
      offer: { baseSalary: 72_000, currency: 'EUR', status: 'accepted' },
    });
    await expect(page.getByRole('button', { name: 'Hire…' })).toBeEnabled({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Hire…' }).click();
    const confirm = page.getByRole('dialog', { name: `Hire ${name}?` });
    await expect(confirm).toContainText('Hiring is final');
    await confirm.getByRole('button', { name: `Hire ${name}` }).click();
    const close = page.getByRole('dialog', { name: `Close ${job.title} as filled?` });
    await expect(close).toContainText('That fills the job’s one opening.');
    await page.screenshot({ path: test.info().outputPath('close-as-filled.png') });
    await close.getByRole('button', { name: 'Close as filled' }).click();
    await expect(close).toHaveCount(0);
    await expect
      .poll(
        async () => {
          const [stored, hired] = await Promise.all([
            manager.find('jobs', job.id),
            manager.find('applications', application.id),
          ]);
          return [hired?.stage, stored?.status, stored?.closedReason];
        },
        { timeout: 20_000 },
      )
      .toEqual(['hired', 'closed', 'filled']);
  });

  test('search forgives a typo and marks what matched; many candidates are tagged at once', async ({
    page,
    request,
  }) => {
    const manager = await ServerApi.as(request, 'hr.manager@example.com');
    const lastName = `Zebulon${letters(uniqueSuffix())}`;
    const people = [
      await manager.createCandidate('Ines', lastName),
      await manager.createCandidate('Ivo', lastName),
      await manager.createCandidate('Ida', lastName),
    ];

    await signIn(page, 'recruiter1@example.com');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Candidates' }).click();
    const typo = lastName.slice(0, 3) + lastName.charAt(4) + lastName.charAt(3) + lastName.slice(5);
    await page.getByLabel('Search candidates').fill(typo.toLowerCase());
    const list = page.getByRole('list', { name: 'Candidates' });
    await expect(page.getByRole('status').filter({ hasText: /^3 of \d+ candidates$/ })).toBeVisible();
    await expect(list.locator('mark').filter({ hasText: lastName })).toHaveCount(3);
    await page.getByRole('button', { name: 'Select all 3' }).click();
    const bulk = page.getByRole('region', { name: 'Bulk actions' });
    await expect(bulk).toContainText('3 selected');
    const ida = list.getByRole('checkbox', { name: `Select Ida ${lastName}` });
    await ida.uncheck();
    await expect(bulk).toContainText('2 selected');
    await ida.check();
    await expect(bulk).toContainText('3 selected');
    await page.screenshot({ path: test.info().outputPath('candidates-search.png'), fullPage: true });
    await bulk.getByRole('button', { name: 'Tag…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tag 3 candidates' });
    await dialog.getByLabel('Tag').fill('e2e-bulk');
    await dialog.getByRole('button', { name: 'Add tag' }).click();
    await expect(page.getByRole('status').filter({ hasText: '3 tagged' })).toBeVisible();
    await expect
      .poll(
        async () => {
          const stored = await Promise.all(people.map((person) => manager.find('candidates', person.id)));
          return stored.map((doc) => doc?.tags.includes('e2e-bulk'));
        },
        { timeout: 20_000 },
      )
      .toEqual([true, true, true]);
  });

  test('a saved view brings back its search and filters, after a reload too', async ({ page, request }) => {
    const manager = await ServerApi.as(request, 'hr.manager@example.com');
    const lastName = `Viewed${letters(uniqueSuffix())}`;
    await manager.createCandidate('Vera', lastName);
    await manager.createCandidate('Vito', lastName);
    const name = `Saved ${lastName}`;

    await signIn(page, 'recruiter1@example.com');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Candidates' }).click();
    const search = page.getByLabel('Search candidates');
    const found = page.getByRole('status').filter({ hasText: /^2 of \d+ candidates$/ });
    // Typed last, just before saving: the view saved is the one on screen, search included.
    await page.getByLabel('Save this view as').fill(name);
    await search.fill(lastName.toLowerCase());
    await expect(found).toBeVisible();
    await page.getByRole('button', { name: 'Save view', exact: true }).click();
    await expect(page.getByRole('button', { name: `Delete view “${name}”` })).toBeVisible();

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(search).toHaveValue('');
    await expect(found).toBeHidden();
    await page.reload();
    await page.getByLabel('Saved view').click();
    await page.getByRole('option', { name }).click();
    await expect(search).toHaveValue(lastName.toLowerCase());
    await expect(found).toBeVisible();

    await page.getByRole('button', { name: `Delete view “${name}”` }).click();
    await page.getByLabel('Saved view').click();
    await expect(page.getByRole('option', { name })).toHaveCount(0);
  });

  test('a refused change says what happened, in words, arrives with a toast, and is applied again once allowed', async ({
    browser,
    request,
  }) => {
    const manager = await ServerApi.as(request, 'hr.manager@example.com');
    const job = await manager.createJob(`Explained ${uniqueSuffix()}`, 'open');
    const paused = await manager.createCandidate('Paula', `Paused ${uniqueSuffix()}`);
    const rejected = await manager.createCandidate('Rhea', `Rejected ${uniqueSuffix()}`);
    const pausedApplication = await manager.createApplication(job, paused, 'screening');
    const rejectedApplication = await manager.createApplication(job, rejected, 'screening');

    const context = await openContext(browser);
    const page = await context.newPage();
    await signIn(page, 'recruiter1@example.com');
    await setOffline(context, true);
    await expect(syncStatus(page)).toContainText('Offline');
    for (const application of [pausedApplication, rejectedApplication]) {
      await page.goto(`./applications/${application.id}`);
      await page.getByRole('button', { name: 'Move to Interview' }).click();
      await expect(page.getByRole('list', { name: 'Stage history' })).toContainText('Screening → Interview');
    }
    // Meanwhile: the job goes on hold, and the other application is rejected by the hiring manager.
    await manager.setJobStatus(job, 'on_hold');
    const at = new Date().toISOString();
    await manager.push('applications', rejectedApplication, {
      ...rejectedApplication,
      stage: 'rejected',
      stageHistory: [
        ...rejectedApplication.stageHistory,
        { from: 'screening', to: 'rejected', by: manager.userId, at, recordedAt: at },
      ],
      rejection: { atStage: 'screening', reason: 'stronger-candidate' },
    });

    await setOffline(context, false);
    const toast = page.getByRole('alert').filter({ hasText: 'The server did not accept your change' });
    await expect(toast).toBeVisible({ timeout: 30_000 });
    await toast.getByRole('button', { name: 'See why' }).click();
    await expect(page).toHaveURL(/\/refused$/);
    const pausedCard = page.getByLabel(new RegExp(`^Refused: Application of Paula ${paused.lastName}`));
    await expect(pausedCard.getByLabel('What happened')).toHaveText(
      `The job was put on hold (${job.title}), so your change could not be made.`,
    );
    const differences = pausedCard.getByRole('table', { name: 'What differs' });
    await expect(differences.getByRole('row').filter({ hasText: 'Stage' }).first()).toContainText(
      'InterviewScreening',
    );
    // The raw version stays folded away, for copying; the explanation is what shows.
    await expect(pausedCard.locator('pre')).toBeHidden();
    const rejectedCard = page.getByLabel(new RegExp(`^Refused: Application of Rhea ${rejected.lastName}`));
    await expect(rejectedCard.getByLabel('What happened')).toHaveText(
      /^Priya Raman rejected this application at \d\d:\d\d, while your change was waiting to be sent\.$/,
      { timeout: 20_000 },
    );
    await expect(rejectedCard.getByRole('button', { name: 'Apply my change again' })).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('refused-explained.png'), fullPage: true });

    // The job reopens: the paused move is allowed again, and made again.
    await expect(pausedCard.getByRole('button', { name: 'Apply my change again' })).toHaveCount(0);
    const onHold = await manager.find('jobs', job.id);
    if (!onHold) throw new Error('the job is gone');
    await manager.setJobStatus(onHold, 'open');
    await pausedCard.getByRole('button', { name: 'Apply my change again' }).click({ timeout: 30_000 });
    await expect(pausedCard).toHaveCount(0);
    await expectSynced(page);
    await expect
      .poll(async () => (await manager.find('applications', pausedApplication.id))?.stage, {
        timeout: 20_000,
      })
      .toBe('interview');
    await context.close();
  });

  test('the careers page keeps the form through signing in, in every tab, and staff see the applicant’s name', async ({
    page,
    request,
    baseURL,
  }) => {
    const manager = await ServerApi.as(request, 'hr.manager@example.com');
    const job = await manager.createJob(`Careers Apply ${uniqueSuffix()}`, 'open');
    const careers = new URL('../careers/', baseURL).toString();
    const email = `apply-${uniqueSuffix()}@example.org`;
    const registered = await request.post(new URL('/api/auth/register', baseURL).toString(), {
      data: { email, password: DEMO_PASSWORD, name: 'Casey Applicant' },
    });
    expect(registered.status()).toBe(201);
    // Confirm the address (signing in is what the confirmation asks for first).
    await page.goto(await linkMailedTo(email, /^Confirm your email address/));
    await page.locator('main').getByLabel('Email').fill(email);
    await page.locator('main').getByLabel('Password').fill(DEMO_PASSWORD);
    await page.locator('main').getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Your email address is confirmed' })).toBeVisible();
    await page.getByRole('button', { name: /Sign out/ }).click();

    await page.goto(`${careers}#/`);
    await expect(page.getByRole('heading', { name: 'Open positions' })).toBeVisible();
    await expect(page.locator('main')).not.toContainText('null');
    await page.goto(`${careers}#/jobs/${job.id}`);
    await page.getByLabel('Cover letter (optional)').fill('I would love to build this with you.');
    await page
      .getByLabel('Résumé (PDF or Word, up to 10 MB, optional)')
      .setInputFiles({ name: 'casey.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Sign in to apply' }).click();
    const signInForm = page.getByRole('form', { name: 'Sign in to apply' });
    await signInForm.getByLabel('Email').fill(email);
    await signInForm.getByLabel('Password').fill(DEMO_PASSWORD);
    await signInForm.getByRole('button', { name: 'Sign in and apply' }).click();
    await expect(page.locator('form [role="status"]').first()).toContainText('Your application was received');

    // The sign-in holds in a new tab.
    const second = await page.context().newPage();
    await second.goto(`${careers}#/applications`);
    await expect(second.getByRole('heading', { name: 'My applications' })).toBeVisible();
    await expect(second.locator('main')).toContainText(job.title);
    await expect(second.locator('main')).not.toContainText('null');
    await expect(second.getByRole('button', { name: /Sign out \(Casey Applicant\)/ })).toBeVisible();

    const applications = await manager.pullAll('applications');
    const application = applications.find((each) => each.jobId === job.id);
    expect(application?.stageHistory[0]?.note).toBe('I would love to build this with you.');
    await expect
      .poll(async () => (await manager.find('candidates', application?.candidateId ?? ''))?.resume?.fileName)
      .toBe('casey.pdf');

    const staff = await page.context().browser()?.newContext();
    if (!staff) throw new Error('no browser');
    const recruiter = await staff.newPage();
    await signIn(recruiter, 'recruiter1@example.com');
    await recruiter.goto(`./applications/${application?.id ?? ''}`);
    await expect(recruiter.getByRole('list', { name: 'Stage history' })).toContainText(
      'Casey Applicant, through the careers page',
    );
    await staff.close();
  });
});
