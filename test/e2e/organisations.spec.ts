import { expect, test } from './support/test';
import { ServerApi, uniqueSuffix } from './support/api';
import { linkMailedTo } from './support/mailbox';
import { serverPort, setOffline } from './support/network';
import { DEMO_PASSWORD, expectSynced, signIn, syncStatus } from './support/session';

const apiUrl = (path: string) => `http://127.0.0.1:${serverPort()}${path}`;

test('a second organisation is used end to end, and neither sees the other’s data', async ({
  page,
  context,
  request,
  baseURL,
}) => {
  // The operator creates the organisation with its first admin (playwright.config.ts configures it).
  const slug = `northwind-${uniqueSuffix()}`;
  const signedIn = await request.post(apiUrl('/api/auth/login'), {
    data: { email: 'operator@e2e.example', password: 'e2e-operator-password' },
  });
  expect(signedIn.status()).toBe(200);
  const { accessToken } = (await signedIn.json()) as { accessToken: string };
  const adminEmail = `admin@${slug}.example`;
  const created = await request.post(apiUrl('/api/platform/organisations'), {
    headers: { authorization: `Bearer ${accessToken}` },
    data: {
      name: 'Northwind Hiring',
      slug,
      admin: { email: adminEmail, name: 'Nora Admin', password: DEMO_PASSWORD },
    },
  });
  expect(created.status(), await created.text()).toBe(201);

  // Its admin creates a recruiter and an open job.
  const admin = await ServerApi.as(request, adminEmail);
  const recruiterEmail = `recruiter@${slug}.example`;
  await admin.createUser(recruiterEmail, 'Rory Recruiter', 'recruiter');
  const job = await admin.createJob(`Northwind Platform Engineer ${uniqueSuffix()}`, 'open');

  // The recruiter signs in: the shell names the organisation, and only its jobs are there.
  await signIn(page, recruiterEmail);
  await expect(page.getByLabel('Organisation')).toHaveText('Northwind Hiring');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
  const jobs = page.getByRole('table', { name: 'Jobs' });
  await expect(jobs.getByRole('link', { name: job.title })).toBeVisible();
  await expect(jobs.getByRole('link', { name: 'Senior Backend Engineer' })).toHaveCount(0);
  await page.screenshot({ path: 'test/e2e/screenshots/organisation-shell.png' });

  // Offline, a new candidate; online again, it reaches Northwind's server data only.
  await setOffline(context, true);
  await expect(syncStatus(page)).toContainText('Offline');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Candidates' }).click();
  await page.getByRole('link', { name: 'New candidate' }).click();
  const form = page.getByRole('form', { name: 'Candidate' });
  const lastName = `Offline${uniqueSuffix()}`;
  await form.getByLabel('First name').fill('Quinn');
  await form.getByLabel('Last name').fill(lastName);
  await form.getByLabel('Email').fill(`quinn.${lastName.toLowerCase()}@example.org`);
  await form.getByRole('button', { name: 'Create candidate' }).click();
  await expect(page.getByText('Not synced yet')).toBeVisible();
  await setOffline(context, false);
  await expectSynced(page);
  await expect
    .poll(async () =>
      (await admin.pullAll('candidates')).some((candidate) => candidate.lastName === lastName),
    )
    .toBe(true);
  const demoAdmin = await ServerApi.as(request, 'admin@example.com');
  expect((await demoAdmin.pullAll('candidates')).some((candidate) => candidate.lastName === lastName)).toBe(
    false,
  );
  expect((await demoAdmin.pullAll('jobs')).some((other) => other.id === job.id)).toBe(false);

  // A candidate applies on Northwind's careers page.
  const careers = new URL(`../careers/${slug}/`, baseURL).toString();
  const email = `pat-${uniqueSuffix()}@example.org`;
  await page.goto(`${careers}#/register`);
  await expect(page.locator('.brand')).toHaveText('Northwind Hiring · Careers');
  await page.getByLabel('Your name').fill('Pat Applicant');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a-candidate-password');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByRole('heading', { name: 'Confirm your email address' })).toBeVisible();
  const link = await linkMailedTo(email, /^Confirm your email address/);
  expect(link).toContain(`/careers/${slug}/#/verify?token=`);
  await page.goto(`${careers}#/signin`);
  await page.locator('main').getByLabel('Email').fill(email);
  await page.locator('main').getByLabel('Password').fill('a-candidate-password');
  await page.locator('main').getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'My applications' })).toBeVisible();
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Your email address is confirmed' })).toBeVisible();
  await page.getByRole('link', { name: 'See the open positions' }).click();
  await page.getByRole('link', { name: job.title }).click();
  await page.getByRole('button', { name: 'Send my application' }).click();
  await expect(page.locator('form [role="status"]')).toContainText('Your application was received');
  await expect
    .poll(async () =>
      (await admin.pullAll('applications')).some((application) => application.jobId === job.id),
    )
    .toBe(true);
  expect((await demoAdmin.pullAll('applications')).some((application) => application.jobId === job.id)).toBe(
    false,
  );
});
