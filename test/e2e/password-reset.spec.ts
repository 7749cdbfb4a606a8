import { expect, test } from './support/test';
import { uniqueSuffix } from './support/api';
import { linkMailedTo } from './support/mailbox';
import { DEMO_PASSWORD } from './support/session';

test.describe('forgotten password', () => {
  test('a staff member resets it by the mailed link, and signs in with the new one', async ({
    page,
    request,
  }) => {
    const email = `reset-${uniqueSuffix()}@example.com`;
    const admin = await request.post('/api/auth/login', {
      data: { email: 'admin@example.com', password: DEMO_PASSWORD },
    });
    const { accessToken } = (await admin.json()) as { accessToken: string };
    const created = await request.post('/api/admin/users', {
      headers: { authorization: `Bearer ${accessToken}` },
      data: { email, name: 'Robin Reset', role: 'recruiter', password: DEMO_PASSWORD },
    });
    expect(created.status()).toBe(201);

    await page.goto('./');
    await page.getByRole('button', { name: 'Forgot password?' }).click();
    const form = page.getByRole('form', { name: 'Reset password' });
    await form.getByLabel('Email').fill(email);
    await form.getByRole('button', { name: 'Send me a link' }).click();
    await expect(page.getByRole('status')).toContainText('Check your email');

    const link = await linkMailedTo(email, /^Reset your .* password$/);
    expect(link).toContain('/app/reset-password#token=');
    await page.goto(link);
    await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    await expect(page).not.toHaveURL(/token=/);
    const reset = page.getByRole('form', { name: 'Choose a new password' });
    await reset.getByLabel(/^New password/).fill('a-new-password-for-robin');
    await reset.getByLabel('Repeat the new password').fill('a-new-password-typo');
    await reset.getByRole('button', { name: 'Change my password' }).click();
    await expect(reset.getByRole('alert')).toContainText('not the same');
    await reset.getByLabel('Repeat the new password').fill('a-new-password-for-robin');
    await reset.getByRole('button', { name: 'Change my password' }).click();
    await expect(page.getByRole('status')).toContainText('Your password is changed');

    await page.getByRole('button', { name: 'Sign in' }).click();
    const signIn = page.getByRole('form', { name: 'Sign in' });
    await signIn.getByLabel('Email').fill(email);
    await signIn.getByLabel('Password').fill(DEMO_PASSWORD);
    await signIn.getByRole('button', { name: /sign in/i }).click();
    await expect(signIn.getByRole('alert')).toContainText(/email or password/i);
    await signIn.getByLabel('Password').fill('a-new-password-for-robin');
    await signIn.getByRole('button', { name: /sign in/i }).click();
    await expect(page.getByRole('link', { name: 'Dashboard' })).toBeVisible();

    // The link was single-use.
    await page.goto(link);
    const again = page.getByRole('form', { name: 'Choose a new password' });
    await again.getByLabel(/^New password/).fill('yet-another-password');
    await again.getByLabel('Repeat the new password').fill('yet-another-password');
    await again.getByRole('button', { name: 'Change my password' }).click();
    await expect(again.getByRole('alert')).toContainText('not valid any more');
  });
});
