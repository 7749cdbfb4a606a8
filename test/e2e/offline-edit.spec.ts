import { expect, test } from './support/test';
import { ServerApi, uniqueSuffix } from './support/api';
import { expectSynced, signIn, syncStatus } from './support/session';
import { setOffline } from './support/network';

test('an edit made offline survives a reload while offline, sign-out warns about it, and it reaches the server once online', async ({
  page,
  context,
  request,
}) => {
  const manager = await ServerApi.as(request, 'hr.manager@example.com');
  const job = await manager.createJob(`Offline Edit Engineer ${uniqueSuffix()}`, 'open');
  const newLocation = `Lisbon (edited offline ${uniqueSuffix()})`;

  await signIn(page, 'recruiter2@example.com');
  // The app shell is cached for offline use by the service worker.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
  await page.getByRole('table', { name: 'Jobs' }).getByRole('link', { name: job.title }).click();
  await expect(page.getByRole('heading', { name: job.title, level: 1 })).toBeVisible();

  await setOffline(context, true);
  await expect(syncStatus(page)).toContainText('Offline');
  await page.getByRole('link', { name: 'Edit job' }).click();
  const form = page.getByRole('form', { name: 'Job' });
  await form.getByLabel('Location').fill(newLocation);
  await form.getByRole('button', { name: 'Save job' }).click();
  await expect(page.getByRole('heading', { name: job.title, level: 1 })).toBeVisible();
  await expect(page.getByText(newLocation)).toBeVisible();
  await expect(page.getByText('Not synced yet')).toBeVisible();
  await expect(syncStatus(page).getByLabel('1 unsynced changes')).toBeVisible();

  // Reopening the app with no network: the same person, the same local data, still unsynced.
  await page.reload();
  await expect(page.getByRole('heading', { name: job.title, level: 1 })).toBeVisible();
  await expect(page.getByText(newLocation)).toBeVisible();
  await expect(page.getByText('Not synced yet')).toBeVisible();
  await expect(page.getByLabel('Signed in as')).toContainText('Sofia Marquez (recruiter)');
  await expect(syncStatus(page)).toContainText('Offline');
  await expect(syncStatus(page).getByLabel('1 unsynced changes')).toBeVisible();
  expect((await manager.find('jobs', job.id))?.location).toBe('Remote');

  // Signing out now warns that the change has not reached the server.
  await page.getByRole('button', { name: 'Sign out' }).click();
  const signOut = page.getByRole('dialog', { name: 'Sign out' });
  await expect(signOut.getByRole('alert')).toContainText('1 change has not reached the server yet');
  await expect(signOut.getByRole('alert')).toContainText('Removing local data loses it');
  await signOut.getByRole('button', { name: 'Cancel' }).click();
  await expect(signOut).toHaveCount(0);

  await setOffline(context, false);
  await expectSynced(page);
  await expect(page.getByText('Not synced yet')).toHaveCount(0);
  await expect.poll(async () => (await manager.find('jobs', job.id))?.location).toBe(newLocation);

  // Everything synced: no warning any more.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(signOut).toBeVisible();
  await expect(signOut.getByRole('alert')).toHaveCount(0);
  await signOut.getByRole('button', { name: 'Sign out and remove local data' }).click();
  await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible();
});
