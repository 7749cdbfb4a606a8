import { addDays, startOfDay } from 'date-fns';
import { expect, test } from './support/test';
import { apiSignIn, pullAll, scheduleInterview, type ServerInterview } from './support/interview-api';
import { signIn } from './support/session';

/**
 * The dashboard's interview lists hold a large team's week (hundreds of interviews at SPEC §9's
 * scale) without rendering every row: they say how many there are, scroll, and every row still
 * opens its interview.
 */
test.describe('the dashboard’s interview lists', () => {
  test('a busy week is counted, scrolls to its last interview, and each row opens it', async ({
    page,
    request,
  }) => {
    const now = Date.now();
    const scheduled: ServerInterview[] = [];
    for (let index = 0; index < 10; index += 1) {
      scheduled.push(
        await scheduleInterview(request, {
          interviewerEmails: ['interviewer1@example.com'],
          scheduledAt: now + 2 * 86_400_000 + index * 300_000,
          applicationIndex: index,
        }),
      );
    }
    // What the card should hold: every scheduled interview from tomorrow on, for seven days, in order.
    const { token } = await apiSignIn(request, 'recruiter2@example.com');
    const tomorrow = addDays(startOfDay(now), 1).getTime();
    const horizon = addDays(tomorrow, 7).getTime();
    const upcoming = (await pullAll<ServerInterview>(request, token, 'interviews'))
      .filter((interview) => {
        const at = Date.parse(interview.scheduledAt);
        return interview.status === 'scheduled' && at >= tomorrow && at < horizon;
      })
      .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
    expect(upcoming.length).toBeGreaterThanOrEqual(scheduled.length);
    const last = upcoming.at(-1);
    if (!last) throw new Error('no upcoming interview');

    await signIn(page, 'recruiter1@example.com');
    const card = page.getByRole('region', { name: 'Upcoming interviews' });
    await expect(card.getByText(`${upcoming.length} interviews`)).toBeVisible();
    const rows = card.getByRole('listitem');
    await expect(rows.first()).toBeVisible();
    // Only the rows in view (and a few beyond) are in the page.
    expect(await rows.count()).toBeLessThan(upcoming.length);

    await card.getByRole('list').evaluate((list) => {
      const scroller = list.parentElement;
      if (scroller) scroller.scrollTop = scroller.scrollHeight;
    });
    const lastLink = card.locator(`a[href$="/interviews/${last.id}"]`);
    await expect(lastLink).toBeVisible();
    await lastLink.click();
    await expect(page).toHaveURL(new RegExp(`/interviews/${last.id}$`));
  });
});
