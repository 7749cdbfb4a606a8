import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { ServerApi, uniqueSuffix } from './support/api';
import { textsMailedTo } from './support/mailbox';
import { openContext, setOffline } from './support/network';
import { expectSynced, signIn } from './support/session';

/** Live changes arrive through the sync stream within a few seconds, with no reload. */
const LIVE_TIMEOUT = 10_000;
/** The author's own zone, far from the computer's: the "edited" time must be shown in it. */
const AUTHOR_ZONE = 'Asia/Tokyo';

// The computer's zone (UTC-3) differs from the author's chosen one (UTC+9) by twelve hours.
test.use({ timezoneId: 'America/Sao_Paulo' });

/** `at` as the app writes short times ("3 Mar 2026, 10:00"), in `zone`. */
function shortIn(at: string, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((each) => each.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')}`;
}

function timelineOf(page: Page) {
  const timeline = page.getByRole('region', { name: 'Timeline' });
  return {
    timeline,
    comments: timeline.getByRole('listitem', { name: /^Comment by / }),
  };
}

/** Signs two people in, each on their own laptop, and opens the candidate on both; answers their timelines. */
async function openCandidate(
  candidateId: string,
  [first, firstEmail]: readonly [Page, string],
  [second, secondEmail]: readonly [Page, string],
): Promise<[ReturnType<typeof timelineOf>, ReturnType<typeof timelineOf>]> {
  await Promise.all([signIn(first, firstEmail), signIn(second, secondEmail)]);
  await Promise.all([first.goto(`./candidates/${candidateId}`), second.goto(`./candidates/${candidateId}`)]);
  return [timelineOf(first), timelineOf(second)];
}

/**
 * Issue 18, the timeline's comments: a recruiter writes a comment, edits it in place (Escape asks
 * before throwing an edit away; Enter saves) offline, and deletes it after a confirmation; a second
 * recruiter sees each change live and has no edit or delete buttons on a colleague's comment. The
 * edit is marked "edited" at its time in the author's own zone, and the colleague it newly names is
 * mailed.
 */
test('a recruiter writes, edits offline and deletes a comment; a colleague sees it live and may do neither', async ({
  page,
  context,
  browser,
  request,
}) => {
  const manager = await ServerApi.as(request, 'hr.manager@example.com');
  const author = await ServerApi.as(request, 'recruiter1@example.com');
  const candidate = await manager.createCandidate('Cora', `Commentson ${uniqueSuffix()}`);
  const formerZone = await author.setOwnTimeZone(AUTHOR_ZONE);

  const colleagueContext = await openContext(browser, { timezoneId: 'America/Sao_Paulo' });
  const colleague = await colleagueContext.newPage();
  try {
    const [mine, theirs] = await openCandidate(
      candidate.id,
      [page, 'recruiter1@example.com'],
      [colleague, 'recruiter2@example.com'],
    );

    // Written by the author; the colleague sees it live, without edit or delete buttons.
    await mine.timeline.getByLabel('Add a comment').fill('Portfolio is strong; the case study is thin.');
    await mine.timeline.getByRole('button', { name: 'Comment' }).click();
    const myComment = mine.comments.filter({ hasText: 'Portfolio is strong' });
    await expect(myComment).toContainText('Jordan Ellis commented');
    await expect(myComment).not.toContainText('edited');
    await expectSynced(page);
    const theirView = theirs.comments.filter({ hasText: 'Jordan Ellis commented' });
    await expect(theirView).toContainText('Portfolio is strong', { timeout: LIVE_TIMEOUT });
    await expect(theirView.getByRole('button', { name: 'Edit comment' })).toHaveCount(0);
    await expect(theirView.getByRole('button', { name: 'Delete comment' })).toHaveCount(0);

    // Editing: Escape with nothing changed just closes; with a change it asks first.
    await myComment.getByRole('button', { name: 'Edit comment' }).click();
    const editor = myComment.getByLabel('Edit your comment');
    await expect(editor).toBeFocused();
    await editor.press('Escape');
    await expect(editor).toHaveCount(0);
    await myComment.getByRole('button', { name: 'Edit comment' }).click();
    await editor.fill('Portfolio is strong; the case study is thin. @Pri');
    // Enter picks the name offered (it does not save the half-typed edit).
    await expect(myComment.getByRole('option', { name: '@Priya Raman' })).toBeVisible();
    await editor.press('Enter');
    await expect(editor).toHaveValue('Portfolio is strong; the case study is thin. @Priya Raman ');
    await editor.pressSequentially('can you ask about it?');
    await expect(myComment.getByText('Notifies Priya Raman')).toBeVisible();
    await editor.press('Escape');
    const discard = page.getByRole('dialog', { name: 'Discard your edit?' });
    await expect(discard).toBeVisible();
    await discard.getByRole('button', { name: 'Keep editing' }).click();
    await expect(discard).toHaveCount(0);
    await expect(editor).toHaveValue(
      'Portfolio is strong; the case study is thin. @Priya Raman can you ask about it?',
    );

    // Saved with Enter while offline: the edit stands on this laptop and syncs once back online.
    await setOffline(context, true);
    await editor.press('Enter');
    await expect(editor).toHaveCount(0);
    const edited = mine.comments.filter({ hasText: 'can you ask about it?' });
    await expect(edited).toContainText('edited');
    await expect(edited.getByText('Not synced yet')).toBeVisible();
    await setOffline(context, false);
    await expectSynced(page);
    await expect(edited.getByText('Not synced yet')).toHaveCount(0);
    const stored = (await manager.pullAll('comments')).find((each) => each.candidateId === candidate.id);
    expect(stored).toMatchObject({ mentions: ['user-hr-manager'], createdBy: 'user-recruiter-1' });
    const editedAt = stored?.editedAt;
    if (!editedAt) throw new Error('the edit carries no editedAt');
    await expect(edited).toContainText(`edited ${shortIn(editedAt, AUTHOR_ZONE)}`);
    await expect(theirView).toContainText('can you ask about it?', { timeout: LIVE_TIMEOUT });
    await expect(theirView).toContainText('edited');
    await expect(theirView.getByRole('button', { name: 'Edit comment' })).toHaveCount(0);
    await page.screenshot({ path: '/tmp/h21-timeline-edited.png', fullPage: true });
    await page.screenshot({ path: test.info().outputPath('comment-edited.png'), fullPage: true });

    const [mail] = await textsMailedTo(
      'hr.manager@example.com',
      new RegExp(`Jordan Ellis mentioned you on Cora ${candidate.lastName}`),
    );
    expect(mail).toContain('can you ask about it?');

    // Deleting asks first; keeping it changes nothing, deleting takes it off both timelines.
    await edited.getByRole('button', { name: 'Delete comment' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this comment?' });
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(edited).toHaveCount(1);
    await edited.getByRole('button', { name: 'Delete comment' }).click();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(mine.comments).toHaveCount(0);
    await expectSynced(page);
    await expect(theirs.comments).toHaveCount(0, { timeout: LIVE_TIMEOUT });
    expect((await manager.pullAll('comments')).filter((each) => each.candidateId === candidate.id)).toEqual(
      [],
    );
  } finally {
    await colleagueContext.close();
    if (formerZone) await author.setOwnTimeZone(formerZone);
  }
});

/**
 * Moderation meets an offline edit: an admin deletes a recruiter's comment (they may delete, never
 * edit, another's words) while the recruiter, offline, edits it. Back online, the delete stands on
 * both laptops and the recruiter's lost edit is in their refused changes, with their own version.
 */
test('an admin deletes a comment its author is editing offline: the delete stands, the edit is listed as refused', async ({
  page,
  context,
  browser,
  request,
}) => {
  const manager = await ServerApi.as(request, 'hr.manager@example.com');
  const candidate = await manager.createCandidate('Mo', `Moderated ${uniqueSuffix()}`);
  const adminContext = await openContext(browser);
  const admin = await adminContext.newPage();
  try {
    const [mine, theirs] = await openCandidate(
      candidate.id,
      [page, 'recruiter1@example.com'],
      [admin, 'admin@example.com'],
    );
    await mine.timeline.getByLabel('Add a comment').fill('Salary expectations are above the band.');
    await mine.timeline.getByRole('button', { name: 'Comment' }).click();
    await expectSynced(page);

    const moderated = theirs.comments.filter({ hasText: 'Salary expectations' });
    await expect(moderated).toHaveCount(1, { timeout: LIVE_TIMEOUT });
    await expect(moderated.getByRole('button', { name: 'Edit comment' })).toHaveCount(0);

    await setOffline(context, true);
    const myComment = mine.comments.filter({ hasText: 'Salary expectations' });
    await myComment.getByRole('button', { name: 'Edit comment' }).click();
    await myComment
      .getByLabel('Edit your comment')
      .fill('Salary expectations are above the band, but flexible.');
    await myComment.getByRole('button', { name: 'Save' }).click();
    await expect(mine.comments.filter({ hasText: 'but flexible' })).toContainText('edited');

    await moderated.getByRole('button', { name: 'Delete comment' }).click();
    const confirm = admin.getByRole('dialog', { name: 'Delete this comment?' });
    await expect(confirm).toContainText('Jordan Ellis’s comment leaves the timeline for everyone');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(theirs.comments).toHaveCount(0);
    await expectSynced(admin);

    await setOffline(context, false);
    await expectSynced(page);
    await expect(mine.comments).toHaveCount(0, { timeout: LIVE_TIMEOUT });
    expect((await manager.pullAll('comments')).filter((each) => each.candidateId === candidate.id)).toEqual(
      [],
    );
    const refusedLink = page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /Refused changes/ });
    await expect(refusedLink).toContainText('1');
    await refusedLink.click();
    const card = page.getByLabel('Refused: Comment “Salary expectations are above the band, but flexible.”');
    await expect(card).toBeVisible();
    await expect(card.getByRole('note')).toHaveText('Someone else changed this first.');
    await card.getByRole('button', { name: 'Your version', exact: true }).click();
    await expect(card.locator('pre').and(card.getByLabel('Your version', { exact: true }))).toContainText(
      '"body": "Salary expectations are above the band, but flexible."',
    );
  } finally {
    await adminContext.close();
  }
});
