import { expect, test } from './support/test';
import { signIn } from './support/session';

/** Keyboard focus in the navigation is plainly visible (issue 18: it was barely so). */
test('a navigation item reached with the keyboard has a clear outline', async ({ page }) => {
  await signIn(page, 'recruiter1@example.com');
  const jobs = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).focus();
  for (let presses = 0; presses < 5; presses += 1) {
    if (await jobs.evaluate((link) => link === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(jobs).toBeFocused();
  const outline = await jobs.evaluate((link) => {
    const style = getComputedStyle(link);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), colour: style.outlineColor };
  });
  expect(outline.style).toBe('solid');
  expect(outline.width).toBeGreaterThanOrEqual(2);
  expect(outline.colour).toBe('rgb(57, 73, 171)');
  await page.screenshot({ path: test.info().outputPath('navigation-focus.png') });
});
