import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import {
  apiSignIn,
  scheduleInterview,
  serverInterview,
  userIds,
  type ServerInterview,
} from './support/interview-api';
import { DEMO_PASSWORD, signIn } from './support/session';
import { setOffline } from './support/network';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The browser's clock starts days in the past and moves a day between scorecards: the interviewer
 * works offline over those days and comes back "now". (The server's clock is real: a scorecard may
 * not be dated in its future, so the simulated days end at the present.)
 */
async function writeScorecardsOverDays(
  page: Page,
  interviews: readonly ServerInterview[],
  notes: (day: number) => string,
) {
  for (const [day, interview] of interviews.entries()) {
    await page.getByRole('link', { name: 'My interviews' }).click();
    await page
      .getByRole('region', { name: 'Waiting for my scorecard' })
      .locator(`a[href$="/interviews/${interview.id}"]`)
      .click();
    const form = page.getByRole('form', { name: 'My scorecard' });
    await form
      .getByRole('radiogroup', { name: 'Rating' })
      .getByLabel(String(day + 3))
      .check();
    await form.getByRole('radiogroup', { name: 'Recommendation' }).getByLabel('Strong yes').check();
    await form.getByLabel('Notes').fill(notes(day));
    await expect(form.getByLabel('Notes')).toHaveValue(notes(day));
    await form.getByRole('button', { name: 'Submit scorecard' }).click();
    await expect(form.getByText('Scorecard submitted')).toBeVisible();
    // What was submitted is what the form still shows (CI once stored a first scorecard without its notes).
    await expect(form.getByLabel('Notes')).toHaveValue(notes(day));
    await expect(form.getByRole('radiogroup', { name: 'Rating' }).getByLabel(String(day + 3))).toBeChecked();
    await page.clock.fastForward(DAY);
  }
}

async function scheduleThree(request: Parameters<typeof scheduleInterview>[0], email: string, start: number) {
  const interviews: ServerInterview[] = [];
  for (const day of [0, 1, 2]) {
    interviews.push(
      await scheduleInterview(request, {
        interviewerEmails: [email],
        // Before the simulated first day, so all three wait for a scorecard.
        scheduledAt: start - DAY + day * 60 * 60 * 1000,
        applicationIndex: day + 4,
      }),
    );
  }
  return interviews;
}

async function expectOnServer(
  request: Parameters<typeof serverInterview>[0],
  interviews: readonly ServerInterview[],
  notes: (day: number) => string,
) {
  for (const [day, interview] of interviews.entries()) {
    await expect
      .poll(
        async () => (await serverInterview(request, interview.id))?.scorecards.map((card) => card.notes),
        {
          timeout: 30_000,
        },
      )
      .toEqual([notes(day)]);
  }
}

test.describe('weeks offline', () => {
  test('with an expired access token but a valid refresh token, three days of scorecards sync', async ({
    context,
    page,
    request,
  }) => {
    const start = Date.now() - 4 * DAY;
    const interviews = await scheduleThree(request, 'interviewer1@example.com', start);
    const notes = (day: number) => `Offline day ${day + 1}: refresh path ${interviews[0]?.id}`;
    await page.clock.install({ time: start });
    await signIn(page, 'interviewer1@example.com');
    await setOffline(context, true);
    await writeScorecardsOverDays(page, interviews, notes);
    // Back "today", long after the 15-minute access token expired: the app refreshes it silently.
    await page.clock.fastForward(DAY - 60_000);
    await page.clock.setSystemTime(Date.now() + 20 * 60 * 1000);
    const refreshed = page.waitForResponse((response) => response.url().endsWith('/api/auth/refresh'));
    await setOffline(context, false);
    expect((await refreshed).status()).toBe(200);
    await expectOnServer(request, interviews, notes);
    await expect(page.getByRole('button', { name: 'Sign in again' })).toHaveCount(0);
  });

  test('with the session ended too, the app asks to sign in, then everything syncs', async ({
    context,
    page,
    request,
  }) => {
    const start = Date.now() - 4 * DAY;
    const interviews = await scheduleThree(request, 'interviewer3@example.com', start);
    const notes = (day: number) => `Offline day ${day + 1}: sign-in path ${interviews[0]?.id}`;
    await page.clock.install({ time: start });
    await signIn(page, 'interviewer3@example.com');
    await setOffline(context, true);
    await writeScorecardsOverDays(page, interviews, notes);
    // The server's refresh tokens live 30 days by the server's own clock, which the browser cannot
    // move: an admin ending the interviewer's sessions stands in for an expired refresh token.
    const admin = await apiSignIn(request, 'admin@example.com');
    const interviewerId = (await userIds(request, admin.token)).get('interviewer3@example.com');
    const revoked = await request.post(`/api/admin/users/${interviewerId}/revoke-sessions`, {
      headers: { authorization: `Bearer ${admin.token}` },
      data: {},
    });
    expect(revoked.ok()).toBe(true);
    await page.clock.fastForward(DAY - 60_000);
    await page.clock.setSystemTime(Date.now() + 20 * 60 * 1000);
    await setOffline(context, false);

    await page.getByRole('button', { name: 'Sign in again' }).click({ timeout: 30_000 });
    const dialog = page.getByRole('dialog', { name: 'Sign in again' });
    await dialog.getByLabel('Password').fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: 'Sign in and sync' }).click();
    await expectOnServer(request, interviews, notes);
    // Nothing typed was lost on the laptop either.
    await page.goto(`./interviews/${interviews[2]?.id}`);
    await expect(page.getByRole('form', { name: 'My scorecard' }).getByLabel('Notes')).toHaveValue(notes(2));
  });
});
