import { expect, test } from './support/test';
import { candidateAtStage, ServerApi, uniqueSuffix } from './support/api';
import { DEMO_PASSWORD, signIn } from './support/session';
import { openContext } from './support/network';
import type { APIRequestContext } from '@playwright/test';

async function accessTokenOf(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/**
 * The admin console (issue 17): an admin runs the deployment from the app. Accounts are created,
 * deactivated and wiped from the Users section; the audit log is filtered; a candidate is erased after
 * a confirmation that names what goes. Non-admins never see the console.
 */

test('an admin creates an account, which signs in; deactivated, it cannot', async ({ page, request }) => {
  const email = `new.recruiter.${uniqueSuffix()}@example.com`;
  await signIn(page, 'admin@example.com');
  await page.getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByRole('heading', { name: 'Admin', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'New account' }).click();
  const dialog = page.getByRole('dialog', { name: 'New account' });
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Name').fill('Nora New');
  await dialog.getByLabel('First password').fill(DEMO_PASSWORD);
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Nora New can now sign in as recruiter.')).toBeVisible();
  // The directory replicates: the account appears in the list.
  const row = page.getByRole('row', { name: /Nora New/ });
  await expect(row).toContainText('Active', { timeout: 20_000 });
  const signedIn = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(signedIn.status()).toBe(200);

  await page.getByRole('button', { name: 'Actions for Nora New' }).click();
  await page.getByRole('menuitem', { name: 'Deactivate' }).click();
  const confirm = page.getByRole('dialog', { name: 'Deactivate Nora New' });
  await expect(confirm).toContainText('can no longer sign in');
  await confirm.getByRole('button', { name: 'Deactivate' }).click();
  await expect(row).toContainText('Deactivated', { timeout: 20_000 });
  const refused = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(refused.status()).toBe(401);
});

test('wiping a lost laptop says what happens, then signs it out and deletes its data', async ({
  page,
  browser,
}) => {
  const laptop = await openContext(browser);
  const lost = await laptop.newPage();
  await signIn(lost, 'interviewer3@example.com');

  await signIn(page, 'admin@example.com');
  await page.goto('./admin/users');
  const row = page.getByRole('row').filter({ hasText: 'interviewer3@example.com' });
  const name = (await row.getByRole('cell').first().textContent()) ?? '';
  await row.getByRole('button', { name: `Actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Wipe a lost laptop…' }).click();
  const dialog = page.getByRole('dialog', { name: `Wipe ${name}’s laptops` });
  await expect(dialog).toContainText('delete all its local Shortlist data');
  await expect(dialog).toContainText('loses changes made on those devices that were never synced');
  await dialog.getByRole('button', { name: 'Sign out and wipe' }).click();
  await expect(page.getByText(new RegExp(`${name} was signed out on [1-9]\\d* device`))).toBeVisible();

  // The lost laptop learns it at its next contact: signed out, its local data gone.
  await lost.reload();
  await expect(lost.getByRole('form', { name: 'Sign in' })).toBeVisible({ timeout: 30_000 });
  await laptop.close();
});

test('the audit log filters by outcome and document', async ({ page, request }) => {
  const recruiter = await ServerApi.as(request, 'recruiter1@example.com');
  const job = await (
    await ServerApi.as(request, 'hr.manager@example.com')
  ).createJob(`Audit ${uniqueSuffix()}`, 'open');
  const candidate = await recruiter.createCandidate('Audrey', 'Auditable');
  const application = await recruiter.createApplication(job, candidate);
  // A refused write: skipping stages.
  const at = new Date().toISOString();
  const refused = await request.post('/api/sync/applications/push', {
    headers: { authorization: `Bearer ${await accessTokenOf(request, 'recruiter2@example.com')}` },
    data: [
      {
        assumedMasterState: application,
        newDocumentState: {
          ...application,
          stage: 'offer',
          stageHistory: [
            ...application.stageHistory,
            { from: 'applied', to: 'offer', by: 'x', at, recordedAt: at },
          ],
        },
      },
    ],
  });
  expect(refused.status()).toBe(200);

  await signIn(page, 'admin@example.com');
  await page.goto('./admin/audit');
  const filters = page.getByRole('form', { name: 'Audit filters' });
  await filters.getByLabel('Document id').fill(application.id);
  await filters.getByLabel('Outcome').click();
  await page.getByRole('option', { name: 'Refused' }).click();
  await filters.getByRole('button', { name: 'Filter' }).click();
  const log = page.getByRole('table', { name: 'Audit log' });
  await expect(log.getByRole('row')).toHaveCount(2); // the header and the refusal
  await expect(log).toContainText('Refused');
  await expect(log).toContainText('cannot skip from applied to offer');

  await filters.getByLabel('Outcome').click();
  await page.getByRole('option', { name: 'Accepted' }).click();
  await filters.getByRole('button', { name: 'Filter' }).click();
  await expect(log).not.toContainText('Refused');
  await expect(log).toContainText('Accepted (create)');
});

test('erasing a candidate names what goes, asks for their name, and shows the receipt', async ({
  page,
  request,
}) => {
  const { recruiter, candidate } = await candidateAtStage(request, {
    firstName: 'Erin',
    lastName: 'Erasable',
    jobTitle: 'Erasure',
  });

  await signIn(page, 'admin@example.com');
  await page.goto('./admin/erasure');
  await page.getByLabel('Candidate').fill('Erin Erasable');
  await page.getByRole('option', { name: /Erin Erasable/ }).click();
  await page.getByRole('button', { name: 'Erase Erin Erasable…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Erase Erin Erasable' });
  await expect(dialog).toContainText(candidate.email);
  await expect(dialog).toContainText('of their 1 application');
  const erase = dialog.getByRole('button', { name: 'Erase for good' });
  await expect(erase).toBeDisabled();
  await dialog.getByLabel('Type “Erin Erasable” to confirm').fill('Erin Erasable');
  await erase.click();
  const receipt = page.getByRole('region', { name: 'Erasure receipt' });
  await expect(receipt).toContainText('Erased');
  await expect(receipt).toContainText('Removed from 1 applications');
  const stored = await recruiter.find('candidates', candidate.id);
  expect(stored).toMatchObject({ firstName: 'Erased', lastName: 'Candidate' });
});

test('people who are not admins see no console, and the server refuses them', async ({ page, request }) => {
  await signIn(page, 'recruiter2@example.com');
  await expect(page.getByRole('link', { name: 'Preferences' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Admin' })).toHaveCount(0);
  await page.goto('./admin/users');
  await expect(page.getByText('This page is for admins.')).toBeVisible();
  const token = await accessTokenOf(request, 'recruiter2@example.com');
  const listing = await request.get('/api/admin/users', { headers: { authorization: `Bearer ${token}` } });
  expect(listing.status()).toBe(403);
});
