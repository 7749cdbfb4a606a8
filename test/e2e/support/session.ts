import { expect, type Page } from '@playwright/test';

/** Every demo account's password (SPEC §8). */
export const DEMO_PASSWORD = 'Password123!';

/** Signs in through the sign-in screen and waits until the first download has finished. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('./');
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(DEMO_PASSWORD);
  await form.getByRole('button', { name: /sign in/i }).click();
  await expect(page.getByRole('link', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: /first download/i })).toHaveCount(0, {
    timeout: 30_000,
  });
}
