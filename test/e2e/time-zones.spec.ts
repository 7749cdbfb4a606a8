import { expect, test } from './support/test';
import { uniqueSuffix } from './support/api';
import { apiSignIn, pullAll, scheduleInterview } from './support/interview-api';
import { DEMO_PASSWORD, signIn } from './support/session';

/**
 * Issue 17, time zones: a person gets this computer's zone at their first sign-in, may change it under
 * Preferences, and the app shows interview times in it (not in whatever zone the computer is in).
 */

// São Paulo has kept UTC-3 all year since 2019, Tokyo UTC+9: 09:00 UTC is 06:00 and 18:00.
test.use({ timezoneId: 'America/Sao_Paulo' });

test('times follow the person’s zone: the computer’s at first sign-in, then the one they choose', async ({
  page,
  request,
}) => {
  const email = `zone.${uniqueSuffix()}@example.com`;
  const admin = await apiSignIn(request, 'admin@example.com');
  const created = await request.post('/api/admin/users', {
    headers: { authorization: `Bearer ${admin.token}` },
    data: { email, name: 'Zoe Zone', role: 'recruiter', password: DEMO_PASSWORD },
  });
  expect(created.status()).toBe(201);
  const interview = await scheduleInterview(request, {
    interviewerEmails: [email],
    scheduledAt: Date.parse('2027-03-02T09:00:00.000Z'),
  });
  const zoneOnServer = async () =>
    (await pullAll<{ id: string; email: string; timeZone?: string }>(request, admin.token, 'users')).find(
      (user) => user.email === email,
    )?.timeZone;

  await signIn(page, email);
  await expect.poll(zoneOnServer, { timeout: 20_000 }).toBe('America/Sao_Paulo');
  await page.getByRole('link', { name: 'My interviews' }).click();
  await expect(page.getByText('Tue 2 Mar 2027, 06:00')).toBeVisible();

  await page.getByRole('link', { name: 'Preferences' }).click();
  await page.getByLabel('Your time zone').fill('Asia/Tok');
  await page.getByRole('option', { name: 'Asia/Tokyo' }).click();
  await expect(page.getByText('Times are now shown in Asia/Tokyo.')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('preferences.png'), fullPage: true });
  await expect.poll(zoneOnServer, { timeout: 20_000 }).toBe('Asia/Tokyo');

  await page.getByRole('link', { name: 'My interviews' }).click();
  await expect(page.getByText('Tue 2 Mar 2027, 18:00')).toBeVisible({ timeout: 20_000 });
  await page.goto(`./interviews/${interview.id}`);
  await expect(page.getByText(/Tue 2 Mar 2027, 18:00/)).toBeVisible();
  // A reload signs in again from this computer: the chosen zone stays.
  await page.reload();
  await expect(page.getByText(/Tue 2 Mar 2027, 18:00/)).toBeVisible({ timeout: 20_000 });
  expect(await zoneOnServer()).toBe('Asia/Tokyo');
});
