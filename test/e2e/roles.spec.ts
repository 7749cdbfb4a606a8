import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { ServerApi, uniqueSuffix } from './support/api';
import { signIn } from './support/session';

/** The eight jobs of the demo organisation (SPEC §8). */
const DEMO_JOB_TITLES = [
  'Senior Backend Engineer',
  'Product Designer',
  'Data Analyst, Pricing',
  'Customer Success Manager',
  'Frontend Engineer (React)',
  'Site Reliability Engineer',
  'QA Engineer',
  'Marketing Intern',
] as const;

const INTERVIEWER_EMAILS = [
  'interviewer1@example.com',
  'interviewer2@example.com',
  'interviewer3@example.com',
] as const;

function jobsTable(page: Page) {
  return page.getByRole('table', { name: 'Jobs' });
}

async function openJobs(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
  await expect(page.getByRole('heading', { name: 'Jobs', level: 1 })).toBeVisible();
}

/** Every demo job is listed, with the action to create one; every candidate too. */
async function expectWholeOrganisation(page: Page): Promise<void> {
  await openJobs(page);
  // The list draws only the rows in view: each job is looked up by its title.
  for (const title of DEMO_JOB_TITLES) {
    await page.getByLabel('Search jobs').fill(title);
    await expect(jobsTable(page).getByRole('link', { name: title, exact: true })).toBeVisible();
  }
  await page.getByLabel('Search jobs').fill('');
  await expect(page.getByRole('link', { name: 'New job' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Candidates' }).click();
  await expect(page.getByRole('status').filter({ hasText: /of \d+ candidates/ })).toHaveText(
    /^(\d+) of \1 candidates$/,
  );
  await expect(page.getByRole('list', { name: 'Candidates' }).getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'New candidate' })).toBeVisible();
}

/**
 * A draft job and an application at the offer stage, made by the hiring manager for one test.
 * The person signed in on `page` opens both; the approval and hiring actions are offered or not.
 */
async function expectApprovalAndHiring(
  page: Page,
  request: APIRequestContext,
  offered: boolean,
): Promise<void> {
  const manager = await ServerApi.as(request, 'hr.manager@example.com');
  const suffix = uniqueSuffix();
  const openJob = await manager.createJob(`Roles Check Engineer ${suffix}`, 'open');
  const draftJob = await manager.createJob(`Roles Draft Analyst ${suffix}`, 'draft');
  const candidate = await manager.createCandidate('Rhea', `Offerton ${suffix}`);
  const application = await manager.createApplication(openJob, candidate, 'offer');

  await openJobs(page);
  await jobsTable(page).getByRole('link', { name: draftJob.title }).click();
  await expect(page.getByRole('heading', { name: draftJob.title, level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Close job' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve and open' })).toHaveCount(offered ? 1 : 0);

  await openJobs(page);
  await jobsTable(page).getByRole('link', { name: openJob.title }).click();
  await page
    .getByRole('table', { name: 'Applications' })
    .getByRole('link', { name: `${candidate.firstName} ${candidate.lastName}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`/applications/${application.id}$`));
  await expect(page.getByRole('region', { name: 'Offer' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reject' })).toBeVisible();
  // Hiring is offered (with its confirmation), held back while the offer is only extended (SPEC §3).
  await expect(page.getByRole('button', { name: 'Hire…' })).toHaveCount(offered ? 1 : 0);
  if (offered) await expect(page.getByRole('button', { name: 'Hire…' })).toBeDisabled();
}

test.describe('each demo role signs in and sees what it should', () => {
  test('the admin sees every job and candidate of the organisation', async ({ page }) => {
    await signIn(page, 'admin@example.com');
    await expect(page.getByLabel('Signed in as')).toContainText('(admin)');
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    await expectWholeOrganisation(page);
  });

  test('a recruiter sees every job but is not offered hiring or approving a draft job', async ({
    page,
    request,
  }) => {
    await signIn(page, 'recruiter2@example.com');
    await expect(page.getByLabel('Signed in as')).toContainText('(recruiter)');
    // The dashboard's interviews open their interview pages.
    await page.getByRole('region', { name: 'Upcoming interviews' }).getByRole('link').first().click();
    await expect(page).toHaveURL(/\/interviews\/[^/]+$/);
    await expectWholeOrganisation(page);
    await expectApprovalAndHiring(page, request, false);
  });

  test('a hiring manager sees every job and is offered hiring and approving a draft job', async ({
    page,
    request,
  }) => {
    await signIn(page, 'hr.manager@example.com');
    await expect(page.getByLabel('Signed in as')).toContainText('(hiring manager)');
    await expectWholeOrganisation(page);
    await expectApprovalAndHiring(page, request, true);
  });

  test('an interviewer sees only the jobs and candidates of their interviews, and no offer details', async ({
    page,
    request,
  }) => {
    // What each interviewer is assigned to, as the admin sees it on the server right now.
    const admin = await ServerApi.as(request, 'admin@example.com');
    const [users, jobs, applications, interviews] = await Promise.all([
      admin.pullAll('users'),
      admin.pullAll('jobs'),
      admin.pullAll('applications'),
      admin.pullAll('interviews'),
    ]);
    const scopes = INTERVIEWER_EMAILS.map((email) => {
      const user = users.find((each) => each.email === email);
      if (!user) throw new Error(`${email} is not in the users directory`);
      const own = interviews.filter((interview) => interview.interviewerIds.includes(user.id));
      const applicationIds = new Set(own.map((interview) => interview.applicationId));
      return {
        email,
        jobIds: new Set(own.map((interview) => interview.jobId)),
        candidateIds: new Set(own.map((interview) => interview.candidateId)),
        offerApplication: applications.find((each) => applicationIds.has(each.id) && each.offer),
      };
    });
    // An interviewer with an application that carries an offer, to check the offer is withheld.
    const scope = scopes.find((each) => each.offerApplication !== undefined);
    if (!scope?.offerApplication?.offer) throw new Error('no interviewer has an application with an offer');
    const { offerApplication } = scope;
    const visibleTitles = jobs.filter((job) => scope.jobIds.has(job.id)).map((job) => job.title);
    const hiddenTitles = DEMO_JOB_TITLES.filter((title) => !visibleTitles.includes(title));
    expect(hiddenTitles.length).toBeGreaterThan(0);

    await signIn(page, scope.email);
    await expect(page.getByLabel('Signed in as')).toContainText('(interviewer)');
    // Interviewers land on their interviews and have no Dashboard, Jobs or Candidates to navigate to (issue 19);
    // what their laptop holds is still only their slice.
    await expect(page.getByRole('heading', { name: 'My interviews', level: 1 })).toBeVisible();
    const navigation = page.getByRole('navigation', { name: 'Main' });
    for (const section of ['Dashboard', 'Jobs', 'Candidates']) {
      await expect(navigation.getByRole('link', { name: section, exact: true })).toHaveCount(0);
    }
    await page.goto('jobs');
    await expect(page.getByRole('heading', { name: 'Jobs', level: 1 })).toBeVisible();
    // No application counts that would look like the job's.
    await expect(jobsTable(page).getByRole('columnheader', { name: 'Applications' })).toHaveCount(0);
    for (const title of visibleTitles) {
      await expect(jobsTable(page).getByRole('link', { name: title, exact: true })).toBeVisible();
    }
    await expect(jobsTable(page).getByRole('row')).toHaveCount(visibleTitles.length + 1);
    for (const title of hiddenTitles) {
      await expect(jobsTable(page).getByRole('link', { name: title, exact: true })).toHaveCount(0);
    }
    await expect(page.getByRole('link', { name: 'New job' })).toHaveCount(0);
    const [firstTitle] = visibleTitles;
    if (firstTitle === undefined) throw new Error('the interviewer has no interviews');
    await jobsTable(page).getByRole('link', { name: firstTitle, exact: true }).click();
    await expect(page.getByRole('heading', { name: firstTitle, level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Details' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Applications you interview for' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Applications \(\d+\)$/ })).toHaveCount(0);
    for (const action of ['Edit job', 'Put on hold', 'Reopen', 'Close job', 'Add candidate']) {
      await expect(page.getByRole('main').getByText(action, { exact: true })).toHaveCount(0);
    }

    await page.goto('candidates');
    const count = scope.candidateIds.size;
    await expect(page.getByRole('status').filter({ hasText: /candidates$/ })).toHaveText(
      `${count} of ${count} candidates`,
    );
    await expect(page.getByRole('link', { name: 'New candidate' })).toHaveCount(0);

    // The application with an offer: no offer section, no salary, no stage actions.
    await page.goto(`applications/${offerApplication.id}`);
    await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
    await expect(
      page.getByRole('list', { name: 'Stage history' }).getByRole('listitem').first(),
    ).toBeVisible();
    await expect(page.getByRole('region', { name: 'Offer' })).toHaveCount(0);
    await expect(page.getByRole('main')).not.toContainText(String(offerApplication.offer?.baseSalary));
    await expect(page.getByRole('button', { name: /^Move to / })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Reject' })).toHaveCount(0);
  });
});
