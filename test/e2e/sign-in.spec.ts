import { expect, test } from '@playwright/test';
import { signIn } from './support/session';

test.describe('each demo role signs in and sees what it should', () => {
  test('a recruiter sees every job, including drafts and closed ones', async ({ page }) => {
    await signIn(page, 'recruiter1@example.com');
    await page.getByRole('link', { name: 'Jobs' }).click();
    await expect(page.getByRole('link', { name: 'Senior Backend Engineer' })).toBeVisible();
    await page.screenshot({ path: 'test-results/recruiter-jobs.png' });
  });

  test('a wrong password is refused with a readable message', async ({ page }) => {
    await page.goto('./');
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Email').fill('recruiter1@example.com');
    await form.getByLabel('Password').fill('not-the-password');
    await form.getByRole('button', { name: /sign in/i }).click();
    await expect(page.getByRole('alert')).toContainText(/email or password/i);
  });
});
