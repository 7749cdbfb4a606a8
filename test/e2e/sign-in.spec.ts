import { expect, test } from './support/test';
import { registerCandidateAccount, uniqueSuffix } from './support/api';
import { DEMO_PASSWORD } from './support/session';

test.describe('signing in', () => {
  test('a wrong password is refused with a readable message', async ({ page }) => {
    await page.goto('./');
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Email').fill('admin@example.com');
    await form.getByLabel('Password').fill('not-the-password');
    await form.getByRole('button', { name: /sign in/i }).click();
    await expect(page.getByRole('alert')).toContainText(/email or password/i);
  });

  test('a candidate (portal) account is refused by the staff app with a readable message', async ({
    page,
    request,
  }) => {
    const email = `portal-${uniqueSuffix()}@example.org`;
    await registerCandidateAccount(request, email, 'Pat Portal');
    await page.goto('./');
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Password').fill(DEMO_PASSWORD);
    await form.getByRole('button', { name: /sign in/i }).click();
    await expect(form.getByRole('alert')).toHaveText('This account cannot use the desktop app.');
    await expect(page.getByRole('link', { name: 'Dashboard' })).toHaveCount(0);
  });
});
