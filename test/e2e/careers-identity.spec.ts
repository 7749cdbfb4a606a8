import { expect, test } from './support/test';
import { uniqueSuffix } from './support/api';
import { linkMailedTo } from './support/mailbox';

test.describe('careers page accounts', () => {
  test('a candidate confirms the address by the mailed link before applying, and resets the password', async ({
    page,
    baseURL,
  }) => {
    const careers = new URL('../careers/', baseURL).toString();
    const email = `careers-${uniqueSuffix()}@example.org`;
    const password = 'a-candidate-password';

    await page.goto(`${careers}#/register`);
    await page.getByLabel('Your name').fill('Casey Candidate');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create my account' }).click();
    await expect(page.getByRole('heading', { name: 'Confirm your email address' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('Check your email');

    await page.getByRole('link', { name: 'Go to sign in' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'My applications' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('Please confirm your email address');

    await page.goto(`${careers}#/`);
    await page.getByRole('heading', { name: 'Open positions' }).waitFor();
    await page.locator('article h2 a').first().click();
    await page.getByRole('button', { name: 'Send my application' }).click();
    await expect(page.locator('form [role="status"]')).toContainText(
      'Please confirm your email address first',
    );
    await page.locator('form').getByRole('button', { name: 'Send the link again' }).click();
    await expect(page.locator('form [role="status"]')).toContainText(`We sent a new link to ${email}`);

    const link = await linkMailedTo(email, /^Confirm your email address/);
    expect(link).toContain('/careers/#/verify?token=');
    await page.goto(link);
    await expect(page.getByRole('heading', { name: 'Your email address is confirmed' })).toBeVisible();
    await expect(page).not.toHaveURL(/token=/);

    await page.getByRole('link', { name: 'See the open positions' }).click();
    await page.locator('article h2 a').first().click();
    await page.getByRole('button', { name: 'Send my application' }).click();
    await expect(page.locator('form [role="status"]')).toContainText('Your application was received');

    await page.getByRole('button', { name: /Sign out/ }).click();
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
    const reset = await linkMailedTo(email, /^Reset your .* password$/);
    expect(reset).toContain('/careers/#/reset?token=');
    await page.goto(reset);
    await page.getByLabel('New password (at least 8 characters)').fill('a-fresh-candidate-password');
    await page.getByLabel('The same password again').fill('a-fresh-candidate-password');
    await page.getByRole('button', { name: 'Change my password' }).click();
    await expect(page.getByRole('heading', { name: 'Your password is changed' })).toBeVisible();
    await page.getByRole('link', { name: 'Sign in' }).first().click();
    await page.locator('main').getByLabel('Email').fill(email);
    await page.locator('main').getByLabel('Password').fill('a-fresh-candidate-password');
    await page.locator('main').getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'My applications' })).toBeVisible();
    await expect(page.locator('article h2')).toHaveCount(1);
  });
});
